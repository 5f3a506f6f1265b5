//! Attribution span metrics with the definitions of the reference scorer.
