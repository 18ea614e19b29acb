//! `relumip train DATA.csv --method layerwise|adam|prune --layers ...`: train a ReLU
//! classifier by layer-wise MILPs (seed 004), by Adam (the baseline), or by one
//! pruning MILP (seed 003), and report training and test accuracy.

use crate::commands::args::{default_time_limit, seconds, LimitArgs, SearchArgs};
use crate::log::{format_gap, format_limit, format_value, print_header, LogPrinter};
use crate::output::finite;
use anyhow::{bail, Context, Result};
use clap::{Args, ValueEnum};
use relumip_solver::data::read_csv;
use relumip_solver::io::onnx::{write_onnx, OnnxPrecision, OnnxWriteOptions};
use relumip_solver::search::{NoProgress, ProgressSink};
use relumip_solver::train::adam::{
    train_adam, train_adam_with_progress, AdamOptions, AdamProgress,
};
use relumip_solver::train::classify::{widths, ClassificationTask, Params};
use relumip_solver::train::layerwise::{train_layerwise, LayerwiseOptions, LayerwiseProgress};
use relumip_solver::train::prune::{prune_milp, solve_prune, PruneOptions};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Training methods.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Method {
    /// Layer-wise MILPs and LPs (seed 004, Algorithm 1).
    Layerwise,
    /// Adam on the softmax cross-entropy (the gradient baseline).
    Adam,
    /// One MILP with l1 penalty and neuron pruning (seed 003).
    Prune,
}

/// Where layer-wise training starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum InitArg {
    /// A network trained by Adam with the same layers (300 epochs, at most a
    /// quarter of the time limit), rescaled into the weight box.
    Adam,
    /// Random weights in [-1, 1], as in the seed's Algorithm 1.
    Random,
}

/// Share of the time limit that the Adam warm start of layer-wise training may take.
const WARM_START_TIME_SHARE: f64 = 0.25;

/// Epochs of the Adam warm start of layer-wise training.
const WARM_START_EPOCHS: usize = 300;

/// Options of `relumip train`.
#[derive(Args, Debug)]
#[command(mut_arg("time_limit", default_time_limit))]
pub struct TrainArgs {
    /// The data: CSV whose last column is the class index (0, 1, ...).
    pub data: PathBuf,
    /// Training method.
    #[arg(long, value_enum)]
    pub method: Method,
    /// Hidden layer widths, comma-separated (prune: one hidden layer).
    #[arg(long, value_delimiter = ',', value_name = "L1,L2,...", required = true)]
    pub layers: Vec<usize>,
    /// Fraction of each class held out for testing (stratified, seeded by --seed).
    #[arg(long, value_name = "F", default_value_t = 0.2)]
    pub test_fraction: f64,
    /// Batch size (layerwise: samples per batch; adam: mini-batch).
    #[arg(long, value_name = "N", default_value_t = 100)]
    pub batch: usize,
    /// Passes over the training data (default: 1 for layerwise, 300 for adam).
    #[arg(long, value_name = "E")]
    pub epochs: Option<usize>,
    /// Adam step size.
    #[arg(long, value_name = "R", default_value_t = 0.001)]
    pub learning_rate: f64,
    /// Layerwise: most rounds of Algorithm 1's while loop per batch.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub max_rounds: usize,
    /// Layerwise: time limit of each MILP / LP, in seconds.
    #[arg(long, value_name = "S", default_value_t = 1.0)]
    pub milp_time_limit: f64,
    /// Layerwise: the network to start from.
    #[arg(long, value_enum, default_value_t = InitArg::Adam)]
    pub init: InitArg,
    /// Layerwise: skip the final LP of the output layer on the training set.
    #[arg(long)]
    pub no_post_process: bool,
    /// Prune: bound on first-layer weights and biases (standardised inputs).
    #[arg(long, value_name = "M", default_value_t = 1.0)]
    pub weight_bound: f64,
    /// Prune: l1 penalty per unit of weight.
    #[arg(long, value_name = "LAMBDA", default_value_t = 0.01)]
    pub l1: f64,
    /// Prune: penalty per kept hidden neuron.
    #[arg(long, value_name = "RHO", default_value_t = 0.02)]
    pub neuron_penalty: f64,
    /// Prune: training samples in the MILP (stratified subset; 0 = all).
    #[arg(long, value_name = "N", default_value_t = 60)]
    pub milp_samples: usize,
    /// Prune: no ordering rows between hidden neurons.
    #[arg(long)]
    pub no_symmetry_breaking: bool,
    /// Prune: do not start the search from a ternarised Adam-trained network.
    #[arg(long)]
    pub no_warm_start: bool,
    /// Write the network as PREFIX.onnx (raw features in, one score per class out)
    /// and a report as PREFIX.json.
    #[arg(long, value_name = "PREFIX")]
    pub output: Option<PathBuf>,
    /// Limits (--time-limit: the whole training; prune: the MILP).
    #[command(flatten)]
    pub limits: LimitArgs,
    /// Search options of the MILPs (layerwise runs them on 1 thread unless --threads).
    #[command(flatten)]
    pub search: SearchArgs,
}

