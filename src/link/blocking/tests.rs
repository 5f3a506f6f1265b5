//! Blocking against comparing every pair, and its parts.

use super::*;
use crate::claims::Claim;
use crate::link::relate::anonymous_source;
use crate::link::synthetic::ClaimSpec;
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

fn claims(keys: &[Vec<&str>]) -> Vec<Claim> {
    keys.iter()
        .enumerate()
        .map(|(i, ks)| {
            ClaimSpec {
                sentence: i,
                keys: ks.iter().map(|k| k.to_string()).collect(),
                ..ClaimSpec::default()
            }
            .build()
        })
        .collect()
}

/// The pairs kept among claims described by token sets, by comparing every pair.
fn kept(sets: &[BTreeSet<String>], l: &Limits) -> BTreeSet<(usize, usize)> {
    let n = sets.len();
    let mut df: BTreeMap<&str, usize> = BTreeMap::new();
    for s in sets {
        for k in s {
            *df.entry(k).or_default() += 1;
        }
    }
    let weight = |k: &String| {
        let d = df[k.as_str()];
        (2..=l.max_key_frequency)
            .contains(&d)
            .then(|| ((n as f64 / d as f64).ln() * 256.0).round() as u32)
    };
    let mut kept = BTreeSet::new();
    for i in 0..n {
        let mut partners: Vec<(u32, usize, usize)> = Vec::new();
        for j in (0..n).filter(|&j| j != i) {
            let w: Vec<u32> = sets[i].intersection(&sets[j]).filter_map(weight).collect();
            if !w.is_empty() && w.len() >= l.min_shared {
                partners.push((w.iter().sum(), w.len(), j));
            }
        }
        partners.sort_by(|x, y| y.0.cmp(&x.0).then(y.1.cmp(&x.1)).then(x.2.cmp(&y.2)));
        for &(_, _, j) in partners.iter().take(l.max_per_claim) {
            kept.insert((i.min(j), i.max(j)));
        }
    }
    kept
}

/// What blocking should find, by comparing every pair.
fn all_pairs(claims: &[Claim], l: &Limits) -> Vec<(usize, usize, Vec<String>)> {
    let sets: Vec<BTreeSet<String>> = claims
        .iter()
        .map(|c| c.keys.iter().cloned().collect())
        .collect();
    kept(&sets, l)
        .into_iter()
        .map(|(a, b)| {
            let shared = sets[a].intersection(&sets[b]).cloned();
            (a, b, shared.collect())
        })
        .collect()
}

/// What same-source blocking should find, by comparing every pair: tokens are (source,
/// key) pairs of named sources.
fn all_same_source_pairs(claims: &[Claim], l: &Limits) -> Vec<(usize, usize)> {
    let sets: Vec<BTreeSet<String>> = claims
        .iter()
        .map(|c| {
            let s = c.origin();
            if anonymous_source(s) {
                BTreeSet::new()
            } else {
                c.keys.iter().map(|k| format!("{s}\u{0}{k}")).collect()
            }
        })
        .collect();
    kept(&sets, l).into_iter().collect()
}

/// [`same_source_pairs`] with other limits.
fn same_source_with(claims: &[Claim], l: &Limits) -> Vec<(usize, usize)> {
    let sources = Numbered::new(claims.iter().map(|c| c.origin().as_str()));
    let named: Vec<bool> = claims
        .iter()
        .map(|c| !anonymous_source(c.origin()))
        .collect();
    KeyIndex::new(claims)
        .by_source_and_key(&sources, &named)
        .pairs(l)
        .into_iter()
        .map(unpack)
        .collect()
}

/// Up to 40 claims of up to 10 keys from 25 words, by 5 speakers, two of them
/// anonymous.
fn random_sourced_claims() -> impl Strategy<Value = Vec<Claim>> {
    let speakers = ["a", "b", "c", "article:x", "unknown:y"];
    prop::collection::vec((0..5usize, prop::collection::vec(0..25usize, 0..10)), 0..40).prop_map(
        move |cs| {
            cs.iter()
                .enumerate()
                .map(|(i, (s, ks))| {
                    ClaimSpec {
                        sentence: i,
                        speaker: speakers[*s].into(),
                        keys: ks.iter().map(|w| format!("k{w}")).collect(),
                        ..ClaimSpec::default()
                    }
                    .build()
                })
                .collect()
        },
    )
}

/// Up to 40 claims of up to 10 keys (repeats possible) from 25 words.
fn random_claims() -> impl Strategy<Value = Vec<Claim>> {
    prop::collection::vec(prop::collection::vec(0..25usize, 0..10), 0..40).prop_map(|ks| {
        let words: Vec<Vec<String>> = ks
            .iter()
            .map(|k| k.iter().map(|w| format!("k{w}")).collect())
            .collect();
        let refs: Vec<Vec<&str>> = words
            .iter()
            .map(|w| w.iter().map(String::as_str).collect())
            .collect();
        claims(&refs)
    })
}

