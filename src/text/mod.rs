//! Text handling (the segment stage): spans, paragraphs, sentences, quotations, the token
//! stream of an article, word normalisation and matching keys.

pub mod concepts;
pub mod cover;
pub mod dateline;
pub mod hash;
pub mod quotes;
pub mod sentences;
pub mod span;
pub mod stream;
pub mod tokens;

pub use hash::fnv1a;
pub use sentences::{paragraphs, sentences, Sentence, MAX_SENTENCE_BYTES};
pub use span::Span;
pub use stream::{Token, TokenStream};

/// Characters that hide or reorder what a reader sees: control characters (a terminal's
/// escape sequences start with one) other than tab and line breaks, and the bidirectional
/// embeddings, overrides and isolates. Renderers and terminal output drop them.
pub fn is_hidden(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Whether `s` holds a character [`is_hidden`] names, read byte by byte (C0 controls and
/// DEL are single bytes, C1 controls start with 0xC2, the bidi controls with 0xE2).
pub fn has_hidden(s: &str) -> bool {
    let b = s.as_bytes();
    b.iter().enumerate().any(|(i, &x)| match x {
        b'\t' | b'\n' | b'\r' => false,
        0..=0x1f | 0x7f => true,
        0xc2 => b.get(i + 1).is_some_and(|&y| (0x80..=0x9f).contains(&y)),
        0xe2 => matches!(
            (b.get(i + 1), b.get(i + 2)),
            (Some(0x80), Some(0xaa..=0xae)) | (Some(0x81), Some(0xa6..=0xa9))
        ),
        _ => false,
    })
}

/// `s` without the characters [`is_hidden`] names.
pub fn visible(s: &str) -> std::borrow::Cow<'_, str> {
    if has_hidden(s) {
        s.chars()
            .filter(|&c| !is_hidden(c))
            .collect::<String>()
            .into()
    } else {
        s.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_characters_are_found_byte_by_byte_as_char_by_char() {
        let samples = [
            "plain",
            "tab\tnew\nline\r",
            "esc\u{1b}[2K",
            "del\u{7f}",
            "c1\u{85}",
            "c1\u{9f}",
            "\u{a0}nbsp",
            "\u{202a}",
            "\u{202e}x",
            "\u{2066}",
            "\u{2069}",
            "\u{2029}",
            "\u{2070}",
            "é\u{20ac}",
            "\u{2028}",
        ];
        for s in samples {
            assert_eq!(has_hidden(s), s.chars().any(is_hidden), "{s:?}");
            assert!(!has_hidden(&visible(s)), "{s:?}");
        }
    }
}
