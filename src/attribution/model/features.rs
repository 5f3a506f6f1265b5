//! Features of the two taggers: the cue tagger reads a sentence, the role tagger reads the
//! paragraph around one cue and marks its source and content.

use super::sheet::{mix, Mark, Sheet, AFTER, BEFORE};
use super::tagger::Sequence;
use super::tree::CueTree;

/// Cue tags.
pub mod cue_tag {
    /// Outside any cue (decoding never names it; training does).
    #[cfg_attr(not(feature = "lab"), allow(dead_code))]
    pub const O: u8 = 0;
    /// First token of a cue.
    pub const B: u8 = 1;
    /// Later token of a cue.
    pub const I: u8 = 2;
    /// Number of cue tags.
    pub const N: usize = 3;
}

/// Role tags, relative to one cue.
pub mod role_tag {
    /// Neither source nor content (and the cue itself; decoding never names it).
    #[cfg_attr(not(feature = "lab"), allow(dead_code))]
    pub const O: u8 = 0;
    /// First token of a source fragment.
    pub const BS: u8 = 1;
    /// Later token of a source fragment.
    pub const IS: u8 = 2;
    /// First token of a content fragment.
    pub const BC: u8 = 3;
    /// Later token of a content fragment.
    pub const IC: u8 = 4;
    /// Number of role tags.
    pub const N: usize = 5;
}

#[inline]
fn f1(out: &mut Vec<u64>, t: u64, a: u64) {
    out.push(mix(t, a));
}

#[inline]
fn f2(out: &mut Vec<u64>, t: u64, a: u64, b: u64) {
    out.push(mix(mix(t, a), b));
}

#[inline]
fn f3(out: &mut Vec<u64>, t: u64, a: u64, b: u64, c: u64) {
    out.push(mix(mix(mix(t, a), b), c));
}

/// Fills `seq` with the cue-tagger features of the sentence with token range `[lo, hi)`.
pub fn cue_sequence(sheet: &Sheet, lo: usize, hi: usize, seq: &mut Sequence) {
    seq.clear();
    let has_quote = sheet.toks[lo..hi]
        .iter()
        .any(|t| t.mark == Mark::Quote || t.in_quote);
    let q = u64::from(has_quote);
    for i in lo..hi {
        let t = &sheet.toks[i];
        let ii = i as isize;
        let w = |d: isize| sheet.lower_at(ii + d, lo, hi);
        let s = |d: isize| sheet.stem_at(ii + d, lo, hi);
        let lx = |d: isize| sheet.lex_at(ii + d, lo, hi);
        let out = &mut seq.feats;
        let pos = match (i - lo, hi - 1 - i) {
            (0, _) => 0,
            (1, _) => 1,
            (_, 0) => 2,
            (_, 1) => 3,
            _ => 4,
        };
        let inq = u64::from(t.in_quote);
        f1(out, 1, 0);
        f1(out, 2, t.lower);
        f1(out, 3, t.stem);
        f1(out, 4, t.suffix);
        f1(out, 5, t.shape);
        f1(out, 6, w(-1));
        f1(out, 7, w(1));
        f1(out, 8, w(-2));
        f1(out, 9, w(2));
        f2(out, 10, w(-1), t.lower);
        f2(out, 11, t.lower, w(1));
        f2(out, 12, t.stem, w(1));
        f1(out, 13, lx(0));
        f1(out, 14, lx(-1));
        f1(out, 15, lx(1));
        f2(out, 16, inq, t.stem);
        f2(out, 17, inq, lx(0));
        f2(out, 18, q, lx(0));
        f2(out, 19, pos, lx(0));
        f2(out, 20, sheet.shape_at(ii - 1, lo, hi), t.shape);
        f2(out, 21, t.stem, w(2));
        f3(out, 22, w(-2), w(-1), t.lower);
        f1(out, 23, s(-1));
        f1(out, 24, s(1));
        f3(out, 25, w(-1), t.stem, w(1));
        f2(out, 26, pos, t.stem);
        f2(out, 27, q, t.stem);
        let quote_near = |ks: std::ops::RangeInclusive<isize>| {
            ks.map(|k| ii + k)
                .filter(|&k| k >= lo as isize && k < hi as isize)
                .any(|k| sheet.toks[k as usize].mark == Mark::Quote)
        };
        let qp = u64::from(quote_near(-3..=-1));
        let qn = u64::from(quote_near(1..=3));
        f3(out, 28, qp, qn, t.suffix);
        f3(out, 29, qp, sheet.shape_at(ii - 1, lo, hi), lx(0));
        f3(out, 30, qn, t.shape, t.suffix);
        let u = |d: isize| sheet.upos_at(ii + d, lo, hi);
        f1(out, 31, u(0));
        f2(out, 32, u(0), t.stem);
        f2(out, 33, u(-1), u(0));
        f2(out, 34, u(0), u(1));
        f3(out, 35, u(-1), u(0), u(1));
        f2(out, 36, u(0), lx(0));
        // the parse: the token's relation, its dependents' relations, its head's stem
        let rel = u64::from(t.rel);
        let kids = u64::from(t.kids);
        let head_stem = sheet.toks.get(t.head as usize).map_or(BEFORE, |h| h.stem);
        f2(out, 37, rel, t.stem);
        f2(out, 38, kids, t.stem);
        f1(out, 39, kids);
        f3(out, 40, rel, kids, lx(0));
        f2(out, 41, head_stem, rel);
        f3(out, 42, u(0), kids, rel);
        seq.end_position(None);
    }
}

