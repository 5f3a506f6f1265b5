//! Bounding how deep an HTML page nests before it is parsed: the tree builder takes time
//! quadratic in the nesting depth.

use dom_query::NodeRef;

/// The depth of the deepest node under `root`.
pub(super) fn tree_depth(root: NodeRef) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(root, 0usize)];
    while let Some((node, depth)) = stack.pop() {
        deepest = deepest.max(depth);
        stack.extend(node.children_it(false).map(|child| (child, depth + 1)));
    }
    deepest
}

/// A tag found by [`scan_tags`].
#[derive(Clone, Copy, PartialEq, Eq)]
enum Tag {
    /// An opening tag of an element that can nest (not void, not self-closing).
    Open,
    /// A closing tag.
    Close,
    /// Anything else: comments, doctypes, void or self-closing tags, raw-text elements
    /// (`script`, `style`, ...) with their content, and elements whose end tag may be left out.
    Other,
}

/// Elements that hold raw text up to their closing tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];

/// Elements that never nest: void elements and those whose end tag is commonly left out.
const NON_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param", "keygen", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th",
    "thead", "tbody", "tfoot", "colgroup", "caption", "rb", "rt", "rp", "html", "head", "body",
];

/// Byte offset of the first case-insensitive occurrence of `needle` in `hay` at or after `from`.
fn find_ci(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() || from >= hay.len() {
        return None;
    }
    hay[from..]
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|p| p + from)
}

/// The tags of `html` with their byte ranges, found by a lenient scan (not a full tokenizer:
/// good enough to estimate how deeply elements nest).
fn scan_tags(html: &str) -> Vec<(usize, usize, Tag)> {
    let bytes = html.as_bytes();
    let mut tags = Vec::new();
    let mut i = 0;
    while let Some(offset) = bytes[i..].iter().position(|&b| b == b'<') {
        let start = i + offset;
        let rest = &bytes[start + 1..];
        let end_of = |from: usize| {
            bytes[from..]
                .iter()
                .position(|&b| b == b'>')
                .map_or(bytes.len(), |p| from + p + 1)
        };
        let (end, tag) = if rest.starts_with(b"!--") {
            let end = find_ci(bytes, b"-->", start + 4).map_or(bytes.len(), |p| p + 3);
            (end, Tag::Other)
        } else if rest.first().is_some_and(|b| matches!(b, b'!' | b'?')) {
            (end_of(start + 1), Tag::Other)
        } else {
            let closing = rest.first() == Some(&b'/');
            let name_start = start + 1 + usize::from(closing);
            let name_len = bytes[name_start..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b':'))
                .count();
            let name = &bytes[name_start..name_start + name_len];
            if !name.first().is_some_and(u8::is_ascii_alphabetic) {
                i = start + 1;
                continue;
            }
            let name = String::from_utf8_lossy(name).to_ascii_lowercase();
            let end = end_of(name_start + name_len);
            if NON_NESTING.contains(&name.as_str()) {
                (end, Tag::Other)
            } else if closing {
                (end, Tag::Close)
            } else if RAW_TEXT.contains(&name.as_str()) {
                let close = format!("</{name}");
                let end = find_ci(bytes, close.as_bytes(), end)
                    .map_or(bytes.len(), |p| end_of(p + close.len()));
                (end, Tag::Other)
            } else if end >= 2 && bytes[end - 2] == b'/' {
                (end, Tag::Other)
            } else {
                (end, Tag::Open)
            }
        };
        tags.push((start, end, tag));
        i = end.max(start + 1);
        if i >= bytes.len() {
            break;
        }
    }
    tags
}

/// When `html` nests elements deeper than `limit`, a copy without the opening tags beyond that
/// depth (and as many closing tags); `None` when the page is within the limit. Text is kept.
pub(super) fn limit_nesting(html: &str, limit: usize) -> Option<String> {
    let tags = scan_tags(html);
    let mut depth = 0usize;
    let mut deepest = 0usize;
    for &(_, _, tag) in &tags {
        match tag {
            Tag::Open => depth += 1,
            Tag::Close => depth = depth.saturating_sub(1),
            Tag::Other => {}
        }
        deepest = deepest.max(depth);
    }
    if deepest <= limit {
        return None;
    }
    let mut out = String::with_capacity(html.len());
    let (mut depth, mut dropped, mut copied) = (0usize, 0usize, 0usize);
    for (start, end, tag) in tags {
        let keep = match tag {
            Tag::Open if depth >= limit => {
                dropped += 1;
                false
            }
            Tag::Open => {
                depth += 1;
                true
            }
            Tag::Close if dropped > 0 => {
                dropped -= 1;
                false
            }
            Tag::Close => {
                depth = depth.saturating_sub(1);
                true
            }
            Tag::Other => true,
        };
        if !keep {
            out.push_str(&html[copied..start]);
            out.push(' ');
            copied = end;
        }
    }
    out.push_str(&html[copied..]);
    Some(out)
}
