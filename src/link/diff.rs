//! Word-level differences between two wordings of a quotation.

use crate::text::{tokens::words, Span};
use serde::{Deserialize, Serialize};

/// What a run of words is in the second wording compared with the first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DiffOp {
    /// In both wordings.
    Same,
    /// Only in the first wording.
    Removed,
    /// Only in the second wording.
    Added,
}

/// A run of words with what happened to it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffPart {
    /// Kept, removed or added.
    pub op: DiffOp,
    /// The words, joined by single spaces.
    pub text: String,
}

/// Longest word sequences compared cell by cell; longer ones are shown as one removal and
/// one addition (quotations are rarely this long).
const MAX_WORDS: usize = 400;

/// The word-level difference from `first` to `second`: the longest common subsequence of
/// their words (compared case-insensitively, shown as `second` writes them) kept, the rest
/// removed or added. Runs of the same kind are merged.
pub fn word_diff(first: &str, second: &str) -> Vec<DiffPart> {
    let a: Vec<&str> = words(first, Span::new(0, first.len()))
        .iter()
        .map(|t| t.text)
        .collect();
    let b: Vec<&str> = words(second, Span::new(0, second.len()))
        .iter()
        .map(|t| t.text)
        .collect();
    let mut ops: Vec<(DiffOp, &str)> = Vec::new();
    if a.len() > MAX_WORDS || b.len() > MAX_WORDS {
        ops.extend(a.iter().map(|w| (DiffOp::Removed, *w)));
        ops.extend(b.iter().map(|w| (DiffOp::Added, *w)));
    } else {
        let eq = |x: &str, y: &str| x.to_lowercase() == y.to_lowercase();
        // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..]
        let (n, m) = (a.len(), b.len());
        let mut lcs = vec![vec![0u16; m + 1]; n + 1];
        for i in (0..n).rev() {
            for j in (0..m).rev() {
                lcs[i][j] = if eq(a[i], b[j]) {
                    lcs[i + 1][j + 1] + 1
                } else {
                    lcs[i + 1][j].max(lcs[i][j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < n || j < m {
            if i < n && j < m && eq(a[i], b[j]) {
                ops.push((DiffOp::Same, b[j]));
                i += 1;
                j += 1;
            } else if j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j]) {
                ops.push((DiffOp::Added, b[j]));
                j += 1;
            } else {
                ops.push((DiffOp::Removed, a[i]));
                i += 1;
            }
        }
        // removals before additions inside a changed stretch reads best
        let mut k = 0;
        while k < ops.len() {
            let end = (k..ops.len())
                .find(|&e| ops[e].0 == DiffOp::Same)
                .unwrap_or(ops.len());
            ops[k..end].sort_by_key(|(op, _)| *op != DiffOp::Removed);
            k = end + 1;
        }
    }
    let mut out: Vec<DiffPart> = Vec::new();
    for (op, w) in ops {
        match out.last_mut() {
            Some(p) if p.op == op => {
                p.text.push(' ');
                p.text.push_str(w);
            }
            _ => out.push(DiffPart {
                op,
                text: w.to_string(),
            }),
        }
    }
    out
}

/// The difference in one line: kept words as they are, removed ones as `[-…-]`, added ones
/// as `{+…+}` (the notation of `git diff --word-diff`).
pub fn render(parts: &[DiffPart]) -> String {
    parts
        .iter()
        .map(|p| match p.op {
            DiffOp::Same => p.text.clone(),
            DiffOp::Removed => format!("[-{}-]", p.text),
            DiffOp::Added => format!("{{+{}+}}", p.text),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_what_changed_between_wordings() {
        let d = word_diff(
            "preparing to attack a congregation of a Synagogue using firearms",
            "preparing to use firearms to attack congregants at a synagogue",
        );
        let shown = render(&d);
        assert_eq!(
            shown,
            "preparing to {+use firearms to+} attack {+congregants at+} a [-congregation of a-] \
             synagogue [-using firearms-]"
        );
        // every word of both wordings is accounted for, in order
        let side = |keep: DiffOp| {
            d.iter()
                .filter(|p| p.op == DiffOp::Same || p.op == keep)
                .map(|p| p.text.to_lowercase())
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert_eq!(
            side(DiffOp::Removed),
            "preparing to attack a congregation of a synagogue using firearms"
        );
        assert_eq!(
            side(DiffOp::Added),
            "preparing to use firearms to attack congregants at a synagogue"
        );
    }

    #[test]
    fn equal_and_empty_wordings() {
        // kept words are shown as the second wording writes them
        assert_eq!(
            render(&word_diff("the same words", "The same words")),
            "The same words"
        );
        assert!(word_diff("", "").is_empty());
        assert_eq!(render(&word_diff("", "new")), "{+new+}");
    }
}
