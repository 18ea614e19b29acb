//! A ReLU big-M MILP from a random fully connected network: minimise the margin
//! `y_0 - y_1` of the output over an input box. Pre-activation bounds come from
//! interval arithmetic; stable neurons get no binary; the MILP carries the ReLU
//! structure.

use super::random_network;
use crate::model::{Affine, LinearUnit, Model, ReluStructure, ReluUnit, VarKind};

/// Builds the MILP for the random network [`random_network`]`(widths, seed)` (input
/// first, output last, at least 2 outputs) over the input box `[-1, 1]^d`.
///
/// # Panics
/// If `widths` has fewer than two entries, a zero entry, or fewer than 2 outputs
/// (callers check the widths they are given).
pub fn relu_bigm(widths: &[usize], seed: u64) -> Model {
    assert!(
        widths.last().is_some_and(|&w| w >= 2),
        "relu_bigm needs at least 2 outputs"
    );
    let network = random_network(widths, seed).expect("relu_bigm: widths of a network");
    let name = widths
        .iter()
        .map(|w| w.to_string())
        .collect::<Vec<_>>()
        .join("-");
    let mut m = Model::new(&format!("relu{name}_{seed}"));
    m.objective_name = "margin".into();
    let mut units = Vec::new();
    let mut linear = Vec::new();
    // Current layer values: (column, lower, upper).
    let mut layer: Vec<(usize, f64, f64)> = (0..widths[0])
        .map(|i| {
            (
                m.add_variable(&format!("x{i}"), VarKind::Continuous, -1.0, 1.0, 0.0),
                -1.0,
                1.0,
            )
        })
        .collect();
    let inputs: Vec<usize> = layer.iter().map(|&(c, _, _)| c).collect();
    let depth = widths.len() - 1;
    for (k, net_layer) in (1..).zip(network.layers()) {
        let width = net_layer.output_dim();
        let mut next = Vec::with_capacity(width);
        for n in 0..width {
            let weights = net_layer.row(n);
            let bias = net_layer.bias()[n];
            let (mut lo, mut up) = (bias, bias);
            for (&w, &(_, l, u)) in weights.iter().zip(&layer) {
                lo += (w * l).min(w * u);
                up += (w * l).max(w * u);
            }
            let pre = m.add_variable(&format!("a{k}_{n}"), VarKind::Continuous, lo, up, 0.0);
            let affine = Affine {
                bias,
                terms: weights
                    .iter()
                    .zip(&layer)
                    .map(|(&w, &(c, _, _))| (c, w))
                    .collect(),
            };
            let mut entries = affine.terms.clone();
            entries.push((pre, -1.0));
            m.add_row(&format!("affine{k}_{n}"), -bias, -bias, &entries);
            if k == depth {
                linear.push(LinearUnit {
                    layer: k - 1,
                    neuron: n,
                    column: pre,
                    affine,
                });
                next.push((pre, lo, up));
                continue;
            }
            let post = m.add_variable(
                &format!("h{k}_{n}"),
                VarKind::Continuous,
                lo.max(0.0),
                up.max(0.0),
                0.0,
            );
            let mut indicator = None;
            if lo >= 0.0 {
                m.add_row(
                    &format!("active{k}_{n}"),
                    0.0,
                    0.0,
                    &[(post, 1.0), (pre, -1.0)],
                );
            } else if up <= 0.0 {
                m.variables[post].upper = 0.0;
            } else {
                let z = m.add_variable(&format!("z{k}_{n}"), VarKind::Binary, 0.0, 1.0, 0.0);
                indicator = Some(z);
                // post >= pre;  post <= pre - lo (1 - z);  post <= up z
                m.add_row(
                    &format!("above{k}_{n}"),
                    0.0,
                    f64::INFINITY,
                    &[(post, 1.0), (pre, -1.0)],
                );
                m.add_row(
                    &format!("upper{k}_{n}"),
                    lo,
                    f64::INFINITY,
                    &[(post, -1.0), (pre, 1.0), (z, lo)],
                );
                m.add_row(
                    &format!("gate{k}_{n}"),
                    f64::NEG_INFINITY,
                    0.0,
                    &[(post, 1.0), (z, -up)],
                );
            }
            units.push(ReluUnit {
                layer: k - 1,
                neuron: n,
                sample: None,
                pre: Some(pre),
                post: Some(post),
                indicator,
                pre_bounds: (lo, up),
                affine: Some(affine),
            });
            next.push((post, lo.max(0.0), up.max(0.0)));
        }
        layer = next;
    }
    m.variables[layer[0].0].cost = 1.0;
    m.variables[layer[1].0].cost = -1.0;
    let outputs = layer.iter().map(|&(c, _, _)| c).collect();
    m.relu = Some(ReluStructure {
        units,
        inputs,
        outputs,
        linear,
    });
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::SplitMix64;

    #[test]
    fn stable_neurons_get_no_binary_and_units_are_annotated() {
        let m = relu_bigm(&[3, 6, 6, 2], 7);
        let ann = m.relu.as_ref().expect("annotated");
        assert_eq!(ann.units.len(), 12);
        let binaries = m
            .variables
            .iter()
            .filter(|v| v.kind == VarKind::Binary)
            .count();
        assert_eq!(binaries, ann.num_unstable());
        for u in &ann.units {
            let (lo, up) = u.pre_bounds;
            assert_eq!(u.indicator.is_some(), lo < 0.0 && up > 0.0);
        }
    }

    /// Every input of the box, pushed through the network row by row, is a feasible
    /// point of the MILP.
    #[test]
    fn forward_pass_points_are_feasible() {
        use crate::model::{check_solution, Tolerances};
        let m = relu_bigm(&[3, 8, 8, 2], 11);
        let mut rng = SplitMix64::new(5);
        for _ in 0..20 {
            let mut x = vec![0.0; m.num_cols()];
            for (j, v) in m.variables.iter().enumerate() {
                if v.name.starts_with('x') {
                    x[j] = rng.uniform(-1.0, 1.0);
                }
            }
            for row in m.rows.iter().filter(|r| r.name.starts_with("affine")) {
                let pre = row
                    .entries
                    .last()
                    .map(|e| e.0)
                    .expect("pre column is the newest column");
                let sum: f64 = row
                    .entries
                    .iter()
                    .filter(|e| e.0 != pre)
                    .map(|e| e.1 * x[e.0])
                    .sum();
                x[pre] = sum - row.upper;
                let suffix = &m.variables[pre].name[1..];
                if let Some(post) = m.column_by_name(&format!("h{suffix}")) {
                    x[post] = x[pre].max(0.0);
                }
                if let Some(z) = m.column_by_name(&format!("z{suffix}")) {
                    x[z] = if x[pre] > 0.0 { 1.0 } else { 0.0 };
                }
            }
            let check = check_solution(&m, &x, &Tolerances::default());
            assert!(check.is_feasible(), "{:?}", check.worst);
        }
    }

    /// The structure's forward pass from random inputs completes feasible points.
    #[test]
    fn structure_forward_pass_completes_feasible_points() {
        use crate::model::{check_solution, Tolerances};
        let m = relu_bigm(&[4, 10, 10, 3], 2);
        let structure = m.relu.as_ref().expect("annotated");
        assert!(structure.has_forward_pass());
        assert_eq!((structure.inputs.len(), structure.outputs.len()), (4, 3));
        assert_eq!(structure.num_layers(), 3);
        let mut rng = SplitMix64::new(9);
        for _ in 0..20 {
            let mut x = vec![0.0; m.num_cols()];
            for &c in &structure.inputs {
                x[c] = rng.uniform(-1.0, 1.0);
            }
            assert!(structure.complete_point(&mut x));
            let check = check_solution(&m, &x, &Tolerances::default());
            assert!(check.is_feasible(), "{:?}", check.worst);
        }
    }
}
