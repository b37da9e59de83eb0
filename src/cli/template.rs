//! `relc template`: a built-in template, to start a house style from.

use std::process::ExitCode;

use super::{Unused, printed};

#[derive(clap::Args)]
pub struct Args {
    /// The template of a site's index pages instead (see
    /// --index-template).
    #[arg(long, conflicts_with = "pdf")]
    index: bool,
    /// The print template of --format pdf instead (Typst; see
    /// docs/formats.md).
    #[arg(long)]
    pdf: bool,
    #[command(flatten)]
    pub(super) unused: Unused,
}

pub fn run(args: Args) -> ExitCode {
    let (index, pdf) = (args.index, args.pdf);
    printed(if index {
        relc::emit::site::TEMPLATE
    } else if pdf {
        relc::emit::pdf::TEMPLATE
    } else {
        relc::emit::html::TEMPLATE
    })
}
