//! Front matter of Markdown and text articles: TOML between `+++` lines or YAML between
//! `---` lines.

use crate::error::Diagnostic;
use chrono::{DateTime, NaiveDate, NaiveDateTime};
use serde::Deserialize;
use std::path::Path;

/// Front matter nested deeper than this (lists or maps inside lists or maps) is refused
/// before it is parsed: its keys take plain values, and the parsers' time grows faster
/// than the depth.
pub const MAX_NESTING: usize = 32;

/// The metadata an article's front matter may give.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    /// Article id.
    pub id: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Publishing outlet.
    pub outlet: Option<String>,
    /// Address.
    pub url: Option<String>,
    /// Publication date as written: a string (`"2024-03-07"`, RFC 3339), a native TOML
    /// date or date-time, or any other plain value (which then is no date).
    #[serde(default, deserialize_with = "published_value")]
    pub published: Option<String>,
    /// Author line.
    pub byline: Option<String>,
}

/// Front matter split off a document: the metadata and the byte offset where the body
/// starts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Split {
    /// The parsed metadata (all `None` when there is no front matter). A publication date
    /// that is no date is left out here and reported in `warnings`.
    pub meta: FrontMatter,
    /// Byte offset of the body in the document.
    pub body_start: usize,
    /// Problems that leave the article loaded: a publication date that is no date.
    pub warnings: Vec<Diagnostic>,
}

/// Reads a publication date given as a string, a TOML date or date-time (which serde
/// presents as a one-entry map), or another plain value, as the text it was written as.
pub(super) fn published_value<'de, D>(d: D) -> Result<Option<String>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    struct V;
    impl<'de> serde::de::Visitor<'de> for V {
        type Value = Option<String>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a date such as 2024-03-07")
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D2: serde::Deserializer<'de>>(self, d: D2) -> Result<Self::Value, D2::Error> {
            d.deserialize_any(V)
        }
        // a TOML date: `{"$__toml_private_datetime": "2024-03-07"}`; any other map is no
        // date, and said so as such
        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<Self::Value, A::Error> {
            let value = match map.next_key::<Key>()? {
                Some(Key::TomlDate) => Some(map.next_value::<String>()?),
                Some(Key::Other) => {
                    map.next_value::<serde::de::IgnoredAny>()?;
                    None
                }
                None => None,
            };
            while map
                .next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?
                .is_some()
            {}
            Ok(Some(value.unwrap_or_else(|| "(a map)".into())))
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(
            self,
            mut seq: A,
        ) -> Result<Self::Value, A::Error> {
            while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
            Ok(Some("(a list)".into()))
        }
    }
    /// The key of a map given as a date: TOML's marker of a date, or anything else.
    enum Key {
        TomlDate,
        Other,
    }
    impl<'de> Deserialize<'de> for Key {
        fn deserialize<D2: serde::Deserializer<'de>>(d: D2) -> Result<Key, D2::Error> {
            struct K;
            impl<'de> serde::de::Visitor<'de> for K {
                type Value = Key;
                fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                    f.write_str("a key")
                }
                fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Key, E> {
                    Ok(if v.starts_with("$__toml") {
                        Key::TomlDate
                    } else {
                        Key::Other
                    })
                }
                fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<Key, E> {
                    Ok(Key::Other)
                }
                fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<Key, E> {
                    Ok(Key::Other)
                }
                fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<Key, E> {
                    Ok(Key::Other)
                }
                fn visit_unit<E: serde::de::Error>(self) -> Result<Key, E> {
                    Ok(Key::Other)
                }
            }
            d.deserialize_any(K)
        }
    }
    d.deserialize_any(V)
}

/// The warning for a publication date that is no date, in every format's words.
pub fn bad_date_message(value: &str) -> String {
    format!(
        "published date {value:?} is not a date (expected YYYY-MM-DD or RFC 3339); left unknown"
    )
}

