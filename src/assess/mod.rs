//! Assessment: propositions (clusters of agreeing claims), their origins and independence,
//! credibility on the Admiralty scale and a 0–1 confidence, with the reasons in words.

pub mod disputes;
mod groups;

pub use crate::weights::assess as weights;
pub use disputes::{disputes, Dispute, Side};

use crate::attribution::{AttributionKind, Stance};
use crate::claims::Claim;
use crate::link::{Relation, RelationKind};
use crate::resolve::{MatchRule, SourceTable, ViaRole};
use crate::sources::{SourceKind, SpeakerId};
use groups::proposition_groups;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// How sure we are that the speaker said it, with the reasons.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AttributionConfidence {
    /// 0 to 1.
    pub value: f64,
    /// Why, in words.
    pub reasons: Vec<String>,
}

/// The assessment of one proposition: a cluster of claims that say the same thing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    /// Stable id: the id of the proposition's first claim, prefixed `p:`.
    pub id: String,
    /// The claims, by index, in story order.
    pub claims: Vec<usize>,
    /// The proposition in words (its first claim's content).
    pub statement: String,
    /// The origin sources (ids) after collapsing via chains, sorted.
    pub origins: Vec<SpeakerId>,
    /// The independent origins: one per affiliation, sorted.
    pub independent_origins: Vec<String>,
    /// The sources of claims that contradict it (ids), sorted.
    pub contradicted_by: Vec<SpeakerId>,
    /// The best attribution confidence among its claims.
    pub attribution_confidence: f64,
    /// Credibility, Admiralty 1 (confirmed) to 6 (cannot be judged).
    pub credibility: u8,
    /// The grade as shown: the reliability letter of the single origin, when the registry
    /// gives one, then the credibility digit ("B2"); the digit alone otherwise.
    pub grade: String,
    /// Overall confidence, 0 to 1.
    pub confidence: f64,
    /// The reasons, in plain words.
    pub reasons: Vec<String>,
}

/// Words for the Admiralty credibility digits.
pub fn credibility_label(c: u8) -> &'static str {
    match c {
        1 => "confirmed by independent sources",
        2 => "probably true",
        3 => "possibly true",
        4 => "doubtful",
        5 => "improbable",
        _ => "cannot be judged",
    }
}

/// How sure we are that the claim's speaker said it.
pub fn attribution_confidence(c: &Claim, table: &SourceTable) -> AttributionConfidence {
    use weights::*;
    let mut reasons = Vec::new();
    let mut v = match c.kind {
        AttributionKind::Direct => DIRECT,
        AttributionKind::Mixed => MIXED,
        AttributionKind::Indirect => INDIRECT,
        AttributionKind::AccordingTo => ACCORDING_TO,
        AttributionKind::Author => AUTHOR,
    };
    reasons.push(format!("{} ({v:.2})", c.kind.label()));
    let kind = table.get(c.speaker.source.as_str()).map(|s| s.kind);
    match (kind, c.speaker.rule) {
        (Some(SourceKind::Anonymous), _) => {
            v *= ANONYMOUS;
            reasons.push(format!("anonymous speaker (×{ANONYMOUS})"));
        }
        (_, None) if c.kind != AttributionKind::Author => {
            v *= UNRESOLVED;
            reasons.push(format!("speaker not identified (×{UNRESOLVED})"));
        }
        (_, Some(MatchRule::Fuzzy)) => {
            v *= FUZZY;
            reasons.push(format!("speaker matched by spelling only (×{FUZZY})"));
        }
        _ => {}
    }
    if c.speaker.antecedent.is_some() {
        v *= COREFERENCE;
        reasons.push(format!(
            "speaker named earlier in the text, not in the sentence (×{COREFERENCE})"
        ));
    }
    if let Some(h) = c.hedges.iter().find(|h| {
        matches!(
            h.cue.as_str(),
            "reportedly" | "allegedly" | "purportedly" | "supposedly"
        )
    }) {
        v *= REPORTEDLY;
        reasons.push(format!(
            "“{}”: the article did not hear it first-hand (×{REPORTEDLY})",
            h.cue
        ));
    }
    if c.via
        .iter()
        .any(|l| l.role == ViaRole::Intermediary && l.source.is_some())
    {
        v = (v * NAMED_INTERMEDIARY).min(1.0);
        reasons.push(format!(
            "passed on by a named outlet (×{NAMED_INTERMEDIARY})"
        ));
    }
    AttributionConfidence {
        value: round3(v),
        reasons,
    }
}

