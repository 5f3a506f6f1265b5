//! Text handling (the segment stage): spans, paragraphs, sentences, quotations, the token
//! stream of an article, word normalisation and matching keys.

pub mod concepts;
pub mod cover;
pub mod hash;
pub mod quotes;
pub mod sentences;
pub mod span;
pub mod stream;
pub mod tokens;

pub use hash::fnv1a;
pub use sentences::{paragraphs, sentences, Sentence};
pub use span::Span;
pub use stream::{Token, TokenStream};
