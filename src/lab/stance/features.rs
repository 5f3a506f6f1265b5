//! Features of a headline and a body.
//!
//! Two kinds, as in the FNC-1 winners' systems: the term frequencies of the body over a
//! vocabulary of the most frequent training terms (UCL's bag of words, L2
//! normalised), and a few dozen dense features of the pair (TF-IDF cosine, overlap of
//! terms and bigrams over the body, its lead and its best sentence, and cue words of
//! refutation, negation, hedging and confirmation in the headline, in the body and in the
//! body's sentences that speak of the headline). A body's part is computed once
//! ([`Text::new`]) and reused for every headline paired with it.

use std::collections::HashMap;

use super::text::{self, combine, GROUPS};

/// Number of dense pair features.
pub const DENSE: usize = 18 + 5 * GROUPS;

/// Sentences of the body's lead.
const LEAD_SENTENCES: u32 = 2;

/// Terms and their weights: the IDF table, whose first `tf_size` entries are also the
/// bag-of-words inputs.
#[derive(Clone, Debug, PartialEq)]
pub struct Vocabulary {
    /// Stems, most frequent first.
    pub terms: Vec<String>,
    /// Inverse document frequency of each term.
    pub idf: Vec<f32>,
    /// IDF of a term not in the table.
    pub unknown_idf: f32,
    /// How many of the first terms are bag-of-words inputs.
    pub tf_size: usize,
    index: HashMap<u64, u32>,
}

impl Vocabulary {
    /// A vocabulary from its parts.
    pub fn new(terms: Vec<String>, idf: Vec<f32>, unknown_idf: f32, tf_size: usize) -> Self {
        let index = terms
            .iter()
            .enumerate()
            .map(|(i, t)| (text::hash(t), i as u32))
            .collect();
        let tf_size = tf_size.min(idf.len());
        Vocabulary {
            terms,
            idf,
            unknown_idf,
            tf_size,
            index,
        }
    }

    /// Builds the table from training texts (each distinct headline and body once):
    /// terms seen in at least `min_df` texts, ordered by total count (ties by stem), with
    /// smoothed IDF `ln((1 + n) / (1 + df)) + 1`.
    pub fn build(texts: &[Vec<text::Word>], tf_size: usize, min_df: usize) -> Vocabulary {
        let mut stats: HashMap<&str, (u64, u64)> = HashMap::new();
        for words in texts {
            let mut seen: Vec<&str> = words.iter().filter_map(|w| w.stem.as_deref()).collect();
            for s in &seen {
                stats.entry(s).or_default().0 += 1;
            }
            seen.sort_unstable();
            seen.dedup();
            for s in seen {
                stats.entry(s).or_default().1 += 1;
            }
        }
        let mut rows: Vec<(&str, u64, u64)> = stats
            .into_iter()
            .filter(|(_, (_, df))| *df as usize >= min_df)
            .map(|(s, (n, df))| (s, n, df))
            .collect();
        rows.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let n = texts.len() as f64;
        let idf_of = |df: f64| (((1.0 + n) / (1.0 + df)).ln() + 1.0) as f32;
        Vocabulary::new(
            rows.iter().map(|r| r.0.to_string()).collect(),
            rows.iter().map(|r| idf_of(r.2 as f64)).collect(),
            idf_of(0.0),
            tf_size,
        )
    }

    fn lookup(&self, term: u64) -> Option<usize> {
        self.index.get(&term).map(|&i| i as usize)
    }

    fn idf(&self, term: u64) -> f32 {
        self.lookup(term).map_or(self.unknown_idf, |i| self.idf[i])
    }
}

/// What the features need of one text (a headline or a body), computed once.
#[derive(Clone, Debug, Default)]
pub struct Text {
    /// Distinct terms, sorted, with their IDF.
    terms: Vec<(u64, f32)>,
    /// TF-IDF vector over the distinct terms (same order), L2 normalised.
    tfidf: Vec<f32>,
    /// Bag-of-words input: (vocabulary index, L2-normalised term frequency), by index.
    pub tf: Vec<(u32, f32)>,
    /// Distinct bigrams of consecutive content terms, sorted.
    bigrams: Vec<u64>,
    /// Distinct trigrams, sorted.
    trigrams: Vec<u64>,
    /// Per sentence: its distinct terms, sorted, and its cue-group counts.
    sentences: Vec<(Vec<u64>, [u16; GROUPS])>,
    /// TF-IDF vector of the lead, as sorted (term, weight), L2 normalised.
    lead_tfidf: Vec<(u64, f32)>,
    /// Cue-group counts over the whole text.
    groups: [u32; GROUPS],
    /// Cue-group counts over the lead.
    lead_groups: [u32; GROUPS],
    /// The official baseline's refuting words, counted.
    baseline_refute: u32,
    /// Words, function words included.
    words: usize,
    /// True when the text holds a question mark.
    question: bool,
}

