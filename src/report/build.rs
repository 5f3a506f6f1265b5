//! Building a [`Report`] from an analysis: names for ids, the claims' evidence as text,
//! the sources cited, the propositions, the timeline and the unresolved speakers.

use super::{
    ArticleInfo, ClaimInfo, DisputeInfo, DisputeSide, Evidence, PropositionInfo, RelationInfo,
    RelationKind, Report, SourceInfo, SpeakerId, SpeakerInfo, Stance, StoryInfo, Summary, TimeInfo,
    TimelineEntry, TimelineKind, UnresolvedSpeaker, SCHEMA,
};
use crate::assess::{attribution_confidence, credibility_label, Assessment};
use crate::claims::{Claim, ViaRole};
use crate::corpus::Article;
use crate::link::Relation;
use crate::resolve::SourceTable;
use crate::Analysis;
use rayon::prelude::*;
use std::collections::HashMap;

fn ev(text: &str, s: crate::text::Span) -> Evidence {
    Evidence {
        start: s.start,
        end: s.end,
        text: s.slice(text).to_string(),
    }
}

/// The name of a source as reports show it: the table's name, or the id itself.
fn source_name(table: &SourceTable, id: &SpeakerId) -> String {
    table
        .get(id.as_str())
        .map_or_else(|| id.to_string(), |s| s.name.clone())
}

impl RelationInfo {
    /// The entry of relation `r` between two of `claims`: the claims by id, the score to
    /// three decimals.
    pub fn new(r: &Relation, claims: &[Claim]) -> RelationInfo {
        RelationInfo {
            a: claims[r.a].id.clone(),
            b: claims[r.b].id.clone(),
            kind: r.kind,
            score: (r.score * 1000.0).round() / 1000.0,
            reasons: r.reasons.clone(),
            diff: r.diff.clone(),
        }
    }
}

