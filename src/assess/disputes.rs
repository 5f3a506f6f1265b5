//! Disputes: the propositions that give opposing answers to one question ("Who destroyed
//! the dam? Russia — …; Ukraine — …"), found from the contradictions between their claims.

use super::Assessment;
use crate::attribution::Stance;
use crate::claims::predicates::PredicateClass;
use crate::claims::Claim;
use crate::link::{Relation, RelationKind};
use crate::text::tokens::{is_function_word, normalize_word, stem as stem_of, words};
use crate::text::Span;
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

/// The most common class among some claims' predicates, if any (the first in the
/// classes' order on a tie).
fn most_common_class(classes: impl Iterator<Item = PredicateClass>) -> Option<PredicateClass> {
    let mut n: BTreeMap<PredicateClass, usize> = BTreeMap::new();
    for c in classes {
        *n.entry(c).or_default() += 1;
    }
    n.into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(c, _)| c)
}

/// The theme word most of the claims name, as written (lower case unless a name): the
/// "dam" of "Who destroyed the dam?". Numbers and words of one letter or two are left out.
fn theme_word(claims: &[&Claim]) -> Option<String> {
    let stem = most_common(
        claims
            .iter()
            .flat_map(|c| c.assertion.theme.iter().map(String::as_str))
            .filter(|t| t.chars().all(char::is_alphabetic)),
    )?;
    claims.iter().find_map(|c| {
        words(&c.text, Span::new(0, c.text.len()))
            .into_iter()
            .find(|w| stem_of(&normalize_word(w.text)) == stem)
            .map(|w| {
                if w.text.chars().skip(1).any(char::is_uppercase) || is_name(w.text) {
                    w.text.to_string()
                } else {
                    w.text.to_lowercase()
                }
            })
    })
}

/// True for a word written with a capital that is not the first of its sentence: a name.
fn is_name(word: &str) -> bool {
    word.starts_with(|c: char| c.is_uppercase())
}

/// The place most of the claims name ("in Salisbury"), if any.
fn place<'a>(claims: &[&'a Claim]) -> Option<&'a str> {
    most_common(claims.iter().filter_map(|c| c.assertion.place.as_deref()))
}

/// The deed a claim of responsibility is about, as a noun: the most common class among
/// the other predicates the claims name ("responsible for the attack").
fn deed(claims: &[&Claim]) -> Option<&'static str> {
    let class = most_common_class(
        claims
            .iter()
            .flat_map(|c| c.assertion.events.iter().copied())
            .filter(|k| *k != PredicateClass::Responsible),
    )?;
    Some(match class {
        PredicateClass::Destroy => "destruction",
        PredicateClass::Attack => "attack",
        PredicateClass::Kill => "killings",
        PredicateClass::Poison => "poisoning",
        PredicateClass::Crash => "crash",
        PredicateClass::Leak => "leak",
        PredicateClass::Injure => "injuries",
        PredicateClass::Warn => "warning",
        PredicateClass::Cause => "events",
        PredicateClass::Originate => "outbreak",
        PredicateClass::Evidence | PredicateClass::Responsible => return None,
    })
}

