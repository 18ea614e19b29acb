//! A first solution of the sparsity MILP from gradient descent: fit the network
//! `f(x) = sum_i v_i max(0, w_i.x + b_i)` by Adam on the squared error (several
//! restarts), read its outer signs and the activation pattern of every sample
//! whose pre-activation is clearly away from zero, and solve the MILP with those
//! binaries fixed and every first-layer weight allowed (a small MILP: only the
//! samples near a unit's hyperplane keep their indicator free); then shrink the
//! support, smallest weight first, while that restricted MILP stays feasible. The
//! result is a point of the full MILP (checked by the search before it becomes the
//! incumbent), or `None`.

use super::adam::AdamState;
use super::sparsity::SparsityMilp;
use crate::data::Dataset;
use crate::interrupt;
use crate::model::Model;
use crate::rng::SplitMix64;
use crate::search::{solve, NoProgress, Settings, Status};
use std::time::{Duration, Instant};

/// Gradient-descent restarts (each from other random weights).
const RESTARTS: u64 = 8;
/// Adam steps of one restart (full batch).
const STEPS: usize = 4000;
/// Adam step size.
const LEARNING_RATE: f64 = 0.01;
/// A sample's indicator stays free when its pre-activation is within this share of
/// the unit's largest one from zero.
const FREE_SHARE: f64 = 0.25;
/// Time limit of one restricted MILP.
const SUB_MILP_TIME: Duration = Duration::from_secs(2);

/// A network of the model's shape: weights `l x d` row-major, biases, outer weights.
struct Fitted {
    weights: Vec<f64>,
    biases: Vec<f64>,
    outer: Vec<f64>,
}

impl Fitted {
    /// Pre-activation of unit `i` on `x` (`d` inputs).
    fn pre(&self, i: usize, d: usize, x: &[f64]) -> f64 {
        pre_activation(&self.weights[i * d..(i + 1) * d], self.biases[i], x)
    }
}

/// The pre-activation `w.x + b` of one hidden unit.
fn pre_activation(w: &[f64], b: f64, x: &[f64]) -> f64 {
    b + w.iter().zip(x).map(|(wj, xj)| wj * xj).sum::<f64>()
}

impl SparsityMilp {
    /// A feasible point of the MILP found by gradient descent and restricted MILPs
    /// (see the module notes), the sparsest over the restarts; `None` when none was
    /// found before `deadline`.
    pub fn gradient_start(&self, data: &Dataset, deadline: Option<Instant>) -> Option<Vec<f64>> {
        let mut best: Option<(usize, Vec<f64>)> = None;
        for restart in 0..RESTARTS {
            if interrupt::past(deadline) {
                break;
            }
            let fitted = self.gradient_fit(data, restart, deadline);
            if let Some((nonzeros, point)) = self.restricted_fit(data, &fitted, deadline) {
                if best.as_ref().is_none_or(|b| nonzeros < b.0) {
                    best = Some((nonzeros, point));
                }
            }
        }
        best.map(|b| b.1)
    }

