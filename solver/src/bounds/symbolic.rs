//! Symbolic bounds by back-substitution (DeepPoly / CROWN with the adaptive lower
//! relaxation).
//!
//! Every ReLU `y = max(0, z)` with pre-activation bounds `[l, u]` gets two linear
//! bounds `a z <= y <= s z + c`:
//!
//! - stably active (`l >= 0`): `y = z` (`a = s = 1`, `c = 0`);
//! - stably inactive (`u <= 0`): `y = 0` (`a = s = c = 0`);
//! - unstable: the triangle's chord above, `s = u / (u - l)`, `c = -s l`; below,
//!   `a = 1` if `u > -l` and `a = 0` otherwise (the choice of smaller area).
//!
//! The bounds of layer `k` start from its affine map `W_k y_{k-1} + b_k` and go back
//! one layer at a time: a positive coefficient on `y_j` takes the relaxation on the
//! side of the bound sought and a negative one the other side, then the affine map
//! of layer `j` substitutes `z_j`. What is left is a linear function of the input,
//! bounded exactly over the box. All neurons of a layer are done at once as a
//! matrix (coefficients row-major, one row per neuron), so one layer of `n` neurons
//! costs about `2 n * sum_j n_j n_{j-1}` multiply-adds over the layers before it,
//! with zero coefficients (of inactive neurons) skipped.
//!
//! Each layer's result is intersected with the interval image of the layer before
//! (already tightened), so the result is never looser than IBP. ReLUs that this
//! interval image already proves inactive are not back-substituted: they are zero
//! either way, and no later bound depends on their exact bounds.

use super::{interval, max_abs, outward, NetworkBounds, Stability};
use crate::error::Result;
use crate::nn::{Activation, Layer, Network};
use rayon::prelude::*;

/// Symbolic (DeepPoly/CROWN-style) bounds of every neuron of `net` over the input
/// box `[lower, upper]`, intersected neuron by neuron with interval bounds; see the
/// module documentation of [`crate::bounds`] for the rounding margin.
///
/// Fails with [`crate::Error::Invalid`] if the box does not fit the network
/// ([`super::check_input_box`]).
pub fn symbolic_bounds(net: &Network, lower: &[f64], upper: &[f64]) -> Result<NetworkBounds> {
    let mut bounds = NetworkBounds::unbounded(net, lower, upper)?;
    refine(net, &mut bounds, 0);
    Ok(bounds)
}

/// Re-tightens the bounds of layers `first_layer..` of `bounds` by interval
/// propagation and back-substitution from the current bounds of the layers before,
/// intersecting with the bounds already there.
///
/// For branch-and-bound: after a split restricts a neuron (say to active,
/// [`NetworkBounds::tighten`] with lower bound 0), refining from the next layer
/// gives bounds valid for every input of the box that satisfies the split.
///
/// Fails with [`crate::Error::Invalid`] if the bounds belong to a network of
/// another shape.
pub fn symbolic_refine(
    net: &Network,
    bounds: &mut NetworkBounds,
    first_layer: usize,
) -> Result<()> {
    bounds.check_shape(net)?;
    refine(net, bounds, first_layer);
    Ok(())
}

/// [`symbolic_refine`] for bounds known to have the shape of `net`.
pub(crate) fn refine(net: &Network, bounds: &mut NetworkBounds, first: usize) {
    let mut relaxations: Vec<Relaxation> = (0..first.min(net.layers().len()))
        .map(|j| Relaxation::new(net, bounds, j))
        .collect();
    for k in first..net.layers().len() {
        interval::tighten_layer(net, bounds, k);
        // The first layer is affine in the input: interval bounds are exact there.
        if k > 0 {
            // A ReLU already known to be inactive is zero whatever its exact
            // bounds: nothing downstream reads them, so it is left out.
            let relu = net.layers()[k].activation() == Activation::Relu;
            let neurons: Vec<usize> = (0..net.layers()[k].output_dim())
                .filter(|&i| !relu || bounds.stability(k, i) != Stability::Inactive)
                .collect();
            let (lower, upper) = back_substitute(net, bounds, &relaxations, k, &neurons);
            for ((&i, lo), up) in neurons.iter().zip(lower).zip(upper) {
                bounds.tighten(k, i, lo, up);
            }
        }
        relaxations.push(Relaxation::new(net, bounds, k));
    }
}

