//! Resolve: the one place where mentions become sources. Each attribution's speaker (by
//! name, through the antecedent of a pronoun, through the organisation the text ties a
//! person to), its intermediaries and the article's outlet are looked up in the registry,
//! and the sourcing chain origin → intermediaries → article is built. Speakers the
//! registry does not know stay unknown, as sources of their own in the [`SourceTable`].
//!
//! It reads what the attribution stage found ([`Attribution`]s with spans) and the story's
//! [`Registry`](crate::sources::Registry); the claims stage takes its [`Resolved`] attributions.

mod chain;
mod fuzzy;
mod matcher;
mod responds;
mod speaker;
mod surnames;
mod table;

pub use chain::{ViaLink, ViaRole};
pub use matcher::{MatchRule, Resolution, Resolver, FUZZY_THRESHOLD};
pub use speaker::Speaker;
pub use table::SourceTable;

use crate::attribution::{Attribution, Stance};
use crate::corpus::Article;
use crate::sources::SpeakerId;
use crate::text::Span;

/// An attribution with its speaker and sourcing chain resolved.
#[derive(Clone, Debug, PartialEq)]
pub struct Resolved<'a> {
    /// What the attribution stage found.
    pub attribution: &'a Attribution,
    /// Who said it.
    pub speaker: Speaker,
    /// The chain: origin, intermediaries, article.
    pub via: Vec<ViaLink>,
    /// For a denial, the source whose statements it answers, when the text points to them
    /// ("the Kremlin's response to these warnings", "rejected the ministry's claims").
    pub responds_to: Option<SpeakerId>,
    /// The affiliation of the speaker's source, when the registry gives one.
    pub affiliation: Option<String>,
}

/// Resolves the speakers and chains of one article's attributions with `resolver` (built
/// once per story from its [`Registry`](crate::sources::Registry)), adding the unknown speakers met to `table`. An
/// attribution that only passes on another one (`relays`) is in that one's chain instead
/// and gets no entry; the others keep their order.
pub fn resolve<'a>(
    article: &Article,
    attributions: &'a [Attribution],
    resolver: &Resolver,
    table: &mut SourceTable,
) -> Vec<Resolved<'a>> {
    let text = article.text.as_str();
    // an outlet is named by its own name: "The Local Sweden" is not the government of
    // Sweden, however the name reads
    let outlet = article
        .outlet
        .as_deref()
        .and_then(|o| resolver.resolve(o))
        .filter(|r| matches!(r.rule, MatchRule::Alias | MatchRule::Normalized));
    let mut out: Vec<Resolved> = Vec::new();
    let mut surnames = surnames::Surnames::default();
    for a in attributions.iter().filter(|a| !a.relays) {
        let via_res: Vec<(Span, Option<Resolution>)> = a
            .via
            .iter()
            .map(|v| (*v, resolver.resolve(v.slice(text))))
            .collect();
        let speaker = speaker::speaker(
            article,
            a,
            &via_res,
            outlet.as_ref(),
            resolver,
            table,
            &mut surnames,
        );
        let via = chain::chain(article, &speaker, &via_res, outlet.as_ref(), table);
        let responds_to = if matches!(a.stance, Stance::Deny) {
            let sent = article.sentences[a.sentence];
            let before = a
                .sentence
                .checked_sub(1)
                .map(|i| article.sentences[i])
                .filter(|p| p.paragraph == sent.paragraph);
            responds::answered_source(article, sent.span, before.map(|p| p.span), resolver, &out)
                .filter(|s| *s != speaker.source)
        } else {
            None
        };
        let affiliation = table
            .get(speaker.source.as_str())
            .and_then(|s| s.affiliation.clone());
        out.push(Resolved {
            attribution: a,
            speaker,
            via,
            responds_to,
            affiliation,
        });
    }
    out
}

