//! Attribution span metrics with the definitions of the reference scorer.
//!
//! This module reimplements `eval/attr_score.py` (the shared reference
//! scorer) so that the same gold and prediction files give the same numbers.
//! Documents use the span JSONL schema:
//!
//! ```text
//! {"id": ..., "text": ... (gold only), "attributions": [{"source": [[s,e],..],
//!  "cue": [[s,e],..], "content": [[s,e],..]}]}
//! ```
//!
//! Offsets are UTF-8 byte offsets into the gold text, end-exclusive.
//!
//! Per role (source, cue, content) there are two metrics:
//!
//! * `exact`: a role's fragments, each trimmed of spaces, quote, comma and
//!   stop marks (ASCII and curly quotes), must equal the gold relation's; the
//!   comparison is a multiset over the document.
//! * `token`: the word tokens (`\w+` over the bytes, so ASCII letters, digits
//!   and `_` only) covered by the role, as a union over the relations.
//!
//! The relation metric matches predicted relations to gold ones greedily and
//! one-to-one, in order: a predicted relation matches the first unused gold
//! relation whose cue tokens overlap its own (or neither has cue tokens),
//! whose source tokens overlap (or neither has source tokens), and whose
//! content tokens have a Jaccard similarity of at least 0.5 (1.0 when both
//! are empty).

use std::collections::{BTreeSet, HashMap};
use std::fmt;

use crate::attribution::model::Model;
pub use crate::corpus::spans::{read_jsonl, write_jsonl, SpanAttribution, SpanDoc};
use serde::{Deserialize, Serialize};
use std::path::Path;

impl From<&crate::attribution::Attribution> for SpanAttribution {
    /// The spans of an extracted attribution, as `[start, end]` pairs.
    fn from(a: &crate::attribution::Attribution) -> SpanAttribution {
        let pairs = |v: &[crate::text::Span]| v.iter().map(|s| [s.start, s.end]).collect();
        SpanAttribution {
            source: pairs(&a.source),
            cue: pairs(&a.cue),
            content: pairs(&a.content),
        }
    }
}

/// The three roles, in the order the reference scorer visits them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Source,
    Cue,
    Content,
}

const ROLES: [Role; 3] = [Role::Source, Role::Cue, Role::Content];

impl Role {
    fn name(self) -> &'static str {
        match self {
            Role::Source => "source",
            Role::Cue => "cue",
            Role::Content => "content",
        }
    }

    fn frags(self, a: &SpanAttribution) -> &[[usize; 2]] {
        match self {
            Role::Source => &a.source,
            Role::Cue => &a.cue,
            Role::Content => &a.content,
        }
    }
}

/// Precision, recall and F1, computed as the reference scorer does (each is
/// 0.0 when its denominator is zero).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Prf {
    /// Precision: true positives over predicted items.
    pub p: f64,
    /// Recall: true positives over gold items.
    pub r: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
}

impl Prf {
    /// Computes P/R/F1 from counts of true positives, predicted and gold items.
    pub fn from_counts(tp: usize, npred: usize, ngold: usize) -> Prf {
        let p = if npred > 0 {
            tp as f64 / npred as f64
        } else {
            0.0
        };
        let r = if ngold > 0 {
            tp as f64 / ngold as f64
        } else {
            0.0
        };
        let f1 = if p + r != 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        Prf { p, r, f1 }
    }
}

/// All the figures of the reference attribution scorer. Serialized, this has
/// the layout of the script's `--json` output.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct AttributionScores {
    /// Exact multiset match of trimmed source fragments.
    pub source_exact: Prf,
    /// Overlap of the word tokens covered by sources.
    pub source_token: Prf,
    /// Exact multiset match of trimmed cue fragments.
    pub cue_exact: Prf,
    /// Overlap of the word tokens covered by cues.
    pub cue_token: Prf,
    /// Exact multiset match of trimmed content fragments.
    pub content_exact: Prf,
    /// Overlap of the word tokens covered by contents.
    pub content_token: Prf,
    /// Greedy one-to-one relation matching.
    pub relation: Prf,
}

