//! Algorithm 1 of seed 004 over batches and epochs, and the post-processing LP of
//! the output layer.

use super::{
    adjust_inputs, fit_hidden_neuron, fit_output_neuron, layer_inputs, neuron, post_process_neuron,
    set_neuron, LayerwiseOptions, LayerwiseProgress, LayerwiseStats, WeightBox, PROGRESS_INTERVAL,
};
use crate::error::Result;
use crate::rng::SplitMix64;
use crate::train::classify::{ClassificationTask, Params};
use crate::train::metrics::accuracy;
use std::time::{Duration, Instant};

/// The options and counters of a training run.
struct Trainer<'a> {
    options: &'a LayerwiseOptions,
    task: &'a ClassificationTask,
    stats: LayerwiseStats,
    /// The pass over the training data under way (0-based).
    epoch: usize,
    batches_per_epoch: usize,
    started: Instant,
    /// When progress was last reported.
    reported: Option<Instant>,
}

impl Trainer<'_> {
    /// Reports progress with the network `params` when [`PROGRESS_INTERVAL`] has
    /// passed since the last report (or since the start), or when `first` (the
    /// first batch just ended). `in_batch`: a batch is under way.
    fn report(&mut self, params: &Params, in_batch: bool, first: bool) -> Result<()> {
        let Some(report) = self.options.progress else {
            return Ok(());
        };
        let since = self.reported.unwrap_or(self.started);
        if !first && since.elapsed() < PROGRESS_INTERVAL {
            return Ok(());
        }
        self.reported = Some(Instant::now());
        report(&LayerwiseProgress {
            epoch: self.epoch + 1,
            batches: self.stats.batches + usize::from(in_batch),
            batches_per_epoch: self.batches_per_epoch,
            rounds: self.stats.rounds,
            train_accuracy: accuracy(&params.network()?, &self.task.train_x, &self.task.train_y),
            seconds: self.started.elapsed().as_secs_f64(),
        });
        Ok(())
    }

    /// True once the deadline has passed.
    fn out_of_time(&self) -> bool {
        crate::interrupt::past(self.options.deadline)
    }

    /// Time limit of the next solve: the per-solve limit, cut at the deadline.
    fn time(&self) -> Duration {
        let limit = self.options.milp_time_limit;
        match self.options.deadline {
            Some(d) => limit.min(d.saturating_duration_since(Instant::now())),
            None => limit,
        }
    }

    /// Accuracy of `params` on a batch.
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
            if !self.fit_layer(params, k, &inputs[k], &targets, boxes)? {
                return Ok(());
            }
            if k > 0 {
                let Some(adjusted) = self.adjust_layer_inputs(params, k, &inputs[k], &targets)?
                else {
                    return Ok(());
                };
                targets = adjusted;
            }
        }
        Ok(())
    }

    /// Refits every neuron of layer `k` (inputs `inputs`, one target vector per
    /// sample) within the unit box, or within the change bound around `boxes` when
    /// given. False when the deadline stopped it.
    fn fit_layer(
        &mut self,
        params: &mut Params,
        k: usize,
        inputs: &[Vec<f64>],
        targets: &[Vec<f64>],
        boxes: Option<&Params>,
    ) -> Result<bool> {
        let settings = &self.options.settings;
        let is_output = k + 1 == params.num_layers();
        for i in 0..params.widths[k + 1] {
            if self.out_of_time() {
                return Ok(false);
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
            let (found, hit) = if is_output {
                self.stats.lps += 1;
                fit_output_neuron(inputs, &t, &bounds, (&w, c), settings, self.time())?
            } else {
                self.stats.milps += 1;
                fit_hidden_neuron(inputs, &t, &bounds, (&w, c), settings, self.time())?
            };
            self.stats.time_limits += usize::from(hit);
            if let Some((nw, nc)) = found {
                self.stats.improved += 1;
                set_neuron(params, k, i, &nw, nc);
            }
            self.report(params, true, false)?;
        }
        Ok(true)
    }

    /// The inputs of layer `k` adjusted per sample towards the layer's targets: the
    /// targets of the layer before. `None` when the deadline stopped it.
    fn adjust_layer_inputs(
        &mut self,
        params: &Params,
        k: usize,
        inputs: &[Vec<f64>],
        targets: &[Vec<f64>],
    ) -> Result<Option<Vec<Vec<f64>>>> {
        let settings = &self.options.settings;
        let mut adjusted = Vec::with_capacity(inputs.len());
        for (x, t) in inputs.iter().zip(targets) {
            if self.out_of_time() {
                return Ok(None);
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
        Ok(Some(adjusted))
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
    let mut params = match &options.initial {
        Some(initial) if initial.widths == options.widths => initial.rescaled_into_unit_box(),
        Some(initial) => {
            return Err(crate::error::Error::Invalid(format!(
                "the initial network has widths {:?}, the training {:?}",
                initial.widths, options.widths
            )))
        }
        None => Params::random(&options.widths, options.seed, true, |_, _| 1.0),
    };
    let mut trainer = Trainer {
        options,
        task,
        stats: LayerwiseStats::default(),
        epoch: 0,
        batches_per_epoch: task.train_x.len().div_ceil(options.batch.max(1)),
        started: Instant::now(),
        reported: None,
    };
    // A warm start is a good network already: a batch whose MILPs lower the
    // accuracy on the whole training set is undone.
    let guard = options.initial.is_some();
    let mut train_accuracy = if guard {
        accuracy(&params.network()?, &task.train_x, &task.train_y)
    } else {
        0.0
    };
    let mut rng = SplitMix64::new(options.seed ^ 0xba7c);
    let mut order: Vec<usize> = (0..task.train_x.len()).collect();
    let mut first = true;
    'epochs: for epoch in 0..options.epochs.max(1) {
        trainer.epoch = epoch;
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
            let entering = guard.then(|| params.clone());
            trainer.batch(&mut params, &xs, &ys, previous.as_ref())?;
            trainer.stats.batches += 1;
            if let Some(entering) = entering {
                let now = accuracy(&params.network()?, &task.train_x, &task.train_y);
                if now < train_accuracy {
                    params = entering;
                    trainer.stats.batches_rejected += 1;
                } else {
                    train_accuracy = now;
                }
            }
            trainer.report(&params, false, first)?;
            first = false;
        }
    }
    let before = accuracy(&params.network()?, &task.train_x, &task.train_y);
    trainer.stats.accuracy_before_post = before;
    if options.post_process {
        let candidate = post_processed(&params, task, options, &mut trainer.stats)?;
        if accuracy(&candidate.network()?, &task.train_x, &task.train_y) >= before {
            params = candidate;
            trainer.stats.post_processed = true;
        }
    }
    Ok((params, trainer.stats))
}

/// `params` with its output layer re-fitted on the whole training set by the LP of
/// section 2.3, neuron by neuron (a neuron whose LP finds nothing keeps its weights).
/// The LPs share what is left of the deadline: neurons not reached keep theirs.
fn post_processed(
    params: &Params,
    task: &ClassificationTask,
    options: &LayerwiseOptions,
    stats: &mut LayerwiseStats,
) -> Result<Params> {
    let last = params.num_layers() - 1;
    let inputs = layer_inputs(params, &task.train_x).swap_remove(last);
    let mut candidate = params.clone();
    let post_time = options.milp_time_limit.max(Duration::from_secs(30));
    for i in 0..params.widths[last + 1] {
        let left = options
            .deadline
            .map(|d| d.saturating_duration_since(Instant::now()));
        if crate::interrupt::requested() || left.is_some_and(|l| l.is_zero()) {
            break;
        }
        let post_time = left.map_or(post_time, |l| post_time.min(l));
        let t: Vec<f64> = task
            .train_y
            .iter()
            .map(|&y| if y == i { 1.0 } else { 0.0 })
            .collect();
        stats.lps += 1;
        if let Some((w, c)) = post_process_neuron(&inputs, &t, &options.settings, post_time)? {
            set_neuron(&mut candidate, last, i, &w, c);
        }
    }
    Ok(candidate)
}
