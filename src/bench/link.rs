//! Linking benchmark: the time and memory of candidate generation
//! ([`crate::link::candidates`]) and of the whole linking stage ([`crate::link::link`]) on
//! generated claims, at sizes a tenfold apart, with the growth factor per tenfold step.
//!
//! # The claims
//!
//! [`generate`] makes claims whose keys look like those of real coverage, from a seed:
//!
//! - *events* (one development of a story) of 1 to 40 claims, 5 on average; each has 1 to 3
//!   names, up to 2 numbers and 2 to 5 topic words, and 1 to 3 *statements*;
//! - a statement adds 3 to 10 words of its own and, two times in five, a quotation of 2 to
//!   4 rare words; it has a speaker;
//! - half of an event's claims retell one of its statements (each key dropped with
//!   probability 0.15, one in ten replaced by another word; the statement's speaker or
//!   another one): the near-duplicates that linking should find agree. The other half are
//!   other claims about the event: its names and numbers, some of its topic words and 3
//!   to 12 words of their own;
//! - words are drawn from a vocabulary of 200,000 stems by Zipf's law (exponent 1, as word
//!   frequencies in text are); names from a pool of one per ten claims, numbers from 1 to
//!   10,000 and speakers from one per 200 claims, each by Zipf's law too, so that a few
//!   names, numbers and speakers are very common and most are rare; quotations draw their
//!   words evenly from the rarer 180,000 stems;
//! - every claim has 5 to 25 keys; one in twenty denies; quoted statements are told as
//!   direct or partial quotes, the others as paraphrases;
//! - the claims are shuffled, so that an event's claims are spread over the input, and
//!   put eight to an article.
//!
//! Words are pronounceable strings made from the rank (frequent words are short, as in
//! English). The same size and seed give the same claims.
//!
//! # The measurements
//!
//! For each size the claims are generated (not timed), then each stage runs
//! [`LinkSettings::repeat`] times. A run's time is the wall-clock time of the call; its
//! memory is the most heap memory it held at once beyond what was in use before it (its
//! working memory and its output; see [`super::memory`]), measured when the binary
//! installs the counting allocator. Both stages use all cores (rayon).

use super::memory;
use super::Machine;
use crate::attribution::{AttributionKind, Stance};
use crate::claims::{Claim, Speaker, ViaLink, ViaRole};
use crate::error::{Error, Result};
use crate::link::{self, RelationKind};
use crate::sources::SpeakerId;
use crate::text::Span;
use std::collections::HashMap;
use std::fmt;
use std::time::Instant;

/// The default sizes: 10k, 100k and 1M claims.
pub const DEFAULT_SIZES: [usize; 3] = [10_000, 100_000, 1_000_000];

/// What a claim built by [`ClaimSpec::build`] says and how.
#[derive(Clone, Debug, PartialEq)]
pub struct ClaimSpec {
    /// The article id.
    pub article: String,
    /// The sentence's index in the article (also its paragraph's).
    pub sentence: usize,
    /// The speaker's source id.
    pub speaker: String,
    /// How the content is given.
    pub kind: AttributionKind,
    /// What the claim does with its content.
    pub stance: Stance,
    /// The content keys.
    pub keys: Vec<String>,
}

impl Default for ClaimSpec {
    /// An asserted paraphrase with no keys, in sentence 0 of article "a", by "source".
    fn default() -> ClaimSpec {
        ClaimSpec {
            article: "a".into(),
            sentence: 0,
            speaker: "source".into(),
            kind: AttributionKind::Indirect,
            stance: Stance::Assert,
            keys: Vec::new(),
        }
    }
}

