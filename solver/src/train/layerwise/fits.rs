//! The MILPs and LPs of layer-wise training: the weights of one neuron (a MILP for
//! a hidden neuron, an LP for an output neuron), the inputs of one layer for one
//! sample, and the post-processing LP of one output neuron.

use super::dot;
use crate::error::Result;
use crate::model::{Model, VarKind};
use crate::search::{solve, NoProgress, Settings, Status};
use crate::train::classify::Params;
use crate::train::encode::{affine_range, relu};
use std::time::Duration;

/// Bounds on one neuron's weights (`lo`/`hi` per input) and bias.
#[derive(Clone, Debug, PartialEq)]
pub struct WeightBox {
    /// Lower bounds of the weights.
    pub lo: Vec<f64>,
    /// Upper bounds of the weights.
    pub hi: Vec<f64>,
    /// Bias interval.
    pub bias: (f64, f64),
}

impl WeightBox {
    /// `[-1, 1]` for every weight and the bias.
    pub fn unit(inputs: usize) -> WeightBox {
        WeightBox {
            lo: vec![-1.0; inputs],
            hi: vec![1.0; inputs],
            bias: (-1.0, 1.0),
        }
    }

    /// The change bound (10) around `(w, c)`, within `[-1, 1]`.
    pub fn around(w: &[f64], c: f64) -> WeightBox {
        let lo = |v: f64| (v - 0.6 * v.abs() - 0.01).max(-1.0);
        let hi = |v: f64| (v + 0.6 * v.abs() + 0.01).min(1.0);
        WeightBox {
            lo: w.iter().map(|&v| lo(v)).collect(),
            hi: w.iter().map(|&v| hi(v)).collect(),
            bias: (lo(c), hi(c)),
        }
    }
}

/// What a single solve reported back.
struct Solved {
    values: Option<Vec<f64>>,
    time_limit: bool,
}

/// Solves `model` within `time`, accepting only solutions better than `limit`.
fn run(model: &Model, settings: &Settings, limit: f64, time: Duration) -> Result<Solved> {
    let settings = Settings {
        time_limit: Some(time),
        // An infinite limit (no solution known yet) is no limit.
        objective_limit: limit.is_finite().then_some(limit),
        log_interval: Duration::from_secs(3600),
        ..settings.clone()
    };
    let result = solve(model, &settings, &NoProgress)?;
    Ok(Solved {
        time_limit: matches!(result.status, Status::TimeLimit | Status::Interrupted),
        values: result.solution,
    })
}

/// Where a neuron is: what its value is, and the loss of that value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum LayerKind {
    /// A ReLU neuron with the l1 loss against its target.
    Hidden,
    /// An affine output neuron with the loss (7)/(8) against a 0/1 target.
    Output,
}

impl LayerKind {
    /// Loss of the neuron with pre-activation `a` against the target `t`.
    fn loss(self, a: f64, t: f64) -> f64 {
        match self {
            LayerKind::Hidden => (a.max(0.0) - t).abs(),
            LayerKind::Output => output_loss(a, t),
        }
    }

    /// Adds to `model` the loss of the neuron with pre-activation `expr + constant`
    /// against the target `t`; `range` bounds the pre-activation (the big-M values of
    /// a hidden neuron's ReLU).
    fn add_loss(
        self,
        model: &mut Model,
        name: &str,
        expr: &[(usize, f64)],
        constant: f64,
        range: (f64, f64),
        t: f64,
    ) {
        match self {
            LayerKind::Hidden => {
                let unit = relu(model, name, expr, constant, range.0, range.1);
                model.objective_constant += add_l1_deviation(model, name, unit.post, t);
            }
            LayerKind::Output => {
                add_output_deviation(model, name, expr, constant, t);
            }
        }
    }
}

/// Loss (7)/(8) of one output value against a 0/1 target.
fn output_loss(a: f64, t: f64) -> f64 {
    if t > 0.5 {
        (a - t).abs()
    } else {
        a.max(0.0)
    }
}

/// Adds `dev+ - dev- = o - t` for the output column `o` (or `o = 0` when `None`)
/// and returns the constant part of the loss (for `o = 0`: `|t|`).
fn add_l1_deviation(model: &mut Model, name: &str, o: Option<usize>, t: f64) -> f64 {
    let Some(o) = o else {
        return t.abs();
    };
    let dp = model.add_variable(
        &format!("{name}_dp"),
        VarKind::Continuous,
        0.0,
        f64::INFINITY,
        1.0,
    );
    let dm = model.add_variable(
        &format!("{name}_dm"),
        VarKind::Continuous,
        0.0,
        f64::INFINITY,
        1.0,
    );
    model.add_row(
        &format!("{name}_dev"),
        t,
        t,
        &[(o, 1.0), (dp, -1.0), (dm, 1.0)],
    );
    0.0
}