impl AttributionScores {
    /// The metrics with the names the script uses, in its output order.
    pub fn named(&self) -> [(&'static str, Prf); 7] {
        [
            ("source_exact", self.source_exact),
            ("source_token", self.source_token),
            ("cue_exact", self.cue_exact),
            ("cue_token", self.cue_token),
            ("content_exact", self.content_exact),
            ("content_token", self.content_token),
            ("relation", self.relation),
        ]
    }
}

impl fmt::Display for AttributionScores {
    /// The script's text output: one `%-15s P %.3f  R %.3f  F1 %.3f` line per
    /// metric, without a final newline.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, (name, m)) in self.named().iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{name:<15} P {:.3}  R {:.3}  F1 {:.3}", m.p, m.r, m.f1)?;
        }
        Ok(())
    }
}

/// Python-style `raw[a:b] == q` for non-negative bounds (slices are clamped
/// to the text, so out-of-range bounds compare unequal instead of failing).
fn slice_eq(raw: &[u8], a: usize, b: usize, q: &[u8]) -> bool {
    let a = a.min(raw.len());
    let b = b.min(raw.len());
    a <= b && &raw[a..b] == q
}

fn is_trim_byte(b: u8) -> bool {
    matches!(
        b,
        b' ' | b'\t' | b'\r' | b'\n' | b'"' | b'\'' | b'.' | b',' | b':' | b';'
    )
}

/// The reference `trim`: strips ASCII spaces and quote/comma/stop marks from
/// both ends, then at most one of each curly quote (in the order “ ” ‘ ’)
/// from each end. As in the script, the start may pass the end.
fn trim(raw: &[u8], mut s: usize, mut e: usize) -> (usize, usize) {
    while s < e && s < raw.len() && is_trim_byte(raw[s]) {
        s += 1;
    }
    while s < e && e >= 1 && e <= raw.len() && is_trim_byte(raw[e - 1]) {
        e -= 1;
    }
    for q in ["\u{201c}", "\u{201d}", "\u{2018}", "\u{2019}"] {
        let q = q.as_bytes();
        if slice_eq(raw, s, s.saturating_add(3), q) {
            s += 3;
        }
        if e >= s.saturating_add(3) && slice_eq(raw, e - 3, e, q) {
            e -= 3;
        }
    }
    (s, e)
}

/// The multiset key of one relation's role: its trimmed, non-empty fragments,
/// sorted.
fn role_key(raw: &[u8], frags: &[[usize; 2]]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = frags
        .iter()
        .map(|&[s, e]| trim(raw, s, e))
        .filter(|t| t.0 < t.1)
        .collect();
    out.sort_unstable();
    out
}

/// Byte ranges of the `\w+` tokens of `raw`, where `\w` is ASCII
/// `[A-Za-z0-9_]` (Python's `re` on bytes).
fn word_tokens(raw: &[u8]) -> Vec<(usize, usize)> {
    let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut toks = Vec::new();
    let mut i = 0;
    while i < raw.len() {
        if is_word(raw[i]) {
            let start = i;
            while i < raw.len() && is_word(raw[i]) {
                i += 1;
            }
            toks.push((start, i));
        } else {
            i += 1;
        }
    }
    toks
}

/// Start offsets of the tokens that overlap any fragment (`te > s && ts < e`,
/// so an empty fragment strictly inside a token selects it, as in the script).
fn tokens_into(toks: &[(usize, usize)], frags: &[[usize; 2]], got: &mut BTreeSet<usize>) {
    for &[s, e] in frags {
        // Tokens are sorted and disjoint, so their ends increase too.
        let first = toks.partition_point(|&(_, te)| te <= s);
        for &(ts, _) in &toks[first..] {
            if ts >= e {
                break;
            }
            got.insert(ts);
        }
    }
}

