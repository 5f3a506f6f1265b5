//! The parser's features and greedy decoding.
//!
//! The feature templates are those of Zhang and Nivre (2011) for a transition parser,
//! carried over to arc-hybrid, where the two arcs look at different pairs: LEFT-ARC joins
//! the stack's top `S0` to the buffer's front `B0`, RIGHT-ARC joins `S0` to the word
//! under it, `S1`. So every template on the pair (`S0`, `B0`) has its twin on (`S1`,
//! `S0`): words and tags alone and in pairs and triples, the distance between the two,
//! the number and relations of the dependents each has so far (valency and label sets),
//! and the outermost and second outermost dependents (second-order features).

use super::dense::Dense;
use super::hash::{add, feat};
use super::labels::Deprel;
use super::linear::Weights;
use super::system::{class, Kids, Move, State, NONE, SHIFT};

/// What the features know of each word of the sentence, position 0 being the root and
/// position `n + 1` "no word".
#[derive(Clone, Debug, Default)]
pub struct Tokens {
    /// Lowercased form.
    pub w: Vec<u64>,
    /// Tag (the tagger's XPOS).
    pub p: Vec<u64>,
    /// Form and tag together.
    pub wp: Vec<u64>,
}

impl Tokens {
    /// Empties the table and enters the root.
    pub fn clear(&mut self) {
        self.w.clear();
        self.p.clear();
        self.wp.clear();
        self.push(0x0700_7000_0000_0001, 0xfff0);
    }

    /// Adds the next word, by the hash of its lowercased form and its tag number.
    pub fn push(&mut self, lower: u64, tag: u64) {
        self.w.push(lower);
        self.p.push(tag);
        self.wp.push(add(lower, tag));
    }

    /// Enters "no word" after the last word.
    pub fn close(&mut self) {
        self.push(0x0000_0000_0000_0003, 0xfff1);
    }
}

const NO_LABEL: u64 = 0xff;

/// Distance between two words for the features: 1 to 4, then 5–6, 7–9, 10 and more, and
/// 15 when one is the root.
#[inline]
fn distance(a: u32, b: u32) -> u64 {
    if a == 0 || b == 0 || a == NONE || b == NONE {
        return 15;
    }
    match a.abs_diff(b) {
        d @ 0..=4 => u64::from(d),
        5..=6 => 5,
        7..=9 => 6,
        _ => 7,
    }
}

