//! Metrics against gold data: attribution spans (PolNeAR) and headline stance (FNC-1).

pub mod attribution;
mod fnc_csv;
pub mod stance;
