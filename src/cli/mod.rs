//! The command line, a thin shell over the library: [`args`] defines the commands and their
//! options, [`commands`] runs the product's, `lab` the lab's (`eval`, `train`, `bench`; in
//! a build without the `lab` feature they only say how to get them).

pub mod args;
pub mod commands;
#[cfg_attr(feature = "lab", path = "lab.rs")]
#[cfg_attr(not(feature = "lab"), path = "no_lab.rs")]
pub mod lab;

use anyhow::Context;
use args::{Command, LoadArgs};
use claimgraph::corpus::{self, LoadOptions};
use claimgraph::Story;
use std::io::Write;
use std::path::Path;

/// Runs one command.
pub fn run(command: Command) -> anyhow::Result<()> {
    match command {
        Command::Report {
            story,
            format,
            output,
            publisher,
            publisher_url,
            review_date,
            load,
        } => commands::report(
            story.as_deref(),
            format,
            output.as_deref(),
            commands::PublisherArgs {
                name: publisher,
                url: publisher_url,
                date: review_date,
            },
            &load,
        ),
        Command::Accept { story, load } => commands::accept(&story, &load),
        Command::Review { story, load } => commands::review(&story, &load),
        Command::Extract {
            paths,
            format,
            output,
            load,
        } => commands::extract(&paths, format, output.as_deref(), &load),
        Command::Check {
            claim,
            story,
            format,
            load,
        } => commands::check(&claim, story.as_deref(), format, &load),
        Command::Eval(args) => lab::eval(args),
        Command::Train(args) => lab::train(args),
        Command::Bench(args) => lab::bench(args),
        Command::Articles { story, load } => commands::articles(story.as_deref(), &load),
        Command::Sources { story, load } => commands::sources(story.as_deref(), &load),
    }
}

/// Loads a story folder, or the embedded default story without one, printing the load
/// problems as warnings.
fn load(story: Option<&Path>, args: &LoadArgs) -> claimgraph::Result<Story> {
    let opts = LoadOptions {
        strict: args.strict,
    };
    let story = match story {
        Some(p) => corpus::load_story(p, &opts)?,
        None => corpus::default_story(&opts)?,
    };
    for d in &story.diagnostics {
        eprintln!("warning: {d}");
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
