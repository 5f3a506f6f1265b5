//! Extraction throughput: how fast attributions are extracted from article texts, on one
//! core and on several.
//!
//! The texts are loaded first, untimed. A timed run then does, for every text, what the
//! pipeline does to an article before it resolves speakers: builds the [`Article`]
//! (copying the text and segmenting it into paragraphs and sentences) and extracts its
//! attributions with [`crate::extract_attributions`] against an empty registry, as the
//! PolNeAR evaluation does. Each pass (one thread, then `threads` threads with rayon) is
//! repeated and reported by its best and its median run. Megabytes are 10^6 bytes of
//! article text (UTF-8), not of the file.

use super::{median, Machine};
use crate::corpus::{self, Article, LoadOptions};
use crate::error::{Diagnostic, Error, Result};
use crate::sources::Registry;
use rayon::prelude::*;
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// The default input, relative to the current folder: PolNeAR's training texts.
pub const DEFAULT_INPUT: &str = "../shared/data/polnear/train.jsonl";

/// One text to extract from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Text {
    /// The article id.
    pub id: String,
    /// The article text.
    pub text: String,
}

/// Loads the texts of a span JSONL file (or of any input [`corpus::load_path`] reads: an
/// article file or a story folder). Problems that leave some texts loaded are returned
/// beside them.
pub fn load_texts(path: &Path) -> Result<(Vec<Text>, Vec<Diagnostic>)> {
    let story = corpus::load_path(path, &LoadOptions::default())?;
    if story.articles.is_empty() {
        return Err(Error::Input(Diagnostic::file(
            path,
            "no article text to time",
        )));
    }
    let texts = story
        .articles
        .into_iter()
        .map(|a| Text {
            id: a.id,
            text: a.text,
        })
        .collect();
    Ok((texts, story.diagnostics))
}

/// The texts of `gold`, or of [`DEFAULT_INPUT`] without it, with the path read. An error
/// about the default input says what it is and how to give another.
pub fn load_input(gold: Option<&Path>) -> Result<(PathBuf, Vec<Text>, Vec<Diagnostic>)> {
    let path = gold.map_or_else(|| PathBuf::from(DEFAULT_INPUT), Path::to_path_buf);
    match load_texts(&path) {
        Ok((texts, diags)) => Ok((path, texts, diags)),
        Err(e) if gold.is_none() => Err(Error::Output(format!(
            "{e} (the default input is PolNeAR's training set in ../shared; give a span JSONL \
             file as GOLD)"
        ))),
        Err(e) => Err(e),
    }
}

/// The size of the input.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct InputStats {
    /// Number of articles.
    pub articles: usize,
    /// Bytes of text (UTF-8).
    pub bytes: usize,
    /// Words: runs of characters between white space.
    pub words: usize,
}

impl InputStats {
    /// The size of these texts.
    pub fn of(texts: &[Text]) -> InputStats {
        InputStats {
            articles: texts.len(),
            bytes: texts.iter().map(|t| t.text.len()).sum(),
            words: texts
                .iter()
                .map(|t| t.text.split_whitespace().count())
                .sum(),
        }
    }

    /// Megabytes of text (10^6 bytes).
    pub fn megabytes(&self) -> f64 {
        self.bytes as f64 / 1e6
    }

    /// Throughput of a run over this input that took `seconds`.
    pub fn rate(&self, seconds: f64) -> Rate {
        let per_s = |n: f64| if seconds > 0.0 { n / seconds } else { 0.0 };
        Rate {
            seconds,
            mb_per_s: per_s(self.megabytes()),
            articles_per_s: per_s(self.articles as f64),
            words_per_s: per_s(self.words as f64),
        }
    }
}

/// Throughput of one run (all three rates are 0 when `seconds` is not positive).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rate {
    /// Wall-clock time of the run.
    pub seconds: f64,
    /// Megabytes (10^6 bytes) of text a second.
    pub mb_per_s: f64,
    /// Articles a second.
    pub articles_per_s: f64,
    /// Words a second.
    pub words_per_s: f64,
}

/// What to run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Settings {
    /// Threads of the parallel pass (at least 1).
    pub threads: usize,
    /// Runs of each pass (at least 1).
    pub repeat: usize,
}

