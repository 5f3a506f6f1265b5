//! The registry: a story's sources, and how a mention in the text is resolved to one.

use super::{normalize_mention, Source};
use crate::error::Diagnostic;
use crate::text::span::line_col;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::Path;

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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RegistryFile {
    sources: Vec<Source>,
}

#[derive(Clone, Debug)]
struct Entry {
    source: usize,
    person: Option<usize>,
    name: String,
}

/// The sources of a story, loaded from `sources.ron`, with the indexes that resolve
/// mentions to them.
#[derive(Clone, Debug, Default)]
pub struct Registry {
    sources: Vec<Source>,
    exact: HashMap<String, Entry>,
    normal: HashMap<String, Entry>,
    /// Normalised names in registry order, for fuzzy matching.
    normal_list: Vec<(String, Entry)>,
}

impl Registry {
    /// A registry of the given sources. Later duplicates of a name are ignored; see
    /// [`Registry::from_ron`] for the checks made on a file.
    pub fn new(sources: Vec<Source>) -> Registry {
        let mut r = Registry {
            sources,
            ..Registry::default()
        };
        for (i, s) in r.sources.iter().enumerate() {
            let mut names: Vec<(String, Option<usize>)> = vec![(s.id.clone(), None)];
            names.push((s.name.clone(), None));
            names.extend(s.aliases.iter().map(|a| (a.clone(), None)));
            for (j, p) in s.people.iter().enumerate() {
                names.push((p.name.clone(), Some(j)));
                names.extend(p.aliases.iter().map(|a| (a.clone(), Some(j))));
            }
            for (name, person) in names {
                let entry = Entry {
                    source: i,
                    person,
                    name: name.clone(),
                };
                r.exact.entry(name.clone()).or_insert_with(|| entry.clone());
                let n = normalize_mention(&name);
                if n.is_empty() {
                    continue;
                }
                if !r.normal.contains_key(&n) {
                    r.normal.insert(n.clone(), entry.clone());
                    r.normal_list.push((n, entry));
                }
            }
        }
        r
    }

    /// Parses `sources.ron` (`(sources: [ (id: .., name: .., kind: .., ..), .. ])`).
    ///
    /// Errors name the file, the line and column, and what is wrong: bad RON, an unknown
    /// field, a duplicate or empty id.
    pub fn from_ron(path: &Path, text: &str) -> Result<Registry, Diagnostic> {
        let file: RegistryFile = ron::from_str(text).map_err(|e| {
            Diagnostic::at(
                path,
                e.span.start.line,
                e.span.start.col,
                format!("malformed sources registry: {}", e.code),
            )
        })?;
        let mut seen: HashMap<&str, ()> = HashMap::new();
        for s in &file.sources {
            let at = |needle: &str| {
                let off = text.find(needle).unwrap_or(0);
                line_col(text, off)
            };
            if s.id.trim().is_empty() || s.id != super::slug(&s.id) && !s.id.contains(':') {
                let (l, c) = at(&format!("\"{}\"", s.id));
                return Err(Diagnostic::at(
                    path,
                    l,
                    c,
                    format!(
                        "source id {:?} is not a slug (lower-case letters, digits and hyphens)",
                        s.id
                    ),
                ));
            }
            if seen.insert(&s.id, ()).is_some() {
                let first = text.find(&format!("\"{}\"", s.id)).unwrap_or(0);
                let second = text[first + 1..]
                    .find(&format!("\"{}\"", s.id))
                    .map_or(first, |p| p + first + 1);
                let (l, c) = line_col(text, second);
                return Err(Diagnostic::at(
                    path,
                    l,
                    c,
                    format!("duplicate source id {:?}", s.id),
                ));
            }
        }
        Ok(Registry::new(file.sources))
    }

    /// The sources, in registry order.
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// The source with this id.
    pub fn get(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    fn resolution(&self, e: &Entry, rule: MatchRule, score: f64) -> Resolution {
        let s = &self.sources[e.source];
        Resolution {
            source: s.id.clone(),
            person: e.person.map(|p| s.people[p].name.clone()),
            rule,
            matched: e.name.clone(),
            score,
        }
    }

    /// Looks a mention up by alias or normalised form only: the strict rules used to find
    /// names of sources in running text.
    pub fn lookup(&self, mention: &str) -> Option<Resolution> {
        if let Some(e) = self.exact.get(mention) {
            return Some(self.resolution(e, MatchRule::Alias, 1.0));
        }
        let n = normalize_mention(mention);
        self.normal
            .get(&n)
            .map(|e| self.resolution(e, MatchRule::Normalized, 1.0))
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
        if let Some(e) = self.normal.get(&n) {
            return Some(self.resolution(e, MatchRule::Normalized, 1.0));
        }
        let words: Vec<&str> = n.split(' ').collect();
        for len in (1..words.len()).rev() {
            let mut best: Option<&Entry> = None;
            for start in 0..=words.len() - len {
                let window = words[start..start + len].join(" ");
                if let Some(e) = self.normal.get(&window) {
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
        let mut best: Option<(f64, &Entry)> = None;
        for (name, e) in &self.normal_list {
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
        Registry::from_ron(Path::new("sources.ron"), text).unwrap()
    }

    #[test]
    fn each_rule() {
        let r = registry();
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
    fn malformed_registry_names_place() {
        let err = Registry::from_ron(
            Path::new("s.ron"),
            "(sources: [\n (id: \"x\", nam: \"y\")\n])",
        )
        .unwrap_err();
        assert_eq!(err.line, Some(2));
        assert!(err.to_string().starts_with("s.ron:2:"), "{err}");
        let err = Registry::from_ron(
            Path::new("s.ron"),
            "(sources: [(id: \"a\", name: \"A\", kind: Group),\n(id: \"a\", name: \"B\", kind: Group)])",
        )
        .unwrap_err();
        assert_eq!(err.line, Some(2));
        assert!(err.message.contains("duplicate source id"), "{err}");
    }
}
