//! FNC-1 stance metrics with the definitions of the reference scorer.
//!
//! This module reimplements `eval/fnc_score.py` (the shared reference scorer)
//! so that the same files give the same numbers, and reads and writes the
//! FNC-1 CSV files (`Headline,Body ID,Stance` and `Body ID,articleBody`).
//!
//! The files are read as Python reads them (see `fnc_csv`).

use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};

use super::fnc_csv::py_isspace;
pub use super::fnc_csv::{
    read_bodies, read_ids, read_stance_lines, read_stances, write_predictions,
};
use std::fmt;

pub use crate::check::FncStance as Stance;
use serde::{Deserialize, Serialize, Serializer};

/// Parses a stance label the way the scorer reads predicted labels: surrounding
/// whitespace is ignored and case does not matter.
pub fn parse_stance(s: &str) -> Result<Stance, String> {
    let norm = normalize_label(s);
    Stance::ALL
        .into_iter()
        .find(|c| c.as_str() == norm)
        .ok_or_else(|| format!("unknown stance {s:?}"))
}

/// One row of a stances file (gold or predicted).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StanceRow {
    /// The headline, exactly as in the file.
    pub headline: String,
    /// The body the headline is paired with.
    pub body_id: u32,
    /// The stance label, exactly as in the file. Gold labels are compared
    /// as they are; predicted labels are stripped and lower-cased first.
    pub stance: String,
}

/// Python's `s.strip().lower()`.
fn normalize_label(s: &str) -> String {
    s.trim_matches(py_isspace).to_lowercase()
}

/// The figures of the reference FNC-1 scorer. Serialized, the fields the
/// script prints with `--json` have its layout (`f1` is an object keyed by
/// class); `confusion` is extra.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StanceScores {
    /// FNC-1 weighted score as a percentage of the best possible score
    /// (0.0 when no gold rows are scored; the script fails there).
    pub fnc_pct: f64,
    /// Mean of the four per-class F1 values.
    pub macro_f1: f64,
    /// Per-class F1 in the order of [`Stance::ALL`].
    #[serde(serialize_with = "f1_as_map")]
    pub f1: [f64; 4],
    /// Number of gold rows scored (after the id filter).
    pub rows: usize,
    /// Gold rows that had no prediction left for their headline and body.
    pub missing: usize,
    /// Counts by gold label, then predicted label (stripped and lower-cased;
    /// `missing` for a missing prediction). Labels are kept as they are, so
    /// unexpected ones show up here.
    pub confusion: BTreeMap<String, BTreeMap<String, usize>>,
}

fn f1_as_map<S: Serializer>(f1: &[f64; 4], s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut m = s.serialize_map(Some(4))?;
    for c in Stance::ALL {
        m.serialize_entry(c.as_str(), &f1[c.index()])?;
    }
    m.end()
}

impl StanceScores {
    /// F1 of one class.
    pub fn f1_of(&self, c: Stance) -> f64 {
        self.f1[c.index()]
    }
}

impl fmt::Display for StanceScores {
    /// The script's three text lines, without a final newline.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "rows {}, missing predictions {}",
            self.rows, self.missing
        )?;
        write!(f, "per-class F1: ")?;
        for (i, c) in Stance::ALL.into_iter().enumerate() {
            if i > 0 {
                write!(f, "  ")?;
            }
            write!(f, "{} {:.3}", c.as_str(), self.f1[c.index()])?;
        }
        writeln!(f)?;
        write!(
            f,
            "FNC score {:.2}%  macro-F1 {:.3}",
            self.fnc_pct, self.macro_f1
        )
    }
}