fn round3(v: f64) -> f64 {
    (v * 1000.0).round() / 1000.0
}

/// Sources that cite one another in a circle among a proposition's claims: each claim's
/// chain says who passed it on to whom (origin, intermediaries, then the outlet of the
/// article), and a circle ("the Gazette, citing the Courier" beside "the Courier, citing
/// the Gazette") means neither shows where the claim began. Each circle is returned as
/// its sorted source ids.
fn citation_circles(g: &[usize], claims: &[Claim]) -> Vec<Vec<SpeakerId>> {
    let mut graph: petgraph::graphmap::DiGraphMap<&SpeakerId, ()> =
        petgraph::graphmap::DiGraphMap::new();
    for &i in g {
        let ids: Vec<&SpeakerId> = claims[i]
            .via
            .iter()
            .filter_map(|v| v.source.as_ref())
            .collect();
        for w in ids.windows(2) {
            if w[0] != w[1] {
                // the later link cites the earlier one
                graph.add_edge(w[1], w[0], ());
            }
        }
    }
    let mut circles: Vec<Vec<SpeakerId>> = petgraph::algo::tarjan_scc(&graph)
        .into_iter()
        .filter(|c| c.len() > 1)
        .map(|c| {
            let mut c: Vec<SpeakerId> = c.into_iter().cloned().collect();
            c.sort();
            c
        })
        .collect();
    circles.sort();
    circles
}

fn names(ids: &[SpeakerId], table: &SourceTable) -> String {
    let ns: Vec<String> = ids
        .iter()
        .map(|i| match i.voice_of() {
            Some(a) => format!("the article {a}"),
            None => table
                .get(i.as_str())
                .map_or_else(|| i.to_string(), |s| s.name.clone()),
        })
        .collect();
    match ns.len() {
        0 => String::new(),
        1 => ns[0].clone(),
        _ => format!("{} and {}", ns[..ns.len() - 1].join(", "), ns[ns.len() - 1]),
    }
}

/// "told once", "told twice", "told 3 times".
fn times(n: usize) -> String {
    match n {
        1 => "told once".into(),
        2 => "told twice".into(),
        n => format!("told {n} times"),
    }
}

/// The claim whose words state a proposition best: one that does not open with a pronoun,
/// then the most confidently attributed, then the first.
fn statement_claim(g: &[usize], claims: &[Claim], conf: &[AttributionConfidence]) -> usize {
    let opens_with_pronoun = |i: usize| {
        let first = claims[i]
            .text
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_lowercase();
        matches!(
            first.as_str(),
            "he" | "she" | "it" | "they" | "them" | "him" | "her" | "this" | "these"
        )
    };
    let mut best = g[0];
    for &i in g {
        let key = |k: usize| (!opens_with_pronoun(k), conf[k].value);
        if key(i) > key(best) {
            best = i;
        }
    }
    best
}

/// Groups agreeing claims into propositions and assesses each.
pub fn assess(claims: &[Claim], relations: &[Relation], table: &SourceTable) -> Vec<Assessment> {
    let conf = attribution_confidences(claims, table);
    assess_with(claims, relations, table, &conf)
}

/// The attribution confidence of each claim, in the claims' order.
pub fn attribution_confidences(
    claims: &[Claim],
    table: &SourceTable,
) -> Vec<AttributionConfidence> {
    claims
        .iter()
        .map(|c| attribution_confidence(c, table))
        .collect()
}

