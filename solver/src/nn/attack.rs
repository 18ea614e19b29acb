//! A projected sign-gradient attack (PGD) on one case of a property: minimise the
//! margin `t(x) = max_k (c_k'f(x) - d_k)` over the case's input box, where `t(x) <= 0`
//! means `x` is a counterexample. The network is piecewise linear, so the gradient of
//! the binding constraint is exact on each linear region (back-propagation through
//! the active ReLUs). Cheap (a few hundred forward and backward passes) and often
//! enough to answer `sat` instances before any MILP is built.

use super::property::Case;
use super::{Activation, LayerValues, Network};
use crate::rng::SplitMix64;
use std::time::Instant;

/// Settings of the attack.
#[derive(Clone, Copy, Debug)]
pub struct AttackSettings {
    /// Random restarts (the first starts at the box centre).
    pub restarts: usize,
    /// Restarts of the same seeded sequence skipped before the first one made, so
    /// that an attack of `restarts: a` followed by one with `skip: a` makes the
    /// restarts of a single attack with `restarts: a + b`.
    pub skip: usize,
    /// Gradient steps per restart.
    pub steps: usize,
    /// Seed of the random starts.
    pub seed: u64,
    /// The attack gives up at this instant (checked at every step).
    pub deadline: Option<Instant>,
}

impl Default for AttackSettings {
    fn default() -> Self {
        AttackSettings {
            restarts: 50,
            skip: 0,
            steps: 100,
            seed: 1,
            deadline: None,
        }
    }
}

/// The margin of `x` for the case and the index of its binding output constraint.
pub fn margin(net: &Network, case: &Case, x: &[f64]) -> (f64, usize) {
    let y = net.forward(x);
    case.output_constraints
        .iter()
        .enumerate()
        .map(|(k, c)| (c.lhs(&y) - c.rhs, k))
        .fold((f64::NEG_INFINITY, 0), |a, b| if b.0 > a.0 { b } else { a })
}

/// The margin at `x`, its binding output constraint and the forward pass's values.
fn evaluate(net: &Network, case: &Case, x: &[f64]) -> (f64, usize, Vec<LayerValues>) {
    let values = net.forward_all_layers(x);
    let y = values.last().map(|v| v.post.as_slice()).unwrap_or(&[]);
    let (m, k) = case
        .output_constraints
        .iter()
        .enumerate()
        .map(|(k, c)| (c.lhs(y) - c.rhs, k))
        .fold((f64::NEG_INFINITY, 0), |a, b| if b.0 > a.0 { b } else { a });
    (m, k, values)
}

/// Gradient of `c'f(x)` with respect to `x` for output weights `c`.
pub(crate) fn gradient(net: &Network, x: &[f64], c: &[(usize, f64)]) -> Vec<f64> {
    backward(net, &net.forward_all_layers(x), c)
}

/// Gradient of `c'f(x)` at the point whose forward pass gave `values`.
fn backward(net: &Network, values: &[LayerValues], c: &[(usize, f64)]) -> Vec<f64> {
    let layers = net.layers();
    let mut g = vec![0.0; net.output_dim()];
    for &(i, a) in c {
        g[i] += a;
    }
    for (k, layer) in layers.iter().enumerate().rev() {
        if layer.activation() == Activation::Relu {
            for (gi, &pre) in g.iter_mut().zip(&values[k].pre) {
                if pre <= 0.0 {
                    *gi = 0.0;
                }
            }
        }
        let mut prev = vec![0.0; layer.input_dim()];
        for (i, &gi) in g.iter().enumerate() {
            if gi != 0.0 {
                for (p, &w) in prev.iter_mut().zip(layer.row(i)) {
                    *p += gi * w;
                }
            }
        }
        g = prev;
    }
    g
}

/// Searches the case's input box for a point with margin `<= 0`; returns the best
/// point found if its margin is `<= 0`.
pub fn attack(net: &Network, case: &Case, settings: &AttackSettings) -> Option<Vec<f64>> {
    attack_in_box(net, case, &case.input_lower, &case.input_upper, settings)
}

