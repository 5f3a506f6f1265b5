//! Reports: everything a renderer needs, serialisable, and the renderers.

mod build;
mod index;
pub use index::Index;
pub mod claimreview;
pub mod csv;
pub mod dot;
pub mod html;
mod labels;
pub mod markdown;
mod picture;
pub mod svg;

pub use crate::attribution::{AttributionKind, Stance};
pub use crate::claims::time::Anchor;
pub use crate::link::RelationKind;
pub use crate::resolve::MatchRule;
pub use crate::sources::{Reliability, SourceKind, SpeakerId};
pub use labels::{Label, TimelineKind};

use labels::{optional_words, words};
use serde::{Deserialize, Serialize};

/// Whether an address may become a link or a published URL: only an `http://` or
/// `https://` address with a host and without white space or control characters does;
/// anything else (a `javascript:` or `data:` URL, say) is shown as text or left out.
pub fn is_web_address(u: &str) -> bool {
    let lower = u.trim().to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    rest.is_some_and(|r| {
        !r.is_empty()
            && !r.starts_with('/')
            && !u
                .trim()
                .chars()
                .any(|c| c.is_control() || c.is_whitespace())
    })
}

/// The schema version of [`Report`]; bumped whenever a field changes meaning or goes.
pub const SCHEMA: &str = "claimgraph.report/2";

/// A story's analysis, ready to render.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Schema version ([`SCHEMA`]).
    pub schema: String,
    /// The story.
    pub story: StoryInfo,
    /// Counts.
    pub summary: Summary,
    /// The articles.
    pub articles: Vec<ArticleInfo>,
    /// The sources that appear in claims, registry order first, then unknown speakers.
    pub sources: Vec<SourceInfo>,
    /// The claims, in story order.
    pub claims: Vec<ClaimInfo>,
    /// Relations between claims.
    pub relations: Vec<RelationInfo>,
    /// Propositions, most confident first.
    pub propositions: Vec<PropositionInfo>,
    /// Disputes: opposing propositions that answer one question, the largest first.
    #[serde(default)]
    pub disputes: Vec<DisputeInfo>,
    /// Publication dates and resolved time references, earliest first; references that
    /// could not be placed on the calendar come last, in story order.
    pub timeline: Vec<TimelineEntry>,
    /// Speakers the registry does not know, one entry per claim.
    pub unresolved: Vec<UnresolvedSpeaker>,
    /// Problems met loading the story, one line each.
    pub diagnostics: Vec<String>,
}

/// One entry of the story's timeline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimelineEntry {
    /// First day (YYYY-MM-DD); `None` for a reference that could not be resolved.
    pub start: Option<String>,
    /// Last day.
    pub end: Option<String>,
    /// "published" for an article's date, "mentioned" for a time reference in a claim.
    #[serde(with = "words")]
    pub what: TimelineKind,
    /// The words: the article's title, or the time reference as written.
    pub text: String,
    /// Why a reference stays unresolved ("publication date unknown"), if it does.
    pub unresolved: Option<String>,
    /// The article.
    pub article: String,
    /// The claim that makes the reference, for "mentioned".
    pub claim: Option<String>,
    /// That claim's content, for "mentioned".
    pub content: Option<String>,
}

/// A claim whose speaker the registry does not know.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnresolvedSpeaker {
    /// The mention as written ("(unnamed)" when the text names nobody).
    pub mention: String,
    /// The claim.
    pub claim: String,
    /// The article.
    pub article: String,
    /// Paragraph, 1-based.
    pub paragraph: usize,
}

/// The story's id, title and description.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoryInfo {
    /// Folder name.
    pub id: String,
    /// Title.
    pub title: String,
    /// Description.
    pub description: Option<String>,
}

/// Counts shown at the top of a report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// Articles.
    pub articles: usize,
    /// Sources cited.
    pub sources: usize,
    /// Claims.
    pub claims: usize,
    /// Relations of any kind.
    pub relations: usize,
    /// Contradictions.
    pub contradictions: usize,
    /// Propositions.
    pub propositions: usize,
    /// Propositions resting on a single independent origin.
    pub single_origin: usize,
    /// Disputes.
    #[serde(default)]
    pub disputes: usize,
}

