//! Who an attribution's speaker is: the mention, the earlier mention it stands for, and
//! the registry source both resolve to, or an unknown source made for them.

use super::surnames::{person_name, Surnames};
use super::{MatchRule, Resolution, Resolver, SourceTable};
use crate::attribution::{Attribution, AttributionKind};
use crate::corpus::Article;
use crate::sources::{SourceKind, SpeakerId};
use crate::text::Span;
use serde::{Deserialize, Serialize};

/// Who a claim is from: the mention in the text and the source it resolved to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    /// The mention in the claim's sentence ("She", "The report"), if any.
    pub mention: Option<Span>,
    /// The mention as written, or a description when there is none.
    pub text: String,
    /// The earlier mention a pronoun or "the report" was resolved to.
    pub antecedent: Option<Span>,
    /// Who it is: a registry source, one of kind unknown made for the mention, or the
    /// article's own voice.
    pub source: SpeakerId,
    /// The person speaking for the source, if named.
    pub person: Option<String>,
    /// The registry rule that resolved the mention; `None` when it stayed unresolved.
    pub rule: Option<MatchRule>,
}

/// Words that make a speaker anonymous rather than unknown.
const ANONYMOUS: &[&str] = &[
    "source",
    "sources",
    "official",
    "officials",
    "insider",
    "insiders",
    "person",
    "people",
    "aide",
    "aides",
    "spokesperson",
    "spokespeople",
    "spokesman",
    "spokeswoman",
];

fn speaker_kind(mention: &str) -> SourceKind {
    let lower = mention.to_lowercase();
    if lower
        .split_whitespace()
        .any(|w| ANONYMOUS.contains(&w.trim_matches(|c: char| !c.is_alphanumeric())))
    {
        SourceKind::Anonymous
    } else {
        SourceKind::Unknown
    }
}

/// The speaker of attribution `a`. The article's own voice is the outlet of the block it
/// stands in (the last intermediary, `via`, when it resolved), else the article's outlet,
/// else the article itself. A cited speaker resolves by the name (the head of the mention,
/// or the antecedent of a pronoun), then by the organisation the text ties it to, then by
/// the whole mention; a surname alone ("Berg") then stands for the person the article
/// named in full with it before (`surnames`, which records each person met); unresolved,
/// it becomes an unknown or anonymous source of `table`.
pub(super) fn speaker(
    article: &Article,
    a: &Attribution,
    via: &[(Span, Option<Resolution>)],
    outlet: Option<&Resolution>,
    resolver: &Resolver,
    table: &mut SourceTable,
    surnames: &mut Surnames,
) -> Speaker {
    let text = article.text.as_str();
    if a.kind == AttributionKind::Author {
        // the article's own voice, or the outlet of the block it stands in
        return match via.last() {
            Some((span, Some(r))) => Speaker {
                mention: None,
                text: span.slice(text).to_string(),
                antecedent: None,
                source: SpeakerId::source(r.source.clone()),
                person: None,
                rule: Some(r.rule),
            },
            _ => match outlet {
                Some(r) => Speaker {
                    mention: None,
                    text: "the article's own voice".into(),
                    antecedent: None,
                    source: SpeakerId::source(r.source.clone()),
                    person: None,
                    rule: Some(r.rule),
                },
                None => Speaker {
                    mention: None,
                    text: "the article's own voice".into(),
                    antecedent: None,
                    source: SpeakerId::article_voice(&article.id),
                    person: None,
                    rule: None,
                },
            },
        };
    }
    // the name when the mention also describes the speaker ("Mara Lind, the editor of the
    // Lowland Herald")
    let mention = a.head.or(a.source.first().copied());
    let target = a.antecedent.or(mention);
    let by_name = target.and_then(|t| resolver.resolve(t.slice(text)));
    let by_affiliation = || {
        let org = a.affiliation?;
        let mut r = resolver.resolve(org.slice(text))?;
        if r.person.is_none() {
            r.person = target.map(|t| t.slice(text).trim().to_string());
        }
        r.rule = MatchRule::Affiliation;
        Some(r)
    };
    let by_phrase = || {
        let whole = a.source.first().copied().filter(|w| Some(*w) != mention)?;
        resolver.resolve(whole.slice(text))
    };
    let resolved = by_name.or_else(by_affiliation).or_else(by_phrase);
    // "Berg" after "Tomas Berg said": the person named in full
    let full = || {
        let name = target?.slice(text);
        surnames.full_name(name).map(str::to_string)
    };
    // (a spelling close to a registry name counts less than the surname)
    let (resolved, full) = match resolved {
        Some(r) if r.rule != MatchRule::Fuzzy => (Some(r), None),
        resolved => match full() {
            Some(f) => {
                let r = resolver.resolve(&f).map(|mut r| {
                    r.person.get_or_insert_with(|| f.clone());
                    r.rule = MatchRule::Surname;
                    r
                });
                (r, Some(f))
            }
            None => (resolved, None),
        },
    };
    match (mention, resolved) {
        (_, Some(r)) => {
            if let Some(p) = &r.person {
                surnames.record(p);
            }
            Speaker {
                mention,
                text: mention.map_or_else(|| "(unnamed)".into(), |m| m.slice(text).to_string()),
                antecedent: a.antecedent,
                source: SpeakerId::source(r.source),
                person: r.person,
                rule: Some(r.rule),
            }
        }
        (Some(m), None) => {
            // an unknown person is named without the titles before the name, so that
            // "Prime Minister Mara Lind" and "Mara Lind" are one source
            let name = full
                .clone()
                .unwrap_or_else(|| person_name(target.unwrap_or(m).slice(text)).to_string());
            let kind = speaker_kind(&name);
            if kind == SourceKind::Unknown {
                surnames.record(&name);
            }
            let id = table.add_unknown(&name, kind, &article.id);
            Speaker {
                mention: Some(m),
                text: m.slice(text).to_string(),
                antecedent: a.antecedent,
                source: id,
                person: full,
                rule: None,
            }
        }
        (None, None) => {
            let id = table.add_unknown(
                &format!("unnamed speaker in {}", article.id),
                SourceKind::Unknown,
                &article.id,
            );
            Speaker {
                mention: None,
                text: "(unnamed)".into(),
                antecedent: None,
                source: id,
                person: None,
                rule: None,
            }
        }
    }
}
