//! The sources a story's claims refer to: the registry's, and the unknown speakers met.

use crate::sources::{Registry, Source, SourceKind, SpeakerId};
use std::collections::HashMap;

/// The sources a story's claims refer to: the registry's, plus the unknown speakers met in
/// the text, each kept as a source of kind unknown. Sources are looked up by id through an
/// index.
#[derive(Clone, Debug, Default)]
pub struct SourceTable {
    /// All sources, registry ones first, then unknown ones in order of appearance (read
    /// it; sources are added through the table, which keeps its index).
    pub sources: Vec<Source>,
    /// The place in `sources` of each id (the first source of an id).
    index: HashMap<String, usize>,
}

impl SourceTable {
    /// A table holding the registry's sources.
    pub fn new(registry: &Registry) -> SourceTable {
        SourceTable::from_sources(registry.sources().to_vec())
    }

    /// A table holding `sources`, in this order.
    pub fn from_sources(sources: Vec<Source>) -> SourceTable {
        let mut index = HashMap::with_capacity(sources.len());
        for (i, s) in sources.iter().enumerate() {
            index.entry(s.id.clone()).or_insert(i);
        }
        SourceTable { sources, index }
    }

    /// The source with this id.
    pub fn get(&self, id: &str) -> Option<&Source> {
        self.index.get(id).map(|&i| &self.sources[i])
    }

    /// Adds a source of kind `kind` named `name` unless one of its id is there; returns the
    /// id.
    pub(super) fn add_unknown(&mut self, name: &str, kind: SourceKind) -> SpeakerId {
        let mut s = Source::unknown(name);
        s.kind = kind;
        let id = SpeakerId::source(s.id.clone());
        if self.get(id.as_str()).is_none() {
            self.index.insert(s.id.clone(), self.sources.len());
            self.sources.push(s);
        }
        id
    }
}
