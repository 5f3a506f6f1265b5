//! FNC-1 stance metrics with the definitions of the reference scorer.
//!
//! This module reimplements `eval/fnc_score.py` (the shared reference scorer)
//! so that the same files give the same numbers, and reads and writes the
//! FNC-1 CSV files (`Headline,Body ID,Stance` and `Body ID,articleBody`).
//!
//! The CSV reader follows Python's `csv` module with its default dialect, as
//! the script uses it: the file is decoded as UTF-8 and its line ends
//! (`\r\n`, `\r`, `\n`) are read as `\n` (Python's universal newlines, also
//! inside quoted fields); fields are separated by commas; a field that starts
//! with `"` is quoted, may hold commas and line breaks, and writes `"` as
//! `""`; after the closing quote any other characters join the field; blank
//! lines between records are skipped; the first record is the header and
//! columns are found by name. A field longer than 131072 characters is an
//! error, as it is for Python's reader.

use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};
use std::fmt;
use std::path::Path;

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

/// Python's `str.isspace` for one character: Unicode white space plus the
/// separators U+001C..U+001F.
fn py_isspace(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Python's `s.strip().lower()`.
fn normalize_label(s: &str) -> String {
    s.trim_matches(py_isspace).to_lowercase()
}

/// Python's `int(s)` for the values a `u32` can hold: surrounding whitespace,
/// a sign and single underscores between digits are allowed.
fn parse_py_int(s: &str) -> Option<u32> {
    let t = s.trim_matches(py_isspace);
    let (neg, digits) = match t.as_bytes().first() {
        Some(b'+') => (false, &t[1..]),
        Some(b'-') => (true, &t[1..]),
        _ => (false, t),
    };
    let bytes = digits.as_bytes();
    if bytes.is_empty() || !bytes[0].is_ascii_digit() || !bytes[bytes.len() - 1].is_ascii_digit() {
        return None;
    }
    let mut value: u64 = 0;
    let mut prev_underscore = false;
    for &b in bytes {
        if b == b'_' {
            if prev_underscore {
                return None;
            }
            prev_underscore = true;
            continue;
        }
        if !b.is_ascii_digit() {
            return None;
        }
        prev_underscore = false;
        value = value.checked_mul(10)?.checked_add(u64::from(b - b'0'))?;
        if value > u64::from(u32::MAX) {
            return None;
        }
    }
    if neg && value != 0 {
        return None;
    }
    u32::try_from(value).ok()
}

/// Largest field Python's `csv` module accepts by default, in characters.
const FIELD_LIMIT: usize = 131_072;

/// One CSV record and the line it starts on.
struct Record {
    line: usize,
    fields: Vec<String>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    StartRecord,
    StartField,
    InField,
    InQuoted,
    QuoteInQuoted,
    EatNewline,
}

/// Reads a file as Python's `open(path, encoding="utf-8")` does: UTF-8, with
/// `\r\n` and `\r` read as `\n`.
fn read_text(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let upto = e.utf8_error().valid_up_to();
        let line = 1 + e.as_bytes()[..upto].iter().filter(|&&b| b == b'\n').count();
        format!("{}:{line}: invalid UTF-8", path.display())
    })?;
    if text.contains('\r') {
        Ok(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Ok(text)
    }
}

/// Splits text into CSV records following the state machine of Python's
/// `_csv` reader (default dialect, not strict). Blank lines give empty
/// records.
fn parse_csv(text: &str, path: &Path) -> Result<Vec<Record>, String> {
    let mut records = Vec::new();
    let mut state = State::StartRecord;
    let mut fields: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut field_len = 0usize;
    let mut record_line = 1;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let line_no = i + 1;
        if state == State::StartRecord {
            record_line = line_no;
        }
        // `None` stands for the end of the line, as in the C reader.
        for c in line.chars().map(Some).chain(std::iter::once(None)) {
            let is_eol = c.is_none();
            let is_nl = c == Some('\n');
            let mut save = false;
            let mut add = None;
            if state == State::StartRecord {
                if is_eol {
                    continue;
                } else if is_nl {
                    state = State::EatNewline;
                    continue;
                }
                state = State::StartField;
            }
            match state {
                State::StartRecord => {}
                State::StartField => {
                    if is_nl || is_eol {
                        save = true;
                        state = if is_eol {
                            State::StartRecord
                        } else {
                            State::EatNewline
                        };
                    } else if c == Some('"') {
                        state = State::InQuoted;
                    } else if c == Some(',') {
                        save = true;
                    } else {
                        add = c;
                        state = State::InField;
                    }
                }
                State::InField => {
                    if is_nl || is_eol {
                        save = true;
                        state = if is_eol {
                            State::StartRecord
                        } else {
                            State::EatNewline
                        };
                    } else if c == Some(',') {
                        save = true;
                        state = State::StartField;
                    } else {
                        add = c;
                    }
                }
                State::InQuoted => {
                    if is_eol {
                    } else if c == Some('"') {
                        state = State::QuoteInQuoted;
                    } else {
                        add = c;
                    }
                }
                State::QuoteInQuoted => {
                    if c == Some('"') {
                        add = c;
                        state = State::InQuoted;
                    } else if c == Some(',') {
                        save = true;
                        state = State::StartField;
                    } else if is_nl || is_eol {
                        save = true;
                        state = if is_eol {
                            State::StartRecord
                        } else {
                            State::EatNewline
                        };
                    } else {
                        add = c;
                        state = State::InField;
                    }
                }
                State::EatNewline => {
                    if is_eol {
                        state = State::StartRecord;
                    } else if !is_nl {
                        return Err(format!(
                            "{}:{line_no}: new-line character seen in unquoted field",
                            path.display()
                        ));
                    }
                }
            }
            if let Some(ch) = add {
                if field_len >= FIELD_LIMIT {
                    return Err(format!(
                        "{}:{line_no}: field larger than field limit ({FIELD_LIMIT})",
                        path.display()
                    ));
                }
                field.push(ch);
                field_len += 1;
            }
            if save {
                fields.push(std::mem::take(&mut field));
                field_len = 0;
            }
        }
        if state == State::StartRecord {
            records.push(Record {
                line: record_line,
                fields: std::mem::take(&mut fields),
            });
        }
    }
    if field_len != 0 || state == State::InQuoted {
        // End of data inside a quoted field: the reader keeps what it has.
        fields.push(std::mem::take(&mut field));
        records.push(Record {
            line: record_line,
            fields,
        });
    }
    Ok(records)
}

