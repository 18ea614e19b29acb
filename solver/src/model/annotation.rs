//! The ReLU annotation: which columns of a MILP are the pre-activation, the
//! post-activation and the activation indicator of each neuron.

use crate::nn::Network;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// One ReLU unit `post = max(0, pre)` of a network encoded in a MILP.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReluUnit {
    /// Layer index (0 = first hidden layer).
    pub layer: usize,
    /// Neuron index within the layer.
    pub neuron: usize,
    /// Sample index, for training MILPs with one copy of the network per sample.
    pub sample: Option<usize>,
    /// Column of the pre-activation value, when the model has one.
    pub pre: Option<usize>,
    /// Column of the post-activation value.
    pub post: Option<usize>,
    /// Column of the binary indicator (1 = active); `None` for stable units.
    pub indicator: Option<usize>,
    /// Bounds on the pre-activation used to build the formulation.
    pub pre_bounds: (f64, f64),
}

/// The network structure of a MILP built from a ReLU network.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ReluAnnotation {
    /// All units, in layer order.
    pub units: Vec<ReluUnit>,
    /// Columns of the network inputs, in input order (empty when unknown).
    #[serde(default)]
    pub inputs: Vec<usize>,
    /// Columns of the network outputs, in output order (empty when unknown).
    #[serde(default)]
    pub outputs: Vec<usize>,
    /// The network itself, when the MILP was built from one (not written to files):
    /// lets the search complete a point by a forward pass.
    #[serde(skip)]
    pub network: Option<Arc<Network>>,
}

impl ReluAnnotation {
    /// Number of units with an indicator binary (unstable neurons).
    pub fn num_unstable(&self) -> usize {
        self.units.iter().filter(|u| u.indicator.is_some()).count()
    }
}
