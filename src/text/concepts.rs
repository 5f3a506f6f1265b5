//! Near-synonyms of news coverage, so that claims told in other words still share keys.
//!
//! Reporters rarely repeat a source's words: "extremists planned an attack" comes back as
//! "terrorist threats", the "U.K." as "Britain". Each table below maps word stems (as
//! [`super::tokens::stem`] makes them) to one concept key, written with a leading `~` so it
//! never collides with a stem. Claims keep their stems and gain the concept keys; matching
//! compares concepts where there are some.
//!
//! The tables are deliberately small and general: classes of words that news reports use
//! interchangeably for the same thing, not the vocabulary of one story.

/// Stems and the concept each stands for. Sorted by stem (a test checks), so lookups are a
/// binary search.
const CONCEPTS: &[(&str, &str)] = &[
    ("advisory", "~alert"),
    ("alert", "~alert"),
    ("america", "~us"),
    ("announc", "~alert"),
    ("assault", "~attack"),
    ("attack", "~attack"),
    ("blam", "~blame"),
    ("bomb", "~attack"),
    ("bombing", "~attack"),
    ("britain", "~uk"),
    ("british", "~uk"),
    ("complicity", "~blame"),
    ("culpabl", "~blame"),
    ("extremist", "~militant"),
    ("guilty", "~blame"),
    ("insurgent", "~militant"),
    ("involv", "~blame"),
    ("jihadist", "~militant"),
    ("kill", "~kill"),
    ("lab", "~lab"),
    ("laboratory", "~lab"),
    ("militant", "~militant"),
    ("murder", "~kill"),
    ("plot", "~attack"),
    ("responsibl", "~blame"),
    ("terror", "~attack"),
    ("terrorism", "~attack"),
    ("terrorist", "~attack"),
    ("threat", "~attack"),
    ("uk", "~uk"),
    ("us", "~us"),
    ("usa", "~us"),
    ("warn", "~alert"),
];

/// The concept a stem stands for, if it has one.
pub fn concept_of(stem: &str) -> Option<&'static str> {
    CONCEPTS
        .binary_search_by(|(s, _)| (*s).cmp(stem))
        .ok()
        .map(|i| CONCEPTS[i].1)
}

/// The concept of a word as written, given its stem: as [`concept_of`], except that "us"
/// is the United States only when written in capitals ("US", "U.S."), not the pronoun.
pub fn concept_of_word(word: &str, stem: &str) -> Option<&'static str> {
    if stem == "us" && !word.starts_with('U') {
        return None;
    }
    concept_of(stem)
}

/// True for a concept key (as opposed to a stem).
pub fn is_concept(key: &str) -> bool {
    key.starts_with('~')
}

/// Multi-word names that stand for one concept ("United States", "Great Britain"), as
/// lower-case word pairs.
const PAIRS: &[(&str, &str, &str)] = &[
    ("great", "britain", "~uk"),
    ("united", "kingdom", "~uk"),
    ("united", "states", "~us"),
];

/// The concept of a two-word name ("United States" → `~us`), if it is one.
pub fn concept_of_pair(first: &str, second: &str) -> Option<&'static str> {
    PAIRS
        .iter()
        .find(|(a, b, _)| first.eq_ignore_ascii_case(a) && second.eq_ignore_ascii_case(b))
        .map(|(_, _, c)| *c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::stem;

    #[test]
    fn table_is_sorted_and_keys_are_stems() {
        let mut sorted = CONCEPTS.to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, CONCEPTS);
        for (s, c) in CONCEPTS {
            assert!(is_concept(c), "{c}");
            assert!(!is_concept(s), "{s}");
        }
    }

    #[test]
    fn inflections_reach_the_concept() {
        for w in ["threats", "attacked", "terrorist", "plots"] {
            assert_eq!(concept_of(&stem(w)), Some("~attack"), "{w}");
        }
        for w in ["extremists", "militants", "insurgents"] {
            assert_eq!(concept_of(&stem(w)), Some("~militant"), "{w}");
        }
        for w in ["warnings", "alerts", "advisory", "warned"] {
            assert_eq!(concept_of(&stem(w)), Some("~alert"), "{w}");
        }
        for w in ["U.S.", "USA", "America"] {
            assert_eq!(concept_of(&stem(w)), Some("~us"), "{w}");
        }
        for w in ["U.K.", "Britain", "British"] {
            assert_eq!(concept_of(&stem(w)), Some("~uk"), "{w}");
        }
        for w in ["lab", "labs", "laboratory", "laboratories"] {
            assert_eq!(concept_of(&stem(w)), Some("~lab"), "{w}");
        }
        assert_eq!(concept_of(&stem("guilty")), Some("~blame"));
        assert_eq!(concept_of(&stem("involvement")), Some("~blame"));
        assert_eq!(concept_of(&stem("concert")), None);
        assert_eq!(concept_of_pair("Great", "Britain"), Some("~uk"));
        assert_eq!(concept_of_pair("United", "States"), Some("~us"));
        assert_eq!(concept_of_pair("United", "Nations"), None);
    }
}