impl ClaimSpec {
    /// A claim with these properties, for benchmarks and tests of the stages after claim
    /// building. Its text is its keys joined by spaces (the evidence, content and, for a
    /// direct quote, quotation span cover it); its id is the article id and the sentence;
    /// its chain is the speaker then the article; it has no cue span, hedges or time
    /// references. It points to no real article text.
    pub fn build(self) -> Claim {
        let text = self.keys.join(" ");
        let span = Span::new(0, text.len());
        Claim {
            id: format!("{}#{}", self.article, self.sentence),
            sentence: self.sentence,
            paragraph: self.sentence,
            evidence: span,
            content: vec![span],
            quotes: if self.kind == AttributionKind::Direct {
                vec![span]
            } else {
                Vec::new()
            },
            kind: self.kind,
            speaker: Speaker {
                mention: None,
                text: self.speaker.clone(),
                antecedent: None,
                source: SpeakerId::from(self.speaker.as_str()),
                person: None,
                rule: None,
            },
            via: vec![
                ViaLink {
                    role: ViaRole::Origin,
                    source: Some(SpeakerId::from(self.speaker.as_str())),
                    name: self.speaker,
                    span: None,
                },
                ViaLink {
                    role: ViaRole::Article,
                    source: None,
                    name: format!("article {}", self.article),
                    span: None,
                },
            ],
            article: self.article,
            cue: None,
            cue_lemma: Some("say".into()),
            stance: self.stance,
            hedges: Vec::new(),
            times: Vec::new(),
            keys: self.keys,
            text,
            responds_to: None,
            affiliation: None,
        }
    }
}

/// SplitMix64: a small, fast generator, the same on every platform.
#[derive(Clone, Debug)]
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next()) * n as u128) >> 64) as usize
    }

    /// Uniform in `lo..=hi`.
    fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// Uniform in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
}

/// Zipf's law over ranks `0..n`: rank `r` drawn with probability proportional to
/// `1 / (r + 1)^s`.
struct Zipf {
    cdf: Vec<f64>,
}

impl Zipf {
    fn new(n: usize, s: f64) -> Zipf {
        let mut cdf = Vec::with_capacity(n);
        let mut total = 0.0;
        for r in 0..n {
            total += 1.0 / ((r + 1) as f64).powf(s);
            cdf.push(total);
        }
        for c in &mut cdf {
            *c /= total;
        }
        Zipf { cdf }
    }

    fn sample(&self, rng: &mut Rng) -> usize {
        let u = rng.unit();
        self.cdf
            .partition_point(|&c| c <= u)
            .min(self.cdf.len() - 1)
    }
}

const SYLLABLES: [&str; 20] = [
    "ba", "de", "ki", "lo", "mu", "ra", "se", "ti", "vo", "ne", "pa", "gu", "ze", "fi", "ho", "ja",
    "ku", "me", "so", "ty",
];

/// A distinct pronounceable word for every number (bijective base 20 over two-letter
/// syllables): 0 is "ba", 20 is "baba".
fn word(mut n: usize) -> String {
    let mut w = String::new();
    loop {
        w.push_str(SYLLABLES[n % 20]);
        n /= 20;
        if n == 0 {
            return w;
        }
        n -= 1;
    }
}

/// Stems in the vocabulary.
const STEMS: usize = 200_000;
/// Stems this frequent or more are not used in quotations.
const QUOTE_FROM_RANK: usize = 20_000;

/// The key vocabularies, as ranks drawn by Zipf's law.
struct Vocabulary {
    stems: Zipf,
    names: Zipf,
    numbers: Zipf,
    speakers: Zipf,
}

impl Vocabulary {
    fn new(claims: usize) -> Vocabulary {
        Vocabulary {
            stems: Zipf::new(STEMS, 1.0),
            names: Zipf::new((claims / 10).max(100), 1.0),
            numbers: Zipf::new(10_000, 1.0),
            speakers: Zipf::new((claims / 200).max(20), 1.0),
        }
    }

    fn stem(&self, rng: &mut Rng) -> String {
        word(self.stems.sample(rng))
    }

