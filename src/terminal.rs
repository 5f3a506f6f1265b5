//! Text meant for a terminal, made harmless: input from the web may hold escape sequences
//! (`ESC [2K` erases a line, `CR` returns to its start, OSC sequences set the window title
//! or make links) and bidirectional controls, which would let an article rewrite what the
//! reader sees. Every one of them becomes U+FFFD (�), so that it shows, and does nothing.

use std::borrow::Cow;

/// True for a character that must not reach a terminal: C0 controls other than the line
/// feed and the tab, DEL, C1 controls, and the bidirectional controls (embeddings,
/// overrides, isolates and marks).
pub fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || crate::text::is_hidden(c)
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}')
}

/// `s` with every character [`is_unsafe`] finds replaced by U+FFFD; line feeds and tabs
/// stay. Borrowed when there is nothing to replace.
pub fn clean(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| if is_unsafe(c) { '\u{fffd}' } else { c })
            .collect(),
    )
}

/// One line of a table or a message: as [`clean`], and line feeds and tabs become spaces
/// too, so that a value cannot break a row or a column.
pub fn cell(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c == '\n' || c == '\t' || is_unsafe(c)) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| match c {
                '\n' | '\t' => ' ',
                c if is_unsafe(c) => '\u{fffd}',
                c => c,
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_returns_are_replaced() {
        assert_eq!(clean("o\u{1b}[2K\rFAKE"), "o\u{fffd}[2K\u{fffd}FAKE");
        assert_eq!(clean("a\u{9b}31m b\u{7f}"), "a\u{fffd}31m b\u{fffd}");
        assert_eq!(clean("left\u{202e}right"), "left\u{fffd}right");
        assert_eq!(clean("two\nlines\tand tab"), "two\nlines\tand tab");
        assert!(matches!(clean("plain “text”"), Cow::Borrowed(_)));
        assert_eq!(cell("two\nlines\tx\u{7}"), "two lines x\u{fffd}");
    }
}