impl Default for Settings {
    /// All cores, three runs.
    fn default() -> Settings {
        Settings {
            threads: Machine::detect().cores,
            repeat: 3,
        }
    }
}

/// The runs of one pass.
#[derive(Clone, Debug, PartialEq)]
pub struct Pass {
    /// Threads used.
    pub threads: usize,
    /// Wall-clock seconds of each run, in the order run.
    pub seconds: Vec<f64>,
    /// Attributions found in each run (the same in every run).
    pub attributions: Vec<usize>,
}

impl Pass {
    /// The fastest run's seconds.
    pub fn best(&self) -> f64 {
        self.seconds.iter().copied().fold(f64::INFINITY, f64::min)
    }

    /// The median run's seconds (the mean of the middle two for an even number of runs).
    pub fn median(&self) -> f64 {
        median(&self.seconds)
    }
}

/// The figures of a benchmark.
#[derive(Clone, Debug, PartialEq)]
pub struct BenchReport {
    /// Where it ran.
    pub machine: Machine,
    /// Whether the code was built with optimisations (debug assertions off).
    pub optimized: bool,
    /// The input's size.
    pub input: InputStats,
    /// The single-threaded pass.
    pub single: Pass,
    /// The pass with [`Settings::threads`] threads.
    pub parallel: Pass,
}

impl BenchReport {
    /// How many times faster the parallel pass's best run is than the single-threaded one's.
    pub fn speedup(&self) -> f64 {
        let p = self.parallel.best();
        if p > 0.0 {
            self.single.best() / p
        } else {
            0.0
        }
    }
}

/// Builds the article and extracts its attributions; returns how many were found.
fn extract_one(t: &Text, registry: &Registry) -> usize {
    let article = Article::new(t.id.clone(), t.text.clone());
    crate::extract_attributions(&article, registry).len()
}

fn time<F: FnMut() -> usize>(mut f: F) -> (f64, usize) {
    let start = Instant::now();
    let n = std::hint::black_box(f());
    (start.elapsed().as_secs_f64(), n)
}

