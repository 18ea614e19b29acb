//! From a network and a question to an annotated MILP.
//!
//! - [`verification_milp`]: one case of a VNN-LIB property (input box, input and output
//!   constraints `c_k'y <= d_k`) as `min t` subject to `c_k'y - d_k <= t` for every
//!   output constraint. The case is satisfiable (a counterexample exists) iff the
//!   optimum is `<= 0`; the objective gives the search a direction, and a cutoff at 0
//!   decides the instance as soon as a point with `t <= 0` is found or every node's
//!   bound exceeds 0.
//! - [`combined_verification_milp`]: several cases with the same input box in one MILP,
//!   with one binary per case choosing which case's constraints bind `t`.
//! - [`adversarial_milp`]: the input closest in L1 norm to a given one that the network
//!   classifies as a target class with a margin (seed 002, section 4.2).
//!
//! Every MILP carries a [`ReluStructure`] with the affine map of every unit, so that
//! the search can complete a point by a forward pass.

mod network;

pub use network::{encode_network, Encoding, Formulation, Value};

use crate::error::{Error, Result};
use crate::model::{Model, ObjSense, ReluStructure, VarKind};
use crate::nn::property::{Case, LinearConstraint};
use crate::nn::Network;

/// A MILP built from a network, with the columns a caller needs to read answers.
#[derive(Clone, Debug)]
pub struct NetworkMilp {
    /// The model (annotated).
    pub model: Model,
    /// Input columns.
    pub inputs: Vec<usize>,
    /// Output columns.
    pub outputs: Vec<usize>,
}

impl NetworkMilp {
    /// Turns a verification MILP (`min t`) into its feasibility form for export:
    /// `t <= 0`, so the model is feasible exactly when the case has a
    /// counterexample. When the bounds already prove the case (`t`'s lower bound is
    /// positive), that lower bound is dropped rather than written crossing the upper
    /// one, which MPS readers such as CBC's refuse: it is implied by the `output`
    /// rows (`t >= c_k'y - d_k`) and the output columns' bounds it was computed
    /// from, so the model stays infeasible.
    pub fn restrict_to_counterexamples(&mut self) {
        if let Some(t) = self.model.column_by_name("t") {
            let v = &mut self.model.variables[t];
            v.upper = v.upper.min(0.0);
            if v.lower > v.upper {
                v.lower = f64::NEG_INFINITY;
            }
        }
    }
}

fn check_dims(
    net: &Network,
    lower: &[f64],
    upper: &[f64],
    pre_bounds: &[Vec<(f64, f64)>],
) -> Result<()> {
    if lower.len() != net.input_dim() || upper.len() != net.input_dim() {
        return Err(Error::Invalid(format!(
            "the input box has {} dimensions but the network has {} inputs",
            lower.len(),
            net.input_dim()
        )));
    }
    if pre_bounds.len() != net.layers().len()
        || pre_bounds
            .iter()
            .zip(net.layers())
            .any(|(b, l)| b.len() != l.output_dim())
    {
        return Err(Error::Invalid(
            "pre-activation bounds do not match the network's layers".into(),
        ));
    }
    Ok(())
}

/// Lower and upper bound of `c'y - d` over the output bounds.
fn constraint_range(c: &LinearConstraint, outputs: &[(f64, f64)]) -> (f64, f64) {
    let (mut lo, mut up) = (-c.rhs, -c.rhs);
    for &(i, a) in &c.terms {
        let (l, u) = outputs[i];
        lo += (a * l).min(a * u);
        up += (a * l).max(a * u);
    }
    (lo, up)
}

/// Moves `model` into a [`NetworkMilp`] with the ReLU structure of `enc`.
fn annotate(model: &mut Model, enc: Encoding) -> NetworkMilp {
    model.relu = Some(ReluStructure {
        units: enc.units,
        inputs: enc.inputs.clone(),
        outputs: enc.outputs.clone(),
        linear: enc.linear,
    });
    NetworkMilp {
        model: std::mem::take(model),
        inputs: enc.inputs,
        outputs: enc.outputs,
    }
}

