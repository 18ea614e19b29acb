//! relumip-solver: a parallel branch-and-bound MILP solver specialised for ReLU
//! networks.
//!
//! The pipeline, one module per stage: [`io`] reads an instance into a [`model::Model`],
//! [`bounds`] computes pre-activation bounds of networks over input boxes,
//! [`lp`] solves LP relaxations behind the [`lp::LpEngine`] trait, [`branch`] holds the
//! branching rules, and [`search`] runs the parallel branch-and-bound. Networks
//! (from ONNX or `.nnet`) and their properties (from VNN-LIB) are read into the
//! [`nn`] intermediate representation. [`data`] reads data sets and [`train`] builds
//! the MILPs whose unknowns are a network's weights.

#![deny(missing_docs)]

pub mod bounds;
pub mod branch;
pub mod cuts;
pub mod data;
pub mod error;
pub mod formulate;
pub mod generate;
pub mod heur;
pub mod io;
pub mod lp;
pub mod model;
pub mod nn;
pub mod rng;
pub mod search;
pub mod train;
pub mod verify;

pub use error::{Error, Result};
