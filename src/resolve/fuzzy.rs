//! The candidates of the fuzzy rule: an index of the registry's normalised names by
//! character trigram that yields, for a mention, every name whose similarity could reach
//! [`FUZZY_THRESHOLD`] and few others, so a mention is compared with a handful of names
//! rather than with the whole registry.
//!
//! Why it finds them all (the q-gram count filter): an edit changes at most three of a
//! string's trigrams, so two strings of which the longer has `m` characters and which are
//! `d` edits apart share at least `m - 2 - 3d` trigrams, counted with their multiplicity.
//! A name passes the threshold only if `d` is at most `k(m)`, the most edits the threshold
//! allows at that length, so it shares at least `t = m - 2 - 3k(m)` of the mention's `g`
//! trigrams. It then misses at most `g - t` of them, and shares one of any `g - t + 1`:
//! the index looks up only that many, the rarest, and the caller compares the names found
//! with the mention as before. A trigram met for the second time in a string is a key of
//! its own, so that shared trigrams count with their multiplicity.

use super::FUZZY_THRESHOLD;

/// The index's names by trigram: the trigram keys in order, and for each the names that
/// hold it (in `ids`, from `starts[i]` to `starts[i + 1]`), in the order they were given.
#[derive(Clone, Debug, Default)]
pub(super) struct FuzzyIndex {
    /// The length in characters of each name.
    lens: Vec<usize>,
    /// The distinct trigram keys, sorted.
    keys: Vec<u64>,
    /// Where each key's names start in `ids`, with the end of the last.
    starts: Vec<u32>,
    /// The names of each key, by number.
    ids: Vec<u32>,
}

/// The trigram keys of `chars`: each trigram packed into 63 bits, a repeated one mixed
/// with the number of times it came before in the string. Two trigrams that end up with
/// the same key only add candidates, so the packing need not be one to one.
fn keys(chars: &[char]) -> Vec<u64> {
    let grams: Vec<u64> = chars
        .windows(3)
        .map(|w| w[0] as u64 | (w[1] as u64) << 21 | (w[2] as u64) << 42)
        .collect();
    let mut order: Vec<usize> = (0..grams.len()).collect();
    order.sort_unstable_by_key(|&i| (grams[i], i));
    let mut out = grams.clone();
    let mut occurrence = 0u64;
    for (n, &i) in order.iter().enumerate() {
        occurrence = if n > 0 && grams[order[n - 1]] == grams[i] {
            occurrence + 1
        } else {
            0
        };
        out[i] = grams[i]
            ^ occurrence
                .wrapping_mul(0x9e37_79b9_7f4a_7c15)
                .rotate_left(7);
    }
    out
}

/// The most edits that still give the threshold's similarity between strings of which the
/// longer has `m` characters, by the sum `strsim::normalized_levenshtein` computes.
fn max_edits(m: usize) -> usize {
    (0..=m)
        .take_while(|&d| 1.0 - d as f64 / m as f64 >= FUZZY_THRESHOLD)
        .last()
        .unwrap_or(0)
}

