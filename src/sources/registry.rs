//! The registry: a story's sources as `sources.ron` gives them, and the names they go by.

use super::{normalize_mention, Gazetteer, Source, SourceKind};
use crate::error::Diagnostic;
use std::collections::HashMap;
use std::path::Path;

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
    /// Each source's place in `sources`, by id.
    by_id: HashMap<String, usize>,
    /// The names that stand for their own source ([`Registry::held_names`]), each with
    /// its normalised form, found once for the gazetteer and the resolve stage.
    held: Vec<Held>,
}

/// Where a held name is in its source, and its normalised form (`None` when it normalises
/// to nothing).
#[derive(Clone, Debug)]
struct Held {
    source: usize,
    person: Option<usize>,
    /// Its place among the names of its source or person, in [`Registry::names`] order.
    slot: usize,
    normal: Option<String>,
}

impl Registry {
    /// A registry of the given sources. A name that an earlier source already has, letter
    /// for letter or once normalised, stays with the earlier source (see
    /// [`Registry::held_names`]); see [`Registry::from_ron`] for the checks made on a file.
    pub fn new(sources: Vec<Source>) -> Registry {
        let mut by_id = HashMap::with_capacity(sources.len());
        for (i, s) in sources.iter().enumerate() {
            by_id.entry(s.id.clone()).or_insert(i);
        }
        let mut r = Registry {
            sources,
            gazetteer: Gazetteer::default(),
            by_id,
            held: Vec::new(),
        };
        // the source that first has each normalised name
        let mut owner: HashMap<String, usize> = HashMap::new();
        let mut held = Vec::new();
        for (n, slot) in r.names_in_slots() {
            let normal = index_form(n.name);
            if let Some(form) = &normal {
                match owner.get(form) {
                    Some(&first) if first != n.source => continue,
                    Some(_) => {}
                    None => {
                        owner.insert(form.clone(), n.source);
                    }
                }
            }
            held.push(Held {
                source: n.source,
                person: n.person,
                slot,
                normal,
            });
        }
        r.held = held;
        // a person's name: one of a source's people, or of a source that is a person
        r.gazetteer =
            Gazetteer::from_normal_forms(r.held_with_normal_forms().map(|(n, normal)| {
                let person = n.person.is_some() || r.sources[n.source].kind == SourceKind::Person;
                (n.name, normal, person)
            }));
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

    /// The source with this id (the first, should two share it).
    pub fn get(&self, id: &str) -> Option<&Source> {
        self.by_id.get(id).map(|&i| &self.sources[i])
    }

    /// The names the attribution stage looks for in the text.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Every name of every source, in registry order: for each source its id, its name
    /// and its aliases, then each person's name and aliases.
    pub fn names(&self) -> impl Iterator<Item = RegistryName<'_>> {
        self.names_in_slots().map(|(n, _)| n)
    }

    /// [`Registry::names`], each with its place among the names of its source (id 0, name
    /// 1, aliases from 2) or of its person (name 0, aliases from 1).
    fn names_in_slots(&self) -> impl Iterator<Item = (RegistryName<'_>, usize)> {
        self.sources.iter().enumerate().flat_map(|(i, s)| {
            let own = [&s.id, &s.name]
                .into_iter()
                .chain(&s.aliases)
                .enumerate()
                .map(move |(slot, name)| {
                    let n = RegistryName {
                        source: i,
                        person: None,
                        name,
                    };
                    (n, slot)
                });
            let people = s.people.iter().enumerate().flat_map(move |(j, p)| {
                std::iter::once(&p.name)
                    .chain(&p.aliases)
                    .enumerate()
                    .map(move |(slot, name)| {
                        let n = RegistryName {
                            source: i,
                            person: Some(j),
                            name,
                        };
                        (n, slot)
                    })
            });
            own.chain(people)
        })
    }

    /// The names that stand for their own source, in registry order: [`Registry::names`]
    /// less each name that an earlier source already has once normalised, which stays with
    /// that source in every spelling. The gazetteer and the resolve stage index these.
    pub fn held_names(&self) -> impl Iterator<Item = RegistryName<'_>> {
        self.held_with_normal_forms().map(|(n, _)| n)
    }

    /// [`Registry::held_names`], each with its normalised form (`None` for a name that
    /// normalises to nothing and so matches only letter for letter).
    pub fn held_with_normal_forms(&self) -> impl Iterator<Item = (RegistryName<'_>, Option<&str>)> {
        self.held.iter().map(|h| {
            let s = &self.sources[h.source];
            let name = match h.person {
                None => match h.slot {
                    0 => &s.id,
                    1 => &s.name,
                    k => &s.aliases[k - 2],
                },
                Some(j) => {
                    let p = &s.people[j];
                    match h.slot {
                        0 => &p.name,
                        k => &p.aliases[k - 1],
                    }
                }
            };
            let n = RegistryName {
                source: h.source,
                person: h.person,
                name,
            };
            (n, h.normal.as_deref())
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
    fn sources_are_found_by_id() {
        let text = r#"(sources: [
    (id: "kremlin", name: "The Kremlin", kind: Government),
    (id: "fsb", name: "FSB", kind: Agency),
])"#;
        let r = Registry::from_ron(Path::new("sources.ron"), text).unwrap();
        assert_eq!(r.get("fsb").map(|s| s.name.as_str()), Some("FSB"));
        assert_eq!(
            r.get("kremlin").map(|s| s.name.as_str()),
            Some("The Kremlin")
        );
        assert!(r.get("tass").is_none());
        assert!(Registry::default().get("fsb").is_none());
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
    fn the_names_of_a_source_that_is_a_person_are_persons_names() {
        let text = "(sources: [(id: \"lind\", name: \"Mara Lind\", kind: Person, aliases: [\"Dr. Lind\"]),\n (id: \"k\", name: \"The Kremlin\", kind: Government,\n  people: [(name: \"Dmitry Peskov\", role: \"spokesman\")])])";
        let (r, d) = load(text);
        assert!(d.is_empty(), "{d:?}");
        let g = r.gazetteer();
        for (name, person) in [
            ("Mara Lind", true),
            ("Dr. Lind", true),
            ("Dmitry Peskov", true),
            ("The Kremlin", false),
        ] {
            assert_eq!(g.find(name).map(|k| k.person), Some(person), "{name}");
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
        // "embassy" stays with "a": "b" holds only its own names
        let held: Vec<(usize, &str)> = r.held_names().map(|n| (n.source, n.name)).collect();
        assert_eq!(
            held,
            [
                (0, "a"),
                (0, "The Embassy"),
                (1, "b"),
                (1, "B"),
                (1, "B office")
            ]
        );
        assert_eq!(r.names().count(), 6);
        // each held name comes with the form it is indexed under, a person's names too
        let text = "(sources: [(id: \"k\", name: \"The Kremlin\", kind: Government,\n people: [(name: \"Dmitry Peskov\", role: \"spokesman\", aliases: [\"Peskov's\", \"—\"])])])";
        let (r, d) = load(text);
        assert!(d.is_empty(), "{d:?}");
        let forms: Vec<(&str, Option<usize>, Option<&str>)> = r
            .held_with_normal_forms()
            .map(|(n, form)| (n.name, n.person, form))
            .collect();
        assert_eq!(
            forms,
            [
                ("k", None, Some("k")),
                ("The Kremlin", None, Some("kremlin")),
                ("Dmitry Peskov", Some(0), Some("dmitry peskov")),
                ("Peskov's", Some(0), Some("peskov")),
                ("—", Some(0), None),
            ]
        );
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
