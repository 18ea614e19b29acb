//! Pre-activation bounds of a network over an input box: the data behind every
//! big-M formulation and every neuron-stability decision.
//!
//! Three methods, each at least as tight as the one before:
//!
//! - [`interval_bounds`]: interval arithmetic layer by layer (IBP).
//! - [`symbolic_bounds`]: back-substitution of linear bounds through the earlier
//!   layers with per-neuron linear relaxations of ReLU (DeepPoly/CROWN style),
//!   intersected with IBP neuron by neuron.
//! - [`lp_tighten`]: minimises and maximises each unstable pre-activation over the
//!   triangle LP relaxation of the layers before it, within a time budget.
//!
//! All three return (or update) a [`NetworkBounds`]. [`symbolic_refine`] re-tightens
//! the layers after a neuron whose bounds were restricted (a branching split).
//!
//! Linear functions of the outputs (a property's constraints) are bounded below by
//! back-substituting each one itself: [`output_function_lower_bounds`] with the
//! adaptive lower slopes, [`optimised_output_lower_bounds`] with lower slopes
//! optimised by gradient ascent on the bound (alpha-CROWN style).
//!
//! # Soundness under rounding
//!
//! Bounds are computed in `f64` with round-to-nearest, so a computed sum can be off
//! by a few units in the last place of the *largest term* that entered it. Every
//! computed bound is therefore moved outward by
//! `ROUNDING_MARGIN * (1 + magnitude)`, where `magnitude` is the sum of the
//! absolute values of all the terms that were added up to form it (for symbolic
//! bounds, including the terms of every back-substitution step, and the rounding
//! of the ReLU relaxation slopes; for LP bounds, the terms of the dual bound). The
//! rounding error of a sum of `n` terms is at most about `n * 1.1e-16` times that
//! magnitude, so the margin ([`ROUNDING_MARGIN`] = `1e-9`) covers sums of up to
//! millions of terms with a wide safety factor. This is standard forward error
//! analysis, not interval arithmetic with directed rounding; the margin is far
//! below every solver tolerance, so it costs no tightness that matters.

mod alpha;
mod dual_bound;
mod interval;
mod lp_relaxation;
mod lp_tighten;
mod symbolic;
#[cfg(test)]
mod tests;

pub use alpha::{
    optimised_layer_bounds, optimised_output_lower_bounds, AlphaBounds, AlphaOptions, AlphaSlopes,
};
pub use interval::interval_bounds;
pub use lp_tighten::{lp_tighten, LpTightenOptions, LpTightenReport};
pub use symbolic::{
    output_function_backward, output_function_lower_bounds, symbolic_bounds, symbolic_refine,
};

use crate::error::{Error, Result};
use crate::nn::{Activation, LayerValues, Network};

/// Relative size of the outward margin added to every computed bound (see the
/// module documentation).
pub const ROUNDING_MARGIN: f64 = 1e-9;

/// What the bounds of a ReLU's pre-activation say about it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Stability {
    /// Lower bound `>= 0`: the ReLU is the identity on the whole box.
    Active,
    /// Upper bound `<= 0`: the ReLU is zero on the whole box.
    Inactive,
    /// The bounds straddle zero: the ReLU needs a binary (or a branch).
    Unstable,
}

impl Stability {
    /// The stability implied by pre-activation bounds `[lower, upper]`.
    pub fn of(lower: f64, upper: f64) -> Stability {
        if lower >= 0.0 {
            Stability::Active
        } else if upper <= 0.0 {
            Stability::Inactive
        } else {
            Stability::Unstable
        }
    }
}

/// Numbers of neurons of each [`Stability`], in one layer or in a whole network.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct StabilityCounts {
    /// Neurons with lower bound `>= 0`.
    pub stable_active: usize,
    /// Neurons with upper bound `<= 0` (and lower bound `< 0`).
    pub stable_inactive: usize,
    /// Neurons whose bounds straddle zero.
    pub unstable: usize,
}