/// Adds the loss (8) of the affine expression `expr + constant` against a 0/1 target:
/// `dp >= a - t` (and `dm >= t - a` when `t = 1`).
fn add_output_deviation(
    model: &mut Model,
    name: &str,
    expr: &[(usize, f64)],
    constant: f64,
    t: f64,
) -> (usize, Option<usize>) {
    let dp = model.add_variable(
        &format!("{name}_dp"),
        VarKind::Continuous,
        0.0,
        f64::INFINITY,
        1.0,
    );
    let mut e = expr.to_vec();
    e.push((dp, -1.0));
    if t > 0.5 {
        let dm = model.add_variable(
            &format!("{name}_dm"),
            VarKind::Continuous,
            0.0,
            f64::INFINITY,
            1.0,
        );
        e.push((dm, 1.0));
        model.add_row(&format!("{name}_dev"), t - constant, t - constant, &e);
        (dp, Some(dm))
    } else {
        model.add_row(&format!("{name}_dev"), f64::NEG_INFINITY, t - constant, &e);
        (dp, None)
    }
}

/// Columns of one neuron's weights `w_j` and bias `c` within `bounds`.
fn weight_columns(model: &mut Model, bounds: &WeightBox) -> (Vec<usize>, usize) {
    let w = bounds
        .lo
        .iter()
        .zip(&bounds.hi)
        .enumerate()
        .map(|(j, (&l, &h))| model.add_variable(&format!("w_{j}"), VarKind::Continuous, l, h, 0.0))
        .collect();
    let c = model.add_variable("c", VarKind::Continuous, bounds.bias.0, bounds.bias.1, 0.0);
    (w, c)
}

/// New weights `(w, c)` of a neuron, if better ones were found, and whether the
/// time limit stopped the solve.
pub type NeuronFit = (Option<(Vec<f64>, f64)>, bool);

/// Weights `(w, c)` of one hidden neuron minimising `sum_k |relu(c + w.x_k) - t_k|`
/// over `bounds` (the MILP of section 2.1), or `None` when nothing better than
/// `current` was found. The second value tells whether the time limit stopped the
/// solve.
pub fn fit_hidden_neuron(
    inputs: &[Vec<f64>],
    targets: &[f64],
    bounds: &WeightBox,
    current: (&[f64], f64),
    settings: &Settings,
    time: Duration,
) -> Result<NeuronFit> {
    fit_neuron(
        LayerKind::Hidden,
        inputs,
        targets,
        bounds,
        current,
        settings,
        time,
    )
}

/// Weights `(w, c)` of one output neuron minimising the loss (7)/(8) of
/// `c + w.x_k` against 0/1 targets (an LP: identity instead of ReLU), or `None`
/// when nothing better than `current` was found.
pub fn fit_output_neuron(
    inputs: &[Vec<f64>],
    targets: &[f64],
    bounds: &WeightBox,
    current: (&[f64], f64),
    settings: &Settings,
    time: Duration,
) -> Result<NeuronFit> {
    fit_neuron(
        LayerKind::Output,
        inputs,
        targets,
        bounds,
        current,
        settings,
        time,
    )
}

/// Weights `(w, c)` of one neuron of the given kind minimising its loss over the
/// samples `inputs` within `bounds`, if better than `current`; see
/// [`fit_hidden_neuron`] and [`fit_output_neuron`].
fn fit_neuron(
    kind: LayerKind,
    inputs: &[Vec<f64>],
    targets: &[f64],
    bounds: &WeightBox,
    current: (&[f64], f64),
    settings: &Settings,
    time: Duration,
) -> Result<NeuronFit> {
    let loss = |w: &[f64], c: f64| -> f64 {
        inputs
            .iter()
            .zip(targets)
            .map(|(x, &t)| kind.loss(c + dot(w, x), t))
            .sum()
    };
    let mut model = Model::new(match kind {
        LayerKind::Hidden => "hidden_neuron",
        LayerKind::Output => "output_neuron",
    });
    let (w, c) = weight_columns(&mut model, bounds);
    for (k, (x, &t)) in inputs.iter().zip(targets).enumerate() {
        let range = affine_range(x, &bounds.lo, &bounds.hi, bounds.bias.0, bounds.bias.1);
        let mut expr: Vec<(usize, f64)> = w.iter().zip(x).map(|(&col, &v)| (col, v)).collect();
        expr.push((c, 1.0));
        kind.add_loss(&mut model, &format!("o_{k}"), &expr, 0.0, range, t);
    }
    let now = loss(current.0, current.1);
    let solved = run(&model, settings, now, time)?;
    let found = solved.values.and_then(|x| {
        let new_w: Vec<f64> = w.iter().map(|&j| x[j]).collect();
        let new_c = x[c];
        (loss(&new_w, new_c) < now - 1e-9).then_some((new_w, new_c))
    });
    Ok((found, solved.time_limit))
}