fn sorted_dedup(mut v: Vec<u64>) -> Vec<u64> {
    v.sort_unstable();
    v.dedup();
    v
}

fn tfidf_of(counts: &[(u64, u32)], vocab: &Vocabulary) -> Vec<(u64, f32, f32)> {
    let mut out: Vec<(u64, f32, f32)> = counts
        .iter()
        .map(|&(t, c)| {
            let idf = vocab.idf(t);
            (t, idf, c as f32 * idf)
        })
        .collect();
    let norm = out.iter().map(|x| x.2 * x.2).sum::<f32>().sqrt();
    if norm > 0.0 {
        for x in &mut out {
            x.2 /= norm;
        }
    }
    out
}

fn count_sorted(mut terms: Vec<u64>) -> Vec<(u64, u32)> {
    terms.sort_unstable();
    let mut out: Vec<(u64, u32)> = Vec::new();
    for t in terms {
        match out.last_mut() {
            Some((last, c)) if *last == t => *c += 1,
            _ => out.push((t, 1)),
        }
    }
    out
}

impl Text {
    /// Prepares a text for the features.
    pub fn new(raw: &str, vocab: &Vocabulary) -> Text {
        Text::from_words(&text::analyse(raw), raw.contains('?'), vocab)
    }

    /// Prepares analysed words (see [`text::analyse`]).
    pub fn from_words(words: &[text::Word], question: bool, vocab: &Vocabulary) -> Text {
        let terms: Vec<u64> = words.iter().filter_map(|w| w.term).collect();
        let counts = count_sorted(terms.clone());
        let weighted = tfidf_of(&counts, vocab);
        let mut tf: Vec<(u32, f32)> = counts
            .iter()
            .filter_map(|&(t, c)| {
                vocab
                    .lookup(t)
                    .filter(|&i| i < vocab.tf_size)
                    .map(|i| (i as u32, c as f32))
            })
            .collect();
        tf.sort_unstable_by_key(|x| x.0);
        let norm = tf.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt();
        if norm > 0.0 {
            for x in &mut tf {
                x.1 /= norm;
            }
        }
        let bigrams = sorted_dedup(terms.windows(2).map(|w| combine(w[0], w[1])).collect());
        let trigrams = sorted_dedup(
            terms
                .windows(3)
                .map(|w| combine(combine(w[0], w[1]), w[2]))
                .collect(),
        );
        let nsent = words.last().map_or(0, |w| w.sentence as usize + 1);
        let mut sentences: Vec<(Vec<u64>, [u16; GROUPS])> = vec![(Vec::new(), [0; GROUPS]); nsent];
        let mut groups = [0u32; GROUPS];
        let mut lead_groups = [0u32; GROUPS];
        let mut lead_terms = Vec::new();
        let mut baseline_refute = 0;
        for w in words {
            let s = &mut sentences[w.sentence as usize];
            if let Some(t) = w.term {
                s.0.push(t);
                if w.sentence < LEAD_SENTENCES {
                    lead_terms.push(t);
                }
            }
            for g in 0..GROUPS {
                if w.groups & (1 << g) != 0 {
                    s.1[g] += 1;
                    groups[g] += 1;
                    if w.sentence < LEAD_SENTENCES {
                        lead_groups[g] += 1;
                    }
                }
            }
            baseline_refute += u32::from(w.baseline_refute);
        }
        for s in &mut sentences {
            s.0 = sorted_dedup(std::mem::take(&mut s.0));
        }
        let lead_tfidf = tfidf_of(&count_sorted(lead_terms), vocab)
            .into_iter()
            .map(|(t, _, w)| (t, w))
            .collect();
        Text {
            terms: weighted.iter().map(|x| (x.0, x.1)).collect(),
            tfidf: weighted.iter().map(|x| x.2).collect(),
            tf,
            bigrams,
            trigrams,
            sentences,
            lead_tfidf,
            groups,
            lead_groups,
            baseline_refute,
            words: words.len(),
            question,
        }
    }

    #[cfg(test)]
    fn has(&self, t: u64) -> bool {
        self.terms.binary_search_by_key(&t, |x| x.0).is_ok()
    }

    fn tfidf_weight(&self, t: u64) -> Option<f32> {
        self.terms
            .binary_search_by_key(&t, |x| x.0)
            .ok()
            .map(|i| self.tfidf[i])
    }
}

fn frac(a: f32, b: f32) -> f32 {
    if b > 0.0 {
        a / b
    } else {
        0.0
    }
}

fn hits(needles: &[u64], hay: &[u64]) -> f32 {
    needles
        .iter()
        .filter(|n| hay.binary_search(n).is_ok())
        .count() as f32
}

