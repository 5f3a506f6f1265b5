//! Learning the lemmatiser from the training words.

use crate::parse::lemma::{suffix_key, word_key, Lemmatizer, Rule, MAX_SUFFIX};
use std::collections::{BTreeMap, HashMap};

/// Fewest training word types a suffix longer than one character needs for its own rule.
const MIN_SUPPORT: usize = 2;

/// One training word: form, tag number and gold lemma.
pub struct Sample<'a> {
    /// The form as written.
    pub form: &'a str,
    /// The tag number.
    pub tag: usize,
    /// The gold lemma.
    pub lemma: &'a str,
}

/// Counts by string.
type Counts = BTreeMap<String, usize>;

fn lower(s: &str) -> String {
    s.chars().flat_map(char::to_lowercase).collect()
}

/// The most frequent key of a count table, the smallest among equals.
fn majority<K: Ord + Clone>(counts: &BTreeMap<K, usize>) -> Option<K> {
    let mut best: Option<(&K, usize)> = None;
    for (k, &n) in counts {
        if best.is_none_or(|(_, m)| n > m) {
            best = Some((k, n));
        }
    }
    best.map(|(k, _)| k.clone())
}

/// Learns the lemmatiser for `ntags` tags; `past` marks the tags of past tenses and
/// participles.
pub fn learn(samples: &[Sample<'_>], ntags: usize, past: Vec<bool>) -> Lemmatizer {
    // does a tag keep the case of the form? votes from words with a capital
    let mut votes = vec![(0usize, 0usize); ntags];
    for s in samples {
        if s.form.chars().any(char::is_uppercase) {
            if s.lemma.chars().any(char::is_uppercase) {
                votes[s.tag].0 += 1;
            } else {
                votes[s.tag].1 += 1;
            }
        }
    }
    let keep_case: Vec<bool> = votes.iter().map(|&(k, l)| k > l).collect();

    // word types with their rule, and token counts by (lowercased word, tag)
    let mut types: BTreeMap<(String, usize, Rule), usize> = BTreeMap::new();
    let mut by_word: BTreeMap<(String, usize), (Counts, Counts)> = BTreeMap::new();
    for s in samples {
        let low = lower(s.form);
        let base = if keep_case[s.tag] {
            s.form
        } else {
            low.as_str()
        };
        let Some(rule) = Rule::between(base, s.lemma) else {
            continue;
        };
        *types.entry((low.clone(), s.tag, rule)).or_default() += 1;
        let e = by_word.entry((low, s.tag)).or_default();
        *e.0.entry(s.lemma.to_string()).or_default() += 1;
        *e.1.entry(s.form.to_string()).or_default() += 1;
    }

    // rule counts by (tag, suffix), over word types
    let mut rules: BTreeMap<Rule, u32> = BTreeMap::new();
    let mut by_suffix: BTreeMap<(usize, String), BTreeMap<Rule, usize>> = BTreeMap::new();
    for (low, tag, rule) in types.keys() {
        let n = rules.len() as u32;
        rules.entry(rule.clone()).or_insert(n);
        let starts: Vec<usize> = low.char_indices().map(|(i, _)| i).collect();
        for k in 0..=MAX_SUFFIX.min(starts.len()) {
            let suffix = if k == 0 {
                ""
            } else {
                &low[starts[starts.len() - k]..]
            };
            *by_suffix
                .entry((*tag, suffix.to_string()))
                .or_default()
                .entry(rule.clone())
                .or_default() += 1;
        }
    }
    // number rules in their sorted order, so that the numbering does not depend on the
    // order words were met in
    let numbered: Vec<Rule> = rules.keys().cloned().collect();
    let number: HashMap<&Rule, u32> = numbered
        .iter()
        .enumerate()
        .map(|(i, r)| (r, i as u32))
        .collect();

    let mut lem = Lemmatizer {
        rules: numbered.clone(),
        keep_case,
        default: vec![0; ntags],
        suffixes: HashMap::new(),
        words: HashMap::new(),
        past,
    };
    // keep a suffix's rule where it differs from the rule a shorter suffix gives
    let mut effective: HashMap<(usize, String), u32> = HashMap::new();
    let mut keys: Vec<&(usize, String)> = by_suffix.keys().collect();
    keys.sort_by_key(|(t, s)| (s.chars().count(), *t, s.clone()));
    for key in keys {
        let counts = &by_suffix[key];
        let best = number[&majority(counts).expect("counted")];
        let support: usize = counts.values().sum();
        let (tag, suffix) = key;
        if suffix.is_empty() {
            lem.default[*tag] = best;
            effective.insert(key.clone(), best);
            continue;
        }
        let parent_suffix: String = suffix.chars().skip(1).collect();
        let parent = effective
            .get(&(*tag, parent_suffix))
            .copied()
            .unwrap_or(lem.default[*tag]);
        let long = suffix.chars().count() > 1;
        if best != parent && (!long || support >= MIN_SUPPORT) {
            lem.suffixes.insert(suffix_key(*tag, suffix), best);
            effective.insert(key.clone(), best);
        } else {
            effective.insert(key.clone(), parent);
        }
    }
    // the table: training words whose usual lemma the rules miss
    let mut out = String::new();
    for ((low, tag), (lemmas, forms)) in &by_word {
        let lemma = majority(lemmas).expect("counted");
        let form = majority(forms).expect("counted");
        out.clear();
        lem.lemma(&form, low, *tag, &mut out);
        if out != lemma {
            lem.words.insert(word_key(*tag, low), lemma);
        }
    }
    lem
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_generalise_and_the_table_keeps_exceptions() {
        let words = [
            ("denied", 0, "deny"),
            ("tried", 0, "try"),
            ("cried", 0, "cry"),
            ("walked", 0, "walk"),
            ("warned", 0, "warn"),
            ("talked", 0, "talk"),
            ("said", 0, "say"),
            ("Said", 0, "say"),
            ("Americans", 1, "American"),
            ("Germans", 1, "German"),
            ("Paris", 1, "Paris"),
            ("Paris", 1, "Paris"),
            ("dogs", 2, "dog"),
        ];
        let samples: Vec<Sample<'_>> = words
            .iter()
            .map(|&(form, tag, lemma)| Sample { form, tag, lemma })
            .collect();
        let lem = learn(&samples, 3, vec![true, false, false]);
        let run = |form: &str, tag: usize| {
            let mut out = String::new();
            lem.lemma(form, &lower(form), tag, &mut out);
            out
        };
        assert_eq!(run("decried", 0), "decry");
        assert_eq!(run("barked", 0), "bark");
        assert_eq!(run("Said", 0), "say");
        assert_eq!(run("blew", 0), "blow", "irregular past");
        assert_eq!(run("Russians", 1), "Russian");
        assert_eq!(run("Paris", 1), "Paris");
        assert_eq!(run("cats", 2), "cat");
        assert!(lem.keep_case[1] && !lem.keep_case[0]);
        assert!(lem.words.len() <= 3, "{:?}", lem.words);
    }
}
