//! One back-substitution of one output function with given lower slopes, sound
//! under rounding, and its gradient with respect to the slopes.
//!
//! The bound of `c'y - d` comes from back-substituting the function through the
//! network: a nonnegative coefficient `lambda_t` on an unstable post-activation takes
//! the lower relaxation `y_t >= alpha_t z_t`, a negative one the chord
//! `y_t <= s_t z_t + c_t`. What remains is linear in the input and is bounded
//! over the box exactly, at the corner `x*` its coefficients' signs choose.
//!
//! The bound is piecewise linear in the slopes. Within a piece, its derivative with
//! respect to `alpha_t` is `lambda_t * z_t(x*)`, where `z(x*)` is the forward pass
//! of `x*` through the *relaxed* network (every ReLU replaced by the linear function
//! the back-substitution chose for it): by the chain rule, the adjoint of each
//! layer's pre-activation coefficients is that forward value. So one backward and one
//! forward pass of a vector give the bound and every slope's derivative.
//!
//! Rounding: every term that enters the bound adds its absolute size to a running
//! magnitude, exactly as in [`super::super::symbolic`], and the result is moved
//! down by [`super::super::outward`].

use super::super::{max_abs, outward, NetworkBounds};
use crate::nn::{Activation, Network};

/// How the back-substitution treats one hidden unit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Unit {
    /// `y = slope * z` exactly: `1` for an active (or identity) unit, `0` for an
    /// inactive one.
    Exact(f64),
    /// An unstable ReLU: the chord `y <= slope z + intercept` above, `y >= alpha z`
    /// below (`alpha` in `[0, 1]`).
    Unstable { slope: f64, intercept: f64 },
}

/// The hidden layers of a network over an input box, prepared for many passes.
pub(super) struct Relaxed<'a> {
    net: &'a Network,
    /// `units[j][t]` for the layers `j < last` before the bounded layer.
    pub(super) units: Vec<Vec<Unit>>,
    /// `max(|l|, |u|)` of every hidden pre-activation.
    pre_magnitude: Vec<Vec<f64>>,
    /// `|b_t| + sum_s |W_ts| max|v_s|` for every row of every layer (the output
    /// layer included): the size of the terms of the affine map.
    affine_magnitude: Vec<Vec<f64>>,
    input_lower: Vec<f64>,
    input_upper: Vec<f64>,
}

/// The result of one pass: the sound bound, and what the gradient needs.
pub(super) struct Pass {
    /// The lower bound, moved down by the rounding margin.
    pub(super) bound: f64,
    /// `lambdas[j][t]`: the coefficient on post-activation `t` of hidden layer `j`
    /// when the back-substitution reached it.
    lambdas: Vec<Vec<f64>>,
    /// The coefficients on the input.
    input_coefs: Vec<f64>,
}