/// Writes the features of state `st` over words `t` to `out`.
pub fn features(st: &State, t: &Tokens, out: &mut Vec<u64>) {
    out.clear();
    let none = st.n + 1;
    let at = |x: u32| if x == NONE { none } else { x as usize };
    const EMPTY: Kids = Kids {
        left: [NONE; 2],
        right: [NONE; 2],
        count: [0; 2],
        labels: [0; 2],
    };
    let kids = |x: u32| {
        if x == NONE {
            EMPTY
        } else {
            st.kids[x as usize]
        }
    };
    let label = |x: u32| {
        if x == NONE || x == 0 {
            NO_LABEL
        } else {
            u64::from(st.labels[x as usize])
        }
    };
    let (s0, s1, s2) = (st.s(0), st.s(1), st.s(2));
    let (b0, b1, b2) = (st.b0(), st.b(1), st.b(2));
    let (ks0, ks1, kb0) = (kids(s0), kids(s1), kids(b0));
    let w = |x: u32| t.w[at(x)];
    let p = |x: u32| t.p[at(x)];
    let wp = |x: u32| t.wp[at(x)];

    let (s0w, s0p, s0wp) = (w(s0), p(s0), wp(s0));
    let (s1w, s1p, s1wp) = (w(s1), p(s1), wp(s1));
    let (b0w, b0p, b0wp) = (w(b0), p(b0), wp(b0));
    let (b1w, b1p, b1wp) = (w(b1), p(b1), wp(b1));
    let (b2p, s2p) = (p(b2), p(s2));
    let (s0l1, s0l2, s0r1, s0r2) = (ks0.left[0], ks0.left[1], ks0.right[0], ks0.right[1]);
    let (s1l1, s1r1, s1r2) = (ks1.left[0], ks1.right[0], ks1.right[1]);
    let (b0l1, b0l2) = (kb0.left[0], kb0.left[1]);
    let d1 = distance(s0, b0);
    let d2 = distance(s1, s0);
    let v = |k: &Kids, side: usize| u64::from(k.count[side]);

    out.extend_from_slice(&[
        // single words
        feat(1, &[s0w]),
        feat(2, &[s0p]),
        feat(3, &[s0wp]),
        feat(4, &[b0w]),
        feat(5, &[b0p]),
        feat(6, &[b0wp]),
        feat(7, &[b1w]),
        feat(8, &[b1p]),
        feat(9, &[b1wp]),
        feat(10, &[w(b2)]),
        feat(11, &[b2p]),
        feat(12, &[wp(b2)]),
        feat(13, &[s1w]),
        feat(14, &[s1p]),
        feat(15, &[s1wp]),
        feat(16, &[w(s2)]),
        feat(17, &[s2p]),
        // S0 and B0
        feat(18, &[s0wp, b0wp]),
        feat(19, &[s0wp, b0w]),
        feat(20, &[s0w, b0wp]),
        feat(21, &[s0wp, b0p]),
        feat(22, &[s0p, b0wp]),
        feat(23, &[s0w, b0w]),
        feat(24, &[s0p, b0p]),
        // S1 and S0
        feat(25, &[s1wp, s0wp]),
        feat(26, &[s1wp, s0w]),
        feat(27, &[s1w, s0wp]),
        feat(28, &[s1wp, s0p]),
        feat(29, &[s1p, s0wp]),
        feat(30, &[s1w, s0w]),
        feat(31, &[s1p, s0p]),
        // other pairs
        feat(32, &[b0p, b1p]),
        feat(33, &[s1p, b0p]),
        feat(34, &[s1w, b0w]),
        feat(35, &[s0p, b1p]),
        feat(36, &[s0w, b1w]),
        // triples
        feat(37, &[b0p, b1p, b2p]),
        feat(38, &[s0p, b0p, b1p]),
        feat(39, &[s1p, s0p, b0p]),
        feat(40, &[s2p, s1p, s0p]),
        feat(41, &[s1p, s0p, b1p]),
        feat(42, &[s0p, p(s0l1), b0p]),
        feat(43, &[s0p, p(s0r1), b0p]),
        feat(44, &[s0p, b0p, p(b0l1)]),
        feat(45, &[s1p, p(s1r1), s0p]),
        feat(46, &[s1p, s0p, p(s0l1)]),
        feat(47, &[s1p, s0p, p(s0r1)]),
        feat(48, &[s1p, p(s1l1), s0p]),
        // distance
        feat(49, &[s0w, d1]),
        feat(50, &[s0p, d1]),
        feat(51, &[b0w, d1]),
        feat(52, &[b0p, d1]),
        feat(53, &[s0w, b0w, d1]),
        feat(54, &[s0p, b0p, d1]),
        feat(55, &[s1w, d2]),
        feat(56, &[s1p, d2]),
        feat(57, &[s0w, d2]),
        feat(58, &[s0p, d2]),
        feat(59, &[s1w, s0w, d2]),
        feat(60, &[s1p, s0p, d2]),
        // valency
        feat(61, &[s0w, v(&ks0, 1)]),
        feat(62, &[s0p, v(&ks0, 1)]),
        feat(63, &[s0w, v(&ks0, 0)]),
        feat(64, &[s0p, v(&ks0, 0)]),
        feat(65, &[b0w, v(&kb0, 0)]),
        feat(66, &[b0p, v(&kb0, 0)]),
        feat(67, &[s1w, v(&ks1, 1)]),
        feat(68, &[s1p, v(&ks1, 1)]),
        feat(69, &[s1w, v(&ks1, 0)]),
        feat(70, &[s1p, v(&ks1, 0)]),
        // outermost dependents
        feat(71, &[w(s0l1)]),
        feat(72, &[p(s0l1)]),
        feat(73, &[label(s0l1)]),
        feat(74, &[w(s0r1)]),
        feat(75, &[p(s0r1)]),
        feat(76, &[label(s0r1)]),
        feat(77, &[w(b0l1)]),
        feat(78, &[p(b0l1)]),
        feat(79, &[label(b0l1)]),
        feat(80, &[w(s1r1)]),
        feat(81, &[p(s1r1)]),
        feat(82, &[label(s1r1)]),
        feat(83, &[p(s1l1)]),
        feat(84, &[label(s1l1)]),
        // second outermost
        feat(85, &[w(s0l2)]),
        feat(86, &[p(s0l2)]),
        feat(87, &[label(s0l2)]),
        feat(88, &[w(s0r2)]),
        feat(89, &[p(s0r2)]),
        feat(90, &[label(s0r2)]),
        feat(91, &[w(b0l2)]),
        feat(92, &[p(b0l2)]),
        feat(93, &[label(b0l2)]),
        feat(94, &[p(s1r2)]),
        feat(95, &[label(s1r2)]),
        feat(96, &[s0p, p(s0l1), p(s0l2)]),
        feat(97, &[s0p, p(s0r1), p(s0r2)]),
        feat(98, &[b0p, p(b0l1), p(b0l2)]),
        feat(99, &[s1p, p(s1r1), p(s1r2)]),
        // label sets
        feat(100, &[s0w, ks0.labels[1]]),
        feat(101, &[s0p, ks0.labels[1]]),
        feat(102, &[s0w, ks0.labels[0]]),
        feat(103, &[s0p, ks0.labels[0]]),
        feat(104, &[b0w, kb0.labels[0]]),
        feat(105, &[b0p, kb0.labels[0]]),
        feat(106, &[s1w, ks1.labels[1]]),
        feat(107, &[s1p, ks1.labels[1]]),
        feat(108, &[s1p, ks1.labels[0]]),
    ]);
}

