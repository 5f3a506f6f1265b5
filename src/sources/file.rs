//! Reading `sources.ron` source by source, so that one bad entry costs only itself.
//!
//! The file is first read as a whole for its shape (`(sources: [ .., .. ])`) and its
//! syntax; a problem there concerns the whole file. Each entry of the list is then found
//! by a scan of the text (strings, characters and comments skipped) and read on its own,
//! and the sources that read are checked: the id is a slug, ids are not repeated, names
//! are not empty and hold no control or bidirectional characters, and no name of one
//! source is also a name of another once both are normalised. An entry that fails is
//! reported, naming its number, its id where it has one and its place, and skipped; a name
//! that collides is reported with both places and left to the first source. Everything
//! takes time linear in the size of the file.

use super::{normalize_mention, slug, Source};
use crate::error::Diagnostic;
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;

/// The RON options `story.ron` and `sources.ron` are read with: `implicit_some` is on, so
/// that an optional field is written as its value (`affiliation: "Russian state"`), as the
/// README shows, with or without `#![enable(implicit_some)]` in the file.
pub fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}

/// The file's shape, its entries not yet read.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Shape {
    sources: Vec<serde::de::IgnoredAny>,
}

/// Just the id of an entry, to name an entry that does not read.
#[derive(Deserialize)]
struct IdOnly {
    id: Option<String>,
}

/// Line starts of a text, to turn byte offsets into lines and columns in logarithmic time.
struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Lines<'a> {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i + 1),
        );
        Lines { text, starts }
    }

    /// 1-based line and column (in characters) of byte `offset`.
    fn at(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|s| *s <= offset);
        let start = self.starts[line - 1];
        let col = self
            .text
            .get(start..offset)
            .map_or(1, |s| s.chars().count() + 1);
        (line, col)
    }
}

/// The lexical scan of a RON text: where each entry of the `sources` list stands, and the
/// plain string literals of the file with their offsets.
#[derive(Default)]
struct Scan {
    entries: Vec<(usize, usize)>,
    strings: Vec<(usize, usize)>,
}

