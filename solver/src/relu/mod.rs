//! What the search knows about the ReLU networks inside a model.
//!
//! A model's [`crate::model::ReluStructure`] (from the formulation, the `export`
//! sidecar or detection) is compiled once per solve into a [`NetworkView`]: the
//! network as layers over the model's columns. At every node, [`NodePropagator`]
//! recomputes the pre-activation bounds under the node's input box and fixed
//! indicators, fixes the indicators of units that became stable, tightens the
//! bounds of the node's columns, and bounds the rows over the outputs. At the root,
//! [`tighten_big_m_rows`] rewrites the big-M rows with the propagated bounds. For
//! networks with few inputs, [`InputSplitter`] chooses input splits and attacks
//! sub-boxes, so that the search can branch on inputs without an LP.

mod big_m;
mod input_split;
mod propagate;
mod view;

pub use big_m::tighten_big_m_rows;
pub use input_split::{InputSplit, InputSplitter, SplitExploration, INPUT_SPLIT_MAX_INPUTS};
pub use propagate::{NodePropagator, ReluPropagation};
pub use view::{NetworkView, NeuronColumns};
