//! The lab: what measures, trains and times claimgraph, compiled only with the `lab` cargo
//! feature (`cargo build --release --features lab`). The product's build and its commands
//! (`report`, `check`, `extract`, ...) contain none of it.
//!
//! - [`eval`]: the reference scorers' metrics, ported (attribution spans on PolNeAR,
//!   stance on FNC-1), and predicting the gold files' texts;
//! - [`train`]: training the attribution tagger that ships in the product;
//! - [`stance`]: the FNC-1 headline/body stance model, with its training;
//! - [`bench`](mod@bench): the benchmarks of extraction and linking, with their memory figures.
//!
//! The lab imports the product; nothing in the product imports the lab.

pub mod bench;
pub mod eval;
pub mod stance;
pub mod train;