/// The question the contradicting claims answer, as a reporter would put it: "Who
/// destroyed the dam?", "Who was behind the attack in Salisbury?", "How many were
/// killed?", "Was the warning well founded?", else "Is it true that …?" with the best
/// supported side's statement.
fn question(
    touched: &[&Claim],
    class: Option<PredicateClass>,
    culprit: bool,
    statement: &str,
) -> String {
    let theme = theme_word(touched);
    let the = |t: &Option<String>| t.as_ref().map(|t| format!(" the {t}"));
    let at = place(touched)
        .map(|p| format!(" in {p}"))
        .unwrap_or_default();
    let measured = touched.iter().any(|c| !c.assertion.quantities.is_empty());
    let counted = touched.iter().any(|c| {
        c.assertion
            .quantities
            .iter()
            .any(|q| q.unit == "count" && q.of_predicate)
    });
    let q = match (class, culprit) {
        (Some(PredicateClass::Destroy), true) => {
            format!("Who destroyed{}{at}?", the(&theme).unwrap_or(" it".into()))
        }
        (Some(PredicateClass::Attack), true) => match the(&theme) {
            Some(t) => format!("Who struck{t}{at}?"),
            None => format!("Who carried out the attack{at}?"),
        },
        (Some(PredicateClass::Responsible), true) => match deed(touched) {
            Some(d) => format!("Who was behind the {d}{at}?"),
            None => format!(
                "Who was responsible{}{at}?",
                the(&theme).map(|t| format!(" for{t}")).unwrap_or_default()
            ),
        },
        (Some(PredicateClass::Kill), true) => format!("Who killed them{at}?"),
        (Some(PredicateClass::Poison), true) => format!("Who carried out the poisoning{at}?"),
        (Some(PredicateClass::Cause), true) => {
            format!("What caused{}{at}?", the(&theme).unwrap_or(" it".into()))
        }
        (Some(PredicateClass::Leak), true) => format!(
            "Where did{} leak from?",
            the(&theme).unwrap_or(" it".into())
        ),
        (Some(PredicateClass::Kill), false) if counted => {
            format!("How many people were killed{at}?")
        }
        (Some(PredicateClass::Injure), _) if counted => {
            format!("How many people were injured{at}?")
        }
        (Some(PredicateClass::Crash), _) => {
            format!("Why did{} crash?", the(&theme).unwrap_or(" it".into()))
        }
        (Some(PredicateClass::Warn), _) => "What did the warning say?".to_string(),
        // a warning against a denial that anything was known
        (None, _) if touched.iter().any(|c| c.stance == Stance::Warn) => {
            "Was the warning well founded?".to_string()
        }
        (Some(PredicateClass::Leak), false) if measured => format!(
            "How much{} leaked{at}?",
            theme.as_ref().map(|t| format!(" {t}")).unwrap_or_default()
        ),
        (Some(PredicateClass::Originate), _) => {
            format!(
                "Where did{} come from?",
                the(&theme).unwrap_or(" it".into())
            )
        }
        _ => format!(
            "Is it true that {}?",
            lower_first(statement.trim_end_matches('.'))
        ),
    };
    q
}

/// The text with its first letter in lower case when its first word is a function word
/// ("The", "It"), which a capital only marks as the first; a name keeps its capital.
fn lower_first(text: &str) -> String {
    let first = text.split_whitespace().next().unwrap_or("");
    let keep = !is_function_word(&first.to_lowercase());
    let mut cs = text.chars();
    match cs.next() {
        Some(c) if !keep => c.to_lowercase().chain(cs).collect(),
        _ => text.to_string(),
    }
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
        let class = most_common_class(touched.iter().filter_map(|c| c.assertion.class()));
        let culprit = class.is_some_and(|k| k.has_culprit())
            && touched.iter().any(|c| c.assertion.agent.is_some());
        let first = &assessments[props[0]];
        let question = question(&touched, class, culprit, &first.statement);
        let named: Vec<(bool, Side)> = sided
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
                (
                    agent.is_some(),
                    Side {
                        proposition: p,
                        propositions: g.clone(),
                        answer,
                    },
                )
            })
            .collect();
        // who did it is answered by the sides that name a party: a side that names none
        // ("Former Russian military intelligence officer Sergei Skripal had") is no
        // answer, when two sides that do are left
        let answering = named.iter().filter(|(n, _)| *n).count();
        let sides: Vec<Side> = named
            .into_iter()
            .filter(|(n, _)| !culprit || answering < 2 || *n)
            .map(|(_, side)| side)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::meaning::tests::parties;

    fn claim(text: &str) -> Claim {
        Claim::plain_in("x", "someone", text, &parties())
    }

    #[test]
    fn questions_read_as_a_reporter_would_put_them() {
        let a = claim("Kelmari forces blew up the dam at Varno");
        let b = claim("the Ostlandic army blew up the dam at Varno");
        let touched = [&a, &b];
        let class = most_common_class(touched.iter().filter_map(|c| c.assertion.class()));
        assert_eq!(
            question(&touched, class, true, "x"),
            "Who destroyed the dam in Varno?"
        );
        let c = claim("Kelmar was responsible for the attack in Tarsk");
        let d = claim("Ostland was behind the attack in Tarsk");
        let touched = [&c, &d];
        assert_eq!(
            question(&touched, Some(PredicateClass::Responsible), true, "x"),
            "Who was behind the attack in Tarsk?"
        );
        let e = claim("300 people were killed");
        let f = claim("40 people were killed");
        assert_eq!(
            question(&[&e, &f], Some(PredicateClass::Kill), false, "x"),
            "How many people were killed?"
        );
        assert_eq!(
            question(&[], None, false, "The ferry left on time."),
            "Is it true that the ferry left on time?"
        );
        assert_eq!(
            question(&[], None, false, "Kelmar closed the border"),
            "Is it true that Kelmar closed the border?"
        );
    }
}
