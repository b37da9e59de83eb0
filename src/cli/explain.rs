//! `relc explain`: what a diagnostic code means, with a bad and a fixed
//! example; the catalogue of codes without one.

use std::process::ExitCode;

use super::{Ui, Unused, printed};

#[derive(clap::Args)]
pub struct Args {
    /// A code such as E0101, or its name, such as unknown-id. Without
    /// one, the catalogue: every code, one line each.
    code: Option<String>,
    /// Print the catalogue: every code with its name and what it is
    /// about, one line each.
    #[arg(long, conflicts_with = "code")]
    list: bool,
    #[command(flatten)]
    pub(super) unused: Unused,
}

pub fn run(ui: &Ui, args: Args) -> ExitCode {
    match args.code {
        Some(code) => explain(&code, ui),
        None => printed(&catalogue()),
    }
}

/// Every diagnostic code, one line each: code, name, severity, summary.
fn catalogue() -> String {
    relc::diag::Code::ALL
        .iter()
        .map(|c| {
            format!(
                "{}  {:<24} {:<7}  {}\n",
                c.as_str(),
                c.name(),
                match c.severity() {
                    relc::diag::Severity::Error => "error",
                    relc::diag::Severity::Warning => "warning",
                },
                c.summary()
            )
        })
        .collect()
}

fn explain(code: &str, ui: &Ui) -> ExitCode {
    match relc::diag::Code::parse(code).and_then(relc::diag::explain) {
        Some(text) => printed(&format!("{text}\n")),
        None => {
            let names = relc::diag::Code::ALL
                .iter()
                .flat_map(|c| [c.as_str(), c.name()]);
            let hint = match relc::suggest::closest(code, names) {
                Some(s) => format!("; did you mean `{s}`?"),
                None => String::new(),
            };
            ui.error(&format!("no diagnostic has the code `{code}`{hint}"));
            ExitCode::from(2)
        }
    }
}