/// Inputs of layer `k` of `params` (weights `n x d`) adjusted for one sample within
/// the bounds (9) around `current`, minimising the loss of the layer's outputs
/// against `targets` (l1 through ReLU for a hidden layer, (7)/(8) for the output
/// layer). Returns the adjusted inputs (the current ones when nothing better was
/// found), whether the solve had binaries, and whether it hit its time limit.
pub fn adjust_inputs(
    params: &Params,
    k: usize,
    current: &[f64],
    targets: &[f64],
    settings: &Settings,
    time: Duration,
) -> Result<(Vec<f64>, bool, bool)> {
    let kind = if k + 1 == params.num_layers() {
        LayerKind::Output
    } else {
        LayerKind::Hidden
    };
    let d = params.widths[k];
    let weights = &params.weights[k];
    let bias = &params.biases[k];
    let loss = |x: &[f64]| -> f64 {
        (0..bias.len())
            .map(|i| kind.loss(bias[i] + dot(&weights[i * d..(i + 1) * d], x), targets[i]))
            .sum()
    };
    let lo: Vec<f64> = current.iter().map(|&v| (0.9 * v - 0.1).max(0.0)).collect();
    let hi: Vec<f64> = current.iter().map(|&v| 1.1 * v + 0.1).collect();
    let mut model = Model::new("adjust_inputs");
    let x: Vec<usize> = (0..d)
        .map(|j| model.add_variable(&format!("x_{j}"), VarKind::Continuous, lo[j], hi[j], 0.0))
        .collect();
    for i in 0..bias.len() {
        let row = &weights[i * d..(i + 1) * d];
        let expr: Vec<(usize, f64)> = x.iter().zip(row).map(|(&col, &w)| (col, w)).collect();
        let range = affine_range(row, &lo, &hi, bias[i], bias[i]);
        // Loss columns of an output are named after the output `a`, those of a hidden
        // neuron after its ReLU value `o`.
        let name = match kind {
            LayerKind::Hidden => format!("o_{i}"),
            LayerKind::Output => format!("a_{i}"),
        };
        kind.add_loss(&mut model, &name, &expr, bias[i], range, targets[i]);
    }
    let has_binaries = model.has_integers();
    let now = loss(current);
    let solved = run(&model, settings, now, time)?;
    let adjusted = solved.values.and_then(|v| {
        let new: Vec<f64> = x.iter().map(|&j| v[j].clamp(lo[j], hi[j])).collect();
        (loss(&new) < now - 1e-9).then_some(new)
    });
    Ok((
        adjusted.unwrap_or_else(|| current.to_vec()),
        has_binaries,
        solved.time_limit,
    ))
}

/// The LP of section 2.3 for one output neuron over all `inputs`: minimise
/// `sum_k (delta_k - s_k)` with `delta_k` from (8), `0 <= s_k <= 0.49`,
/// `s_k <= delta_k`, weights in `[-1, 1]`.
pub fn post_process_neuron(
    inputs: &[Vec<f64>],
    targets: &[f64],
    settings: &Settings,
    time: Duration,
) -> Result<Option<(Vec<f64>, f64)>> {
    let d = inputs.first().map_or(0, Vec::len);
    let mut model = Model::new("post_process");
    let (w, c) = weight_columns(&mut model, &WeightBox::unit(d));
    for (k, (x, &t)) in inputs.iter().zip(targets).enumerate() {
        let mut expr: Vec<(usize, f64)> = w.iter().zip(x).map(|(&col, &v)| (col, v)).collect();
        expr.push((c, 1.0));
        let (dp, dm) = add_output_deviation(&mut model, &format!("o_{k}"), &expr, 0.0, t);
        let s = model.add_variable(&format!("s_{k}"), VarKind::Continuous, 0.0, 0.49, -1.0);
        let mut e = vec![(s, 1.0), (dp, -1.0)];
        if let Some(dm) = dm {
            e.push((dm, -1.0));
        }
        model.add_row(&format!("s_{k}_le"), f64::NEG_INFINITY, 0.0, &e);
    }
    let solved = run(&model, settings, f64::INFINITY, time)?;
    Ok(solved
        .values
        .map(|x| (w.iter().map(|&j| x[j]).collect(), x[c])))
}