impl StabilityCounts {
    /// Total number of neurons counted.
    pub fn total(&self) -> usize {
        self.stable_active + self.stable_inactive + self.unstable
    }

    fn add(&mut self, s: Stability) {
        match s {
            Stability::Active => self.stable_active += 1,
            Stability::Inactive => self.stable_inactive += 1,
            Stability::Unstable => self.unstable += 1,
        }
    }
}

/// Bounds of one layer's neurons.
#[derive(Clone, Debug, PartialEq)]
struct LayerBounds {
    pre_lower: Vec<f64>,
    pre_upper: Vec<f64>,
    post_lower: Vec<f64>,
    post_upper: Vec<f64>,
    activation: Activation,
}

/// Lower and upper bounds of every pre- and post-activation of a network over an
/// input box.
///
/// Layers are indexed as in [`Network::layers`]. The post-activation bounds always
/// follow from the pre-activation bounds (`[max(l, 0), max(u, 0)]` for a ReLU, the
/// same interval for the identity). Bounds only ever shrink ([`Self::tighten`]);
/// they may cross (`lower > upper`) only when they were derived under extra
/// constraints that leave nothing feasible ([`Self::is_empty`]).
#[derive(Clone, Debug, PartialEq)]
pub struct NetworkBounds {
    input_lower: Vec<f64>,
    input_upper: Vec<f64>,
    layers: Vec<LayerBounds>,
}

impl NetworkBounds {
    /// Bounds `(-inf, +inf)` for every neuron of `net` over the given input box,
    /// to be tightened by one of the methods.
    ///
    /// Fails like [`check_input_box`].
    pub fn unbounded(net: &Network, lower: &[f64], upper: &[f64]) -> Result<NetworkBounds> {
        check_input_box(net, lower, upper)?;
        let layers = net
            .layers()
            .iter()
            .map(|layer| {
                let n = layer.output_dim();
                let mut lb = LayerBounds {
                    pre_lower: vec![f64::NEG_INFINITY; n],
                    pre_upper: vec![f64::INFINITY; n],
                    post_lower: vec![0.0; n],
                    post_upper: vec![0.0; n],
                    activation: layer.activation(),
                };
                for i in 0..n {
                    lb.update_post(i);
                }
                lb
            })
            .collect();
        Ok(NetworkBounds {
            input_lower: lower.to_vec(),
            input_upper: upper.to_vec(),
            layers,
        })
    }

    /// Number of layers.
    pub fn num_layers(&self) -> usize {
        self.layers.len()
    }

    /// Lower bounds of the inputs (the input box).
    pub fn input_lower(&self) -> &[f64] {
        &self.input_lower
    }

    /// Upper bounds of the inputs (the input box).
    pub fn input_upper(&self) -> &[f64] {
        &self.input_upper
    }

    /// Lower bounds of the pre-activations of `layer`.
    ///
    /// # Panics
    /// If `layer >= num_layers()` (likewise for the other per-layer accessors).
    pub fn pre_lower(&self, layer: usize) -> &[f64] {
        &self.layers[layer].pre_lower
    }

    /// Upper bounds of the pre-activations of `layer`.
    pub fn pre_upper(&self, layer: usize) -> &[f64] {
        &self.layers[layer].pre_upper
    }

    /// Lower bounds of the post-activations (outputs) of `layer`.
    pub fn post_lower(&self, layer: usize) -> &[f64] {
        &self.layers[layer].post_lower
    }

    /// Upper bounds of the post-activations (outputs) of `layer`.
    pub fn post_upper(&self, layer: usize) -> &[f64] {
        &self.layers[layer].post_upper
    }

    /// The activation of `layer`.
    pub fn activation(&self, layer: usize) -> Activation {
        self.layers[layer].activation
    }

