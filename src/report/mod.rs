//! Reports: everything a renderer needs, serialisable, and the renderers.

pub mod claimreview;
pub mod csv;
pub mod dot;
pub mod html;
pub mod markdown;
mod picture;
pub mod svg;

use crate::assess::{attribution_confidence, credibility_label};
use crate::claims::ViaRole;
use crate::link::RelationKind;
use crate::Analysis;
use serde::{Deserialize, Serialize};

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
    pub what: String,
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
    /// File, relative to the story folder.
    pub path: String,
    /// Claims found in it.
    pub claims: usize,
}

/// A source as reports show it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SourceInfo {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Kind in words.
    pub kind: String,
    /// Affiliation.
    pub affiliation: Option<String>,
    /// Reliability letter.
    pub reliability: Option<String>,
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
    /// Source id.
    pub source: String,
    /// Source name.
    pub name: String,
    /// Person speaking for the source.
    pub person: Option<String>,
    /// How the mention was resolved (None: unresolved).
    pub rule: Option<String>,
}

/// A time reference as reports show it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimeInfo {
    /// As written.
    pub text: String,
    /// What it is measured from: "calendar", "publication" or "event".
    pub anchor: String,
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
    /// How it is given.
    pub kind: String,
    /// Who said it.
    pub speaker: SpeakerInfo,
    /// The chain, origin first, as names.
    pub via: Vec<String>,
    /// The cue as written.
    pub cue: Option<String>,
    /// Stance.
    pub stance: String,
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
    pub kind: String,
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
    pub stance: String,
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
        match self.anchor.as_str() {
            "event" => "relative to another event",
            "calendar" => "not a valid date",
            _ => "publication date unknown",
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

fn ev(text: &str, s: crate::text::Span) -> Evidence {
    Evidence {
        start: s.start,
        end: s.end,
        text: s.slice(text).to_string(),
    }
}

/// The timeline: articles' publication dates and the claims' time references, by date.
fn timeline(articles: &[ArticleInfo], claims: &[ClaimInfo]) -> Vec<TimelineEntry> {
    let mut out: Vec<TimelineEntry> = articles
        .iter()
        .filter(|a| a.published.is_some())
        .map(|a| TimelineEntry {
            start: a.published.clone(),
            end: a.published.clone(),
            what: "published".into(),
            text: a.title.clone().unwrap_or_else(|| a.id.clone()),
            unresolved: None,
            article: a.id.clone(),
            claim: None,
            content: None,
        })
        .collect();
    for c in claims {
        for t in &c.times {
            let unresolved = t.unresolved_reason().map(str::to_string);
            out.push(TimelineEntry {
                start: t.start.clone(),
                end: t.end.clone(),
                what: "mentioned".into(),
                text: t.text.clone(),
                unresolved,
                article: c.article.clone(),
                claim: Some(c.id.clone()),
                content: Some(c.content_text()),
            });
        }
    }
    // stable: equal dates keep story order, publications before the claims of that day
    out.sort_by(|x, y| match (&x.start, &y.start) {
        (Some(a), Some(b)) => a.cmp(b),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    out
}

impl Report {
    /// Builds the report of an analysis.
    pub fn new(an: &Analysis) -> Report {
        let story = an.story;
        let table = &an.sources;
        let name = |id: &str| {
            table
                .get(id)
                .map_or_else(|| id.to_string(), |s| s.name.clone())
        };
        let mut prop_of = vec![(String::new(), 0.0, String::new()); an.claims.len()];
        for p in &an.assessments {
            for &i in &p.claims {
                prop_of[i] = (p.id.clone(), p.confidence, p.grade.clone());
            }
        }
        let claims: Vec<ClaimInfo> = an
            .claims
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let art = story.articles.iter().find(|a| a.id == c.article);
                let text = art.map_or("", |a| a.text.as_str());
                let conf = attribution_confidence(c, table);
                ClaimInfo {
                    id: c.id.clone(),
                    article: c.article.clone(),
                    paragraph: c.paragraph + 1,
                    evidence: ev(text, c.evidence),
                    content: c.content.iter().map(|s| ev(text, *s)).collect(),
                    quotes: c.quotes.iter().map(|s| ev(text, *s)).collect(),
                    kind: c.kind.label().to_string(),
                    speaker: SpeakerInfo {
                        mention: c.speaker.text.clone(),
                        antecedent: c.speaker.antecedent.map(|s| s.slice(text).to_string()),
                        source: c.speaker.source.clone(),
                        name: if c.speaker.source.starts_with("article:") {
                            "the article's own voice".into()
                        } else {
                            name(&c.speaker.source)
                        },
                        person: c.speaker.person.clone(),
                        rule: c.speaker.rule.map(|r| r.label().to_string()),
                    },
                    via: c.via.iter().map(|v| v.name.clone()).collect(),
                    cue: c.cue.map(|s| s.slice(text).to_string()),
                    stance: c.stance.label().to_string(),
                    hedges: c.hedges.iter().map(|h| h.cue.clone()).collect(),
                    times: c
                        .times
                        .iter()
                        .map(|t| TimeInfo {
                            text: t.text.clone(),
                            anchor: t.anchor.label().to_string(),
                            start: t.start.map(|d| d.to_string()),
                            end: t.end.map(|d| d.to_string()),
                            reason: t.reason.clone(),
                        })
                        .collect(),
                    attribution_confidence: conf.value,
                    attribution_reasons: conf.reasons,
                    proposition: prop_of[i].0.clone(),
                    confidence: prop_of[i].1,
                    grade: prop_of[i].2.clone(),
                    contradicted_by: an
                        .relations
                        .iter()
                        .filter(|r| r.kind == RelationKind::Contradicts)
                        .filter_map(|r| match (r.a == i, r.b == i) {
                            (true, _) => Some(an.claims[r.b].id.clone()),
                            (_, true) => Some(an.claims[r.a].id.clone()),
                            _ => None,
                        })
                        .collect(),
                }
            })
            .collect();
        let cited: Vec<&crate::sources::Source> = table
            .sources
            .iter()
            .filter(|s| {
                !an.graph.claims_of_source(&s.id).is_empty()
                    || !an.graph.claims_reported_via(&s.id).is_empty()
            })
            .collect();
        let sources = cited
            .iter()
            .map(|s| {
                let own = an.graph.claims_of_source(&s.id);
                let mut via: Vec<String> = own
                    .iter()
                    .flat_map(|&i| an.claims[i].via.iter())
                    .filter(|v| v.role == ViaRole::Intermediary)
                    .map(|v| v.name.clone())
                    .collect();
                via.sort();
                via.dedup();
                SourceInfo {
                    id: s.id.clone(),
                    name: s.name.clone(),
                    kind: s.kind.label().to_string(),
                    affiliation: s.affiliation.clone(),
                    reliability: s.reliability.map(|r| r.letter().to_string()),
                    claims: own.len(),
                    passed_on: an.graph.claims_reported_via(&s.id).len(),
                    reported_via: via,
                }
            })
            .collect();
        let relations: Vec<RelationInfo> = an
            .relations
            .iter()
            .map(|r| RelationInfo {
                a: an.claims[r.a].id.clone(),
                b: an.claims[r.b].id.clone(),
                kind: r.kind.label().to_string(),
                score: (r.score * 1000.0).round() / 1000.0,
                reasons: r.reasons.clone(),
                diff: r.diff.clone(),
            })
            .collect();
        let propositions: Vec<PropositionInfo> = an
            .assessments
            .iter()
            .map(|p| PropositionInfo {
                id: p.id.clone(),
                statement: p.statement.clone(),
                stance: p
                    .claims
                    .iter()
                    .map(|&i| &an.claims[i])
                    .find(|c| c.text == p.statement)
                    .map_or("assert", |c| c.stance.label())
                    .to_string(),
                claims: p.claims.iter().map(|&i| an.claims[i].id.clone()).collect(),
                origins: p
                    .origins
                    .iter()
                    .map(|o| match o.strip_prefix("article:") {
                        Some(a) => format!("the article {a}"),
                        None => name(o),
                    })
                    .collect(),
                independent_origins: p.independent_origins.len(),
                contradicted_by: p.contradicted_by.iter().map(|o| name(o)).collect(),
                attribution_confidence: p.attribution_confidence,
                credibility: p.credibility,
                credibility_label: credibility_label(p.credibility).to_string(),
                grade: p.grade.clone(),
                confidence: p.confidence,
                reasons: p.reasons.clone(),
            })
            .collect();
        let summary = Summary {
            articles: story.articles.len(),
            sources: cited.len(),
            claims: claims.len(),
            relations: relations.len(),
            contradictions: an
                .relations
                .iter()
                .filter(|r| r.kind == RelationKind::Contradicts)
                .count(),
            propositions: propositions.len(),
            single_origin: an
                .assessments
                .iter()
                .filter(|p| p.independent_origins.len() == 1)
                .count(),
        };
        let articles: Vec<ArticleInfo> = story
            .articles
            .iter()
            .map(|a| ArticleInfo {
                id: a.id.clone(),
                title: a.title.clone(),
                outlet: a.outlet.clone(),
                url: a.url.clone(),
                published: a.published.map(|d| d.to_string()),
                byline: a.byline.clone(),
                path: a.path.to_string_lossy().replace('\\', "/"),
                claims: an.claims.iter().filter(|c| c.article == a.id).count(),
            })
            .collect();
        Report {
            schema: SCHEMA.to_string(),
            story: StoryInfo {
                id: story.id.clone(),
                title: story.meta.title.clone(),
                description: story.meta.description.clone(),
            },
            summary,

            timeline: timeline(&articles, &claims),
            unresolved: claims
                .iter()
                .filter(|c| c.speaker.rule.is_none() && !c.speaker.source.starts_with("article:"))
                .map(|c| UnresolvedSpeaker {
                    mention: c.speaker.mention.clone(),
                    claim: c.id.clone(),
                    article: c.article.clone(),
                    paragraph: c.paragraph,
                })
                .collect(),
            articles,
            sources,
            claims,
            relations,
            propositions,
            diagnostics: story.diagnostics.iter().map(|d| d.to_string()).collect(),
        }
    }

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
