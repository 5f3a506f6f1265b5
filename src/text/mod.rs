//! Text handling: spans, paragraphs, sentences, tokens and matching keys.

pub mod concepts;
pub mod hash;
pub mod sentences;
pub mod span;
pub mod tokens;

pub use hash::fnv1a;
pub use sentences::{paragraphs, sentences, Sentence};
pub use span::Span;
