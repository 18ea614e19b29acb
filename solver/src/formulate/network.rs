//! The constraints of a ReLU network inside a MILP: big-M and partition-based
//! (P-split) formulations, from pre-activation bounds.
//!
//! Big-M, for `y = max(0, a)` with `L <= a <= U`, `L < 0 < U`:
//! `y >= a, y >= 0, y <= a - L (1 - z), y <= U z`, `z` binary. Stable neurons get no
//! binary: `L >= 0` makes `y` the pre-activation column itself, `U <= 0` makes `y`
//! the constant 0, which later layers simply drop.
//!
//! Partition-based with `P` groups (seed 002's disjunctive formulation, the "P-split"
//! of Kronqvist, Misener and Tsay): the weighted sum `a = sum_p s_p + b` is split into
//! `P` partial sums `s_p` over disjoint groups of inputs, each with interval bounds
//! `[L_p, U_p]`; each group gets a copy `v_p` of its partial sum in the active branch:
//! `sum_p v_p + b z >= 0`, `sum_p (s_p - v_p) + b (1 - z) <= 0`, `y = sum_p v_p + b z`,
//! `L_p z <= v_p <= U_p z`, `L_p (1 - z) <= s_p - v_p <= U_p (1 - z)`. `P = 1` is as
//! strong as big-M with interval bounds; `P = n` is the convex hull over the box of
//! the neuron's inputs. Inputs are dealt to groups round-robin in order of decreasing
//! `|w_j| (u_j - l_j)`, so that every group gets a share of the large contributions
//! (an equal-size partition).

use crate::model::{Affine, LinearUnit, Model, ReluUnit, VarKind};
use crate::nn::{Activation, Network};

/// One term `w * x` of a weighted sum: column, weight and the column's bounds.
type Term = (usize, f64, (f64, f64));

/// How each unstable ReLU is encoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Formulation {
    /// Big-M with the computed bounds.
    BigM,
    /// Partition-based with this many groups (1 is big-M strength).
    Partition(usize),
}

impl Formulation {
    /// Parses `bigm`, `partition` (P = 2) or `partition:P`.
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "bigm" | "big-m" => Some(Formulation::BigM),
            "partition" => Some(Formulation::Partition(2)),
            _ => {
                let p = name.strip_prefix("partition:")?.parse().ok()?;
                (p >= 1).then_some(Formulation::Partition(p))
            }
        }
    }

    /// The name accepted by [`Formulation::from_name`].
    pub fn name(self) -> String {
        match self {
            Formulation::BigM => "bigm".to_string(),
            Formulation::Partition(p) => format!("partition:{p}"),
        }
    }
}

/// A value of the network inside the MILP: a column or the constant zero.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Value {
    /// The value of a column.
    Column(usize),
    /// Always zero (a stably inactive neuron).
    Zero,
}

/// The columns of a network encoded in a model.
#[derive(Clone, Debug)]
pub struct Encoding {
    /// Input columns.
    pub inputs: Vec<usize>,
    /// Output columns (pre-activations of the last layer).
    pub outputs: Vec<usize>,
    /// Output bounds.
    pub output_bounds: Vec<(f64, f64)>,
    /// The ReLU units, in layer order.
    pub units: Vec<ReluUnit>,
    /// The units without activation (identity layers and the output layer).
    pub linear: Vec<LinearUnit>,
}

