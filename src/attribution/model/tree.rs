//! The parser's tree around a cue: where each word of the cue's sentence stands from the
//! cue, for the role tagger's features.

use super::sheet::Sheet;

/// Where the tokens of a cue's sentence stand in the parser's tree relative to the cue.
pub struct CueTree {
    /// The cue token whose head lies outside the cue (the cue's head word).
    pub anchor: usize,
    /// The first token of the cue's sentence.
    lo: usize,
    /// [`CueTree::relation`] of each token of the sentence.
    rels: Vec<Relation>,
}

/// How one token stands from the cue.
#[derive(Clone, Copy, Debug, Default)]
pub struct Relation {
    /// Where the token is: [`OTHER_SENTENCE`], [`BELOW`], [`ABOVE`], [`SIDE`], [`CUE`] or
    /// [`APART`].
    pub kind: u8,
    /// The relation of the branch the token lies on under the meeting point ([`NO_REL`]
    /// when the token is the meeting point).
    pub branch: u8,
    /// The relation of the cue's branch at the meeting point.
    pub cue_branch: u8,
    /// Steps from the token up to the meeting point.
    pub steps: u32,
    /// The top token of the token's branch (an index into [`Sheet::toks`]), `u32::MAX`
    /// when there is none.
    pub top: u32,
}

/// [`Relation::kind`]: the token is in another sentence than the cue.
pub const OTHER_SENTENCE: u8 = 0;
/// [`Relation::kind`]: the token lies below the cue.
pub const BELOW: u8 = 1;
/// [`Relation::kind`]: the token is an ancestor of the cue.
pub const ABOVE: u8 = 2;
/// [`Relation::kind`]: the token lies on a side branch of one of the cue's ancestors.
pub const SIDE: u8 = 3;
/// [`Relation::kind`]: the token is the cue's head word.
pub const CUE: u8 = 4;
/// [`Relation::kind`]: no way up from the token meets the cue (not met in a tree).
pub const APART: u8 = 5;

/// The relation of the token below the anchor itself, which has none.
const NO_REL: u8 = 200;

/// A token of the sentence not yet placed.
const UNSET: u8 = u8::MAX;

impl CueTree {
    /// The tree around the cue at tokens `[cs, ce)`, every token of its sentence placed in
    /// time linear in the sentence: each token's place follows from its head's.
    pub fn new(sheet: &Sheet, cs: usize, ce: usize) -> CueTree {
        let s = sheet.sentence_index(sheet.toks[cs].sentence);
        let (lo, hi) = sheet.sentences[s];
        let anchor = (cs..ce)
            .find(|&k| {
                let h = sheet.toks[k].head as usize;
                !(cs..ce).contains(&h)
            })
            .unwrap_or(cs);
        let unset = Relation {
            kind: UNSET,
            ..Relation::default()
        };
        let mut rels = vec![unset; hi - lo];
        // the anchor and its ancestors, each with the relation of the branch the cue lies
        // on below it (a tree has no cycle; the walk is bounded by the sentence all the
        // same)
        let mut node = anchor;
        let mut below = NO_REL;
        for _ in lo..hi {
            if !(lo..hi).contains(&node) || rels[node - lo].kind != UNSET {
                break;
            }
            rels[node - lo] = Relation {
                kind: if node == anchor { CUE } else { ABOVE },
                branch: NO_REL,
                cue_branch: below,
                steps: 0,
                top: u32::MAX,
            };
            below = sheet.toks[node].rel;
            node = sheet.toks[node].head as usize;
        }
        // every other token: up to the first placed token, then back down the path
        let mut path: Vec<usize> = Vec::new();
        for j in lo..hi {
            path.clear();
            let mut node = j;
            while (lo..hi).contains(&node) && rels[node - lo].kind == UNSET && path.len() < hi - lo
            {
                path.push(node);
                node = sheet.toks[node].head as usize;
            }
            for &x in path.iter().rev() {
                let h = sheet.toks[x].head as usize;
                let rel = sheet.toks[x].rel;
                rels[x - lo] = match (lo..hi).contains(&h).then(|| rels[h - lo]) {
                    // the head is the anchor or one of its ancestors: the meeting point
                    Some(up) if matches!(up.kind, ABOVE | CUE) => Relation {
                        kind: if h == anchor { BELOW } else { SIDE },
                        branch: rel,
                        cue_branch: up.cue_branch,
                        steps: 1,
                        top: x as u32,
                    },
                    Some(up) if up.kind != UNSET && up.kind != APART => Relation {
                        steps: up.steps + 1,
                        ..up
                    },
                    // no way up to the cue (not met in a tree)
                    _ => Relation {
                        kind: APART,
                        branch: rel,
                        cue_branch: 0,
                        steps: 0,
                        top: x as u32,
                    },
                };
            }
        }
        CueTree { anchor, lo, rels }
    }

    /// How token `j` relates to the cue ([`OTHER_SENTENCE`] outside the cue's sentence).
    pub fn relation(&self, j: usize) -> Relation {
        j.checked_sub(self.lo)
            .and_then(|k| self.rels.get(k))
            .copied()
            .unwrap_or(Relation {
                kind: OTHER_SENTENCE,
                top: u32::MAX,
                ..Relation::default()
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Article;
    use crate::parse::Deprel;

    fn sheet(text: &str) -> (Article, Sheet) {
        let a = Article::new("t", text);
        let s = Sheet::new(&a);
        (a, s)
    }

    #[test]
    fn tokens_below_the_cue_name_the_branch_they_hang_on() {
        let (a, s) = sheet("The minister said the bridge was safe.");
        let at = |w| s.word_at(&a.text, w);
        let said = at("said");
        let tree = CueTree::new(&s, said, said + 1);
        assert_eq!(tree.anchor, said);
        let r = tree.relation(at("bridge"));
        assert_eq!((r.kind, r.branch), (BELOW, Deprel::Ccomp as u8));
        assert_eq!((r.steps, r.top as usize), (2, at("safe")));
        let r = tree.relation(at("minister"));
        assert_eq!((r.kind, r.branch), (BELOW, Deprel::Nsubj as u8));
        assert_eq!(tree.relation(said).kind, CUE);
    }

    #[test]
    fn a_cue_below_the_content_sees_it_above_and_beside() {
        // "According to" hangs from "minister", an oblique of the content's head
        let (a, s) = sheet("According to the minister, the bridge is safe. It rained.");
        let at = |w| s.word_at(&a.text, w);
        let (according, safe) = (at("According"), at("safe"));
        let tree = CueTree::new(&s, according, according + 2);
        assert_eq!(tree.anchor, according);
        let obl = Deprel::Obl as u8;
        let r = tree.relation(safe);
        assert_eq!((r.kind, r.cue_branch, r.steps), (ABOVE, obl, 0));
        let r = tree.relation(at("bridge"));
        assert_eq!(
            (r.kind, r.branch, r.cue_branch),
            (SIDE, Deprel::Nsubj as u8, obl)
        );
        assert_eq!((r.steps, r.top as usize), (1, at("bridge")));
        let r = tree.relation(at("minister"));
        assert_eq!((r.kind, r.cue_branch), (ABOVE, Deprel::Case as u8));
        // the next sentence is another tree
        assert_eq!(tree.relation(at("rained")).kind, OTHER_SENTENCE);
    }
}