    fn name(&self, rng: &mut Rng) -> String {
        // after every stem's number, so that no name is also a stem
        word(STEMS + self.names.sample(rng))
    }

    fn number(&self, rng: &mut Rng) -> String {
        (self.numbers.sample(rng) + 1).to_string()
    }

    fn speaker(&self, rng: &mut Rng) -> String {
        format!("source-{}", self.speakers.sample(rng))
    }

    fn quote_word(&self, rng: &mut Rng) -> String {
        word(rng.between(QUOTE_FROM_RANK, STEMS - 1))
    }
}

/// A statement of an event: its keys and how it was said.
struct Statement {
    keys: Vec<String>,
    speaker: String,
    quoted: bool,
}

fn push_new(keys: &mut Vec<String>, k: String) {
    if !keys.contains(&k) {
        keys.push(k);
    }
}

/// Generated claims, with what linking should find among them.
#[derive(Clone, Debug, PartialEq)]
pub struct Generated {
    /// The claims.
    pub claims: Vec<Claim>,
    /// For each claim, the statement it retells (a number unique to the statement), or
    /// `None` for a claim that is not a retelling. Two retellings of one statement are a
    /// pair that candidate generation should find.
    pub retells: Vec<Option<u32>>,
}

impl Generated {
    /// Pairs of claims that retell the same statement.
    pub fn retelling_pairs(&self) -> usize {
        let mut sizes: HashMap<u32, usize> = HashMap::new();
        for s in self.retells.iter().flatten() {
            *sizes.entry(*s).or_default() += 1;
        }
        sizes.values().map(|m| m * (m - 1) / 2).sum()
    }

    /// How many of `pairs` (claim indices) retell the same statement.
    pub fn retelling_pairs_among(&self, pairs: impl IntoIterator<Item = (usize, usize)>) -> usize {
        pairs
            .into_iter()
            .filter(|&(a, b)| self.retells[a].is_some() && self.retells[a] == self.retells[b])
            .count()
    }
}

