//! Text handling: spans, paragraphs, sentences, tokens and matching keys.

pub mod concepts;
pub mod hash;
pub mod sentences;
pub mod span;
pub mod tokens;

pub use hash::fnv1a;
pub use sentences::{paragraphs, sentences, Sentence};
pub use span::Span;

/// Characters that hide or reorder what a reader sees: control characters (a terminal's
/// escape sequences start with one) other than tab and line breaks, and the bidirectional
/// embeddings, overrides and isolates. Renderers and terminal output drop them.
pub fn is_hidden(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `s` without the characters [`is_hidden`] names.
pub fn visible(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().any(is_hidden) {
        s.chars()
            .filter(|&c| !is_hidden(c))
            .collect::<String>()
            .into()
    } else {
        s.into()
    }
}