/// Scores predicted stances against gold exactly as `fnc_score.py` does.
///
/// With `ids`, only gold rows whose body id is listed are scored. Gold and
/// predicted rows are matched by (headline, body id) in order of occurrence;
/// a gold row with no prediction left counts as predicted `missing`. Gold
/// labels are used as they are; predicted labels are stripped of whitespace
/// and lower-cased. A correct `unrelated` earns 0.25 of a best 0.25; a
/// correct agree/disagree/discuss earns 1.0 of a best 1.0 (0.25 for the label,
/// 0.5 more for a related class, 0.25 for relatedness); a wrong class among
/// agree/disagree/discuss still earns 0.25 for relatedness.
pub fn score(gold: &[StanceRow], pred: &[StanceRow], ids: Option<&BTreeSet<u32>>) -> StanceScores {
    const RELATED: [&str; 3] = ["agree", "disagree", "discuss"];
    let mut queues: HashMap<(&str, u32), VecDeque<String>> = HashMap::new();
    for r in pred {
        queues
            .entry((r.headline.as_str(), r.body_id))
            .or_default()
            .push_back(normalize_label(&r.stance));
    }
    let mut score = 0.0f64;
    let mut best = 0.0f64;
    let mut rows = 0usize;
    let mut missing = 0usize;
    let mut confusion: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    for r in gold {
        if ids.is_some_and(|ids| !ids.contains(&r.body_id)) {
            continue;
        }
        rows += 1;
        let g = r.stance.as_str();
        let p = match queues
            .get_mut(&(r.headline.as_str(), r.body_id))
            .and_then(VecDeque::pop_front)
        {
            Some(p) => p,
            None => {
                missing += 1;
                "missing".to_string()
            }
        };
        best += if g == "unrelated" { 0.25 } else { 1.0 };
        if g == p {
            score += 0.25;
            if g != "unrelated" {
                score += 0.50;
            }
        }
        if RELATED.contains(&g) && RELATED.contains(&p.as_str()) {
            score += 0.25;
        }
        *confusion
            .entry(g.to_string())
            .or_default()
            .entry(p)
            .or_insert(0) += 1;
    }
    let mut f1 = [0.0f64; 4];
    for c in Stance::ALL {
        let name = c.as_str();
        let tp = confusion
            .get(name)
            .and_then(|m| m.get(name))
            .copied()
            .unwrap_or(0);
        let npred: usize = confusion.values().filter_map(|m| m.get(name)).sum();
        let ngold: usize = confusion.get(name).map_or(0, |m| m.values().sum());
        f1[c.index()] = super::attribution::Prf::from_counts(tp, npred, ngold).f1;
    }
    let fnc_pct = if best > 0.0 {
        100.0 * score / best
    } else {
        0.0
    };
    let macro_f1 = (0.0 + f1[0] + f1[1] + f1[2] + f1[3]) / 4.0;
    StanceScores {
        fnc_pct,
        macro_f1,
        f1,
        rows,
        missing,
        confusion,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(h: &str, id: u32, s: &str) -> StanceRow {
        StanceRow {
            headline: h.to_string(),
            body_id: id,
            stance: s.to_string(),
        }
    }

    #[test]
    fn python_labels() {
        assert_eq!(parse_stance(" Agree\u{1f}"), Ok(Stance::Agree));
        assert!(parse_stance("agrees").is_err());
        assert_eq!(
            serde_json::to_string(&Stance::Unrelated).unwrap(),
            "\"unrelated\""
        );
    }

    #[test]
    fn hand_computed_scores() {
        let gold = vec![
            row("h1", 1, "agree"),
            row("h1", 1, "discuss"),
            row("h2", 2, "unrelated"),
            row("h3", 3, "disagree"),
            row("h4", 4, "unrelated"),
        ];
        let pred = vec![
            row("h1", 1, " AGREE "),   // agree vs agree: 1.0
            row("h1", 1, "agree"),     // discuss vs agree: 0.25
            row("h2", 2, "unrelated"), // 0.25
            row("h4", 4, "discuss"),   // unrelated vs discuss: 0
            row("hx", 9, "agree"),     // no gold row: ignored
        ];
        let s = score(&gold, &pred, None);
        assert_eq!(s.rows, 5);
        assert_eq!(s.missing, 1); // h3
                                  // best = 1 + 1 + 0.25 + 1 + 0.25 = 3.5; score = 1.5.
        assert_eq!(s.fnc_pct, 100.0 * 1.5 / 3.5);
        // agree: tp 1, npred 2, ngold 1 -> P 0.5 R 1 F1 2/3.
        assert_eq!(s.f1_of(Stance::Agree), 2.0 * 0.5 * 1.0 / 1.5);
        assert_eq!(s.f1_of(Stance::Disagree), 0.0);
        assert_eq!(s.f1_of(Stance::Discuss), 0.0);
        // unrelated: tp 1, npred 1, ngold 2 -> P 1 R 0.5 F1 2/3.
        assert_eq!(s.f1_of(Stance::Unrelated), 2.0 * 1.0 * 0.5 / 1.5);
        assert_eq!(s.confusion["disagree"]["missing"], 1);
        assert_eq!(
            s.to_string(),
            "rows 5, missing predictions 1\n\
             per-class F1: agree 0.667  disagree 0.000  discuss 0.000  unrelated 0.667\n\
             FNC score 42.86%  macro-F1 0.333"
        );
        let ids = BTreeSet::from([2, 4]);
        let s = score(&gold, &pred, Some(&ids));
        assert_eq!((s.rows, s.missing), (2, 0));
        assert_eq!(s.fnc_pct, 50.0);
        let json = serde_json::to_value(&s).unwrap();
        assert_eq!(json["f1"]["unrelated"], serde_json::json!(2.0 / 3.0));
        // No gold rows: no division by zero.
        assert_eq!(score(&[], &pred, None).fnc_pct, 0.0);
    }

    #[test]
    fn gold_labels_are_not_normalized() {
        // The script compares the gold label as it is.
        let gold = vec![row("h", 1, "Agree")];
        let pred = vec![row("h", 1, "agree")];
        let s = score(&gold, &pred, None);
        assert_eq!(s.fnc_pct, 0.0);
        assert_eq!(s.f1, [0.0; 4]);
    }
}
