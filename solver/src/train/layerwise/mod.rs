//! Layer-wise MILP training (seed 004, Algorithm 1).
//!
//! Per batch, repeated while the batch accuracy improves (at most `max_rounds`
//! times): from the output layer back to the first hidden layer,
//! 1. the layer's weights are recomputed with its inputs fixed: for a hidden layer
//!    one MILP per neuron (l1 loss against the layer's targets, one indicator per
//!    sample, [`fit_hidden_neuron`]); for the output layer one LP per neuron with the
//!    identity instead of ReLU and the loss (7)/(8) of the seed ([`fit_output_neuron`]);
//! 2. for every layer but the first, the layer's inputs are adjusted with its weights
//!    fixed, per sample, within the bounds (9)
//!    `max(0, 0.9 x~ - 0.1) <= x <= 1.1 x~ + 0.1` ([`adjust_inputs`]); the adjusted
//!    inputs become the targets of the layer before.
//!
//! Weights and biases stay in `[-1, 1]`. From the second batch on, each weight `w`
//! is also kept within the change bound (10) around its value `w~` after the
//! previous batch: `w~ - 0.6 |w~| - 0.01 <= w <= w~ + 0.6 |w~| + 0.01`. After the
//! last batch the output layer is re-fitted on the whole training set by the LP of
//! section 2.3 ([`post_process_neuron`]): deviations up to 0.49 are free.
//!
//! Choices where the seed is open:
//! - big-M values are interval bounds of each pre-activation over the weight box (or,
//!   when inputs are adjusted, over the input box (9)), per sample, instead of the
//!   seed's single `M = d (1.1 M~ + 0.1) + 1`: valid and never larger;
//! - every MILP and LP may only improve on the current weights (or inputs): its
//!   objective limit is the current loss, and a run that finds nothing better, or
//!   hits its time limit (`milp_time_limit`) without a solution, keeps them;
//! - the output layer is affine and the predicted class is the argmax of the outputs
//!   (the seed reads "the output closest to one"; for outputs trained towards one-hot
//!   vectors the two agree except when several outputs exceed one);
//! - the weights entering a batch compete for "best accuracy in the while loop"
//!   with those of every round; the post-processing LP is kept only if it does not
//!   lower the training accuracy.
//!
//! # Files
//! - `fits.rs`: the MILPs and LPs of one neuron or one sample;
//! - `trainer.rs`: Algorithm 1 over batches, and the post-processing.

mod fits;
mod trainer;

#[cfg(test)]
mod tests;

pub use fits::{
    adjust_inputs, fit_hidden_neuron, fit_output_neuron, post_process_neuron, NeuronFit, WeightBox,
};
pub use trainer::train_layerwise;

use super::classify::Params;
use crate::search::Settings;
use std::time::{Duration, Instant};

/// Options of [`train_layerwise`].
#[derive(Clone, Debug)]
pub struct LayerwiseOptions {
    /// Layer widths, input first, classes last.
    pub widths: Vec<usize>,
    /// Samples per batch (the seed: 100).
    pub batch: usize,
    /// Passes over the training data.
    pub epochs: usize,
    /// Most rounds of Algorithm 1's while loop per batch.
    pub max_rounds: usize,
    /// Time limit of each MILP / LP.
    pub milp_time_limit: Duration,
    /// Seed of the initial weights and of the batch order.
    pub seed: u64,
    /// The network to start from (on standardised inputs, the same widths), e.g.
    /// one trained by Adam; it is rescaled into the weight box first
    /// ([`Params::rescaled_into_unit_box`]), and a batch whose result has a lower
    /// accuracy on the whole training set than the network entering it is undone.
    /// `None`: random weights in `[-1, 1]`, every batch kept, as in the seed.
    pub initial: Option<Params>,
    /// Stop starting new work after this instant.
    pub deadline: Option<Instant>,
    /// Run the final LP post-processing of the output layer on the training set.
    pub post_process: bool,
    /// Search settings of every MILP (threads, branching, ...; limits are set here).
    pub settings: Settings,
    /// Called after the first batch, and after a batch or a neuron's MILP when
    /// [`PROGRESS_INTERVAL`] has passed since the last call; `None`: no progress
    /// reports.
    pub progress: Option<fn(&LayerwiseProgress)>,
}

/// Seconds between two progress reports of [`train_layerwise`].
pub const PROGRESS_INTERVAL: Duration = Duration::from_secs(3);

/// Where a layer-wise training run stands (see [`LayerwiseOptions::progress`]).
#[derive(Clone, Debug, PartialEq)]
pub struct LayerwiseProgress {
    /// The pass over the training data (1-based).
    pub epoch: usize,
    /// The batch under way, or the one just trained (1-based, over all epochs).
    pub batches: usize,
    /// Batches per epoch.
    pub batches_per_epoch: usize,
    /// Rounds of the while loop so far.
    pub rounds: usize,
    /// Accuracy of the current network on the whole training set.
    pub train_accuracy: f64,
    /// Seconds since training started.
    pub seconds: f64,
}

/// Counters of a training run.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LayerwiseStats {
    /// Batches trained (over all epochs).
    pub batches: usize,
    /// Batches undone because they lowered the training accuracy (with a warm
    /// start only, see [`LayerwiseOptions::initial`]).
    pub batches_rejected: usize,
    /// Rounds of the while loop, over all batches.
    pub rounds: usize,
    /// MILPs solved (hidden neurons and input adjustments with binaries).
    pub milps: usize,
    /// LPs solved (output neurons, output-layer input adjustments, post-processing).
    pub lps: usize,
    /// Solves that improved on the current point.
    pub improved: usize,
    /// Solves stopped by their time limit.
    pub time_limits: usize,
    /// Batch accuracy after each batch.
    pub batch_accuracy: Vec<f64>,
    /// Whether the post-processing LP was kept.
    pub post_processed: bool,
    /// Training accuracy before the post-processing LP.
    pub accuracy_before_post: f64,
    /// True when the deadline stopped the training early.
    pub stopped_by_deadline: bool,
}

/// The inputs of every layer for every sample: `out[k][n]` is the input of layer `k`
/// for sample `n` (`out[0]` are the samples themselves).
pub fn layer_inputs(params: &Params, xs: &[Vec<f64>]) -> Vec<Vec<Vec<f64>>> {
    let mut out = vec![xs.to_vec()];
    for k in 0..params.num_layers().saturating_sub(1) {
        let d = params.widths[k];
        let next = out[k]
            .iter()
            .map(|x| {
                (0..params.widths[k + 1])
                    .map(|i| {
                        (params.biases[k][i] + dot(&params.weights[k][i * d..(i + 1) * d], x))
                            .max(0.0)
                    })
                    .collect()
            })
            .collect();
        out.push(next);
    }
    out
}

fn dot(w: &[f64], x: &[f64]) -> f64 {
    w.iter().zip(x).map(|(a, b)| a * b).sum()
}

/// Sets the weights `w` and bias `c` of neuron `i` of layer `k`.
fn set_neuron(params: &mut Params, k: usize, i: usize, w: &[f64], c: f64) {
    let d = params.widths[k];
    params.weights[k][i * d..(i + 1) * d].copy_from_slice(w);
    params.biases[k][i] = c;
}

/// The weights and bias of neuron `i` of layer `k`.
fn neuron(params: &Params, k: usize, i: usize) -> (Vec<f64>, f64) {
    let d = params.widths[k];
    (
        params.weights[k][i * d..(i + 1) * d].to_vec(),
        params.biases[k][i],
    )
}
