//! Claims: resolved attributions ([`Resolved`]) with their content, quotations, hedges,
//! time references and matching keys, and a stable id.

pub mod hedges;
pub mod meaning;
pub mod parties;
pub mod predicates;
pub mod quantities;
pub mod time;
pub mod words;

pub use hedges::Hedge;
pub use meaning::{Assertion, Parties};
pub use time::TimeRef;

pub use crate::resolve::{Speaker, ViaLink, ViaRole};

use crate::attribution::{AttributionKind, Stance};
use crate::corpus::Article;
use crate::resolve::Resolved;
use crate::sources::SpeakerId;
use crate::text::{
    fnv1a,
    quotes::quote_regions,
    tokens::{content_keys, words, KeyList},
    Span,
};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

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
    /// What the content asserts (see [`meaning`]); computed once by [`meaning::annotate`],
    /// not serialised.
    #[serde(skip)]
    pub assertion: Assertion,
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
            assertion: Assertion::default(),
        }
    }

    /// [`Claim::plain`] with its [`Assertion`] read against the story's parties.
    pub fn plain_in(id: &str, source: &str, text: &str, parties: &Parties) -> Claim {
        let mut c = Claim::plain(id, source, text);
        meaning::annotate(std::slice::from_mut(&mut c), parties, &meaning::WordReader);
        c
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

/// Builds the claims of one article from its resolved attributions (see
/// [`crate::resolve::resolve`]): content without its complementiser, quotations, hedges,
/// time references, keys and a stable id.
pub fn build(article: &Article, resolved: &[Resolved]) -> Vec<Claim> {
    let text = article.text.as_str();
    let mut out: Vec<Claim> = Vec::new();
    // the ids given so far: a claim whose id is taken gets a number
    let mut ids: HashSet<String> = HashSet::new();
    // for each id taken, the next suffix to try, so that a sentence repeated n times
    // numbers its claims in n steps, not n² / 2
    let mut next_suffix: HashMap<String, usize> = HashMap::new();
    for r in resolved {
        let a = r.attribution;
        // "declined to comment": a cue with nothing said is not a claim
        if a.content.iter().all(|c| c.slice(text).trim().is_empty()) {
            continue;
        }
        let sent = article.sentences[a.sentence];
        let speaker = r.speaker.clone();
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
        let stream = article.tokens();
        let mut keys = KeyList::default();
        for c in &content {
            for k in stream.content_keys(text, *c) {
                keys.push(&k);
            }
        }
        if let Some(first) = content.first() {
            for k in pronoun_names(text, sent.span, *first, speaker.mention) {
                keys.push(&k);
            }
        }
        let keys = keys.into_vec();
        let h = fnv1a(format!("{}\u{0}{}", speaker.text, content_text).as_bytes());
        let base = format!("{}#{:08x}", article.id, h >> 32);
        let mut id = base.clone();
        if ids.contains(&id) {
            let n = next_suffix.entry(base).or_insert(2);
            loop {
                id = format!("{}#{:08x}-{n}", article.id, h >> 32);
                *n += 1;
                if !ids.contains(&id) {
                    break;
                }
            }
        }
        ids.insert(id.clone());
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
            via: r.via.clone(),
            cue: a
                .cue
                .first()
                .map(|c| a.cue.iter().fold(*c, |acc, s| acc.cover(*s))),
            cue_lemma: (!a.cue_lemma.is_empty()).then(|| a.cue_lemma.clone()),
            stance: a.stance,
            hedges,
            times,
            keys,
            responds_to: r.responds_to.clone(),
            affiliation: r.affiliation.clone(),
            assertion: Assertion::default(),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resolve::{resolve, test_registry, Resolver, SourceTable};

    fn claims_of(text: &str, published: Option<chrono::NaiveDate>) -> Vec<Claim> {
        let mut article = Article::new("a", text);
        article.published = published;
        let reg = test_registry();
        let attrs = crate::attribution::extract(&article, reg.gazetteer());
        let mut table = SourceTable::new(&reg);
        build(
            &article,
            &resolve(&article, &attrs, &Resolver::new(&reg), &mut table),
        )
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
