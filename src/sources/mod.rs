//! A story's sources as data: the registry loaded from `sources.ron`, the kinds of source,
//! the gazetteer of the names they go by, and the id of who a claim is from
//! ([`SpeakerId`]). This is part of loading (a [`crate::Story`] holds its registry); the
//! resolve stage ([`crate::resolve`]) decides which source a mention is.

mod file;
mod gazetteer;
mod normalize;
mod registry;
mod speaker;

pub use file::ron_options;
pub use gazetteer::{Gazetteer, KnownName};
pub use normalize::{normalize_mention, normalize_mention_into, normalize_words_into};
pub use registry::{Registry, RegistryName};
pub use speaker::SpeakerId;

use serde::{Deserialize, Serialize};
use std::fmt;

/// What kind of source a [`Source`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum SourceKind {
    /// An intelligence, security or other state agency (the FSB).
    Agency,
    /// A government, ministry, embassy or head of state's office.
    Government,
    /// A named official speaking for an institution.
    Official,
    /// A state-controlled news outlet (RT).
    StateMedia,
    /// A news outlet.
    Outlet,
    /// A news agency whose copy other outlets carry (Reuters).
    Wire,
    /// A private person.
    Person,
    /// An organisation, movement or armed group.
    Group,
    /// A source the text leaves unnamed on purpose ("officials", "a source").
    Anonymous,
    /// A speaker the registry does not know.
    Unknown,
}

impl SourceKind {
    /// The kind in lower-case words, as reports show it.
    pub fn label(self) -> &'static str {
        match self {
            SourceKind::Agency => "agency",
            SourceKind::Government => "government",
            SourceKind::Official => "official",
            SourceKind::StateMedia => "state media",
            SourceKind::Outlet => "outlet",
            SourceKind::Wire => "wire",
            SourceKind::Person => "person",
            SourceKind::Group => "group",
            SourceKind::Anonymous => "anonymous",
            SourceKind::Unknown => "unknown",
        }
    }
}

impl fmt::Display for SourceKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// A source's reliability on the Admiralty scale, A (completely reliable) to F (cannot be
/// judged), when the registry gives one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Reliability {
    /// Completely reliable.
    A,
    /// Usually reliable.
    B,
    /// Fairly reliable.
    C,
    /// Not usually reliable.
    D,
    /// Unreliable.
    E,
    /// Reliability cannot be judged.
    F,
}

impl Reliability {
    /// The letter.
    pub fn letter(self) -> char {
        match self {
            Reliability::A => 'A',
            Reliability::B => 'B',
            Reliability::C => 'C',
            Reliability::D => 'D',
            Reliability::E => 'E',
            Reliability::F => 'F',
        }
    }
}

/// A person who speaks for a source (Dmitry Peskov for the Kremlin).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    /// Full name.
    pub name: String,
    /// Role, in words ("Kremlin spokesman").
    #[serde(default)]
    pub role: Option<String>,
    /// Other ways the text names them ("Peskov").
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// One source of a story: who can be the origin or carrier of a claim.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Stable slug ("fsb").
    pub id: String,
    /// Display name.
    pub name: String,
    /// What kind of source it is.
    pub kind: SourceKind,
    /// Other names the text may use.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// People who speak for it.
    #[serde(default)]
    pub people: Vec<Person>,
    /// The group it belongs to; sources with the same affiliation are not independent of one
    /// another ("Russian state").
    #[serde(default)]
    pub affiliation: Option<String>,
    /// Reliability letter, when known.
    #[serde(default)]
    pub reliability: Option<Reliability>,
}

impl Source {
    /// A source the registry does not know, named by how the text names it.
    pub fn unknown(mention: &str) -> Source {
        Source {
            id: format!("unknown:{}", slug(mention)),
            name: mention.to_string(),
            kind: SourceKind::Unknown,
            aliases: Vec::new(),
            people: Vec::new(),
            affiliation: None,
            reliability: None,
        }
    }

    /// The key that decides independence: the affiliation when there is one, else the id.
    pub fn independence_key(&self) -> &str {
        self.affiliation.as_deref().unwrap_or(&self.id)
    }
}

/// A lower-case ASCII slug of a name ("The post" → "the-post").
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        out.push_str("unnamed");
    }
    out
}
