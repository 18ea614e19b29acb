//! The triangle LP relaxation of the layers before a target layer, over which the
//! target layer's pre-activations are minimised and maximised.
//!
//! Columns: the network inputs (bounded by the box); for every neuron of the
//! earlier layers its pre-activation `z` (bounded by its bounds `[l, u]`) with the
//! row `z - w'y_prev = b`; and for every unstable ReLU its post-activation `y` in
//! `[0, u]` with the rows `y >= z` and the chord `y <= s (z - l)`,
//! `s = u / (u - l)`. A stably active neuron's output is its `z` column, a stably
//! inactive one's is zero (no column). Each dense weight row thus appears once.
//!
//! Every network point whose pre-activations lie within the bounds satisfies these
//! rows. The chord's side, computed in floating point, is moved outward by the
//! rounding margin, so rounding can only loosen it, never cut off a point; the
//! other rows hold the network's own data.

use super::{max_abs, outward, NetworkBounds, Stability};
use crate::lp::{LpProblem, LpRow};
use crate::nn::{Activation, Network};

/// The relaxation of layers `0..k` and where the inputs of layer `k` live in it.
pub(crate) struct PrefixRelaxation {
    /// The LP (costs all zero; set one objective per solve).
    pub problem: LpProblem,
    /// The column of each input of layer `k`, `None` for a neuron fixed at zero.
    pub target_inputs: Vec<Option<usize>>,
}

impl PrefixRelaxation {
    /// Builds the relaxation of the layers before layer `k` from the current
    /// bounds.
    pub fn build(net: &Network, bounds: &NetworkBounds, k: usize) -> PrefixRelaxation {
        let mut problem = LpProblem {
            costs: Vec::new(),
            col_lower: bounds.input_lower().to_vec(),
            col_upper: bounds.input_upper().to_vec(),
            rows: Vec::new(),
        };
        let mut prev: Vec<Option<usize>> = (0..net.input_dim()).map(Some).collect();
        for j in 0..k {
            let layer = &net.layers()[j];
            let mut next = Vec::with_capacity(layer.output_dim());
            for (t, &b) in layer.bias().iter().enumerate() {
                let (l, u) = (bounds.pre_lower(j)[t], bounds.pre_upper(j)[t]);
                // z - w'y_prev = b with l <= z <= u (exact data).
                let z = problem.col_lower.len();
                problem.col_lower.push(l);
                problem.col_upper.push(u);
                let mut entries: Vec<(usize, f64)> = layer
                    .row(t)
                    .iter()
                    .zip(&prev)
                    .filter_map(|(&a, col)| col.filter(|_| a != 0.0).map(|c| (c, -a)))
                    .collect();
                entries.push((z, 1.0));
                problem.rows.push(LpRow {
                    entries,
                    lower: b,
                    upper: b,
                });
                let stability = match layer.activation() {
                    Activation::Relu => Stability::of(l, u),
                    Activation::Identity => Stability::Active,
                };
                match stability {
                    Stability::Active => next.push(Some(z)),
                    Stability::Inactive => next.push(None),
                    Stability::Unstable => {
                        let y = problem.col_lower.len();
                        problem.col_lower.push(0.0);
                        problem.col_upper.push(u);
                        // y >= z
                        problem.rows.push(LpRow {
                            entries: vec![(z, -1.0), (y, 1.0)],
                            lower: 0.0,
                            upper: f64::INFINITY,
                        });
                        // The chord y <= s (z - l), its side widened for the
                        // rounding of s and s l; none without finite bounds.
                        if !(l.is_finite() && u.is_finite()) {
                            next.push(Some(y));
                            continue;
                        }
                        let s = u / (u - l);
                        let magnitude = s * (max_abs(l, u) + l.abs()) + u.abs();
                        problem.rows.push(LpRow {
                            entries: vec![(z, -s), (y, 1.0)],
                            lower: f64::NEG_INFINITY,
                            upper: outward(-s * l, -s * l, magnitude).1,
                        });
                        next.push(Some(y));
                    }
                }
            }
            prev = next;
        }
        problem.costs = vec![0.0; problem.col_lower.len()];
        PrefixRelaxation {
            problem,
            target_inputs: prev,
        }
    }

    /// The costs `sign * w` for a weight row `w` of the target layer.
    pub fn objective(&self, weights: &[f64], sign: f64) -> Vec<f64> {
        let mut costs = vec![0.0; self.problem.num_cols()];
        for (&w, col) in weights.iter().zip(&self.target_inputs) {
            if let Some(c) = *col {
                costs[c] = sign * w;
            }
        }
        costs
    }
}
