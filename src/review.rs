//! Snapshot review of research: a story's accepted analysis, stored in its folder, and
//! what has changed since, at the level a researcher cares about.
//!
//! `accept` writes the current [`Report`] as `accepted.report.json` in the story folder;
//! `compare` sets a later report against it: claims added, removed or changed, relations
//! added or removed, propositions whose credibility or confidence moved, and sources new to
//! the story or gone from it.

use crate::corpus::{read_limited, MAX_FILE_BYTES};
use crate::error::{Diagnostic, Error, Result};
use crate::link::diff::{render as render_diff, word_diff, DiffOp, DiffPart};
use crate::report::{ClaimInfo, PropositionInfo, RelationKind, Report, SCHEMA};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;
use std::path::{Path, PathBuf};

/// The accepted snapshot's file name inside a story folder.
pub const ACCEPTED_FILE: &str = "accepted.report.json";

/// Confidence moves smaller than this are not reported (reports round to two places).
pub const CONFIDENCE_STEP: f64 = 0.005;

/// The accepted snapshot's path for a story folder.
pub fn accepted_path(story: &Path) -> PathBuf {
    story.join(ACCEPTED_FILE)
}

/// Stores `report` as the story's accepted snapshot, whole or not at all; returns its path.
pub fn accept(story: &Path, report: &Report) -> Result<PathBuf> {
    let path = accepted_path(story);
    crate::output::write_atomic(&path, report.to_json().as_bytes())?;
    Ok(path)
}

/// Reads the story's accepted snapshot: a regular file (a FIFO or a device there is
/// refused without being opened for reading) of at most [`MAX_FILE_BYTES`], whatever size
/// it claims, in UTF-8.
pub fn accepted(story: &Path) -> Result<Report> {
    let path = accepted_path(story);
    let bytes = match read_limited(&path, MAX_FILE_BYTES) {
        Ok(b) => b,
        Err(e) if e.is_not_found() => {
            return Err(Error::Story {
                path,
                message: "no accepted snapshot yet: run `claimgraph accept` on the story first"
                    .into(),
            })
        }
        // a diagnostic rather than Error::Io, whose source would be printed a second time
        Err(e) => return Err(Error::Input(e.diagnostic(&path))),
    };
    parse_snapshot(&path, bytes)
}

/// Reads an accepted snapshot from its bytes (`path` is the file they were read from, for
/// messages): a report of this claimgraph's schema, or an error at its line and column.
pub fn parse_snapshot(path: &Path, bytes: Vec<u8>) -> Result<Report> {
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let (l, c) = crate::text::span::line_col_bytes(e.as_bytes(), at);
        Error::Input(Diagnostic::at(
            path,
            l,
            c,
            format!("not a claimgraph report: not valid UTF-8 at offset {at}"),
        ))
    })?;
    let report: Report = serde_json::from_str(&text).map_err(|e| {
        Error::Input(Diagnostic::at(
            path,
            e.line(),
            e.column(),
            format!("not a claimgraph report: {e}"),
        ))
    })?;
    if report.schema != SCHEMA {
        return Err(Error::Input(Diagnostic::file(
            path,
            format!(
                "accepted with report schema {}, this claimgraph writes {SCHEMA}: run `claimgraph accept` again after reading the current report",
                report.schema
            ),
        )));
    }
    Ok(report)
}

/// A claim as the review lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClaimLine {
    /// Claim id.
    pub id: String,
    /// Who said it (source name).
    pub speaker: String,
    /// What was said.
    pub content: String,
}

/// A claim present in both analyses whose reading changed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClaimChange {
    /// The claim now.
    pub claim: ClaimLine,
    /// What changed, one line per field: "stance: assert → deny".
    pub changes: Vec<String>,
    /// For a claim whose words were edited (so its id changed): the id it had when
    /// accepted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub was: Option<String>,
    /// For an edited claim: the word difference from the accepted wording to the new one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub diff: Vec<DiffPart>,
}