/// Distance buckets: 1, 2, 3, 4, 5, 6-8, 9-12, 13-20, 21-35, 36 and more.
fn bucket(d: usize) -> u64 {
    match d {
        0..=5 => d as u64,
        6..=8 => 6,
        9..=12 => 7,
        13..=20 => 8,
        21..=35 => 9,
        _ => 10,
    }
}

/// The tokens the role tagger looks at for a cue at token range `[cs, ce)`: within the
/// cue's paragraph, from the sentence before the cue's to the third after it, and at most
/// 100 tokens before the cue and 250 after.
pub fn role_window(sheet: &Sheet, cs: usize, ce: usize) -> (usize, usize) {
    let p = sheet.toks[cs].paragraph as usize;
    let (pa, pb) = sheet.paragraphs.get(p).copied().unwrap_or((cs, ce));
    let s = sheet.sentence_index(sheet.toks[cs].sentence);
    let first = sheet.sentences[s.saturating_sub(1)].0;
    let last = sheet.sentences[(s + 3).min(sheet.sentences.len() - 1)].1;
    let lo = pa.max(first).max(cs.saturating_sub(100));
    let hi = pb.min(last).min(ce + 250).max(ce);
    (lo.min(cs), hi)
}

/// Fills `seq` with the role-tagger features of the window `[lo, hi)` for the cue at
/// `[cs, ce)`. Cue tokens are fixed to [`role_tag::O`].
pub fn role_sequence(
    sheet: &Sheet,
    lo: usize,
    hi: usize,
    cs: usize,
    ce: usize,
    seq: &mut Sequence,
) {
    seq.clear();
    let n = hi - lo;
    // prefix counts over the window: commas, quote marks, colons, lexicon words
    let mut commas = vec![0u32; n + 1];
    let mut quotes = vec![0u32; n + 1];
    let mut colons = vec![0u32; n + 1];
    let mut lexes = vec![0u32; n + 1];
    for k in 0..n {
        let t = &sheet.toks[lo + k];
        let in_cue = (cs..ce).contains(&(lo + k));
        commas[k + 1] = commas[k] + u32::from(t.mark == Mark::Comma);
        quotes[k + 1] = quotes[k] + u32::from(t.mark == Mark::Quote);
        colons[k + 1] = colons[k] + u32::from(t.mark == Mark::Colon);
        lexes[k + 1] = lexes[k] + u32::from(t.lex > 0 && !in_cue);
    }
    let between = |pre: &[u32], a: usize, b: usize| pre[b - lo] - pre[a - lo];
    let mut cue_h = 0x00C0_FFEE_u64;
    for t in &sheet.toks[cs..ce] {
        cue_h = mix(cue_h, t.lower);
    }
    let head = sheet.toks[cs..ce]
        .iter()
        .find(|t| t.lex > 0)
        .or_else(|| sheet.toks.get(cs))
        .map_or(0, |t| t.stem);
    let before = if cs > lo {
        sheet.toks[cs - 1].lower
    } else {
        BEFORE
    };
    let after = if ce < hi { sheet.toks[ce].lower } else { AFTER };
    let cue_sent = i64::from(sheet.toks[cs].sentence);
    let cue_suffix = sheet.toks[ce - 1].suffix;
    let cue_q = u64::from(sheet.toks[cs].in_quote);
    let tree = CueTree::new(sheet, cs, ce);
    let cue_rel = u64::from(sheet.toks[tree.anchor].rel);
    let cue_kids = u64::from(sheet.toks[tree.anchor].kids);
    for j in lo..hi {
        if (cs..ce).contains(&j) {
            seq.end_position(Some(0));
            continue;
        }
        let t = &sheet.toks[j];
        let (dir, d, a, b) = if j < cs {
            (0u64, cs - j, j + 1, cs)
        } else {
            (2u64, j - ce + 1, ce, j)
        };
        let db = bucket(d);
        let ds = (i64::from(t.sentence) - cue_sent).clamp(-3, 3) as u64;
        let cm = u64::from(between(&commas, a, b).min(3));
        let qb = u64::from(between(&quotes, a, b).min(3));
        let co = u64::from(between(&colons, a, b).min(1));
        let lb = u64::from(between(&lexes, a, b).min(2));
        let inq = u64::from(t.in_quote);
        let jj = j as isize;
        let sent_start = j == 0 || sheet.toks[j - 1].sentence != t.sentence;
        let next_mark = sheet.toks.get(j + 1).map_or(AFTER, |n| {
            if n.sentence != t.sentence {
                AFTER
            } else {
                n.mark as u64
            }
        });
        let to_end = {
            let (_, se) = sheet.sentences[sheet.sentence_index(t.sentence)];
            bucket(se - j)
        };
        let mark = t.mark as u64;
        let out = &mut seq.feats;
        f1(out, 101, dir);
        f2(out, 102, dir, db);
        f2(out, 103, dir, ds);
        f3(out, 104, dir, db, ds);
        f2(out, 105, dir, t.lower);
        f2(out, 106, dir, t.stem);
        f2(out, 107, dir, t.shape);
        f2(out, 108, dir, t.suffix);
        f2(out, 109, dir, sheet.lower_at(jj - 1, lo, hi));
        f2(out, 110, dir, sheet.lower_at(jj + 1, lo, hi));
        f3(out, 111, dir, sheet.lower_at(jj - 1, lo, hi), t.lower);
        f3(out, 112, dir, inq, qb);
        f3(out, 113, dir, inq, cue_q);
        f2(out, 114, dir, cm);
        f3(out, 115, dir, cm, ds);
        f2(out, 116, dir, co);
        f2(out, 117, dir, lb);
        f2(out, 118, dir, cue_h);
        f3(out, 119, dir, cue_h, db);
        f3(out, 120, dir, head, t.lower);
        f3(out, 121, dir, before, db);
        f3(out, 122, dir, after, db);
        f3(out, 123, dir, mark, db);
        f2(out, 124, dir, u64::from(t.lex));
        f2(out, 125, dir, u64::from(sent_start));
        f3(out, 126, dir, db, inq);
        f3(out, 127, dir, t.shape, db);
        f3(out, 128, dir, t.lower, db);
        f3(out, 129, mix(dir, ds), qb, inq);
        f3(out, 130, dir, head, db);
        f3(out, 131, mix(dir, cm), lb, db);
        f3(out, 132, dir, after, t.lower);
        f3(out, 133, dir, ds, to_end);
        f3(out, 134, mix(dir, ds), inq, next_mark);
        f3(out, 135, mix(dir, cue_suffix), cm, t.shape);
        f3(out, 136, mix(dir, ds), t.lower, next_mark);
        f3(out, 137, mix(dir, to_end), mark, inq);
        let r = tree.relation(j);
        let (branch, cue_branch) = (u64::from(r.branch), u64::from(r.cue_branch));
        let edge = sheet.toks.get(r.top as usize).map_or(0, |b| {
            u64::from(b.subtree.0 as usize == j) + 2 * u64::from(b.subtree.1 as usize == j)
        });
        let dk = mix(dir, u64::from(r.kind));
        f1(out, 140, dk);
        f2(out, 141, dk, branch);
        f3(out, 142, dk, branch, cue_branch);
        f3(out, 143, dk, branch, u64::from(t.rel));
        f3(out, 144, dk, branch, head);
        f3(out, 145, dk, branch, bucket(r.steps as usize));
        f3(out, 146, dk, branch, inq);
        f3(out, 147, dk, branch, cue_rel);
        f3(out, 148, dk, branch, cue_kids);
        f2(out, 149, dir, u64::from(t.rel));
        f3(out, 150, dk, branch, edge);
        f3(out, 151, dk, mix(branch, edge), next_mark);
        seq.end_position(None);
    }
}
