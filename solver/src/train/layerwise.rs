//! Layer-wise MILP training (seed 004, Algorithm 1).
//!
//! Per batch, repeated while the batch accuracy improves (at most `max_rounds`
//! times): from the output layer back to the first hidden layer,
//! 1. the layer's weights are recomputed with its inputs fixed: for a hidden layer
//!    one MILP per neuron (l1 loss against the layer's targets, one indicator per
//!    sample, [`fit_hidden_neuron`]); for the output layer one LP per neuron with the
//!    identity instead of ReLU and the loss (7)/(8) of the seed ([`fit_output_neuron`]);
//! 2. for every layer but the first, the layer's inputs are adjusted with its weights
//!    fixed, per sample, within the bounds (9)
//!    `max(0, 0.9 x~ - 0.1) <= x <= 1.1 x~ + 0.1` ([`adjust_inputs`]); the adjusted
//!    inputs become the targets of the layer before.
//!
//! Weights and biases stay in `[-1, 1]`. From the second batch on, each weight `w`
//! is also kept within the change bound (10) around its value `w~` after the
//! previous batch: `w~ - 0.6 |w~| - 0.01 <= w <= w~ + 0.6 |w~| + 0.01`. After the
//! last batch the output layer is re-fitted on the whole training set by the LP of
//! section 2.3 ([`post_process`]): deviations up to 0.49 are free.
//!
//! Choices where the seed is open:
//! - big-M values are interval bounds of each pre-activation over the weight box (or,
//!   when inputs are adjusted, over the input box (9)), per sample, instead of the
//!   seed's single `M = d (1.1 M~ + 0.1) + 1`: valid and never larger;
//! - every MILP and LP may only improve on the current weights (or inputs): its
//!   objective limit is the current loss, and a run that finds nothing better, or
//!   hits its time limit (`milp_time_limit`) without a solution, keeps them;
//! - the output layer is affine and the predicted class is the argmax of the outputs
//!   (the seed reads "the output closest to one"; for outputs trained towards one-hot
//!   vectors the two agree except when several outputs exceed one);
//! - the weights entering a batch compete for "best accuracy in the while loop"
//!   with those of every round; the post-processing LP is kept only if it does not
//!   lower the training accuracy.

use super::classify::{ClassificationTask, Params};
use super::encode::{affine_range, relu};
use super::metrics::accuracy;
use crate::error::Result;
use crate::model::{Model, VarKind};
use crate::rng::SplitMix64;
use crate::search::{solve, NoProgress, Settings};
use std::time::{Duration, Instant};

/// Options of [`train_layerwise`].
#[derive(Clone, Debug)]
pub struct LayerwiseOptions {
    /// Layer widths, input first, classes last.
    pub widths: Vec<usize>,
    /// Samples per batch (the seed: 100).
    pub batch: usize,
    /// Passes over the training data.
    pub epochs: usize,
    /// Most rounds of Algorithm 1's while loop per batch.
    pub max_rounds: usize,
    /// Time limit of each MILP / LP.
    pub milp_time_limit: Duration,
    /// Seed of the initial weights and of the batch order.
    pub seed: u64,
    /// Stop starting new work after this instant.
    pub deadline: Option<Instant>,
    /// Run the final LP post-processing of the output layer on the training set.
    pub post_process: bool,
    /// Search settings of every MILP (threads, branching, ...; limits are set here).
    pub settings: Settings,
}

/// Counters of a training run.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LayerwiseStats {
    /// Batches trained (over all epochs).
    pub batches: usize,
    /// Rounds of the while loop, over all batches.
    pub rounds: usize,
    /// MILPs solved (hidden neurons and input adjustments with binaries).
    pub milps: usize,
    /// LPs solved (output neurons, output-layer input adjustments, post-processing).
    pub lps: usize,
    /// Solves that improved on the current point.
    pub improved: usize,
    /// Solves stopped by their time limit.
    pub time_limits: usize,
    /// Batch accuracy after each batch.
    pub batch_accuracy: Vec<f64>,
    /// Whether the post-processing LP was kept.
    pub post_processed: bool,
    /// Training accuracy before the post-processing LP.
    pub accuracy_before_post: f64,
    /// True when the deadline stopped the training early.
    pub stopped_by_deadline: bool,
}

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

