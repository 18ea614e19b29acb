//! The sparsity MILP (seeds 000/001): the one-hidden-layer ReLU network
//! `f(x) = sum_i v_i max(0, w_i.x + b_i)` with the fewest nonzero first-layer weights
//! that fits every sample within a tolerance.
//!
//! # Why Lemma 1 makes it a MILP
//! With real outer weights `v_i` the fit `sum_i v_i max(0, w_i.x^n + b_i) = y^n` has
//! products of two variables (`p_i^n v_i`, and `w_ij v_i` in the sparsity bound), so
//! it is not linear. ReLU is positively homogeneous (`c max(0, a) = max(0, c a)` for
//! `c >= 0`), so neuron `i` can be rescaled: `v_i' = sign(v_i)`, `w_i' = |v_i| w_i`,
//! `b_i' = |v_i| b_i` computes the same function, with `v_i'` in `{-1, 0, +1}` and the
//! same zero pattern of `w_i` (for `v_i != 0`; a neuron with `v_i = 0` is dropped).
//! With `v_i = v_i^+ - v_i^-` for binaries `v_i^+ + v_i^- <= 1`, every product
//! `p_i^n v_i^{+/-}` is a bounded continuous variable times a binary, which
//! [`binary_product`] linearises exactly. The seed's bound `|w_ij v_i| <= M t_ij`
//! becomes `|w_ij| <= M t_ij` on the rescaled weights.
//!
//! # The model
//! Variables `w_ij in [-M, M]`, `b_i in [-M R, B]`, `t_ij, v_i^+, v_i^-, z_i^n` binary,
//! `p_i^n in [0, U^n]`, `q_i^n in [0, -L^n]`, `r_i^{n+}, r_i^{n-}` (the products).
//! Rows: `w_i.x^n + b_i = p_i^n - q_i^n`; `p_i^n <= U^n z_i^n`;
//! `q_i^n <= -L^n (1 - z_i^n)` (`z = 1`: active); `|y^n - sum_i (r_i^{n+} - r_i^{n-})|
//! <= eps`; `-M t_ij <= w_ij <= M t_ij`; `v_i^+ + v_i^- <= 1`; and the valid
//! inequality `p_i^n <= U^n (v_i^+ + v_i^-)` (a neuron with `v_i = 0` can be set to
//! `w_i = 0, b_i = 0` without changing anything). Objective: `min sum t_ij`.
//!
//! # Big-M values (from the weight bound `M` and the data)
//! With `R_n = ||x^n||_1` and `R = max_n R_n`: `|w_i.x^n| <= M R_n`. A bias below
//! `-M R` makes the neuron inactive on every sample, like `b_i = -M R`, so that
//! lower bound costs nothing. The upper bias bound `B` is a modelling bound (an
//! always-active neuron adds a constant through its bias); by default
//! `B = M R + max_n |y^n|`. Hence `L^n = -M (R_n + R)` and `U^n = M R_n + B`.
//!
//! # Symmetry breaking
//! Permuting hidden neurons maps solutions to solutions of equal cost. Each neuron
//! gets the key `k_i = 2(d+1) v_i^+ + (d+1) v_i^- + sum_j t_ij`, which orders
//! lexicographically by (positive outer weight, negative outer weight, number of
//! nonzeros), since `sum_j t_ij <= d`; the rows `k_1 >= k_2 >= ... >= k_l` keep only
//! the permutations sorted by key. Every solution has such a permutation (sort the
//! neurons by key), with the same cost, so the optimum is unchanged.

use super::encode::binary_product;
use crate::data::Dataset;
use crate::error::{Error, Result};
use crate::model::{Affine, Model, ReluStructure, ReluUnit, VarKind};
use crate::nn::{Activation, Layer, Network};
use crate::search::{solve, ProgressSink, Settings, SolveResult, Status};
use std::time::Instant;

/// Options of the sparsity MILP.
#[derive(Clone, Debug, PartialEq)]
pub struct SparsityOptions {
    /// Width `l` of the hidden layer.
    pub hidden: usize,
    /// Fit tolerance `eps`: `|f(x^n) - y^n| <= eps` (0 = exact).
    pub tolerance: f64,
    /// Bound `M` on the first-layer weights `|w_ij|`.
    pub weight_bound: f64,
    /// Upper bound `B` on the biases (default `M R + max |y|`, see the module notes).
    pub bias_bound: Option<f64>,
    /// Add the symmetry-breaking rows between hidden neurons.
    pub symmetry_breaking: bool,
}