/// The end of the line that starts at `from` (before its line break) and the start of the
/// next; a line ends at `\n`, `\r\n` or a lone `\r`.
fn line_at(doc: &str, from: usize) -> (usize, usize) {
    match doc.as_bytes()[from..]
        .iter()
        .position(|b| *b == b'\n' || *b == b'\r')
    {
        None => (doc.len(), doc.len()),
        Some(p) => {
            let end = from + p;
            let next = if doc[end..].starts_with("\r\n") {
                end + 2
            } else {
                end + 1
            };
            (end, next)
        }
    }
}

/// How deeply `block` nests lists and maps: brackets and braces outside quotes, and
/// block structure by indentation and `- ` / `? ` markers. An estimate that never falls
/// short by much on real input and takes time linear in the block.
fn nesting_depth(block: &str) -> usize {
    let mut deepest = 0;
    let mut flow = 0usize;
    let mut indents: Vec<usize> = Vec::new();
    for line in block.split(['\n', '\r']) {
        let body = line.trim_start_matches([' ', '\t']);
        if body.is_empty() || body.starts_with('#') {
            continue;
        }
        let indent = line.len() - body.len();
        while indents.last().is_some_and(|i| *i >= indent) {
            indents.pop();
        }
        indents.push(indent);
        let mut markers = 0;
        let mut rest = body;
        while let Some(r) = rest
            .strip_prefix("- ")
            .or_else(|| rest.strip_prefix("? "))
            .or_else(|| (rest == "-").then_some(""))
        {
            markers += 1;
            rest = r.trim_start_matches(' ');
        }
        let mut quote: Option<char> = None;
        for c in rest.chars() {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'') => quote = Some(c),
                (None, '[' | '{') => {
                    flow += 1;
                    deepest = deepest.max(indents.len() + markers + flow);
                }
                (None, ']' | '}') => flow = flow.saturating_sub(1),
                (None, '#') => break,
                _ => {}
            }
        }
        deepest = deepest.max(indents.len() + markers + flow);
    }
    deepest
}

/// A copy of `block` with lone carriage returns made line feeds, so that parsers that know
/// only `\n` and `\r\n` read lines as the file has them; byte offsets do not move.
fn unix_lines(block: &str) -> std::borrow::Cow<'_, str> {
    let b = block.as_bytes();
    if !b
        .iter()
        .enumerate()
        .any(|(i, c)| *c == b'\r' && b.get(i + 1) != Some(&b'\n'))
    {
        return block.into();
    }
    let mut out = Vec::with_capacity(b.len());
    for (i, c) in b.iter().enumerate() {
        out.push(if *c == b'\r' && b.get(i + 1) != Some(&b'\n') {
            b'\n'
        } else {
            *c
        });
    }
    // only ASCII bytes were replaced by ASCII bytes
    String::from_utf8(out)
        .map(Into::into)
        .unwrap_or_else(|_| block.into())
}

