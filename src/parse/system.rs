//! The arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez and Satta 2011) with the
//! root at the end of the buffer (Ballesteros and Nivre 2013).
//!
//! Words are numbered 1..=n and the root is 0, standing after the last word. A state is a
//! stack, a buffer (the words from `next` on, then the root) and the arcs made so far.
//! Three kinds of transition, the two arc ones labelled:
//!
//! - SHIFT pushes the buffer's front word on the stack;
//! - LEFT-ARC(l) makes the buffer's front the head of the stack's top, which it pops; when
//!   the front is the root, only with one word on the stack, and only with `root`;
//! - RIGHT-ARC(l) makes the word under the stack's top the head of the top, which it pops.
//!
//! Every word is shifted once and popped once, so a sentence of n words takes 2n
//! transitions, and the root-at-end rule leaves exactly one word on the root: a tree,
//! always. Words on the stack and in the buffer have no head yet; a word's dependents are
//! known when it is popped, which is what the arc-hybrid dynamic oracle needs to be exact
//! (Goldberg and Nivre 2013).

use super::labels::Deprel;

/// Class number of SHIFT; LEFT-ARC(l) is `1 + 2l` and RIGHT-ARC(l) is `2 + 2l`.
pub const SHIFT: usize = 0;
/// Number of classes: SHIFT and both arcs for every relation.
pub const CLASSES: usize = 1 + 2 * Deprel::ALL.len();
/// Stands for "no word" in the child slots.
pub const NONE: u32 = u32::MAX;

/// The kind of a transition.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    /// Push the buffer's front.
    Shift,
    /// The buffer's front becomes the head of the stack's top.
    Left,
    /// The word under the stack's top becomes the head of the top.
    Right,
}

/// The kind and label of a class.
#[inline]
pub fn decode(class: usize) -> (Move, usize) {
    match class {
        SHIFT => (Move::Shift, 0),
        c if c % 2 == 1 => (Move::Left, (c - 1) / 2),
        c => (Move::Right, (c - 2) / 2),
    }
}

/// The class of a labelled left or right arc.
#[inline]
pub fn class(m: Move, label: usize) -> usize {
    match m {
        Move::Shift => SHIFT,
        Move::Left => 1 + 2 * label,
        Move::Right => 2 + 2 * label,
    }
}

/// What the features need of a word's dependents so far.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Kids {
    /// Leftmost and second leftmost left dependents.
    pub left: [u32; 2],
    /// Rightmost and second rightmost right dependents.
    pub right: [u32; 2],
    /// Number of left and right dependents.
    pub count: [u8; 2],
    /// Relations of the left and right dependents, as bit sets.
    pub labels: [u64; 2],
}

impl Kids {
    const EMPTY: Kids = Kids {
        left: [NONE; 2],
        right: [NONE; 2],
        count: [0; 2],
        labels: [0; 2],
    };
}

/// A parser state.
#[derive(Clone, Debug, Default)]
pub struct State {
    /// Number of words.
    pub n: usize,
    /// The stack, bottom first.
    pub stack: Vec<u32>,
    /// The first word of the buffer; `n + 1` when only the root is left.
    pub next: usize,
    /// Head of each word (index 0 unused), [`NONE`] while it has none.
    pub heads: Vec<u32>,
    /// Relation of each word to its head, as a [`Deprel`] number.
    pub labels: Vec<u8>,
    /// Dependents of each word and of the root (index 0).
    pub kids: Vec<Kids>,
}

impl State {
    /// Sets up the initial state for `n` words, keeping the buffers' memory.
    pub fn reset(&mut self, n: usize) {
        self.n = n;
        self.stack.clear();
        self.next = 1;
        self.heads.clear();
        self.heads.resize(n + 1, NONE);
        self.labels.clear();
        self.labels.resize(n + 1, 0);
        self.kids.clear();
        self.kids.resize(n + 1, Kids::EMPTY);
    }

    /// The buffer's front: a word, or 0 for the root.
    #[inline]
    pub fn b0(&self) -> u32 {
        if self.next <= self.n {
            self.next as u32
        } else {
            0
        }
    }

    /// The `k`-th word of the buffer after the front (the root counts), or [`NONE`].
    #[inline]
    pub fn b(&self, k: usize) -> u32 {
        let i = self.next + k;
        if i <= self.n {
            i as u32
        } else if i == self.n + 1 {
            0
        } else {
            NONE
        }
    }

    /// The `k`-th word from the stack's top (0 is the top), or [`NONE`].
    #[inline]
    pub fn s(&self, k: usize) -> u32 {
        let len = self.stack.len();
        if k < len {
            self.stack[len - 1 - k]
        } else {
            NONE
        }
    }

    /// Whether parsing is over.
    #[inline]
    pub fn terminal(&self) -> bool {
        self.stack.is_empty() && self.next > self.n
    }

