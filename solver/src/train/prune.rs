//! Training with pruning (seed 003): one MILP that fits a one-hidden-layer ReLU
//! classifier, with an l1 penalty on the weights and binaries that switch whole
//! hidden neurons off.
//!
//! # Formulation
//! Standardised samples `x^n` (a stratified subset `S` of the training part, when the
//! full MILP is too large), labels `y_n`, `d` inputs, `l` hidden neurons, `C`
//! classes.
//! - First layer: `w_ij, b_i in [-M, M]` continuous, `|w_ij| <= a_ij` (l1 terms),
//!   `a_ij <= M s_i`, `|b_i| <= M s_i`, with `s_i` binary: neuron `i` is kept.
//! - Hidden values `h_i^n = max(0, w_i.x^n + b_i)`, big-M with indicator per neuron
//!   and sample ([`relu`]), big-M values from LP-computed bounds (below).
//! - Output layer: weights `u_ci = u_ci^+ - u_ci^-` in `{-1, 0, +1}` (binaries,
//!   `u_ci^+ + u_ci^- <= s_i`), output biases `e_c` (with `e_0 = 0`: a common shift of
//!   all scores changes nothing). Outputs `out_c^n = e_c + sum_i (h_i^n u_ci^+ -
//!   h_i^n u_ci^-)`, each product of a bounded continuous and a binary linearised exactly.
//!   Ternary output weights are what keeps the model a MILP: `u_ci h_i` would
//!   otherwise multiply two variables. ReLU's positive homogeneity (Lemma 1 of
//!   seed 001) makes this no restriction for one output; with several outputs it fixes
//!   the magnitudes of a neuron's outgoing weights to be equal, which hidden neurons
//!   of free scale and width compensate for.
//! - Loss: multi-class hinge with one slack per sample, `out_{y_n}^n - out_c^n >= 1 -
//!   xi_n` for `c != y_n`, `xi_n >= 0`.
//! - Objective: `(1/|S|) sum xi_n + lambda (sum a_ij + sum (u^+ + u^-)) + rho sum s_i`.
//! - The all-off network (every `s_i = 0`, `e = 0`, `xi_n = 1`) has objective 1, so the
//!   row `objective <= 1` is valid; it bounds the l1 budget.
//! - Symmetry breaking: key `k_i = (C + 1) s_i + sum_c (u_ci^+ + u_ci^-)` (kept neurons
//!   first, then by number of output connections, since `sum_c (u^+ + u^-) <= C`),
//!   `k_1 >= ... >= k_l`: any solution can be permuted into this order.
//!
//! # Big-M values from LP bounds
//! For each sample, the pre-activation bounds are the minimum and maximum of
//! `w.x^n + b` over the LP `{|w_j| <= a_j <= M s, |b| <= M s, 0 <= s <= 1,
//! lambda sum_j a_j + rho s <= 1}` (one neuron's share of the objective row; the
//! neurons are interchangeable, so one LP per sample and direction serves them all).
//! They are never wider than the interval bounds `+-M (||x^n||_1 + 1)`, and tighter
//! when the l1 budget `1 / lambda` binds. The output bias bound is
//! `E = 1 + 2 max_n sum_i U^n`.

use super::adam::{train_adam, AdamOptions};
use super::classify::{ClassificationTask, Params};
use super::encode::{binary_product, relu};
use crate::data::{train_test_split, Standardizer};
use crate::error::{Error, Result};
use crate::lp::{LpBackend, LpLimits, LpProblem, LpRow, LpStatus};
use crate::model::{check_solution, Affine, Model, ReluStructure, ReluUnit, VarKind};
use crate::search::{solve, NoProgress, ProgressSink, Settings, SolveResult, Status};

/// Options of the pruning MILP.
#[derive(Clone, Debug, PartialEq)]
pub struct PruneOptions {
    /// Width `l` of the hidden layer.
    pub hidden: usize,
    /// Bound `M` on first-layer weights and biases (standardised inputs).
    pub weight_bound: f64,
    /// l1 penalty `lambda` per unit of weight.
    pub l1: f64,
    /// Penalty `rho` per kept hidden neuron.
    pub neuron_penalty: f64,
    /// Training samples in the MILP (a stratified subset; 0 = all).
    pub milp_samples: usize,
    /// Add the ordering rows between hidden neurons.
    pub symmetry_breaking: bool,
    /// Seed of the subset and of the warm start.
    pub seed: u64,
    /// Start the search from the better of the all-off network and a ternarised
    /// Adam-trained network (see [`ternary_start`]).
    pub warm_start: bool,
}