/// Adds the network's inputs (with the given box), layers and outputs to `model`.
/// `pre_bounds[k][i]` bounds the pre-activation of neuron `i` of layer `k`; they must
/// be valid over the box. `tag` prefixes the column and row names.
pub fn encode_network(
    model: &mut Model,
    net: &Network,
    input_lower: &[f64],
    input_upper: &[f64],
    pre_bounds: &[Vec<(f64, f64)>],
    formulation: Formulation,
    tag: &str,
) -> Encoding {
    let inputs: Vec<usize> = (0..net.input_dim())
        .map(|i| {
            model.add_variable(
                &format!("{tag}x{i}"),
                VarKind::Continuous,
                input_lower[i],
                input_upper[i],
                0.0,
            )
        })
        .collect();
    let mut values: Vec<Value> = inputs.iter().map(|&c| Value::Column(c)).collect();
    let mut value_bounds: Vec<(f64, f64)> = (0..inputs.len())
        .map(|i| (input_lower[i], input_upper[i]))
        .collect();
    let mut units = Vec::new();
    let mut linear = Vec::new();
    let mut outputs = Vec::new();
    let mut output_bounds = Vec::new();
    let last = net.layers().len().saturating_sub(1);
    for (k, layer) in net.layers().iter().enumerate() {
        let mut next_values = Vec::with_capacity(layer.output_dim());
        let mut next_bounds = Vec::with_capacity(layer.output_dim());
        for (i, &(lo, up)) in pre_bounds[k].iter().enumerate() {
            let bias = layer.bias()[i];
            // Terms of the weighted sum over non-zero inputs.
            let terms: Vec<Term> = layer
                .row(i)
                .iter()
                .enumerate()
                .filter_map(|(j, &w)| match values[j] {
                    Value::Column(c) if w != 0.0 => Some((c, w, value_bounds[j])),
                    _ => None,
                })
                .collect();
            let pre =
                model.add_variable(&format!("{tag}a{k}_{i}"), VarKind::Continuous, lo, up, 0.0);
            let affine = Affine {
                bias,
                terms: terms.iter().map(|&(c, w, _)| (c, w)).collect(),
            };
            let mut entries = affine.terms.clone();
            entries.push((pre, -1.0));
            model.add_row(&format!("{tag}affine{k}_{i}"), -bias, -bias, &entries);
            if k == last || layer.activation() == Activation::Identity {
                linear.push(LinearUnit {
                    layer: k,
                    neuron: i,
                    column: pre,
                    affine,
                });
                next_values.push(Value::Column(pre));
                next_bounds.push((lo, up));
                if k == last {
                    outputs.push(pre);
                    output_bounds.push((lo, up));
                }
                continue;
            }
            let mut unit = ReluUnit {
                layer: k,
                neuron: i,
                sample: None,
                pre: Some(pre),
                post: None,
                indicator: None,
                pre_bounds: (lo, up),
                affine: Some(affine),
            };
            if lo >= 0.0 {
                unit.post = Some(pre);
                next_values.push(Value::Column(pre));
                next_bounds.push((lo, up));
            } else if up <= 0.0 {
                next_values.push(Value::Zero);
                next_bounds.push((0.0, 0.0));
            } else {
                let post = model.add_variable(
                    &format!("{tag}y{k}_{i}"),
                    VarKind::Continuous,
                    0.0,
                    up,
                    0.0,
                );
                let z =
                    model.add_variable(&format!("{tag}z{k}_{i}"), VarKind::Binary, 0.0, 1.0, 0.0);
                match formulation {
                    Formulation::BigM | Formulation::Partition(1) => {
                        big_m(model, tag, k, i, pre, post, z, lo, up)
                    }
                    Formulation::Partition(p) => {
                        partition(model, tag, k, i, &terms, bias, post, z, p)
                    }
                }
                unit.post = Some(post);
                unit.indicator = Some(z);
                next_values.push(Value::Column(post));
                next_bounds.push((0.0, up));
            }
            units.push(unit);
        }
        values = next_values;
        value_bounds = next_bounds;
    }
    Encoding {
        inputs,
        outputs,
        output_bounds,
        units,
        linear,
    }
}

