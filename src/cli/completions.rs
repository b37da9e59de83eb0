//! `relc completions`: a shell's completion script.

use std::process::ExitCode;

use super::{Cli, Unused, printed};

#[derive(clap::Args)]
pub struct Args {
    #[arg(value_enum)]
    shell: clap_complete::Shell,
    #[command(flatten)]
    pub(super) unused: Unused,
}

pub fn run(args: Args) -> ExitCode {
    let shell = args.shell;
    let mut cmd = <Cli as clap::CommandFactory>::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "relc", &mut out);
    printed(&String::from_utf8_lossy(&out))
}