impl Default for PruneOptions {
    fn default() -> Self {
        PruneOptions {
            hidden: 4,
            weight_bound: 1.0,
            l1: 0.01,
            neuron_penalty: 0.02,
            milp_samples: 60,
            symmetry_breaking: true,
            seed: 0,
            warm_start: true,
        }
    }
}

/// The pruning MILP with the columns needed to read the network.
#[derive(Clone, Debug)]
pub struct PruneMilp {
    /// The model (ReLU indicators annotated per neuron and sample).
    pub model: Model,
    /// Indices (into the training part) of the samples in the MILP.
    pub samples: Vec<usize>,
    /// Pre-activation bounds per sample, from the LPs.
    pub pre_bounds: Vec<(f64, f64)>,
    /// Samples whose LP bounds are tighter than the interval bounds.
    pub tighter_than_interval: usize,
    widths: Vec<usize>,
    labels: Vec<usize>,
    options: PruneOptions,
    units: Vec<Vec<(Option<usize>, Option<usize>)>>,
    products: Vec<Vec<(usize, usize)>>,
    a: Vec<usize>,
    xi: Vec<usize>,
    hinge: Vec<Vec<(usize, usize)>>,
    w: Vec<usize>,
    b: Vec<usize>,
    s: Vec<usize>,
    u_plus: Vec<usize>,
    u_minus: Vec<usize>,
    e: Vec<usize>,
}

/// LP bounds of `w.x + b` for each sample (see the module notes).
fn lp_bounds(xs: &[Vec<f64>], m: f64, l1: f64, rho: f64) -> Result<Vec<(f64, f64)>> {
    let d = xs.first().map_or(0, Vec::len);
    // Columns: w_0..w_{d-1}, a_0..a_{d-1}, b, s.
    let (bcol, scol) = (2 * d, 2 * d + 1);
    let mut rows = Vec::new();
    for j in 0..d {
        rows.push(LpRow {
            entries: vec![(j, 1.0), (d + j, -1.0)],
            lower: f64::NEG_INFINITY,
            upper: 0.0,
        });
        rows.push(LpRow {
            entries: vec![(j, 1.0), (d + j, 1.0)],
            lower: 0.0,
            upper: f64::INFINITY,
        });
        rows.push(LpRow {
            entries: vec![(d + j, 1.0), (scol, -m)],
            lower: f64::NEG_INFINITY,
            upper: 0.0,
        });
    }
    rows.push(LpRow {
        entries: vec![(bcol, 1.0), (scol, -m)],
        lower: f64::NEG_INFINITY,
        upper: 0.0,
    });
    rows.push(LpRow {
        entries: vec![(bcol, 1.0), (scol, m)],
        lower: 0.0,
        upper: f64::INFINITY,
    });
    let mut budget: Vec<(usize, f64)> = (0..d).map(|j| (d + j, l1)).collect();
    budget.push((scol, rho));
    rows.push(LpRow {
        entries: budget,
        lower: f64::NEG_INFINITY,
        upper: 1.0,
    });
    let mut col_lower = vec![-m; d];
    col_lower.extend(vec![0.0; d]);
    col_lower.extend([-m, 0.0]);
    let mut col_upper = vec![m; 2 * d];
    col_upper.extend([m, 1.0]);
    let problem = LpProblem {
        costs: vec![0.0; 2 * d + 2],
        col_lower,
        col_upper,
        rows,
    };
    let mut engine = LpBackend::default().create(&problem);
    let mut out = Vec::with_capacity(xs.len());
    for x in xs {
        let mut bound = [0.0; 2];
        for (slot, sign) in [(0, 1.0), (1, -1.0)] {
            let mut costs = vec![0.0; 2 * d + 2];
            for (c, v) in costs.iter_mut().zip(x) {
                *c = sign * v;
            }
            costs[bcol] = sign;
            engine.set_objective(&costs);
            let status = engine.solve(&LpLimits::default());
            if status != LpStatus::Optimal {
                return Err(Error::Invalid(format!("the bound LP ended {status:?}")));
            }
            bound[slot] = sign * engine.objective();
        }
        // Round outwards so that LP tolerances never cut off a feasible point.
        let slack = 1e-7 * (1.0 + bound[0].abs().max(bound[1].abs()));
        out.push((bound[0] - slack, bound[1] + slack));
    }
    Ok(out)
}