/// Runs `relumip train`.
pub fn run(args: &TrainArgs) -> Result<()> {
    let mut settings = args.search.settings_with(&args.limits)?;
    let data = read_csv(&args.data)?;
    let task = ClassificationTask::new(&data, args.test_fraction, args.search.seed)?;
    let arch = widths(task.inputs(), &args.layers, task.classes)?;
    let started = Instant::now();
    let deadline = settings.time_limit.map(|t| started + t);
    let quiet = args.search.quiet;
    if !quiet {
        println!(
            "Data: {} ({} samples: {} train, {} test; {} features, {} classes)",
            args.data.display(),
            data.len(),
            task.train_y.len(),
            task.test_y.len(),
            task.inputs(),
            task.classes
        );
        println!("Architecture: {}", join(&arch));
        println!("Time limit: {}", format_limit(settings.time_limit));
    }
    let (params, details): (Params, Value) = match args.method {
        Method::Adam => {
            let progress = |p: &AdamProgress| {
                if !quiet {
                    print_adam_progress(p);
                }
            };
            let out = train_adam_with_progress(
                &task,
                &AdamOptions {
                    widths: arch.clone(),
                    epochs: args.epochs.unwrap_or(300),
                    batch: args.batch,
                    learning_rate: args.learning_rate,
                    seed: args.search.seed,
                    deadline,
                },
                &progress,
            )?;
            let details = json!({"epochs": out.epochs, "loss": out.loss,
                "batch": args.batch, "learning_rate": args.learning_rate});
            (out.params, details)
        }
        Method::Layerwise => {
            if args.search.threads.is_none() {
                settings.threads = 1;
            }
            let (initial, warm_start) = match args.init {
                InitArg::Random => (None, Value::Null),
                InitArg::Adam => {
                    let (params, details) =
                        adam_warm_start(&task, &arch, args, settings.time_limit, quiet)?;
                    (Some(params), details)
                }
            };
            let options = LayerwiseOptions {
                widths: arch.clone(),
                batch: args.batch,
                epochs: args.epochs.unwrap_or(1),
                max_rounds: args.max_rounds,
                milp_time_limit: seconds("milp-time-limit", args.milp_time_limit)?,
                seed: args.search.seed,
                initial,
                deadline,
                post_process: !args.no_post_process,
                settings: settings.clone(),
                progress: (!quiet).then_some(print_layerwise_progress as fn(&LayerwiseProgress)),
            };
            let (params, stats) = train_layerwise(&task, &options)?;
            if !quiet && options.initial.is_some() {
                println!(
                    "Batches           {} trained, {} undone (they lowered the training accuracy)",
                    stats.batches, stats.batches_rejected
                );
            }
            let details = json!({
                "batch": args.batch, "epochs": options.epochs, "batches": stats.batches,
                "batches_rejected": stats.batches_rejected,
                "rounds": stats.rounds, "milps": stats.milps, "lps": stats.lps,
                "improving_solves": stats.improved, "solves_at_time_limit": stats.time_limits,
                "milp_time_limit": args.milp_time_limit,
                "batch_accuracy": stats.batch_accuracy,
                "train_accuracy_before_post_processing": stats.accuracy_before_post,
                "post_processing_kept": stats.post_processed,
                "stopped_by_time_limit": stats.stopped_by_deadline,
                "warm_start": warm_start,
            });
            (params, details)
        }
        Method::Prune => {
            if args.layers.len() != 1 {
                bail!(
                    "--method prune trains one hidden layer: give --layers L (got {} layers)",
                    args.layers.len()
                );
            }
            let options = PruneOptions {
                hidden: args.layers[0],
                weight_bound: args.weight_bound,
                l1: args.l1,
                neuron_penalty: args.neuron_penalty,
                milp_samples: args.milp_samples,
                symmetry_breaking: !args.no_symmetry_breaking,
                seed: args.search.seed,
                warm_start: !args.no_warm_start,
            };
            let milp = prune_milp(&task.train_x, &task.train_y, task.classes, &options)?;
            if !quiet {
                print_header(&milp.model, &settings, &args.data, started.elapsed());
            }
            let printer = LogPrinter::new(quiet);
            let sink: &dyn ProgressSink = if quiet { &NoProgress } else { &printer };
            // The time limit covers the whole command: building the MILP (with its
            // warm start) counts.
            if let Some(d) = deadline {
                settings.time_limit = Some(d.saturating_duration_since(Instant::now()));
            }
            let out = solve_prune(&milp, &task.train_x, &settings, sink)?;
            let result = &out.result;
            let Some(params) = out.params.clone() else {
                println!("Status            {}", result.status.as_str());
                println!("No network found within the limits");
                return Ok(());
            };
            let sparsity = out.zero_weights as f64 / out.total_weights.max(1) as f64;
            if !quiet {
                println!();
                println!("Status            {}", result.status.as_str());
                println!("Objective         {}", format_value(result.objective));
                println!(
                    "Best bound        {}",
                    format_value(Some(result.best_bound))
                );
            }
            println!("MIP gap           {}", format_gap(result.gap));
            println!(
                "Weight sparsity   {:.1}% ({} of {} weights zero)",
                100.0 * sparsity,
                out.zero_weights,
                out.total_weights
            );
            println!(
                "Pruned neurons    {} of {}",
                out.pruned_neurons, args.layers[0]
            );
            println!(
                "MILP samples      {} of {} training samples",
                out.milp_samples,
                task.train_y.len()
            );
            let details = json!({
                "status": result.status.as_str(), "objective": result.objective.map(finite),
                "best_bound": finite(result.best_bound), "gap": finite(result.gap),
                "nodes": result.stats.nodes, "weight_sparsity": sparsity,
                "zero_weights": out.zero_weights, "total_weights": out.total_weights,
                "pruned_neurons": out.pruned_neurons, "milp_samples": out.milp_samples,
                "lp_bounds_tighter_than_interval": out.tighter_than_interval,
                "max_output_mismatch": out.max_output_mismatch,
                "weight_bound": args.weight_bound, "l1": args.l1, "neuron_penalty": args.neuron_penalty,
            });
            (params, details)
        }
    };
    let seconds = started.elapsed().as_secs_f64();
    let net = params.network()?;
    let (train_acc, test_acc) = task.accuracies(&net);
    println!("Train accuracy    {:.4}", train_acc);
    println!("Test accuracy     {:.4}", test_acc);
    println!("Time              {seconds:.2}s");
    if let Some(prefix) = &args.output {
        let raw = task.raw_network(&net)?;
        let onnx = with_extension(prefix, ".onnx");
        let options = OnnxWriteOptions {
            precision: OnnxPrecision::Float64,
            ..OnnxWriteOptions::default()
        };
        write_onnx(&raw, &onnx, &options)?;
        let report = json!({
            "data": args.data.display().to_string(),
            "method": format!("{:?}", args.method).to_lowercase(),
            "architecture": arch,
            "seed": args.search.seed,
            "test_fraction": args.test_fraction,
            "train_samples": task.train_y.len(),
            "test_samples": task.test_y.len(),
            "train_accuracy": train_acc,
            "test_accuracy": test_acc,
            "time_seconds": seconds,
            "details": details,
        });
        let path = with_extension(prefix, ".json");
        relumip_solver::io::write_atomically(
            &path,
            (serde_json::to_string_pretty(&report)? + "\n").as_bytes(),
        )
        .with_context(|| format!("cannot write {}", path.display()))?;
        println!(
            "Wrote             {} and {}",
            onnx.display(),
            path.display()
        );
    }
    Ok(())
}

