//! The gradient baseline: the same architecture (ReLU hidden layers, affine output
//! layer) trained by Adam on the softmax cross-entropy.
//!
//! Softmax cross-entropy is the usual loss for classification, and it is what seed
//! 004's Keras baseline used (Adam, learning rate 0.001, batch size 100). Weights
//! start Glorot-uniform (Keras' default, `limit = sqrt(6 / (fan_in + fan_out))`) with
//! zero biases; mini-batches are drawn from a seeded shuffle every epoch.

use super::classify::{ClassificationTask, Params};
use crate::error::Result;
use crate::rng::SplitMix64;
use std::time::Instant;

/// Options of [`train_adam`].
#[derive(Clone, Debug, PartialEq)]
pub struct AdamOptions {
    /// Layer widths, input first, classes last.
    pub widths: Vec<usize>,
    /// Passes over the training data.
    pub epochs: usize,
    /// Mini-batch size.
    pub batch: usize,
    /// Step size.
    pub learning_rate: f64,
    /// Seed of the initial weights and the shuffles.
    pub seed: u64,
    /// Stop after the epoch that passes this instant.
    pub deadline: Option<Instant>,
}

/// What [`train_adam`] did.
#[derive(Clone, Debug, PartialEq)]
pub struct AdamOutcome {
    /// The trained parameters (standardised inputs).
    pub params: Params,
    /// Epochs completed.
    pub epochs: usize,
    /// Mean cross-entropy over the training data after the last epoch.
    pub loss: f64,
}

/// Where an Adam training run stands (see [`train_adam_with_progress`]).
#[derive(Clone, Debug, PartialEq)]
pub struct AdamProgress {
    /// Epochs completed.
    pub epoch: usize,
    /// Epochs asked for.
    pub epochs: usize,
    /// Mean cross-entropy over the training data now.
    pub loss: f64,
    /// Seconds since training started.
    pub seconds: f64,
}

/// Seconds between two progress reports of [`train_adam_with_progress`].
pub const ADAM_PROGRESS_INTERVAL: std::time::Duration = std::time::Duration::from_secs(3);

/// Trains by Adam (`beta1 = 0.9`, `beta2 = 0.999`, `eps = 1e-7`) on the softmax
/// cross-entropy of the training part of `task`.
pub fn train_adam(task: &ClassificationTask, options: &AdamOptions) -> Result<AdamOutcome> {
    train_adam_with_progress(task, options, &|_: &AdamProgress| {})
}

/// [`train_adam`], calling `on_progress` after an epoch once
/// [`ADAM_PROGRESS_INTERVAL`] has passed since training started or since the last
/// call (the training loss is computed only for these calls).
pub fn train_adam_with_progress(
    task: &ClassificationTask,
    options: &AdamOptions,
    on_progress: &dyn Fn(&AdamProgress),
) -> Result<AdamOutcome> {
    let started = Instant::now();
    let mut last_report = started;
    let mut params = Params::random(&options.widths, options.seed, false, |i, o| {
        (6.0 / (i + o) as f64).sqrt()
    });
    let mut adam = AdamState::new(flat(&params).len(), options.learning_rate);
    let mut rng = SplitMix64::new(options.seed ^ 0x5eed);
    let mut order: Vec<usize> = (0..task.train_x.len()).collect();
    let batch = options.batch.max(1);
    let mut epochs = 0;
    for _ in 0..options.epochs {
        shuffle(&mut order, &mut rng);
        for chunk in order.chunks(batch) {
            let mut grad = zeros_like(&params);
            for &n in chunk {
                accumulate_gradient(&params, &task.train_x[n], task.train_y[n], &mut grad);
            }
            let scale = 1.0 / chunk.len() as f64;
            adam.step(
                flat_mut(&mut params),
                flat(&grad).into_iter().map(|g| g * scale),
            );
        }
        epochs += 1;
        if last_report.elapsed() >= ADAM_PROGRESS_INTERVAL {
            last_report = Instant::now();
            on_progress(&AdamProgress {
                epoch: epochs,
                epochs: options.epochs,
                loss: training_loss(task, &params),
                seconds: started.elapsed().as_secs_f64(),
            });
        }
        if crate::interrupt::past(options.deadline) {
            break;
        }
    }
    let loss = training_loss(task, &params);
    Ok(AdamOutcome {
        params,
        epochs,
        loss,
    })
}

