//! Reading the network back from a solution of the pruning MILP, and checking it
//! against the MILP's outputs.

use super::PruneMilp;
use crate::nn::Network;
use crate::train::classify::Params;

impl PruneMilp {
    /// The network of a solution (standardised inputs): pruned neurons and weights
    /// below `1e-9` in magnitude are exactly zero; output weights are rounded.
    pub fn params(&self, x: &[f64]) -> Params {
        let (d, l, classes) = self.dims();
        let cols = &self.params;
        let mut first = vec![0.0; l * d];
        let mut bias = vec![0.0; l];
        let mut out = vec![0.0; classes * l];
        for i in 0..l {
            if x[cols.kept[i]].round() == 0.0 {
                continue;
            }
            for j in 0..d {
                let v = x[cols.weights[i * d + j]];
                first[i * d + j] = if v.abs() < 1e-9 { 0.0 } else { v };
            }
            bias[i] = x[cols.biases[i]];
            for c in 0..classes {
                out[c * l + i] =
                    x[cols.out_plus[c * l + i]].round() - x[cols.out_minus[c * l + i]].round();
            }
        }
        Params {
            widths: self.widths.clone(),
            weights: vec![first, out],
            biases: vec![bias, cols.out_biases.iter().map(|&c| x[c]).collect()],
        }
    }

    /// Number of hidden neurons switched off in a solution.
    pub fn pruned_neurons(&self, x: &[f64]) -> usize {
        self.params
            .kept
            .iter()
            .filter(|&&c| x[c].round() == 0.0)
            .count()
    }

    /// The largest difference, over the samples in the MILP and the hinge rows,
    /// between the MILP's margin `out_y - out_c` in the solution `x` and the margin
    /// of a forward pass of `net` (`xs`: the standardised training samples), and the
    /// largest output magnitude of the forward passes (at least 1).
    pub(super) fn output_mismatch(&self, net: &Network, xs: &[Vec<f64>], x: &[f64]) -> (f64, f64) {
        let mut mismatch: f64 = 0.0;
        let mut scale: f64 = 1.0;
        for (sample, &n) in self.per_sample.iter().zip(&self.samples) {
            let out = net.forward(&xs[n]);
            scale = scale.max(out.iter().fold(0.0, |a, v| a.max(v.abs())));
            // Hinge row of class c: out_y - out_c + xi >= 1.
            let y = sample.label;
            for &(c, row) in &sample.hinge_rows {
                let milp_margin = self.model.rows[row].activity(x) - x[sample.slack];
                mismatch = mismatch.max((milp_margin - (out[y] - out[c])).abs());
            }
        }
        (mismatch, scale)
    }
}