/// Splits off and parses the front matter of `doc`, if it has any.
///
/// Lines may end in `\n`, `\r\n` or a lone `\r`, and a byte-order mark before the opening
/// fence is skipped. Errors carry the line and column in the file (not in the front matter
/// block). A publication date that is no date is not an error: it is left out and
/// reported in [`Split::warnings`], with its line and the value.
pub fn split(path: &Path, doc: &str) -> Result<Split, Diagnostic> {
    let bom = if doc.starts_with('\u{feff}') { 3 } else { 0 };
    let (first_end, open_end) = line_at(doc, bom);
    let first_line = &doc[bom..first_end];
    let fence = match first_line.trim_end() {
        "+++" => "+++",
        "---" => "---",
        _ => {
            return Ok(Split::default());
        }
    };
    let mut offset = open_end;
    let mut close: Option<(usize, usize)> = None;
    while offset < doc.len() {
        let (end, next) = line_at(doc, offset);
        if doc[offset..end].trim_end() == fence {
            close = Some((offset, next));
            break;
        }
        offset = next;
    }
    let Some((block_end, body_start)) = close else {
        return Err(Diagnostic::at(
            path,
            1,
            1,
            format!("front matter opened with '{fence}' on line 1 is never closed"),
        ));
    };
    let block = unix_lines(&doc[open_end..block_end]);
    let block = block.as_ref();
    let line_base = 1; // the block starts on line 2
    let depth = nesting_depth(block);
    if depth > MAX_NESTING {
        return Err(Diagnostic::at(
            path,
            2,
            1,
            format!(
                "front matter nested more than {MAX_NESTING} levels deep; its keys take plain values"
            ),
        ));
    }
    let mut meta: FrontMatter = if fence == "+++" {
        toml::from_str(block)
            .or_else(|e| {
                // a native date TOML itself rejects (`published = 2024-02-30`) is a bad
                // date, as it is in every other format: read again with it as a string,
                // which the date reader then warns of
                quote_bad_toml_date(block, &e)
                    .and_then(|fixed| toml::from_str(&fixed).ok())
                    .ok_or(e)
            })
            .map_err(|e| {
                let (l, c) = e
                    .span()
                    .map_or((1, 1), |s| crate::text::span::line_col(block, s.start));
                Diagnostic::at(
                    path,
                    l + line_base,
                    c,
                    format!(
                        "malformed TOML front matter: {}",
                        first_line_of(e.message())
                    ),
                )
            })?
    } else if block.trim().is_empty() {
        FrontMatter::default()
    } else {
        serde_yaml_ng::from_str(block).map_err(|e| {
            let (l, c) = e.location().map_or((1, 1), |m| (m.line(), m.column()));
            Diagnostic::at(
                path,
                l + line_base,
                c,
                format!(
                    "malformed YAML front matter: {}",
                    first_line_of(&strip_location(&e.to_string()))
                ),
            )
        })?
    };
    let mut warnings = Vec::new();
    if let Some(p) = meta.published.take() {
        if parse_date(&p).is_some() {
            meta.published = Some(p);
        } else {
            let off = value_offset(block, "published", &p);
            let (l, c) = crate::text::span::line_col(block, off);
            warnings.push(Diagnostic::at(path, l + line_base, c, bad_date_message(&p)));
        }
    }
    Ok(Split {
        meta,
        body_start,
        warnings,
    })
}