/// [`attack`] restricted to the box `[lo, up]`, which must lie inside the case's
/// input box (for a sub-box of input splitting).
pub fn attack_in_box(
    net: &Network,
    case: &Case,
    lo: &[f64],
    up: &[f64],
    settings: &AttackSettings,
) -> Option<Vec<f64>> {
    let mut found = None;
    attack_restarts_in_box(net, case, lo, up, settings, &mut |end| {
        if end.margin <= 0.0 {
            found = Some(end.input.clone());
        }
        found.is_some()
    });
    found
}

/// Where one restart of the attack ended: its best point and that point's margin.
#[derive(Clone, Debug)]
pub struct RestartEnd {
    /// The point (inside the box).
    pub input: Vec<f64>,
    /// Its margin (`<= 0`: a counterexample candidate).
    pub margin: f64,
}

/// Runs the restarts of [`attack_in_box`] and hands each one's end to `on_end`,
/// which returns `true` to stop. A restart stops early once its margin is `<= 0`;
/// no end is handed on after the deadline has passed.
pub fn attack_restarts_in_box(
    net: &Network,
    case: &Case,
    lo: &[f64],
    up: &[f64],
    settings: &AttackSettings,
    on_end: &mut dyn FnMut(&RestartEnd) -> bool,
) {
    if case.output_constraints.is_empty() || !case.input_constraints.is_empty() {
        return;
    }
    let mut rng = SplitMix64::new(settings.seed);
    for restart in 0..settings.skip + settings.restarts {
        let mut x: Vec<f64> = if restart == 0 {
            lo.iter().zip(up).map(|(l, u)| 0.5 * (l + u)).collect()
        } else {
            lo.iter()
                .zip(up)
                .map(|(&l, &u)| rng.uniform(l, u))
                .collect()
        };
        if restart < settings.skip {
            continue;
        }
        let (mut m, mut binding, mut values) = evaluate(net, case, &x);
        let (mut best, mut best_x) = (m, x.clone());
        for step in 0..settings.steps {
            if m <= 0.0 {
                break;
            }
            if crate::interrupt::past(settings.deadline) {
                return;
            }
            let decay = 1.0 - step as f64 / settings.steps as f64;
            let g = backward(net, &values, &case.output_constraints[binding].terms);
            x = x
                .iter()
                .zip(&g)
                .zip(lo.iter().zip(up))
                .map(|((&xi, &gi), (&l, &u))| {
                    (xi - 0.25 * decay * (u - l) * gi.signum()).clamp(l, u)
                })
                .collect();
            (m, binding, values) = evaluate(net, case, &x);
            if m < best {
                (best, best_x) = (m, x.clone());
            }
        }
        let end = RestartEnd {
            input: best_x,
            margin: best,
        };
        if on_end(&end) {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nn::property::LinearConstraint;
    use crate::nn::Layer;

    #[test]
    fn finds_a_point_below_a_line_and_not_where_none_exists() {
        // y = relu(x0 - x1) on [0, 1]^2; case y >= 0.8 (i.e. -y <= -0.8) is reachable.
        let hidden =
            Layer::from_rows(&[vec![1.0, -1.0]], vec![0.0], Activation::Relu).expect("layer");
        let out = Layer::from_rows(&[vec![1.0]], vec![0.0], Activation::Identity).expect("layer");
        let net = Network::new(vec![hidden, out]).expect("net");
        let mut case = Case {
            input_lower: vec![0.0, 0.0],
            input_upper: vec![1.0, 1.0],
            input_constraints: vec![],
            output_constraints: vec![LinearConstraint {
                terms: vec![(0, -1.0)],
                rhs: -0.8,
            }],
        };
        let x = attack(&net, &case, &AttackSettings::default()).expect("reachable");
        assert!(net.forward(&x)[0] >= 0.8);
        case.output_constraints[0].rhs = -1.5;
        assert!(attack(&net, &case, &AttackSettings::default()).is_none());
    }
}