/// Writes the features for choosing the relation of a new arc from `h` to `d` (0 for the
/// root), `left` when the head is on the dependent's right. The dependent's own
/// dependents are all known (arc-hybrid attaches a word when it is popped), so its subtree
/// speaks for its relation ("by" under a passive's agent, "to" under an infinitive).
pub fn label_features(st: &State, t: &Tokens, h: u32, d: u32, left: bool, out: &mut Vec<u64>) {
    out.clear();
    let none = st.n + 1;
    let at = |x: u32| if x == NONE { none } else { x as usize };
    let w = |x: u32| t.w[at(x)];
    let p = |x: u32| t.p[at(x)];
    let label = |x: u32| {
        if x == NONE || x == 0 {
            NO_LABEL
        } else {
            u64::from(st.labels[x as usize])
        }
    };
    let kd = st.kids[d as usize];
    let kh = st.kids[h as usize];
    let side = usize::from(!left);
    let (dw, dp, dwp) = (w(d), p(d), t.wp[at(d)]);
    let (hw, hp, hwp) = (w(h), p(h), t.wp[at(h)]);
    let dist = distance(h, d);
    let next = if (d as usize) < st.n { d + 1 } else { NONE };
    let prev = if d > 1 { d - 1 } else { NONE };
    let (dl, dr) = (kd.left[0], kd.right[0]);
    let near = if left { kh.left[0] } else { kh.right[0] };
    let dir = u64::from(left);
    let f = |k: u32, v: &[u64]| {
        let mut x = [0u64; 4];
        x[0] = dir;
        x[1..=v.len()].copy_from_slice(v);
        feat(200 + k, &x[..=v.len()])
    };
    out.extend_from_slice(&[
        f(0, &[]),
        f(1, &[dp]),
        f(2, &[dw]),
        f(3, &[dwp]),
        f(4, &[hp]),
        f(5, &[hw]),
        f(6, &[hwp]),
        f(7, &[hp, dp]),
        f(8, &[hw, dp]),
        f(9, &[hp, dw]),
        f(10, &[hw, dw]),
        f(11, &[hp, dp, dist]),
        f(12, &[dp, dist]),
        f(13, &[dp, kd.labels[0]]),
        f(14, &[dp, kd.labels[1]]),
        f(15, &[dp, label(dl)]),
        f(16, &[dp, label(dr)]),
        f(17, &[dp, p(dl)]),
        f(18, &[dp, p(dr)]),
        f(19, &[w(dl)]),
        f(20, &[w(dr)]),
        f(21, &[hp, kh.labels[side]]),
        f(22, &[hp, label(near)]),
        f(23, &[dp, p(next)]),
        f(24, &[dp, p(prev)]),
        f(25, &[hp, dp, p(next)]),
        f(26, &[hp, dp, w(dl)]),
        f(27, &[dp, u64::from(kd.count[0]), u64::from(kd.count[1])]),
        f(28, &[hp, dp, kd.labels[0]]),
        f(29, &[hw, dp, label(dl)]),
        f(30, &[dw, p(next)]),
        f(31, &[hp, dp, kh.labels[side]]),
    ]);
}

