//! Claims: attributions with their speaker resolved, their sourcing chain, stance, hedges,
//! time references and matching keys.

pub mod hedges;
pub mod time;

pub use hedges::Hedge;
pub use time::TimeRef;

use crate::attribution::{Attribution, AttributionKind, Stance};
use crate::corpus::Article;
use crate::sources::{MatchRule, Registry, Source, SourceKind};
use crate::text::{tokens::content_keys, Span};
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
    /// The id of the source (a registry source, or one of kind unknown made for the
    /// mention).
    pub source: String,
    /// The person speaking for the source, if named.
    pub person: Option<String>,
    /// The registry rule that resolved the mention; `None` when it stayed unresolved.
    pub rule: Option<MatchRule>,
}

/// The part a link plays in a claim's sourcing chain.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ViaRole {
    /// Where the claim comes from.
    Origin,
    /// A source that passed it on ("said to Newsweek", a "Reuters:" block).
    Intermediary,
    /// The article that carries it.
    Article,
}

/// One link of a sourcing chain.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ViaLink {
    /// Its part in the chain.
    pub role: ViaRole,
    /// The source id, for origins and intermediaries.
    pub source: Option<String>,
    /// A name to show.
    pub name: String,
    /// Where the text names it, if it does.
    pub span: Option<Span>,
}

/// An attributed claim: what was said, by whom, through whom, in which article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Stable id: the article id and a hash of speaker and content.
    pub id: String,
    /// The article id.
    pub article: String,
    /// Index of the sentence in the article.
    pub sentence: usize,
    /// Index of the paragraph in the article.
    pub paragraph: usize,
    /// The sentence that is the evidence.
    pub evidence: Span,
    /// The content spans.
    pub content: Vec<Span>,
    /// The content as text (fragments joined by " … ").
    pub text: String,
    /// How the content is given.
    pub kind: AttributionKind,
    /// Who said it.
    pub speaker: Speaker,
    /// The chain: origin, intermediaries, article.
    pub via: Vec<ViaLink>,
    /// The cue span, if any.
    pub cue: Option<Span>,
    /// The cue's lemma, if any.
    pub cue_lemma: Option<String>,
    /// What the claim does with its content.
    pub stance: Stance,
    /// Hedges in the content or on the cue.
    pub hedges: Vec<Hedge>,
    /// Time expressions in the content.
    pub times: Vec<TimeRef>,
    /// Content keys for matching (stems of content words).
    pub keys: Vec<String>,
}

impl Claim {
    /// The id of the claim's origin source.
    pub fn origin(&self) -> &str {
        &self.speaker.source
    }
}

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

    fn add_unknown(&mut self, name: &str, kind: SourceKind) -> String {
        let mut s = Source::unknown(name);
        s.kind = kind;
        let id = s.id.clone();
        if self.get(&id).is_none() {
            self.sources.push(s);
        }
        id
    }
}

/// FNV-1a, 64 bits: a hash that stays the same across platforms and releases.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x100000001b3);
    }
    h
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

