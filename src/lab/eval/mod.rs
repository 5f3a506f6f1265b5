//! Metrics against gold data: attribution spans (PolNeAR) and headline stance (FNC-1).

pub mod attribution;
pub mod stance;
