//! Which registry source a mention names: by alias, normalised form, a name inside the
//! phrase, or a fuzzy match, and which of these rules matched.

use super::fuzzy::FuzzyIndex;
use crate::sources::{normalize_mention, Registry};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The lowest normalised Levenshtein similarity at which a mention fuzzily matches an alias.
pub const FUZZY_THRESHOLD: f64 = 0.85;

/// Which rule resolved a mention to a source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MatchRule {
    /// The mention is the source's id, name, an alias or a person's name, letter for letter.
    Alias,
    /// The mention equals a name or alias once both are normalised (case, articles,
    /// possessives, punctuation).
    Normalized,
    /// The mention is a noun phrase that contains a name or alias as whole words ("A State
    /// Department spokesperson"); the longest such name wins.
    Contains,
    /// The mention is close in spelling to a name or alias (normalised Levenshtein).
    Fuzzy,
    /// The speaker is a person the registry does not know, and the text ties them to a source
    /// it does ("Mara Lind, the editor of the Lowland Herald").
    Affiliation,
    /// The mention is a surname alone ("Berg"), and the article named the person in full
    /// before ("Tomas Berg"), a person the registry knows by that full name.
    Surname,
}

impl MatchRule {
    /// The rule in words, as reports show it.
    pub fn label(self) -> &'static str {
        match self {
            MatchRule::Alias => "alias",
            MatchRule::Normalized => "normalised form",
            MatchRule::Contains => "name inside the phrase",
            MatchRule::Fuzzy => "fuzzy match",
            MatchRule::Affiliation => "organisation named with the speaker",
            MatchRule::Surname => "surname of a person named in full before",
        }
    }
}

/// The source a mention resolved to, and how.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Resolution {
    /// The id of the source.
    pub source: String,
    /// The person of the source the mention names, if any.
    pub person: Option<String>,
    /// The rule that matched.
    pub rule: MatchRule,
    /// The name or alias that matched, as the registry spells it.
    pub matched: String,
    /// Similarity for fuzzy matches (1.0 for the other rules).
    pub score: f64,
}

#[derive(Clone, Copy, Debug)]
struct Entry<'r> {
    source: usize,
    person: Option<usize>,
    name: &'r str,
}

/// A registry with the indexes that resolve mentions to its sources: built once per story.
#[derive(Clone, Debug)]
pub struct Resolver<'r> {
    registry: &'r Registry,
    exact: HashMap<&'r str, Entry<'r>>,
    normal: HashMap<&'r str, Entry<'r>>,
    /// Normalised names in registry order, for fuzzy matching.
    normal_list: Vec<(&'r str, Entry<'r>)>,
    /// The names of `normal_list` by trigram, which yields the few a mention could match.
    fuzzy: FuzzyIndex,
    /// The most words of a normalised name: no longer run of a mention's words can be one.
    max_words: usize,
}

impl<'r> Resolver<'r> {
    /// Indexes the names of `registry` that stand for their own source
    /// ([`Registry::held_names`]: a name two sources share stays with the first in every
    /// spelling); the first of equal names counts.
    pub fn new(registry: &'r Registry) -> Resolver<'r> {
        let mut r = Resolver {
            registry,
            exact: HashMap::new(),
            normal: HashMap::new(),
            normal_list: Vec::new(),
            fuzzy: FuzzyIndex::default(),
            max_words: 0,
        };
        for (n, norm) in registry.held_with_normal_forms() {
            let entry = Entry {
                source: n.source,
                person: n.person,
                name: n.name,
            };
            // a mention is trimmed before it is looked up, so the name is too
            r.exact.entry(n.name.trim()).or_insert(entry);
            let Some(norm) = norm else {
                continue;
            };
            if let std::collections::hash_map::Entry::Vacant(v) = r.normal.entry(norm) {
                v.insert(entry);
                r.normal_list.push((norm, entry));
            }
        }
        r.max_words = r
            .normal
            .keys()
            .map(|n| n.split(' ').count())
            .max()
            .unwrap_or(0);
        r.fuzzy = FuzzyIndex::new(r.normal_list.iter().map(|(n, _)| *n));
        r
    }

    /// The registry it resolves to.
    pub fn registry(&self) -> &'r Registry {
        self.registry
    }

    fn resolution(&self, e: &Entry<'r>, rule: MatchRule, score: f64) -> Resolution {
        let s = &self.registry.sources()[e.source];
        Resolution {
            source: s.id.clone(),
            person: e.person.map(|p| s.people[p].name.clone()),
            rule,
            matched: e.name.to_string(),
            score,
        }
    }

