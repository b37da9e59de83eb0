//! `relc check`: check releases, print what is wrong, write nothing.

use std::path::PathBuf;
use std::process::ExitCode;

use super::{Diags, Ui};

#[derive(clap::Args)]
pub struct Args {
    /// The .rel files, or `-` for standard input.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    #[command(flatten)]
    pub(super) diags: Diags,
}

pub fn run(ui: &Ui, args: Args) -> ExitCode {
    let files = args.files;
    let mut failed = false;
    for f in &files {
        failed |= !ui.check(f).is_some_and(|c| c.ok());
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
