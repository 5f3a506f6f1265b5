//! Tagging and parsing throughput: how many words a second [`Parser::parse_into`] tags,
//! lemmatises and parses on one core.
//!
//! The sentences' word forms are gathered first, untimed; a timed run then analyses every
//! sentence in turn into one reused [`Parse`], as a caller going through an article does.
//! Runs are repeated and reported by the best and the median.

use super::{median, Machine};
use crate::parse::conllu::Sentence;
use crate::parse::{Parse, Parser};
use std::fmt;
use std::time::Instant;

/// The default input, relative to the current folder: EWT's dev split.
pub const DEFAULT_INPUT: &str = "../shared/data/ud/en_ewt-ud-dev.conllu";

/// The figures of the benchmark.
#[derive(Clone, Debug, PartialEq)]
pub struct ParseBench {
    /// Where it ran.
    pub machine: Machine,
    /// Whether the code was built with optimisations.
    pub optimized: bool,
    /// Sentences analysed in a run.
    pub sentences: usize,
    /// Words analysed in a run.
    pub words: usize,
    /// Seconds of each run, in order.
    pub seconds: Vec<f64>,
    /// Seconds the thread spent on a core in each run, where the system says
    /// (`/proc/thread-self/schedstat` on Linux): on a machine shared with other work the
    /// words a core analyses in a second, which wall-clock time understates.
    pub cpu_seconds: Option<Vec<f64>>,
}

impl ParseBench {
    /// Words a second of the fastest run.
    pub fn best(&self) -> f64 {
        self.rate(self.seconds.iter().copied().fold(f64::INFINITY, f64::min))
    }

    /// Words a second of the median run.
    pub fn median(&self) -> f64 {
        self.rate(median(&self.seconds))
    }

    /// Words a second of core time, of the fastest and the median run.
    pub fn cpu(&self) -> Option<(f64, f64)> {
        let c = self.cpu_seconds.as_ref()?;
        let best = c.iter().copied().fold(f64::INFINITY, f64::min);
        Some((self.rate(best), self.rate(median(c))))
    }

    fn rate(&self, s: f64) -> f64 {
        if s > 0.0 && s.is_finite() {
            self.words as f64 / s
        } else {
            0.0
        }
    }
}

/// Times `repeat` runs (at least one) of `parser` over the words of `sentences`.
pub fn run(parser: &Parser, sentences: &[Sentence], repeat: usize) -> ParseBench {
    let forms: Vec<Vec<&str>> = sentences.iter().map(|s| s.forms()).collect();
    let words = forms.iter().map(Vec::len).sum();
    let mut parse = Parse::new();
    let mut seconds = Vec::new();
    let mut cpu = Some(Vec::new());
    for _ in 0..repeat.max(1) {
        let core = thread_cpu();
        let start = Instant::now();
        let mut heads = 0usize;
        for f in &forms {
            parser.parse_into(f, &mut parse);
            heads += parse.head(0).unwrap_or(0);
        }
        std::hint::black_box(heads);
        seconds.push(start.elapsed().as_secs_f64());
        cpu = match (cpu, core, thread_cpu()) {
            (Some(mut v), Some(a), Some(b)) => {
                v.push(b - a);
                Some(v)
            }
            _ => None,
        };
    }
    ParseBench {
        machine: Machine::detect(),
        optimized: !cfg!(debug_assertions),
        sentences: sentences.len(),
        words,
        seconds,
        cpu_seconds: cpu,
    }
}

/// Seconds the calling thread has spent on a core, where the system says.
fn thread_cpu() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

impl fmt::Display for ParseBench {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "machine: CPU {}",
            self.machine.cpu.as_deref().unwrap_or("unknown")
        )?;
        if !self.optimized {
            writeln!(
                f,
                "warning: a debug build; time a release build (--release)"
            )?;
        }
        writeln!(
            f,
            "input: {} sentences, {} words; {} runs on 1 thread (tagging, lemmas, parsing)",
            self.sentences,
            self.words,
            self.seconds.len()
        )?;
        write!(
            f,
            "words/s: best {:.0}, median {:.0} (wall clock)",
            self.best(),
            self.median()
        )?;
        if let Some((best, med)) = self.cpu() {
            write!(f, "\nwords/s of core time: best {best:.0}, median {med:.0}")?;
        }
        Ok(())
    }
}
