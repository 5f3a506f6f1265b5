//! The arc-hybrid dynamic oracle (Goldberg and Nivre 2013), and the lifting that makes a
//! non-projective training tree projective.
//!
//! The cost of a transition is the number of gold arcs it makes unreachable. Arc-hybrid
//! is arc-decomposable: a set of arcs each reachable is reachable together, so the cost
//! of a transition is the count of gold arcs it rules out one by one, computed from the
//! stack and the buffer in one pass. Training follows the zero-cost (cheapest) transitions
//! and, after the first epochs, the model's own mistakes too, so that the parser learns to
//! continue well from the states its errors lead to.

use crate::parse::labels::Deprel;
use crate::parse::system::{class, decode, Move, State, NONE};

/// Lifts non-projective arcs until the tree is projective: the shortest arc that
/// crosses another (its span holds a word its head does not dominate) moves to the
/// head's head (Nivre and Nilsson 2005, without encoding the lift in the label). `heads`
/// has the head of word `i` at index `i`, index 0 unused; returns how many arcs moved.
pub fn projectivize(heads: &mut [u32]) -> usize {
    let n = heads.len() - 1;
    let mut lifted = 0;
    loop {
        let mut worst: Option<(usize, usize)> = None; // (span, dependent)
        for d in 1..=n {
            let h = heads[d] as usize;
            if h == 0 {
                // every word is under the root word, so the root's arc never crosses
                continue;
            }
            let (lo, hi) = if d < h { (d, h) } else { (h, d) };
            if (lo + 1..hi).any(|k| !dominates(heads, h, k)) {
                let span = hi - lo;
                if worst.is_none_or(|(s, _)| span < s) {
                    worst = Some((span, d));
                }
            }
        }
        match worst {
            Some((_, d)) => {
                let h = heads[d] as usize;
                heads[d] = heads[h];
                lifted += 1;
            }
            None => return lifted,
        }
    }
}

/// Whether `h` dominates `k` (is `k` or one of its ancestors).
fn dominates(heads: &[u32], h: usize, k: usize) -> bool {
    let mut x = k;
    for _ in 0..heads.len() {
        if x == h {
            return true;
        }
        if x == 0 {
            return false;
        }
        x = heads[x] as usize;
    }
    false
}

/// A gold tree to train towards: head and relation number of each word, index 0 unused.
pub struct Oracle<'a> {
    /// Gold heads.
    pub heads: &'a [u32],
    /// Gold relations.
    pub labels: &'a [u8],
}

