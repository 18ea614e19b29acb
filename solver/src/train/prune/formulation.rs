//! The pruning MILP: columns of the network's parameters, the rows of each sample,
//! the objective row and the symmetry-breaking rows (see the module notes).

use super::bounds::{lp_bounds, output_bias_bound, tighter_than_interval};
use super::{ParameterColumns, PruneMilp, PruneOptions, SampleColumns};
use crate::data::train_test_split;
use crate::error::{Error, Result};
use crate::model::{Affine, Model, ReluStructure, ReluUnit, VarKind};
use crate::train::encode::{binary_product, relu};

/// Builds the pruning MILP on the standardised training samples `xs` with labels `ys`.
pub fn prune_milp(
    xs: &[Vec<f64>],
    ys: &[usize],
    classes: usize,
    options: &PruneOptions,
) -> Result<PruneMilp> {
    check_options(options)?;
    let samples = milp_samples(xs, ys, options)?;
    let (inputs, hidden, m) = (xs[0].len(), options.hidden, options.weight_bound);
    let sample_xs: Vec<Vec<f64>> = samples.iter().map(|&n| xs[n].clone()).collect();
    let pre_bounds = lp_bounds(&sample_xs, m, options.l1, options.neuron_penalty)?;
    let tighter_than_interval = tighter_than_interval(&sample_xs, &pre_bounds, m);
    let mut builder = Builder {
        model: Model::new("prune"),
        objective_row: Vec::new(),
        units: Vec::new(),
        inputs,
        hidden,
        classes,
    };
    let params = builder.parameter_columns(output_bias_bound(&pre_bounds, hidden), options);
    let slack_cost = 1.0 / samples.len() as f64;
    let per_sample = samples
        .iter()
        .zip(&pre_bounds)
        .enumerate()
        .map(|(k, (&n, &bounds))| builder.add_sample(k, &xs[n], ys[n], bounds, &params, slack_cost))
        .collect();
    builder.model.add_row(
        "objective_le_all_off",
        f64::NEG_INFINITY,
        1.0,
        &builder.objective_row,
    );
    if options.symmetry_breaking {
        builder.add_symmetry_breaking(&params);
    }
    let mut model = builder.model;
    model.relu = Some(ReluStructure {
        units: builder.units,
        ..ReluStructure::default()
    });
    Ok(PruneMilp {
        model,
        samples,
        pre_bounds,
        tighter_than_interval,
        widths: vec![inputs, hidden, classes],
        options: options.clone(),
        params,
        per_sample,
    })
}

/// Fails unless the width is positive, the weight bound positive and the
/// penalties non-negative.
fn check_options(options: &PruneOptions) -> Result<()> {
    let m = options.weight_bound;
    if options.hidden == 0 {
        return Err(Error::Invalid(
            "the hidden layer needs at least one neuron".into(),
        ));
    }
    if !(m.is_finite() && m > 0.0) {
        return Err(Error::Invalid(format!(
            "the weight bound must be positive, got {m}"
        )));
    }
    for (name, v) in [
        ("l1 penalty", options.l1),
        ("neuron penalty", options.neuron_penalty),
    ] {
        if !(v.is_finite() && v >= 0.0) {
            return Err(Error::Invalid(format!(
                "the {name} must be a non-negative number, got {v}"
            )));
        }
    }
    Ok(())
}

/// Indices of the samples in the MILP, sorted: all of them, or a stratified subset
/// of `options.milp_samples`.
fn milp_samples(xs: &[Vec<f64>], ys: &[usize], options: &PruneOptions) -> Result<Vec<usize>> {
    let samples: Vec<usize> = if options.milp_samples == 0 || options.milp_samples >= xs.len() {
        (0..xs.len()).collect()
    } else {
        let fraction = options.milp_samples as f64 / xs.len() as f64;
        let mut picked = train_test_split(xs.len(), Some(ys), fraction, options.seed).test;
        picked.sort_unstable();
        picked
    };
    if samples.is_empty() {
        return Err(Error::Invalid("no training samples for the MILP".into()));
    }
    Ok(samples)
}

/// The model under construction, with the terms of the objective row and the ReLU
/// units annotated so far.
struct Builder {
    model: Model,
    objective_row: Vec<(usize, f64)>,
    units: Vec<ReluUnit>,
    inputs: usize,
    hidden: usize,
    classes: usize,
}