impl Default for SparsityOptions {
    fn default() -> Self {
        SparsityOptions {
            hidden: 2,
            tolerance: 0.0,
            weight_bound: 1.0,
            bias_bound: None,
            symmetry_breaking: true,
        }
    }
}

/// The sparsity MILP with the columns needed to read a network from a solution.
#[derive(Clone, Debug)]
pub struct SparsityMilp {
    /// The model (with a ReLU annotation of the indicators).
    pub model: Model,
    /// Width of the hidden layer.
    pub hidden: usize,
    /// Number of inputs.
    pub inputs: usize,
    /// Bias interval `[-M R, B]`.
    pub bias_range: (f64, f64),
    /// Pre-activation bounds `(L^n, U^n)` per sample.
    pub pre_bounds: Vec<(f64, f64)>,
    /// Fit tolerance `eps`.
    pub tolerance: f64,
    columns: ParameterColumns,
}

/// Columns of the network's parameters (index `i * d + j` for the first-layer
/// weights).
#[derive(Clone, Debug)]
pub(super) struct ParameterColumns {
    /// `w_ij`: first-layer weights.
    pub(super) weights: Vec<usize>,
    /// `t_ij`: weight `w_ij` may be nonzero.
    pub(super) support: Vec<usize>,
    /// `b_i`: hidden biases.
    pub(super) biases: Vec<usize>,
    /// `v_i^+`: outer weight `+1`.
    pub(super) v_plus: Vec<usize>,
    /// `v_i^-`: outer weight `-1`.
    pub(super) v_minus: Vec<usize>,
}

/// Builds the sparsity MILP of `data` (targets are the regression values).
///
/// Fails with [`Error::Invalid`] for an empty data set, a zero width, or a negative
/// or non-finite tolerance or bound.
pub fn sparsity_milp(data: &Dataset, options: &SparsityOptions) -> Result<SparsityMilp> {
    check_options(data, options)?;
    let (l, d) = (options.hidden, data.num_features());
    let BigM {
        bias_range,
        pre_bounds,
    } = big_m_values(data, options)?;
    let mut model = Model::new("sparsity");
    let columns = add_parameter_columns(&mut model, l, d, options.weight_bound, bias_range);
    let mut units = Vec::with_capacity(l * data.len());
    for (n, (x, &y)) in data.features.iter().zip(&data.targets).enumerate() {
        let sample = Sample {
            index: n,
            features: x,
            target: y,
            pre_bounds: pre_bounds[n],
        };
        add_sample(
            &mut model,
            &columns,
            d,
            &sample,
            options.tolerance,
            &mut units,
        );
    }
    if options.symmetry_breaking {
        add_symmetry_breaking(&mut model, &columns, l, d);
    }
    model.relu = Some(ReluStructure {
        units,
        ..ReluStructure::default()
    });
    Ok(SparsityMilp {
        model,
        hidden: l,
        inputs: d,
        bias_range,
        pre_bounds,
        tolerance: options.tolerance,
        columns,
    })
}

/// Fails for an empty data set, a zero width, or a non-positive weight bound or
/// negative tolerance (or either not finite).
fn check_options(data: &Dataset, options: &SparsityOptions) -> Result<()> {
    let (m, eps) = (options.weight_bound, options.tolerance);
    if data.is_empty() || data.num_features() == 0 {
        return Err(Error::Invalid(format!("{}: no samples", data.source)));
    }
    if options.hidden == 0 {
        return Err(Error::Invalid(
            "the hidden layer needs at least one neuron".into(),
        ));
    }
    if !(m.is_finite() && m > 0.0) {
        return Err(Error::Invalid(format!(
            "the weight bound must be a positive number, got {m}"
        )));
    }
    if !(eps.is_finite() && eps >= 0.0) {
        return Err(Error::Invalid(format!(
            "the tolerance must be a non-negative number, got {eps}"
        )));
    }
    Ok(())
}

/// The bounds the big-M values come from (see the module notes).
struct BigM {
    /// Bias interval `[-M R, B]`.
    bias_range: (f64, f64),
    /// Pre-activation bounds `(L^n, U^n)` per sample.
    pre_bounds: Vec<(f64, f64)>,
}