/// Linear bounds of one layer's activation function, neuron by neuron, and the
/// magnitudes needed for the rounding margin.
struct Relaxation {
    upper_slope: Vec<f64>,
    upper_intercept: Vec<f64>,
    lower_slope: Vec<f64>,
    /// `max(|l|, |u|)` of each pre-activation.
    pre_magnitude: Vec<f64>,
    /// `|b_t| + sum_s |W_ts| max|y_s|`: the size of the terms of each affine map row.
    affine_magnitude: Vec<f64>,
}

impl Relaxation {
    fn new(net: &Network, bounds: &NetworkBounds, j: usize) -> Relaxation {
        let layer = &net.layers()[j];
        let (lower, upper) = (bounds.pre_lower(j), bounds.pre_upper(j));
        let n = layer.output_dim();
        let mut r = Relaxation {
            upper_slope: Vec::with_capacity(n),
            upper_intercept: Vec::with_capacity(n),
            lower_slope: Vec::with_capacity(n),
            pre_magnitude: Vec::with_capacity(n),
            affine_magnitude: Vec::with_capacity(n),
        };
        let relu = bounds.activation(j) == Activation::Relu;
        for (&l, &u) in lower.iter().zip(upper) {
            let (s, c, a) = if !relu || l >= 0.0 {
                (1.0, 0.0, 1.0)
            } else if u <= 0.0 {
                (0.0, 0.0, 0.0)
            } else {
                let s = u / (u - l);
                (s, -s * l, if u > -l { 1.0 } else { 0.0 })
            };
            r.upper_slope.push(s);
            r.upper_intercept.push(c);
            r.lower_slope.push(a);
            r.pre_magnitude.push(max_abs(l, u));
        }
        let (in_lower, in_upper) = bounds.layer_input(j);
        let in_magnitude: Vec<f64> = in_lower
            .iter()
            .zip(in_upper)
            .map(|(&l, &u)| max_abs(l, u))
            .collect();
        for (t, b) in layer.bias().iter().enumerate() {
            let terms: f64 = layer
                .row(t)
                .iter()
                .zip(&in_magnitude)
                .map(|(w, m)| w.abs() * m)
                .sum();
            r.affine_magnitude.push(b.abs() + terms);
        }
        r
    }
}

/// Which bound a [`LinearBounds`] is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Lower,
    Upper,
}

/// One linear bound per neuron of the target layer, `coefs * v + constant`, over
/// the variables `v` of some earlier layer; `magnitude` sums the absolute values of
/// every term that went into each row.
struct LinearBounds {
    side: Side,
    cols: usize,
    coefs: Vec<f64>,
    constant: Vec<f64>,
    magnitude: Vec<f64>,
}

impl LinearBounds {
    /// The layer's own affine map for the given neurons, a bound on their
    /// pre-activations.
    fn from_layer(layer: &Layer, neurons: &[usize], side: Side) -> LinearBounds {
        LinearBounds {
            side,
            cols: layer.input_dim(),
            coefs: neurons
                .iter()
                .flat_map(|&i| layer.row(i))
                .copied()
                .collect(),
            constant: neurons.iter().map(|&i| layer.bias()[i]).collect(),
            magnitude: neurons.iter().map(|&i| layer.bias()[i].abs()).collect(),
        }
    }

    /// Replaces post-activations by pre-activations through the relaxation: a
    /// coefficient on the side sought takes the upper relaxation for an upper
    /// bound, and so on.
    fn relax(&mut self, r: &Relaxation) {
        for (row, (constant, magnitude)) in self
            .coefs
            .chunks_exact_mut(self.cols)
            .zip(self.constant.iter_mut().zip(&mut self.magnitude))
        {
            for (t, coef) in row.iter_mut().enumerate() {
                let lambda = *coef;
                if lambda == 0.0 {
                    continue;
                }
                let upper = (lambda > 0.0) == (self.side == Side::Upper);
                let (slope, intercept) = if upper {
                    (r.upper_slope[t], r.upper_intercept[t])
                } else {
                    (r.lower_slope[t], 0.0)
                };
                *coef = lambda * slope;
                *constant += lambda * intercept;
                *magnitude += lambda.abs() * (r.pre_magnitude[t] + intercept.abs());
            }
        }
    }