/// A relation as the review lists it; relations sort by first claim, the kind's words and
/// second claim.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelationLine {
    /// First claim id.
    pub a: String,
    /// Kind.
    pub kind: RelationKind,
    /// Second claim id.
    pub b: String,
}

impl Ord for RelationLine {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (&self.a, self.kind.label(), &self.b).cmp(&(&other.a, other.kind.label(), &other.b))
    }
}

impl PartialOrd for RelationLine {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// A proposition whose credibility or confidence moved.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Movement {
    /// The statement now.
    pub statement: String,
    /// Grade before and now.
    pub grade: (String, String),
    /// Confidence before and now.
    pub confidence: (f64, f64),
    /// Independent origins before and now.
    pub independent_origins: (usize, usize),
}

/// Everything that differs between the accepted analysis and the current one.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Changes {
    /// Articles new to the story (ids).
    pub articles_added: Vec<String>,
    /// Articles no longer in it.
    pub articles_removed: Vec<String>,
    /// Claims new to the story.
    pub claims_added: Vec<ClaimLine>,
    /// Claims no longer found.
    pub claims_removed: Vec<ClaimLine>,
    /// Claims read differently.
    pub claims_changed: Vec<ClaimChange>,
    /// Relations found now and not before.
    pub relations_added: Vec<RelationLine>,
    /// Relations found before and not now.
    pub relations_removed: Vec<RelationLine>,
    /// Propositions whose grade, confidence or independence moved.
    pub moved: Vec<Movement>,
    /// Sources new to the story (names).
    pub sources_added: Vec<String>,
    /// Sources no longer cited (names).
    pub sources_removed: Vec<String>,
}

impl Changes {
    /// True when nothing changed.
    pub fn is_empty(&self) -> bool {
        self == &Changes::default()
    }
}

fn line(c: &ClaimInfo) -> ClaimLine {
    ClaimLine {
        id: c.id.clone(),
        speaker: c.speaker.name.clone(),
        content: c.content_text(),
    }
}

/// What a researcher would want to know changed in a claim's reading.
fn claim_changes(old: &ClaimInfo, new: &ClaimInfo) -> Vec<String> {
    let mut out = Vec::new();
    let mut field = |name: &str, a: String, b: String| {
        if a != b {
            out.push(format!("{name}: {a} → {b}"));
        }
    };
    field(
        "speaker",
        old.speaker.name.clone(),
        new.speaker.name.clone(),
    );
    field("said", line(old).content, line(new).content);
    field("chain", old.via.join(" → "), new.via.join(" → "));
    field(
        "kind",
        old.kind.label().to_string(),
        new.kind.label().to_string(),
    );
    field(
        "stance",
        old.stance.label().to_string(),
        new.stance.label().to_string(),
    );
    field("hedges", old.hedges.join(", "), new.hedges.join(", "));
    field(
        "attribution confidence",
        format!("{:.2}", old.attribution_confidence),
        format!("{:.2}", new.attribution_confidence),
    );
    out
}

/// The proposition of `new` that shares the most claims with `old`'s, if any.
/// The share of words two wordings must have in common for a removed and an added claim
/// to be one claim edited.
pub const EDIT_OVERLAP: f64 = 0.5;

