//! Projected Adam ascent on the lower slopes of one output function.
//!
//! The bound's gradient varies over orders of magnitude between units and between
//! networks; Adam's per-coordinate normalisation makes its first steps sign-gradient
//! steps of the learning rate, whatever the scale, and its momentum damps the
//! zig-zag across the kinks of the piecewise linear bound. Every step is projected
//! back onto `[0, 1]`, where `y >= alpha z` is a valid lower relaxation of a ReLU.

use super::pass::Unit;

const BETA1: f64 = 0.9;
const BETA2: f64 = 0.999;
const EPSILON: f64 = 1e-12;

/// The optimiser's state for one set of slopes.
pub(super) struct Adam {
    rate: f64,
    step: i32,
    first: Vec<Vec<f64>>,
    second: Vec<Vec<f64>>,
}

impl Adam {
    /// A fresh state for slopes of the given shape.
    pub(super) fn new(units: &[Vec<Unit>], rate: f64) -> Adam {
        let zeros: Vec<Vec<f64>> = units.iter().map(|l| vec![0.0; l.len()]).collect();
        Adam {
            rate,
            step: 0,
            first: zeros.clone(),
            second: zeros,
        }
    }

    /// One ascent step along `grad` on the unstable units' slopes, projected onto
    /// `[0, 1]`.
    pub(super) fn ascend(
        &mut self,
        units: &[Vec<Unit>],
        alphas: &mut [Vec<f64>],
        grad: &[Vec<f64>],
    ) {
        self.step += 1;
        let c1 = 1.0 - BETA1.powi(self.step);
        let c2 = 1.0 - BETA2.powi(self.step);
        for (j, layer) in units.iter().enumerate() {
            for (t, unit) in layer.iter().enumerate() {
                if !matches!(unit, Unit::Unstable { .. }) {
                    continue;
                }
                let g = grad[j][t];
                let m = &mut self.first[j][t];
                let v = &mut self.second[j][t];
                *m = BETA1 * *m + (1.0 - BETA1) * g;
                *v = BETA2 * *v + (1.0 - BETA2) * g * g;
                if *v == 0.0 {
                    continue;
                }
                let step = self.rate * (*m / c1) / ((*v / c2).sqrt() + EPSILON);
                let a = alphas[j][t] + step;
                if a.is_finite() {
                    alphas[j][t] = a.clamp(0.0, 1.0);
                }
            }
        }
    }
}