fn join(widths: &[usize]) -> String {
    widths
        .iter()
        .map(|w| w.to_string())
        .collect::<Vec<_>>()
        .join("-")
}

fn with_extension(prefix: &Path, ext: &str) -> PathBuf {
    let mut name = prefix.as_os_str().to_owned();
    name.push(ext);
    PathBuf::from(name)
}

/// A progress line of Adam training.
fn print_adam_progress(p: &AdamProgress) {
    println!(
        "Epoch {:>4} of {}: training loss {:.4}, {:.1}s",
        p.epoch, p.epochs, p.loss, p.seconds
    );
}

/// A progress line of layer-wise training.
fn print_layerwise_progress(p: &LayerwiseProgress) {
    println!(
        "Epoch {} batch {:>4} of {} ({} rounds): training accuracy {:.4}, {:.1}s",
        p.epoch,
        p.batches - (p.epoch - 1) * p.batches_per_epoch,
        p.batches_per_epoch,
        p.rounds,
        p.train_accuracy,
        p.seconds
    );
}

/// Trains the warm start of layer-wise training by Adam (at most
/// [`WARM_START_TIME_SHARE`] of the time limit) and prints its accuracies.
fn adam_warm_start(
    task: &ClassificationTask,
    arch: &[usize],
    args: &TrainArgs,
    time_limit: Option<std::time::Duration>,
    quiet: bool,
) -> Result<(Params, Value)> {
    let started = Instant::now();
    let out = train_adam(
        task,
        &AdamOptions {
            widths: arch.to_vec(),
            epochs: WARM_START_EPOCHS,
            batch: args.batch,
            learning_rate: args.learning_rate,
            seed: args.search.seed,
            deadline: time_limit.map(|t| started + t.mul_f64(WARM_START_TIME_SHARE)),
        },
    )?;
    let (train, test) = task.accuracies(&out.params.network()?);
    let seconds = started.elapsed().as_secs_f64();
    if !quiet {
        println!(
            "Warm start        Adam, {} epochs: train accuracy {train:.4}, test accuracy {test:.4} ({seconds:.2}s)",
            out.epochs
        );
    }
    let details = json!({"method": "adam", "epochs": out.epochs, "train_accuracy": train,
        "test_accuracy": test, "time": seconds});
    Ok((out.params, details))
}