    /// Replaces pre-activations `z = W v + b` of `layer` by its inputs `v`.
    ///
    /// The product of the coefficients with `W` is done [`BLOCK`] rows at a time,
    /// so that each row of `W` is read once per block; every output entry still
    /// sums its terms in the same order as a row-by-row product.
    fn through_affine(&mut self, layer: &Layer, affine_magnitude: &[f64]) {
        let in_dim = layer.input_dim();
        let rows = self.constant.len();
        for (r, row) in self.coefs.chunks_exact(self.cols).enumerate() {
            for (t, &lambda) in row.iter().enumerate() {
                if lambda != 0.0 {
                    self.constant[r] += lambda * layer.bias()[t];
                    self.magnitude[r] += lambda.abs() * affine_magnitude[t];
                }
            }
        }
        let mut coefs = vec![0.0; rows * in_dim];
        let cols = self.cols;
        let lambdas = &self.coefs;
        let block_product = |(block, out): (usize, &mut [f64])| {
            let first = block * BLOCK;
            let count = out.len() / in_dim;
            let lambdas = &lambdas[first * cols..(first + count) * cols];
            if count == BLOCK {
                multiply_block(lambdas, cols, layer, out);
            } else {
                for (row, out_row) in lambdas.chunks_exact(cols).zip(out.chunks_exact_mut(in_dim)) {
                    for (t, &lambda) in row.iter().enumerate() {
                        if lambda != 0.0 {
                            axpy(out_row, lambda, layer.row(t));
                        }
                    }
                }
            }
        };
        // Blocks are independent and each is computed the same way on any thread,
        // so the result does not depend on the number of threads.
        let work = rows.saturating_mul(cols).saturating_mul(in_dim);
        if work >= PARALLEL_WORK {
            coefs
                .par_chunks_mut(BLOCK * in_dim)
                .enumerate()
                .for_each(block_product);
        } else {
            coefs
                .chunks_mut(BLOCK * in_dim)
                .enumerate()
                .for_each(block_product);
        }
        self.coefs = coefs;
        self.cols = in_dim;
    }

    /// The bound over the box `[lower, upper]` of the variables, before widening,
    /// and its magnitude.
    fn concretise(&self, lower: &[f64], upper: &[f64]) -> Vec<(f64, f64)> {
        self.coefs
            .chunks_exact(self.cols)
            .zip(self.constant.iter().zip(&self.magnitude))
            .map(|(row, (&constant, &magnitude))| {
                let mut value = constant;
                let mut size = magnitude + constant.abs();
                for ((&c, &l), &u) in row.iter().zip(lower).zip(upper) {
                    let at = if (c > 0.0) == (self.side == Side::Upper) {
                        u
                    } else {
                        l
                    };
                    value += c * at;
                    size += c.abs() * max_abs(l, u);
                }
                (value, size)
            })
            .collect()
    }
}

/// Rows of coefficients multiplied together by [`LinearBounds::through_affine`].
const BLOCK: usize = 4;

/// Multiply-adds of one back-substitution product from which it is spread over
/// rayon's threads (below, thread overhead outweighs the gain; ACAS Xu's 50 x 50
/// layers stay sequential).
const PARALLEL_WORK: usize = 1 << 21;

