//! The sources a story's claims refer to: the registry's, and the unknown speakers met.

use crate::sources::{Registry, Source, SourceKind, SpeakerId};
use std::collections::HashMap;
use std::sync::LazyLock;

/// The sources a story's claims refer to: the registry's, borrowed and looked up through
/// the registry's own index, plus the unknown speakers met in the text, each kept as a
/// source of kind unknown with an index of its own. A large registry is neither copied
/// nor indexed again for each analysis.
#[derive(Clone, Debug)]
pub struct SourceTable<'r> {
    registry: &'r Registry,
    /// The sources added to the registry's, in order of appearance.
    added: Vec<Source>,
    /// The place in `added` of each id (the first source of an id).
    index: HashMap<String, usize>,
    /// The article each added source was first met in (empty for one inserted).
    met_in: Vec<String>,
}

/// The registry of a table made from a list of sources alone.
static NO_REGISTRY: LazyLock<Registry> = LazyLock::new(Registry::default);

impl Default for SourceTable<'_> {
    fn default() -> Self {
        SourceTable::from_sources(Vec::new())
    }
}

impl<'r> SourceTable<'r> {
    /// A table holding the registry's sources.
    pub fn new(registry: &'r Registry) -> SourceTable<'r> {
        SourceTable {
            registry,
            added: Vec::new(),
            index: HashMap::new(),
            met_in: Vec::new(),
        }
    }

    /// A table holding `sources`, in this order, and no registry.
    pub fn from_sources(sources: Vec<Source>) -> SourceTable<'static> {
        let mut index = HashMap::with_capacity(sources.len());
        for (i, s) in sources.iter().enumerate() {
            index.entry(s.id.clone()).or_insert(i);
        }
        SourceTable {
            registry: &NO_REGISTRY,
            met_in: vec![String::new(); sources.len()],
            added: sources,
            index,
        }
    }

    /// Every source: the registry's in registry order, then those added in order of
    /// appearance.
    pub fn sources(&self) -> impl Iterator<Item = &Source> {
        self.registry.sources().iter().chain(&self.added)
    }

    /// The source with this id.
    pub fn get(&self, id: &str) -> Option<&Source> {
        self.registry
            .get(id)
            .or_else(|| self.index.get(id).map(|&i| &self.added[i]))
    }

    /// Adds `source` unless the table holds one of its id: an unknown speaker met
    /// elsewhere, as the stage commands pass them between processes.
    pub fn insert(&mut self, source: Source) {
        self.insert_met_in(source, "");
    }

    fn insert_met_in(&mut self, source: Source, article: &str) {
        if self.get(&source.id).is_none() {
            self.index.insert(source.id.clone(), self.added.len());
            self.added.push(source);
            self.met_in.push(article.to_string());
        }
    }

    /// The sources added to the registry's (the unknown speakers met), in order of
    /// appearance, each with the id of the article it was first met in (empty for one
    /// [inserted](SourceTable::insert)): the first mention names it.
    pub fn added(&self) -> impl Iterator<Item = (&Source, &str)> {
        self.added
            .iter()
            .zip(self.met_in.iter().map(String::as_str))
    }

    /// Adds a source of kind `kind` named `name`, met in `article`, unless one of its id
    /// is there; returns the id.
    pub(super) fn add_unknown(&mut self, name: &str, kind: SourceKind, article: &str) -> SpeakerId {
        let mut s = Source::unknown(name);
        s.kind = kind;
        let id = SpeakerId::source(s.id.clone());
        self.insert_met_in(s, article);
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn registry_sources_first_then_those_added_each_found_by_id() {
        let reg = Registry::from_ron(
            Path::new("sources.ron"),
            "(sources: [(id: \"fsb\", name: \"FSB\", kind: Agency), (id: \"tass\", name: \"TASS\", kind: Wire)])",
        )
        .unwrap();
        let mut t = SourceTable::new(&reg);
        assert_eq!(t.sources().count(), 2);
        let a = t.add_unknown("Mara Lind", SourceKind::Unknown, "a1");
        let again = t.add_unknown("Mara Lind", SourceKind::Unknown, "a1");
        assert_eq!(a, again);
        assert_eq!(t.sources().count(), 3, "an unknown speaker is added once");
        let ids: Vec<&str> = t.sources().map(|s| s.id.as_str()).collect();
        assert_eq!(ids[..2], ["fsb", "tass"]);
        assert_eq!(
            t.get(a.as_str()).map(|s| s.name.as_str()),
            Some("Mara Lind")
        );
        assert_eq!(t.get("tass").map(|s| s.name.as_str()), Some("TASS"));
        assert!(t.get("nobody").is_none());
        let own = SourceTable::from_sources(vec![Source::unknown("X")]);
        assert_eq!(own.sources().count(), 1);
        assert_eq!(SourceTable::default().sources().count(), 0);
    }
}
