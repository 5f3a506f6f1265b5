//! Claims: attributions with their speaker resolved, their sourcing chain, stance, hedges,
//! time references and matching keys.

pub mod hedges;
pub mod time;

pub use hedges::Hedge;
pub use time::TimeRef;

use crate::attribution::{quote_regions, Attribution, AttributionKind, Stance};
use crate::corpus::Article;
use crate::sources::{MatchRule, Registry, Source, SourceKind, SpeakerId};
use crate::text::{
    tokens::{content_keys, words},
    Span,
};
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
    pub source: Option<SpeakerId>,
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
    /// The words the content gives verbatim: the quotations inside it, from mark to mark
    /// (the whole content of a direct quote, "“highly unusual”" in a partial one).
    pub quotes: Vec<Span>,
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
    /// Content keys for matching (stems of content words and their concepts; for content
    /// that opens with a pronoun, also the names the sentence gives around it).
    pub keys: Vec<String>,
    /// For a denial or dismissal, the source whose statements it answers, when the text
    /// points to them ("the Kremlin's response to these warnings", "rejected the
    /// ministry's claims").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responds_to: Option<SpeakerId>,
    /// The affiliation of the speaker's source, when the registry gives one: claims of
    /// one affiliation are not independent of one another.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<String>,
}

impl Claim {
    /// A claim given as plain text, in the voice of `source`: a claim a user checks, or an
    /// invented case in a test. Its keys, hedges and polarity come from the text.
    pub fn plain(id: &str, source: &str, text: &str) -> Claim {
        let all = Span::new(0, text.len());
        Claim {
            id: id.to_string(),
            article: String::new(),
            sentence: usize::MAX,
            paragraph: 0,
            evidence: all,
            content: vec![all],
            text: text.to_string(),
            quotes: Vec::new(),
            kind: AttributionKind::Author,
            speaker: Speaker {
                mention: None,
                text: source.to_string(),
                antecedent: None,
                source: SpeakerId::from(source),
                person: None,
                rule: None,
            },
            via: Vec::new(),
            cue: None,
            cue_lemma: None,
            stance: Stance::Assert,
            hedges: hedges::find(text, &[all]),
            times: Vec::new(),
            keys: content_keys(text, all),
            responds_to: None,
            affiliation: None,
        }
    }

    /// Who the claim is from: the id of its origin source.
    pub fn origin(&self) -> &SpeakerId {
        &self.speaker.source
    }

