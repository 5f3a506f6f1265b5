//! Text handling: spans, paragraphs, sentences, tokens and matching keys.

pub mod concepts;
pub mod sentences;
pub mod span;
pub mod tokens;

pub use sentences::{paragraphs, sentences, Sentence};
pub use span::Span;