/// The bias interval and the pre-activation bounds of each sample; fails for a
/// negative or non-finite bias bound.
fn big_m_values(data: &Dataset, options: &SparsityOptions) -> Result<BigM> {
    let m = options.weight_bound;
    let norms: Vec<f64> = data
        .features
        .iter()
        .map(|x| x.iter().map(|v| v.abs()).sum())
        .collect();
    let r = norms.iter().copied().fold(0.0, f64::max);
    let y_max = data.targets.iter().map(|y| y.abs()).fold(0.0, f64::max);
    let bias_upper = options.bias_bound.unwrap_or(m * r + y_max);
    if !(bias_upper.is_finite() && bias_upper >= 0.0) {
        return Err(Error::Invalid(format!(
            "the bias bound must be a non-negative number, got {bias_upper}"
        )));
    }
    let pre_bounds = norms
        .iter()
        .map(|&rn| (-m * (rn + r), m * rn + bias_upper))
        .collect();
    Ok(BigM {
        bias_range: (-m * r, bias_upper),
        pre_bounds,
    })
}

/// The columns `w_ij`, `t_ij`, `b_i`, `v_i^+`, `v_i^-` (in this order) and the rows
/// `v_i^+ + v_i^- <= 1` and `-M t_ij <= w_ij <= M t_ij`.
fn add_parameter_columns(
    model: &mut Model,
    l: usize,
    d: usize,
    m: f64,
    bias_range: (f64, f64),
) -> ParameterColumns {
    let mut weights = Vec::with_capacity(l * d);
    let mut support = Vec::with_capacity(l * d);
    for i in 0..l {
        for j in 0..d {
            let name = format!("w_{i}_{j}");
            weights.push(model.add_variable(&name, VarKind::Continuous, -m, m, 0.0));
        }
    }
    for i in 0..l {
        for j in 0..d {
            let name = format!("t_{i}_{j}");
            support.push(model.add_variable(&name, VarKind::Binary, 0.0, 1.0, 1.0));
        }
    }
    let (bias_lower, bias_upper) = bias_range;
    let biases: Vec<usize> = (0..l)
        .map(|i| {
            let name = format!("b_{i}");
            model.add_variable(&name, VarKind::Continuous, bias_lower, bias_upper, 0.0)
        })
        .collect();
    let v_plus: Vec<usize> = (0..l)
        .map(|i| model.add_variable(&format!("vp_{i}"), VarKind::Binary, 0.0, 1.0, 0.0))
        .collect();
    let v_minus: Vec<usize> = (0..l)
        .map(|i| model.add_variable(&format!("vm_{i}"), VarKind::Binary, 0.0, 1.0, 0.0))
        .collect();
    for i in 0..l {
        let sign = [(v_plus[i], 1.0), (v_minus[i], 1.0)];
        model.add_row(&format!("sign_{i}"), f64::NEG_INFINITY, 1.0, &sign);
        for j in 0..d {
            let (w, t) = (weights[i * d + j], support[i * d + j]);
            model.add_row(
                &format!("wub_{i}_{j}"),
                f64::NEG_INFINITY,
                0.0,
                &[(w, 1.0), (t, -m)],
            );
            model.add_row(
                &format!("wlb_{i}_{j}"),
                0.0,
                f64::INFINITY,
                &[(w, 1.0), (t, m)],
            );
        }
    }
    ParameterColumns {
        weights,
        support,
        biases,
        v_plus,
        v_minus,
    }
}

/// One sample of the data with its pre-activation bounds.
struct Sample<'a> {
    /// Index `n` of the sample.
    index: usize,
    /// Features `x^n`.
    features: &'a [f64],
    /// Target `y^n`.
    target: f64,
    /// Pre-activation bounds `(L^n, U^n)`.
    pre_bounds: (f64, f64),
}

