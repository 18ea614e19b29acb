//! Parallel branch-and-bound.
