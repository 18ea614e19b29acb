//! `relumip sparse DATA.csv --hidden L`: the sparsest one-hidden-layer ReLU network
//! that fits every sample (the sparsity MILP of seeds 000/001).

use crate::commands::args::{default_time_limit, LimitArgs, SearchArgs};
use crate::log::{format_gap, format_value, print_header, LogPrinter};
use crate::output::finite;
use anyhow::{Context, Result};
use clap::Args;
use relumip_solver::data::read_csv;
use relumip_solver::io::mps::write_mps;
use relumip_solver::io::onnx::{write_onnx, OnnxPrecision, OnnxWriteOptions};
use relumip_solver::nn::Network;
use relumip_solver::search::{NoProgress, ProgressSink};
use relumip_solver::train::sparsity::{sparsity_milp, SparsityOptions, SparsityOutcome};
use serde_json::json;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Options of `relumip sparse`.
#[derive(Args, Debug)]
#[command(mut_arg("time_limit", default_time_limit))]
pub struct SparseArgs {
    /// The data: CSV with `features..., target` rows (regression targets).
    pub data: PathBuf,
    /// Width of the hidden layer.
    #[arg(long, value_name = "L")]
    pub hidden: usize,
    /// Fit tolerance: every sample within EPS of its target (0 = exact).
    #[arg(long, value_name = "EPS", default_value_t = 0.0)]
    pub tolerance: f64,
    /// Bound M on the first-layer weights |w_ij| (the big-M values follow from it).
    #[arg(long, value_name = "M", default_value_t = 1.0)]
    pub weight_bound: f64,
    /// Upper bound on the biases (default M * max_n ||x^n||_1 + max_n |y^n|).
    #[arg(long, value_name = "B")]
    pub bias_bound: Option<f64>,
    /// Do not add the ordering rows between hidden neurons.
    #[arg(long)]
    pub no_symmetry_breaking: bool,
    /// Write the MILP as MPS (for HiGHS, CBC, `relumip solve`) and stop without solving.
    #[arg(long, value_name = "FILE.mps")]
    pub export: Option<PathBuf>,
    /// Write the network as PREFIX.onnx and a report as PREFIX.json.
    #[arg(long, value_name = "PREFIX")]
    pub output: Option<PathBuf>,
    /// Limits.
    #[command(flatten)]
    pub limits: LimitArgs,
    /// Search options.
    #[command(flatten)]
    pub search: SearchArgs,
}

/// Runs `relumip sparse`.
pub fn run(args: &SparseArgs) -> Result<()> {
    let settings = args.search.settings_with(&args.limits)?;
    let started = Instant::now();
    let data = read_csv(&args.data)?;
    let options = SparsityOptions {
        hidden: args.hidden,
        tolerance: args.tolerance,
        weight_bound: args.weight_bound,
        bias_bound: args.bias_bound,
        symmetry_breaking: !args.no_symmetry_breaking,
    };
    let milp = sparsity_milp(&data, &options)?;
    let read_time = started.elapsed();
    if let Some(path) = &args.export {
        write_mps(&milp.model, path)?;
        let size = milp.model.size();
        println!(
            "wrote {} ({} rows, {} columns, {} binary, {} nonzeros)",
            path.display(),
            size.rows,
            size.columns,
            size.binaries,
            size.nonzeros
        );
        return Ok(());
    }
    let quiet = args.search.quiet;
    if !quiet {
        print_header(&milp.model, &settings, &args.data, read_time);
        println!(
            "Data: {} samples, {} inputs; hidden {}, tolerance {}, |w| <= {}, b in [{}, {}]",
            data.len(),
            data.num_features(),
            args.hidden,
            args.tolerance,
            args.weight_bound,
            format_value(Some(milp.bias_range.0)),
            format_value(Some(milp.bias_range.1))
        );
        println!();
    }
    let printer = LogPrinter::new(quiet);
    let sink: &dyn ProgressSink = if quiet { &NoProgress } else { &printer };
    let outcome = milp.solve(&data, &settings, sink)?;
    let result = &outcome.result;
    println!();
    println!("Status            {}", result.status.as_str());
    match (outcome.nonzeros, outcome.max_residual) {
        (Some(nz), Some(res)) => {
            println!("Nonzeros          {nz}");
            println!(
                "Best bound        {}",
                format_value(Some(result.best_bound))
            );
            println!("Gap               {}", format_gap(result.gap));
            println!(
                "Max residual      {res:.3e} (accepted up to {:.3e})",
                outcome.residual_limit
            );
        }
        _ => println!("No network found  (status {})", result.status.as_str()),
    }
    println!("Nodes             {}", result.stats.nodes);
    println!("Time              {:.2}s", result.elapsed.as_secs_f64());
    if let Some(prefix) = &args.output {
        write_outputs(prefix, args, data.len(), &outcome)?;
    }
    Ok(())
}

fn with_extension(prefix: &Path, ext: &str) -> PathBuf {
    let mut name = prefix.as_os_str().to_owned();
    name.push(ext);
    PathBuf::from(name)
}

fn network_json(net: &Network) -> serde_json::Value {
    let hidden = &net.layers()[0];
    let out = &net.layers()[net.layers().len() - 1];
    json!({
        "hidden_weights": (0..hidden.output_dim()).map(|i| hidden.row(i).to_vec()).collect::<Vec<_>>(),
        "hidden_bias": hidden.bias(),
        "output_weights": out.weights(),
        "output_bias": out.bias(),
    })
}

fn write_outputs(
    prefix: &Path,
    args: &SparseArgs,
    samples: usize,
    outcome: &SparsityOutcome,
) -> Result<()> {
    let result = &outcome.result;
    if let Some(net) = &outcome.network {
        let onnx = with_extension(prefix, ".onnx");
        let options = OnnxWriteOptions {
            precision: OnnxPrecision::Float64,
            ..OnnxWriteOptions::default()
        };
        write_onnx(net, &onnx, &options)?;
        println!("Wrote             {}", onnx.display());
    }
    let report = json!({
        "data": args.data.display().to_string(),
        "samples": samples,
        "hidden": args.hidden,
        "tolerance": args.tolerance,
        "weight_bound": args.weight_bound,
        "symmetry_breaking": !args.no_symmetry_breaking,
        "status": result.status.as_str(),
        "nonzeros": outcome.nonzeros,
        "objective": result.objective.map(finite),
        "best_bound": finite(result.best_bound),
        "gap": finite(result.gap),
        "time_seconds": result.elapsed.as_secs_f64(),
        "nodes": result.stats.nodes,
        "max_residual": outcome.max_residual,
        "residual_limit": outcome.residual_limit,
        "polished": outcome.polished,
        "network": outcome.network.as_ref().map(network_json),
    });
    let path = with_extension(prefix, ".json");
    let text = serde_json::to_string_pretty(&report)?;
    relumip_solver::io::write_atomically(&path, (text + "\n").as_bytes())
        .with_context(|| format!("cannot write {}", path.display()))?;
    println!("Wrote             {}", path.display());
    Ok(())
}
