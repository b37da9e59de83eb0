//! `relc fmt`: files in the canonical layout, in place, or a diff with
//! `--check`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::files::{self, read_source};
use super::{Diags, Ui, print_out};

#[derive(clap::Args)]
pub struct Args {
    /// Files or folders (searched for .rel files); `-` formats standard
    /// input to standard output.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Write nothing: exit 1, with a diff, if any file would change.
    #[arg(long)]
    check: bool,
    #[command(flatten)]
    pub(super) diags: Diags,
}

pub fn run(ui: &Ui, args: Args) -> ExitCode {
    let (inputs, check) = (&args.files, args.check);
    let mut failed = false;
    let mut changed = 0;
    for path in files::rel_files(inputs) {
        let (name, src) = match read_source(&path, ui.max_input) {
            Ok(x) => x,
            Err(e) => {
                ui.unreadable(e);
                failed = true;
                continue;
            }
        };
        let formatted = match relc::fmt::format(&src) {
            Ok(f) => f,
            Err(diags) => {
                ui.report(&name, &src, diags);
                ui.error(&format!("{name} has syntax errors; it is left as it is"));
                failed = true;
                continue;
            }
        };
        if path == Path::new("-") {
            failed |= !print_out(&formatted);
            continue;
        }
        if formatted == src {
            continue;
        }
        changed += 1;
        if check {
            let diff = similar::TextDiff::from_lines(&src, &formatted);
            print_out(
                &diff
                    .unified_diff()
                    .context_radius(3)
                    .header(&name, &format!("{name} (formatted)"))
                    .to_string(),
            );
        } else if let Err(msg) = files::rewrite(&path, formatted.as_bytes()) {
            ui.error(&msg);
            failed = true;
        }
    }
    if check && changed > 0 {
        ui.error(&format!(
            "{changed} file{} would be reformatted; run `relc fmt` on {}",
            if changed == 1 { "" } else { "s" },
            if changed == 1 { "it" } else { "them" }
        ));
        failed = true;
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