/// Adam's first decay rate.
const BETA1: f64 = 0.9;
/// Adam's second decay rate.
const BETA2: f64 = 0.999;
/// Adam's guard against division by zero (Keras' default).
const EPSILON: f64 = 1e-7;

/// The state of Adam (`beta1 = 0.9`, `beta2 = 0.999`, `eps = 1e-7`) over a fixed
/// number of parameters: the moment estimates and the step count, shared by
/// [`train_adam`] and the gradient start of the sparsity MILP.
pub(crate) struct AdamState {
    /// First moment estimate of each parameter.
    m: Vec<f64>,
    /// Second moment estimate of each parameter.
    v: Vec<f64>,
    /// Steps taken so far.
    steps: i32,
    /// Step size.
    learning_rate: f64,
}

impl AdamState {
    /// Zero moments for `len` parameters.
    pub(crate) fn new(len: usize, learning_rate: f64) -> Self {
        AdamState {
            m: vec![0.0; len],
            v: vec![0.0; len],
            steps: 0,
            learning_rate,
        }
    }

    /// One Adam step: moves each parameter against its gradient (both in the order
    /// of [`AdamState::new`]'s `len` parameters; extra items on either side are
    /// ignored).
    pub(crate) fn step<'a>(
        &mut self,
        params: impl IntoIterator<Item = &'a mut f64>,
        grads: impl IntoIterator<Item = f64>,
    ) {
        self.steps = self.steps.saturating_add(1);
        let c1 = 1.0 - BETA1.powi(self.steps);
        let c2 = 1.0 - BETA2.powi(self.steps);
        for (((p, g), mk), vk) in params
            .into_iter()
            .zip(grads)
            .zip(&mut self.m)
            .zip(&mut self.v)
        {
            *mk = BETA1 * *mk + (1.0 - BETA1) * g;
            *vk = BETA2 * *vk + (1.0 - BETA2) * g * g;
            *p -= self.learning_rate * (*mk / c1) / ((*vk / c2).sqrt() + EPSILON);
        }
    }
}

/// Mean cross-entropy of `params` over the training data.
fn training_loss(task: &ClassificationTask, params: &Params) -> f64 {
    task.train_x
        .iter()
        .zip(&task.train_y)
        .map(|(x, &y)| cross_entropy(&forward(params, x).last_output(), y))
        .sum::<f64>()
        / task.train_x.len().max(1) as f64
}

fn shuffle(items: &mut [usize], rng: &mut SplitMix64) {
    for i in (1..items.len()).rev() {
        let j = (rng.next_u64() % (i as u64 + 1)) as usize;
        items.swap(i, j);
    }
}

fn zeros_like(p: &Params) -> Params {
    Params {
        widths: p.widths.clone(),
        weights: p.weights.iter().map(|w| vec![0.0; w.len()]).collect(),
        biases: p.biases.iter().map(|b| vec![0.0; b.len()]).collect(),
    }
}

fn flat(p: &Params) -> Vec<f64> {
    p.weights
        .iter()
        .chain(&p.biases)
        .flat_map(|v| v.iter().copied())
        .collect()
}

fn flat_mut(p: &mut Params) -> Vec<&mut f64> {
    p.weights
        .iter_mut()
        .chain(p.biases.iter_mut())
        .flat_map(|v| v.iter_mut())
        .collect()
}

/// Post-activations of every layer (input first).
struct Trace(Vec<Vec<f64>>);

impl Trace {
    fn last_output(&self) -> Vec<f64> {
        self.0.last().cloned().unwrap_or_default()
    }
}

