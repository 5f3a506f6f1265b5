//! The lab: what measures, trains and times claimgraph, compiled only with the `lab` cargo
//! feature (`cargo build --release --features lab`). The product's build and its commands
//! (`report`, `check`, `extract`, ...) contain none of it.
//!
//! - [`eval`]: the reference scorers' metrics, ported (attribution spans on PolNeAR,
//!   stance on FNC-1, dependency parses on UD EWT), and predicting the gold files' texts;
//! - [`train`]: training the attribution tagger and the parser that ship in the product;
//! - [`stance`]: the FNC-1 headline/body stance model, with its training;
//! - [`bench`](mod@bench): the benchmarks of extraction, parsing and linking, with their
//!   memory figures.
//!
//! The lab imports the product; nothing in the product imports the lab.

pub mod bench;
pub mod eval;
pub mod stance;
pub mod train;