/// A CSV file read as header plus rows, with columns looked up by name like
/// Python's `csv.DictReader`.
struct Table {
    header: Vec<String>,
    rows: Vec<Record>,
}

impl Table {
    fn read(path: &Path) -> Result<Table, String> {
        let text = read_text(path)?;
        let mut records = parse_csv(&text, path)?.into_iter();
        let header = records.next().map(|r| r.fields).unwrap_or_default();
        let rows = records.filter(|r| !r.fields.is_empty()).collect();
        Ok(Table { header, rows })
    }

    /// Checks that the header names `col`.
    fn require(&self, path: &Path, col: &str) -> Result<(), String> {
        if self.header.iter().any(|h| h == col) {
            Ok(())
        } else {
            Err(format!(
                "{}:1: no {col:?} column in the header",
                path.display()
            ))
        }
    }

    /// The value of column `col` in `row` (the last column of that name, as
    /// a dict built from the header would keep).
    fn get<'a>(&self, path: &Path, row: &'a Record, col: &str) -> Result<&'a str, String> {
        self.header
            .iter()
            .zip(&row.fields)
            .rev()
            .find(|(h, _)| *h == col)
            .map(|(_, v)| v.as_str())
            .ok_or_else(|| format!("{}:{}: no {col:?} field", path.display(), row.line))
    }

    fn body_id(&self, path: &Path, row: &Record) -> Result<u32, String> {
        let v = self.get(path, row, "Body ID")?;
        parse_py_int(v).ok_or_else(|| format!("{}:{}: bad Body ID {v:?}", path.display(), row.line))
    }
}

/// Reads a stances CSV with the columns `Headline`, `Body ID` and `Stance`
/// (in any order; other columns are ignored). Errors name the file and line.
pub fn read_stances(path: &Path) -> Result<Vec<StanceRow>, String> {
    Ok(read_stance_lines(path)?
        .into_iter()
        .map(|(_, row)| row)
        .collect())
}

/// Like [`read_stances`], with the line each row starts on (1-based), so that
/// later checks of a row can name its place in the file.
pub fn read_stance_lines(path: &Path) -> Result<Vec<(usize, StanceRow)>, String> {
    let table = Table::read(path)?;
    for col in ["Headline", "Body ID", "Stance"] {
        table.require(path, col)?;
    }
    table
        .rows
        .iter()
        .map(|row| {
            Ok((
                row.line,
                StanceRow {
                    headline: table.get(path, row, "Headline")?.to_string(),
                    body_id: table.body_id(path, row)?,
                    stance: table.get(path, row, "Stance")?.to_string(),
                },
            ))
        })
        .collect()
}

/// Reads a bodies CSV with the columns `Body ID` and `articleBody`. A
/// repeated id keeps its last body. Errors name the file and line.
pub fn read_bodies(path: &Path) -> Result<BTreeMap<u32, String>, String> {
    let table = Table::read(path)?;
    for col in ["Body ID", "articleBody"] {
        table.require(path, col)?;
    }
    let mut bodies = BTreeMap::new();
    for row in &table.rows {
        let id = table.body_id(path, row)?;
        bodies.insert(id, table.get(path, row, "articleBody")?.to_string());
    }
    Ok(bodies)
}

/// Reads a list of body ids, one per line; blank lines are skipped and
/// surrounding whitespace is ignored. Errors name the file and line.
pub fn read_ids(path: &Path) -> Result<BTreeSet<u32>, String> {
    let text = read_text(path)?;
    let mut ids = BTreeSet::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim_matches(py_isspace).is_empty() {
            continue;
        }
        let id = parse_py_int(line)
            .ok_or_else(|| format!("{}:{}: bad body id {line:?}", path.display(), i + 1))?;
        ids.insert(id);
    }
    Ok(ids)
}