#[allow(clippy::too_many_arguments)]
fn big_m(
    model: &mut Model,
    tag: &str,
    k: usize,
    i: usize,
    pre: usize,
    post: usize,
    z: usize,
    lo: f64,
    up: f64,
) {
    // y >= a
    model.add_row(
        &format!("{tag}above{k}_{i}"),
        0.0,
        f64::INFINITY,
        &[(post, 1.0), (pre, -1.0)],
    );
    // y <= a - L (1 - z)  <=>  a - y + L z >= L
    model.add_row(
        &format!("{tag}upper{k}_{i}"),
        lo,
        f64::INFINITY,
        &[(pre, 1.0), (post, -1.0), (z, lo)],
    );
    // y <= U z
    model.add_row(
        &format!("{tag}gate{k}_{i}"),
        f64::NEG_INFINITY,
        0.0,
        &[(post, 1.0), (z, -up)],
    );
}

/// Deals the terms to `p` groups round-robin by decreasing `|w| (u - l)`.
fn groups(terms: &[Term], p: usize) -> Vec<Vec<Term>> {
    let mut order: Vec<usize> = (0..terms.len()).collect();
    let spread = |t: &Term| t.1.abs() * (t.2 .1 - t.2 .0);
    order.sort_by(|&a, &b| {
        spread(&terms[b])
            .total_cmp(&spread(&terms[a]))
            .then(a.cmp(&b))
    });
    let p = p.min(terms.len()).max(1);
    let mut out = vec![Vec::new(); p];
    for (rank, &t) in order.iter().enumerate() {
        out[rank % p].push(terms[t]);
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn partition(
    model: &mut Model,
    tag: &str,
    k: usize,
    i: usize,
    terms: &[Term],
    bias: f64,
    post: usize,
    z: usize,
    p: usize,
) {
    let mut active_sum: Vec<(usize, f64)> = vec![(z, bias)];
    let mut inactive_sum: Vec<(usize, f64)> = vec![(z, -bias)];
    for (g, group) in groups(terms, p).into_iter().enumerate() {
        let (mut lo, mut up) = (0.0, 0.0);
        for &(_, w, (l, u)) in &group {
            lo += (w * l).min(w * u);
            up += (w * l).max(w * u);
        }
        let v = model.add_variable(
            &format!("{tag}v{k}_{i}_{g}"),
            VarKind::Continuous,
            lo.min(0.0),
            up.max(0.0),
            0.0,
        );
        active_sum.push((v, 1.0));
        // L_p z <= v <= U_p z
        model.add_row(
            &format!("{tag}vlo{k}_{i}_{g}"),
            0.0,
            f64::INFINITY,
            &[(v, 1.0), (z, -lo)],
        );
        model.add_row(
            &format!("{tag}vup{k}_{i}_{g}"),
            f64::NEG_INFINITY,
            0.0,
            &[(v, 1.0), (z, -up)],
        );
        // L_p (1 - z) <= s_p - v <= U_p (1 - z)
        let mut rest: Vec<(usize, f64)> = group.iter().map(|&(c, w, _)| (c, w)).collect();
        rest.push((v, -1.0));
        let mut with_z = rest.clone();
        with_z.push((z, lo));
        model.add_row(&format!("{tag}rlo{k}_{i}_{g}"), lo, f64::INFINITY, &with_z);
        let mut with_z = rest.clone();
        with_z.push((z, up));
        model.add_row(
            &format!("{tag}rup{k}_{i}_{g}"),
            f64::NEG_INFINITY,
            up,
            &with_z,
        );
        for &(c, w, _) in &group {
            inactive_sum.push((c, w));
        }
        inactive_sum.push((v, -1.0));
    }
    // Active branch: sum v + b z >= 0.
    model.add_row(&format!("{tag}act{k}_{i}"), 0.0, f64::INFINITY, &active_sum);
    // Inactive branch: sum (s - v) + b (1 - z) <= 0  <=>  sum (s - v) - b z <= -b.
    model.add_row(
        &format!("{tag}inact{k}_{i}"),
        f64::NEG_INFINITY,
        -bias,
        &inactive_sum,
    );
    // y = sum v + b z.
    let mut output: Vec<(usize, f64)> = active_sum.iter().map(|&(c, a)| (c, -a)).collect();
    output.push((post, 1.0));
    model.add_row(&format!("{tag}post{k}_{i}"), 0.0, 0.0, &output);
}
