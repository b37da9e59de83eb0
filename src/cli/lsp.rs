//! `relc lsp`: the language server over standard input and output.

use std::process::ExitCode;

use super::{Diags, Ui};

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub(super) diags: Diags,
}

pub fn run(ui: &Ui, _args: Args) -> ExitCode {
    let (conn, io) =
        relc::lsp::transport::connect(std::io::BufReader::new(std::io::stdin()), std::io::stdout());
    let served = relc::lsp::run(&conn, &ui.loader());
    drop(conn);
    match served
        .map_err(|e| e.to_string())
        .and_then(|()| io.join().map_err(|e| e.to_string()))
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            ui.error(&format!("language server: {e}"));
            ExitCode::FAILURE
        }
    }
}