    /// The text of each quotation in the content (see [`Claim::quotes`]), taken from
    /// [`Claim::text`], marks included.
    pub fn quote_texts(&self) -> Vec<&str> {
        const JOIN: usize = " … ".len();
        let mut out = Vec::new();
        for q in &self.quotes {
            let mut at = 0;
            for c in &self.content {
                if q.start >= c.start && q.end <= c.end {
                    let from = at + (q.start - c.start);
                    if let Some(t) = self.text.get(from..from + q.len()) {
                        out.push(t);
                    }
                    break;
                }
                at += c.len() + JOIN;
            }
        }
        out
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

    fn add_unknown(&mut self, name: &str, kind: SourceKind) -> SpeakerId {
        let mut s = Source::unknown(name);
        s.kind = kind;
        let id = SpeakerId::source(s.id.clone());
        if self.get(id.as_str()).is_none() {
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
                    source: SpeakerId::source(r.source.clone()),
                    person: None,
                    rule: Some(r.rule),
                },
                _ => match &article_outlet {
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
                    source: SpeakerId::source(r.source),
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
                .get(speaker.source.as_str())
                .map_or_else(|| speaker.text.clone(), |s| s.name.clone()),
            span: speaker.antecedent.or(speaker.mention),
        }];
        for (span, r) in &via_res {
            let id = r.as_ref().map(|r| SpeakerId::source(r.source.clone()));
            // the speaker itself, or the same intermediary named twice ("The FSB reported
            // ..., Reuters said" under a "Reuters:" header)
            let last = via.last().and_then(|v| v.source.clone());
            if id.is_some() && (id.as_ref() == Some(&speaker.source) || id == last) {
                continue;
            }
            let name = id
                .as_ref()
                .and_then(|i| table.get(i.as_str()))
                .map_or_else(|| span.slice(text).to_string(), |s| s.name.clone());
            via.push(ViaLink {
                role: ViaRole::Intermediary,
                source: id,
                name,
                span: Some(*span),
            });
        }
        // "Kerel told the Courier" in the Courier's own article: the outlet is named once
        let outlet_id = article_outlet
            .as_ref()
            .map(|r| SpeakerId::source(r.source.clone()));
        if outlet_id.is_some()
            && via.len() > 1
            && via.last().and_then(|v| v.source.as_ref()) == outlet_id.as_ref()
        {
            via.pop();
        }
        via.push(ViaLink {
            role: ViaRole::Article,
            source: outlet_id,
            name: match (&article.outlet, &article.title) {
                (Some(o), _) => format!("{o}: article {}", article.id),
                (None, _) => format!("article {} (outlet unknown)", article.id),
            },
            span: None,
        });
        // the complementiser opens the clause ("said that ...") but is not what was said
        let mut content = a.content.clone();
        if let Some(first) = content.first_mut() {
            let t = first.slice(text);
            if t.len() > 5 && t.get(..5).is_some_and(|h| h.eq_ignore_ascii_case("that ")) {
                *first = Span::new(first.start + 5, first.end).trim(text);
            }
        }
        let content_text = content
            .iter()
            .map(|c| c.slice(text))
            .collect::<Vec<_>>()
            .join(" … ");
        let quotes: Vec<Span> = content
            .iter()
            .flat_map(|c| quote_regions(text, *c))
            .collect();
        let mut hedge_spans = content.clone();
        hedge_spans.extend(&a.modifiers);
        let hedges = hedges::find(text, &hedge_spans);
        let times = time::find(text, &content, article.published);
        let mut keys = Vec::new();
        for c in &content {
            for k in content_keys(text, *c) {
                if !keys.contains(&k) {
                    keys.push(k);
                }
            }
        }
        if let Some(first) = content.first() {
            for k in pronoun_names(text, sent.span, *first, speaker.mention) {
                if !keys.contains(&k) {
                    keys.push(k);
                }
            }
        }
        let responds_to = if matches!(a.stance, Stance::Deny) {
            let before = a
                .sentence
                .checked_sub(1)
                .map(|i| article.sentences[i])
                .filter(|p| p.paragraph == sent.paragraph);
            answered_source(text, sent.span, before.map(|p| p.span), registry, &out)
                .filter(|s| *s != speaker.source)
        } else {
            None
        };
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
            content,
            text: content_text,
            quotes,
            kind: a.kind,
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
            responds_to,
            affiliation: table
                .get(speaker.source.as_str())
                .and_then(|s| s.affiliation.clone()),
            speaker,
        });
    }
    out
}

/// Object and subject pronouns that stand for names given elsewhere in the sentence.
const PRONOUN_OPENERS: &[&str] = &["he", "her", "him", "it", "she", "them", "they"];

/// When the content opens with a pronoun ("accused them of a false-flag attack"), the keys
/// of the names the sentence gives outside the speaker's mention and the content ("the
/// U.S., Great Britain, and ISIS"), which the pronoun most likely stands for.
fn pronoun_names(text: &str, sentence: Span, content: Span, mention: Option<Span>) -> Vec<String> {
    let opener = words(text, content)
        .first()
        .map(|w| w.text.to_lowercase())
        .unwrap_or_default();
    if !PRONOUN_OPENERS.contains(&opener.as_str()) {
        return Vec::new();
    }
    let names: Vec<&str> = words(text, sentence)
        .into_iter()
        .enumerate()
        .filter(|(i, w)| {
            *i > 0
                && w.text.starts_with(|c: char| c.is_uppercase())
                && !(w.span.start >= content.start && w.span.end <= content.end)
                && mention.is_none_or(|m| w.span.end <= m.start || w.span.start >= m.end)
        })
        .map(|(_, w)| w.text)
        .collect();
    let joined = names.join(" ");
    content_keys(&joined, Span::new(0, joined.len()))
}