    /// Adam on the mean squared error from random weights (seed `restart`).
    fn gradient_fit(&self, data: &Dataset, restart: u64, deadline: Option<Instant>) -> Fitted {
        let (l, d) = (self.hidden, self.inputs);
        let mut rng = SplitMix64::new(0x5eed ^ restart.wrapping_mul(0x9e37_79b9));
        let scale = (3.0 / d.max(1) as f64).sqrt();
        // Parameters: weights, then biases, then outer weights.
        let mut theta: Vec<f64> = (0..l * d).map(|_| rng.uniform(-scale, scale)).collect();
        theta.extend((0..l).map(|_| rng.uniform(-0.5, 0.5)));
        theta.extend((0..l).map(|_| rng.uniform(-1.0, 1.0)));
        let mut adam = AdamState::new(theta.len(), LEARNING_RATE);
        let n = data.len().max(1) as f64;
        let mut grad = vec![0.0; theta.len()];
        for step in 1..=STEPS {
            if step % 100 == 0 && interrupt::past(deadline) {
                break;
            }
            grad.iter_mut().for_each(|g| *g = 0.0);
            for (x, &y) in data.features.iter().zip(&data.targets) {
                let pre: Vec<f64> = (0..l)
                    .map(|i| pre_activation(&theta[i * d..(i + 1) * d], theta[l * d + i], x))
                    .collect();
                let out: f64 = (0..l).map(|i| theta[l * d + l + i] * pre[i].max(0.0)).sum();
                let r = 2.0 * (out - y) / n;
                for i in 0..l {
                    grad[l * d + l + i] += r * pre[i].max(0.0);
                    if pre[i] > 0.0 {
                        let g = r * theta[l * d + l + i];
                        grad[l * d + i] += g;
                        for (j, xj) in x.iter().enumerate() {
                            grad[i * d + j] += g * xj;
                        }
                    }
                }
            }
            adam.step(&mut theta, grad.iter().copied());
        }
        // Units with a positive outer weight first, then negative ones: the order
        // the symmetry-breaking rows ask for.
        let outer = &theta[l * d + l..];
        let mut order: Vec<usize> = (0..l).collect();
        order.sort_by_key(|&i| if outer[i] > 0.0 { 0 } else { 1 });
        Fitted {
            weights: order
                .iter()
                .flat_map(|&i| theta[i * d..(i + 1) * d].to_vec())
                .collect(),
            biases: order.iter().map(|&i| theta[l * d + i]).collect(),
            outer: order.iter().map(|&i| outer[i]).collect(),
        }
    }

    /// The MILP with the fitted network's outer signs and clear activations fixed,
    /// solved, then made sparser weight by weight; the number of nonzero weights and
    /// the point, or `None` when the first restricted MILP finds nothing.
    fn restricted_fit(
        &self,
        data: &Dataset,
        fitted: &Fitted,
        deadline: Option<Instant>,
    ) -> Option<(usize, Vec<f64>)> {
        let (l, d) = (self.hidden, self.inputs);
        let cols = self.parameter_columns();
        let mut model = self.model.clone();
        let fix = |model: &mut Model, col: usize, value: f64| {
            model.variables[col].lower = value;
            model.variables[col].upper = value;
        };
        for i in 0..l {
            // Lemma 1: only the sign of the outer weight matters.
            let sign = fitted.outer[i];
            fix(&mut model, cols.v_plus[i], f64::from(u8::from(sign > 0.0)));
            fix(&mut model, cols.v_minus[i], f64::from(u8::from(sign < 0.0)));
            let pres: Vec<f64> = data.features.iter().map(|x| fitted.pre(i, d, x)).collect();
            let largest = pres.iter().fold(0.0f64, |m, p| m.max(p.abs()));
            for (n, &pre) in pres.iter().enumerate() {
                if pre.abs() > FREE_SHARE * largest {
                    let z = self.indicator_column(i, n)?;
                    fix(&mut model, z, f64::from(u8::from(pre > 0.0)));
                }
            }
            for j in 0..d {
                fix(&mut model, cols.support[i * d + j], 1.0);
            }
        }
        let settings = |deadline: Option<Instant>| Settings {
            threads: 1,
            time_limit: Some(deadline.map_or(SUB_MILP_TIME, |d| {
                SUB_MILP_TIME.min(d.saturating_duration_since(Instant::now()))
            })),
            stop_at_first_solution: true,
            ..Settings::default()
        };
        let found = |model: &Model| -> Option<Vec<f64>> {
            if interrupt::past(deadline) {
                return None;
            }
            let result = solve(model, &settings(deadline), &NoProgress).ok()?;
            match result.status {
                Status::Optimal | Status::SolutionLimit | Status::TimeLimit => result.solution,
                _ => None,
            }
        };
        let mut point = found(&model)?;
        let mut order: Vec<usize> = (0..l * d).collect();
        order.sort_by(|&a, &b| {
            point[cols.weights[a]]
                .abs()
                .total_cmp(&point[cols.weights[b]].abs())
                .then(a.cmp(&b))
        });
        for k in order {
            if interrupt::past(deadline) {
                break;
            }
            fix(&mut model, cols.support[k], 0.0);
            match found(&model) {
                Some(sparser) => point = sparser,
                None => fix(&mut model, cols.support[k], 1.0),
            }
        }
        let nonzeros = cols.support.iter().filter(|&&t| point[t] > 0.5).count();
        Some((nonzeros, point))
    }
}
