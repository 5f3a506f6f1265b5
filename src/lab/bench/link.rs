//! Linking benchmark: the time and memory of candidate generation
//! ([`crate::link::candidates`]) and of the whole linking stage ([`crate::link::link`]) on
//! generated claims, at sizes a tenfold apart, with the growth factor per tenfold step.
//!
//! # The measurements
//!
//! For each size the claims are generated (not timed), then each stage runs
//! [`LinkSettings::repeat`] times. A run's time is the wall-clock time of the call; its
//! memory is the most resident memory the process held during the call beyond what it held
//! before (the call's working memory and its output, not the store of claims; see
//! [`super::memory`]), where Linux reports it. Both stages use all cores (rayon). The
//! claims are [`crate::link::synthetic::generate`]'s, held in its compact store
//! ([`Synthetic`]), which builds each claim when the stage reads it.

use super::memory;
use super::Machine;
use crate::error::{Error, Result};
use crate::link::synthetic::Synthetic;
use crate::link::{self, RelationKind};
use std::fmt;
use std::time::Instant;

/// The default sizes: 10k, 100k and 1M claims.
pub const DEFAULT_SIZES: [usize; 3] = [10_000, 100_000, 1_000_000];

/// The largest size the benchmark generates: ten million claims take about 8 GB while
/// they are linked, which a machine of 12 GB holds.
pub const MAX_CLAIMS: usize = 10_000_000;

/// What to run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkSettings {
    /// Numbers of claims, each at least 1.
    pub sizes: Vec<usize>,
    /// Runs of each stage at each size, at least 1.
    pub repeat: usize,
    /// The generator's seed.
    pub seed: u64,
}

impl Default for LinkSettings {
    /// [`DEFAULT_SIZES`], three runs, seed 1.
    fn default() -> LinkSettings {
        LinkSettings {
            sizes: DEFAULT_SIZES.to_vec(),
            repeat: 3,
            seed: 1,
        }
    }
}

/// The runs of one stage at one size.
#[derive(Clone, Debug, PartialEq)]
pub struct StageRuns {
    /// Wall-clock seconds of each run, in the order run.
    pub seconds: Vec<f64>,
    /// Resident bytes each run held at most beyond what was resident before it; `None`
    /// where the system does not report resident memory.
    pub peak_bytes: Vec<Option<usize>>,
    /// What the stage returned (candidate pairs or relations) in the first run.
    pub output: usize,
}

impl StageRuns {
    /// The fastest run's seconds.
    pub fn best(&self) -> f64 {
        self.seconds.iter().copied().fold(f64::INFINITY, f64::min)
    }

    /// The median run's seconds.
    pub fn median(&self) -> f64 {
        super::median(&self.seconds)
    }

    /// The largest peak over the runs, when measured.
    pub fn peak(&self) -> Option<usize> {
        self.peak_bytes.iter().copied().max().flatten()
    }
}

/// The relations found, by kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RelationCounts {
    /// [`RelationKind::Agrees`].
    pub agrees: usize,
    /// [`RelationKind::Contradicts`].
    pub contradicts: usize,
    /// [`RelationKind::QuoteVariant`].
    pub quote_variants: usize,
    /// [`RelationKind::Elaborates`].
    pub elaborates: usize,
}

/// The figures of one size.
#[derive(Clone, Debug, PartialEq)]
pub struct SizeRuns {
    /// Claims generated.
    pub claims: usize,
    /// Keys over all claims.
    pub keys: usize,
    /// Distinct keys.
    pub distinct_keys: usize,
    /// Resident bytes the store of generated claims takes, when measured.
    pub input_bytes: Option<usize>,
    /// [`link::candidates`].
    pub candidates: StageRuns,
    /// [`link::link`].
    pub link: StageRuns,
    /// The relations [`link::link`] found, by kind.
    pub relations: RelationCounts,
    /// Pairs of claims that retell the same statement.
    pub retelling_pairs: usize,
    /// How many of those the candidates include.
    pub retelling_pairs_found: usize,
}