fn tokens(toks: &[(usize, usize)], frags: &[[usize; 2]]) -> BTreeSet<usize> {
    let mut got = BTreeSet::new();
    tokens_into(toks, frags, &mut got);
    got
}

/// Multiset of non-empty role keys.
fn key_counts(
    raw: &[u8],
    docs: &[SpanAttribution],
    role: Role,
) -> HashMap<Vec<(usize, usize)>, usize> {
    let mut counts = HashMap::new();
    for a in docs {
        let frags = role.frags(a);
        if frags.is_empty() {
            continue;
        }
        let key = role_key(raw, frags);
        if !key.is_empty() {
            *counts.entry(key).or_insert(0) += 1;
        }
    }
    counts
}

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: usize,
    npred: usize,
    ngold: usize,
}

impl Counts {
    fn prf(self) -> Prf {
        Prf::from_counts(self.tp, self.npred, self.ngold)
    }
}

/// Scores predictions against gold exactly as `attr_score.py` does.
///
/// Gold documents need a `text`; a repeated gold id keeps its first position
/// and its last record, and a repeated prediction id keeps its last record
/// (the script stores both in dicts). Gold documents with no prediction count
/// as predicted with no attributions. Errors, like the script: a prediction
/// whose id is not in gold, and a predicted span outside the gold text.
pub fn score(gold: &[SpanDoc], pred: &[SpanDoc]) -> Result<AttributionScores, String> {
    let mut gold_pos: HashMap<&str, usize> = HashMap::new();
    let mut gold_docs: Vec<&SpanDoc> = Vec::new();
    for g in gold {
        match gold_pos.get(g.id.as_str()) {
            Some(&i) => gold_docs[i] = g,
            None => {
                gold_pos.insert(&g.id, gold_docs.len());
                gold_docs.push(g);
            }
        }
    }
    let mut pred_by_id: HashMap<&str, &SpanDoc> = HashMap::new();
    for (n, p) in pred.iter().enumerate() {
        if !gold_pos.contains_key(p.id.as_str()) {
            return Err(format!("prediction {}: unknown id {:?}", n + 1, p.id));
        }
        pred_by_id.insert(&p.id, p);
    }

    let mut ex = [Counts::default(); 3];
    let mut tk = [Counts::default(); 3];
    let mut rel = Counts::default();
    let no_attributions: Vec<SpanAttribution> = Vec::new();
    for g in gold_docs {
        let text = g
            .text
            .as_deref()
            .ok_or_else(|| format!("gold document {:?} has no text", g.id))?;
        let raw = text.as_bytes();
        let toks = word_tokens(raw);
        let p_attrs: &[SpanAttribution] = match pred_by_id.get(g.id.as_str()) {
            Some(p) => &p.attributions,
            None => &no_attributions,
        };
        for a in p_attrs {
            for role in ROLES {
                for &[s, e] in role.frags(a) {
                    if !(s <= e && e <= raw.len()) {
                        return Err(format!(
                            "{}: {} span [{s},{e}] outside the text",
                            g.id,
                            role.name()
                        ));
                    }
                }
            }
        }
        for (ri, role) in ROLES.into_iter().enumerate() {
            let gk = key_counts(raw, &g.attributions, role);
            let pk = key_counts(raw, p_attrs, role);
            ex[ri].tp += gk
                .iter()
                .map(|(k, &c)| c.min(pk.get(k).copied().unwrap_or(0)))
                .sum::<usize>();
            ex[ri].npred += pk.values().sum::<usize>();
            ex[ri].ngold += gk.values().sum::<usize>();

            let mut gt = BTreeSet::new();
            for a in &g.attributions {
                tokens_into(&toks, role.frags(a), &mut gt);
            }
            let mut pt = BTreeSet::new();
            for a in p_attrs {
                tokens_into(&toks, role.frags(a), &mut pt);
            }
            tk[ri].tp += gt.intersection(&pt).count();
            tk[ri].npred += pt.len();
            tk[ri].ngold += gt.len();
        }

        // Relation-level greedy matching.
        let sets = |a: &SpanAttribution| ROLES.map(|role| tokens(&toks, role.frags(a)));
        let gsets: Vec<[BTreeSet<usize>; 3]> = g.attributions.iter().map(sets).collect();
        let psets: Vec<[BTreeSet<usize>; 3]> = p_attrs.iter().map(sets).collect();
        let mut used = vec![false; gsets.len()];
        for [p_src, p_cue, p_con] in &psets {
            for (i, [g_src, g_cue, g_con]) in gsets.iter().enumerate() {
                if used[i] {
                    continue;
                }
                let cue_ok = if p_cue.is_empty() && g_cue.is_empty() {
                    true
                } else {
                    p_cue.intersection(g_cue).next().is_some()
                };
                let src_ok = if p_src.is_empty() && g_src.is_empty() {
                    true
                } else {
                    p_src.intersection(g_src).next().is_some()
                };
                let inter = p_con.intersection(g_con).count();
                let union = p_con.len() + g_con.len() - inter;
                let jac = if union > 0 {
                    inter as f64 / union as f64
                } else {
                    1.0
                };
                if cue_ok && src_ok && jac >= 0.5 {
                    used[i] = true;
                    rel.tp += 1;
                    break;
                }
            }
        }
        rel.npred += psets.len();
        rel.ngold += gsets.len();
    }
    Ok(AttributionScores {
        source_exact: ex[0].prf(),
        source_token: tk[0].prf(),
        cue_exact: ex[1].prf(),
        cue_token: tk[1].prf(),
        content_exact: ex[2].prf(),
        content_token: tk[2].prf(),
        relation: rel.prf(),
    })
}

