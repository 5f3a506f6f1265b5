//! The FNC-1 files read and written as the reference scorer's Python does: the stances
//! CSV (`Headline,Body ID,Stance`), the bodies CSV (`Body ID,articleBody`) and lists of
//! body ids.
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

use super::stance::StanceRow;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Python's `str.isspace` for one character: Unicode white space plus the
/// separators U+001C..U+001F.
pub(super) fn py_isspace(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
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
    let bytes = crate::corpus::read_data(path)?;
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

/// Reads a bodies CSV with the columns `Body ID` and `articleBody`. Errors name the
/// file and line: a missing column, a bad id, an id given a body twice.
pub fn read_bodies(path: &Path) -> Result<BTreeMap<u32, String>, String> {
    let table = Table::read(path)?;
    for col in ["Body ID", "articleBody"] {
        table.require(path, col)?;
    }
    let mut bodies = BTreeMap::new();
    let mut lines: BTreeMap<u32, usize> = BTreeMap::new();
    for row in &table.rows {
        let id = table.body_id(path, row)?;
        if let Some(first) = lines.insert(id, row.line) {
            return Err(format!(
                "{}:{}: body id {id} repeated (first on line {first})",
                path.display(),
                row.line
            ));
        }
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
    fn python_int() {
        assert_eq!(parse_py_int(" 12\n"), Some(12));
        assert_eq!(parse_py_int("+1_0"), Some(10));
        assert_eq!(parse_py_int("-0"), Some(0));
        assert_eq!(parse_py_int("1__0"), None);
        assert_eq!(parse_py_int("_1"), None);
        assert_eq!(parse_py_int("-3"), None);
        assert_eq!(parse_py_int(""), None);
        assert_eq!(parse_py_int("4294967296"), None);
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