/// The figures of a linking benchmark.
#[derive(Clone, Debug, PartialEq)]
pub struct LinkReport {
    /// Where it ran.
    pub machine: Machine,
    /// Whether the code was built with optimisations (debug assertions off).
    pub optimized: bool,
    /// Threads of rayon's pool (both stages).
    pub threads: usize,
    /// The settings.
    pub settings: LinkSettings,
    /// One entry per size, in the order run.
    pub sizes: Vec<SizeRuns>,
    /// The process's resident memory high-water mark at the end, where known.
    pub process_peak_resident: Option<u64>,
}

/// How much `to` grew over `from` per tenfold step from `n_from` to `n_to` claims:
/// `(to / from)^(1 / log10(n_to / n_from))`; `None` when a value is not positive or the
/// sizes are equal.
pub fn growth_per_tenfold(n_from: usize, from: f64, n_to: usize, to: f64) -> Option<f64> {
    let steps = (n_to as f64 / n_from as f64).log10();
    (from > 0.0 && to > 0.0 && steps.abs() > 1e-9).then(|| (to / from).powf(1.0 / steps))
}

/// Times `f` and measures its memory; returns the seconds, the peak bytes beyond the
/// start, and what `f` returned (dropped only after the measurement).
fn measure<T>(f: impl FnOnce() -> T) -> (f64, Option<usize>, T) {
    let base = memory::reset_peak();
    let start = Instant::now();
    let out = std::hint::black_box(f());
    let seconds = start.elapsed().as_secs_f64();
    let peak = base.and_then(memory::peak_since).map(|b| b as usize);
    (seconds, peak, out)
}

/// Runs the benchmark; `progress` is told what is being done. Errors when the settings
/// ask for no size, a size of 0 or over [`MAX_CLAIMS`], or no run.
pub fn run(settings: &LinkSettings, mut progress: impl FnMut(&str)) -> Result<LinkReport> {
    if settings.sizes.is_empty() || settings.sizes.contains(&0) || settings.repeat == 0 {
        return Err(Error::Output(
            "the benchmark needs at least one size of at least one claim, and one run".into(),
        ));
    }
    if let Some(n) = settings.sizes.iter().find(|n| **n > MAX_CLAIMS) {
        return Err(Error::Output(format!(
            "{n} claims is more than the benchmark generates (at most {MAX_CLAIMS})"
        )));
    }
    let mut sizes = Vec::new();
    for &n in &settings.sizes {
        progress(&format!("generating {n} claims"));
        let before = memory::resident();
        let generated = Synthetic::new(n, settings.seed);
        let claims = &generated;
        let input_bytes = before
            .zip(memory::resident())
            .map(|(b, a)| a.saturating_sub(b) as usize);
        let keys = generated.key_count();
        let distinct_keys = generated.distinct_keys();
        let mut candidates = StageRuns {
            seconds: Vec::new(),
            peak_bytes: Vec::new(),
            output: 0,
        };
        let mut linked = candidates.clone();
        let mut relations = RelationCounts::default();
        let mut retelling_pairs_found = 0;
        for r in 0..settings.repeat {
            progress(&format!(
                "{n} claims: candidates, run {} of {}",
                r + 1,
                settings.repeat
            ));
            let (s, peak, pairs) = measure(|| link::candidates(claims));
            candidates.seconds.push(s);
            candidates.peak_bytes.push(peak);
            if r == 0 {
                candidates.output = pairs.len();
                retelling_pairs_found =
                    generated.retelling_pairs_among(pairs.iter().map(|&(a, b, _)| (a, b)));
            }
            drop(pairs);
        }
        for r in 0..settings.repeat {
            progress(&format!(
                "{n} claims: link, run {} of {}",
                r + 1,
                settings.repeat
            ));
            let (s, peak, rels) = measure(|| link::link(claims));
            linked.seconds.push(s);
            linked.peak_bytes.push(peak);
            if r == 0 {
                linked.output = rels.len();
                for rel in &rels {
                    match rel.kind {
                        RelationKind::Agrees => relations.agrees += 1,
                        RelationKind::Contradicts => relations.contradicts += 1,
                        RelationKind::QuoteVariant => relations.quote_variants += 1,
                        RelationKind::Elaborates => relations.elaborates += 1,
                    }
                }
            }
            drop(rels);
        }
        sizes.push(SizeRuns {
            claims: n,
            keys,
            distinct_keys,
            input_bytes,
            candidates,
            link: linked,
            relations,
            retelling_pairs: generated.retelling_pairs(),
            retelling_pairs_found,
        });
    }
    Ok(LinkReport {
        machine: Machine::detect(),
        optimized: !cfg!(debug_assertions),
        threads: rayon::current_num_threads(),
        settings: settings.clone(),
        sizes,
        process_peak_resident: memory::process_peak_resident(),
    })
}

