//! The claimgraph command line: parses the arguments ([`cli::args`]), runs the command
//! ([`cli::run`]) and maps the outcome to an exit status: 0 success, 1 bad input (or an
//! output that could not be written, or changes waiting for review), 2 usage.

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
    match cli::run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        // the changes are printed; the exit status says they wait for review
        Err(e) if e.is::<Unreviewed>() => ExitCode::from(1),
        Err(e) if e.is::<Usage>() => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(1)
        }
    }
}
