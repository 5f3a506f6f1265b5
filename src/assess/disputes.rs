//! Disputes: the propositions that give opposing answers to one question ("Who destroyed
//! the dam? Russia — …; Ukraine — …"), found from the contradictions between their claims.

use super::Assessment;
use crate::claims::Claim;
use crate::link::{Relation, RelationKind};
use std::collections::{BTreeMap, BTreeSet};

/// One answer in a dispute: a proposition and who stands behind it.
#[derive(Clone, Debug, PartialEq)]
pub struct Side {
    /// Index of the proposition in the assessments: the best supported of the side's.
    pub proposition: usize,
    /// Every proposition of the side (the same independent origins give one side),
    /// `proposition` first.
    pub propositions: Vec<usize>,
    /// The answer in words: the party the side names as agent, else its statement.
    pub answer: String,
}

/// Opposing propositions that answer one question.
#[derive(Clone, Debug, PartialEq)]
pub struct Dispute {
    /// Stable id: `d:` and the id of its largest side's proposition.
    pub id: String,
    /// The question in words.
    pub question: String,
    /// The answers, the best supported first.
    pub sides: Vec<Side>,
    /// The contradictions between the sides (indices into the relations).
    pub contradictions: Vec<usize>,
}

/// At most this many sides in one dispute: the rest are the least supported.
const MAX_SIDES: usize = 6;

/// The most common value among some claims' assertions, if any.
fn most_common<'a>(values: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let mut n: BTreeMap<&str, usize> = BTreeMap::new();
    for v in values {
        *n.entry(v).or_default() += 1;
    }
    n.into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
        .map(|(v, _)| v)
}

/// Finds the disputes: propositions joined by contradictions between their claims (each
/// group of propositions so joined is one dispute), with the question the contradicting
/// claims answer and each side's answer.
pub fn disputes(
    claims: &[Claim],
    relations: &[Relation],
    assessments: &[Assessment],
) -> Vec<Dispute> {
    let mut prop_of = vec![usize::MAX; claims.len()];
    for (p, a) in assessments.iter().enumerate() {
        for &c in &a.claims {
            prop_of[c] = p;
        }
    }
    // union-find over the propositions, joined by contradictions
    let mut parent: Vec<usize> = (0..assessments.len()).collect();
    fn find(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut between: Vec<usize> = Vec::new();
    for (k, r) in relations.iter().enumerate() {
        if r.kind != RelationKind::Contradicts {
            continue;
        }
        let (p, q) = (prop_of[r.a], prop_of[r.b]);
        if p == usize::MAX || q == usize::MAX || p == q {
            continue;
        }
        between.push(k);
        let (x, y) = (find(&mut parent, p), find(&mut parent, q));
        if x != y {
            parent[x.max(y)] = x.min(y);
        }
    }
    let mut groups: BTreeMap<usize, (BTreeSet<usize>, Vec<usize>)> = BTreeMap::new();
    for &k in &between {
        let r = &relations[k];
        let root = find(&mut parent, prop_of[r.a]);
        let g = groups.entry(root).or_default();
        g.0.insert(prop_of[r.a]);
        g.0.insert(prop_of[r.b]);
        g.1.push(k);
    }
    let mut out = Vec::new();
    for (_, (props, contradictions)) in groups {
        let mut props: Vec<usize> = props.into_iter().collect();
        // best supported first: independent origins, then claims, then story order
        props.sort_by(|&x, &y| {
            let (a, b) = (&assessments[x], &assessments[y]);
            b.independent_origins
                .len()
                .cmp(&a.independent_origins.len())
                .then(b.claims.len().cmp(&a.claims.len()))
                .then(x.cmp(&y))
        });
        // propositions resting on the same independent origins are one side
        let mut sided: Vec<Vec<usize>> = Vec::new();
        for p in props {
            let key = &assessments[p].independent_origins;
            match sided
                .iter_mut()
                .find(|g| &assessments[g[0]].independent_origins == key)
            {
                Some(g) => g.push(p),
                None => sided.push(vec![p]),
            }
        }
        if sided.len() < 2 {
            continue;
        }
        sided.truncate(MAX_SIDES);
        let props: Vec<usize> = sided.iter().map(|g| g[0]).collect();
        let touched: Vec<&Claim> = contradictions
            .iter()
            .flat_map(|&k| [&claims[relations[k].a], &claims[relations[k].b]])
            .collect();
        let class = most_common(
            touched
                .iter()
                .filter_map(|c| c.assertion.class().map(|k| k.label())),
        );
        let culprit = touched
            .iter()
            .filter_map(|c| c.assertion.class())
            .any(|k| k.has_culprit())
            && touched.iter().any(|c| c.assertion.agent.is_some());
        let theme = most_common(
            touched
                .iter()
                .flat_map(|c| c.assertion.theme.iter().map(String::as_str)),
        );
        let first = &assessments[props[0]];
        let question = match (culprit, class) {
            (true, Some(class)) => format!(
                "Who is said to {class}{}?",
                theme.map(|t| format!(" ({t})")).unwrap_or_default()
            ),
            (false, Some(class)) if touched.iter().any(|c| !c.assertion.quantities.is_empty()) => {
                format!("How many: {class}?")
            }
            _ => format!("Is it so that {}?", first.statement.trim_end_matches('.')),
        };
        let sides = sided
            .iter()
            .map(|g| {
                let p = g[0];
                let a = &assessments[p];
                let agent = most_common(
                    a.claims
                        .iter()
                        .filter_map(|&c| claims[c].assertion.agent.as_ref())
                        .map(|x| x.id.as_str()),
                );
                let negative = a.claims.iter().all(|&c| claims[c].assertion.negative);
                let answer = match (culprit, agent) {
                    (true, Some(agent)) if negative => format!("not {agent}"),
                    (true, Some(agent)) => agent.to_string(),
                    _ => a.statement.clone(),
                };
                Side {
                    proposition: p,
                    propositions: g.clone(),
                    answer,
                }
            })
            .collect();
        out.push(Dispute {
            id: format!("d:{}", first.id.trim_start_matches("p:")),
            question,
            sides,
            contradictions,
        });
    }
    out.sort_by(|a, b| b.sides.len().cmp(&a.sides.len()).then(a.id.cmp(&b.id)));
    out
}