fn megabytes(bytes: usize) -> f64 {
    bytes as f64 / 1e6
}

impl fmt::Display for LinkReport {
    /// The figures as text tables: the input, then per stage one row per size with the
    /// best and median run, claims a second, peak memory and the growth per tenfold step.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let m = &self.machine;
        writeln!(
            f,
            "machine: {} core{} available, CPU {}; both stages on {} thread{}",
            m.cores,
            if m.cores == 1 { "" } else { "s" },
            m.cpu.as_deref().unwrap_or("unknown"),
            self.threads,
            if self.threads == 1 { "" } else { "s" },
        )?;
        if !self.optimized {
            writeln!(
                f,
                "note: debug build; build with --release for representative figures"
            )?;
        }
        let measured = self
            .sizes
            .iter()
            .any(|s| s.candidates.peak().is_some() || s.input_bytes.is_some());
        writeln!(
            f,
            "input: generated claims, seed {}; {} run{} per stage and size, generation not timed",
            self.settings.seed,
            self.settings.repeat,
            if self.settings.repeat == 1 { "" } else { "s" }
        )?;
        if measured {
            writeln!(
                f,
                "memory: the most resident memory a run held beyond what was resident before \
                 it (working memory and output, not the store of claims; VmHWM after a reset)"
            )?;
        } else {
            writeln!(
                f,
                "memory: not measured (no resident memory figures from /proc/self)"
            )?;
        }
        writeln!(f)?;
        writeln!(
            f,
            "{:>10} {:>11} {:>10} {:>9} {:>10} {:>7} {:>10} {:>8} {:>10} {:>8}",
            "claims",
            "keys",
            "distinct",
            "input MB",
            "retellings",
            "found",
            "agrees",
            "contra",
            "q-variants",
            "elab"
        )?;
        for s in &self.sizes {
            writeln!(
                f,
                "{:>10} {:>11} {:>10} {:>9} {:>10} {:>6.1}% {:>10} {:>8} {:>10} {:>8}",
                s.claims,
                s.keys,
                s.distinct_keys,
                s.input_bytes
                    .map_or_else(|| "-".into(), |b| format!("{:.0}", megabytes(b))),
                s.retelling_pairs,
                if s.retelling_pairs > 0 {
                    100.0 * s.retelling_pairs_found as f64 / s.retelling_pairs as f64
                } else {
                    100.0
                },
                s.relations.agrees,
                s.relations.contradicts,
                s.relations.quote_variants,
                s.relations.elaborates,
            )?;
        }
        for (title, out_label, stage) in [
            (
                "candidate generation (link::candidates)",
                "pairs",
                (|s: &SizeRuns| &s.candidates) as fn(&SizeRuns) -> &StageRuns,
            ),
            ("whole linking stage (link::link)", "relations", |s| &s.link),
        ] {
            writeln!(f)?;
            writeln!(f, "{title}")?;
            writeln!(
                f,
                "{:>10} {:>11} {:>9} {:>9} {:>11} {:>9} {:>11} {:>11}",
                "claims",
                out_label,
                "best s",
                "median s",
                "claims/s",
                "peak MB",
                "time ×/10×",
                "mem ×/10×"
            )?;
            let mut prev: Option<&SizeRuns> = None;
            for s in &self.sizes {
                let st = stage(s);
                let best = st.best();
                let per_s = if best > 0.0 {
                    s.claims as f64 / best
                } else {
                    0.0
                };
                let (tg, mg) = match prev {
                    Some(p) => (
                        growth_per_tenfold(p.claims, stage(p).best(), s.claims, best),
                        match (stage(p).peak(), st.peak()) {
                            (Some(a), Some(b)) => {
                                growth_per_tenfold(p.claims, a as f64, s.claims, b as f64)
                            }
                            _ => None,
                        },
                    ),
                    None => (None, None),
                };
                let factor = |g: Option<f64>| g.map_or_else(|| "-".into(), |g| format!("{g:.1}"));
                writeln!(
                    f,
                    "{:>10} {:>11} {:>9.3} {:>9.3} {:>11.0} {:>9} {:>11} {:>11}",
                    s.claims,
                    st.output,
                    best,
                    st.median(),
                    per_s,
                    st.peak()
                        .map_or_else(|| "-".into(), |b| format!("{:.1}", megabytes(b))),
                    factor(tg),
                    factor(mg)
                )?;
                prev = Some(s);
            }
        }
        writeln!(f)?;
        let ratios: Vec<String> = self
            .sizes
            .iter()
            .filter(|s| s.candidates.best() > 0.0)
            .map(|s| {
                format!(
                    "{:.1}× at {} claims",
                    s.link.best() / s.candidates.best(),
                    s.claims
                )
            })
            .collect();
        writeln!(
            f,
            "whole linking stage over candidate generation, best runs: {}",
            ratios.join(", ")
        )?;
        writeln!(
            f,
            "retellings: pairs of claims generated as retellings of one statement; found: the \
             share of them among the candidate pairs"
        )?;
        write!(
            f,
            "growth per tenfold step: 10.0 is linear, 100.0 quadratic"
        )?;
        if let Some(rss) = self.process_peak_resident {
            write!(
                f,
                "\nprocess peak resident memory (VmHWM), claims included: {:.0} MB",
                rss as f64 / 1e6
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn growth_is_per_tenfold_step() {
        assert_eq!(growth_per_tenfold(10, 1.0, 100, 10.0), Some(10.0));
        let g = growth_per_tenfold(10, 1.0, 1000, 100.0).unwrap();
        assert!((g - 10.0).abs() < 1e-9);
        let g = growth_per_tenfold(100, 2.0, 1000, 200.0).unwrap();
        assert!((g - 100.0).abs() < 1e-9);
        assert_eq!(growth_per_tenfold(10, 0.0, 100, 1.0), None);
        assert_eq!(growth_per_tenfold(10, 1.0, 10, 1.0), None);
    }

    #[test]
    fn runs_on_small_sizes() {
        let settings = LinkSettings {
            sizes: vec![200, 2000],
            repeat: 2,
            seed: 3,
        };
        let r = {
            let _one_at_a_time = memory::TEST_LOCK.lock().unwrap_or_else(|e| e.into_inner());
            run(&settings, |_| {}).unwrap()
        };
        assert_eq!(r.sizes.len(), 2);
        assert_eq!(r.sizes[1].claims, 2000);
        assert_eq!(r.sizes[1].candidates.seconds.len(), 2);
        assert!(r.sizes[1].candidates.output > 0);
        assert!(r.sizes[1].link.output > 0);
        // memory is measured where Linux reports it
        let measured = std::fs::metadata("/proc/self/clear_refs").is_ok();
        assert_eq!(r.sizes[1].link.peak().is_some(), measured);
        let shown = r.to_string();
        assert!(shown.contains("claims/s"), "{shown}");
        assert_eq!(shown.contains("not measured"), !measured, "{shown}");
        let empty = LinkSettings {
            sizes: vec![],
            ..settings.clone()
        };
        assert!(run(&empty, |_| {}).is_err());
        let none = LinkSettings {
            repeat: 0,
            ..settings
        };
        assert!(run(&none, |_| {}).is_err());
    }
}