/// Generates `n` claims from `seed` (see the [module documentation](self) for how).
pub fn generate(n: usize, seed: u64) -> Generated {
    let mut rng = Rng(seed ^ 0x636c_6169_6d67_7261);
    let vocab = Vocabulary::new(n);
    let mut specs: Vec<(ClaimSpec, Option<u32>)> = Vec::with_capacity(n);
    let mut next_statement = 0u32;
    while specs.len() < n {
        // an event: sizes 1 + geometric, mean 5, at most 40
        let mut size = 1;
        while size < 40 && rng.chance(0.8) {
            size += 1;
        }
        let mut common = Vec::new();
        for _ in 0..rng.between(1, 3) {
            push_new(&mut common, vocab.name(&mut rng));
        }
        for _ in 0..rng.between(0, 2) {
            push_new(&mut common, vocab.number(&mut rng));
        }
        let mut topic = Vec::new();
        for _ in 0..rng.between(2, 5) {
            push_new(&mut topic, vocab.stem(&mut rng));
        }
        let statements: Vec<Statement> = (0..rng.between(1, 3))
            .map(|_| {
                let mut keys = common.clone();
                for t in &topic {
                    push_new(&mut keys, t.clone());
                }
                for _ in 0..rng.between(3, 10) {
                    push_new(&mut keys, vocab.stem(&mut rng));
                }
                let quoted = rng.chance(0.4);
                if quoted {
                    for _ in 0..rng.between(2, 4) {
                        push_new(&mut keys, vocab.quote_word(&mut rng));
                    }
                }
                Statement {
                    keys,
                    speaker: vocab.speaker(&mut rng),
                    quoted,
                }
            })
            .collect();
        for _ in 0..size.min(n - specs.len()) {
            let which = rng.below(statements.len());
            let st = &statements[which];
            let mut keys = Vec::new();
            let (speaker, kind, retells);
            if rng.chance(0.5) {
                retells = Some(next_statement + which as u32);
                // a retelling of the statement
                for k in &st.keys {
                    if rng.chance(0.15) {
                        continue;
                    }
                    if rng.chance(0.1) {
                        push_new(&mut keys, vocab.stem(&mut rng));
                    } else {
                        push_new(&mut keys, k.clone());
                    }
                }
                speaker = if rng.chance(0.5) {
                    st.speaker.clone()
                } else {
                    vocab.speaker(&mut rng)
                };
                kind = match (st.quoted, rng.chance(0.5)) {
                    (true, true) => AttributionKind::Direct,
                    (true, false) => AttributionKind::Mixed,
                    (false, _) => AttributionKind::Indirect,
                };
            } else {
                // another claim about the event
                retells = None;
                keys = common.clone();
                for t in &topic {
                    if rng.chance(0.5) {
                        push_new(&mut keys, t.clone());
                    }
                }
                for _ in 0..rng.between(3, 12) {
                    push_new(&mut keys, vocab.stem(&mut rng));
                }
                speaker = vocab.speaker(&mut rng);
                kind = AttributionKind::Indirect;
            }
            while keys.len() < 5 {
                push_new(&mut keys, vocab.stem(&mut rng));
            }
            keys.truncate(25);
            let stance = if rng.chance(0.05) {
                Stance::Deny
            } else {
                Stance::Assert
            };
            specs.push((
                ClaimSpec {
                    article: String::new(),
                    sentence: 0,
                    speaker,
                    kind,
                    stance,
                    keys,
                },
                retells,
            ));
        }
        next_statement += statements.len() as u32;
    }
    // spread every event over the input, eight claims to an article
    for i in (1..specs.len()).rev() {
        specs.swap(i, rng.below(i + 1));
    }
    // built in input order, as the pipeline builds claims article after article, so that
    // a claim's strings lie near its neighbours' in memory rather than near its event's
    let retells = specs.iter().map(|(_, r)| *r).collect();
    let claims = specs
        .into_iter()
        .enumerate()
        .map(|(i, (mut s, _))| {
            s.article = format!("art{:06}", i / 8);
            s.sentence = i % 8;
            s.keys = s.keys.iter().map(|k| k.as_str().to_owned()).collect();
            s.build()
        })
        .collect();
    Generated { claims, retells }
}

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
    /// Heap bytes each run held at most beyond what was in use before it; `None` when
    /// the counting allocator is not installed.
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
    /// Heap bytes the generated claims take, when measured.
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
fn measure<T>(counting: bool, f: impl FnOnce() -> T) -> (f64, Option<usize>, T) {
    let base = memory::reset_peak();
    let start = Instant::now();
    let out = std::hint::black_box(f());
    let seconds = start.elapsed().as_secs_f64();
    let peak = counting.then(|| memory::peak().saturating_sub(base));
    (seconds, peak, out)
}