fn add_input_constraints(
    model: &mut Model,
    inputs: &[usize],
    constraints: &[LinearConstraint],
    tag: &str,
) {
    for (k, c) in constraints.iter().enumerate() {
        let entries: Vec<(usize, f64)> = c.terms.iter().map(|&(i, a)| (inputs[i], a)).collect();
        model.add_row(
            &format!("{tag}input{k}"),
            f64::NEG_INFINITY,
            c.rhs,
            &entries,
        );
    }
}

/// The verification MILP of one case: `min t` with `c_k'y - d_k <= t`.
pub fn verification_milp(
    net: &Network,
    case: &Case,
    pre_bounds: &[Vec<(f64, f64)>],
    formulation: Formulation,
) -> Result<NetworkMilp> {
    check_dims(net, &case.input_lower, &case.input_upper, pre_bounds)?;
    let mut model = Model::new("verification");
    model.objective_name = "margin".into();
    let enc = encode_network(
        &mut model,
        net,
        &case.input_lower,
        &case.input_upper,
        pre_bounds,
        formulation,
        "",
    );
    add_input_constraints(&mut model, &enc.inputs, &case.input_constraints, "");
    let ranges: Vec<(f64, f64)> = case
        .output_constraints
        .iter()
        .map(|c| constraint_range(c, &enc.output_bounds))
        .collect();
    let t_lo = ranges.iter().map(|r| r.0).fold(f64::NEG_INFINITY, f64::max);
    let t_up = ranges.iter().map(|r| r.1).fold(f64::NEG_INFINITY, f64::max);
    let (t_lo, t_up) = if ranges.is_empty() {
        (-1.0, -1.0)
    } else {
        (t_lo, t_up)
    };
    let t = model.add_variable("t", VarKind::Continuous, t_lo, t_up.max(t_lo), 1.0);
    for (k, c) in case.output_constraints.iter().enumerate() {
        let mut entries: Vec<(usize, f64)> =
            c.terms.iter().map(|&(i, a)| (enc.outputs[i], a)).collect();
        entries.push((t, -1.0));
        model.add_row(&format!("output{k}"), f64::NEG_INFINITY, c.rhs, &entries);
    }
    Ok(annotate(&mut model, enc))
}

/// One MILP for several cases that share their input box and input constraints:
/// binaries `s_c` with `sum s_c = 1` select the case whose constraints bind
/// `t`: `c_k'y - d_k - t <= M_k (1 - s_c)` with `M_k` from the output bounds.
pub fn combined_verification_milp(
    net: &Network,
    cases: &[Case],
    pre_bounds: &[Vec<(f64, f64)>],
    formulation: Formulation,
) -> Result<NetworkMilp> {
    let Some(first) = cases.first() else {
        return Err(Error::Invalid("no case to combine".into()));
    };
    if cases.iter().any(|c| {
        c.input_lower != first.input_lower
            || c.input_upper != first.input_upper
            || c.input_constraints != first.input_constraints
    }) {
        return Err(Error::Invalid(
            "combined cases must share their input region".into(),
        ));
    }
    check_dims(net, &first.input_lower, &first.input_upper, pre_bounds)?;
    let mut model = Model::new("verification");
    model.objective_name = "margin".into();
    let enc = encode_network(
        &mut model,
        net,
        &first.input_lower,
        &first.input_upper,
        pre_bounds,
        formulation,
        "",
    );
    add_input_constraints(&mut model, &enc.inputs, &first.input_constraints, "");
    // t lies between the smallest case minimum and the largest case maximum.
    let case_ranges: Vec<Vec<(f64, f64)>> = cases
        .iter()
        .map(|c| {
            c.output_constraints
                .iter()
                .map(|k| constraint_range(k, &enc.output_bounds))
                .collect()
        })
        .collect();
    let case_lo = |r: &Vec<(f64, f64)>| r.iter().map(|x| x.0).fold(f64::NEG_INFINITY, f64::max);
    let case_up = |r: &Vec<(f64, f64)>| r.iter().map(|x| x.1).fold(f64::NEG_INFINITY, f64::max);
    let t_lo = case_ranges
        .iter()
        .map(case_lo)
        .fold(f64::INFINITY, f64::min);
    let t_up = case_ranges
        .iter()
        .map(case_up)
        .fold(f64::NEG_INFINITY, f64::max);
    let (t_lo, t_up) = if t_lo.is_finite() && t_up.is_finite() {
        (t_lo, t_up.max(t_lo))
    } else {
        (-1.0, -1.0)
    };
    let t = model.add_variable("t", VarKind::Continuous, t_lo, t_up, 1.0);
    let selectors: Vec<usize> = (0..cases.len())
        .map(|c| model.add_variable(&format!("case{c}"), VarKind::Binary, 0.0, 1.0, 0.0))
        .collect();
    let all: Vec<(usize, f64)> = selectors.iter().map(|&s| (s, 1.0)).collect();
    model.add_row("one_case", 1.0, 1.0, &all);
    for (ci, case) in cases.iter().enumerate() {
        for (k, c) in case.output_constraints.iter().enumerate() {
            let big_m = (case_ranges[ci][k].1 - t_lo).max(0.0);
            // c'y - t + M s <= d + M
            let mut entries: Vec<(usize, f64)> =
                c.terms.iter().map(|&(i, a)| (enc.outputs[i], a)).collect();
            entries.push((t, -1.0));
            entries.push((selectors[ci], big_m));
            model.add_row(
                &format!("output{ci}_{k}"),
                f64::NEG_INFINITY,
                c.rhs + big_m,
                &entries,
            );
        }
    }
    Ok(annotate(&mut model, enc))
}