impl Builder {
    /// Adds a column that is also a term of the objective row.
    fn add_costed(&mut self, name: &str, kind: VarKind, upper: f64, cost: f64) -> usize {
        let col = self.model.add_variable(name, kind, 0.0, upper, cost);
        self.objective_row.push((col, cost));
        col
    }

    /// The parameter columns with their rows: `s_i`, then `w_ij`, `a_ij` with
    /// `|w_ij| <= a_ij <= M s_i`, then `b_i` with `|b_i| <= M s_i`, then the output
    /// weights `u_ci^+ + u_ci^- <= s_i`, then the output biases in
    /// `[-bias_bound, bias_bound]` (`e_0 = 0`).
    fn parameter_columns(
        &mut self,
        out_bias_bound: f64,
        options: &PruneOptions,
    ) -> ParameterColumns {
        let (l1, rho) = (options.l1, options.neuron_penalty);
        let kept: Vec<usize> = (0..self.hidden)
            .map(|i| self.add_costed(&format!("s_{i}"), VarKind::Binary, 1.0, rho))
            .collect();
        let (weights, abs_weights) = self.first_layer_weights(&kept, options.weight_bound, l1);
        let biases = self.first_layer_biases(&kept, options.weight_bound);
        let (mut out_plus, mut out_minus) = (Vec::new(), Vec::new());
        for c in 0..self.classes {
            for (i, &kept_i) in kept.iter().enumerate() {
                let up = self.add_costed(&format!("up_{c}_{i}"), VarKind::Binary, 1.0, l1);
                let um = self.add_costed(&format!("um_{c}_{i}"), VarKind::Binary, 1.0, l1);
                self.model.add_row(
                    &format!("usign_{c}_{i}"),
                    f64::NEG_INFINITY,
                    0.0,
                    &[(up, 1.0), (um, 1.0), (kept_i, -1.0)],
                );
                out_plus.push(up);
                out_minus.push(um);
            }
        }
        let out_biases = (0..self.classes)
            .map(|c| {
                let bound = if c == 0 { 0.0 } else { out_bias_bound };
                let name = format!("e_{c}");
                self.model
                    .add_variable(&name, VarKind::Continuous, -bound, bound, 0.0)
            })
            .collect();
        ParameterColumns {
            kept,
            weights,
            abs_weights,
            biases,
            out_plus,
            out_minus,
            out_biases,
        }
    }

    /// Columns `w_ij` and `a_ij` (row-major) with `|w_ij| <= a_ij <= M s_i`.
    fn first_layer_weights(&mut self, kept: &[usize], m: f64, l1: f64) -> (Vec<usize>, Vec<usize>) {
        let mut weights = Vec::with_capacity(self.hidden * self.inputs);
        let mut abs_weights = Vec::with_capacity(self.hidden * self.inputs);
        for (i, &kept_i) in kept.iter().enumerate() {
            for j in 0..self.inputs {
                let name = format!("w_{i}_{j}");
                let wc = self
                    .model
                    .add_variable(&name, VarKind::Continuous, -m, m, 0.0);
                let ac = self.add_costed(&format!("a_{i}_{j}"), VarKind::Continuous, m, l1);
                let model = &mut self.model;
                let (below, above) = (f64::NEG_INFINITY, f64::INFINITY);
                model.add_row(
                    &format!("abs1_{i}_{j}"),
                    below,
                    0.0,
                    &[(wc, 1.0), (ac, -1.0)],
                );
                model.add_row(
                    &format!("abs2_{i}_{j}"),
                    0.0,
                    above,
                    &[(wc, 1.0), (ac, 1.0)],
                );
                model.add_row(
                    &format!("keep_{i}_{j}"),
                    below,
                    0.0,
                    &[(ac, 1.0), (kept_i, -m)],
                );
                weights.push(wc);
                abs_weights.push(ac);
            }
        }
        (weights, abs_weights)
    }