/// `out[q] = lambdas[q] W` for the [`BLOCK`] rows `q` of `lambdas` (`cols` wide)
/// and of `out` (`W`'s input dimension wide, zero on entry).
///
/// A register-blocked kernel: [`BLOCK`] rows times 4 columns of the result are
/// accumulated over the nonzero coefficients, each entry summing its terms in the
/// order of increasing `t` from zero, exactly like a row-by-row product.
fn multiply_block(lambdas: &[f64], cols: usize, layer: &Layer, out: &mut [f64]) {
    let in_dim = layer.input_dim();
    let weights = layer.weights();
    let packed: Vec<(usize, [f64; BLOCK])> = (0..cols)
        .map(|t| (t, std::array::from_fn(|q| lambdas[q * cols + t])))
        .filter(|(_, l)| *l != [0.0; BLOCK])
        .collect();
    let mut s0 = 0;
    while s0 + 4 <= in_dim {
        let mut acc = [[0.0f64; 4]; BLOCK];
        for &(t, l) in &packed {
            let w = &weights[t * in_dim + s0..t * in_dim + s0 + 4];
            for (a, &lq) in acc.iter_mut().zip(&l) {
                for (ac, &wc) in a.iter_mut().zip(w) {
                    *ac += lq * wc;
                }
            }
        }
        for (q, a) in acc.iter().enumerate() {
            out[q * in_dim + s0..q * in_dim + s0 + 4].copy_from_slice(a);
        }
        s0 += 4;
    }
    for s in s0..in_dim {
        let mut acc = [0.0f64; BLOCK];
        for &(t, l) in &packed {
            let w = weights[t * in_dim + s];
            for (a, &lq) in acc.iter_mut().zip(&l) {
                *a += lq * w;
            }
        }
        for (q, a) in acc.iter().enumerate() {
            out[q * in_dim + s] = *a;
        }
    }
}

/// `out += lambda * w`.
fn axpy(out: &mut [f64], lambda: f64, w: &[f64]) {
    for (o, x) in out.iter_mut().zip(w) {
        *o += lambda * x;
    }
}

/// Lower and upper bounds of the pre-activations of the given neurons of layer
/// `k > 0` by back-substitution to the input, widened by the rounding margin.
fn back_substitute(
    net: &Network,
    bounds: &NetworkBounds,
    relaxations: &[Relaxation],
    k: usize,
    neurons: &[usize],
) -> (Vec<f64>, Vec<f64>) {
    let layer = &net.layers()[k];
    let mut lower = LinearBounds::from_layer(layer, neurons, Side::Lower);
    let mut upper = LinearBounds::from_layer(layer, neurons, Side::Upper);
    for j in (0..k).rev() {
        for bound in [&mut lower, &mut upper] {
            bound.relax(&relaxations[j]);
            bound.through_affine(&net.layers()[j], &relaxations[j].affine_magnitude);
        }
    }
    let (x_lower, x_upper) = (bounds.input_lower(), bounds.input_upper());
    lower
        .concretise(x_lower, x_upper)
        .into_iter()
        .zip(upper.concretise(x_lower, x_upper))
        .map(|((lo, lo_size), (up, up_size))| {
            (outward(lo, lo, lo_size).0, outward(up, up, up_size).1)
        })
        .unzip()
}