/// Builds the claims of one article from its attributions: resolves speakers and
/// intermediaries through the registry (adding unknown speakers to `table`), and finds
/// hedges, time references and keys.
pub fn build(
    article: &Article,
    attributions: &[Attribution],
    registry: &Registry,
    table: &mut SourceTable,
) -> Vec<Claim> {
    let text = article.text.as_str();
    let mut out: Vec<Claim> = Vec::new();
    let article_outlet = article.outlet.as_deref().and_then(|o| registry.resolve(o));
    // an attribution that only passes on another one is in that one's chain instead
    for a in attributions.iter().filter(|a| !a.relays) {
        let sent = article.sentences[a.sentence];
        let via_res: Vec<(Span, Option<crate::sources::Resolution>)> = a
            .via
            .iter()
            .map(|v| (*v, registry.resolve(v.slice(text))))
            .collect();
        let speaker = if a.kind == AttributionKind::Author {
            // the article's own voice, or the outlet of the block it stands in
            match via_res.last() {
                Some((span, Some(r))) => Speaker {
                    mention: None,
                    text: span.slice(text).to_string(),
                    antecedent: None,
                    source: r.source.clone(),
                    person: None,
                    rule: Some(r.rule),
                },
                _ => match &article_outlet {
                    Some(r) => Speaker {
                        mention: None,
                        text: "the article's own voice".into(),
                        antecedent: None,
                        source: r.source.clone(),
                        person: None,
                        rule: Some(r.rule),
                    },
                    None => Speaker {
                        mention: None,
                        text: "the article's own voice".into(),
                        antecedent: None,
                        source: format!("article:{}", article.id),
                        person: None,
                        rule: None,
                    },
                },
            }
        } else {
            // the name when the mention also describes the speaker ("Mara Lind, the editor
            // of the Lowland Herald")
            let mention = a.head.or(a.source.first().copied());
            let target = a.antecedent.or(mention);
            let by_name = target.and_then(|t| registry.resolve(t.slice(text)));
            let by_affiliation = || {
                let org = a.affiliation?;
                let mut r = registry.resolve(org.slice(text))?;
                if r.person.is_none() {
                    r.person = target.map(|t| t.slice(text).trim().to_string());
                }
                r.rule = MatchRule::Affiliation;
                Some(r)
            };
            let by_phrase = || {
                let whole = a.source.first().copied().filter(|w| Some(*w) != mention)?;
                registry.resolve(whole.slice(text))
            };
            let resolved = by_name.or_else(by_affiliation).or_else(by_phrase);
            match (mention, resolved) {
                (_, Some(r)) => Speaker {
                    mention,
                    text: mention.map_or_else(|| "(unnamed)".into(), |m| m.slice(text).to_string()),
                    antecedent: a.antecedent,
                    source: r.source,
                    person: r.person,
                    rule: Some(r.rule),
                },
                (Some(m), None) => {
                    let name = target.unwrap_or(m).slice(text);
                    let id = table.add_unknown(name, speaker_kind(name));
                    Speaker {
                        mention: Some(m),
                        text: m.slice(text).to_string(),
                        antecedent: a.antecedent,
                        source: id,
                        person: None,
                        rule: None,
                    }
                }
                (None, None) => {
                    let id = table.add_unknown(
                        &format!("unnamed speaker in {}", article.id),
                        SourceKind::Unknown,
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
        };
        let mut via = vec![ViaLink {
            role: ViaRole::Origin,
            source: Some(speaker.source.clone()),
            name: table
                .get(&speaker.source)
                .map_or_else(|| speaker.text.clone(), |s| s.name.clone()),
            span: speaker.antecedent.or(speaker.mention),
        }];
        for (span, r) in &via_res {
            let id = r.as_ref().map(|r| r.source.clone());
            if id.as_deref() == Some(speaker.source.as_str()) {
                continue;
            }
            let name = id
                .as_deref()
                .and_then(|i| table.get(i))
                .map_or_else(|| span.slice(text).to_string(), |s| s.name.clone());
            via.push(ViaLink {
                role: ViaRole::Intermediary,
                source: id,
                name,
                span: Some(*span),
            });
        }
        via.push(ViaLink {
            role: ViaRole::Article,
            source: article_outlet.as_ref().map(|r| r.source.clone()),
            name: match (&article.outlet, &article.title) {
                (Some(o), _) => format!("{o}: article {}", article.id),
                (None, _) => format!("article {} (outlet unknown)", article.id),
            },
            span: None,
        });
        let content_text = a
            .content
            .iter()
            .map(|c| c.slice(text))
            .collect::<Vec<_>>()
            .join(" … ");
        let mut hedge_spans = a.content.clone();
        hedge_spans.extend(&a.modifiers);
        let hedges = hedges::find(text, &hedge_spans);
        let times = time::find(text, &a.content, article.published);
        let mut keys = Vec::new();
        for c in &a.content {
            for k in content_keys(text, *c) {
                if !keys.contains(&k) {
                    keys.push(k);
                }
            }
        }
        let h = fnv1a(format!("{}\u{0}{}", speaker.text, content_text).as_bytes());
        let mut id = format!("{}#{:08x}", article.id, h >> 32);
        let mut n = 2;
        while out.iter().any(|c| c.id == id) {
            id = format!("{}#{:08x}-{n}", article.id, h >> 32);
            n += 1;
        }
        out.push(Claim {
            id,
            article: article.id.clone(),
            sentence: a.sentence,
            paragraph: sent.paragraph,
            evidence: sent.span,
            content: a.content.clone(),
            text: content_text,
            kind: a.kind,
            speaker,
            via,
            cue: a
                .cue
                .first()
                .map(|c| a.cue.iter().fold(*c, |acc, s| acc.cover(*s))),
            cue_lemma: (!a.cue_lemma.is_empty()).then(|| a.cue_lemma.clone()),
            stance: a.stance,
            hedges,
            times,
            keys,
        });
    }
    out
}
