//! The words a report gives the pipeline's enums (a claim's kind and stance, a source's
//! kind and reliability, a relation's kind, a time reference's anchor, the rule that
//! resolved a speaker), and how the report writes and reads them: as those words, the same
//! in JSON and in RON (whose enum values would otherwise be bare identifiers).

use crate::attribution::{AttributionKind, Stance};
use crate::claims::time::Anchor;
use crate::link::RelationKind;
use crate::resolve::MatchRule;
use crate::sources::{Reliability, SourceKind};
use serde::{Deserialize, Deserializer, Serializer};

/// A value that a report shows in words and reads back from them.
pub trait Label: Copy + Sized + 'static {
    /// What the value is, for an error message ("stance").
    const WHAT: &'static str;
    /// Every value.
    const ALL: &'static [Self];

    /// The value in words, as reports show it.
    fn label(self) -> &'static str;

    /// The value these words stand for, if any.
    fn from_label(words: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.label() == words)
    }
}

/// Implements [`Label`] for an enum with the function that words it. The match below the
/// impl stops compiling when the enum gains a value, until the value is listed here too.
macro_rules! labelled {
    ($t:ident, $what:literal, $words:expr, [$($v:ident),+ $(,)?]) => {
        impl Label for $t {
            const WHAT: &'static str = $what;
            const ALL: &'static [$t] = &[$($t::$v),+];
            fn label(self) -> &'static str {
                $words(self)
            }
        }
        const _: fn($t) = |v| match v {
            $($t::$v)|+ => {}
        };
    };
}

labelled!(
    AttributionKind,
    "claim kind",
    AttributionKind::label,
    [Direct, Indirect, Mixed, AccordingTo, Author]
);
labelled!(
    Stance,
    "stance",
    Stance::label,
    [
        Assert,
        Deny,
        RefuseToConfirm,
        Accuse,
        Warn,
        Announce,
        Question
    ]
);
labelled!(
    SourceKind,
    "source kind",
    SourceKind::label,
    [Agency, Government, Official, StateMedia, Outlet, Wire, Person, Group, Anonymous, Unknown]
);
labelled!(
    RelationKind,
    "relation kind",
    RelationKind::label,
    [Agrees, Contradicts, QuoteVariant, Elaborates]
);
labelled!(
    Anchor,
    "time anchor",
    Anchor::label,
    [Calendar, Publication, Event]
);
labelled!(
    MatchRule,
    "match rule",
    MatchRule::label,
    [Alias, Normalized, Contains, Fuzzy, Affiliation, Surname]
);
labelled!(
    Reliability,
    "reliability",
    |r: Reliability| match r {
        Reliability::A => "A",
        Reliability::B => "B",
        Reliability::C => "C",
        Reliability::D => "D",
        Reliability::E => "E",
        Reliability::F => "F",
    },
    [A, B, C, D, E, F]
);
labelled!(
    TimelineKind,
    "timeline entry",
    TimelineKind::label,
    [Published, Mentioned]
);

/// What puts an entry on the timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TimelineKind {
    /// An article's publication date ("published").
    Published,
    /// A time reference in a claim ("mentioned").
    Mentioned,
}

impl TimelineKind {
    /// The kind in a word, as reports show it.
    pub fn label(self) -> &'static str {
        match self {
            TimelineKind::Published => "published",
            TimelineKind::Mentioned => "mentioned",
        }
    }
}

fn parse<T: Label, E: serde::de::Error>(words: &str) -> Result<T, E> {
    T::from_label(words).ok_or_else(|| {
        let known: Vec<&str> = T::ALL.iter().map(|v| v.label()).collect();
        E::custom(format!(
            "unknown {} `{words}`, expected one of: {}",
            T::WHAT,
            known.join(", ")
        ))
    })
}

/// `#[serde(with = "words")]`: a value as its words.
pub(super) mod words {
    use super::*;

    /// Writes the value's words.
    pub fn serialize<T: Label, S: Serializer>(v: &T, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(v.label())
    }

    /// Reads a value from its words.
    pub fn deserialize<'de, T: Label, D: Deserializer<'de>>(d: D) -> Result<T, D::Error> {
        parse(&String::deserialize(d)?)
    }
}

/// `#[serde(with = "optional_words")]`: an optional value as its words.
pub(super) mod optional_words {
    use super::*;

    /// Writes the value's words, if there is a value.
    pub fn serialize<T: Label, S: Serializer>(v: &Option<T>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(v) => s.serialize_some(v.label()),
            None => s.serialize_none(),
        }
    }

    /// Reads an optional value from its words.
    pub fn deserialize<'de, T: Label, D: Deserializer<'de>>(d: D) -> Result<Option<T>, D::Error> {
        Option::<String>::deserialize(d)?
            .map(|w| parse(&w))
            .transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip<T: Label + PartialEq + std::fmt::Debug>() {
        for &v in T::ALL {
            assert_eq!(T::from_label(v.label()), Some(v), "{}", T::WHAT);
        }
        let mut words: Vec<&str> = T::ALL.iter().map(|v| v.label()).collect();
        words.sort_unstable();
        words.dedup();
        assert_eq!(
            words.len(),
            T::ALL.len(),
            "{}: two values, one word",
            T::WHAT
        );
        assert_eq!(T::from_label("no such words"), None);
    }

    #[test]
    fn every_value_reads_back_from_its_words() {
        round_trip::<AttributionKind>();
        round_trip::<Stance>();
        round_trip::<SourceKind>();
        round_trip::<RelationKind>();
        round_trip::<Anchor>();
        round_trip::<MatchRule>();
        round_trip::<Reliability>();
        round_trip::<TimelineKind>();
    }

    #[derive(Debug, serde::Serialize, Deserialize)]
    struct One {
        #[serde(with = "words")]
        stance: Stance,
        #[serde(with = "optional_words")]
        rule: Option<MatchRule>,
    }

    #[test]
    fn values_are_written_as_words_in_json_and_ron() {
        let one = One {
            stance: Stance::RefuseToConfirm,
            rule: Some(MatchRule::Contains),
        };
        let json = serde_json::to_string(&one).unwrap();
        assert_eq!(
            json,
            r#"{"stance":"refuse-to-confirm","rule":"name inside the phrase"}"#
        );
        let ron = ron::to_string(&one).unwrap();
        assert_eq!(
            ron,
            r#"(stance:"refuse-to-confirm",rule:Some("name inside the phrase"))"#
        );
        let back: One = ron::from_str(&ron).unwrap();
        assert_eq!((back.stance, back.rule), (one.stance, one.rule));
        let none: One = serde_json::from_str(r#"{"stance":"deny","rule":null}"#).unwrap();
        assert_eq!(none.rule, None);
    }

    #[test]
    fn unknown_words_are_an_error_at_their_place_that_lists_the_known_ones() {
        let e = serde_json::from_str::<One>("{\n  \"stance\": \"shrug\", \"rule\": null\n}")
            .unwrap_err();
        assert_eq!(e.line(), 2, "{e}");
        assert!(e.to_string().contains("unknown stance `shrug`"), "{e}");
        assert!(e.to_string().contains("refuse-to-confirm"), "{e}");
    }
}
