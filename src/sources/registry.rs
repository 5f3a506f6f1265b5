//! The registry: a story's sources as `sources.ron` gives them, and the names they go by.

use super::{normalize_mention, Gazetteer, Source};
use crate::error::Diagnostic;
use crate::text::span::line_col;
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RegistryFile {
    sources: Vec<Source>,
}

/// One name a registry source goes by: its id, its name, an alias, or the name or an
/// alias of a person who speaks for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RegistryName<'a> {
    /// Index of the source in [`Registry::sources`].
    pub source: usize,
    /// Index of the person in the source's `people`, when the name is a person's.
    pub person: Option<usize>,
    /// The name as the registry spells it.
    pub name: &'a str,
}

/// The sources of a story, loaded from `sources.ron`, and the [`Gazetteer`] of the names
/// they go by. Which source a mention in the text is, is decided by the resolve stage
/// ([`crate::resolve::Resolver`]).
#[derive(Clone, Debug, Default)]
pub struct Registry {
    sources: Vec<Source>,
    gazetteer: Gazetteer,
}

impl Registry {
    /// A registry of the given sources. Later duplicates of a name are ignored; see
    /// [`Registry::from_ron`] for the checks made on a file.
    pub fn new(sources: Vec<Source>) -> Registry {
        let mut r = Registry {
            sources,
            gazetteer: Gazetteer::default(),
        };
        r.gazetteer = Gazetteer::new(r.names().map(|n| (n.name, n.person.is_some())));
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

    /// The names the attribution stage looks for in the text.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Every name of every source, in registry order: for each source its id, its name
    /// and its aliases, then each person's name and aliases.
    pub fn names(&self) -> impl Iterator<Item = RegistryName<'_>> {
        self.sources.iter().enumerate().flat_map(|(i, s)| {
            let own = [&s.id, &s.name]
                .into_iter()
                .chain(&s.aliases)
                .map(move |name| RegistryName {
                    source: i,
                    person: None,
                    name,
                });
            let people = s.people.iter().enumerate().flat_map(move |(j, p)| {
                std::iter::once(&p.name)
                    .chain(&p.aliases)
                    .map(move |name| RegistryName {
                        source: i,
                        person: Some(j),
                        name,
                    })
            });
            own.chain(people)
        })
    }
}

/// The normalised form under which a name is indexed, `None` for a name that normalises
/// to nothing (such a name matches only letter for letter).
pub(crate) fn index_form(name: &str) -> Option<String> {
    let n = normalize_mention(name);
    (!n.is_empty()).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_registry_order() {
        let text = r#"#![enable(implicit_some)]
(sources: [
    (id: "kremlin", name: "The Kremlin", kind: Government, aliases: ["Kremlin"],
     people: [(name: "Dmitry Peskov", role: "Kremlin spokesman", aliases: ["Peskov"])]),
    (id: "fsb", name: "FSB", kind: Agency),
])"#;
        let r = Registry::from_ron(Path::new("sources.ron"), text).unwrap();
        let names: Vec<(usize, Option<usize>, &str)> =
            r.names().map(|n| (n.source, n.person, n.name)).collect();
        assert_eq!(
            names,
            [
                (0, None, "kremlin"),
                (0, None, "The Kremlin"),
                (0, None, "Kremlin"),
                (0, Some(0), "Dmitry Peskov"),
                (0, Some(0), "Peskov"),
                (1, None, "fsb"),
                (1, None, "FSB"),
            ]
        );
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