    /// Whether a kind of transition can be made now.
    #[inline]
    pub fn can(&self, m: Move) -> bool {
        match m {
            Move::Shift => self.next <= self.n,
            Move::Left => !self.stack.is_empty() && (self.next <= self.n || self.stack.len() == 1),
            Move::Right => self.stack.len() >= 2,
        }
    }

    /// Whether a class can be made now: its kind can, and its label is `root` exactly when
    /// it attaches to the root.
    #[inline]
    pub fn valid(&self, class: usize) -> bool {
        let (m, l) = decode(class);
        let root = l == Deprel::Root as usize;
        match m {
            Move::Shift => self.can(Move::Shift),
            Move::Left => self.can(Move::Left) && root == (self.next > self.n),
            Move::Right => self.can(Move::Right) && !root,
        }
    }

    /// Makes a transition; it must be valid.
    pub fn apply(&mut self, class: usize) {
        let (m, l) = decode(class);
        match m {
            Move::Shift => {
                self.stack.push(self.next as u32);
                self.next += 1;
            }
            Move::Left => {
                let d = self.stack.pop().expect("a word to attach");
                self.attach(self.b0(), d, l);
            }
            Move::Right => {
                let d = self.stack.pop().expect("a word to attach");
                let h = *self.stack.last().expect("a head under it");
                self.attach(h, d, l);
            }
        }
    }

    fn attach(&mut self, h: u32, d: u32, label: usize) {
        self.heads[d as usize] = h;
        self.labels[d as usize] = label as u8;
        let k = &mut self.kids[h as usize];
        // the root stands after every word, so its dependent is on its left
        let side = usize::from(h != 0 && d > h);
        if side == 0 {
            // left dependents come nearest first, so each new one is the leftmost
            k.left = [d, k.left[0]];
        } else {
            // right dependents come in order, so each new one is the rightmost
            k.right = [d, k.right[0]];
        }
        k.count[side] = k.count[side].saturating_add(1);
        k.labels[side] |= 1u64 << label;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_decode_back() {
        for c in 0..CLASSES {
            let (m, l) = decode(c);
            assert_eq!(class(m, l), c);
        }
    }

    /// Every sequence of valid transitions ends in a tree, in 2n steps.
    #[test]
    fn any_valid_sequence_gives_a_tree() {
        let mut rng = 0x1234_5678_9abc_def0u64;
        let mut st = State::default();
        for n in 1..12 {
            for _ in 0..50 {
                st.reset(n);
                let mut steps = 0;
                while !st.terminal() {
                    let valid: Vec<usize> = (0..CLASSES).filter(|&c| st.valid(c)).collect();
                    assert!(!valid.is_empty(), "a valid transition before the end");
                    rng ^= rng << 13;
                    rng ^= rng >> 7;
                    rng ^= rng << 17;
                    st.apply(valid[(rng % valid.len() as u64) as usize]);
                    steps += 1;
                }
                assert_eq!(steps, 2 * n);
                let roots: Vec<usize> = (1..=n).filter(|&d| st.heads[d] == 0).collect();
                assert_eq!(roots.len(), 1, "one word on the root");
                assert_eq!(st.labels[roots[0]], Deprel::Root as u8);
                for d in 1..=n {
                    // every word reaches the root without a cycle
                    let mut h = d as u32;
                    let mut hops = 0;
                    while h != 0 {
                        h = st.heads[h as usize];
                        assert_ne!(h, NONE);
                        hops += 1;
                        assert!(hops <= n);
                    }
                    if st.heads[d] != 0 {
                        assert_ne!(st.labels[d], Deprel::Root as u8);
                    }
                }
            }
        }
    }

    #[test]
    fn kids_keep_the_outermost_dependents() {
        // 1 2 3 4: 1 <- 3, 2 <- 3, 3 -> 4, then 3 on the root
        let mut st = State::default();
        st.reset(4);
        let la = class(Move::Left, Deprel::Dep as usize);
        let ra = class(Move::Right, Deprel::Obj as usize);
        for c in [
            SHIFT,
            SHIFT,
            la,
            la,
            SHIFT,
            SHIFT,
            ra,
            class(Move::Left, Deprel::Root as usize),
        ] {
            assert!(st.valid(c), "{c}");
            st.apply(c);
        }
        assert!(st.terminal());
        assert_eq!(&st.heads[1..], &[3, 3, 0, 3]);
        let k = st.kids[3];
        assert_eq!(k.left, [1, 2]);
        assert_eq!(k.right, [4, NONE]);
        assert_eq!(k.count, [2, 1]);
        assert_eq!(k.labels, [1 << Deprel::Dep as u64, 1 << Deprel::Obj as u64]);
        assert_eq!(st.kids[0].left, [3, NONE]);
    }
}
