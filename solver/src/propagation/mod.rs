//! Bounds at a node and their propagation.
//!
//! A [`LocalDomain`] holds the column bounds of the node being processed: the root
//! bounds plus the node's [`BoundChange`]s. [`propagate`] tightens them from the rows
//! of a [`RowStructure`] (row activities); the search runs it at every node, and
//! heuristics and benchmarks may run it on their own domains.

mod domain;
mod rows;
mod structure;

pub use domain::{BoundChange, LocalDomain};
pub use rows::{propagate, Propagation};
pub use structure::RowStructure;
