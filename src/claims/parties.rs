//! The parties of a story, as [`super::meaning`] reads them in a claim: every name of every
//! registry source, lower case, with the party it stands for.

use crate::sources::Registry;
use crate::text::tokens::{normalize_word, words};
use crate::text::Span;
use std::collections::HashMap;

/// The parties of a story: every name of every registry source, lower case, with the
/// party it stands for, and the demonym that opens an affiliation ("Russian" of "Russian
/// state").
#[derive(Clone, Debug, Default)]
pub struct Parties {
    names: HashMap<String, String>,
    /// The most words of any name.
    pub(super) longest: usize,
    /// The demonyms that open an affiliation, lower case ("russian").
    demonyms: std::collections::HashSet<String>,
}

impl Parties {
    /// The parties of a registry.
    pub fn new(registry: &Registry) -> Parties {
        let mut p = Parties::default();
        for s in registry.sources() {
            let party = s.affiliation.clone().unwrap_or_else(|| s.id.clone());
            let mut add = |name: &str| {
                let key = phrase_key(name);
                if key.is_empty() || key.len() < 2 {
                    return;
                }
                p.longest = p.longest.max(key.split(' ').count());
                p.names.entry(key).or_insert_with(|| party.clone());
            };
            add(&s.name);
            for a in &s.aliases {
                add(a);
            }
            for person in &s.people {
                add(&person.name);
                for a in &person.aliases {
                    add(a);
                }
            }
            if let Some(aff) = &s.affiliation {
                if let Some(first) = aff.split_whitespace().next() {
                    if first.starts_with(|c: char| c.is_uppercase()) && first.len() > 3 {
                        add(first);
                        p.demonyms.insert(phrase_key(first));
                    }
                }
            }
        }
        p
    }

    /// True when a lower-case word is a demonym that opens an affiliation: before a noun
    /// of people ("Russian citizens") it names persons of that nationality, not the state.
    pub(super) fn is_demonym(&self, key: &str) -> bool {
        self.demonyms.contains(key)
    }

    /// The party a lower-case phrase names, if any.
    pub(super) fn get(&self, key: &str) -> Option<&str> {
        self.names.get(key).map(String::as_str)
    }
}

/// A name as the key of [`Parties`]: its words lower case, without a leading "the".
fn phrase_key(name: &str) -> String {
    let ws: Vec<String> = words(name, Span::new(0, name.len()))
        .iter()
        .map(|w| normalize_word(w.text))
        .collect();
    let from = usize::from(ws.first().is_some_and(|w| w == "the"));
    ws[from.min(ws.len())..].join(" ")
}
