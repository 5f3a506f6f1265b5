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

/// Line starts of a text, and how many characters precede every [`Lines::STEP`]-th byte,
/// to turn a byte offset into a line and a column in characters in bounded time, however
/// long the lines.
struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
    chars: Vec<usize>,
}

impl<'a> Lines<'a> {
    const STEP: usize = 4096;

    fn new(text: &'a str) -> Lines<'a> {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i + 1),
        );
        let mut chars = vec![0];
        for chunk in text.as_bytes().chunks(Self::STEP) {
            let last = *chars.last().unwrap_or(&0);
            chars.push(last + chunk.iter().filter(|b| (**b & 0xC0) != 0x80).count());
        }
        Lines {
            text,
            starts,
            chars,
        }
    }

    /// Characters before byte `offset` (bytes that do not continue a character).
    fn chars_before(&self, offset: usize) -> usize {
        let k = offset / Self::STEP;
        let from = k * Self::STEP;
        self.chars[k]
            + self.text.as_bytes()[from..offset]
                .iter()
                .filter(|b| (**b & 0xC0) != 0x80)
                .count()
    }

    /// 1-based line and column (in characters) of byte `offset`.
    fn at(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|s| *s <= offset);
        let start = self.starts[line - 1];
        (
            line,
            self.chars_before(offset) - self.chars_before(start) + 1,
        )
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
    /// Byte range of the entry (`None` when the list was read whole).
    range: Option<(usize, usize)>,
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
                range: None,
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
                range: Some((s, e)),
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
    let at = |offset: Option<usize>, message: String| match offset {
        Some(o) => {
            let (l, c) = lines.at(o);
            Diagnostic::at(path, l, c, message)
        }
        None => Diagnostic::file(path, message),
    };
    let line_of = |o: Option<usize>| {
        o.map(|o| {
            let (l, c) = lines.at(o);
            format!("line {l}:{c}")
        })
    };
    // where each id and each normalised name first stands (byte offset), and which source
    // (index into `kept`) has the name
    let mut ids: HashMap<String, Option<usize>> = HashMap::new();
    let mut names: HashMap<String, (usize, Option<usize>)> = HashMap::new();
    let mut kept: Vec<Source> = Vec::with_capacity(reads.len());
    'sources: for r in reads {
        let s = &r.source;
        let strings = Strings::of(text, scanned, r.range);
        let id_at = strings.find(&s.id).or(r.range.map(|(start, _)| start));
        let skip = |why: String| {
            at(
                id_at,
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
        if let Some(first) = ids.get(&s.id) {
            let first = line_of(*first).map_or_else(String::new, |l| format!(", first at {l}"));
            diags.push(skip(format!("duplicate source id{first}")));
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
        ids.insert(s.id.clone(), id_at);
        let mut mine: std::collections::HashSet<String> = std::collections::HashSet::new();
        for (what, name) in std::iter::once(("id", s.id.as_str())).chain(all) {
            if what == "affiliation" {
                continue;
            }
            let n = normalize_mention(name);
            if n.is_empty() || !mine.insert(n.clone()) {
                continue;
            }
            let here = strings.find(name).or(id_at);
            match names.get(&n) {
                Some((first, first_at)) => {
                    let first = &kept[*first].id;
                    notes.push(at(
                        here,
                        format!(
                            "{what} {name:?} of source {:?} is also a name of source {first:?}{}; \
                             it stays with {first:?}",
                            s.id,
                            line_of(*first_at).map_or_else(String::new, |l| format!(" ({l})"))
                        ),
                    ));
                }
                None => {
                    names.insert(n, (kept.len(), here));
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

/// The plain string literals of one entry, to find where a name stands.
struct Strings<'a> {
    text: &'a str,
    /// The entry's literals, in file order.
    list: &'a [(usize, usize)],
    /// First offset of each literal, for entries with many.
    index: Option<HashMap<&'a str, usize>>,
}

impl<'a> Strings<'a> {
    /// Entries with more literals than this are indexed; smaller ones searched in order.
    const INDEX_AFTER: usize = 32;

    fn of(text: &'a str, scanned: &'a Scan, range: Option<(usize, usize)>) -> Strings<'a> {
        let list: &[(usize, usize)] = match range {
            Some((s, e)) => {
                let from = scanned.strings.partition_point(|(a, _)| *a < s);
                let to = scanned.strings.partition_point(|(a, _)| *a < e);
                &scanned.strings[from..to]
            }
            None => &[],
        };
        let index = (list.len() > Self::INDEX_AFTER).then(|| {
            let mut m = HashMap::with_capacity(list.len());
            for &(s, e) in list {
                m.entry(&text[s..e]).or_insert(s);
            }
            m
        });
        Strings { text, list, index }
    }

    /// Where the literal `value` first stands in the entry.
    fn find(&self, value: &str) -> Option<usize> {
        match &self.index {
            Some(m) => m.get(value).copied(),
            None => self
                .list
                .iter()
                .find(|(s, e)| &self.text[*s..*e] == value)
                .map(|(s, _)| *s),
        }
    }
}

#[cfg(test)]
mod tests;
