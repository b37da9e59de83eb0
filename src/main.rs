//! The `relc` command. Everything it does is in the library; this binary
//! reads files, writes files and prints.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