/// Nouns by which a text points back to statements it reported earlier, and the stance
/// those statements must have to be the ones meant (`None`: any).
const STATEMENT_NOUNS: &[(&str, Option<Stance>)] = &[
    ("accusation", Some(Stance::Accuse)),
    ("accusations", Some(Stance::Accuse)),
    ("advisories", Some(Stance::Warn)),
    ("advisory", Some(Stance::Warn)),
    ("alert", Some(Stance::Warn)),
    ("alerts", Some(Stance::Warn)),
    ("allegation", None),
    ("allegations", None),
    ("announcement", None),
    ("announcements", None),
    ("claim", None),
    ("claims", None),
    ("report", None),
    ("reports", None),
    ("statement", None),
    ("statements", None),
    ("warning", Some(Stance::Warn)),
    ("warnings", Some(Stance::Warn)),
];

/// The source whose statements a denial answers: a registry source named as their owner
/// ("the embassy's warnings"), or, for "these warnings" and the like, the speaker of the
/// latest earlier claim of the article with a fitting stance.
fn answered_source(
    text: &str,
    sentence: Span,
    before: Option<Span>,
    registry: &Registry,
    earlier: &[Claim],
) -> Option<SpeakerId> {
    for span in std::iter::once(sentence).chain(before) {
        let ws = words(text, span);
        for (i, w) in ws.iter().enumerate() {
            let low = w.text.to_lowercase();
            let Some((_, stance)) = STATEMENT_NOUNS.iter().find(|(n, _)| *n == low) else {
                continue;
            };
            let Some(prev) = i.checked_sub(1).map(|p| &ws[p]) else {
                continue;
            };
            let prev_low = prev.text.to_lowercase().replace('’', "'");
            if prev_low.ends_with("'s") || prev_low.ends_with("s'") {
                // the owner's name may have words before it ("the U.S. Embassy's")
                let from = ws[..i - 1]
                    .iter()
                    .rev()
                    .take_while(|w| w.text.starts_with(|c: char| c.is_uppercase()))
                    .last()
                    .map_or(prev.span.start, |w| w.span.start);
                let name = &text[from..prev.span.end];
                let name = name
                    .trim_end_matches("'s")
                    .trim_end_matches("’s")
                    .trim_end_matches(['\'', '’']);
                if let Some(r) = registry.resolve(name) {
                    return Some(SpeakerId::source(r.source));
                }
                continue;
            }
            if !matches!(
                prev_low.as_str(),
                "these" | "those" | "the" | "such" | "this" | "that"
            ) {
                continue;
            }
            let found = earlier.iter().rev().find(|c| {
                c.evidence.end <= sentence.start
                    && c.kind != AttributionKind::Author
                    && stance.is_none_or(|s| c.stance == s)
            });
            if let Some(c) = found {
                return Some(c.speaker.source.clone());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn registry() -> Registry {
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
        Registry::from_ron(Path::new("sources.ron"), text).unwrap()
    }

    fn claims_of(text: &str, published: Option<chrono::NaiveDate>) -> Vec<Claim> {
        let mut article = Article::new("a", text);
        article.published = published;
        let reg = registry();
        let attrs = crate::attribution::extract(&article, &reg);
        let mut table = SourceTable::new(&reg);
        build(&article, &attrs, &reg, &mut table)
    }

    /// The chain of a claim as (role, source id or name).
    fn chain(c: &Claim) -> Vec<String> {
        c.via
            .iter()
            .map(|v| match (&v.role, &v.source) {
                (ViaRole::Article, _) => "article".to_string(),
                (_, Some(s)) => s.to_string(),
                (_, None) => v.name.clone(),
            })
            .collect()
    }

    #[test]
    fn chain_of_a_nested_report_names_the_carrier() {
        let claims = claims_of(
            "The ministry reported that two wells were closed, Northwire said.",
            None,
        );
        // the carrier makes no claim of its own
        assert_eq!(claims.len(), 1, "{claims:#?}");
        assert_eq!(claims[0].origin(), "ministry");
        assert_eq!(chain(&claims[0]), ["ministry", "northwire", "article"]);
    }

    #[test]
    fn chain_through_said_to_and_a_block_header() {
        let claims = claims_of(
            "A Port Authority spokesperson said to the Valdera Courier that ships would wait.\n\
             Northwire:\n\
             The ministry reported that two wells were closed, Northwire said.\n\
             The ministry told the Courier that the wells were safe.",
            None,
        );
        let chains: Vec<Vec<String>> = claims.iter().map(chain).collect();
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
        let claims = claims_of(
            "Mara Lind is the editor of the Lowland Herald. She said the dam was unsafe.",
            None,
        );
        let c = claims
            .iter()
            .find(|c| c.cue_lemma.as_deref() == Some("say"))
            .unwrap();
        assert_eq!(c.origin(), "herald");
        assert_eq!(c.speaker.person.as_deref(), Some("Mara Lind"));
        assert_eq!(c.speaker.rule, Some(MatchRule::Affiliation));
        let claims = claims_of(
            "Mara Lind, the editor of the Lowland Herald, said the dam was unsafe.",
            None,
        );
        assert_eq!(claims[0].origin(), "herald");
        assert_eq!(claims[0].speaker.text, "Mara Lind");
        // a person the registry knows resolves by name
        let claims = claims_of("Elena Marsh, a spokeswoman, said the port was shut.", None);
        assert_eq!(claims[0].origin(), "port");
        assert_eq!(claims[0].speaker.rule, Some(MatchRule::Alias));
    }

    #[test]
    fn unknown_speakers_stay_unknown() {
        let claims = claims_of("The post reads: “The dam will not hold.”", None);
        assert!(claims[0].origin().as_str().starts_with("unknown:"));
        assert_eq!(claims[0].speaker.rule, None);
        let claims = claims_of("Officials said the dam would not hold.", None);
        assert!(claims[0].origin().as_str().starts_with("unknown:"));
    }

    #[test]
    fn quoted_words_stance_hedges_and_times() {
        let text = "The ministry said the closure was “purely temporary” and would end this week.";
        let claims = claims_of(text, None);
        let c = &claims[0];
        assert_eq!(c.kind, AttributionKind::Mixed);
        let quotes: Vec<&str> = c.quotes.iter().map(|q| q.slice(text)).collect();
        assert_eq!(quotes, ["“purely temporary”"]);
        assert_eq!(c.times.len(), 1);
        assert_eq!(
            (c.times[0].start, c.times[0].anchor),
            (None, time::Anchor::Publication)
        );
        let published = chrono::NaiveDate::from_ymd_opt(2024, 3, 8);
        let claims = claims_of(
            "The ministry said the closure would end this week.",
            published,
        );
        assert_eq!(
            claims[0].times[0].start,
            chrono::NaiveDate::from_ymd_opt(2024, 3, 4)
        );
        let claims = claims_of(
            "The Port Authority warned that the harbour might flood. \
             The ministry denied that the wells were closed. \
             The ministry said it had no knowledge of the closure. \
             The guild reportedly accused the ministry of lying. \
             The ministry refused to confirm whether the wells were closed. \
             The guild questioned whether the dam was inspected. \
             The ministry announced that the dam would close.",
            None,
        );
        let stances: Vec<Stance> = claims.iter().map(|c| c.stance).collect();
        assert_eq!(
            stances,
            [
                Stance::Warn,
                Stance::Deny,
                Stance::Deny,
                Stance::Accuse,
                Stance::RefuseToConfirm,
                Stance::Question,
                Stance::Announce
            ]
        );
        let hedges: Vec<Vec<String>> = claims
            .iter()
            .map(|c| c.hedges.iter().map(|h| h.cue.clone()).collect())
            .collect();
        assert_eq!(hedges[0], ["might"]);
        assert_eq!(hedges[3], ["reportedly"]);
    }
}
