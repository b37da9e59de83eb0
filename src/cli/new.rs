//! `relc new`: a new release from a documented starting point.

use std::path::PathBuf;
use std::process::ExitCode;

use super::{Ui, Unused, files, say};

#[derive(clap::Args)]
pub struct Args {
    /// The file to create; `.rel` is added when missing.
    name: PathBuf,
    #[command(flatten)]
    pub(super) unused: Unused,
}

/// The starting point `relc new` writes: every part of a release, with a
/// comment saying what goes there.
const NEW_RELEASE: &str = relc::check::placeholders::NEW_RELEASE;

/// Writes the starting point at the name given.
pub fn run(ui: &Ui, args: Args) -> ExitCode {
    let name = &args.name;
    let path = if name.extension().is_some_and(|e| e == "rel") {
        name.to_path_buf()
    } else {
        name.with_extension("rel")
    };
    if path.exists() {
        ui.error(&format!(
            "{} already exists; relc new writes only new files",
            path.display()
        ));
        return ExitCode::FAILURE;
    }
    let today = jiff::Timestamp::now()
        .to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .date();
    let text = NEW_RELEASE.replace("2000-01-01", &today.to_string());
    match files::write_atomically(&path, text.as_bytes()) {
        Ok(()) => {
            say(&format!(
                "wrote {}; `relc check {}` tells what to fill in\n",
                path.display(),
                path.display()
            ));
            ExitCode::SUCCESS
        }
        Err(e) => {
            ui.error(&e);
            ExitCode::FAILURE
        }
    }
}