    /// Columns `b_i` with `|b_i| <= M s_i`.
    fn first_layer_biases(&mut self, kept: &[usize], m: f64) -> Vec<usize> {
        let model = &mut self.model;
        kept.iter()
            .enumerate()
            .map(|(i, &kept_i)| {
                let bc = model.add_variable(&format!("b_{i}"), VarKind::Continuous, -m, m, 0.0);
                let entries_up = [(bc, 1.0), (kept_i, -m)];
                model.add_row(&format!("bub_{i}"), f64::NEG_INFINITY, 0.0, &entries_up);
                let entries_down = [(bc, 1.0), (kept_i, m)];
                model.add_row(&format!("blb_{i}"), 0.0, f64::INFINITY, &entries_down);
                bc
            })
            .collect()
    }

    /// The columns and rows of sample `k` (features `x`, label `label`,
    /// pre-activation bounds `(lo, up)`): hidden values, the products with the output
    /// weights, the hinge slack (objective `slack_cost`) and the hinge rows.
    fn add_sample(
        &mut self,
        k: usize,
        x: &[f64],
        label: usize,
        (lo, up): (f64, f64),
        params: &ParameterColumns,
        slack_cost: f64,
    ) -> SampleColumns {
        let (l, classes) = (self.hidden, self.classes);
        let mut outputs: Vec<Vec<(usize, f64)>> = params
            .out_biases
            .iter()
            .map(|&ec| vec![(ec, 1.0)])
            .collect();
        let mut hidden = Vec::with_capacity(l);
        let mut products = vec![None; classes * l];
        for i in 0..l {
            let mut expr: Vec<(usize, f64)> = (0..self.inputs)
                .map(|j| (params.weights[i * self.inputs + j], x[j]))
                .collect();
            expr.push((params.biases[i], 1.0));
            let unit = relu(&mut self.model, &format!("h_{i}_{k}"), &expr, 0.0, lo, up);
            self.units.push(ReluUnit {
                layer: 0,
                neuron: i,
                sample: Some(k),
                pre: None,
                post: unit.post,
                indicator: unit.indicator,
                pre_bounds: (lo, up),
                affine: Some(Affine {
                    bias: 0.0,
                    terms: expr,
                }),
            });
            hidden.push((unit.post, unit.indicator));
            let Some(h) = unit.post else { continue };
            for (c, out) in outputs.iter_mut().enumerate() {
                let (u_plus, u_minus) = (params.out_plus[c * l + i], params.out_minus[c * l + i]);
                let rp = binary_product(&mut self.model, &format!("rp_{c}_{i}_{k}"), h, up, u_plus);
                let rm =
                    binary_product(&mut self.model, &format!("rm_{c}_{i}_{k}"), h, up, u_minus);
                out.extend([(rp, 1.0), (rm, -1.0)]);
                products[c * l + i] = Some((rp, rm));
            }
        }
        let slack = self.add_costed(
            &format!("xi_{k}"),
            VarKind::Continuous,
            f64::INFINITY,
            slack_cost,
        );
        let hinge_rows = (0..classes)
            .filter(|&c| c != label)
            .map(|c| {
                let mut row = outputs[label].clone();
                row.extend(outputs[c].iter().map(|&(j, a)| (j, -a)));
                row.push((slack, 1.0));
                let name = format!("hinge_{k}_{c}");
                (c, self.model.add_row(&name, 1.0, f64::INFINITY, &row))
            })
            .collect();
        SampleColumns {
            hidden,
            products,
            slack,
            hinge_rows,
            label,
        }
    }

    /// The rows `k_i >= k_{i+1}` on the keys `k_i = (C + 1) s_i + sum_c (u_ci^+ +
    /// u_ci^-)`.
    fn add_symmetry_breaking(&mut self, params: &ParameterColumns) {
        let (l, classes) = (self.hidden, self.classes);
        let key = |i: usize, sign: f64| {
            let mut k = vec![(params.kept[i], sign * (classes as f64 + 1.0))];
            for c in 0..classes {
                k.push((params.out_plus[c * l + i], sign));
                k.push((params.out_minus[c * l + i], sign));
            }
            k
        };
        for i in 0..l.saturating_sub(1) {
            let mut row = key(i, 1.0);
            row.extend(key(i + 1, -1.0));
            self.model
                .add_row(&format!("order_{i}"), 0.0, f64::INFINITY, &row);
        }
    }
}