impl Oracle<'_> {
    /// Gold dependents of `x` still in the buffer.
    fn kids_in_buffer(&self, st: &State, x: u32) -> u32 {
        (st.next..=st.n).filter(|&d| self.heads[d] == x).count() as u32
    }

    /// The cost of each kind of transition, [`u32::MAX`] for one that cannot be made.
    pub fn move_costs(&self, st: &State) -> [u32; 3] {
        let mut c = [u32::MAX; 3];
        let (s0, s1, b) = (st.s(0), st.s(1), st.b0());
        if st.can(Move::Shift) {
            let gh = self.heads[b as usize];
            let kids = st
                .stack
                .iter()
                .filter(|&&s| self.heads[s as usize] == b)
                .count() as u32;
            // the root takes only the last word on the stack, so the root word shifted
            // over another word loses the root
            let head_lost = if gh == 0 {
                !st.stack.is_empty()
            } else {
                gh != s0 && st.stack.contains(&gh)
            };
            c[0] = kids + u32::from(head_lost);
        }
        if st.can(Move::Left) {
            let gh = self.heads[s0 as usize];
            // the root is still to be had by the bottom word only
            let root = gh == 0 && st.stack.len() == 1;
            let reach = (s1 != NONE && gh == s1) || (b != 0 && (root || gh > b));
            c[1] = self.kids_in_buffer(st, s0) + u32::from(gh != b && reach);
        }
        if st.can(Move::Right) {
            let gh = self.heads[s0 as usize];
            let reach = gh != 0 && gh as usize >= st.next;
            c[2] = self.kids_in_buffer(st, s0) + u32::from(gh != s1 && reach);
        }
        c
    }

    /// The cost of a class given the costs of the kinds: its kind's, plus one when it
    /// makes a gold arc with the wrong relation.
    pub fn cost(&self, st: &State, moves: &[u32; 3], c: usize) -> u32 {
        let (m, l) = decode(c);
        let (base, head) = match m {
            Move::Shift => return moves[0],
            Move::Left => (moves[1], st.b0()),
            Move::Right => (moves[2], st.s(1)),
        };
        if base == u32::MAX {
            return base;
        }
        let d = st.s(0) as usize;
        base + u32::from(self.heads[d] == head && usize::from(self.labels[d]) != l)
    }

    /// The transitions that build the gold tree, which must be projective.
    pub fn static_sequence(&self) -> Vec<usize> {
        let n = self.heads.len() - 1;
        let mut st = State::default();
        st.reset(n);
        let mut out = Vec::with_capacity(2 * n);
        while !st.terminal() {
            let moves = self.move_costs(&st);
            let m = (0..3).min_by_key(|&k| moves[k]).expect("three kinds");
            let c = match m {
                0 => 0,
                k => {
                    let d = st.s(0) as usize;
                    let mv = if k == 1 { Move::Left } else { Move::Right };
                    let l = if k == 1 && st.b0() == 0 {
                        Deprel::Root as usize
                    } else {
                        usize::from(self.labels[d])
                    };
                    class(mv, l)
                }
            };
            out.push(c);
            st.apply(c);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::system::CLASSES;

    /// "She said he left": 1 <- 2, 2 root, 3 <- 4, 2 -> 4.
    fn tree() -> (Vec<u32>, Vec<u8>) {
        let l = |d: Deprel| d as u8;
        (
            vec![0, 2, 0, 4, 2],
            vec![
                0,
                l(Deprel::Nsubj),
                l(Deprel::Root),
                l(Deprel::Nsubj),
                l(Deprel::Ccomp),
            ],
        )
    }

    #[test]
    fn following_zero_cost_transitions_builds_the_gold_tree() {
        let (h, l) = tree();
        let o = Oracle {
            heads: &h,
            labels: &l,
        };
        let seq = o.static_sequence();
        let mut st = State::default();
        st.reset(4);
        for c in seq {
            let moves = o.move_costs(&st);
            assert_eq!(o.cost(&st, &moves, c), 0);
            st.apply(c);
        }
        assert_eq!(&st.heads[1..], &h[1..]);
        assert_eq!(&st.labels[1..], &l[1..]);
    }

    /// All projective trees with one root over `n` words, relations by direction.
    fn trees(n: usize) -> Vec<(Vec<u32>, Vec<u8>)> {
        let mut out = Vec::new();
        let total = (n + 1).pow(n as u32);
        for code in 0..total {
            let mut heads = vec![0u32];
            let mut c = code;
            for _ in 0..n {
                heads.push((c % (n + 1)) as u32);
                c /= n + 1;
            }
            let roots = heads[1..].iter().filter(|&&h| h == 0).count();
            if roots != 1 || (1..=n).any(|d| heads[d] as usize == d) {
                continue;
            }
            if !(1..=n).all(|d| dominates(&heads, 0, d)) {
                continue;
            }
            let mut p = heads.clone();
            if projectivize(&mut p) != 0 {
                continue;
            }
            let labels = (0..=n)
                .map(|d| {
                    let h = heads[d] as usize;
                    let l = if d == 0 {
                        Deprel::Acl
                    } else if h == 0 {
                        Deprel::Root
                    } else if d < h {
                        Deprel::Nsubj
                    } else {
                        Deprel::Obj
                    };
                    l as u8
                })
                .collect();
            out.push((heads, labels));
        }
        out
    }

    /// From every state reached by any transitions, the cost of a transition is the
    /// number of gold arcs the best tree still reachable loses by it: checked by
    /// exhaustive search over every projective tree of up to four words.
    #[test]
    fn costs_match_exhaustive_search() {
        use std::collections::HashMap;
        let classes: Vec<usize> = (0..CLASSES)
            .filter(|&c| {
                let (m, lab) = decode(c);
                m == Move::Shift
                    || [
                        Deprel::Nsubj as usize,
                        Deprel::Root as usize,
                        Deprel::Obj as usize,
                    ]
                    .contains(&lab)
            })
            .collect();
        type Key = (Vec<u32>, usize, Vec<u32>, Vec<u8>);
        fn key(st: &State) -> Key {
            (
                st.stack.clone(),
                st.next,
                st.heads.clone(),
                st.labels.clone(),
            )
        }
        fn best(
            st: &State,
            o: &Oracle<'_>,
            classes: &[usize],
            memo: &mut HashMap<Key, u32>,
        ) -> u32 {
            if st.terminal() {
                return (1..=st.n)
                    .filter(|&d| st.heads[d] == o.heads[d] && st.labels[d] == o.labels[d])
                    .count() as u32;
            }
            if let Some(&v) = memo.get(&key(st)) {
                return v;
            }
            let mut top = 0;
            for &c in classes.iter().filter(|&&c| st.valid(c)) {
                let mut next = st.clone();
                next.apply(c);
                top = top.max(best(&next, o, classes, memo));
            }
            memo.insert(key(st), top);
            top
        }
        let mut checked = 0;
        let mut ntrees = 0;
        for n in 1..=4 {
            for (h, l) in trees(n) {
                ntrees += 1;
                let o = Oracle {
                    heads: &h,
                    labels: &l,
                };
                let mut memo = HashMap::new();
                let mut start = State::default();
                start.reset(n);
                assert_eq!(
                    best(&start, &o, &classes, &mut memo),
                    n as u32,
                    "gold is reachable"
                );
                let mut frontier = vec![start];
                let mut seen = std::collections::HashSet::new();
                while let Some(st) = frontier.pop() {
                    if st.terminal() || !seen.insert(key(&st)) {
                        continue;
                    }
                    let here = best(&st, &o, &classes, &mut memo);
                    let moves = o.move_costs(&st);
                    for &c in classes.iter().filter(|&&c| st.valid(c)) {
                        let mut next = st.clone();
                        next.apply(c);
                        let lost = here - best(&next, &o, &classes, &mut memo);
                        assert_eq!(
                            o.cost(&st, &moves, c),
                            lost,
                            "tree {h:?}, class {c} at {:?} / {}",
                            st.stack,
                            st.next
                        );
                        checked += 1;
                        frontier.push(next);
                    }
                }
            }
        }
        assert!(
            ntrees > 30 && checked > 1000,
            "{ntrees} trees, {checked} costs"
        );
    }

    #[test]
    fn lifting_makes_trees_projective() {
        // 1 -> 3, 2 -> 4 cross: "A hearing is scheduled on the issue today" style
        let mut h = vec![0, 0, 4, 1, 1];
        assert_eq!(projectivize(&mut h), 1);
        assert_eq!(h, vec![0, 0, 1, 1, 1]);
        let mut p = vec![0, 2, 0, 2];
        assert_eq!(projectivize(&mut p), 0);
    }
}