fn forward(p: &Params, x: &[f64]) -> Trace {
    let mut values = vec![x.to_vec()];
    let last = p.num_layers() - 1;
    for k in 0..p.num_layers() {
        let input = &values[k];
        let (n_in, n_out) = (p.widths[k], p.widths[k + 1]);
        let out: Vec<f64> = (0..n_out)
            .map(|i| {
                let row = &p.weights[k][i * n_in..(i + 1) * n_in];
                let a = p.biases[k][i] + row.iter().zip(input).map(|(w, v)| w * v).sum::<f64>();
                if k == last {
                    a
                } else {
                    a.max(0.0)
                }
            })
            .collect();
        values.push(out);
    }
    Trace(values)
}

fn softmax(scores: &[f64]) -> Vec<f64> {
    let top = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let e: Vec<f64> = scores.iter().map(|s| (s - top).exp()).collect();
    let sum: f64 = e.iter().sum();
    e.iter().map(|v| v / sum).collect()
}

fn cross_entropy(scores: &[f64], label: usize) -> f64 {
    -softmax(scores)[label].max(1e-300).ln()
}

/// Adds the gradient of the cross-entropy at `(x, label)` to `grad`.
fn accumulate_gradient(p: &Params, x: &[f64], label: usize, grad: &mut Params) {
    let trace = forward(p, x);
    let mut delta = softmax(&trace.last_output());
    delta[label] -= 1.0;
    for k in (0..p.num_layers()).rev() {
        let n_in = p.widths[k];
        let input = &trace.0[k];
        for (i, &d) in delta.iter().enumerate() {
            grad.biases[k][i] += d;
            for (g, v) in grad.weights[k][i * n_in..(i + 1) * n_in]
                .iter_mut()
                .zip(input)
            {
                *g += d * v;
            }
        }
        if k == 0 {
            break;
        }
        // Back through layer k's weights and the ReLU of layer k-1.
        delta = (0..n_in)
            .map(|j| {
                if input[j] <= 0.0 {
                    return 0.0;
                }
                delta
                    .iter()
                    .enumerate()
                    .map(|(i, d)| d * p.weights[k][i * n_in + j])
                    .sum()
            })
            .collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Dataset;

    #[test]
    fn gradient_matches_finite_differences() {
        let p = Params::random(&[3, 4, 3], 5, true, |_, _| 1.0);
        let x = [0.3, -0.7, 1.1];
        let mut g = zeros_like(&p);
        accumulate_gradient(&p, &x, 2, &mut g);
        let analytic = flat(&g);
        let base = flat(&p);
        let h = 1e-6;
        for (k, a) in analytic.iter().enumerate() {
            let mut q = p.clone();
            *flat_mut(&mut q)[k] = base[k] + h;
            let up = cross_entropy(&forward(&q, &x).last_output(), 2);
            *flat_mut(&mut q)[k] = base[k] - h;
            let down = cross_entropy(&forward(&q, &x).last_output(), 2);
            let numeric = (up - down) / (2.0 * h);
            assert!((a - numeric).abs() < 1e-5, "param {k}: {a} vs {numeric}");
        }
    }

    #[test]
    fn adam_learns_a_separable_problem() {
        let mut features = Vec::new();
        let mut targets = Vec::new();
        let mut rng = SplitMix64::new(1);
        for _ in 0..200 {
            let x = vec![rng.uniform(-1.0, 1.0), rng.uniform(-1.0, 1.0)];
            targets.push(if x[0] + x[1] > 0.0 { 1.0 } else { 0.0 });
            features.push(x);
        }
        let data = Dataset {
            features,
            targets,
            class_names: vec![],
            source: "t".into(),
        };
        let task = ClassificationTask::new(&data, 0.2, 3).unwrap();
        let out = train_adam(
            &task,
            &AdamOptions {
                widths: vec![2, 4, 2],
                epochs: 200,
                batch: 20,
                learning_rate: 0.01,
                seed: 1,
                deadline: None,
            },
        )
        .unwrap();
        let (train, test) = task.accuracies(&out.params.network().unwrap());
        assert!(train > 0.95 && test > 0.9, "train {train}, test {test}");
    }
}