/// Runs the benchmark; `progress` is told what is being done. Errors when the settings
/// ask for no size, a size of 0 or no run.
pub fn run(settings: &LinkSettings, mut progress: impl FnMut(&str)) -> Result<LinkReport> {
    if settings.sizes.is_empty() || settings.sizes.contains(&0) || settings.repeat == 0 {
        return Err(Error::Output(
            "the benchmark needs at least one size of at least one claim, and one run".into(),
        ));
    }
    let counting = memory::is_counting();
    let mut sizes = Vec::new();
    for &n in &settings.sizes {
        progress(&format!("generating {n} claims"));
        let before = memory::current();
        let generated = generate(n, settings.seed);
        let claims = &generated.claims;
        let input_bytes = counting.then(|| memory::current().saturating_sub(before));
        let keys = claims.iter().map(|c| c.keys.len()).sum();
        let distinct_keys = claims
            .iter()
            .flat_map(|c| c.keys.iter().map(String::as_str))
            .collect::<std::collections::HashSet<&str>>()
            .len();
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
            let (s, peak, pairs) = measure(counting, || link::candidates(claims));
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
            let (s, peak, rels) = measure(counting, || link::link(claims));
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
        let counting = self
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
        if counting {
            writeln!(
                f,
                "memory: the most heap memory a run held at once beyond what was in use before \
                 it (working memory and output, not the claims)"
            )?;
        } else {
            writeln!(
                f,
                "memory: not measured (the counting allocator is not installed)"
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
    fn words_are_distinct_and_short_for_small_numbers() {
        assert_eq!(word(0), "ba");
        assert_eq!(word(19), "ty");
        assert_eq!(word(20), "baba");
        let mut ws: Vec<String> = (0..9000).map(word).collect();
        ws.sort();
        ws.dedup();
        assert_eq!(ws.len(), 9000);
    }

    #[test]
    fn generation_is_deterministic_and_shaped_as_documented() {
        let g = generate(2000, 7);
        assert_eq!(g, generate(2000, 7));
        assert_ne!(g, generate(2000, 8));
        let a = &g.claims;
        assert_eq!(a.len(), 2000);
        assert_eq!(g.retells.len(), 2000);
        // about half the claims retell a statement, and some statements more than once
        let retellings = g.retells.iter().flatten().count();
        assert!((800..1200).contains(&retellings), "{retellings}");
        assert!(g.retelling_pairs() > 300);
        assert!(a.iter().all(|c| (5..=25).contains(&c.keys.len())));
        // keys of a claim are distinct
        for c in a {
            let mut k = c.keys.clone();
            k.sort();
            k.dedup();
            assert_eq!(k.len(), c.keys.len());
        }
        let ids: std::collections::BTreeSet<&str> = a.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids.len(), a.len());
        assert!(a.iter().any(|c| c.stance == Stance::Deny));
        assert!(a.iter().any(|c| c.kind == AttributionKind::Direct));
    }

    #[test]
    fn generated_claims_have_agreements_to_find() {
        let g = generate(3000, 1);
        let rels = link::link(&g.claims);
        // most retellings are candidates
        let pairs = link::candidates(&g.claims);
        let found = g.retelling_pairs_among(pairs.iter().map(|&(a, b, _)| (a, b)));
        assert!(
            found * 10 > g.retelling_pairs() * 9,
            "{found} of {}",
            g.retelling_pairs()
        );
        let agrees = rels
            .iter()
            .filter(|r| r.kind == RelationKind::Agrees)
            .count();
        assert!(agrees > 300, "{agrees} agreements");
        assert!(rels.iter().any(|r| r.kind == RelationKind::Contradicts));
        assert!(rels.iter().any(|r| r.kind == RelationKind::QuoteVariant));
    }

    #[test]
    fn a_spec_builds_a_claim() {
        let c = ClaimSpec {
            article: "x".into(),
            sentence: 3,
            speaker: "fsb".into(),
            kind: AttributionKind::Direct,
            keys: vec!["attack".into(), "synagogu".into()],
            ..ClaimSpec::default()
        }
        .build();
        assert_eq!(c.id, "x#3");
        assert_eq!(c.text, "attack synagogu");
        assert_eq!(c.origin(), "fsb");
        assert_eq!(c.quotes, vec![Span::new(0, 15)]);
        assert_eq!(c.via.len(), 2);
    }

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
        let r = run(&settings, |_| {}).unwrap();
        assert_eq!(r.sizes.len(), 2);
        assert_eq!(r.sizes[1].claims, 2000);
        assert_eq!(r.sizes[1].candidates.seconds.len(), 2);
        assert!(r.sizes[1].candidates.output > 0);
        assert!(r.sizes[1].link.output > 0);
        // the tests run without the counting allocator
        assert_eq!(r.sizes[0].candidates.peak(), None);
        let shown = r.to_string();
        assert!(
            shown.contains("claims/s") && shown.contains("not measured"),
            "{shown}"
        );
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