/// A registry, for the tests of the stage and of the ones after it.
#[cfg(test)]
pub(crate) fn test_registry() -> crate::sources::Registry {
    let text = r#"#![enable(implicit_some)]
(sources: [
    (id: "port", name: "Valdera Port Authority", kind: Government,
     aliases: ["Port Authority"],
     people: [(name: "Elena Marsh", role: "spokeswoman", aliases: ["Marsh"])]),
    (id: "ministry", name: "Ministry of Water", kind: Government, aliases: ["the ministry"]),
    (id: "northwire", name: "Northwire", kind: Wire),
    (id: "courier", name: "Valdera Courier", kind: Outlet, aliases: ["the Courier"]),
    (id: "herald", name: "Lowland Herald", kind: Outlet),
])"#;
    crate::sources::Registry::from_ron(std::path::Path::new("sources.ron"), text).unwrap()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The speakers and chains of `text`, resolved with [`test_registry`].
    fn resolved_of(text: &str) -> Vec<(Speaker, Vec<ViaLink>)> {
        let article = Article::new("a", text);
        let reg = test_registry();
        let attrs = crate::attribution::extract(&article, reg.gazetteer());
        let mut table = SourceTable::new(&reg);
        resolve(&article, &attrs, &Resolver::new(&reg), &mut table)
            .into_iter()
            .map(|r| (r.speaker, r.via))
            .collect()
    }

    /// A chain as (role, source id or name).
    fn chain(via: &[ViaLink]) -> Vec<String> {
        via.iter()
            .map(|v| match (&v.role, &v.source) {
                (ViaRole::Article, _) => "article".to_string(),
                (_, Some(s)) => s.to_string(),
                (_, None) => v.name.clone(),
            })
            .collect()
    }

    #[test]
    fn chain_of_a_nested_report_names_the_carrier() {
        let got = resolved_of("The ministry reported that two wells were closed, Northwire said.");
        // the carrier makes no claim of its own
        assert_eq!(got.len(), 1, "{got:#?}");
        assert_eq!(got[0].0.source, "ministry");
        assert_eq!(chain(&got[0].1), ["ministry", "northwire", "article"]);
    }

    #[test]
    fn chain_through_said_to_and_a_block_header() {
        let got = resolved_of(
            "A Port Authority spokesperson said to the Valdera Courier that ships would wait.\n\
             Northwire:\n\
             The ministry reported that two wells were closed, Northwire said.\n\
             The ministry told the Courier that the wells were safe.",
        );
        let chains: Vec<Vec<String>> = got.iter().map(|(_, v)| chain(v)).collect();
        assert_eq!(
            chains,
            [
                vec!["port", "courier", "article"],
                // named twice, once in the sentence and once by the header: one link
                vec!["ministry", "northwire", "article"],
                vec!["ministry", "courier", "northwire", "article"],
            ]
        );
    }

    #[test]
    fn a_person_the_registry_does_not_know_resolves_through_the_organisation_named() {
        let got = resolved_of(
            "Mara Lind is the editor of the Lowland Herald. She said the dam was unsafe.",
        );
        let (s, _) = got.iter().find(|(s, _)| s.mention.is_some()).unwrap();
        assert_eq!(s.source, "herald");
        assert_eq!(s.person.as_deref(), Some("Mara Lind"));
        assert_eq!(s.rule, Some(MatchRule::Affiliation));
        let got =
            resolved_of("Mara Lind, the editor of the Lowland Herald, said the dam was unsafe.");
        assert_eq!(got[0].0.source, "herald");
        assert_eq!(got[0].0.text, "Mara Lind");
        // a person the registry knows resolves by name
        let got = resolved_of("Elena Marsh, a spokeswoman, said the port was shut.");
        assert_eq!(got[0].0.source, "port");
        assert_eq!(got[0].0.rule, Some(MatchRule::Alias));
    }

    #[test]
    fn unknown_speakers_stay_unknown() {
        let got = resolved_of("The post reads: “The dam will not hold.”");
        assert!(got[0].0.source.as_str().starts_with("unknown:"));
        assert_eq!(got[0].0.rule, None);
        let got = resolved_of("Officials said the dam would not hold.");
        assert!(got[0].0.source.as_str().starts_with("unknown:"));
    }

    #[test]
    fn a_denial_answers_the_owner_of_the_statements() {
        let article = Article::new(
            "a",
            "The Port Authority warned that the harbour might flood. \
             The ministry denied the Port Authority's warnings.",
        );
        let reg = test_registry();
        let attrs = crate::attribution::extract(&article, reg.gazetteer());
        let mut table = SourceTable::new(&reg);
        let got = resolve(&article, &attrs, &Resolver::new(&reg), &mut table);
        let denial = got
            .iter()
            .find(|r| r.attribution.stance == Stance::Deny)
            .unwrap();
        assert_eq!(denial.speaker.source, "ministry");
        assert_eq!(denial.responds_to, Some(SpeakerId::source("port")));
    }

    #[test]
    fn a_surname_alone_is_the_person_the_article_named_in_full() {
        let got = resolved_of(
            "Tomas Berg said the pier was closed. Berg said the repairs would take a month. \
             Anna Lind said the pier was safe. Lind added that it would open.",
        );
        let ids: Vec<&str> = got.iter().map(|(s, _)| s.source.as_str()).collect();
        assert_eq!(
            ids,
            [
                "unknown:tomas-berg",
                "unknown:tomas-berg",
                "unknown:anna-lind",
                "unknown:anna-lind"
            ],
            "{got:#?}"
        );
        assert_eq!(got[1].0.person.as_deref(), Some("Tomas Berg"));
        assert_eq!(got[1].0.text, "Berg");
        // two people of one surname: the surname alone is neither
        let got = resolved_of(
            "Tomas Berg said the pier was closed. Anna Berg said it was open. Berg said \
             nothing more.",
        );
        assert_eq!(got[2].0.source, "unknown:berg", "{got:#?}");
        // a person the registry knows by the full name alone
        let reg = crate::sources::Registry::from_ron(
            std::path::Path::new("sources.ron"),
            r#"(sources: [(id: "herald", name: "Lowland Herald", kind: Outlet,
                people: [(name: "Mara Lind", role: "editor")])])"#,
        )
        .unwrap();
        let article = Article::new(
            "a",
            "Mara Lind said the dam was unsafe. Lind said it leaked.",
        );
        let attrs = crate::attribution::extract(&article, reg.gazetteer());
        let mut table = SourceTable::new(&reg);
        let got = resolve(&article, &attrs, &Resolver::new(&reg), &mut table);
        let rules: Vec<_> = got
            .iter()
            .map(|r| (r.speaker.source.as_str(), r.speaker.rule))
            .collect();
        assert_eq!(
            rules,
            [
                ("herald", Some(MatchRule::Alias)),
                ("herald", Some(MatchRule::Surname))
            ]
        );
    }
}