impl FuzzyIndex {
    /// The index of `names`, numbered in the order given.
    pub(super) fn new<'a>(names: impl IntoIterator<Item = &'a str>) -> FuzzyIndex {
        let mut lens = Vec::new();
        let mut pairs: Vec<(u64, u32)> = Vec::new();
        for (id, name) in names.into_iter().enumerate() {
            let chars: Vec<char> = name.chars().collect();
            lens.push(chars.len());
            pairs.extend(keys(&chars).into_iter().map(|k| (k, id as u32)));
        }
        pairs.sort_unstable();
        let mut index = FuzzyIndex {
            lens,
            ..FuzzyIndex::default()
        };
        for (k, id) in pairs {
            if index.keys.last() != Some(&k) {
                index.keys.push(k);
                index.starts.push(index.ids.len() as u32);
            }
            index.ids.push(id);
        }
        index.starts.push(index.ids.len() as u32);
        index
    }

    /// The names that hold trigram key `k`.
    fn postings(&self, k: u64) -> &[u32] {
        match self.keys.binary_search(&k) {
            Ok(i) => &self.ids[self.starts[i] as usize..self.starts[i + 1] as usize],
            Err(_) => &[],
        }
    }

    /// The numbers of every name that could be within the threshold of `mention`
    /// (a superset of those that are), in the order they were given. Lengths rule out
    /// some names, the trigram filter most of the rest.
    pub(super) fn candidates(&self, mention: &str) -> Vec<usize> {
        let chars: Vec<char> = mention.chars().collect();
        let la = chars.len();
        // the lengths a name can have, a range: the distance is at least the difference
        // in length, and a name longer by one more needs one more edit than the bound
        // grows
        let allowed = |lb: usize| la.abs_diff(lb) <= max_edits(la.max(lb));
        let shortest = la - max_edits(la).min(la);
        let longest = (la..).take_while(|&lb| allowed(lb)).last().unwrap_or(la);
        // the fewest trigrams a name of an allowed length shares with the mention
        let shared = (shortest..=longest)
            .map(|lb| {
                let m = la.max(lb);
                m as i64 - 2 - 3 * max_edits(m) as i64
            })
            .min()
            .unwrap_or(0);
        let fits = |i: usize| (shortest..=longest).contains(&self.lens[i]);
        let mut found: Vec<usize> = if shared <= 0 {
            // too short for the filter: every name of an allowed length
            (0..self.lens.len()).filter(|&i| fits(i)).collect()
        } else {
            let mut lists: Vec<&[u32]> =
                keys(&chars).into_iter().map(|k| self.postings(k)).collect();
            lists.sort_by_key(|l| l.len());
            // a name that shares `shared` of the keys shares one of any others but
            // `shared - 1`
            let probes = lists.len() + 1 - (shared as usize).min(lists.len());
            lists[..probes]
                .iter()
                .flat_map(|l| l.iter().map(|&i| i as usize))
                .filter(|&i| fits(i))
                .collect()
        };
        found.sort_unstable();
        found.dedup();
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator (xorshift64*).
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    const LETTERS: &[char] = &['a', 'e', 'k', 'l', 'n', 'o', 'r', 's', ' ', '-', 'é', 'ß'];

    fn word(r: &mut Rng) -> String {
        let n = 1 + r.below(24);
        (0..n).map(|_| LETTERS[r.below(LETTERS.len())]).collect()
    }

    /// `s` with `edits` random insertions, deletions and substitutions.
    fn near(r: &mut Rng, s: &str, edits: usize) -> String {
        let mut c: Vec<char> = s.chars().collect();
        for _ in 0..edits {
            let at = r.below(c.len() + 1);
            match r.below(3) {
                0 => c.insert(at, LETTERS[r.below(LETTERS.len())]),
                1 if at < c.len() => {
                    c.remove(at);
                }
                _ if at < c.len() => c[at] = LETTERS[r.below(LETTERS.len())],
                _ => c.push('a'),
            }
        }
        c.into_iter().collect()
    }

    #[test]
    fn the_edit_bound_follows_the_threshold() {
        assert_eq!(max_edits(5), 0);
        assert_eq!(max_edits(7), 1);
        assert_eq!(max_edits(13), 1);
        assert_eq!(max_edits(14), 2);
        assert_eq!(max_edits(20), 3);
    }

    #[test]
    fn the_candidates_hold_every_name_within_the_threshold() {
        let mut r = Rng(0x9e37_79b9_7f4a_7c15);
        let mut names: Vec<String> = (0..400).map(|_| word(&mut r)).collect();
        // names that repeat a trigram, and names near each other
        names.push("aaaaaaaaaa".into());
        names.push("kalo kalo kalo".into());
        for i in 0..100 {
            let n = near(&mut r, &names[i].clone(), 1 + i % 3);
            names.push(n);
        }
        let index = FuzzyIndex::new(names.iter().map(String::as_str));
        let mut near_misses = 0;
        let mut matched = 0;
        for round in 0..1500 {
            let mention = if round % 3 == 0 {
                word(&mut r)
            } else {
                let base = names[r.below(names.len())].clone();
                let edits = r.below(5);
                near(&mut r, &base, edits)
            };
            let scores: Vec<f64> = names
                .iter()
                .map(|n| strsim::normalized_levenshtein(&mention, n))
                .collect();
            let want: Vec<usize> = (0..names.len())
                .filter(|&i| scores[i] >= FUZZY_THRESHOLD)
                .collect();
            let got: Vec<usize> = index
                .candidates(&mention)
                .into_iter()
                .filter(|&i| scores[i] >= FUZZY_THRESHOLD)
                .collect();
            assert_eq!(got, want, "{mention:?}");
            matched += usize::from(!want.is_empty());
            // names just short of the threshold: those the comparison after the filter turns away
            near_misses += scores
                .iter()
                .filter(|s| (FUZZY_THRESHOLD - 0.1..FUZZY_THRESHOLD).contains(*s))
                .count();
        }
        assert!(matched > 500, "{matched}");
        assert!(near_misses > 100, "{near_misses}");
    }

    #[test]
    fn the_candidates_are_few_in_a_large_registry() {
        let mut r = Rng(7);
        let names: Vec<String> = (0..20_000)
            .map(|_| {
                (0..14)
                    .map(|_| (b'a' + r.below(26) as u8) as char)
                    .collect()
            })
            .collect();
        let index = FuzzyIndex::new(names.iter().map(String::as_str));
        let c = index.candidates(&near(&mut r, &names[1234], 1));
        assert!(c.contains(&1234));
        assert!(c.len() < 100, "{}", c.len());
    }
}