/// The columns and rows of one sample (with `d` features): per hidden neuron `p_i^n`, `q_i^n`, `z_i^n`
/// with the ReLU rows, the valid inequality on `v_i`, and the products with `v_i^+`
/// and `v_i^-`; then the fit row `|y^n - sum_i (r_i^{n+} - r_i^{n-})| <= eps`. The
/// ReLU units are appended to `units`.
fn add_sample(
    model: &mut Model,
    columns: &ParameterColumns,
    d: usize,
    sample: &Sample<'_>,
    eps: f64,
    units: &mut Vec<ReluUnit>,
) {
    let (n, x, y) = (sample.index, sample.features, sample.target);
    let (lo, up) = sample.pre_bounds;
    let l = columns.biases.len();
    let mut output = Vec::with_capacity(2 * l);
    for i in 0..l {
        let p = model.add_variable(&format!("p_{i}_{n}"), VarKind::Continuous, 0.0, up, 0.0);
        let q = model.add_variable(&format!("q_{i}_{n}"), VarKind::Continuous, 0.0, -lo, 0.0);
        let z = model.add_variable(&format!("z_{i}_{n}"), VarKind::Binary, 0.0, 1.0, 0.0);
        let mut affine: Vec<(usize, f64)> = x
            .iter()
            .enumerate()
            .map(|(j, &xj)| (columns.weights[i * d + j], xj))
            .collect();
        affine.push((columns.biases[i], 1.0));
        let pre_activation = Affine {
            bias: 0.0,
            terms: affine.clone(),
        };
        affine.extend([(p, -1.0), (q, 1.0)]);
        model.add_row(&format!("pre_{i}_{n}"), 0.0, 0.0, &affine);
        let active = [(p, 1.0), (z, -up)];
        model.add_row(&format!("act_{i}_{n}"), f64::NEG_INFINITY, 0.0, &active);
        // q <= -lo (1 - z)  <=>  q - lo z <= -lo
        let inactive = [(q, 1.0), (z, -lo)];
        model.add_row(&format!("inact_{i}_{n}"), f64::NEG_INFINITY, -lo, &inactive);
        let (v_plus, v_minus) = (columns.v_plus[i], columns.v_minus[i]);
        let used = [(p, 1.0), (v_plus, -up), (v_minus, -up)];
        model.add_row(&format!("used_{i}_{n}"), f64::NEG_INFINITY, 0.0, &used);
        let rp = binary_product(model, &format!("rp_{i}_{n}"), p, up, v_plus);
        let rm = binary_product(model, &format!("rm_{i}_{n}"), p, up, v_minus);
        output.push((rp, 1.0));
        output.push((rm, -1.0));
        units.push(ReluUnit {
            layer: 0,
            neuron: i,
            sample: Some(n),
            pre: None,
            post: Some(p),
            indicator: Some(z),
            pre_bounds: (lo, up),
            affine: Some(pre_activation),
        });
    }
    model.add_row(&format!("fit_{n}"), y - eps, y + eps, &output);
}

/// The rows `k_i >= k_{i+1}` on the keys `k_i = 2(d+1) v_i^+ + (d+1) v_i^- + sum_j
/// t_ij` (see the module notes).
fn add_symmetry_breaking(model: &mut Model, columns: &ParameterColumns, l: usize, d: usize) {
    let key = |i: usize, sign: f64| {
        let mut e: Vec<(usize, f64)> = (0..d).map(|j| (columns.support[i * d + j], sign)).collect();
        e.push((columns.v_plus[i], sign * 2.0 * (d as f64 + 1.0)));
        e.push((columns.v_minus[i], sign * (d as f64 + 1.0)));
        e
    };
    for i in 0..l.saturating_sub(1) {
        let mut e = key(i, 1.0);
        e.extend(key(i + 1, -1.0));
        model.add_row(&format!("order_{i}"), 0.0, f64::INFINITY, &e);
    }
}

impl SparsityMilp {
    /// The columns of the network's parameters.
    pub(super) fn parameter_columns(&self) -> &ParameterColumns {
        &self.columns
    }

    /// The activation indicator `z_i^n` of hidden neuron `i` on sample `n`.
    pub(super) fn indicator_column(&self, neuron: usize, sample: usize) -> Option<usize> {
        self.model
            .relu
            .as_ref()?
            .units
            .iter()
            .find(|u| u.neuron == neuron && u.sample == Some(sample))?
            .indicator
    }

    /// The network of a solution: `v_i = round(v_i^+ - v_i^-)`, `w_ij = 0` where
    /// `t_ij` rounds to 0, and neurons with `v_i = 0` emptied (`w_i = 0, b_i = 0`).
    pub fn network(&self, x: &[f64]) -> Result<Network> {
        let (l, d) = (self.hidden, self.inputs);
        let mut weights = vec![0.0; l * d];
        let mut bias = vec![0.0; l];
        let mut outer = vec![0.0; l];
        for i in 0..l {
            let cols = &self.columns;
            let v = x[cols.v_plus[i]].round() - x[cols.v_minus[i]].round();
            if v == 0.0 {
                continue;
            }
            outer[i] = v;
            bias[i] = x[cols.biases[i]];
            for j in 0..d {
                let k = i * d + j;
                if x[cols.support[k]].round() != 0.0 {
                    weights[k] = x[cols.weights[k]];
                }
            }
        }
        Network::new(vec![
            Layer::new(weights, bias, d, Activation::Relu)?,
            Layer::new(outer, vec![0.0], l, Activation::Identity)?,
        ])
    }

