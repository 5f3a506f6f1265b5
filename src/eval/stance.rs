//! FNC-1 stance metrics with the definitions of the reference scorer.