/// Times extraction over `texts`: `settings.repeat` runs on the calling thread, then
/// `settings.repeat` runs on a rayon pool of `settings.threads` threads (built before the
/// timing starts). Errors when the settings ask for no thread or no run, or the pool cannot
/// be built.
pub fn run(texts: &[Text], settings: &Settings) -> Result<BenchReport> {
    if settings.threads == 0 || settings.repeat == 0 {
        return Err(Error::Output(
            "the benchmark needs at least one thread and one run".into(),
        ));
    }
    let registry = Registry::default();
    let mut single = Pass {
        threads: 1,
        seconds: Vec::new(),
        attributions: Vec::new(),
    };
    for _ in 0..settings.repeat {
        let (s, n) = time(|| texts.iter().map(|t| extract_one(t, &registry)).sum());
        single.seconds.push(s);
        single.attributions.push(n);
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(settings.threads)
        .build()
        .map_err(|e| Error::Output(format!("cannot start {} threads: {e}", settings.threads)))?;
    let mut parallel = Pass {
        threads: settings.threads,
        seconds: Vec::new(),
        attributions: Vec::new(),
    };
    for _ in 0..settings.repeat {
        let (s, n) =
            time(|| pool.install(|| texts.par_iter().map(|t| extract_one(t, &registry)).sum()));
        parallel.seconds.push(s);
        parallel.attributions.push(n);
    }
    Ok(BenchReport {
        machine: Machine::detect(),
        optimized: !cfg!(debug_assertions),
        input: InputStats::of(texts),
        single,
        parallel,
    })
}

impl fmt::Display for BenchReport {
    /// The figures as a small text table: per pass, the best and the median run.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let m = &self.machine;
        writeln!(
            f,
            "machine: {} core{} available, CPU {}",
            m.cores,
            if m.cores == 1 { "" } else { "s" },
            m.cpu.as_deref().unwrap_or("unknown")
        )?;
        if !self.optimized {
            writeln!(
                f,
                "note: debug build; build with --release for representative figures"
            )?;
        }
        let i = &self.input;
        writeln!(
            f,
            "input: {:.2} MB of text, {} articles, {} words",
            i.megabytes(),
            i.articles,
            i.words
        )?;
        writeln!(
            f,
            "timed: Article::new + attribution extraction, {} runs per pass",
            self.single.seconds.len()
        )?;
        writeln!(f)?;
        writeln!(
            f,
            "{:<8} {:<7} {:>9} {:>9} {:>11} {:>11}",
            "threads", "run", "seconds", "MB/s", "articles/s", "words/s"
        )?;
        for pass in [&self.single, &self.parallel] {
            for (name, secs) in [("best", pass.best()), ("median", pass.median())] {
                let r = i.rate(secs);
                writeln!(
                    f,
                    "{:<8} {:<7} {:>9.3} {:>9.2} {:>11.1} {:>11.0}",
                    pass.threads, name, r.seconds, r.mb_per_s, r.articles_per_s, r.words_per_s
                )?;
            }
        }
        writeln!(f)?;
        writeln!(
            f,
            "speed-up with {} threads (best runs): {:.2}x",
            self.parallel.threads,
            self.speedup()
        )?;
        let n = self.single.attributions.first().copied().unwrap_or(0);
        let same = self
            .single
            .attributions
            .iter()
            .chain(&self.parallel.attributions)
            .all(|&k| k == n);
        write!(
            f,
            "attributions found per run: {n}{}",
            if same { "" } else { " (differs between runs!)" }
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_are_units_over_seconds() {
        let stats = InputStats {
            articles: 10,
            bytes: 5_000_000,
            words: 800_000,
        };
        assert_eq!(stats.megabytes(), 5.0);
        let r = stats.rate(2.0);
        assert_eq!(r.mb_per_s, 2.5);
        assert_eq!(r.articles_per_s, 5.0);
        assert_eq!(r.words_per_s, 400_000.0);
        assert_eq!(stats.rate(0.0).mb_per_s, 0.0);
    }

    #[test]
    fn best_and_median() {
        let p = Pass {
            threads: 1,
            seconds: vec![3.0, 1.0, 2.0, 10.0],
            attributions: vec![],
        };
        assert_eq!(p.best(), 1.0);
        assert_eq!(p.median(), 2.5);
    }

    #[test]
    fn runs_on_a_tiny_input() {
        let texts = vec![
            Text {
                id: "a".into(),
                text: "The mayor said the bridge is safe. Police warned of delays.".into(),
            },
            Text {
                id: "b".into(),
                text: "According to officials, the port will reopen on Monday.".into(),
            },
        ];
        let r = run(
            &texts,
            &Settings {
                threads: 2,
                repeat: 2,
            },
        )
        .unwrap();
        assert_eq!(r.input.articles, 2);
        assert_eq!(r.input.bytes, texts[0].text.len() + texts[1].text.len());
        assert_eq!(r.input.words, 20);
        assert_eq!(r.single.seconds.len(), 2);
        assert_eq!(r.parallel.seconds.len(), 2);
        assert_eq!(r.parallel.threads, 2);
        // both passes find the same attributions, and some
        assert!(r.single.attributions[0] >= 2, "{:?}", r.single);
        assert!(r
            .single
            .attributions
            .iter()
            .chain(&r.parallel.attributions)
            .all(|&n| n == r.single.attributions[0]));
        let shown = r.to_string();
        assert!(
            shown.contains("MB/s") && shown.contains("median"),
            "{shown}"
        );
        assert!(run(
            &texts,
            &Settings {
                threads: 0,
                repeat: 1
            }
        )
        .is_err());
    }

    #[test]
    fn loads_texts_and_names_a_missing_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("g.jsonl");
        std::fs::write(
            &p,
            "{\"id\":\"x\",\"text\":\"Officials said it rained.\",\"attributions\":[]}\n",
        )
        .unwrap();
        let (texts, diags) = load_texts(&p).unwrap();
        assert_eq!(texts.len(), 1);
        assert_eq!(texts[0].id, "x");
        assert!(diags.is_empty());
        let missing = dir.path().join("missing.jsonl");
        let e = load_texts(&missing).unwrap_err().to_string();
        assert!(
            e.contains("missing.jsonl") && e.contains("no such file"),
            "{e}"
        );
    }
}