/// Lower bounds of linear functions of the outputs, `c_r'y - d_r` for each row
/// `(c_r, d_r)` (`c_r` dense over the outputs), over the box of `bounds`, by
/// back-substituting each function itself through the network with the ReLU
/// relaxations that `bounds` give (much tighter than combining output bounds).
/// Widened by the rounding margin.
///
/// Fails with [`crate::Error::Invalid`] if the bounds belong to a network of another
/// shape or a row has the wrong length.
pub fn output_function_lower_bounds(
    net: &Network,
    bounds: &NetworkBounds,
    rows: &[(Vec<f64>, f64)],
) -> Result<Vec<f64>> {
    bounds.check_shape(net)?;
    let last = net.layers().len() - 1;
    let layer = &net.layers()[last];
    let mut composed = Vec::with_capacity(rows.len());
    let mut bias = Vec::with_capacity(rows.len());
    // Rounding of the composition c'W, c'b - d in floating point, bounded by
    // gamma * (sum_j (|c|'|W|)_j max|h_j| + |c|'|b| + |d|) over the last layer's input h.
    let (h_lower, h_upper) = bounds.layer_input(last);
    let mut composition_error = Vec::with_capacity(rows.len());
    for (c, d) in rows {
        let gamma = (c.len() + 2) as f64 * f64::EPSILON;
        let mut magnitude = d.abs();
        for (i, &ci) in c.iter().enumerate() {
            if ci != 0.0 {
                magnitude += ci.abs() * layer.bias()[i].abs();
                for (j, &w) in layer.row(i).iter().enumerate() {
                    if w != 0.0 {
                        magnitude += ci.abs() * w.abs() * h_lower[j].abs().max(h_upper[j].abs());
                    }
                }
            }
        }
        composition_error.push(gamma * magnitude);
    }
    for (c, d) in rows {
        if c.len() != layer.output_dim() {
            return Err(crate::Error::Invalid(format!(
                "output function has {} coefficients for {} outputs",
                c.len(),
                layer.output_dim()
            )));
        }
        let mut row = vec![0.0; layer.input_dim()];
        let mut b = -d;
        for (i, &ci) in c.iter().enumerate() {
            if ci != 0.0 {
                axpy(&mut row, ci, layer.row(i));
                b += ci * layer.bias()[i];
            }
        }
        composed.push(row);
        bias.push(b);
    }
    let virtual_layer = Layer::from_rows(&composed, bias, Activation::Identity)?;
    let relaxations: Vec<Relaxation> = (0..last).map(|j| Relaxation::new(net, bounds, j)).collect();
    let neurons: Vec<usize> = (0..rows.len()).collect();
    let mut lower = LinearBounds::from_layer(&virtual_layer, &neurons, Side::Lower);
    for j in (0..last).rev() {
        lower.relax(&relaxations[j]);
        lower.through_affine(&net.layers()[j], &relaxations[j].affine_magnitude);
    }
    Ok(lower
        .concretise(bounds.input_lower(), bounds.input_upper())
        .into_iter()
        .zip(composition_error)
        .map(|((lo, size), error)| outward(lo, lo, size).0 - error * (1.0 + f64::EPSILON))
        .collect())
}

/// The lower bound of one linear function of the outputs, `c'y - d`, as
/// [`output_function_lower_bounds`] computes it, and the back-substitution's
/// coefficient on every hidden layer's post-activations at the moment it reaches
/// them (`coefficients[j][t]` for neuron `t` of layer `j`, before its relaxation is
/// applied). A negative coefficient on an unstable neuron means the bound used the
/// neuron's upper relaxation, whose intercept splitting the neuron would remove
/// (the BaBSR branching score).
///
/// Fails like [`output_function_lower_bounds`].
pub fn output_function_backward(
    net: &Network,
    bounds: &NetworkBounds,
    c: &[f64],
    d: f64,
) -> Result<(f64, Vec<Vec<f64>>)> {
    bounds.check_shape(net)?;
    let last = net.layers().len() - 1;
    let layer = &net.layers()[last];
    if c.len() != layer.output_dim() {
        return Err(crate::Error::Invalid(format!(
            "output function has {} coefficients for {} outputs",
            c.len(),
            layer.output_dim()
        )));
    }
    let mut row = vec![0.0; layer.input_dim()];
    let mut b = -d;
    for (i, &ci) in c.iter().enumerate() {
        if ci != 0.0 {
            axpy(&mut row, ci, layer.row(i));
            b += ci * layer.bias()[i];
        }
    }
    let virtual_layer = Layer::from_rows(&[row], vec![b], Activation::Identity)?;
    let mut lower = LinearBounds::from_layer(&virtual_layer, &[0], Side::Lower);
    let mut coefficients = vec![Vec::new(); last];
    for j in (0..last).rev() {
        coefficients[j].clone_from(&lower.coefs);
        let relaxation = Relaxation::new(net, bounds, j);
        lower.relax(&relaxation);
        lower.through_affine(&net.layers()[j], &relaxation.affine_magnitude);
    }
    let (value, size) = lower.concretise(bounds.input_lower(), bounds.input_upper())[0];
    Ok((outward(value, value, size).0, coefficients))
}
