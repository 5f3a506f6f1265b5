//! The sources a story's claims refer to: the registry's, and the unknown speakers met.

use crate::sources::{Registry, Source, SourceKind, SpeakerId};

/// The sources a story's claims refer to: the registry's, plus the unknown speakers met in
/// the text, each kept as a source of kind unknown.
#[derive(Clone, Debug, Default)]
pub struct SourceTable {
    /// All sources, registry ones first, then unknown ones in order of appearance.
    pub sources: Vec<Source>,
}

impl SourceTable {
    /// A table holding the registry's sources.
    pub fn new(registry: &Registry) -> SourceTable {
        SourceTable {
            sources: registry.sources().to_vec(),
        }
    }

    /// The source with this id.
    pub fn get(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// Adds a source of kind `kind` named `name` unless one of its id is there; returns the
    /// id.
    pub(super) fn add_unknown(&mut self, name: &str, kind: SourceKind) -> SpeakerId {
        let mut s = Source::unknown(name);
        s.kind = kind;
        let id = SpeakerId::source(s.id.clone());
        if self.get(id.as_str()).is_none() {
            self.sources.push(s);
        }
        id
    }
}
