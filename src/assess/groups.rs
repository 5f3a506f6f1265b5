//! Grouping claims into propositions: claims that take one stand on who did the deed,
//! then claims joined by agreements, strongest first; never two that contradict each
//! other, and groups joined by agreements only where enough of their claims agree.

use crate::claims::Claim;
use crate::link::{Relation, RelationKind};
use std::collections::BTreeSet;

/// Claims grouped into propositions: a union-find whose groups never take in two claims
/// that contradict each other, and join only where enough of their claims agree
/// ([`JOIN_SHARE`]), so that a chain of agreements does not make one proposition.
struct Groups {
    parent: Vec<usize>,
    /// Members of each root's group.
    members: Vec<Vec<usize>>,
    /// Claims that contradict some member of each root's group.
    against: Vec<BTreeSet<usize>>,
    /// The claims each claim agrees with (agreements and quote variants).
    agrees: Vec<Vec<usize>>,
}

/// Share of the pairs across two groups that must agree for them to join: a chain of
/// agreements ("A agrees with B, B with C, C with D") does not make one proposition of
/// claims that do not agree with one another.
const JOIN_SHARE: f64 = 0.4;

impl Groups {
    fn new(n: usize, relations: &[Relation]) -> Groups {
        let mut against = vec![BTreeSet::new(); n];
        for r in relations
            .iter()
            .filter(|r| r.kind == RelationKind::Contradicts)
        {
            against[r.a].insert(r.b);
            against[r.b].insert(r.a);
        }
        let mut agrees = vec![Vec::new(); n];
        for r in relations
            .iter()
            .filter(|r| matches!(r.kind, RelationKind::Agrees | RelationKind::QuoteVariant))
        {
            agrees[r.a].push(r.b);
            agrees[r.b].push(r.a);
        }
        Groups {
            parent: (0..n).collect(),
            members: (0..n).map(|i| vec![i]).collect(),
            against,
            agrees,
        }
    }
    fn find(&mut self, i: usize) -> usize {
        let mut r = i;
        while self.parent[r] != r {
            r = self.parent[r];
        }
        let mut i = i;
        while self.parent[i] != r {
            let next = self.parent[i];
            self.parent[i] = r;
            i = next;
        }
        r
    }
    /// Joins the groups of `a` and `b` unless a member of one contradicts a member of the
    /// other; true when they are (now) one group.
    fn join(&mut self, a: usize, b: usize) -> bool {
        self.join_if(a, b, true)
    }

    /// [`Groups::join`]; the share of agreeing pairs across is asked for only when
    /// `share` is set (claims that take one stand join without it).
    fn join_if(&mut self, a: usize, b: usize, share: bool) -> bool {
        let (a, b) = (self.find(a), self.find(b));
        if a == b {
            return true;
        }
        let (big, small) = if self.members[a].len() >= self.members[b].len() {
            (a, b)
        } else {
            (b, a)
        };
        if self.members[small]
            .iter()
            .any(|m| self.against[big].contains(m))
        {
            return false;
        }
        if !share {
            self.absorb(big, small);
            return true;
        }
        // enough of the pairs across agree: no chaining
        let small_members = self.members[small].clone();
        let mut links = 0usize;
        for m in small_members {
            for k in 0..self.agrees[m].len() {
                let o = self.agrees[m][k];
                if self.find(o) == big {
                    links += 1;
                }
            }
        }
        let pairs = self.members[small].len() * self.members[big].len();
        if (links as f64) < (pairs as f64 * JOIN_SHARE).ceil() {
            return false;
        }
        self.absorb(big, small);
        true
    }

    /// Moves the group of root `small` into that of root `big`.
    fn absorb(&mut self, big: usize, small: usize) {
        let moved = std::mem::take(&mut self.members[small]);
        let moved_against = std::mem::take(&mut self.against[small]);
        self.members[big].extend(moved);
        self.against[big].extend(moved_against);
        self.parent[small] = big;
    }
}

/// The stand a claim takes on who did the story's deed: the party it names and whether
/// it says the party did it or did not, when it says so plainly (not under a condition,
/// nor hedged, nor left open, nor telling of another's account). Claims of one stand
/// assert one thing, whatever their words.
fn stand(c: &Claim) -> Option<(&str, bool)> {
    let a = &c.assertion;
    let culprit = a.class().is_some_and(|k| k.has_culprit());
    let plain = !a.modality.conditional && !a.modality.hedged && !a.within_account && !a.unsettled;
    let agent = a.agent.as_ref()?;
    (culprit && plain && !a.any_party).then_some((agent.id.as_str(), a.negative))
}

/// The claims of each proposition: claims of one stand first, then claims joined by
/// agreements, strongest first; in the order of their first claim.
pub(super) fn proposition_groups(claims: &[Claim], relations: &[Relation]) -> Vec<Vec<usize>> {
    // strongest agreements first, so that where a chain of agreements would bring two
    // contradicting claims together, the weakest link is the one left out
    let mut joining: Vec<&Relation> = relations
        .iter()
        .filter(|r| matches!(r.kind, RelationKind::Agrees | RelationKind::QuoteVariant))
        .collect();
    joining.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then((x.a, x.b).cmp(&(y.a, y.b)))
    });
    let mut uf = Groups::new(claims.len(), relations);
    // claims of one stand first, each with the first claim of its stand
    let mut first_of: std::collections::HashMap<(&str, bool), usize> =
        std::collections::HashMap::new();
    for (i, c) in claims.iter().enumerate() {
        if let Some(k) = stand(c) {
            let first = *first_of.entry(k).or_insert(i);
            if first != i {
                uf.join_if(first, i, false);
            }
        }
    }
    for r in joining {
        uf.join(r.a, r.b);
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut root_of = std::collections::HashMap::new();
    for i in 0..claims.len() {
        let r = uf.find(i);
        let g = *root_of.entry(r).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(i);
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::meaning::tests::parties;

    fn claim(source: &str, affiliation: &str, text: &str) -> Claim {
        let mut c = Claim::plain_in("x", source, text, &parties());
        c.affiliation = Some(affiliation.to_string());
        c
    }

    #[test]
    fn claims_of_one_stand_make_one_proposition_without_agreements() {
        let claims = vec![
            claim("nato", "NATO", "Ostland was behind the attack at Varno"),
            claim(
                "kelmar-government",
                "Kelmari state",
                "the Ostlandic army destroyed the dam",
            ),
            claim(
                "observers",
                "observers",
                "Ostland was responsible for the poisoning",
            ),
            // the other stand, and a claim that only may be
            claim(
                "ostland-government",
                "Ostlandic state",
                "Ostland was not involved in the attack",
            ),
            claim("press", "press", "Ostland may have been behind the attack"),
        ];
        let groups = proposition_groups(&claims, &[]);
        assert!(groups.contains(&vec![0, 1, 2]), "{groups:?}");
        assert!(
            groups.contains(&vec![3]) && groups.contains(&vec![4]),
            "{groups:?}"
        );
    }

    #[test]
    fn a_stand_never_takes_in_two_claims_that_contradict() {
        let claims = vec![
            claim("nato", "NATO", "Ostland was behind the attack at Varno"),
            claim(
                "kelmar-government",
                "Kelmari state",
                "Ostland was responsible for the attack",
            ),
        ];
        let against = Relation {
            a: 0,
            b: 1,
            kind: RelationKind::Contradicts,
            score: 0.9,
            reasons: vec![],
            diff: vec![],
        };
        let groups = proposition_groups(&claims, &[against]);
        assert_eq!(groups, vec![vec![0], vec![1]]);
    }
}