/// Extracts attributions from each gold document's text with claimgraph's own extractor
/// and returns them as predictions in the same schema. The article's own voice is left
/// out: PolNeAR annotates only what is attributed to someone.
pub fn predict(gold: &[SpanDoc]) -> Vec<SpanDoc> {
    predict_with(gold, Model::embedded())
}

/// Like [`predict`], with the given attribution model.
pub fn predict_with(gold: &[SpanDoc], model: &Model) -> Vec<SpanDoc> {
    let registry = crate::sources::Gazetteer::default();
    gold.iter()
        .map(|g| {
            let text = g.text.clone().unwrap_or_default();
            let article = crate::corpus::Article::new(g.id.clone(), text);
            let attributions = crate::attribution::extract_with(&article, &registry, model)
                .iter()
                .filter(|a| a.kind != crate::attribution::AttributionKind::Author)
                .map(SpanAttribution::from)
                .collect();
            SpanDoc {
                id: g.id.clone(),
                text: None,
                attributions,
            }
        })
        .collect()
}

/// Reads an attribution model file (one `claimgraph train attribution` wrote). Errors name
/// the file.
pub fn read_model(path: &Path) -> Result<Model, String> {
    let bytes = crate::corpus::read_data(path)?;
    Model::from_bytes(&bytes).map_err(|e| format!("{}: {e}", path.display()))
}

/// `claimgraph eval attribution`: extracts from each text of a gold span JSONL file with
/// the embedded model or the one in `model`, writes the predictions to `predictions` when
/// asked, and scores them as the reference scorer does.
pub fn evaluate(
    gold: &Path,
    predictions: Option<&Path>,
    model: Option<&Path>,
) -> Result<AttributionScores, String> {
    let gold = read_jsonl(gold)?;
    let pred = match model {
        Some(path) => predict_with(&gold, &read_model(path)?),
        None => predict(&gold),
    };
    if let Some(p) = predictions {
        write_jsonl(p, &pred)?;
    }
    score(&gold, &pred)
}

#[cfg(test)]
mod tests;
