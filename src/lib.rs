//! claimgraph: attributed claims, sourcing chains and confidence for news coverage.

pub mod corpus;
pub mod error;
pub mod eval;
pub mod text;

pub use error::{Diagnostic, Error, Result};
pub mod sources;
pub mod attribution;
pub mod claims;
pub mod graph;
pub mod link;