/// The kind of transition to make: the valid one of highest score, the first of equals.
#[inline]
pub fn best_move(st: &State, scores: &[i32; 4]) -> Move {
    let mut best = None;
    for (k, m) in [Move::Shift, Move::Left, Move::Right]
        .into_iter()
        .enumerate()
    {
        if st.can(m) && best.is_none_or(|(_, s)| scores[k] > s) {
            best = Some((m, scores[k]));
        }
    }
    best.expect("a valid transition before the end").0
}

/// The relation of highest score among those the model allows on that side (`left`),
/// never `root`; `dep` when it allows none.
#[inline]
pub fn best_label(scores: &[i32], allowed: &[bool], left: bool) -> usize {
    let mut best = None;
    for (l, &s) in scores.iter().enumerate() {
        let m = if left { Move::Left } else { Move::Right };
        if l != Deprel::Root as usize && allowed[class(m, l)] && best.is_none_or(|(_, b)| s > b) {
            best = Some((l, s));
        }
    }
    best.map_or(Deprel::Dep as usize, |(l, _)| l)
}

/// The head and dependent of the arc a move would make now.
#[inline]
pub fn arc(st: &State, m: Move) -> (u32, u32) {
    match m {
        Move::Left => (st.b0(), st.s(0)),
        _ => (st.s(1), st.s(0)),
    }
}

/// The trained models the parser decodes with.
pub struct Models<'a> {
    /// Transition kinds.
    pub moves: &'a Dense,
    /// Relations.
    pub labels: &'a Weights,
    /// Which labelled transitions training met.
    pub allowed: &'a [bool],
}

/// Parses: runs transitions from the initial state for `t`'s words to the end.
pub fn parse(
    m: &Models<'_>,
    t: &Tokens,
    st: &mut State,
    feats: &mut Vec<u64>,
    scores: &mut Vec<i32>,
) {
    st.reset(t.w.len() - 2);
    while !st.terminal() {
        features(st, t, feats);
        let mv = best_move(st, &m.moves.scores(feats));
        let c = match mv {
            Move::Shift => SHIFT,
            Move::Left if st.b0() == 0 => class(Move::Left, Deprel::Root as usize),
            _ => {
                let (h, d) = arc(st, mv);
                let left = mv == Move::Left;
                label_features(st, t, h, d, left, feats);
                scores.clear();
                scores.resize(Deprel::ALL.len(), 0);
                m.labels.add_scores(feats, scores);
                class(mv, best_label(scores, m.allowed, left))
            }
        };
        st.apply(c);
    }
}