    /// A copy of the model with every binary fixed to its rounded value in `x`: an LP
    /// whose optimum satisfies the rows with LP accuracy instead of the integrality
    /// tolerance.
    pub fn fixed_binaries(&self, x: &[f64]) -> Model {
        let mut fixed = self.model.clone();
        for (var, &value) in fixed.variables.iter_mut().zip(x) {
            if var.kind.is_integral() {
                let v = value.round();
                var.lower = v;
                var.upper = v;
            }
        }
        fixed
    }
}

/// Number of nonzero first-layer weights of a network.
pub fn count_nonzeros(net: &Network) -> usize {
    net.layers()[0]
        .weights()
        .iter()
        .filter(|w| **w != 0.0)
        .count()
}

/// Largest `|f(x^n) - y^n|` over the samples (first output of `net`).
pub fn max_residual(net: &Network, data: &Dataset) -> f64 {
    data.features
        .iter()
        .zip(&data.targets)
        .map(|(x, y)| (net.forward(x)[0] - y).abs())
        .fold(0.0, f64::max)
}

/// The outcome of [`fit_sparse`].
#[derive(Clone, Debug)]
pub struct SparsityOutcome {
    /// The search result (status, objective, bound, gap, statistics).
    pub result: SolveResult,
    /// The network found, checked by a forward pass, if the search found one.
    pub network: Option<Network>,
    /// Nonzero first-layer weights of `network`.
    pub nonzeros: Option<usize>,
    /// Largest residual `|f(x^n) - y^n|` of `network`.
    pub max_residual: Option<f64>,
    /// Residual accepted by the check: `eps + 1e-5 (1 + max |y|)`.
    pub residual_limit: f64,
    /// True when the solution was re-solved with its binaries fixed.
    pub polished: bool,
}

/// Builds and solves the sparsity MILP of `data`; see [`SparsityMilp::solve`].
pub fn fit_sparse(
    data: &Dataset,
    options: &SparsityOptions,
    settings: &Settings,
    sink: &dyn ProgressSink,
) -> Result<SparsityOutcome> {
    sparsity_milp(data, options)?.solve(data, settings, sink)
}

impl SparsityMilp {
    /// Solves the MILP, reads the network from the best solution, polishes it
    /// (binaries fixed, LP re-solved) and checks by a forward pass that every sample
    /// of `data` (the data the MILP was built from) is fitted within
    /// `eps + 1e-5 (1 + max |y|)`.
    ///
    /// Fails if the search fails, or if the network found does not pass the
    /// forward-pass check (never a silent wrong answer).
    pub fn solve(
        &self,
        data: &Dataset,
        settings: &Settings,
        sink: &dyn ProgressSink,
    ) -> Result<SparsityOutcome> {
        let mut settings = settings.clone();
        if settings.initial_solution.is_none() {
            let deadline = settings.time_limit.map(|t| Instant::now() + t.mul_f64(0.5));
            settings.initial_solution = self.gradient_start(data, deadline);
        }
        let result = solve(&self.model, &settings, sink)?;
        let y_max = data.targets.iter().map(|y| y.abs()).fold(0.0, f64::max);
        let residual_limit = self.tolerance + 1e-5 * (1.0 + y_max);
        let mut outcome = SparsityOutcome {
            result,
            network: None,
            nonzeros: None,
            max_residual: None,
            residual_limit,
            polished: false,
        };
        let Some(x) = outcome.result.solution.clone() else {
            return Ok(outcome);
        };
        let lp_settings = Settings {
            threads: 1,
            time_limit: Some(std::time::Duration::from_secs(60)),
            ..settings.clone()
        };
        let mut net = self.network(&x)?;
        let polished = solve(
            &self.fixed_binaries(&x),
            &lp_settings,
            &crate::search::NoProgress,
        )?;
        if let (Status::Optimal, Some(xp)) = (polished.status, &polished.solution) {
            let candidate = self.network(xp)?;
            if max_residual(&candidate, data) <= max_residual(&net, data) {
                net = candidate;
                outcome.polished = true;
            }
        }
        let residual = max_residual(&net, data);
        if residual.is_nan() || residual > residual_limit {
            return Err(Error::Invalid(format!(
                "the network found fits the data only within {residual:.3e}, above the accepted {residual_limit:.3e} (tolerance plus numerical slack): refusing the answer"
            )));
        }
        outcome.nonzeros = Some(count_nonzeros(&net));
        outcome.max_residual = Some(residual);
        outcome.network = Some(net);
        Ok(outcome)
    }
}