/// The dense features of a headline and a body, unscaled.
pub fn dense(head: &Text, body: &Text) -> [f32; DENSE] {
    let mut f = [0f32; DENSE];
    let nh = head.terms.len() as f32;
    let idf_total: f32 = head.terms.iter().map(|x| x.1).sum();
    // TF-IDF cosines: whole body, lead
    let mut cos = 0f32;
    let mut cos_lead = 0f32;
    let mut common = 0f32;
    let mut common_idf = 0f32;
    let mut lead_common = 0f32;
    let mut rarest = 0f32;
    let mut rarest_common = 0f32;
    for (i, &(t, idf)) in head.terms.iter().enumerate() {
        rarest = rarest.max(idf);
        if let Some(w) = body.tfidf_weight(t) {
            cos += head.tfidf[i] * w;
            common += 1.0;
            common_idf += idf;
            rarest_common = rarest_common.max(idf);
        }
        if let Ok(j) = body.lead_tfidf.binary_search_by_key(&t, |x| x.0) {
            cos_lead += head.tfidf[i] * body.lead_tfidf[j].1;
            lead_common += 1.0;
        }
    }
    // best sentence and the sentences that speak of the headline
    let mut best = 0f32;
    let mut best_idf = 0f32;
    let mut relevant = 0f32;
    let mut rel_groups = [0f32; GROUPS];
    let mut best_groups = [0f32; GROUPS];
    let need = if head.terms.len() <= 3 { 1.0 } else { 2.0 };
    for (terms, groups) in &body.sentences {
        let mut n = 0f32;
        let mut idf = 0f32;
        for &(t, w) in &head.terms {
            if terms.binary_search(&t).is_ok() {
                n += 1.0;
                idf += w;
            }
        }
        if n >= need {
            relevant += 1.0;
            for g in 0..GROUPS {
                rel_groups[g] += f32::from(groups[g]);
            }
        }
        if idf > best_idf {
            best_idf = idf;
            best = n;
            for g in 0..GROUPS {
                best_groups[g] = f32::from(groups[g]);
            }
        }
    }
    let union = nh + body.terms.len() as f32 - common;
    let nsent = body.sentences.len().max(1) as f32;
    let k = [
        cos,
        cos_lead,
        frac(common, nh),
        frac(common_idf, idf_total),
        frac(common, union),
        frac(lead_common, nh),
        frac(rarest_common, rarest),
        frac(best, nh),
        frac(best_idf, idf_total),
        frac(
            hits(&head.bigrams, &body.bigrams),
            head.bigrams.len() as f32,
        ),
        frac(
            hits(&head.trigrams, &body.trigrams),
            head.trigrams.len() as f32,
        ),
        (1.0 + relevant).ln(),
        relevant / nsent,
        (head.baseline_refute % 2) as f32,
        (body.baseline_refute % 2) as f32,
        (1.0 + body.words as f32).ln(),
        (1.0 + head.words as f32).ln(),
        f32::from(u8::from(head.question)),
    ];
    f[..k.len()].copy_from_slice(&k);
    let mut at = k.len();
    let words = body.words.max(1) as f32;
    for g in 0..GROUPS {
        f[at] = (1.0 + body.groups[g] as f32).ln();
        f[at + 1] = 100.0 * body.groups[g] as f32 / words;
        f[at + 2] = (1.0 + rel_groups[g]).ln() + best_groups[g].min(3.0);
        f[at + 3] = (1.0 + body.lead_groups[g] as f32).ln();
        f[at + 4] = head.groups[g].min(3) as f32;
        at += 5;
    }
    debug_assert_eq!(at, DENSE);
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab() -> Vocabulary {
        let texts: Vec<Vec<text::Word>> = [
            "Police say the man was arrested",
            "A giant spider was found in a house",
            "The spider story is a hoax",
        ]
        .iter()
        .map(|t| text::analyse(t))
        .collect();
        Vocabulary::build(&texts, 4, 1)
    }

    #[test]
    fn vocabulary_orders_by_count_then_stem() {
        let v = vocab();
        assert_eq!(v.terms[0], "spider");
        assert_eq!(v.tf_size, 4);
        // "spider" is in 2 of 3 texts: ln(4/3) + 1
        assert!((v.idf[0] - ((4.0f32 / 3.0).ln() + 1.0)).abs() < 1e-6);
        assert!(v.unknown_idf > v.idf[0]);
    }

    #[test]
    fn overlap_and_cues() {
        let v = vocab();
        let head = Text::new("Giant spider found in Sydney house", &v);
        let same = Text::new(
            "A giant spider was found in a Sydney house. Experts said it was a hoax.",
            &v,
        );
        let other = Text::new("The central bank raised interest rates on Tuesday.", &v);
        let a = dense(&head, &same);
        let b = dense(&head, &other);
        assert!(a[0] > 0.8, "{}", a[0]);
        assert_eq!(b[0], 0.0);
        assert_eq!(a[2], 1.0);
        assert!(a[9] > 0.5);
        // one refuting word in the body, none in the headline
        assert!(a[18] > 0.0 && a[18 + 4] == 0.0);
        assert!(head.has(text::hash("spider")) && !other.has(text::hash("spider")));
    }
}