    /// Resolves a mention to a source: by alias, then by normalised form, then by a name
    /// inside the phrase, then by fuzzy match. `None` when nothing matches; the caller keeps
    /// the speaker as unknown rather than dropping it.
    pub fn resolve(&self, mention: &str) -> Option<Resolution> {
        let mention = mention.trim();
        if mention.is_empty() {
            return None;
        }
        if let Some(e) = self.exact.get(mention) {
            return Some(self.resolution(e, MatchRule::Alias, 1.0));
        }
        let n = normalize_mention(mention);
        if n.is_empty() {
            return None;
        }
        if let Some(e) = self.normal.get(n.as_str()) {
            return Some(self.resolution(e, MatchRule::Normalized, 1.0));
        }
        let words: Vec<&str> = n.split(' ').collect();
        for len in (1..words.len().min(self.max_words + 1)).rev() {
            let mut best: Option<&Entry<'r>> = None;
            for start in 0..=words.len() - len {
                let window = words[start..start + len].join(" ");
                if let Some(e) = self.normal.get(window.as_str()) {
                    // a person's name beats the organisation at equal length
                    if best.is_none_or(|b| b.person.is_none() && e.person.is_some()) {
                        best = Some(e);
                    }
                }
            }
            if let Some(e) = best {
                return Some(self.resolution(e, MatchRule::Contains, 1.0));
            }
        }
        if n.chars().count() < 5 {
            return None;
        }
        // the index yields every name that could pass, in registry order, so the first of
        // equal scores wins as it would over the whole list
        let mut best: Option<(f64, &Entry<'r>)> = None;
        for i in self.fuzzy.candidates(&n) {
            let (name, e) = &self.normal_list[i];
            let score = strsim::normalized_levenshtein(&n, name);
            if score >= FUZZY_THRESHOLD && best.is_none_or(|(b, _)| score > b) {
                best = Some((score, e));
            }
        }
        best.map(|(score, e)| self.resolution(e, MatchRule::Fuzzy, score))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn registry() -> Registry {
        let text = r#"#![enable(implicit_some)]
(sources: [
    (id: "fsb", name: "Federal Security Service", kind: Agency,
     aliases: ["FSB", "Russian Federal Security Service"], affiliation: "Russian state"),
    (id: "kremlin", name: "The Kremlin", kind: Government, aliases: ["Kremlin"],
     people: [(name: "Dmitry Peskov", role: "Kremlin spokesman", aliases: ["Peskov"])]),
    (id: "state-department", name: "U.S. State Department", kind: Government,
     aliases: ["State Department"]),
])"#;
        let (r, diags) = Registry::parse(Path::new("sources.ron"), text).unwrap();
        assert!(diags.is_empty(), "{diags:?}");
        r
    }

    #[test]
    fn a_name_of_no_letters_with_spaces_around_resolves_letter_for_letter() {
        // found by the registry fuzz target: "   '   " normalises to nothing, and the
        // trimmed mention missed the untrimmed name
        let reg = Registry::from_ron(
            std::path::Path::new("sources.ron"),
            "(sources: [(id: \"q\", name: \"   '   \", kind: Agency)])",
        )
        .unwrap();
        let r = Resolver::new(&reg);
        let got = r.resolve("   '   ").unwrap();
        assert_eq!((got.source.as_str(), got.rule), ("q", MatchRule::Alias));
        assert_eq!(r.resolve("'").unwrap().source, "q");
    }

    #[test]
    fn each_rule() {
        let reg = registry();
        let r = Resolver::new(&reg);
        let got = r.resolve("FSB").unwrap();
        assert_eq!((got.source.as_str(), got.rule), ("fsb", MatchRule::Alias));
        let got = r.resolve("the Russian federal security service's").unwrap();
        assert_eq!(
            (got.source.as_str(), got.rule),
            ("fsb", MatchRule::Normalized)
        );
        let got = r.resolve("A State Department spokesperson").unwrap();
        assert_eq!(
            (got.source.as_str(), got.rule),
            ("state-department", MatchRule::Contains)
        );
        let got = r.resolve("Kremlin spokesman Dmitry Peskov").unwrap();
        assert_eq!(got.source, "kremlin");
        assert_eq!(got.person.as_deref(), Some("Dmitry Peskov"));
        let got = r.resolve("Federal Security Services").unwrap();
        assert_eq!((got.source.as_str(), got.rule), ("fsb", MatchRule::Fuzzy));
        assert!(got.score >= FUZZY_THRESHOLD && got.score < 1.0);
        assert!(r.resolve("The post").is_none());
        assert!(r.resolve("").is_none());
    }

    #[test]
    fn the_gazetteer_holds_the_names_the_resolver_matches_without_fuzz() {
        let reg = registry();
        let r = Resolver::new(&reg);
        let g = reg.gazetteer();
        for m in [
            "FSB",
            "the Russian federal security service's",
            "A State Department spokesperson",
            "Kremlin spokesman Dmitry Peskov",
            "Federal Security Services",
            "The post",
            "",
            "  Peskov ",
        ] {
            let strict = r.resolve(m).is_some_and(|x| x.rule != MatchRule::Fuzzy);
            assert_eq!(g.holds_name(m), strict, "{m:?}");
        }
    }

    #[test]
    fn a_name_two_sources_share_resolves_to_the_first_in_every_spelling() {
        let text = "(sources: [\n (id: \"a\", name: \"The Embassy\", kind: Government),\n (id: \"b\", name: \"B\", kind: Government,\n  aliases: [\"embassy\", \"B office\"]),\n])";
        let (reg, _) = Registry::parse(Path::new("s.ron"), text).unwrap();
        let r = Resolver::new(&reg);
        assert_eq!(r.resolve("the embassy").unwrap().source, "a");
        assert_eq!(r.resolve("embassy").unwrap().source, "a");
        assert_eq!(r.resolve("B office").unwrap().source, "b");
    }
}