impl<'a> Relaxed<'a> {
    /// Prepares `net` with the pre-activation bounds of `bounds` and the fixed
    /// phases (`phases[j][t]`: `Some(true)` active, `Some(false)` inactive), which
    /// override the bounds. The shapes must have been checked.
    pub(super) fn new(
        net: &'a Network,
        bounds: &NetworkBounds,
        phases: Option<&[Vec<Option<bool>>]>,
    ) -> Relaxed<'a> {
        Relaxed::up_to(net, bounds, phases, net.layers().len() - 1)
    }

    /// Like [`Self::new`] for the sub-network that ends at the pre-activations of
    /// layer `last` (`last < net.layers().len()`): the functions bounded are then
    /// linear functions of that layer's pre-activations.
    pub(super) fn up_to(
        net: &'a Network,
        bounds: &NetworkBounds,
        phases: Option<&[Vec<Option<bool>>]>,
        last: usize,
    ) -> Relaxed<'a> {
        let mut units = Vec::with_capacity(last);
        let mut pre_magnitude = Vec::with_capacity(last);
        for j in 0..last {
            let relu = bounds.activation(j) == Activation::Relu;
            let (lower, upper) = (bounds.pre_lower(j), bounds.pre_upper(j));
            let layer_units = lower
                .iter()
                .zip(upper)
                .enumerate()
                .map(|(t, (&l, &u))| {
                    let phase = phases
                        .and_then(|p| p.get(j))
                        .and_then(|p| p.get(t).copied());
                    match phase.flatten() {
                        _ if !relu => Unit::Exact(1.0),
                        Some(true) => Unit::Exact(1.0),
                        Some(false) => Unit::Exact(0.0),
                        None if l >= 0.0 => Unit::Exact(1.0),
                        None if u <= 0.0 => Unit::Exact(0.0),
                        None => {
                            let slope = u / (u - l);
                            Unit::Unstable {
                                slope,
                                intercept: -slope * l,
                            }
                        }
                    }
                })
                .collect();
            units.push(layer_units);
            pre_magnitude.push(
                lower
                    .iter()
                    .zip(upper)
                    .map(|(&l, &u)| max_abs(l, u))
                    .collect(),
            );
        }
        let affine_magnitude = (0..=last)
            .map(|j| {
                let (in_lower, in_upper) = bounds.layer_input(j);
                let in_magnitude: Vec<f64> = in_lower
                    .iter()
                    .zip(in_upper)
                    .map(|(&l, &u)| max_abs(l, u))
                    .collect();
                let layer = &net.layers()[j];
                (0..layer.output_dim())
                    .map(|t| {
                        let terms: f64 = layer
                            .row(t)
                            .iter()
                            .zip(&in_magnitude)
                            .map(|(w, m)| w.abs() * m)
                            .sum();
                        layer.bias()[t].abs() + terms
                    })
                    .collect()
            })
            .collect();
        Relaxed {
            net,
            units,
            pre_magnitude,
            affine_magnitude,
            input_lower: bounds.input_lower().to_vec(),
            input_upper: bounds.input_upper().to_vec(),
        }
    }

    /// The slopes the symbolic bounds use (`1` if `u > -l`, else `0`, for an
    /// unstable unit; the exact slope otherwise), one per hidden unit.
    pub(super) fn heuristic_alphas(&self, bounds: &NetworkBounds) -> Vec<Vec<f64>> {
        self.units
            .iter()
            .enumerate()
            .map(|(j, layer)| {
                layer
                    .iter()
                    .enumerate()
                    .map(|(t, unit)| match unit {
                        Unit::Exact(a) => *a,
                        Unit::Unstable { .. } => {
                            let (l, u) = (bounds.pre_lower(j)[t], bounds.pre_upper(j)[t]);
                            if u > -l {
                                1.0
                            } else {
                                0.0
                            }
                        }
                    })
                    .collect()
            })
            .collect()
    }

    fn last(&self) -> usize {
        self.units.len()
    }

    /// The lower bound of `c'y - d` with lower slopes `alphas` (one per hidden
    /// unit, read only for unstable ones; each must lie in `[0, 1]`), moved down by
    /// the rounding margin. `c` must have one entry per output.
    pub(super) fn backward(&self, c: &[f64], d: f64, alphas: &[Vec<f64>]) -> Pass {
        let last = self.last();
        let out_layer = &self.net.layers()[last];
        let mut lambda = vec![0.0; out_layer.input_dim()];
        let mut constant = -d;
        let mut magnitude = d.abs();
        for (i, &ci) in c.iter().enumerate() {
            if ci != 0.0 {
                axpy(&mut lambda, ci, out_layer.row(i));
                constant += ci * out_layer.bias()[i];
                magnitude += ci.abs() * self.affine_magnitude[last][i];
            }
        }
        let mut lambdas = vec![Vec::new(); last];
        for j in (0..last).rev() {
            let layer = &self.net.layers()[j];
            let mut next = vec![0.0; layer.input_dim()];
            for (t, &lam) in lambda.iter().enumerate() {
                if lam == 0.0 {
                    continue;
                }
                let (slope, intercept) = match self.units[j][t] {
                    Unit::Exact(a) => (a, 0.0),
                    Unit::Unstable { .. } if lam > 0.0 => (alphas[j][t], 0.0),
                    Unit::Unstable { slope, intercept } => (slope, intercept),
                };
                let mu = lam * slope;
                constant += lam * intercept;
                magnitude += lam.abs() * (self.pre_magnitude[j][t] + intercept.abs());
                if mu != 0.0 {
                    constant += mu * layer.bias()[t];
                    magnitude += mu.abs() * self.affine_magnitude[j][t];
                    axpy(&mut next, mu, layer.row(t));
                }
            }
            lambdas[j] = std::mem::replace(&mut lambda, next);
        }
        let mut value = constant;
        let mut size = magnitude + constant.abs();
        for ((&c, &l), &u) in lambda.iter().zip(&self.input_lower).zip(&self.input_upper) {
            value += c * if c > 0.0 { l } else { u };
            size += c.abs() * max_abs(l, u);
        }
        Pass {
            bound: outward(value, value, size).0,
            lambdas,
            input_coefs: lambda,
        }
    }

    /// The derivative of the pass's bound (before the margin) with respect to each
    /// unstable unit's lower slope, `grad[j][t]` (zero where the slope was not
    /// used), written into `grad`.
    pub(super) fn gradient(&self, pass: &Pass, alphas: &[Vec<f64>], grad: &mut [Vec<f64>]) {
        self.relaxed_forward(pass, alphas, Some(grad));
    }

    /// The forward pass, through the relaxed network the pass chose (each unit
    /// replaced by the linear function its coefficient's sign selected), of the box
    /// corner where the pass's linear function of the input is lowest; returns the
    /// last hidden layer's values and, with `grad`, writes `lambda_t * z_t` for
    /// every unstable unit on its lower slope (zero elsewhere).
    fn relaxed_forward(
        &self,
        pass: &Pass,
        alphas: &[Vec<f64>],
        mut grad: Option<&mut [Vec<f64>]>,
    ) -> Vec<f64> {
        let mut v: Vec<f64> = pass
            .input_coefs
            .iter()
            .zip(self.input_lower.iter().zip(&self.input_upper))
            .map(|(&c, (&l, &u))| {
                if c > 0.0 {
                    l
                } else if c < 0.0 {
                    u
                } else {
                    0.5 * (l + u)
                }
            })
            .collect();
        for j in 0..self.last() {
            let z = self.net.layers()[j].pre_activation(&v);
            let mut g = grad.as_deref_mut().map(|g| &mut g[j]);
            v = z
                .iter()
                .enumerate()
                .map(|(t, &zt)| {
                    let lam = pass.lambdas[j][t];
                    let mut d = 0.0;
                    let y = match self.units[j][t] {
                        Unit::Exact(a) => a * zt,
                        Unit::Unstable { .. } if lam >= 0.0 => {
                            d = lam * zt;
                            alphas[j][t] * zt
                        }
                        Unit::Unstable { slope, intercept } => slope * zt + intercept,
                    };
                    if let Some(g) = g.as_deref_mut() {
                        g[t] = d;
                    }
                    y
                })
                .collect();
        }
        v
    }

    /// The value of `c'y - d` for the relaxed network at the pass's corner (see
    /// [`Self::relaxed_forward`]): equal to the bound up to rounding and the margin.
    #[cfg(test)]
    pub(super) fn relaxed_value(&self, pass: &Pass, alphas: &[Vec<f64>], c: &[f64], d: f64) -> f64 {
        let v = self.relaxed_forward(pass, alphas, None);
        let y = self.net.layers()[self.last()].pre_activation(&v);
        c.iter().zip(&y).map(|(a, b)| a * b).sum::<f64>() - d
    }
}

/// `out += lambda * w`.
fn axpy(out: &mut [f64], lambda: f64, w: &[f64]) {
    for (o, x) in out.iter_mut().zip(w) {
        *o += lambda * x;
    }
}
