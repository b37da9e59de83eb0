//! `relc schema`: the JSON Schema of the JSON output.

use std::process::ExitCode;

use super::{Unused, printed};

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub(super) unused: Unused,
}

pub fn run(_args: Args) -> ExitCode {
    printed(&relc::json_schema())
}