    /// Lower and upper bounds of the inputs of `layer`: the input box for layer 0,
    /// the post-activation bounds of the layer before otherwise.
    pub fn layer_input(&self, layer: usize) -> (&[f64], &[f64]) {
        match layer.checked_sub(1) {
            None => (&self.input_lower, &self.input_upper),
            Some(prev) => (&self.layers[prev].post_lower, &self.layers[prev].post_upper),
        }
    }

    /// The stability of `neuron` in `layer`, from the sign of its pre-activation
    /// bounds. For a layer without ReLU (the output layer) this is only sign
    /// information.
    ///
    /// # Panics
    /// If `layer` or `neuron` is out of range.
    pub fn stability(&self, layer: usize, neuron: usize) -> Stability {
        let l = &self.layers[layer];
        Stability::of(l.pre_lower[neuron], l.pre_upper[neuron])
    }

    /// How many neurons of `layer` are stably active, stably inactive and unstable.
    pub fn counts(&self, layer: usize) -> StabilityCounts {
        let l = &self.layers[layer];
        let mut counts = StabilityCounts::default();
        for (&lo, &up) in l.pre_lower.iter().zip(&l.pre_upper) {
            counts.add(Stability::of(lo, up));
        }
        counts
    }

    /// The counts summed over all ReLU layers (the output layer, without ReLU, is
    /// left out).
    pub fn relu_counts(&self) -> StabilityCounts {
        let mut total = StabilityCounts::default();
        for (k, layer) in self.layers.iter().enumerate() {
            if layer.activation == Activation::Relu {
                let c = self.counts(k);
                total.stable_active += c.stable_active;
                total.stable_inactive += c.stable_inactive;
                total.unstable += c.unstable;
            }
        }
        total
    }

    /// Intersects the pre-activation bounds of `neuron` in `layer` with
    /// `[lower, upper]` (NaN sides are ignored) and updates its post-activation
    /// bounds; returns true if a bound changed.
    ///
    /// # Panics
    /// If `layer` or `neuron` is out of range.
    pub fn tighten(&mut self, layer: usize, neuron: usize, lower: f64, upper: f64) -> bool {
        let l = &mut self.layers[layer];
        let mut changed = false;
        if lower > l.pre_lower[neuron] {
            l.pre_lower[neuron] = lower;
            changed = true;
        }
        if upper < l.pre_upper[neuron] {
            l.pre_upper[neuron] = upper;
            changed = true;
        }
        if changed {
            l.update_post(neuron);
        }
        changed
    }

    /// Intersects these bounds with `other`, neuron by neuron.
    ///
    /// # Panics
    /// If the two do not have the same shape.
    pub fn intersect(&mut self, other: &NetworkBounds) {
        assert!(self.same_shape(other), "bounds of different networks");
        for (k, layer) in other.layers.iter().enumerate() {
            for i in 0..layer.pre_lower.len() {
                self.tighten(k, i, layer.pre_lower[i], layer.pre_upper[i]);
            }
        }
    }

    /// True if every interval of `self` lies within the interval of `other` (same
    /// shape required; false otherwise).
    pub fn is_within(&self, other: &NetworkBounds) -> bool {
        self.same_shape(other)
            && self.layers.iter().zip(&other.layers).all(|(a, b)| {
                a.pre_lower.iter().zip(&b.pre_lower).all(|(x, y)| x >= y)
                    && a.pre_upper.iter().zip(&b.pre_upper).all(|(x, y)| x <= y)
            })
    }

    /// True if some neuron's bounds cross (`lower > upper`): no input of the box
    /// reaches that far.
    pub fn is_empty(&self) -> bool {
        self.layers
            .iter()
            .any(|l| l.pre_lower.iter().zip(&l.pre_upper).any(|(lo, up)| lo > up))
    }