/// [`assess`] with the claims' attribution confidences already computed
/// ([`attribution_confidences`]).
pub fn assess_with(
    claims: &[Claim],
    relations: &[Relation],
    table: &SourceTable,
    conf: &[AttributionConfidence],
) -> Vec<Assessment> {
    let groups = proposition_groups(claims, relations);
    // the origins that contradict each group from outside it, found in one pass over the
    // contradictions
    let mut group_of = vec![0usize; claims.len()];
    for (gi, g) in groups.iter().enumerate() {
        for &i in g {
            group_of[i] = gi;
        }
    }
    let mut against_of: Vec<BTreeSet<SpeakerId>> = vec![BTreeSet::new(); groups.len()];
    for r in relations
        .iter()
        .filter(|r| r.kind == RelationKind::Contradicts)
    {
        let (ga, gb) = (group_of[r.a], group_of[r.b]);
        if ga != gb {
            against_of[ga].insert(claims[r.b].speaker.source.clone());
            against_of[gb].insert(claims[r.a].speaker.source.clone());
        }
    }
    let mut out = Vec::new();
    for (gi, g) in groups.into_iter().enumerate() {
        let origins: BTreeSet<SpeakerId> = g
            .iter()
            .map(|&i| claims[i].speaker.source.clone())
            .collect();
        let origins: Vec<SpeakerId> = origins.into_iter().collect();
        // an article's own voice next to a sourced claim in the same article is that
        // article retelling its source, not a second origin
        let retold = |o: &SpeakerId| {
            o.voice_of().is_some_and(|art| {
                g.iter().any(|&i| {
                    claims[i].article == art && !claims[i].speaker.source.is_article_voice()
                })
            })
        };
        // an unidentified speaker cannot be shown to be independent of the named origins
        // beside it: it may be one of them ("The post reads: ...")
        let named = |o: &SpeakerId| {
            !o.is_article_voice()
                && table
                    .get(o.as_str())
                    .is_some_and(|s| !matches!(s.kind, SourceKind::Unknown | SourceKind::Anonymous))
        };
        let any_named = origins.iter().any(named);
        let unverifiable: Vec<SpeakerId> = origins
            .iter()
            .filter(|o| any_named && !named(o) && !retold(o))
            .cloned()
            .collect();
        // the party a proposition blames does not corroborate the blame: its claim among
        // the accusers tells of the accusation ("by saying it is highly likely Moscow
        // ordered it"), unless it is the only origin
        let blamed: BTreeSet<&str> = g
            .iter()
            .filter_map(|&i| {
                let a = &claims[i].assertion;
                let culprit = a.class().is_some_and(|c| c.has_culprit()) && !a.negative;
                culprit.then_some(a.agent.as_ref()?.id.as_str())
            })
            .collect();
        let self_blamed: Vec<SpeakerId> = origins
            .iter()
            .filter(|o| {
                let party = table
                    .get(o.as_str())
                    .map_or(o.as_str(), |s| s.independence_key());
                blamed.contains(party)
            })
            .cloned()
            .collect();
        let self_blamed = if self_blamed.len() < origins.len() {
            self_blamed
        } else {
            Vec::new()
        };
        let left_out =
            |o: &SpeakerId| retold(o) || unverifiable.contains(o) || self_blamed.contains(o);
        let circles = citation_circles(&g, claims);
        let circle_of = |o: &SpeakerId| circles.iter().find(|c| c.contains(o));
        let independent: BTreeSet<String> = origins
            .iter()
            .filter(|o| !left_out(o))
            .map(|o| match circle_of(o) {
                Some(c) => format!("{}, which cite one another", names(c, table)),
                None => table
                    .get(o.as_str())
                    .map_or(o.as_str(), |s| s.independence_key())
                    .to_string(),
            })
            .collect();
        let independent: Vec<String> = independent.into_iter().collect();
        let against: Vec<SpeakerId> = std::mem::take(&mut against_of[gi]).into_iter().collect();
        let against_keys: BTreeSet<&str> = against
            .iter()
            .map(|o| {
                table
                    .get(o.as_str())
                    .map_or(o.as_str(), |s| s.independence_key())
            })
            .collect();
        let independent_against = against_keys
            .iter()
            .filter(|k| !independent.iter().any(|i| i == *k))
            .count();
        let attribution = g.iter().map(|&i| conf[i].value).fold(0.0, f64::max);
        let mut reasons = Vec::new();
        let tellings = g.len();
        let all_unknown = origins.iter().all(|o| {
            o.is_article_voice()
                || table
                    .get(o.as_str())
                    .is_none_or(|s| matches!(s.kind, SourceKind::Unknown | SourceKind::Anonymous))
        });
        let undecided = g
            .iter()
            .all(|&i| matches!(claims[i].stance, Stance::RefuseToConfirm | Stance::Question));
        let hedged = g.iter().all(|&i| {
            claims[i].hedges.iter().any(|h| {
                !matches!(
                    h.cue.as_str(),
                    "reportedly" | "allegedly" | "purportedly" | "supposedly"
                )
            })
        });
        let through: BTreeSet<String> = g
            .iter()
            .flat_map(|&i| {
                claims[i]
                    .via
                    .iter()
                    .filter(|v| v.role == ViaRole::Intermediary)
                    .map(|v| v.name.clone())
            })
            .collect();
        let relayed = g
            .iter()
            .filter(|&&i| {
                claims[i]
                    .via
                    .iter()
                    .any(|v| v.role == ViaRole::Intermediary)
            })
            .count();
        let mut told = times(tellings);
        if relayed > 0 {
            let names: Vec<String> = through.into_iter().collect();
            let via = names.join(" and ");
            if relayed == tellings {
                told.push_str(&format!(", through {via}"));
            } else if relayed == 1 {
                told.push_str(&format!(" (once through {via})"));
            } else {
                told.push_str(&format!(" ({relayed} of them through {via})"));
            }
        }
        // affiliated origins, by affiliation, named
        let mut by_affiliation: std::collections::BTreeMap<&str, Vec<SpeakerId>> =
            std::collections::BTreeMap::new();
        for o in origins.iter().filter(|o| !retold(o)) {
            if let Some(aff) = table.get(o.as_str()).and_then(|s| s.affiliation.as_deref()) {
                by_affiliation.entry(aff).or_default().push(o.clone());
            }
        }
        if independent.len() == 1 {
            let only = origins
                .iter()
                .filter(|o| !left_out(o))
                .cloned()
                .collect::<Vec<_>>();
            if only.len() == 1 {
                reasons.push(format!(
                    "rests on one origin, {}, {told}",
                    names(&only, table)
                ));
            } else if circles.is_empty() {
                reasons.push(format!(
                    "rests on one origin, {} ({}), {told}",
                    independent[0],
                    names(&only, table)
                ));
            } else {
                reasons.push(format!("rests on one origin, {}, {told}", independent[0]));
            }
        } else if independent.len() < origins.len() {
            reasons.push(format!(
                "{} origins ({}) but only {} independent, {told}",
                origins.len(),
                names(&origins, table),
                independent.len()
            ));
        } else {
            reasons.push(format!(
                "{} independent origins: {}, {told}",
                independent.len(),
                names(&origins, table)
            ));
        }
        for (aff, members) in &by_affiliation {
            if members.len() > 1 {
                reasons.push(format!(
                    "{} are all {aff}: they count as one origin",
                    names(members, table)
                ));
            }
        }
        if !self_blamed.is_empty() {
            reasons.push(format!(
                "{} {} for the party blamed: {} telling of the blame is no corroboration",
                names(&self_blamed, table),
                if self_blamed.len() == 1 {
                    "speaks"
                } else {
                    "speak"
                },
                if self_blamed.len() == 1 {
                    "its"
                } else {
                    "their"
                }
            ));
        }
        if !unverifiable.is_empty() {
            reasons.push(format!(
                "{} cannot be shown to be independent of the named origins",
                names(&unverifiable, table)
            ));
        }
        let mut circular_only = !circles.is_empty();
        for c in &circles {
            let cites: Vec<String> = g
                .iter()
                .flat_map(|&i| {
                    let ids: Vec<&SpeakerId> = claims[i]
                        .via
                        .iter()
                        .filter_map(|v| v.source.as_ref())
                        .collect();
                    ids.windows(2)
                        .filter(|w| w[0] != w[1] && c.contains(w[0]) && c.contains(w[1]))
                        .map(|w| {
                            format!(
                                "{} cites {}",
                                names(&[w[1].clone()], table),
                                names(&[w[0].clone()], table)
                            )
                        })
                        .collect::<Vec<_>>()
                })
                .collect::<BTreeSet<String>>()
                .into_iter()
                .collect();
            reasons.push(format!(
                "circular reporting: {}; they count as one origin, and none of them shows where the claim began",
                cites.join(", ")
            ));
        }
        for o in origins.iter().filter(|o| !left_out(o)) {
            if circle_of(o).is_none() {
                circular_only = false;
            }
        }
        let mut credibility = if undecided {
            reasons.push("the speaker neither confirms nor denies it".into());
            6
        } else if circular_only {
            reasons.push("no origin outside the circle stands behind it".into());
            6
        } else if all_unknown {
            reasons.push("no identified source stands behind it".into());
            6
        } else if independent_against > 0 {
            reasons.push(format!("contradicted by {}", names(&against, table)));
            match independent_against.cmp(&independent.len()) {
                std::cmp::Ordering::Greater => 5,
                std::cmp::Ordering::Equal => 4,
                std::cmp::Ordering::Less => 3,
            }
        } else {
            match independent.len() {
                n if n >= weights::CONFIRMED_ORIGINS => 1,
                2 => 2,
                _ => 3,
            }
        };
        // a source that is an origin of the proposition and contradicts one of its
        // claims: the claims grouped here may not all say the same thing
        let (own, affiliated): (Vec<SpeakerId>, Vec<SpeakerId>) =
            against.iter().cloned().partition(|o| origins.contains(o));
        if !own.is_empty() {
            reasons.push(format!(
                "{} also contradicts one of these claims: they may not all say the same thing",
                names(&own, table)
            ));
        }
        if !affiliated.is_empty() && independent_against == 0 {
            reasons.push(format!(
                "disputed only by affiliated sources ({})",
                names(&affiliated, table)
            ));
        }
        if hedged && credibility < 6 {
            reasons.push("hedged in every telling".into());
            credibility = credibility.max(3);
        }
        let letter = (origins.len() == 1)
            .then(|| table.get(origins[0].as_str()).and_then(|s| s.reliability))
            .flatten();
        let grade = match letter {
            Some(l) => format!("{}{credibility}", l.letter()),
            None => credibility.to_string(),
        };
        let mut confidence = attribution * weights::credibility_factor(credibility);
        if hedged {
            confidence *= weights::HEDGED;
        }
        reasons.push(format!(
            "credibility {credibility} ({}); attribution confidence {attribution:.2}",
            credibility_label(credibility)
        ));
        out.push(Assessment {
            id: format!("p:{}", claims[g[0]].id),
            statement: claims[statement_claim(&g, claims, conf)].text.clone(),
            claims: g,
            origins,
            independent_origins: independent,
            contradicted_by: against,
            attribution_confidence: attribution,
            credibility,
            grade,
            confidence: round3(confidence),
            reasons,
        });
    }
    out.sort_by(|a, b| {
        b.confidence
            .total_cmp(&a.confidence)
            .then_with(|| a.claims[0].cmp(&b.claims[0]))
    });
    out
}

#[cfg(test)]
mod tests;