/// Appends one CSV field, quoted when it holds a comma, a quote or a line
/// break (RFC 4180; quotes are doubled).
fn push_field(out: &mut String, field: &str) {
    if field.contains([',', '"', '\r', '\n']) {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

/// Writes rows as a `Headline,Body ID,Stance` CSV (RFC 4180: CRLF line ends,
/// fields quoted when needed). The file is replaced atomically: the rows go
/// to a temporary file in the same folder, which is then renamed over `path`.
///
/// Python's reader (and ours) reads a `\r` inside a quoted field back as
/// `\n`, so headlines holding carriage returns do not survive a round trip.
pub fn write_predictions(path: &Path, rows: &[StanceRow]) -> Result<(), String> {
    let mut out = String::from("Headline,Body ID,Stance\r\n");
    for row in rows {
        push_field(&mut out, &row.headline);
        out.push(',');
        out.push_str(&row.body_id.to_string());
        out.push(',');
        push_field(&mut out, &row.stance);
        out.push_str("\r\n");
    }
    crate::output::write_atomic(path, out.as_bytes()).map_err(|e| e.to_string())
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

    fn parse(text: &str) -> Vec<Vec<String>> {
        parse_csv(text, Path::new("t.csv"))
            .unwrap()
            .into_iter()
            .map(|r| r.fields)
            .collect()
    }

    #[test]
    fn csv_quoting_like_python() {
        assert_eq!(
            parse("a,\"b,\"\"c\"\"\nd\",e\n\nf,,\n"),
            vec![
                vec!["a".to_string(), "b,\"c\"\nd".into(), "e".into()],
                vec![],
                vec!["f".to_string(), "".into(), "".into()],
            ]
        );
        // A quote inside an unquoted field is kept; text after a closing
        // quote joins the field.
        assert_eq!(
            parse("ab\"c,\"x\"y\n"),
            vec![vec!["ab\"c".to_string(), "xy".into()]]
        );
        // End of data inside a quoted field keeps the partial field.
        assert_eq!(
            parse("a,\"bc\nd"),
            vec![vec!["a".to_string(), "bc\nd".into()]]
        );
        // No final newline.
        assert_eq!(parse("a,b"), vec![vec!["a".to_string(), "b".into()]]);
        let recs = parse_csv("h\n\"x\ny\"\nz\n", Path::new("t.csv")).unwrap();
        assert_eq!(
            recs.iter().map(|r| r.line).collect::<Vec<_>>(),
            vec![1, 2, 4]
        );
    }

    #[test]
    fn python_int_and_labels() {
        assert_eq!(parse_py_int(" 12\n"), Some(12));
        assert_eq!(parse_py_int("+1_0"), Some(10));
        assert_eq!(parse_py_int("-0"), Some(0));
        assert_eq!(parse_py_int("1__0"), None);
        assert_eq!(parse_py_int("_1"), None);
        assert_eq!(parse_py_int("-3"), None);
        assert_eq!(parse_py_int(""), None);
        assert_eq!(parse_py_int("4294967296"), None);
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

    #[test]
    fn files_roundtrip_and_errors() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.csv");
        let rows = vec![
            row("Plain", 3, "agree"),
            row("Comma, \"quoted\"\nand newline", 7, "discuss"),
        ];
        write_predictions(&path, &rows).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            text,
            "Headline,Body ID,Stance\r\nPlain,3,agree\r\n\"Comma, \"\"quoted\"\"\nand newline\",7,discuss\r\n"
        );
        assert_eq!(read_stances(&path).unwrap(), rows);

        let bodies = dir.path().join("b.csv");
        std::fs::write(
            &bodies,
            "Body ID,articleBody\r\n5,\"One,\r\ntwo \"\"x\"\"\"\r\n6,z\r\n",
        )
        .unwrap();
        let b = read_bodies(&bodies).unwrap();
        assert_eq!(b[&5], "One,\ntwo \"x\"");
        assert_eq!(b[&6], "z");

        std::fs::write(&path, "Headline,Body ID,Stance\nh,1,agree\nh,x,agree\n").unwrap();
        let e = read_stances(&path).unwrap_err();
        assert!(e.ends_with("p.csv:3: bad Body ID \"x\""), "{e}");
        std::fs::write(&path, "Headline,Body ID,Stance\nh,1\n").unwrap();
        assert!(read_stances(&path)
            .unwrap_err()
            .contains("p.csv:2: no \"Stance\""));
        std::fs::write(&path, "Headline,Stance\n").unwrap();
        assert!(read_stances(&path).unwrap_err().contains("Body ID"));

        let ids = dir.path().join("ids.txt");
        std::fs::write(&ids, "3\n\n 7 \r\n").unwrap();
        assert_eq!(read_ids(&ids).unwrap(), BTreeSet::from([3, 7]));
        std::fs::write(&ids, "3\nseven\n").unwrap();
        assert!(read_ids(&ids).unwrap_err().contains("ids.txt:2:"));
    }
}