/// `block` with the value of its `published` key written as a TOML string, when the TOML
/// error `e` lies on that key's line (a native date the TOML reader refuses).
fn quote_bad_toml_date(block: &str, e: &toml::de::Error) -> Option<String> {
    let at = e.span()?.start.min(block.len());
    let start = block[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = block[start..].find('\n').map_or(block.len(), |i| start + i);
    let line = &block[start..end];
    let (key, value) = line.split_once('=')?;
    if key.trim() != "published" {
        return None;
    }
    let value = value.split('#').next().unwrap_or("").trim();
    if value.is_empty() || value.starts_with(['"', '\'', '[', '{']) {
        return None;
    }
    let mut quoted = String::new();
    for c in value.chars().filter(|c| !c.is_control()) {
        if matches!(c, '"' | '\\') {
            quoted.push('\\');
        }
        quoted.push(c);
    }
    Some(format!(
        "{}published = \"{quoted}\"{}",
        &block[..start],
        &block[end..]
    ))
}

/// Where the value of `key` stands in a front matter block: on the first line that sets
/// the key, else wherever the value first appears, else 0.
fn value_offset(block: &str, key: &str, value: &str) -> usize {
    let mut off = 0;
    for line in block.split_inclusive('\n') {
        let t = line.trim_start();
        if let Some(rest) = t.strip_prefix(key) {
            if rest.trim_start().starts_with(['=', ':']) {
                let start = off + (line.len() - t.len()) + key.len();
                if let Some(p) = block[start..start + rest.len()].find(value) {
                    return start + p;
                }
            }
        }
        off += line.len();
    }
    block.find(value).unwrap_or(0)
}

fn first_line_of(s: &str) -> &str {
    s.lines().next().unwrap_or(s).trim()
}

fn strip_location(s: &str) -> String {
    match s.find(" at line ") {
        Some(p) => s[..p].to_string(),
        None => s.to_string(),
    }
}

/// Parses a publication date: `YYYY-MM-DD`, an RFC 3339 date-time, or `YYYY-MM-DDTHH:MM:SS`
/// without an offset, always with a four-digit year. Only the date is kept.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let b = s.as_bytes();
    if b.len() < 10 || !b[..4].iter().all(u8::is_ascii_digit) || b[4] != b'-' {
        return None;
    }
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(d);
    }
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Some(d.date_naive());
    }
    for f in [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(d) = NaiveDateTime::parse_from_str(s, f) {
            return Some(d.date());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_and_yaml() {
        let p = Path::new("a.md");
        let doc = "+++\nid = \"x\"\npublished = \"2024-03-07\"\n+++\nBody.";
        let s = split(p, doc).unwrap();
        assert_eq!(s.meta.id.as_deref(), Some("x"));
        assert_eq!(&doc[s.body_start..], "Body.");
        let doc =
            "---\ntitle: Hello\noutlet: Example Times\npublished: 2024-03-07T10:00:00Z\n---\nBody.";
        let s = split(p, doc).unwrap();
        assert_eq!(s.meta.outlet.as_deref(), Some("Example Times"));
        assert_eq!(&doc[s.body_start..], "Body.");
        assert_eq!(
            parse_date(s.meta.published.as_deref().unwrap()),
            NaiveDate::from_ymd_opt(2024, 3, 7)
        );
        let s = split(p, "No front matter.").unwrap();
        assert_eq!(s, Split::default());
    }

    #[test]
    fn errors_point_into_the_file() {
        let p = Path::new("a.md");
        let e = split(p, "+++\nid = \"x\"\ntitle = \n+++\nBody").unwrap_err();
        assert_eq!(e.line, Some(3), "{e}");
        assert!(e.message.contains("TOML"), "{e}");
        let e = split(p, "---\ntitle: [unclosed\n---\nBody").unwrap_err();
        assert!(e.message.contains("YAML"), "{e}");
        assert!(e.line.unwrap() >= 2, "{e}");
        let e = split(p, "---\ntitle: x\nBody without a closing fence").unwrap_err();
        assert!(e.message.contains("never closed"), "{e}");
        let e = split(p, "+++\npublisher = \"x\"\n+++\nBody").unwrap_err();
        assert!(e.message.contains("unknown field"), "{e}");
    }

    #[test]
    fn a_date_that_is_no_date_is_a_warning_with_its_place() {
        let p = Path::new("a.md");
        let s = split(
            p,
            "+++\ntitle = \"last week\"\npublished = \"last week\"\n+++\nBody",
        )
        .unwrap();
        assert_eq!(s.meta.published, None);
        assert_eq!(s.meta.title.as_deref(), Some("last week"));
        let w: Vec<String> = s.warnings.iter().map(|d| d.to_string()).collect();
        assert_eq!(
            w,
            ["a.md:3:14: published date \"last week\" is not a date (expected YYYY-MM-DD or RFC 3339); left unknown"]
        );
        let s = split(p, "---\npublished: 07/03/2024\n---\nBody").unwrap();
        assert_eq!((s.meta.published, s.warnings.len()), (None, 1));
        assert_eq!(s.warnings[0].line, Some(2));
        // a number, a truth value, a list or a table is no date either, and no reason to
        // drop the article
        for v in ["2024", "true", "2024.5", "[2024, 3, 7]", "{ y = 2024 }"] {
            let s = split(p, &format!("+++\npublished = {v}\n+++\nBody")).unwrap();
            assert_eq!((s.meta.published, s.warnings.len()), (None, 1), "{v}");
            let shown = match v.as_bytes()[0] {
                b'[' => "(a list)",
                b'{' => "(a map)",
                _ => v,
            };
            assert!(s.warnings[0].message.contains(shown), "{v}");
        }
        // years of more or fewer than four digits are not ISO dates
        for v in ["+262142-12-31", "12345-01-01", "999-01-01", "-0001-01-01"] {
            let s = split(p, &format!("+++\npublished = \"{v}\"\n+++\nBody")).unwrap();
            assert_eq!((s.meta.published, s.warnings.len()), (None, 1), "{v}");
        }
    }

    #[test]
    fn native_toml_dates_and_date_times() {
        let p = Path::new("a.md");
        for v in [
            "2024-03-07",
            "2024-03-07T10:00:00Z",
            "2024-03-07T10:00:00+05:00",
            "2024-03-07T10:00:00",
            "2024-03-07 10:00:00.25",
            "\"2024-03-07T10:00:00.123Z\"",
        ] {
            let s = split(p, &format!("+++\npublished = {v}\n+++\nBody")).unwrap();
            assert!(s.warnings.is_empty(), "{v}: {:?}", s.warnings);
            let date = s.meta.published.as_deref().and_then(parse_date);
            assert_eq!(date, NaiveDate::from_ymd_opt(2024, 3, 7), "{v}");
        }
        // a native date the TOML reader refuses keeps the article, its date unknown
        for v in ["2024-02-30", "2024-13-01", "2024-02-30T10:00:00Z"] {
            let s = split(
                p,
                &format!("+++\ntitle = \"T\"\npublished = {v}\n+++\nBody"),
            )
            .unwrap();
            assert_eq!((s.meta.published, s.warnings.len()), (None, 1), "{v}");
            assert_eq!(s.meta.title.as_deref(), Some("T"));
            assert!(s.warnings[0].message.contains(v), "{v}: {:?}", s.warnings);
        }
        // a time of day alone is no date
        let s = split(p, "+++\npublished = 10:00:00\n+++\nBody").unwrap();
        assert_eq!((s.meta.published, s.warnings.len()), (None, 1));
        // a YAML date reads the same
        let s = split(p, "---\npublished: 2024-03-07\n---\nBody").unwrap();
        assert_eq!(s.meta.published.as_deref(), Some("2024-03-07"));
    }

    #[test]
    fn line_endings_and_byte_order_mark() {
        let p = Path::new("a.md");
        for nl in ["\n", "\r\n", "\r"] {
            for (open, key) in [("+++", "id = \"x\""), ("---", "id: x")] {
                let doc = format!(
                    "\u{feff}{open}{nl}{key}{nl}title = \"T\"{nl}{open}{nl}Body{nl}line two."
                );
                let doc = if open == "---" {
                    doc.replace("title = \"T\"", "title: T")
                } else {
                    doc
                };
                let s = split(p, &doc).unwrap();
                assert_eq!(s.meta.id.as_deref(), Some("x"), "{open} {nl:?}");
                assert_eq!(s.meta.title.as_deref(), Some("T"), "{open} {nl:?}");
                assert_eq!(&doc[s.body_start..], format!("Body{nl}line two."), "{nl:?}");
            }
        }
        // an error names the line as the file counts it
        let e = split(p, "+++\rid = \"x\"\rtitle = \r+++\rBody").unwrap_err();
        assert_eq!(e.line, Some(3), "{e}");
    }

    #[test]
    fn deep_nesting_is_refused_before_parsing() {
        let p = Path::new("a.md");
        for n in [40, 100_000] {
            let flow = format!("---\ntitle: {}{}\n---\nBody", "[".repeat(n), "]".repeat(n));
            // each level one space deeper: the block grows with the square of the depth
            let block: String = (0..n.min(2000))
                .map(|i| format!("{}a:\n", " ".repeat(i + 1)))
                .collect();
            let indented = format!("---\ntitle:\n{block}---\nBody");
            let dashes = format!("---\ntitle:\n{}x\n---\nBody", "- ".repeat(n));
            let toml = format!("+++\ntitle = {}{}\n+++\nBody", "[".repeat(n), "]".repeat(n));
            for doc in [flow, indented, dashes, toml] {
                let e = split(p, &doc).unwrap_err();
                assert!(e.message.contains("nested more than 32"), "{e}");
            }
        }
        // ordinary front matter is far from the limit
        let s = split(p, "---\ntitle: \"It's [big]\"\nbyline: 'A [b]'\n---\nBody").unwrap();
        assert_eq!(s.meta.title.as_deref(), Some("It's [big]"));
    }
}
