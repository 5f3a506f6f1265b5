//! The part-of-speech tagger: an averaged perceptron that tags left to right, each word
//! from its own form, affixes and shape, the two words either side and the two tags
//! already given. A tag is a (UPOS, XPOS) pair, so one decision gives both the universal
//! tag and the Penn Treebank one the parser and the lemmatiser use.
//!
//! Greedy left-to-right decoding is as accurate as Viterbi for a tagger with this much
//! context (Collins 2002; Honnibal's greedy tagger) and costs one scoring per word.

use super::codec::{put_varint, Reader};
use super::hash::feat;
use super::lexical::Lex;
use super::linear::Weights;
use std::collections::HashMap;

/// The tagger's lexicon: for the words seen often enough in training, the set of
/// universal tags they had, as a bit set. Words sharing a set share what the context
/// says about them ("NOUN or VERB" words after "to"), which the word alone cannot.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Lexicon {
    /// Tag set by the hash of the lowercased form.
    pub words: HashMap<u64, u32>,
}

impl Lexicon {
    /// The feature value of a word's tag set: 0 when the lexicon does not list it.
    #[inline]
    pub fn amb(&self, lower: u64) -> u64 {
        self.words.get(&lower).map_or(0, |&m| u64::from(m) + 1)
    }

    /// Sets the tag set of every word of a sentence.
    pub fn fill(&self, lex: &mut [Lex]) {
        for l in lex {
            l.amb = self.amb(l.lower);
        }
    }

    /// Appends the lexicon to a model file, keys ascending.
    pub fn write(&self, out: &mut Vec<u8>) {
        let mut v: Vec<(&u64, &u32)> = self.words.iter().collect();
        v.sort();
        put_varint(out, v.len() as u64);
        for (k, m) in v {
            out.extend_from_slice(&k.to_le_bytes());
            put_varint(out, u64::from(*m));
        }
    }

    /// Reads a lexicon written by [`Lexicon::write`].
    pub fn read(r: &mut Reader<'_>) -> Result<Lexicon, String> {
        let n = r.count(1 << 24, "lexicon size")?;
        let mut words = HashMap::with_capacity(n);
        for _ in 0..n {
            let b = r.take(8)?;
            let k = u64::from_le_bytes(b.try_into().expect("8 bytes"));
            let m = r.count(u32::MAX as usize, "tag set")? as u32;
            words.insert(k, m);
        }
        Ok(Lexicon { words })
    }
}

/// The tag value standing for "before the sentence".
const START: u64 = 0xffff;

/// The features of word `i` given the tags of the words before it (`tags[..i]`).
pub fn features(lex: &[Lex], i: usize, tags: &[u16], out: &mut Vec<u64>) {
    out.clear();
    let at = |k: isize| -> &Lex {
        let j = i as isize + k;
        if j < 0 || j as usize >= lex.len() {
            &Lex::PAD
        } else {
            &lex[j as usize]
        }
    };
    let tag = |k: usize| -> u64 {
        if i >= k {
            u64::from(tags[i - k])
        } else {
            START
        }
    };
    let (w, p1, p2, n1, n2) = (at(0), at(-1), at(-2), at(1), at(2));
    let (t1, t2) = (tag(1), tag(2));
    out.extend_from_slice(&[
        feat(0, &[]),
        feat(1, &[w.lower]),
        feat(2, &[w.form]),
        feat(3, &[w.suffix[0]]),
        feat(4, &[w.suffix[1]]),
        feat(5, &[w.suffix[2]]),
        feat(6, &[w.suffix[3]]),
        feat(7, &[w.prefix[0]]),
        feat(8, &[w.prefix[1]]),
        feat(9, &[w.prefix[2]]),
        feat(10, &[w.shape]),
        feat(11, &[w.flags]),
        feat(12, &[p1.lower]),
        feat(13, &[p2.lower]),
        feat(14, &[n1.lower]),
        feat(15, &[n2.lower]),
        feat(16, &[t1]),
        feat(17, &[t2, t1]),
        feat(18, &[t1, w.lower]),
        feat(19, &[p1.suffix[2]]),
        feat(20, &[n1.suffix[2]]),
        feat(21, &[p1.shape]),
        feat(22, &[n1.shape]),
        feat(23, &[p1.lower, w.lower]),
        feat(24, &[w.lower, n1.lower]),
        feat(25, &[t1, w.suffix[2]]),
        feat(26, &[t1, n1.lower]),
        feat(27, &[n1.suffix[1]]),
        feat(28, &[w.flags, w.suffix[1]]),
        feat(29, &[n1.lower, n2.lower]),
        feat(30, &[t1, p1.lower]),
        feat(40, &[w.amb]),
        feat(41, &[w.amb, t1]),
        feat(42, &[w.amb, n1.amb]),
        feat(43, &[p1.amb, w.amb]),
        feat(44, &[w.amb, n1.lower]),
        feat(45, &[w.amb, t1, t2]),
        feat(46, &[n1.amb]),
    ]);
}

/// Tags the words of `lex` with `weights` (after filling in their tag sets from the
/// lexicon), writing the tag numbers to `tags`; `feats` and `scores` are buffers.
pub fn tag(
    weights: &Weights,
    lexicon: &Lexicon,
    lex: &mut [Lex],
    tags: &mut Vec<u16>,
    feats: &mut Vec<u64>,
    scores: &mut Vec<i32>,
) {
    lexicon.fill(lex);
    tags.clear();
    let n = weights.classes();
    for i in 0..lex.len() {
        features(lex, i, tags, feats);
        scores.clear();
        scores.resize(n, 0);
        weights.add_scores(feats, scores);
        tags.push(argmax(scores) as u16);
    }
}

/// The first class of highest score.
pub fn argmax(scores: &[i32]) -> usize {
    let mut best = 0;
    for (c, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = c;
        }
    }
    best
}
