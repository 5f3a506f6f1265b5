//! Generated claims for the linking stage: [`ClaimSpec`] builds one claim from a few
//! properties, and [`generate`] makes any number of claims whose keys look like those of
//! real coverage, with the agreements linking should find among them; [`Synthetic`] holds
//! the same claims compactly and builds each when it is read, so that the linking
//! benchmark can link ten million of them on one machine. The tests of the
//! linking stage and the linking benchmark (`claimgraph bench link`, a lab command) use
//! them; the product's build leaves this module out.
//!
//! From a seed, [`generate`] makes:
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

use crate::attribution::{AttributionKind, Stance};
use crate::claims::{Claim, Speaker, ViaLink, ViaRole};
use crate::link::source::ClaimSource;
use crate::sources::SpeakerId;
use crate::text::Span;
use std::borrow::Cow;
use std::collections::HashMap;

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
            assertion: Default::default(),
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

    fn stem(&self, rng: &mut Rng) -> u32 {
        self.stems.sample(rng) as u32
    }

    fn name(&self, rng: &mut Rng) -> u32 {
        // after every stem's number, so that no name is also a stem
        (STEMS + self.names.sample(rng)) as u32
    }

    fn number(&self, rng: &mut Rng) -> u32 {
        NUMBER | (self.numbers.sample(rng) + 1) as u32
    }

    fn speaker(&self, rng: &mut Rng) -> u32 {
        self.speakers.sample(rng) as u32
    }

    fn quote_word(&self, rng: &mut Rng) -> u32 {
        rng.between(QUOTE_FROM_RANK, STEMS - 1) as u32
    }
}

/// The bit that marks a key code as a number; other codes are the numbers of words.
const NUMBER: u32 = 1 << 31;

/// The key a key code stands for: a number, or the word of its number.
fn key(code: u32) -> String {
    if code & NUMBER != 0 {
        (code & !NUMBER).to_string()
    } else {
        word(code as usize)
    }
}

/// A statement of an event: its keys and how it was said.
struct Statement {
    keys: Vec<u32>,
    speaker: u32,
    quoted: bool,
}

fn push_new(keys: &mut Vec<u32>, k: u32) {
    if !keys.contains(&k) {
        keys.push(k);
    }
}

/// A claim as generated, before it is built: its speaker's number, kind, stance and key
/// codes.
struct Drawn {
    speaker: u32,
    kind: AttributionKind,
    stance: Stance,
    keys: Vec<u32>,
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
        retelling_pairs(&self.retells)
    }

    /// How many of `pairs` (claim indices) retell the same statement.
    pub fn retelling_pairs_among(&self, pairs: impl IntoIterator<Item = (usize, usize)>) -> usize {
        retelling_pairs_among(&self.retells, pairs)
    }
}

fn retelling_pairs(retells: &[Option<u32>]) -> usize {
    let mut sizes: HashMap<u32, usize> = HashMap::new();
    for s in retells.iter().flatten() {
        *sizes.entry(*s).or_default() += 1;
    }
    sizes.values().map(|m| m * (m - 1) / 2).sum()
}

fn retelling_pairs_among(
    retells: &[Option<u32>],
    pairs: impl IntoIterator<Item = (usize, usize)>,
) -> usize {
    pairs
        .into_iter()
        .filter(|&(a, b)| retells[a].is_some() && retells[a] == retells[b])
        .count()
}

/// Generates `n` claims from `seed` (see the [module documentation](self) for how).
pub fn generate(n: usize, seed: u64) -> Generated {
    let store = Synthetic::new(n, seed);
    Generated {
        claims: (0..n).map(|i| store.claim(i).into_owned()).collect(),
        retells: store.retells,
    }
}

/// The claims of [`generate`] held compactly, each built when it is asked for (a
/// [`ClaimSource`]): a claim's keys are kept as numbers of four bytes, its speaker as a
/// number, so that ten million claims take well under a gigabyte where the built claims
/// would take about twenty.
#[derive(Clone, Debug, PartialEq)]
pub struct Synthetic {
    /// Where each claim's key codes start in `keys` (one more entry than claims).
    starts: Vec<u32>,
    /// Every claim's key codes, claim after claim.
    keys: Vec<u32>,
    /// Each claim's speaker, as a number.
    speakers: Vec<u32>,
    /// Each claim's kind and stance.
    ways: Vec<(AttributionKind, Stance)>,
    /// For each claim, the statement it retells, as [`Generated::retells`].
    pub retells: Vec<Option<u32>>,
}

impl Synthetic {
    /// The claims of [`generate`]`(n, seed)`.
    ///
    /// # Panics
    ///
    /// With more than `u32::MAX` keys in all (more than about 170 million claims).
    pub fn new(n: usize, seed: u64) -> Synthetic {
        let mut rng = Rng(seed ^ 0x636c_6169_6d67_7261);
        let vocab = Vocabulary::new(n);
        let mut specs: Vec<(Drawn, Option<u32>)> = Vec::with_capacity(n);
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
                        push_new(&mut keys, *t);
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
                            push_new(&mut keys, *k);
                        }
                    }
                    speaker = if rng.chance(0.5) {
                        st.speaker
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
                            push_new(&mut keys, *t);
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
                    Drawn {
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
        // spread every event over the input; claims are put eight to an article in this
        // order when they are built
        for i in (1..specs.len()).rev() {
            specs.swap(i, rng.below(i + 1));
        }
        let mut store = Synthetic {
            starts: Vec::with_capacity(n + 1),
            keys: Vec::with_capacity(specs.iter().map(|(d, _)| d.keys.len()).sum()),
            speakers: Vec::with_capacity(n),
            ways: Vec::with_capacity(n),
            retells: Vec::with_capacity(n),
        };
        store.starts.push(0);
        for (d, retells) in specs {
            store.keys.extend_from_slice(&d.keys);
            let end = u32::try_from(store.keys.len()).expect("at most u32::MAX keys");
            store.starts.push(end);
            store.speakers.push(d.speaker);
            store.ways.push((d.kind, d.stance));
            store.retells.push(retells);
        }
        store
    }

    /// How many key codes the claims hold in all.
    pub fn key_count(&self) -> usize {
        self.keys.len()
    }

    /// How many distinct keys the claims hold.
    pub fn distinct_keys(&self) -> usize {
        let mut codes = self.keys.clone();
        codes.sort_unstable();
        codes.dedup();
        codes.len()
    }

    /// Pairs of claims that retell the same statement.
    pub fn retelling_pairs(&self) -> usize {
        retelling_pairs(&self.retells)
    }

    /// How many of `pairs` (claim indices) retell the same statement.
    pub fn retelling_pairs_among(&self, pairs: impl IntoIterator<Item = (usize, usize)>) -> usize {
        retelling_pairs_among(&self.retells, pairs)
    }
}

impl ClaimSource for Synthetic {
    fn len(&self) -> usize {
        self.speakers.len()
    }

    /// Claim `i`, built: in article `art` and the number `i / 8` (six digits at least), its
    /// sentence `i % 8`, by `source-` and the speaker's number.
    fn claim(&self, i: usize) -> Cow<'_, Claim> {
        let (kind, stance) = self.ways[i];
        let codes = &self.keys[self.starts[i] as usize..self.starts[i + 1] as usize];
        Cow::Owned(
            ClaimSpec {
                article: format!("art{:06}", i / 8),
                sentence: i % 8,
                speaker: format!("source-{}", self.speakers[i]),
                kind,
                stance,
                keys: codes.iter().map(|&c| key(c)).collect(),
            }
            .build(),
        )
    }
}

#[cfg(test)]
mod tests;