/// Opposing answers to one question, each a proposition with who stands behind it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DisputeInfo {
    /// Stable id.
    pub id: String,
    /// The question in words ("Who destroyed the dam?").
    pub question: String,
    /// The answers, the best supported first.
    pub sides: Vec<DisputeSide>,
    /// How many contradictions join the sides.
    pub contradictions: usize,
}

/// One answer in a dispute.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DisputeSide {
    /// The answer in words: the party named as agent, else the proposition's statement.
    pub answer: String,
    /// The proposition (id).
    pub proposition: String,
    /// The proposition's statement.
    pub statement: String,
    /// Who stands behind it: its origin sources (names).
    pub sources: Vec<String>,
    /// Its number of independent origins.
    pub independent_origins: usize,
    /// Its claims (ids).
    pub claims: Vec<String>,
}

/// An article's metadata; unknown fields stay `None`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleInfo {
    /// Id.
    pub id: String,
    /// Headline.
    pub title: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Address.
    pub url: Option<String>,
    /// Publication date (YYYY-MM-DD).
    pub published: Option<String>,
    /// Author line.
    pub byline: Option<String>,
    /// File, relative to the story folder (`<stdin>` for standard input, the address for
    /// a web page).
    pub path: String,
    /// Claims found in it.
    pub claims: usize,
    /// For a page fetched from the web, the address it was finally served from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fetched_from: Option<String>,
    /// For a page fetched from the web, when (RFC 3339, UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fetched_at: Option<String>,
}

/// A source as reports show it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SourceInfo {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Kind ("state media").
    #[serde(with = "words")]
    pub kind: SourceKind,
    /// Affiliation.
    pub affiliation: Option<String>,
    /// Reliability letter.
    #[serde(with = "optional_words")]
    pub reliability: Option<Reliability>,
    /// Claims it is the origin of.
    pub claims: usize,
    /// Claims it passed on as an intermediary.
    pub passed_on: usize,
    /// The intermediaries its claims came through (names).
    pub reported_via: Vec<String>,
}

/// A span and the text it covers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// Start byte.
    pub start: usize,
    /// End byte (exclusive).
    pub end: usize,
    /// The text.
    pub text: String,
}

/// Who a claim is from, as reports show it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SpeakerInfo {
    /// The mention as written.
    pub mention: String,
    /// The earlier mention it stands for, if resolved through one.
    pub antecedent: Option<String>,
    /// Source id, or the article's own voice.
    pub source: SpeakerId,
    /// Source name.
    pub name: String,
    /// Person speaking for the source.
    pub person: Option<String>,
    /// How the mention was resolved (None: unresolved).
    #[serde(with = "optional_words")]
    pub rule: Option<MatchRule>,
}

/// A time reference as reports show it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimeInfo {
    /// As written.
    pub text: String,
    /// What it is measured from: "calendar", "publication" or "event".
    #[serde(with = "words")]
    pub anchor: Anchor,
    /// First day (YYYY-MM-DD), when resolved.
    pub start: Option<String>,
    /// Last day, when resolved.
    pub end: Option<String>,
    /// Why it has no dates when the anchor alone does not say (the publication date is
    /// known, but no such day exists counted from it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// A claim as reports show it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClaimInfo {
    /// Stable id.
    pub id: String,
    /// Article id.
    pub article: String,
    /// Paragraph, 1-based.
    pub paragraph: usize,
    /// The sentence it stands in.
    pub evidence: Evidence,
    /// What was said.
    pub content: Vec<Evidence>,
    /// The words given verbatim (quotations inside the content).
    pub quotes: Vec<Evidence>,
    /// How it is given ("direct quote").
    #[serde(with = "words")]
    pub kind: AttributionKind,
    /// Who said it.
    pub speaker: SpeakerInfo,
    /// The chain, origin first, as names.
    pub via: Vec<String>,
    /// The cue as written.
    pub cue: Option<String>,
    /// Stance.
    #[serde(with = "words")]
    pub stance: Stance,
    /// Hedges.
    pub hedges: Vec<String>,
    /// Time references.
    pub times: Vec<TimeInfo>,
    /// How sure we are the speaker said it.
    pub attribution_confidence: f64,
    /// Why.
    pub attribution_reasons: Vec<String>,
    /// The proposition it belongs to.
    pub proposition: String,
    /// That proposition's confidence, 0 to 1.
    pub confidence: f64,
    /// That proposition's grade ("B2" or "3").
    pub grade: String,
    /// Ids of the claims that contradict it.
    pub contradicted_by: Vec<String>,
}