/// How the adversarial target is decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    /// The class is the largest output.
    Argmax,
    /// The class is the smallest output.
    Argmin,
}

/// The minimal-L1 adversarial MILP: `min sum d_j`, `d_j >= |x_j - x0_j|`, and the
/// target output beats every other by the margin: `y_t >= margin * y_j` (argmax) or
/// `y_t <= y_j / margin`... written as `margin * y_t <= y_j` (argmin), for `j != t`.
/// The input stays in `[lower, upper]`, optionally within L1 distance `max_distance`.
#[allow(clippy::too_many_arguments)]
pub fn adversarial_milp(
    net: &Network,
    reference: &[f64],
    lower: &[f64],
    upper: &[f64],
    target: usize,
    margin: f64,
    decision: Decision,
    max_distance: Option<f64>,
    pre_bounds: &[Vec<(f64, f64)>],
    formulation: Formulation,
) -> Result<NetworkMilp> {
    check_dims(net, lower, upper, pre_bounds)?;
    if reference.len() != net.input_dim() {
        return Err(Error::Invalid(format!(
            "the reference input has {} values but the network has {} inputs",
            reference.len(),
            net.input_dim()
        )));
    }
    if target >= net.output_dim() {
        return Err(Error::Invalid(format!(
            "target class {target} out of range (the network has {} outputs)",
            net.output_dim()
        )));
    }
    let mut model = Model::new("adversarial");
    model.objective_name = "l1_distance".into();
    model.sense = ObjSense::Minimize;
    let enc = encode_network(&mut model, net, lower, upper, pre_bounds, formulation, "");
    let mut distance_terms = Vec::new();
    for (j, &x) in enc.inputs.iter().enumerate() {
        let span = (upper[j] - reference[j])
            .abs()
            .max((reference[j] - lower[j]).abs());
        let d = model.add_variable(&format!("d{j}"), VarKind::Continuous, 0.0, span, 1.0);
        // d >= x - x0 and d >= x0 - x
        model.add_row(
            &format!("dist_pos{j}"),
            -reference[j],
            f64::INFINITY,
            &[(d, 1.0), (x, -1.0)],
        );
        model.add_row(
            &format!("dist_neg{j}"),
            reference[j],
            f64::INFINITY,
            &[(d, 1.0), (x, 1.0)],
        );
        distance_terms.push((d, 1.0));
    }
    if let Some(limit) = max_distance {
        model.add_row("max_distance", f64::NEG_INFINITY, limit, &distance_terms);
    }
    let yt = enc.outputs[target];
    for (j, &yj) in enc.outputs.iter().enumerate() {
        if j == target {
            continue;
        }
        match decision {
            // y_t - margin * y_j >= 0
            Decision::Argmax => model.add_row(
                &format!("margin{j}"),
                0.0,
                f64::INFINITY,
                &[(yt, 1.0), (yj, -margin)],
            ),
            // y_j - margin * y_t >= 0
            Decision::Argmin => model.add_row(
                &format!("margin{j}"),
                0.0,
                f64::INFINITY,
                &[(yj, 1.0), (yt, -margin)],
            ),
        };
    }
    Ok(annotate(&mut model, enc))
}
