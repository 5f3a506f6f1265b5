//! Reports: everything a renderer needs, serialisable, and the renderers.

pub mod html;
pub mod markdown;

use crate::assess::{attribution_confidence, credibility_label};
use crate::claims::ViaRole;
use crate::link::RelationKind;
use crate::Analysis;
use serde::{Deserialize, Serialize};

/// The schema version of [`Report`]; bumped whenever a field changes meaning or goes.
pub const SCHEMA: &str = "claimgraph.report/1";

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
    /// Problems met loading the story, one line each.
    pub diagnostics: Vec<String>,
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
}

/// A proposition as reports show it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PropositionInfo {
    /// Stable id.
    pub id: String,
    /// The proposition in words.
    pub statement: String,
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

fn ev(text: &str, s: crate::text::Span) -> Evidence {
    Evidence {
        start: s.start,
        end: s.end,
        text: s.slice(text).to_string(),
    }
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
        let mut prop_of = vec![String::new(); an.claims.len()];
        for p in &an.assessments {
            for &i in &p.claims {
                prop_of[i] = p.id.clone();
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
                        })
                        .collect(),
                    attribution_confidence: conf.value,
                    attribution_reasons: conf.reasons,
                    proposition: prop_of[i].clone(),
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
            })
            .collect();
        let propositions: Vec<PropositionInfo> = an
            .assessments
            .iter()
            .map(|p| PropositionInfo {
                id: p.id.clone(),
                statement: p.statement.clone(),
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
        Report {
            schema: SCHEMA.to_string(),
            story: StoryInfo {
                id: story.id.clone(),
                title: story.meta.title.clone(),
                description: story.meta.description.clone(),
            },
            summary,
            articles: story
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
                .collect(),
            sources,
            claims,
            relations,
            propositions,
            diagnostics: story.diagnostics.iter().map(|d| d.to_string()).collect(),
        }
    }

    /// The report as pretty-printed JSON.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self)
            .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
        s.push('\n');
        s
    }
}