fn run(model: &Model, settings: &Settings, limit: f64, time: Duration) -> Result<Solved> {
    let settings = Settings {
        time_limit: Some(time),
        objective_limit: Some(limit),
        log_interval: Duration::from_secs(3600),
        ..settings.clone()
    };
    let result = solve(model, &settings, &NoProgress)?;
    Ok(Solved {
        time_limit: result.status == crate::search::Status::TimeLimit,
        values: result.solution,
    })
}

fn dot(w: &[f64], x: &[f64]) -> f64 {
    w.iter().zip(x).map(|(a, b)| a * b).sum()
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
    let loss = |w: &[f64], c: f64| -> f64 {
        inputs
            .iter()
            .zip(targets)
            .map(|(x, t)| ((c + dot(w, x)).max(0.0) - t).abs())
            .sum()
    };
    let mut model = Model::new("hidden_neuron");
    let (w, c) = weight_columns(&mut model, bounds);
    for (k, (x, &t)) in inputs.iter().zip(targets).enumerate() {
        let (lo, up) = affine_range(x, &bounds.lo, &bounds.hi, bounds.bias.0, bounds.bias.1);
        let mut expr: Vec<(usize, f64)> = w.iter().zip(x).map(|(&col, &v)| (col, v)).collect();
        expr.push((c, 1.0));
        let unit = relu(&mut model, &format!("o_{k}"), &expr, 0.0, lo, up);
        model.objective_constant += add_l1_deviation(&mut model, &format!("o_{k}"), unit.post, t);
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
    let loss = |w: &[f64], c: f64| -> f64 {
        inputs
            .iter()
            .zip(targets)
            .map(|(x, &t)| output_loss(c + dot(w, x), t))
            .sum()
    };
    let mut model = Model::new("output_neuron");
    let (w, c) = weight_columns(&mut model, bounds);
    for (k, (x, &t)) in inputs.iter().zip(targets).enumerate() {
        let mut expr: Vec<(usize, f64)> = w.iter().zip(x).map(|(&col, &v)| (col, v)).collect();
        expr.push((c, 1.0));
        add_output_deviation(&mut model, &format!("o_{k}"), &expr, 0.0, t);
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
    let is_output = k + 1 == params.num_layers();
    let d = params.widths[k];
    let weights = &params.weights[k];
    let bias = &params.biases[k];
    let loss = |x: &[f64]| -> f64 {
        (0..bias.len())
            .map(|i| {
                let a = bias[i] + dot(&weights[i * d..(i + 1) * d], x);
                if is_output {
                    output_loss(a, targets[i])
                } else {
                    (a.max(0.0) - targets[i]).abs()
                }
            })
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
        if is_output {
            add_output_deviation(&mut model, &format!("a_{i}"), &expr, bias[i], targets[i]);
        } else {
            let (l, u) = affine_range(row, &lo, &hi, bias[i], bias[i]);
            let unit = relu(&mut model, &format!("o_{i}"), &expr, bias[i], l, u);
            model.objective_constant +=
                add_l1_deviation(&mut model, &format!("o_{i}"), unit.post, targets[i]);
        }
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

/// The inputs of every layer for every sample: `out[k][n]` is the input of layer `k`
/// for sample `n` (`out[0]` are the samples themselves).
pub fn layer_inputs(params: &Params, xs: &[Vec<f64>]) -> Vec<Vec<Vec<f64>>> {
    let mut out = vec![xs.to_vec()];
    for k in 0..params.num_layers().saturating_sub(1) {
        let d = params.widths[k];
        let next = out[k]
            .iter()
            .map(|x| {
                (0..params.widths[k + 1])
                    .map(|i| {
                        (params.biases[k][i] + dot(&params.weights[k][i * d..(i + 1) * d], x))
                            .max(0.0)
                    })
                    .collect()
            })
            .collect();
        out.push(next);
    }
    out
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

fn set_neuron(params: &mut Params, k: usize, i: usize, w: &[f64], c: f64) {
    let d = params.widths[k];
    params.weights[k][i * d..(i + 1) * d].copy_from_slice(w);
    params.biases[k][i] = c;
}

fn neuron(params: &Params, k: usize, i: usize) -> (Vec<f64>, f64) {
    let d = params.widths[k];
    (
        params.weights[k][i * d..(i + 1) * d].to_vec(),
        params.biases[k][i],
    )
}

struct Trainer<'a> {
    options: &'a LayerwiseOptions,
    stats: LayerwiseStats,
}

impl Trainer<'_> {
    fn out_of_time(&self) -> bool {
        self.options.deadline.is_some_and(|d| Instant::now() >= d)
    }

    fn time(&self) -> Duration {
        let limit = self.options.milp_time_limit;
        match self.options.deadline {
            Some(d) => limit.min(d.saturating_duration_since(Instant::now())),
            None => limit,
        }
    }

    fn batch_accuracy(params: &Params, xs: &[Vec<f64>], ys: &[usize]) -> Result<f64> {
        Ok(accuracy(&params.network()?, xs, ys))
    }

    /// One pass of Algorithm 1's for loop: output layer back to the first.
    fn pass(
        &mut self,
        params: &mut Params,
        xs: &[Vec<f64>],
        ys: &[usize],
        boxes: Option<&Params>,
    ) -> Result<()> {
        let settings = &self.options.settings;
        let layers = params.num_layers();
        let classes = params.widths[layers];
        let inputs = layer_inputs(params, xs);
        let mut targets: Vec<Vec<f64>> = ys
            .iter()
            .map(|&y| {
                (0..classes)
                    .map(|c| if c == y { 1.0 } else { 0.0 })
                    .collect()
            })
            .collect();
        for k in (0..layers).rev() {
            for i in 0..params.widths[k + 1] {
                if self.out_of_time() {
                    return Ok(());
                }
                let (w, c) = neuron(params, k, i);
                let bounds = match boxes {
                    Some(prev) => {
                        let (pw, pc) = neuron(prev, k, i);
                        WeightBox::around(&pw, pc)
                    }
                    None => WeightBox::unit(params.widths[k]),
                };
                let t: Vec<f64> = targets.iter().map(|v| v[i]).collect();
                let (found, hit) = if k + 1 == layers {
                    self.stats.lps += 1;
                    fit_output_neuron(&inputs[k], &t, &bounds, (&w, c), settings, self.time())?
                } else {
                    self.stats.milps += 1;
                    fit_hidden_neuron(&inputs[k], &t, &bounds, (&w, c), settings, self.time())?
                };
                self.stats.time_limits += usize::from(hit);
                if let Some((nw, nc)) = found {
                    self.stats.improved += 1;
                    set_neuron(params, k, i, &nw, nc);
                }
            }
            if k > 0 {
                let mut adjusted = Vec::with_capacity(xs.len());
                for (x, t) in inputs[k].iter().zip(&targets) {
                    if self.out_of_time() {
                        return Ok(());
                    }
                    let (a, milp, hit) = adjust_inputs(params, k, x, t, settings, self.time())?;
                    if milp {
                        self.stats.milps += 1;
                    } else {
                        self.stats.lps += 1;
                    }
                    self.stats.time_limits += usize::from(hit);
                    adjusted.push(a);
                }
                targets = adjusted;
            }
        }
        Ok(())
    }

    /// Algorithm 1 on one batch.
    fn batch(
        &mut self,
        params: &mut Params,
        xs: &[Vec<f64>],
        ys: &[usize],
        boxes: Option<&Params>,
    ) -> Result<()> {
        let mut best = (params.clone(), Self::batch_accuracy(params, xs, ys)?);
        let (mut acc, mut last) = (0.0, -1.0);
        let mut rounds = 0;
        while acc > last && rounds < self.options.max_rounds && !self.out_of_time() {
            last = acc;
            rounds += 1;
            self.pass(params, xs, ys, boxes)?;
            acc = Self::batch_accuracy(params, xs, ys)?;
            if acc > best.1 {
                best = (params.clone(), acc);
            }
        }
        self.stats.rounds += rounds;
        if acc < 1.0 {
            *params = best.0;
            acc = best.1;
        }
        self.stats.batch_accuracy.push(acc);
        Ok(())
    }
}

/// Trains a network on the training part of `task` with Algorithm 1 of seed 004 in
/// batches, then post-processes the output layer on the whole training set.
/// Returns the parameters (on standardised inputs) and the counters.
pub fn train_layerwise(
    task: &ClassificationTask,
    options: &LayerwiseOptions,
) -> Result<(Params, LayerwiseStats)> {
    let mut params = Params::random(&options.widths, options.seed, true, |_, _| 1.0);
    let mut trainer = Trainer {
        options,
        stats: LayerwiseStats::default(),
    };
    let mut rng = SplitMix64::new(options.seed ^ 0xba7c);
    let mut order: Vec<usize> = (0..task.train_x.len()).collect();
    let mut first = true;
    'epochs: for _ in 0..options.epochs.max(1) {
        for i in (1..order.len()).rev() {
            let j = (rng.next_u64() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        for chunk in order.chunks(options.batch.max(1)) {
            if trainer.out_of_time() {
                trainer.stats.stopped_by_deadline = true;
                break 'epochs;
            }
            let xs: Vec<Vec<f64>> = chunk.iter().map(|&n| task.train_x[n].clone()).collect();
            let ys: Vec<usize> = chunk.iter().map(|&n| task.train_y[n]).collect();
            let previous = (!first).then(|| params.clone());
            trainer.batch(&mut params, &xs, &ys, previous.as_ref())?;
            trainer.stats.batches += 1;
            first = false;
        }
    }
    let before = accuracy(&params.network()?, &task.train_x, &task.train_y);
    trainer.stats.accuracy_before_post = before;
    if options.post_process {
        let last = params.num_layers() - 1;
        let inputs = layer_inputs(&params, &task.train_x).swap_remove(last);
        let mut candidate = params.clone();
        let post_time = options.milp_time_limit.max(Duration::from_secs(30));
        for i in 0..params.widths[last + 1] {
            let t: Vec<f64> = task
                .train_y
                .iter()
                .map(|&y| if y == i { 1.0 } else { 0.0 })
                .collect();
            trainer.stats.lps += 1;
            if let Some((w, c)) = post_process_neuron(&inputs, &t, &options.settings, post_time)? {
                set_neuron(&mut candidate, last, i, &w, c);
            }
        }
        if accuracy(&candidate.network()?, &task.train_x, &task.train_y) >= before {
            params = candidate;
            trainer.stats.post_processed = true;
        }
    }
    Ok((params, trainer.stats))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings() -> Settings {
        Settings {
            threads: 1,
            ..Settings::default()
        }
    }

    #[test]
    fn hidden_neuron_milp_finds_an_exact_fit() {
        // Targets relu(0.5 x0 - 0.25 x1 + 0.1): the optimum loss is 0.
        let xs: Vec<Vec<f64>> = (0..12)
            .map(|k| vec![(k as f64 * 0.37).sin() * 2.0, (k as f64 * 0.91).cos() * 2.0])
            .collect();
        let ts: Vec<f64> = xs
            .iter()
            .map(|x| (0.5 * x[0] - 0.25 * x[1] + 0.1).max(0.0))
            .collect();
        let (found, _) = fit_hidden_neuron(
            &xs,
            &ts,
            &WeightBox::unit(2),
            (&[0.0, 0.0], -1.0),
            &settings(),
            Duration::from_secs(20),
        )
        .unwrap();
        let (w, c) = found.expect("an improvement");
        let loss: f64 = xs
            .iter()
            .zip(&ts)
            .map(|(x, t)| ((c + dot(&w, x)).max(0.0) - t).abs())
            .sum();
        assert!(loss < 1e-5, "loss {loss}");
    }

    #[test]
    fn input_adjustment_stays_in_the_bounds_and_improves() {
        let params = Params {
            widths: vec![2, 2, 2],
            weights: vec![vec![1.0, 0.0, 0.0, 1.0], vec![1.0, -1.0, -1.0, 1.0]],
            biases: vec![vec![0.0, 0.0], vec![0.0, 0.0]],
        };
        // Output layer: inputs (1, 1) give scores (0, 0); target class 0.
        let (x, milp, _) = adjust_inputs(
            &params,
            1,
            &[1.0, 1.0],
            &[1.0, 0.0],
            &settings(),
            Duration::from_secs(5),
        )
        .unwrap();
        assert!(!milp);
        assert!(
            (x[0] - 1.2).abs() < 1e-9 && (x[1] - 0.8).abs() < 1e-9,
            "{x:?}"
        );
        let b = WeightBox::around(&[0.5], -1.0);
        assert!((b.lo[0] - 0.19).abs() < 1e-12 && (b.hi[0] - 0.81).abs() < 1e-12);
        assert!((b.bias.0 + 1.0).abs() < 1e-12 && (b.bias.1 + 0.39).abs() < 1e-12);
    }
}