/// Finds the byte ranges of the entries of the list that follows the key `sources` at the
/// top level of `text`, skipping strings, raw strings, characters and comments.
fn scan(text: &str) -> Scan {
    let b = text.as_bytes();
    let mut out = Scan::default();
    let mut depth = 0usize;
    let mut i = 0;
    // after `sources` `:` at depth 1, the next `[` opens the list
    let mut last_ident: Option<(usize, usize)> = None;
    let mut expect_list = false;
    let mut list_depth: Option<usize> = None;
    let mut entry_start: Option<usize> = None;
    while i < b.len() {
        let c = b[i];
        match c {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                i = b[i..]
                    .iter()
                    .position(|c| *c == b'\n')
                    .map_or(b.len(), |p| i + p);
                continue;
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                let mut nest = 0usize;
                while i < b.len() {
                    if b[i..].starts_with(b"/*") {
                        nest += 1;
                        i += 2;
                    } else if b[i..].starts_with(b"*/") {
                        nest -= 1;
                        i += 2;
                        if nest == 0 {
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
                continue;
            }
            b'"' => {
                let start = i;
                i += 1;
                let mut plain = true;
                while i < b.len() && b[i] != b'"' {
                    if b[i] == b'\\' {
                        plain = false;
                        i += 1;
                    }
                    i += 1;
                }
                i += 1;
                if plain && i <= b.len() {
                    out.strings.push((start + 1, i - 1));
                }
                if entry_start.is_none() && list_depth == Some(depth) {
                    entry_start = Some(start);
                }
                continue;
            }
            b'r' | b'b'
                if (b[i..].starts_with(b"r\"")
                    || b[i..].starts_with(b"r#")
                    || b[i..].starts_with(b"br\"")
                    || b[i..].starts_with(b"br#"))
                    && (i == 0 || !is_ident_byte(b[i - 1])) =>
            {
                let start = i;
                i += if c == b'b' { 2 } else { 1 };
                let hashes = b[i..].iter().take_while(|c| **c == b'#').count();
                i += hashes;
                if b.get(i) == Some(&b'"') {
                    i += 1;
                    let mut close = vec![b'"'];
                    close.extend(std::iter::repeat_n(b'#', hashes));
                    i = find(&b[i..], &close).map_or(b.len(), |p| i + p + close.len());
                    if entry_start.is_none() && list_depth == Some(depth) {
                        entry_start = Some(start);
                    }
                    continue;
                }
                i = start;
            }
            b'\'' => {
                let start = i;
                i += 1;
                while i < b.len() && b[i] != b'\'' {
                    if b[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
                i += 1;
                if entry_start.is_none() && list_depth == Some(depth) {
                    entry_start = Some(start);
                }
                continue;
            }
            _ => {}
        }
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if list_depth == Some(depth) && entry_start.is_none() && c != b',' && c != b']' {
            entry_start = Some(i);
        }
        match c {
            b'(' | b'[' | b'{' => {
                if c == b'[' && expect_list && depth == 1 && list_depth.is_none() {
                    list_depth = Some(depth + 1);
                    entry_start = None;
                }
                expect_list = false;
                depth += 1;
            }
            b')' | b']' | b'}' => {
                if list_depth == Some(depth) {
                    if let Some(s) = entry_start.take() {
                        out.entries.push((s, trim_end(b, i)));
                    }
                    if c == b']' {
                        list_depth = Some(usize::MAX);
                    }
                }
                depth = depth.saturating_sub(1);
            }
            b',' if list_depth == Some(depth) => {
                if let Some(s) = entry_start.take() {
                    out.entries.push((s, trim_end(b, i)));
                }
            }
            b':' => {
                expect_list =
                    depth == 1 && last_ident.is_some_and(|(s, e)| &text[s..e] == "sources");
            }
            _ if is_ident_byte(c) => {
                let s = i;
                while i < b.len() && is_ident_byte(b[i]) {
                    i += 1;
                }
                last_ident = Some((s, i));
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    out
}

fn is_ident_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// `end` moved back over white space (and comments are not at issue: an entry ends at the
/// comma or bracket after it, and its own text is read by RON).
fn trim_end(b: &[u8], mut end: usize) -> usize {
    while end > 0 && b[end - 1].is_ascii_whitespace() {
        end -= 1;
    }
    end
}

/// What is wrong with a name of a source, if anything.
fn check_name(name: &str) -> Option<String> {
    if name.trim().is_empty() {
        return Some("is empty".into());
    }
    if let Some(c) = name
        .chars()
        .find(|c| c.is_control() || crate::corpus::is_bidi_control(*c))
    {
        return Some(format!(
            "holds a control or bidirectional character (U+{:04X})",
            c as u32
        ));
    }
    None
}

/// A source read from the file, with the entry it came from.
struct Read {
    source: Source,
    /// Entry number, 1-based.
    number: usize,
    /// Byte offset of the entry.
    start: usize,
}

/// What [`read`] found in `sources.ron`.
pub(super) struct Sources {
    /// The good sources, in file order.
    pub sources: Vec<Source>,
    /// The entries left out, and why.
    pub skipped: Vec<Diagnostic>,
    /// Names shared by two sources, left with the first.
    pub notes: Vec<Diagnostic>,
}

/// Reads `sources.ron`: the sources that are good, in file order, and the problems with
/// the others; an error when the file as a whole cannot be read as a registry.
pub(super) fn read(path: &Path, text: &str) -> Result<Sources, Diagnostic> {
    let opts = ron_options();
    let shape: Shape = opts.from_str(text).map_err(|e| {
        Diagnostic::at(
            path,
            e.span.start.line,
            e.span.start.col,
            format!("malformed sources registry: {}", e.code),
        )
    })?;
    let lines = Lines::new(text);
    let scanned = scan(text);
    let mut diags = Vec::new();
    if scanned.entries.len() != shape.sources.len() {
        // the scan missed the list's structure: read the list whole, as RON sees it
        let all: Vec<Source> = opts
            .from_str::<StrictFile>(text)
            .map_err(|e| {
                Diagnostic::at(
                    path,
                    e.span.start.line,
                    e.span.start.col,
                    format!("malformed sources registry: {}", e.code),
                )
            })?
            .sources;
        let reads = all
            .into_iter()
            .enumerate()
            .map(|(i, source)| Read {
                source,
                number: i + 1,
                start: 0,
            })
            .collect();
        return Ok(check(path, text, &lines, &scanned, reads, diags));
    }
    // the id and header lines stay as the file has them: an entry is read with the file's
    // extensions, taken from its `#![enable(..)]` attributes
    let header = attributes(text);
    let mut reads = Vec::with_capacity(scanned.entries.len());
    for (n, &(s, e)) in scanned.entries.iter().enumerate() {
        let entry = &text[s..e];
        let number = n + 1;
        let src = format!("{header}{entry}");
        match opts.from_str::<Source>(&src) {
            Ok(source) => reads.push(Read {
                source,
                number,
                start: s,
            }),
            Err(err) => {
                let (base_line, base_col) = lines.at(s);
                // positions in `src` past the header lines
                let hl = header.matches('\n').count();
                let (el, ec) = (err.span.start.line, err.span.start.col);
                let (l, c) = if el <= hl {
                    (base_line, base_col)
                } else if el == hl + 1 {
                    (base_line, base_col + ec - 1)
                } else {
                    (base_line + el - hl - 1, ec)
                };
                let id = opts
                    .from_str::<IdOnly>(&src)
                    .ok()
                    .and_then(|i| i.id)
                    .map_or_else(String::new, |id| format!(" ({id:?})"));
                diags.push(Diagnostic::at(
                    path,
                    l,
                    c,
                    format!("source {number}{id}: {}; the source is skipped", err.code),
                ));
            }
        }
    }
    Ok(check(path, text, &lines, &scanned, reads, diags))
}

/// The whole file read strictly, as a fallback.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StrictFile {
    sources: Vec<Source>,
}

/// The `#![enable(..)]` attributes of a RON file, each on a line of its own, to read an
/// entry with the extensions the file enables.
fn attributes(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    loop {
        let t = rest.trim_start();
        if let Some(comment) = t.strip_prefix("//") {
            rest = comment.split_once('\n').map_or("", |(_, r)| r);
            continue;
        }
        if t.starts_with("#![") {
            let Some(end) = t.find(']') else { break };
            out.push_str(&t[..=end]);
            out.push('\n');
            rest = &t[end + 1..];
            continue;
        }
        break;
    }
    out
}

/// Checks the sources read: ids, names and collisions; returns the sources kept.
fn check(
    path: &Path,
    text: &str,
    lines: &Lines,
    scanned: &Scan,
    reads: Vec<Read>,
    mut diags: Vec<Diagnostic>,
) -> Sources {
    let mut notes = Vec::new();
    // where each plain string literal first stands, to point at a name
    let mut string_at: HashMap<&str, Vec<usize>> = HashMap::new();
    for &(s, e) in &scanned.strings {
        string_at.entry(&text[s..e]).or_default().push(s);
    }
    // the first occurrence of `value` at or after `from`
    let place = |value: &str, from: usize| -> (usize, usize) {
        let offs = string_at.get(value).map(Vec::as_slice).unwrap_or(&[]);
        let i = offs.partition_point(|o| *o < from);
        lines.at(offs.get(i).copied().unwrap_or(from))
    };
    let mut ids: HashMap<String, (usize, usize)> = HashMap::new();
    let mut names: HashMap<String, (String, (usize, usize))> = HashMap::new();
    let mut kept = Vec::with_capacity(reads.len());
    'sources: for r in reads {
        let s = &r.source;
        let (l, c) = place(&s.id, r.start);
        let skip = |why: String| {
            Diagnostic::at(
                path,
                l,
                c,
                format!(
                    "source {} ({:?}): {why}; the source is skipped",
                    r.number, s.id
                ),
            )
        };
        if s.id.is_empty() || s.id != slug(&s.id) {
            diags.push(skip(
                "the id is not a slug (lower-case letters, digits and hyphens)".into(),
            ));
            continue;
        }
        if let Some((fl, fc)) = ids.get(&s.id) {
            diags.push(skip(format!(
                "duplicate source id, first at line {fl}:{fc}"
            )));
            continue;
        }
        let mut all: Vec<(&str, &str)> = vec![("name", s.name.as_str())];
        all.extend(s.aliases.iter().map(|a| ("alias", a.as_str())));
        for p in &s.people {
            all.push(("person", p.name.as_str()));
            all.extend(p.aliases.iter().map(|a| ("alias", a.as_str())));
        }
        all.extend(s.affiliation.iter().map(|a| ("affiliation", a.as_str())));
        for (what, name) in &all {
            if let Some(why) = check_name(name) {
                diags.push(skip(format!("the {what} {name:?} {why}")));
                continue 'sources;
            }
        }
        ids.insert(s.id.clone(), (l, c));
        let mut mine: std::collections::HashSet<String> = std::collections::HashSet::new();
        for (what, name) in std::iter::once(("id", s.id.as_str())).chain(all) {
            if what == "affiliation" {
                continue;
            }
            let n = normalize_mention(name);
            if n.is_empty() || !mine.insert(n.clone()) {
                continue;
            }
            let at = place(name, r.start);
            match names.get(&n) {
                Some((first, (fl, fc))) => notes.push(Diagnostic::at(
                    path,
                    at.0,
                    at.1,
                    format!(
                        "{what} {name:?} of source {:?} is also a name of source {first:?} \
                         (line {fl}:{fc}); it stays with {first:?}",
                        s.id
                    ),
                )),
                None => {
                    names.insert(n, (s.id.clone(), at));
                }
            }
        }
        kept.push(r.source);
    }
    Sources {
        sources: kept,
        skipped: diags,
        notes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scan_finds_each_entry() {
        let text = "// c\n#![enable(implicit_some)]\n(sources: [\n (id: \"a\", name: \"x, y\"), /* (, ] */\n (id: r#\"b)\"#, n: 'c'),\n],)";
        let s = scan(text);
        let got: Vec<&str> = s.entries.iter().map(|&(a, b)| &text[a..b]).collect();
        assert_eq!(
            got,
            ["(id: \"a\", name: \"x, y\")", "(id: r#\"b)\"#, n: 'c')"]
        );
        assert_eq!(attributes(text), "#![enable(implicit_some)]\n");
        let lines = Lines::new(text);
        assert_eq!(lines.at(s.entries[1].0), (5, 2));
    }
}