/// Builds the pruning MILP on the standardised training samples `xs` with labels `ys`.
pub fn prune_milp(
    xs: &[Vec<f64>],
    ys: &[usize],
    classes: usize,
    options: &PruneOptions,
) -> Result<PruneMilp> {
    let (l, m) = (options.hidden, options.weight_bound);
    if l == 0 {
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
    let d = xs[0].len();
    let sub_x: Vec<Vec<f64>> = samples.iter().map(|&n| xs[n].clone()).collect();
    let pre_bounds = lp_bounds(&sub_x, m, options.l1, options.neuron_penalty)?;
    let tighter_than_interval = sub_x
        .iter()
        .zip(&pre_bounds)
        .filter(|(x, b)| b.1 < m * (x.iter().map(|v| v.abs()).sum::<f64>() + 1.0) - 1e-6)
        .count();
    let h_max = pre_bounds.iter().map(|b| b.1.max(0.0)).fold(0.0, f64::max) * l as f64;
    let e_bound = 1.0 + 2.0 * h_max;
    let n_s = samples.len() as f64;

    let mut model = Model::new("prune");
    let mut objective_row = Vec::new();
    let s: Vec<usize> = (0..l)
        .map(|i| {
            model.add_variable(
                &format!("s_{i}"),
                VarKind::Binary,
                0.0,
                1.0,
                options.neuron_penalty,
            )
        })
        .collect();
    objective_row.extend(s.iter().map(|&c| (c, options.neuron_penalty)));
    let mut w = Vec::with_capacity(l * d);
    let mut a_cols = Vec::with_capacity(l * d);
    for (i, &si) in s.iter().enumerate() {
        for j in 0..d {
            let wc = model.add_variable(&format!("w_{i}_{j}"), VarKind::Continuous, -m, m, 0.0);
            let ac = model.add_variable(
                &format!("a_{i}_{j}"),
                VarKind::Continuous,
                0.0,
                m,
                options.l1,
            );
            objective_row.push((ac, options.l1));
            model.add_row(
                &format!("abs1_{i}_{j}"),
                f64::NEG_INFINITY,
                0.0,
                &[(wc, 1.0), (ac, -1.0)],
            );
            model.add_row(
                &format!("abs2_{i}_{j}"),
                0.0,
                f64::INFINITY,
                &[(wc, 1.0), (ac, 1.0)],
            );
            model.add_row(
                &format!("keep_{i}_{j}"),
                f64::NEG_INFINITY,
                0.0,
                &[(ac, 1.0), (si, -m)],
            );
            w.push(wc);
            a_cols.push(ac);
        }
    }
    let b: Vec<usize> = s
        .iter()
        .enumerate()
        .map(|(i, &si)| {
            let bc = model.add_variable(&format!("b_{i}"), VarKind::Continuous, -m, m, 0.0);
            model.add_row(
                &format!("bub_{i}"),
                f64::NEG_INFINITY,
                0.0,
                &[(bc, 1.0), (si, -m)],
            );
            model.add_row(
                &format!("blb_{i}"),
                0.0,
                f64::INFINITY,
                &[(bc, 1.0), (s[i], m)],
            );
            bc
        })
        .collect();
    let mut u_plus = Vec::with_capacity(classes * l);
    let mut u_minus = Vec::with_capacity(classes * l);
    for c in 0..classes {
        for (i, &si) in s.iter().enumerate() {
            let up = model.add_variable(
                &format!("up_{c}_{i}"),
                VarKind::Binary,
                0.0,
                1.0,
                options.l1,
            );
            let um = model.add_variable(
                &format!("um_{c}_{i}"),
                VarKind::Binary,
                0.0,
                1.0,
                options.l1,
            );
            objective_row.extend([(up, options.l1), (um, options.l1)]);
            model.add_row(
                &format!("usign_{c}_{i}"),
                f64::NEG_INFINITY,
                0.0,
                &[(up, 1.0), (um, 1.0), (si, -1.0)],
            );
            u_plus.push(up);
            u_minus.push(um);
        }
    }
    let e: Vec<usize> = (0..classes)
        .map(|c| {
            let bound = if c == 0 { 0.0 } else { e_bound };
            model.add_variable(&format!("e_{c}"), VarKind::Continuous, -bound, bound, 0.0)
        })
        .collect();
    let mut units = Vec::new();
    let (mut xi_cols, mut hinge, mut labels) = (Vec::new(), Vec::new(), Vec::new());
    let (mut unit_cols, mut product_cols) = (Vec::new(), Vec::new());
    for (k, (&n, &(lo, up))) in samples.iter().zip(&pre_bounds).enumerate() {
        let x = &xs[n];
        let mut outputs: Vec<Vec<(usize, f64)>> = e.iter().map(|&ec| vec![(ec, 1.0)]).collect();
        let mut sample_units = Vec::with_capacity(l);
        let mut sample_products = vec![(usize::MAX, usize::MAX); classes * l];
        for i in 0..l {
            let mut expr: Vec<(usize, f64)> = (0..d).map(|j| (w[i * d + j], x[j])).collect();
            expr.push((b[i], 1.0));
            let unit = relu(&mut model, &format!("h_{i}_{k}"), &expr, 0.0, lo, up);
            units.push(ReluUnit {
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
            sample_units.push((unit.post, unit.indicator));
            let Some(h) = unit.post else { continue };
            for (c, out) in outputs.iter_mut().enumerate() {
                let rp = binary_product(
                    &mut model,
                    &format!("rp_{c}_{i}_{k}"),
                    h,
                    up,
                    u_plus[c * l + i],
                );
                let rm = binary_product(
                    &mut model,
                    &format!("rm_{c}_{i}_{k}"),
                    h,
                    up,
                    u_minus[c * l + i],
                );
                out.extend([(rp, 1.0), (rm, -1.0)]);
                sample_products[c * l + i] = (rp, rm);
            }
        }
        unit_cols.push(sample_units);
        product_cols.push(sample_products);
        let xi = model.add_variable(
            &format!("xi_{k}"),
            VarKind::Continuous,
            0.0,
            f64::INFINITY,
            1.0 / n_s,
        );
        objective_row.push((xi, 1.0 / n_s));
        let y = ys[n];
        let mut sample_rows = Vec::new();
        for c in (0..classes).filter(|&c| c != y) {
            let mut row = outputs[y].clone();
            row.extend(outputs[c].iter().map(|&(j, a)| (j, -a)));
            row.push((xi, 1.0));
            sample_rows.push((
                c,
                model.add_row(&format!("hinge_{k}_{c}"), 1.0, f64::INFINITY, &row),
            ));
        }
        xi_cols.push(xi);
        hinge.push(sample_rows);
        labels.push(y);
    }
    model.add_row(
        "objective_le_all_off",
        f64::NEG_INFINITY,
        1.0,
        &objective_row,
    );
    if options.symmetry_breaking {
        let key = |i: usize, sign: f64| {
            let mut k = vec![(s[i], sign * (classes as f64 + 1.0))];
            for c in 0..classes {
                k.push((u_plus[c * l + i], sign));
                k.push((u_minus[c * l + i], sign));
            }
            k
        };
        for i in 0..l.saturating_sub(1) {
            let mut row = key(i, 1.0);
            row.extend(key(i + 1, -1.0));
            model.add_row(&format!("order_{i}"), 0.0, f64::INFINITY, &row);
        }
    }
    model.relu = Some(ReluStructure {
        units,
        ..ReluStructure::default()
    });
    Ok(PruneMilp {
        model,
        samples,
        pre_bounds,
        tighter_than_interval,
        widths: vec![d, l, classes],
        labels,
        options: options.clone(),
        units: unit_cols,
        products: product_cols,
        a: a_cols,
        xi: xi_cols,
        hinge,
        w,
        b,
        s,
        u_plus,
        u_minus,
        e,
    })
}

impl PruneMilp {
    /// The network of a solution (standardised inputs): pruned neurons and weights
    /// below `1e-9` in magnitude are exactly zero; output weights are rounded.
    pub fn params(&self, x: &[f64]) -> Params {
        let (d, l, classes) = (self.widths[0], self.widths[1], self.widths[2]);
        let mut first = vec![0.0; l * d];
        let mut bias = vec![0.0; l];
        let mut out = vec![0.0; classes * l];
        for i in 0..l {
            if x[self.s[i]].round() == 0.0 {
                continue;
            }
            for j in 0..d {
                let v = x[self.w[i * d + j]];
                first[i * d + j] = if v.abs() < 1e-9 { 0.0 } else { v };
            }
            bias[i] = x[self.b[i]];
            for c in 0..classes {
                out[c * l + i] =
                    x[self.u_plus[c * l + i]].round() - x[self.u_minus[c * l + i]].round();
            }
        }
        Params {
            widths: self.widths.clone(),
            weights: vec![first, out],
            biases: vec![bias, self.e.iter().map(|&c| x[c]).collect()],
        }
    }

    /// The MILP point of a network whose output weights are in `{-1, 0, +1}` and whose
    /// output bias of class 0 is zero (`xs`: the standardised training samples the
    /// MILP indexes into). Every other column follows from these: `s_i = 1` iff neuron
    /// `i` has a nonzero weight or bias, hidden values and indicators by a forward pass,
    /// products, and the hinge slacks. Whether the point satisfies every row (weight
    /// bounds, the objective row) is for the solver's check to decide.
    pub fn complete(&self, xs: &[Vec<f64>], params: &Params) -> Vec<f64> {
        let (d, l, classes) = (self.widths[0], self.widths[1], self.widths[2]);
        let mut x = vec![0.0; self.model.num_cols()];
        let (first, bias) = (&params.weights[0], &params.biases[0]);
        let (out, out_bias) = (&params.weights[1], &params.biases[1]);
        for i in 0..l {
            let used = bias[i] != 0.0
                || first[i * d..(i + 1) * d].iter().any(|v| *v != 0.0)
                || (0..classes).any(|c| out[c * l + i] != 0.0);
            x[self.s[i]] = f64::from(u8::from(used));
            for j in 0..d {
                x[self.w[i * d + j]] = first[i * d + j];
                x[self.a[i * d + j]] = first[i * d + j].abs();
            }
            x[self.b[i]] = bias[i];
            for c in 0..classes {
                let u = out[c * l + i];
                x[self.u_plus[c * l + i]] = f64::from(u8::from(u > 0.5));
                x[self.u_minus[c * l + i]] = f64::from(u8::from(u < -0.5));
            }
        }
        for (c, &col) in self.e.iter().enumerate() {
            x[col] = out_bias[c];
        }
        for (k, &n) in self.samples.iter().enumerate() {
            let mut scores = out_bias.clone();
            for i in 0..l {
                let pre = bias[i]
                    + first[i * d..(i + 1) * d]
                        .iter()
                        .zip(&xs[n])
                        .map(|(w, v)| w * v)
                        .sum::<f64>();
                let h = pre.max(0.0);
                let (post, indicator) = self.units[k][i];
                if let Some(col) = post {
                    x[col] = h;
                }
                if let Some(col) = indicator {
                    x[col] = f64::from(u8::from(pre > 0.0));
                }
                for c in 0..classes {
                    let (rp, rm) = self.products[k][c * l + i];
                    if rp == usize::MAX {
                        continue;
                    }
                    x[rp] = h * x[self.u_plus[c * l + i]];
                    x[rm] = h * x[self.u_minus[c * l + i]];
                    scores[c] += h * (x[self.u_plus[c * l + i]] - x[self.u_minus[c * l + i]]);
                }
            }
            let y = self.labels[k];
            let worst = (0..classes)
                .filter(|&c| c != y)
                .map(|c| 1.0 - (scores[y] - scores[c]))
                .fold(0.0, f64::max);
            x[self.xi[k]] = worst;
        }
        x
    }

    /// The better (lower objective) feasible point of the all-off network and
    /// [`ternary_start`], if either is feasible.
    pub fn warm_start(&self, xs: &[Vec<f64>]) -> Result<Option<Vec<f64>>> {
        let (d, l, classes) = (self.widths[0], self.widths[1], self.widths[2]);
        let off = Params {
            widths: self.widths.clone(),
            weights: vec![vec![0.0; l * d], vec![0.0; classes * l]],
            biases: vec![vec![0.0; l], vec![0.0; classes]],
        };
        let sub_x: Vec<Vec<f64>> = self.samples.iter().map(|&n| xs[n].clone()).collect();
        let mut trained = ternary_start(
            &sub_x,
            &self.labels,
            classes,
            l,
            self.options.weight_bound,
            self.options.seed,
        )?;
        for (c, &col) in self.e.iter().enumerate() {
            let v = &self.model.variables[col];
            trained.biases[1][c] = trained.biases[1][c].clamp(v.lower, v.upper);
        }
        let trained = sorted_by_key(&trained);
        let tolerances = crate::model::Tolerances::default();
        let best = [off, trained]
            .iter()
            .map(|p| self.complete(xs, p))
            .filter(|x| check_solution(&self.model, x, &tolerances).is_feasible())
            .min_by(|a, b| {
                self.model
                    .objective_value(a)
                    .total_cmp(&self.model.objective_value(b))
            });
        Ok(best)
    }

    /// Number of hidden neurons switched off in a solution.
    pub fn pruned_neurons(&self, x: &[f64]) -> usize {
        self.s.iter().filter(|&&c| x[c].round() == 0.0).count()
    }
}

/// A starting network for the pruning MILP: a network of the same shape trained by
/// Adam (200 epochs, batch 16, step 0.01) on the standardised samples, rescaled per
/// hidden neuron so that its largest outgoing weight has magnitude 1 (ReLU is
/// positively homogeneous, so the function is unchanged), outgoing weights then
/// rounded to `{-1, 0, +1}`, all first-layer weights scaled into `[-M, M]` (which
/// scales every score alike), and output biases shifted so that class 0's is zero.
pub fn ternary_start(
    xs: &[Vec<f64>],
    ys: &[usize],
    classes: usize,
    hidden: usize,
    weight_bound: f64,
    seed: u64,
) -> Result<Params> {
    let d = xs.first().map_or(0, Vec::len);
    let task = ClassificationTask {
        train_x: xs.to_vec(),
        train_y: ys.to_vec(),
        test_x: Vec::new(),
        test_y: Vec::new(),
        classes,
        standardizer: Standardizer {
            mean: vec![0.0; d],
            scale: vec![1.0; d],
        },
    };
    let trained = train_adam(
        &task,
        &AdamOptions {
            widths: vec![d, hidden, classes],
            epochs: 200,
            batch: 16,
            learning_rate: 0.01,
            seed,
            deadline: None,
        },
    )?
    .params;
    let mut p = trained.clone();
    for i in 0..hidden {
        let alpha = (0..classes)
            .map(|c| trained.weights[1][c * hidden + i].abs())
            .fold(0.0, f64::max);
        for c in 0..classes {
            let u = if alpha > 0.0 {
                trained.weights[1][c * hidden + i] / alpha
            } else {
                0.0
            };
            p.weights[1][c * hidden + i] = if u > 0.5 {
                1.0
            } else if u < -0.5 {
                -1.0
            } else {
                0.0
            };
        }
        for v in &mut p.weights[0][i * d..(i + 1) * d] {
            *v *= alpha;
        }
        p.biases[0][i] *= alpha;
    }
    let largest = p.weights[0]
        .iter()
        .chain(&p.biases[0])
        .fold(0.0, |m: f64, v| m.max(v.abs()));
    let gamma = if largest > weight_bound {
        weight_bound / largest
    } else {
        1.0
    };
    for v in p.weights[0].iter_mut().chain(p.biases[0].iter_mut()) {
        *v *= gamma;
    }
    let e0 = trained.biases[1][0];
    for c in 0..classes {
        p.biases[1][c] = gamma * (trained.biases[1][c] - e0);
    }
    Ok(p)
}

/// The same network with its hidden neurons sorted by decreasing symmetry-breaking
/// key `(C + 1) s_i + (number of nonzero outgoing weights)` (a stable sort).
fn sorted_by_key(p: &Params) -> Params {
    let (d, l, classes) = (p.widths[0], p.widths[1], p.widths[2]);
    let key = |i: usize| {
        let outgoing = (0..classes)
            .filter(|&c| p.weights[1][c * l + i] != 0.0)
            .count();
        let used = outgoing > 0
            || p.biases[0][i] != 0.0
            || p.weights[0][i * d..(i + 1) * d].iter().any(|v| *v != 0.0);
        usize::from(used) * (classes + 1) + outgoing
    };
    let mut order: Vec<usize> = (0..l).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(key(i)));
    let mut q = p.clone();
    for (new, &old) in order.iter().enumerate() {
        q.weights[0][new * d..(new + 1) * d].copy_from_slice(&p.weights[0][old * d..(old + 1) * d]);
        q.biases[0][new] = p.biases[0][old];
        for c in 0..classes {
            q.weights[1][c * l + new] = p.weights[1][c * l + old];
        }
    }
    q
}

/// The outcome of [`train_prune`].
#[derive(Clone, Debug)]
pub struct PruneOutcome {
    /// The search result.
    pub result: SolveResult,
    /// The trained network's parameters (standardised inputs), if a solution exists.
    pub params: Option<Params>,
    /// Hidden neurons switched off.
    pub pruned_neurons: usize,
    /// Zero weights (both layers, biases not counted).
    pub zero_weights: usize,
    /// All weights (both layers).
    pub total_weights: usize,
    /// Samples in the MILP.
    pub milp_samples: usize,
    /// Samples whose LP big-M bounds are tighter than interval bounds.
    pub tighter_than_interval: usize,
    /// Largest difference between the MILP's outputs and a forward pass.
    pub max_output_mismatch: f64,
}

/// Builds and solves the pruning MILP on `xs`/`ys`, then checks by a forward pass
/// that the network's outputs agree with the MILP's on every sample in it.
pub fn train_prune(
    xs: &[Vec<f64>],
    ys: &[usize],
    classes: usize,
    options: &PruneOptions,
    settings: &Settings,
    sink: &dyn ProgressSink,
) -> Result<PruneOutcome> {
    let milp = prune_milp(xs, ys, classes, options)?;
    solve_prune(&milp, xs, settings, sink)
}

/// Solves a built pruning MILP; see [`train_prune`].
pub fn solve_prune(
    milp: &PruneMilp,
    xs: &[Vec<f64>],
    settings: &Settings,
    sink: &dyn ProgressSink,
) -> Result<PruneOutcome> {
    let mut settings = settings.clone();
    if milp.options.warm_start && settings.initial_solution.is_none() {
        settings.initial_solution = milp.warm_start(xs)?;
    }
    let result = solve(&milp.model, &settings, sink)?;
    let mut outcome = PruneOutcome {
        params: None,
        pruned_neurons: 0,
        zero_weights: 0,
        total_weights: 0,
        milp_samples: milp.samples.len(),
        tighter_than_interval: milp.tighter_than_interval,
        max_output_mismatch: 0.0,
        result,
    };
    let Some(mut x) = outcome.result.solution.clone() else {
        return Ok(outcome);
    };
    // Polish: binaries fixed, LP re-solved, so that the outputs hold with LP accuracy.
    let mut fixed = milp.model.clone();
    for (var, &value) in fixed.variables.iter_mut().zip(&x) {
        if var.kind.is_integral() {
            var.lower = value.round();
            var.upper = value.round();
        }
    }
    let lp_settings = Settings {
        threads: 1,
        time_limit: Some(std::time::Duration::from_secs(60)),
        ..settings.clone()
    };
    let polished = solve(&fixed, &lp_settings, &NoProgress)?;
    if let (Status::Optimal, Some(xp)) = (polished.status, polished.solution) {
        x = xp;
    }
    let params = milp.params(&x);
    let net = params.network()?;
    let mut mismatch: f64 = 0.0;
    let mut scale: f64 = 1.0;
    for (k, &n) in milp.samples.iter().enumerate() {
        let out = net.forward(&xs[n]);
        scale = scale.max(out.iter().fold(0.0, |a, v| a.max(v.abs())));
        // Hinge row of class c: out_y - out_c + xi >= 1.
        let y = milp.labels[k];
        for &(c, row) in &milp.hinge[k] {
            let milp_margin = milp.model.rows[row].activity(&x) - x[milp.xi[k]];
            mismatch = mismatch.max((milp_margin - (out[y] - out[c])).abs());
        }
    }
    if mismatch > 1e-5 * (1.0 + scale) {
        return Err(Error::Invalid(format!(
            "the network read from the MILP solution disagrees with the MILP's outputs by {mismatch:.3e}: refusing the answer"
        )));
    }
    outcome.max_output_mismatch = mismatch;
    outcome.pruned_neurons = milp.pruned_neurons(&x);
    let all: Vec<f64> = params.weights.iter().flatten().copied().collect();
    outcome.total_weights = all.len();
    outcome.zero_weights = all.iter().filter(|v| **v == 0.0).count();
    outcome.params = Some(params);
    Ok(outcome)
}
