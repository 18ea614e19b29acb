//! Branching rules.
