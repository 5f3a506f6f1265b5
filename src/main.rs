//! The claimgraph command line: parses the arguments ([`cli::args`]), runs the command
//! ([`cli::run`]) and maps the outcome to an exit status: 0 success, 1 bad input (or an
//! output that could not be written), 2 usage. `review` exits 1 for changes waiting to be
//! reviewed and 2 for any trouble (bad input, no accepted snapshot, usage), as `diff` does.

mod cli;

use clap::Parser;
use cli::{Unreviewed, Usage};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match cli::args::Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let reviewing = matches!(cli.command, cli::args::Command::Review { .. });
    match cli::run(cli.command, cli.quiet) {
        Ok(()) => ExitCode::SUCCESS,
        // the changes are printed; the exit status says they wait for review
        Err(e) if e.is::<Unreviewed>() => ExitCode::from(1),
        Err(e) => {
            eprintln!("error: {}", claimgraph::terminal::clean(&message(&e)));
            if e.is::<Usage>() || reviewing {
                ExitCode::from(2)
            } else {
                ExitCode::from(1)
            }
        }
    }
}

/// The error and its causes on one line, each cause left out when the words before already
/// hold it (an error that names a file and quotes the operating system's words has that
/// system error as its cause too, and it would be printed twice).
fn message(e: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in e.chain() {
        let words = cause.to_string();
        if out.is_empty() {
            out = words;
        } else if !out.contains(&words) {
            out.push_str(": ");
            out.push_str(&words);
        }
    }
    out
}
