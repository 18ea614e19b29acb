//! Training with pruning (seed 003): one MILP that fits a one-hidden-layer ReLU
//! classifier, with an l1 penalty on the weights and binaries that switch whole
//! hidden neurons off.
//!
//! # Formulation
//! Standardised samples `x^n` (a stratified subset `S` of the training part, when the
//! full MILP is too large), labels `y_n`, `d` inputs, `l` hidden neurons, `C`
//! classes.
//! - First layer: `w_ij, b_i in [-M, M]` continuous, `|w_ij| <= a_ij` (l1 terms),
//!   `a_ij <= M s_i`, `|b_i| <= M s_i`, with `s_i` binary: neuron `i` is kept.
//! - Hidden values `h_i^n = max(0, w_i.x^n + b_i)`, big-M with indicator per neuron
//!   and sample ([`relu`]), big-M values from LP-computed bounds (below).
//! - Output layer: weights `u_ci = u_ci^+ - u_ci^-` in `{-1, 0, +1}` (binaries,
//!   `u_ci^+ + u_ci^- <= s_i`), output biases `e_c` (with `e_0 = 0`: a common shift of
//!   all scores changes nothing). Outputs `out_c^n = e_c + sum_i (h_i^n u_ci^+ -
//!   h_i^n u_ci^-)`, each product of a bounded continuous and a binary linearised exactly.
//!   Ternary output weights are what keeps the model a MILP: `u_ci h_i` would
//!   otherwise multiply two variables. ReLU's positive homogeneity (Lemma 1 of
//!   seed 001) makes this no restriction for one output; with several outputs it fixes
//!   the magnitudes of a neuron's outgoing weights to be equal, which hidden neurons
//!   of free scale and width compensate for.
//! - Loss: multi-class hinge with one slack per sample, `out_{y_n}^n - out_c^n >= 1 -
//!   xi_n` for `c != y_n`, `xi_n >= 0`.
//! - Objective: `(1/|S|) sum xi_n + lambda (sum a_ij + sum (u^+ + u^-)) + rho sum s_i`.
//! - The all-off network (every `s_i = 0`, `e = 0`, `xi_n = 1`) has objective 1, so the
//!   row `objective <= 1` is valid; it bounds the l1 budget.
//! - Symmetry breaking: key `k_i = (C + 1) s_i + sum_c (u_ci^+ + u_ci^-)` (kept neurons
//!   first, then by number of output connections, since `sum_c (u^+ + u^-) <= C`),
//!   `k_1 >= ... >= k_l`: any solution can be permuted into this order.
//!
//! # Big-M values from LP bounds
//! For each sample, the pre-activation bounds are the minimum and maximum of
//! `w.x^n + b` over the LP `{|w_j| <= a_j <= M s, |b| <= M s, 0 <= s <= 1,
//! lambda sum_j a_j + rho s <= 1}` (one neuron's share of the objective row; the
//! neurons are interchangeable, so one LP per sample and direction serves them all).
//! They are never wider than the interval bounds `+-M (||x^n||_1 + 1)`, and tighter
//! when the l1 budget `1 / lambda` binds. The output bias bound is
//! `E = 1 + 2 max_n sum_i U^n`.
//!
//! # Files
//! - `formulation.rs`: the MILP ([`prune_milp`]);
//! - `bounds.rs`: the big-M values from LP bounds;
//! - `start.rs`: the MILP point of a network and the warm start ([`ternary_start`]);
//! - `decode.rs`: the network of a solution, and its check against the MILP's outputs;
//! - `solve.rs`: [`train_prune`] and [`solve_prune`].

mod bounds;
mod decode;
mod formulation;
mod solve;
mod start;

pub use formulation::prune_milp;
pub use solve::{solve_prune, train_prune, PruneOutcome};
pub use start::ternary_start;

use crate::model::Model;

/// Options of the pruning MILP.
#[derive(Clone, Debug, PartialEq)]
pub struct PruneOptions {
    /// Width `l` of the hidden layer.
    pub hidden: usize,
    /// Bound `M` on first-layer weights and biases (standardised inputs).
    pub weight_bound: f64,
    /// l1 penalty `lambda` per unit of weight.
    pub l1: f64,
    /// Penalty `rho` per kept hidden neuron.
    pub neuron_penalty: f64,
    /// Training samples in the MILP (a stratified subset; 0 = all).
    pub milp_samples: usize,
    /// Add the ordering rows between hidden neurons.
    pub symmetry_breaking: bool,
    /// Seed of the subset and of the warm start.
    pub seed: u64,
    /// Start the search from the better of the all-off network and a ternarised
    /// Adam-trained network (see [`ternary_start`]).
    pub warm_start: bool,
}

impl Default for PruneOptions {
    fn default() -> Self {
        PruneOptions {
            hidden: 4,
            weight_bound: 1.0,
            l1: 0.01,
            neuron_penalty: 0.02,
            milp_samples: 60,
            symmetry_breaking: true,
            seed: 0,
            warm_start: true,
        }
    }
}

/// The pruning MILP with the columns needed to read the network.
#[derive(Clone, Debug)]
pub struct PruneMilp {
    /// The model (ReLU indicators annotated per neuron and sample).
    pub model: Model,
    /// Indices (into the training part) of the samples in the MILP.
    pub samples: Vec<usize>,
    /// Pre-activation bounds per sample, from the LPs.
    pub pre_bounds: Vec<(f64, f64)>,
    /// Samples whose LP bounds are tighter than the interval bounds.
    pub tighter_than_interval: usize,
    /// Layer widths `[d, l, C]`.
    widths: Vec<usize>,
    /// The options the MILP was built with.
    options: PruneOptions,
    /// Columns of the network's parameters.
    params: ParameterColumns,
    /// Columns and rows of each sample in the MILP, in the order of `samples`.
    per_sample: Vec<SampleColumns>,
}

/// Columns of the network's parameters (index `i * d + j` for first-layer weights,
/// `c * l + i` for output weights).
#[derive(Clone, Debug)]
struct ParameterColumns {
    /// `s_i`: hidden neuron `i` is kept.
    kept: Vec<usize>,
    /// `w_ij`: first-layer weights.
    weights: Vec<usize>,
    /// `a_ij >= |w_ij|`: the l1 terms.
    abs_weights: Vec<usize>,
    /// `b_i`: hidden biases.
    biases: Vec<usize>,
    /// `u_ci^+`: output weight `+1`.
    out_plus: Vec<usize>,
    /// `u_ci^-`: output weight `-1`.
    out_minus: Vec<usize>,
    /// `e_c`: output biases.
    out_biases: Vec<usize>,
}

/// Columns and rows of one sample of the MILP.
#[derive(Clone, Debug)]
struct SampleColumns {
    /// Per hidden neuron, the columns of its value `h_i` and indicator (absent when
    /// the bounds fix the neuron).
    hidden: Vec<(Option<usize>, Option<usize>)>,
    /// Per output weight (`c * l + i`), the product columns `h_i u_ci^+` and
    /// `h_i u_ci^-` (absent when `h_i` is identically zero).
    products: Vec<Option<(usize, usize)>>,
    /// The hinge slack `xi`.
    slack: usize,
    /// `(class c, row)` of the hinge rows `out_y - out_c + xi >= 1`.
    hinge_rows: Vec<(usize, usize)>,
    /// The sample's label `y`.
    label: usize,
}

impl PruneMilp {
    /// Layer widths `(d, l, C)`.
    fn dims(&self) -> (usize, usize, usize) {
        (self.widths[0], self.widths[1], self.widths[2])
    }
}
