//! `claimgraph stage`: one stage of the pipeline, JSON lines from standard input to
//! standard output (see [`claimgraph::stage`]).

use super::args::{RegistryArg, Stage};
use super::warn;
use anyhow::{anyhow, Context};
use claimgraph::sources::Registry;
use claimgraph::stage;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::io::{BufRead, BufWriter, Read, Write};

/// Runs one stage.
pub fn run(which: Stage) -> anyhow::Result<()> {
    match which {
        Stage::Limits => {
            let mut out = std::io::stdout().lock();
            writeln!(out, "{}", serde_json::to_string(&stage::limits())?)?;
            Ok(())
        }
        Stage::Claims { registry } => {
            let registry = load_registry(&registry)?;
            let mut input = Vec::new();
            std::io::stdin()
                .lock()
                .read_to_end(&mut input)
                .context("reading standard input")?;
            let made = stage::claims(&input, &registry);
            for d in &made.diagnostics {
                warn(d);
            }
            write_lines(made.records.iter(), made.met.iter())
        }
        Stage::Relate { registry } => {
            let registry = load_registry(&registry)?;
            each_line(|group: stage::PairGroup| stage::relate_pairs(group, &registry))
        }
        Stage::Propositions { registry } => {
            let registry = load_registry(&registry)?;
            each_line(|group: stage::Component| stage::propositions(group, &registry))
        }
    }
}

/// The registry named by `--registry`, or an empty one; its problems are printed as
/// warnings, as when a story loads.
fn load_registry(arg: &RegistryArg) -> anyhow::Result<Registry> {
    let Some(path) = &arg.registry else {
        return Ok(Registry::default());
    };
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    let text = std::str::from_utf8(&bytes)
        .map_err(|e| anyhow!("{}: not UTF-8 (byte {})", path.display(), e.valid_up_to()))?;
    let (registry, diagnostics) = Registry::parse(path, text).map_err(|d| anyhow!("{d}"))?;
    for d in &diagnostics {
        warn(d);
    }
    Ok(registry)
}

/// Reads standard input a JSON line at a time as `T`, and writes what `stage` makes of
/// each, one JSON line an item. A line that is no `T`, or that the stage refuses, stops
/// the run with its number and the problem. Blank lines are skipped.
fn each_line<T: DeserializeOwned, U: Serialize>(
    mut stage: impl FnMut(T) -> Result<Vec<U>, String>,
) -> anyhow::Result<()> {
    let stdin = std::io::stdin().lock();
    let mut out = BufWriter::new(std::io::stdout().lock());
    for (n, line) in stdin.lines().enumerate() {
        let line = line.with_context(|| format!("standard input, line {}", n + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        let item: T = serde_json::from_str(&line)
            .map_err(|e| anyhow!("standard input, line {}, column {}: {e}", n + 1, e.column()))?;
        let made = stage(item).map_err(|e| anyhow!("standard input, line {}: {e}", n + 1))?;
        for m in &made {
            if !write_line(&mut out, m)? {
                return Ok(());
            }
        }
    }
    finish(out)
}

/// Writes each claim record, then each unknown speaker met, as a JSON line to standard
/// output.
fn write_lines<'a>(
    records: impl Iterator<Item = &'a stage::ClaimRecord>,
    met: impl Iterator<Item = &'a stage::MetSource>,
) -> anyhow::Result<()> {
    let mut out = BufWriter::new(std::io::stdout().lock());
    for item in records {
        if !write_line(&mut out, item)? {
            return Ok(());
        }
    }
    for item in met {
        if !write_line(&mut out, item)? {
            return Ok(());
        }
    }
    finish(out)
}

/// Writes one JSON line; false when the reader has gone (a closed pipe is no error).
fn write_line(out: &mut impl Write, item: &impl Serialize) -> anyhow::Result<bool> {
    let line = serde_json::to_string(item)?;
    match out
        .write_all(line.as_bytes())
        .and_then(|_| out.write_all(b"\n"))
    {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(false),
        Err(e) => Err(e).context("writing to standard output"),
    }
}

/// Flushes standard output; a closed pipe is no error.
fn finish(mut out: impl Write) -> anyhow::Result<()> {
    match out.flush() {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(e).context("writing to standard output")
        }
        _ => Ok(()),
    }
}
