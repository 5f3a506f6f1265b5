//! Metrics against gold data: attribution spans (PolNeAR), headline stance (FNC-1) and
//! dependency parses (UD English EWT).

pub mod attribution;
mod fnc_csv;
pub mod parser;
pub mod stance;