proptest! {
    #[test]
    fn finds_what_comparing_all_pairs_finds(claims in random_claims()) {
        // fewer claims than either cap: every pair sharing two keys
        let limits = Limits::default();
        prop_assert!(claims.len() <= limits.max_key_frequency.min(limits.max_per_claim));
        prop_assert_eq!(candidates(&claims), all_pairs(&claims, &limits));
    }

    #[test]
    fn applies_the_caps_as_specified(
        claims in random_claims(),
        max_key_frequency in 1..8usize,
        min_shared in 1..4usize,
        max_per_claim in 0..6usize,
    ) {
        let limits = Limits { max_key_frequency, min_shared, max_per_claim };
        prop_assert_eq!(candidates_with(&claims, &limits), all_pairs(&claims, &limits));
    }

    #[test]
    fn same_source_pairs_are_those_of_all_pairs(claims in random_sourced_claims()) {
        prop_assert_eq!(
            same_source_pairs(&claims),
            all_same_source_pairs(&claims, &Limits::same_source())
        );
    }

    #[test]
    fn same_source_pairs_apply_the_caps_as_specified(
        claims in random_sourced_claims(),
        max_key_frequency in 1..8usize,
        min_shared in 1..3usize,
        max_per_claim in 0..6usize,
    ) {
        let limits = Limits { max_key_frequency, min_shared, max_per_claim };
        prop_assert_eq!(
            same_source_with(&claims, &limits),
            all_same_source_pairs(&claims, &limits)
        );
    }

    #[test]
    fn interning_survives_hash_collisions(claims in random_claims()) {
        // every key with the same hash: the check finds it and interns by string
        let parts = |i: Interned<()>| {
            (i.start, i.ids, i.distinct, i.articles.of, i.sources.of, i.affiliations)
        };
        prop_assert_eq!(
            parts(intern(&claims, |_| 7, |_| ())),
            parts(intern(&claims, key_hash, |_| ()))
        );
    }
}

#[test]
fn the_default_story_pairs_are_those_of_all_pairs() {
    let story = crate::corpus::default_story(&Default::default()).unwrap();
    let an = crate::analysis(&story, &crate::Options::default());
    let found = candidates(&an.claims);
    assert!(!found.is_empty());
    assert_eq!(found, all_pairs(&an.claims, &Limits::default()));
    let same = same_source_pairs(&an.claims);
    assert!(!same.is_empty());
    assert_eq!(
        same,
        all_same_source_pairs(&an.claims, &Limits::same_source())
    );
}

#[test]
fn numbers_strings_by_first_appearance() {
    let n = Numbered::new(["b", "b", "a", "b", "c", "a"].into_iter());
    assert_eq!(n.of, vec![0, 0, 1, 0, 2, 1]);
    assert_eq!(n.count, 3);
    assert_eq!(Numbered::new(std::iter::empty()).count, 0);
}

#[test]
fn a_too_common_key_makes_no_pair_but_counts_as_shared() {
    let cap = thresholds::MAX_KEY_FREQUENCY;
    let mut keys: Vec<Vec<&str>> = (0..=cap).map(|_| vec!["government", "moscow"]).collect();
    keys[0].push("synagogu");
    keys[1].push("synagogu");
    // one rare key and two too-common ones: not enough
    assert_eq!(candidates(&claims(&keys)), vec![]);
    keys[0].push("fsb");
    keys[1].push("fsb");
    assert_eq!(
        candidates(&claims(&keys)),
        vec![(
            0,
            1,
            vec![
                "fsb".into(),
                "government".into(),
                "moscow".into(),
                "synagogu".into()
            ]
        )]
    );
    // at the cap, the keys still make pairs: every pair, with no cap per claim
    keys.pop();
    let no_cap = Limits {
        max_per_claim: usize::MAX,
        ..Limits::default()
    };
    let found = candidates_with(&claims(&keys), &no_cap);
    assert_eq!(found.len(), cap * (cap - 1) / 2);
}

#[test]
fn each_claim_keeps_its_best_partners() {
    let keys = vec![
        vec!["rare1", "rare2", "x", "y"],
        vec!["rare1", "rare2"],
        vec!["x", "y", "p"],
        vec!["x", "y", "q"],
    ];
    let limits = Limits {
        max_per_claim: 1,
        ..Limits::default()
    };
    let pairs: Vec<(usize, usize)> = candidates_with(&claims(&keys), &limits)
        .into_iter()
        .map(|(a, b, _)| (a, b))
        .collect();
    // 0 keeps 1 (rarer keys); 2 and 3 each keep 0, the earlier of two equal partners;
    // nobody keeps (2, 3)
    assert_eq!(pairs, vec![(0, 1), (0, 2), (0, 3)]);
}

#[test]
fn output_is_sorted_and_repeated_keys_count_once() {
    let keys = vec![
        vec!["b", "a", "a", "c"],
        vec!["z"],
        vec!["c", "b", "b"],
        vec!["a", "c", "b"],
    ];
    let found = candidates(&claims(&keys));
    let abc = || vec!["a".to_string(), "b".into(), "c".into()];
    let bc = || vec!["b".to_string(), "c".into()];
    assert_eq!(found, vec![(0, 2, bc()), (0, 3, abc()), (2, 3, bc())]);
    assert_eq!(candidates(&[] as &[Claim]), vec![]);
    assert_eq!(candidates(&claims(&[vec!["a", "b"]])), vec![]);
}

#[test]
fn hashes_differ_on_short_keys() {
    let words = [
        "",
        "a",
        "b",
        "ab",
        "ba",
        "abcdefgh",
        "abcdefghi",
        "abcdefgi",
    ];
    let hashes: BTreeSet<u64> = words.iter().map(|w| key_hash(w.as_bytes())).collect();
    assert_eq!(hashes.len(), words.len());
    // the length is mixed in: a trailing zero byte is not the end of the word
    assert_ne!(key_hash(b"a"), key_hash(b"a\0"));
}