impl PropositionInfo {
    /// The entry of proposition `p` among `claims`, its sources named from `table`.
    pub fn new(p: &Assessment, claims: &[Claim], table: &SourceTable) -> PropositionInfo {
        PropositionInfo {
            id: p.id.clone(),
            statement: p.statement.clone(),
            stance: p
                .claims
                .iter()
                .map(|&i| &claims[i])
                .find(|c| c.text == p.statement)
                .map_or(Stance::Assert, |c| c.stance),
            claims: p.claims.iter().map(|&i| claims[i].id.clone()).collect(),
            origins: p
                .origins
                .iter()
                .map(|o| match o.voice_of() {
                    Some(a) => format!("the article {a}"),
                    None => source_name(table, o),
                })
                .collect(),
            independent_origins: p.independent_origins.len(),
            contradicted_by: p
                .contradicted_by
                .iter()
                .map(|o| source_name(table, o))
                .collect(),
            attribution_confidence: p.attribution_confidence,
            credibility: p.credibility,
            credibility_label: credibility_label(p.credibility).to_string(),
            grade: p.grade.clone(),
            confidence: p.confidence,
            reasons: p.reasons.clone(),
        }
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
            what: TimelineKind::Published,
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
                what: TimelineKind::Mentioned,
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
        let name = |id: &SpeakerId| source_name(table, id);
        let mut prop_of = vec![(String::new(), 0.0, String::new()); an.claims.len()];
        for p in &an.assessments {
            for &i in &p.claims {
                prop_of[i] = (p.id.clone(), p.confidence, p.grade.clone());
            }
        }
        // the articles by id (the first of an id) and the contradictions of each claim, in
        // the relations' order: looked up, not searched, claim by claim
        let mut article_of: HashMap<&str, &Article> = HashMap::new();
        for a in &story.articles {
            article_of.entry(a.id.as_str()).or_insert(a);
        }
        let mut contradicted_by: Vec<Vec<String>> = vec![Vec::new(); an.claims.len()];
        for r in an
            .relations
            .iter()
            .filter(|r| r.kind == RelationKind::Contradicts)
        {
            contradicted_by[r.a].push(an.claims[r.b].id.clone());
            if r.b != r.a {
                contradicted_by[r.b].push(an.claims[r.a].id.clone());
            }
        }
        // each claim's entry alone, on rayon's threads, in the claims' order
        let claims: Vec<ClaimInfo> = an
            .claims
            .par_iter()
            .zip(contradicted_by.into_par_iter())
            .enumerate()
            .map(|(i, (c, contradicted_by))| {
                let art = article_of.get(c.article.as_str());
                let text = art.map_or("", |a| a.text.as_str());
                let conf = an
                    .confidences
                    .get(i)
                    .cloned()
                    .unwrap_or_else(|| attribution_confidence(c, table));
                ClaimInfo {
                    id: c.id.clone(),
                    article: c.article.clone(),
                    paragraph: c.paragraph + 1,
                    evidence: ev(text, c.evidence),
                    content: c.content.iter().map(|s| ev(text, *s)).collect(),
                    quotes: c.quotes.iter().map(|s| ev(text, *s)).collect(),
                    kind: c.kind,
                    speaker: SpeakerInfo {
                        mention: c.speaker.text.clone(),
                        antecedent: c.speaker.antecedent.map(|s| s.slice(text).to_string()),
                        source: c.speaker.source.clone(),
                        name: if c.speaker.source.is_article_voice() {
                            "the article's own voice".into()
                        } else {
                            name(&c.speaker.source)
                        },
                        person: c.speaker.person.clone(),
                        rule: c.speaker.rule,
                    },
                    via: c.via.iter().map(|v| v.name.clone()).collect(),
                    cue: c.cue.map(|s| s.slice(text).to_string()),
                    stance: c.stance,
                    hedges: c.hedges.iter().map(|h| h.cue.clone()).collect(),
                    times: c
                        .times
                        .iter()
                        .map(|t| TimeInfo {
                            text: t.text.clone(),
                            anchor: t.anchor,
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
                    contradicted_by,
                }
            })
            .collect();
        let cited: Vec<&crate::sources::Source> = table
            .sources()
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
                    kind: s.kind,
                    affiliation: s.affiliation.clone(),
                    reliability: s.reliability,
                    claims: own.len(),
                    passed_on: an.graph.claims_reported_via(&s.id).len(),
                    reported_via: via,
                }
            })
            .collect();
        let relations: Vec<RelationInfo> = an
            .relations
            .iter()
            .map(|r| RelationInfo::new(r, &an.claims))
            .collect();
        let propositions: Vec<PropositionInfo> = an
            .assessments
            .iter()
            .map(|p| PropositionInfo::new(p, &an.claims, table))
            .collect();
        let disputes: Vec<DisputeInfo> =
            crate::assess::disputes(&an.claims, &an.relations, &an.assessments)
                .into_iter()
                .map(|d| DisputeInfo {
                    id: d.id,
                    question: d.question,
                    contradictions: d.contradictions.len(),
                    sides: d
                        .sides
                        .iter()
                        .map(|s| {
                            let p = &propositions[s.proposition];
                            let mut sources: Vec<String> = Vec::new();
                            let mut claims: Vec<String> = Vec::new();
                            for &q in &s.propositions {
                                for o in &propositions[q].origins {
                                    if !sources.contains(o) {
                                        sources.push(o.clone());
                                    }
                                }
                                claims.extend(propositions[q].claims.iter().cloned());
                            }
                            DisputeSide {
                                answer: s.answer.clone(),
                                proposition: p.id.clone(),
                                statement: p.statement.clone(),
                                sources,
                                independent_origins: p.independent_origins,
                                claims,
                            }
                        })
                        .collect(),
                })
                .collect();
        let summary = Summary {
            disputes: disputes.len(),
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
        // claims per article, counted in one pass
        let mut per_article: HashMap<&str, usize> = HashMap::new();
        for c in &an.claims {
            *per_article.entry(c.article.as_str()).or_default() += 1;
        }
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
                claims: per_article.get(a.id.as_str()).copied().unwrap_or(0),
                fetched_from: a.fetched.as_ref().map(|f| f.url.clone()),
                fetched_at: a.fetched.as_ref().map(|f| f.at.clone()),
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
                .filter(|c| c.speaker.rule.is_none() && !c.speaker.source.is_article_voice())
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
            disputes,
            diagnostics: story.diagnostics.iter().map(|d| d.to_string()).collect(),
        }
    }
}
