//! The command line, a thin shell over the library: [`args`] defines the commands and their
//! options, [`commands`] runs the product's, `lab` the lab's (`eval`, `train`, `bench`; in
//! a build without the `lab` feature they only say how to get them), [`stage`] the stages
//! of `claimgraph stage`, [`progress`] draws progress bars on a terminal.

pub mod args;
pub mod commands;
#[cfg_attr(feature = "lab", path = "lab.rs")]
#[cfg_attr(not(feature = "lab"), path = "no_lab.rs")]
pub mod lab;
pub mod progress;
pub mod stage;

use anyhow::Context;
use args::{Command, LoadArgs};
use claimgraph::corpus::{self, FetchOptions, Input, LoadOptions};
use claimgraph::{terminal, Story};
use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// Set by `--quiet`: warnings and notes are not printed.
static QUIET: AtomicBool = AtomicBool::new(false);

/// True under `--quiet`.
pub fn quiet() -> bool {
    QUIET.load(Ordering::Relaxed)
}

/// Prints a warning on standard error (unless `--quiet`), control characters made harmless.
pub fn warn(what: impl std::fmt::Display) {
    if !quiet() {
        eprintln!("warning: {}", terminal::clean(&what.to_string()));
    }
}

/// Prints a note on standard error (unless `--quiet`): what was done, where.
pub fn note(what: impl std::fmt::Display) {
    if !quiet() {
        eprintln!("{}", terminal::clean(&what.to_string()));
    }
}

/// Runs one command.
pub fn run(command: Command, quiet: bool) -> anyhow::Result<()> {
    QUIET.store(quiet, Ordering::Relaxed);
    match command {
        Command::Report {
            inputs,
            format,
            output,
            review,
            load,
        } => commands::report(&inputs.inputs, format, output.as_deref(), review, &load),
        Command::Accept { story, load } => commands::accept(&story, &load),
        Command::Review { story, load } => commands::review(&story, &load),
        Command::Extract {
            inputs,
            format,
            output,
            load,
        } => commands::extract(&inputs.inputs, format, output.as_deref(), &load),
        Command::Check {
            claim,
            inputs,
            format,
            load,
        } => commands::check(&claim, &inputs.inputs, format, &load),
        Command::Eval(args) => lab::eval(args),
        Command::Train(args) => lab::train(args),
        Command::Bench(args) => lab::bench(args),
        Command::Articles {
            inputs,
            format,
            load,
        } => commands::articles(&inputs.inputs, format, &load),
        Command::Sources {
            inputs,
            format,
            suggest,
            load,
        } => commands::sources(&inputs.inputs, format, suggest, &load),
        Command::Stage { stage } => stage::run(stage),
        Command::Init { dir, title } => commands::init(&dir, title.as_deref()),
        Command::Completions { shell } => commands::completions(shell),
        Command::Man { command } => commands::man(command.as_deref()),
    }
}

/// The load options of the command line.
fn load_options(args: &LoadArgs) -> (LoadOptions, FetchOptions) {
    (
        LoadOptions {
            strict: args.strict,
        },
        FetchOptions {
            timeout: Duration::from_secs_f64(args.fetch_timeout),
            ..FetchOptions::default()
        },
    )
}

/// The inputs named on the command line.
fn parse_inputs(inputs: &[OsString]) -> Vec<Input> {
    let inputs: Vec<Input> = inputs.iter().map(|a| Input::parse(a)).collect();
    if inputs.contains(&Input::Stdin) && std::io::stdin().is_terminal() {
        note("reading an article from standard input; end it with Ctrl-D");
    }
    inputs
}

/// Loads the inputs as one story (the embedded default story without any), printing the
/// load problems as warnings.
fn load(inputs: &[OsString], args: &LoadArgs) -> claimgraph::Result<Story> {
    let (opts, fetch) = load_options(args);
    let story = if inputs.is_empty() {
        corpus::default_story(&opts)?
    } else {
        corpus::load_inputs(&parse_inputs(inputs), &opts, &fetch)?
    };
    for d in &story.diagnostics {
        warn(d);
    }
    Ok(story)
}

/// Loads a story folder (not a file: its snapshot is kept in it), printing the load
/// problems as warnings.
fn load_folder(story: &Path, args: &LoadArgs) -> claimgraph::Result<Story> {
    let story = corpus::load_story(story, &load_options(args).0)?;
    for d in &story.diagnostics {
        warn(d);
    }
    Ok(story)
}

/// Writes `text` to `output` (whole or not at all) or to standard output; a closed pipe
/// is not an error.
fn emit(text: &str, output: Option<&Path>) -> anyhow::Result<()> {
    match output {
        Some(p) => claimgraph::output::write_atomic(p, text.as_bytes())?,
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())
                .and_then(|_| out.flush())
                .or_else(|e| {
                    if e.kind() == std::io::ErrorKind::BrokenPipe {
                        Ok(())
                    } else {
                        Err(e)
                    }
                })
                .context("writing to standard output")?;
        }
    }
    Ok(())
}

/// A command line that parses but asks for something impossible (exit status 2).
#[derive(Debug)]
pub struct Usage(pub String);

impl std::fmt::Display for Usage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Usage {}

/// `review` found changes not yet accepted (exit status 1, nothing more to say).
#[derive(Debug)]
pub struct Unreviewed;

impl std::fmt::Display for Unreviewed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("unreviewed changes")
    }
}

impl std::error::Error for Unreviewed {}