    /// The first pre-activation value of a forward pass (as returned by
    /// [`Network::forward_all_layers`]) outside its bounds, as
    /// `(layer, neuron, value)`; `None` when all are within.
    pub fn first_violation(&self, values: &[LayerValues]) -> Option<(usize, usize, f64)> {
        for (k, (layer, v)) in self.layers.iter().zip(values).enumerate() {
            for (i, &x) in v.pre.iter().enumerate() {
                if !(x >= layer.pre_lower[i] && x <= layer.pre_upper[i]) {
                    return Some((k, i, x));
                }
            }
        }
        None
    }

    /// The largest width `upper - lower` of a pre-activation in `layer`.
    pub fn max_width(&self, layer: usize) -> f64 {
        let l = &self.layers[layer];
        l.pre_lower
            .iter()
            .zip(&l.pre_upper)
            .map(|(lo, up)| up - lo)
            .fold(0.0, f64::max)
    }

    fn same_shape(&self, other: &NetworkBounds) -> bool {
        self.input_lower.len() == other.input_lower.len()
            && self.layers.len() == other.layers.len()
            && self
                .layers
                .iter()
                .zip(&other.layers)
                .all(|(a, b)| a.pre_lower.len() == b.pre_lower.len())
    }

    /// Replaces the input box (by a box inside it: the bounds stay valid).
    pub(crate) fn set_input_box(&mut self, lower: &[f64], upper: &[f64]) {
        self.input_lower.copy_from_slice(lower);
        self.input_upper.copy_from_slice(upper);
    }

    /// Checks that these bounds belong to `net` (same number of inputs, layers and
    /// neurons per layer).
    pub(crate) fn check_shape(&self, net: &Network) -> Result<()> {
        let fits = self.input_lower.len() == net.input_dim()
            && self.layers.len() == net.layers().len()
            && self
                .layers
                .iter()
                .zip(net.layers())
                .all(|(b, l)| b.pre_lower.len() == l.output_dim());
        if fits {
            Ok(())
        } else {
            Err(Error::Invalid(
                "the bounds were computed for a network of another shape".to_string(),
            ))
        }
    }
}

impl LayerBounds {
    fn update_post(&mut self, i: usize) {
        let (lo, up) = (self.pre_lower[i], self.pre_upper[i]);
        (self.post_lower[i], self.post_upper[i]) = match self.activation {
            Activation::Relu => (lo.max(0.0), up.max(0.0)),
            Activation::Identity => (lo, up),
        };
    }
}

/// Checks an input box for `net`: one lower and one upper bound per input, all
/// finite, `lower <= upper`. Fails with [`Error::Invalid`] naming the first
/// offending input.
pub fn check_input_box(net: &Network, lower: &[f64], upper: &[f64]) -> Result<()> {
    let n = net.input_dim();
    if lower.len() != n || upper.len() != n {
        return Err(Error::Invalid(format!(
            "input box has {} lower and {} upper bounds, the network has {n} inputs",
            lower.len(),
            upper.len()
        )));
    }
    for (j, (&lo, &up)) in lower.iter().zip(upper).enumerate() {
        if !lo.is_finite() || !up.is_finite() || lo > up {
            return Err(Error::Invalid(format!(
                "input {j} has bounds [{lo}, {up}]: they must be finite with lower <= upper"
            )));
        }
    }
    Ok(())
}

/// Moves computed bounds `[lower, upper]` out by the rounding margin for a
/// computation of the given magnitude; a NaN side (from overflow) becomes infinite.
pub(crate) fn outward(lower: f64, upper: f64, magnitude: f64) -> (f64, f64) {
    let margin = ROUNDING_MARGIN * (1.0 + magnitude);
    let lo = lower - margin;
    let up = upper + margin;
    (
        if lo.is_nan() { f64::NEG_INFINITY } else { lo },
        if up.is_nan() { f64::INFINITY } else { up },
    )
}

/// The largest absolute value in `[lower, upper]`.
pub(crate) fn max_abs(lower: f64, upper: f64) -> f64 {
    lower.abs().max(upper.abs())
}
