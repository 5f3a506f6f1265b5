//! The registry: a story's sources, and how a mention in the text is resolved to one.

use super::{normalize_mention, Source};
use crate::error::Diagnostic;
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
    /// A registry of the given sources. A name that an earlier source already has, letter
    /// for letter or once normalised, stays with the earlier source; see
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
                let n = normalize_mention(&name);
                if !n.is_empty() {
                    match r.normal.get(&n) {
                        // the name is an earlier source's, in every spelling
                        Some(e) if e.source != i => continue,
                        Some(_) => {}
                        None => {
                            r.normal.insert(n.clone(), entry.clone());
                            r.normal_list.push((n, entry.clone()));
                        }
                    }
                }
                r.exact.entry(name).or_insert(entry);
            }
        }
        r
    }

    /// Parses `sources.ron` (`(sources: [ (id: .., name: .., kind: .., ..), .. ])`), with
    /// `implicit_some` on whether or not the file enables it, source by source.
    ///
    /// A problem with the file as a whole (bad RON, not a list of sources) is the error,
    /// naming the line and column. A problem with one entry (an unknown `kind`, a bad
    /// reliability letter, a missing or unknown field, an id that is not a slug or is
    /// repeated, an empty name or one with control characters) is returned beside the
    /// registry, naming the entry and its place, and the entry is left out; so is a name
    /// that two sources share once normalised, reported with both places and left with the
    /// first source.
    pub fn parse(path: &Path, text: &str) -> Result<(Registry, Vec<Diagnostic>), Diagnostic> {
        let read = super::file::read(path, text)?;
        let mut diags = read.skipped;
        diags.extend(read.notes);
        diags.sort_by_key(|d| (d.line, d.column));
        Ok((Registry::new(read.sources), diags))
    }

    /// Parses `sources.ron` as [`Registry::parse`] does, but strictly: an entry that
    /// would be skipped is the error. Names shared by two sources are not an error (the
    /// first source keeps them).
    pub fn from_ron(path: &Path, text: &str) -> Result<Registry, Diagnostic> {
        let mut read = super::file::read(path, text)?;
        if !read.skipped.is_empty() {
            return Err(read.skipped.remove(0));
        }
        Ok(Registry::new(read.sources))
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
        let (r, diags) = Registry::parse(Path::new("sources.ron"), text).unwrap();
        assert!(diags.is_empty(), "{diags:?}");
        r
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
            "(sources: [\n (id: \"x\", name: \"y\"\n])",
        )
        .unwrap_err();
        assert!(err.to_string().starts_with("s.ron:3:"), "{err}");
        assert!(err.message.contains("malformed sources registry"), "{err}");
        let err = Registry::from_ron(Path::new("s.ron"), "(sourcs: [])").unwrap_err();
        assert!(err.message.contains("sourcs"), "{err}");
        // strictly, a bad entry is the error
        let err = Registry::from_ron(
            Path::new("s.ron"),
            "(sources: [(id: \"a\", name: \"A\", kind: Group),\n(id: \"a\", name: \"B\", kind: Group)])",
        )
        .unwrap_err();
        assert_eq!(err.line, Some(2));
        assert!(err.message.contains("duplicate source id"), "{err}");
    }

    fn load(text: &str) -> (Registry, Vec<String>) {
        let (r, d) = Registry::parse(Path::new("s.ron"), text).unwrap();
        (r, d.iter().map(|d| d.to_string()).collect())
    }

    #[test]
    fn a_bad_entry_costs_only_itself() {
        let text = concat!(
            "(sources: [\n",
            " (id: \"a\", name: \"A\", kind: Group),\n",
            " (id: \"b\", name: \"B\", kind: Agancy),\n",
            " (id: \"c\", name: \"C\", kind: Group, reliability: G),\n",
            " (id: \"d\", name: \"D\"),\n",
            " (id: \"e\", nam: \"E\", kind: Group),\n",
            " (id: \"a\", name: \"A2\", kind: Group),\n",
            " (id: \"Bad Id\", name: \"F\", kind: Group),\n",
            " (id: \"x:y\", name: \"G\", kind: Group),\n",
            " (id: \"\", name: \"H\", kind: Group),\n",
            " (id: \"i\", name: \"I\\u{202e}\", kind: Group),\n",
            " (id: \"j\", name: \"  \", kind: Group),\n",
            " (id: \"k\", name: \"K\", kind: Group, affiliation: \"Crown\"),\n",
            "])",
        );
        let (r, d) = load(text);
        let ids: Vec<&str> = r.sources().iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["a", "k"], "{d:#?}");
        assert_eq!(r.get("k").unwrap().affiliation.as_deref(), Some("Crown"));
        let want = [
            ("s.ron:3:", "source 2 (\"b\")", "Agancy"),
            ("s.ron:4:", "source 3 (\"c\")", "G"),
            ("s.ron:5:", "source 4 (\"d\")", "kind"),
            ("s.ron:6:", "source 5 (\"e\")", "nam"),
            (
                "s.ron:7:",
                "source 6 (\"a\")",
                "duplicate source id, first at line 2:8",
            ),
            ("s.ron:8:", "source 7 (\"Bad Id\")", "not a slug"),
            ("s.ron:9:", "source 8 (\"x:y\")", "not a slug"),
            ("s.ron:10:", "source 9 (\"\")", "not a slug"),
            ("s.ron:11:", "source 10 (\"i\")", "U+202E"),
            ("s.ron:12:", "source 11 (\"j\")", "is empty"),
        ];
        assert_eq!(d.len(), want.len(), "{d:#?}");
        for (line, (at, who, what)) in d.iter().zip(want) {
            assert!(
                line.starts_with(at) && line.contains(who) && line.contains(what),
                "{line} should have {at} {who} {what}"
            );
            assert!(line.contains("the source is skipped"), "{line}");
        }
    }

    #[test]
    fn shared_names_are_reported_with_both_places() {
        let text = "(sources: [\n (id: \"a\", name: \"The Embassy\", kind: Government),\n (id: \"b\", name: \"B\", kind: Government,\n  aliases: [\"embassy\", \"B office\"]),\n])";
        let (r, d) = load(text);
        assert_eq!(r.sources().len(), 2);
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(
            d[0].starts_with("s.ron:4:14: alias \"embassy\" of source \"b\" is also a name of source \"a\" (line 2:19)"),
            "{d:?}"
        );
        assert_eq!(r.resolve("the embassy").unwrap().source, "a");
        assert_eq!(r.resolve("embassy").unwrap().source, "a");
        assert_eq!(r.resolve("B office").unwrap().source, "b");
    }

    #[test]
    fn implicit_some_needs_no_header() {
        for header in ["", "#![enable(implicit_some)]\n"] {
            let text = format!("{header}(sources: [(id: \"k\", name: \"K\", kind: Government, affiliation: \"Crown\", reliability: B)])");
            let (r, d) = load(&text);
            assert!(d.is_empty(), "{d:?}");
            assert_eq!(r.get("k").unwrap().affiliation.as_deref(), Some("Crown"));
        }
        let (r, d) = load(
            "(sources: [(id: \"k\", name: \"K\", kind: Group, affiliation: Some(\"Crown\"))])",
        );
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(r.get("k").unwrap().affiliation.as_deref(), Some("Crown"));
    }
}
