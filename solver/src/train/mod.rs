//! MILPs whose unknowns are a network's weights, and the training methods built on
//! them.
//!
//! - [`sparsity`]: the sparsest one-hidden-layer network that fits regression data
//!   (seeds 000/001, Lemma 1), with [`sparse_start`], its first solution from
//!   gradient descent and restricted MILPs.
//! - [`layerwise`]: layer-by-layer training with one MILP per neuron and input
//!   adjustments (seed 004, Algorithm 1).
//! - [`prune`]: one MILP that trains and prunes a one-hidden-layer classifier (seed
//!   003).
//! - [`adam`]: the gradient baseline for the same architectures.
//!
//! Shared pieces: [`encode`] (ReLU and product encodings) and [`metrics`].

pub mod adam;
pub mod classify;
pub mod encode;
pub mod layerwise;
pub mod metrics;
pub mod prune;
pub mod sparse_start;
pub mod sparsity;