/// Removed and added claims that are one claim edited: in the same article and paragraph,
/// by the same speaker, their words at least [`EDIT_OVERLAP`] the same. Each removed claim
/// is paired with the added one it shares most words with, each added one used once.
/// Claims are compared only within their paragraph, so the time grows with the claims.
fn edited<'a>(
    removed: &[&'a ClaimInfo],
    added: &[&'a ClaimInfo],
) -> Vec<(&'a ClaimInfo, &'a ClaimInfo)> {
    let key = |c: &ClaimInfo| (c.article.clone(), c.paragraph, c.speaker.name.clone());
    let mut by_place: BTreeMap<(String, usize, String), Vec<&'a ClaimInfo>> = BTreeMap::new();
    for c in added {
        by_place.entry(key(c)).or_default().push(c);
    }
    let mut out = Vec::new();
    for o in removed {
        let Some(candidates) = by_place.get_mut(&key(o)) else {
            continue;
        };
        let old_text = o.content_text();
        let best = candidates
            .iter()
            .enumerate()
            .map(|(i, n)| (i, overlap(&word_diff(&old_text, &n.content_text()))))
            .filter(|(_, share)| *share >= EDIT_OVERLAP)
            .max_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((i, _)) = best {
            out.push((*o, candidates.remove(i)));
        }
    }
    out
}

/// The share of words a difference keeps, over the longer wording.
fn overlap(parts: &[DiffPart]) -> f64 {
    let count = |op: DiffOp| -> usize {
        parts
            .iter()
            .filter(|p| p.op == op)
            .map(|p| p.text.split_whitespace().count())
            .sum()
    };
    let same = count(DiffOp::Same);
    let longer = (same + count(DiffOp::Removed)).max(same + count(DiffOp::Added));
    if longer == 0 {
        return 0.0;
    }
    same as f64 / longer as f64
}

fn counterpart<'a>(
    old: &PropositionInfo,
    new: &'a [PropositionInfo],
) -> Option<&'a PropositionInfo> {
    let mine: BTreeSet<&String> = old.claims.iter().collect();
    new.iter()
        .map(|p| (p.claims.iter().filter(|c| mine.contains(c)).count(), p))
        .filter(|(n, _)| *n > 0)
        .max_by_key(|(n, _)| *n)
        .map(|(_, p)| p)
}

/// Compares the current analysis with the accepted one.
pub fn compare(old: &Report, new: &Report) -> Changes {
    let mut ch = Changes::default();
    let ids =
        |r: &Report| -> BTreeSet<String> { r.articles.iter().map(|a| a.id.clone()).collect() };
    let (oa, na) = (ids(old), ids(new));
    ch.articles_added = na.difference(&oa).cloned().collect();
    ch.articles_removed = oa.difference(&na).cloned().collect();

    let old_claims: BTreeMap<&str, &ClaimInfo> =
        old.claims.iter().map(|c| (c.id.as_str(), c)).collect();
    let new_claims: BTreeMap<&str, &ClaimInfo> =
        new.claims.iter().map(|c| (c.id.as_str(), c)).collect();
    for c in &new.claims {
        match old_claims.get(c.id.as_str()) {
            None => ch.claims_added.push(line(c)),
            Some(o) => {
                let changes = claim_changes(o, c);
                if !changes.is_empty() {
                    ch.claims_changed.push(ClaimChange {
                        claim: line(c),
                        changes,
                        was: None,
                        diff: Vec::new(),
                    });
                }
            }
        }
    }
    let removed: Vec<&ClaimInfo> = old
        .claims
        .iter()
        .filter(|c| !new_claims.contains_key(c.id.as_str()))
        .collect();
    let added: Vec<&ClaimInfo> = new
        .claims
        .iter()
        .filter(|c| !old_claims.contains_key(c.id.as_str()))
        .collect();
    let edits = edited(&removed, &added);
    let was_edited = |id: &str, old: bool| {
        edits
            .iter()
            .any(|(o, n)| if old { o.id == id } else { n.id == id })
    };
    ch.claims_added.retain(|c| !was_edited(&c.id, false));
    ch.claims_removed = removed
        .iter()
        .filter(|c| !was_edited(&c.id, true))
        .map(|c| line(c))
        .collect();
    for (o, n) in &edits {
        ch.claims_changed.push(ClaimChange {
            claim: line(n),
            changes: claim_changes(o, n)
                .into_iter()
                .filter(|x| !x.starts_with("said: "))
                .collect(),
            was: Some(o.id.clone()),
            diff: word_diff(&o.content_text(), &n.content_text()),
        });
    }

    let rels = |r: &Report| -> BTreeSet<RelationLine> {
        r.relations
            .iter()
            .map(|x| RelationLine {
                a: x.a.clone(),
                kind: x.kind,
                b: x.b.clone(),
            })
            .collect()
    };
    let (or, nr) = (rels(old), rels(new));
    ch.relations_added = nr.difference(&or).cloned().collect();
    ch.relations_removed = or.difference(&nr).cloned().collect();

    for p in &old.propositions {
        let Some(q) = counterpart(p, &new.propositions) else {
            continue;
        };
        if p.grade != q.grade
            || (p.confidence - q.confidence).abs() >= CONFIDENCE_STEP
            || p.independent_origins != q.independent_origins
        {
            ch.moved.push(Movement {
                statement: q.statement.clone(),
                grade: (p.grade.clone(), q.grade.clone()),
                confidence: (p.confidence, q.confidence),
                independent_origins: (p.independent_origins, q.independent_origins),
            });
        }
    }
    // two old propositions that became one are one movement
    ch.moved
        .dedup_by(|a, b| a.statement == b.statement && a.grade.1 == b.grade.1);

    let names =
        |r: &Report| -> BTreeSet<String> { r.sources.iter().map(|s| s.name.clone()).collect() };
    let (os, ns) = (names(old), names(new));
    ch.sources_added = ns.difference(&os).cloned().collect();
    ch.sources_removed = os.difference(&ns).cloned().collect();
    ch
}