/// A relation as reports show it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RelationInfo {
    /// First claim id.
    pub a: String,
    /// Second claim id.
    pub b: String,
    /// Kind.
    #[serde(with = "words")]
    pub kind: RelationKind,
    /// Score, 0 to 1.
    pub score: f64,
    /// Why.
    pub reasons: Vec<String>,
    /// For a quote variant, the word-level difference from `a`'s wording to `b`'s.
    #[serde(default)]
    pub diff: Vec<crate::link::diff::DiffPart>,
}

/// A proposition as reports show it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PropositionInfo {
    /// Stable id.
    pub id: String,
    /// The proposition in words.
    pub statement: String,
    /// The stance of the claim whose words give the statement ("assert", "deny", ...).
    #[serde(with = "words")]
    pub stance: Stance,
    /// Its claims (ids).
    pub claims: Vec<String>,
    /// Origin sources (names).
    pub origins: Vec<String>,
    /// Number of independent origins.
    pub independent_origins: usize,
    /// Sources that contradict it (names).
    pub contradicted_by: Vec<String>,
    /// Best attribution confidence.
    pub attribution_confidence: f64,
    /// Admiralty credibility digit.
    pub credibility: u8,
    /// Credibility in words.
    pub credibility_label: String,
    /// Grade as shown ("B2" or "3").
    pub grade: String,
    /// 0 to 1.
    pub confidence: f64,
    /// Why.
    pub reasons: Vec<String>,
}

impl ClaimInfo {
    /// What was said: the content's parts joined by " … ".
    pub fn content_text(&self) -> String {
        self.content
            .iter()
            .map(|e| e.text.as_str())
            .collect::<Vec<_>>()
            .join(" … ")
    }
}

impl TimeInfo {
    /// Why a reference measured from this anchor may stay without dates, in words (or
    /// the reference's own reason, when it has one).
    pub fn anchor_reason(&self) -> &str {
        if let Some(r) = &self.reason {
            return r;
        }
        match self.anchor {
            Anchor::Event => "relative to another event",
            Anchor::Calendar => "not a valid date",
            Anchor::Publication => "publication date unknown",
        }
    }

    /// Why the reference has no dates, in words; `None` when it has them.
    pub fn unresolved_reason(&self) -> Option<&str> {
        self.start.is_none().then(|| self.anchor_reason())
    }
}

impl TimelineEntry {
    /// When, as reports show it: a day, "first to last", or "unresolved (why)".
    pub fn when(&self) -> String {
        match (&self.start, &self.end, &self.unresolved) {
            (Some(s), Some(e), _) if s != e => format!("{s} to {e}"),
            (Some(s), _, _) => s.clone(),
            (None, _, Some(why)) => format!("unresolved ({why})"),
            _ => "unresolved".into(),
        }
    }
}

impl Report {
    /// The report as RON (the same content and field names as the JSON).
    pub fn to_ron(&self) -> String {
        let config = ron::ser::PrettyConfig::new()
            .struct_names(false)
            .indentor("  ".to_string());
        let mut s =
            ron::ser::to_string_pretty(self, config).unwrap_or_else(|e| format!("// error: {e}"));
        s.push('\n');
        s
    }

    /// Reads a report back from its JSON.
    pub fn from_json(s: &str) -> serde_json::Result<Report> {
        serde_json::from_str(s)
    }

    /// Reads a report back from its RON.
    pub fn from_ron(s: &str) -> Result<Report, ron::error::SpannedError> {
        ron::from_str(s)
    }

    /// The report as pretty-printed JSON.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self)
            .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
        s.push('\n');
        s
    }
}
