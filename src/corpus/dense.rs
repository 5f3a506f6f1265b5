//! Keeping the serialisation of an HTML tree linear in its size.
//!
//! Readability hands its result back as HTML, serialised by html5ever, whose escaping of a
//! text searches for the next `<` or `>` afresh after each `&` or U+00A0–U+00BF character
//! it escapes: a text node of a million `&amp;` (or `&nbsp;`, or `«`) takes time quadratic
//! in its length. Before Readability runs, [`bound_dense_text`] splits every text node
//! that holds many such characters into pieces of at most [`PIECE_BYTES`] bytes (the text
//! the tree holds is the same, in adjacent nodes, so the extraction reads the same words),
//! and cuts attribute values of that kind down to [`PIECE_BYTES`] (attribute values never
//! reach the article text). Each search then covers at most one piece.

use dom_query::{Document, NodeRef};

/// The largest piece a dense text node is split into, in bytes.
pub const PIECE_BYTES: usize = 1024;

/// A text holding more of the characters the serialiser escapes than this is split; with
/// fewer, each search costs the text's length at most this many times.
pub const DENSE_AFTER: usize = 32;

/// How many bytes of `s` make the serialiser stop and escape (`&` and the lead byte of
/// U+0080–U+00BF).
fn escapes(s: &str) -> usize {
    s.bytes().filter(|b| *b == b'&' || *b == 0xC2).count()
}

/// The end of the longest prefix of `s` of at most `max` bytes that ends on a character
/// boundary (at least one character).
fn piece_end(s: &str, max: usize) -> usize {
    if s.len() <= max {
        return s.len();
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    if end == 0 {
        s.chars().next().map_or(s.len(), char::len_utf8)
    } else {
        end
    }
}

/// Splits dense text nodes and cuts dense attribute values of `doc` (see the module
/// documentation). Returns how many nodes and values were changed.
pub fn bound_dense_text(doc: &Document) -> usize {
    let nodes: Vec<NodeRef> = doc.root().descendants_it().collect();
    let mut changed = 0;
    for node in nodes {
        if node.is_text() {
            let text = node.text();
            if text.len() <= PIECE_BYTES || escapes(&text) <= DENSE_AFTER {
                continue;
            }
            let mut rest: &str = &text;
            let first = piece_end(rest, PIECE_BYTES);
            node.set_text(&rest[..first]);
            rest = &rest[first..];
            let mut last = node;
            while !rest.is_empty() {
                let end = piece_end(rest, PIECE_BYTES);
                let piece = doc.tree.new_text(&rest[..end]);
                last.insert_after(&piece);
                last = piece;
                rest = &rest[end..];
            }
            changed += 1;
        } else if node.is_element() {
            for attr in node.attrs() {
                let value: &str = &attr.value;
                if value.len() > PIECE_BYTES && escapes(value) > DENSE_AFTER {
                    let cut = value[..piece_end(value, PIECE_BYTES)].to_string();
                    node.set_attr(&attr.name.local, &cut);
                    changed += 1;
                }
            }
        }
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dense_text_is_split_and_reads_the_same() {
        let text = "&amp; «x» ".repeat(5000);
        let html = format!("<html><body><p title=\"{text}\">{text}</p><p>plain</p></body></html>");
        let doc = Document::from(html.as_str());
        let before = doc.select("p").text().to_string();
        assert!(bound_dense_text(&doc) >= 2);
        assert_eq!(doc.select("p").text().to_string(), before);
        let p = doc.select("p").nodes()[0];
        assert!(p.children().len() > 1);
        assert!(p.children().iter().all(|c| c.text().len() <= PIECE_BYTES));
        assert!(p.attr("title").unwrap().len() <= PIECE_BYTES);
        // ordinary text is left alone
        let doc = Document::from("<p>AT&amp;T &amp; «Le Monde» said so.</p>");
        assert_eq!(bound_dense_text(&doc), 0);
    }
}