/// The changes as text for a terminal, one section per kind of change, control and escape
/// characters of the input made harmless.
pub fn render(ch: &Changes) -> String {
    let mut out = String::new();
    let mut section = |title: &str, lines: Vec<String>| {
        if !lines.is_empty() {
            let _ = writeln!(out, "{title} ({}):", lines.len());
            for l in lines {
                let _ = writeln!(out, "  {l}");
            }
            let _ = writeln!(out);
        }
    };
    let claim = |c: &ClaimLine| format!("{} {}: “{}”", c.id, c.speaker, c.content);
    section(
        "articles added",
        ch.articles_added.iter().map(|a| format!("+ {a}")).collect(),
    );
    section(
        "articles removed",
        ch.articles_removed
            .iter()
            .map(|a| format!("- {a}"))
            .collect(),
    );
    section(
        "sources new to the story",
        ch.sources_added.iter().map(|s| format!("+ {s}")).collect(),
    );
    section(
        "sources no longer cited",
        ch.sources_removed
            .iter()
            .map(|s| format!("- {s}"))
            .collect(),
    );
    section(
        "claims added",
        ch.claims_added
            .iter()
            .map(|c| format!("+ {}", claim(c)))
            .collect(),
    );
    section(
        "claims removed",
        ch.claims_removed
            .iter()
            .map(|c| format!("- {}", claim(c)))
            .collect(),
    );
    section(
        "claims changed",
        ch.claims_changed
            .iter()
            .map(|c| {
                let mut s = format!("~ {}", claim(&c.claim));
                if let Some(was) = &c.was {
                    s.push_str(&format!(
                        "\n      edited (was {was}): {}",
                        render_diff(&c.diff)
                    ));
                }
                for x in &c.changes {
                    s.push_str(&format!("\n      {x}"));
                }
                s
            })
            .collect(),
    );
    let rel = |r: &RelationLine| format!("{} {} {}", r.a, r.kind.label(), r.b);
    section(
        "relations added",
        ch.relations_added
            .iter()
            .map(|r| format!("+ {}", rel(r)))
            .collect(),
    );
    section(
        "relations removed",
        ch.relations_removed
            .iter()
            .map(|r| format!("- {}", rel(r)))
            .collect(),
    );
    section(
        "credibility and confidence moved",
        ch.moved
            .iter()
            .map(|m| {
                format!(
                    "~ “{}”: grade {} → {}, confidence {:.2} → {:.2}, independent origins {} → {}",
                    m.statement,
                    m.grade.0,
                    m.grade.1,
                    m.confidence.0,
                    m.confidence.1,
                    m.independent_origins.0,
                    m.independent_origins.1
                )
            })
            .collect(),
    );
    out.push_str("run `claimgraph accept` on the story once these changes are reviewed\n");
    // for a terminal: no escape sequence of an article reaches it
    crate::terminal::clean(&out).into_owned()
}
