//! The gazetteer: the names of a story's sources, without the sources, for the attribution
//! stage to find in the text.

use super::registry::index_form;
use std::collections::{HashMap, HashSet};

/// What the gazetteer knows of a name found in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KnownName {
    /// The name is a person's (one who speaks for a source), not an organisation's.
    pub person: bool,
}

/// The names and aliases of a story's sources, letter for letter and in normalised form
/// (see [`super::normalize_mention`]), each noted as a person's or not. It tells whether a
/// phrase is a name to look for, never which source it names: that is the resolve stage's
/// job.
#[derive(Clone, Debug, Default)]
pub struct Gazetteer {
    exact: HashMap<String, KnownName>,
    normal: HashMap<String, KnownName>,
    /// The most words of a normalised name: no longer run of a phrase's words can be one.
    max_words: usize,
    /// The first word of every normalised name: a phrase whose normal form starts with
    /// another word is no name, which [`Gazetteer::find`] tells from its first word alone.
    first_words: HashSet<String>,
}

impl Gazetteer {
    /// A gazetteer of `(name, is a person's)` pairs; the first of equal names counts.
    pub fn new<'a>(names: impl IntoIterator<Item = (&'a str, bool)>) -> Gazetteer {
        let names: Vec<(&str, Option<String>, bool)> = names
            .into_iter()
            .map(|(name, person)| (name, index_form(name), person))
            .collect();
        Gazetteer::from_normal_forms(
            names
                .iter()
                .map(|(name, normal, person)| (*name, normal.as_deref(), *person)),
        )
    }

    /// A gazetteer of `(name, its normalised form, is a person's)` triples, the normalised
    /// forms already made (`None` for a name that normalises to nothing); the first of
    /// equal names counts.
    pub fn from_normal_forms<'a>(
        names: impl IntoIterator<Item = (&'a str, Option<&'a str>, bool)>,
    ) -> Gazetteer {
        let mut g = Gazetteer::default();
        for (name, normal, person) in names {
            let known = KnownName { person };
            if !g.exact.contains_key(name) {
                g.exact.insert(name.to_string(), known);
            }
            if let Some(n) = normal {
                g.max_words = g.max_words.max(n.split(' ').count());
                let first = n.split(' ').next().unwrap_or_default();
                if !g.first_words.contains(first) {
                    g.first_words.insert(first.to_string());
                }
                if !g.normal.contains_key(n) {
                    g.normal.insert(n.to_string(), known);
                }
            }
        }
        g
    }

    /// True when there is no name to look for.
    pub fn is_empty(&self) -> bool {
        self.exact.is_empty()
    }

    /// The phrase as a name: letter for letter, else in normalised form. The strict
    /// rules used to find names in running text.
    pub fn find(&self, phrase: &str) -> Option<KnownName> {
        if let Some(k) = self.exact.get(phrase) {
            return Some(*k);
        }
        // one buffer for the normal forms: the attribution stage asks about every run of
        // up to six words of an article
        thread_local! {
            static NORMAL: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
        }
        NORMAL.with(|buf| {
            let mut buf = buf.borrow_mut();
            super::normalize_words_into(phrase, 1, &mut buf);
            if !self.first_words.contains(buf.as_str()) {
                return None;
            }
            super::normalize_mention_into(phrase, &mut buf);
            self.normal.get(buf.as_str()).copied()
        })
    }

    /// True when the phrase is a name (letter for letter or normalised, white space
    /// trimmed) or holds one as whole words ("A State Department spokesperson"). No
    /// spelling variants: a phrase merely close to a name is not one.
    pub fn holds_name(&self, phrase: &str) -> bool {
        let phrase = phrase.trim();
        if phrase.is_empty() {
            return false;
        }
        if self.exact.contains_key(phrase) {
            return true;
        }
        let Some(n) = index_form(phrase) else {
            return false;
        };
        if self.normal.contains_key(&n) {
            return true;
        }
        let words: Vec<&str> = n.split(' ').collect();
        (1..words.len().min(self.max_words + 1)).rev().any(|len| {
            (0..=words.len() - len).any(|start| {
                self.normal
                    .contains_key(&words[start..start + len].join(" "))
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gazetteer() -> Gazetteer {
        Gazetteer::new([
            ("State Department", false),
            ("the Kremlin", false),
            ("Dmitry Peskov", true),
            ("Peskov", true),
        ])
    }

    #[test]
    fn names_letter_for_letter_and_normalised() {
        let g = gazetteer();
        assert_eq!(g.find("Peskov"), Some(KnownName { person: true }));
        assert_eq!(g.find("Kremlin’s"), Some(KnownName { person: false }));
        assert_eq!(g.find("A State Department spokesperson"), None);
        assert!(!g.is_empty());
        assert!(Gazetteer::default().is_empty());
    }

    #[test]
    fn names_inside_a_phrase_but_no_near_spellings() {
        let g = gazetteer();
        assert!(g.holds_name(" A State Department spokesperson "));
        assert!(g.holds_name("Kremlin spokesman Dmitry Peskov"));
        assert!(!g.holds_name("State Departmen"));
        assert!(!g.holds_name(""));
        assert!(!g.holds_name("—"));
    }
}
