//! `relc man [COMMAND]`: the manual pages. The page of relc cites a page
//! for each command (`relc-build(1)`), and `relc man build` prints that
//! page, so every page it names can be had. The main page adds what clap
//! cannot know: the language in brief, the exit status and examples.

use std::io::Write;
use std::process::ExitCode;

use super::{Cli, Ui, Unused, printed};

/// The page of relc, or of one of its commands; None for a command that
/// does not exist.
pub fn page(cmd: clap::Command, command: Option<&str>) -> Option<std::io::Result<String>> {
    let mut out = Vec::new();
    let written = match command {
        None => main_page(cmd, &mut out),
        Some(name) => {
            let sub = cmd.find_subcommand(name)?.clone();
            let title = format!("relc-{name}");
            let sub = sub.display_name(title).bin_name(format!("relc {name}"));
            let man = clap_mangen::Man::new(sub);
            man.render(&mut out)
                .and_then(|()| out.write_all(SEE_ALSO.as_bytes()))
        }
    };
    Some(written.map(|()| String::from_utf8_lossy(&out).into_owned()))
}

fn main_page(cmd: clap::Command, out: &mut Vec<u8>) -> std::io::Result<()> {
    // `relc help` is clap's, and has no page of its own to cite.
    let man = clap_mangen::Man::new(cmd.disable_help_subcommand(true));
    man.render_title(out)?;
    man.render_name_section(out)?;
    man.render_synopsis_section(out)?;
    man.render_description_section(out)?;
    man.render_options_section(out)?;
    man.render_subcommands_section(out)?;
    out.write_all(SECTIONS.as_bytes())?;
    man.render_version_section(out)?;
    Ok(())
}

/// The sections of the main page that clap cannot write, in roff.
const SECTIONS: &str = r#".SH "THE LANGUAGE"
A release is a .rel file: a
.B release { }
header (headline, dateline, issuer, locale), declarations of the
organisations, people, places, meetings, outcomes and contacts it names,
each with an id and typed fields, and the parts of the release that
refer to them by
.BR @id :
.BR body ,
.BR contacts ,
.BR about ,
.B follow
and
.BR notes .
Shared declarations live in files of their own, taken in with
.BR "use \(dqshared/office.rel\(dq" .
Prose is line-oriented: blank lines separate paragraphs; a line that
starts with
.BR # ,
.BR - ,
.B 1.
or
.B "quote @id said {"
starts a block.
.B docs/language.md
describes every construct, and
.B relc explain
every diagnostic.
.SH "EXIT STATUS"
.TP
.B 0
Success; warnings may have been printed.
.TP
.B 1
The input has errors, or a file cannot be read or written. Nothing is
written for a release with errors.
.TP
.B 2
The command line is wrong: an unknown command, flag or value.
.SH EXAMPLES
.TP
.B relc check release.rel
Check a release; print every mistake in it, with what to write instead.
.TP
.B relc build release.rel \-\-format text
Print the release as wire text.
.TP
.B relc build press \-\-out\-dir site
Build every release under press/ into site/, with its index.
.TP
.B relc build press \-\-out\-dir site \-\-check
In CI: fail, with a diff, when the published site is out of date.
.TP
.B relc fmt \-\-check press
In CI: fail when a file is not in the canonical layout.
.TP
.B relc new release
Start a release from a documented starting point.
.TP
.B relc serve press
Preview the releases in a browser, reloading on every save.
"#;

const SEE_ALSO: &str = r#".SH "SEE ALSO"
.BR relc (1),
and
.B relc explain
for the diagnostic codes.
"#;

#[derive(clap::Args)]
pub struct Args {
    /// A command, such as build: its own page (relc-build(1)).
    command: Option<String>,
    #[command(flatten)]
    pub(super) unused: Unused,
}

pub fn run(ui: &Ui, args: Args) -> ExitCode {
    let command = args.command;
    let cmd = <Cli as clap::CommandFactory>::command();
    match page(cmd, command.as_deref()) {
        Some(Ok(page)) => printed(&page),
        Some(Err(e)) => {
            ui.error(&format!("cannot write the manual page: {e}"));
            ExitCode::FAILURE
        }
        None => {
            ui.error(&format!(
                "relc has no command `{}`; `relc man` lists them",
                command.unwrap_or_default()
            ));
            ExitCode::from(2)
        }
    }
}
