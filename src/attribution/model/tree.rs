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

/// How one token stands from the cue (see [`CueTree::relation`]).
#[derive(Clone, Copy, Debug, Default)]
struct Relation {
    kind: u8,
    branch: u8,
    cue_branch: u8,
    steps: u32,
    top: u32,
}

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
                kind: if node == anchor { 4 } else { 2 },
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
                    Some(up) if matches!(up.kind, 2 | 4) => Relation {
                        kind: if h == anchor { 1 } else { 3 },
                        branch: rel,
                        cue_branch: up.cue_branch,
                        steps: 1,
                        top: x as u32,
                    },
                    Some(up) if up.kind != UNSET && up.kind != 5 => Relation {
                        steps: up.steps + 1,
                        ..up
                    },
                    // no way up to the cue (not met in a tree)
                    _ => Relation {
                        kind: 5,
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

    /// How token `j` relates to the cue: a kind (0 in another sentence, 1 below the cue, 2
    /// above it, 3 on a side branch, 4 the cue itself), the relation of the branch `j`
    /// lies on under the meeting point, the relation of the cue's branch there, the
    /// number of steps from `j` up to the meeting point, and the top token of `j`'s branch
    /// (`usize::MAX` when there is none).
    pub fn relation(&self, j: usize) -> (u64, u64, u64, usize, usize) {
        let Some(r) = j.checked_sub(self.lo).and_then(|k| self.rels.get(k)) else {
            return (0, 0, 0, 0, usize::MAX);
        };
        let top = if r.top == u32::MAX {
            usize::MAX
        } else {
            r.top as usize
        };
        (
            u64::from(r.kind),
            u64::from(r.branch),
            u64::from(r.cue_branch),
            r.steps as usize,
            top,
        )
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

    fn at(a: &Article, s: &Sheet, w: &str) -> usize {
        s.toks
            .iter()
            .position(|t| t.span.slice(&a.text) == w)
            .unwrap()
    }

    #[test]
    fn tokens_below_the_cue_name_the_branch_they_hang_on() {
        let (a, s) = sheet("The minister said the bridge was safe.");
        let said = at(&a, &s, "said");
        let tree = CueTree::new(&s, said, said + 1);
        assert_eq!(tree.anchor, said);
        let (kind, branch, _, steps, top) = tree.relation(at(&a, &s, "bridge"));
        assert_eq!((kind, branch), (1, u64::from(Deprel::Ccomp as u8)));
        assert_eq!((steps, top), (2, at(&a, &s, "safe")));
        let (kind, branch, ..) = tree.relation(at(&a, &s, "minister"));
        assert_eq!((kind, branch), (1, u64::from(Deprel::Nsubj as u8)));
        assert_eq!(tree.relation(said).0, 4);
    }

    #[test]
    fn a_cue_below_the_content_sees_it_above_and_beside() {
        // "According to" hangs from "minister", an oblique of the content's head
        let (a, s) = sheet("According to the minister, the bridge is safe. It rained.");
        let (according, safe) = (at(&a, &s, "According"), at(&a, &s, "safe"));
        let tree = CueTree::new(&s, according, according + 2);
        assert_eq!(tree.anchor, according);
        let obl = u64::from(Deprel::Obl as u8);
        let (kind, _, cue_branch, steps, _) = tree.relation(safe);
        assert_eq!((kind, cue_branch, steps), (2, obl, 0));
        let (kind, branch, cue_branch, steps, top) = tree.relation(at(&a, &s, "bridge"));
        assert_eq!(
            (kind, branch, cue_branch),
            (3, u64::from(Deprel::Nsubj as u8), obl)
        );
        assert_eq!((steps, top), (1, at(&a, &s, "bridge")));
        let (kind, _, cue_branch, ..) = tree.relation(at(&a, &s, "minister"));
        assert_eq!((kind, cue_branch), (2, u64::from(Deprel::Case as u8)));
        // the next sentence is another tree
        assert_eq!(tree.relation(at(&a, &s, "rained")).0, 0);
    }
}
