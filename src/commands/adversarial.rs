//! `relumip adversarial NET --input FILE --target K`: the input closest in L1 norm to a
//! given one that the network classifies as class K with a margin (seed 002, 4.2).

use super::solve::{LimitArgs, SearchArgs};
use anyhow::{bail, Context, Result};
use clap::Args;
use relumip_solver::formulate::{adversarial_milp, Decision, Formulation};
use relumip_solver::io::read_network;
use relumip_solver::nn::property::Case;
use relumip_solver::search::{solve, NoProgress, Status};
use relumip_solver::verify::{case_bounds, pre_bounds, BoundsMethod};
use std::path::PathBuf;
use std::time::Duration;

/// Options of `relumip adversarial`.
#[derive(Args, Debug)]
pub struct AdversarialArgs {
    /// The network (.onnx, .onnx.gz or .nnet).
    pub network: PathBuf,
    /// The reference input: one line of comma-separated values.
    #[arg(long, value_name = "FILE")]
    pub input: PathBuf,
    /// Target class.
    #[arg(long, value_name = "K")]
    pub target: usize,
    /// Margin: the target output must be at least this multiple of every other
    /// (argmax), or every other at least this multiple of the target (argmin).
    #[arg(long, default_value_t = 1.2)]
    pub margin: f64,
    /// Whether the class is the largest or the smallest output.
    #[arg(long, default_value = "argmax", value_parser = ["argmax", "argmin"])]
    pub decision: String,
    /// Largest allowed L1 distance (also bounds the search box when --box is absent).
    #[arg(long, value_name = "D")]
    pub max_distance: Option<f64>,
    /// The input domain as LO,UP for every input (default: the L1 ball's box).
    #[arg(
        long = "box",
        value_name = "LO,UP",
        value_delimiter = ',',
        num_args = 2
    )]
    pub input_box: Option<Vec<f64>>,
    /// Write the adversarial input here (one comma-separated line).
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// MILP formulation: bigm, partition or partition:P.
    #[arg(long, default_value = "bigm")]
    pub formulation: String,
    /// Fold a .nnet file's normalisation in (raw units).
    #[arg(long)]
    pub nnet_raw: bool,
    /// Limits.
    #[command(flatten)]
    pub limits: LimitArgs,
    /// Search options.
    #[command(flatten)]
    pub search: SearchArgs,
}

/// Runs `relumip adversarial`.
pub fn run(args: &AdversarialArgs) -> Result<()> {
    let net = read_network(&args.network, args.nnet_raw)?;
    let text = std::fs::read_to_string(&args.input)
        .with_context(|| format!("cannot read {}", args.input.display()))?;
    let line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let x0: Vec<f64> = line
        .split(',')
        .map(|t| {
            t.trim()
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite())
                .with_context(|| {
                    format!(
                        "{}: expected a number, found '{}'",
                        args.input.display(),
                        t.trim()
                    )
                })
        })
        .collect::<Result<_>>()?;
    if x0.len() != net.input_dim() {
        bail!(
            "{}: expected {} values, found {}",
            args.input.display(),
            net.input_dim(),
            x0.len()
        );
    }
    anyhow::ensure!(
        args.margin.is_finite() && args.margin > 0.0,
        "--margin must be positive"
    );
    let (lower, upper): (Vec<f64>, Vec<f64>) = match (&args.input_box, args.max_distance) {
        (Some(b), _) => {
            anyhow::ensure!(b[0] <= b[1], "--box needs LO <= UP");
            (vec![b[0]; x0.len()], vec![b[1]; x0.len()])
        }
        (None, Some(d)) => {
            anyhow::ensure!(
                d.is_finite() && d >= 0.0,
                "--max-distance must be non-negative"
            );
            (
                x0.iter().map(|v| v - d).collect(),
                x0.iter().map(|v| v + d).collect(),
            )
        }
        (None, None) => bail!("the input domain is unknown: give --box LO,UP or --max-distance D"),
    };
    let case = Case {
        input_lower: lower.clone(),
        input_upper: upper.clone(),
        input_constraints: Vec::new(),
        output_constraints: Vec::new(),
    };
    let bounds = case_bounds(&net, &case, BoundsMethod::Lp, Duration::from_secs(10))?;
    let formulation = Formulation::from_name(&args.formulation).context("unknown formulation")?;
    let decision = if args.decision == "argmin" {
        Decision::Argmin
    } else {
        Decision::Argmax
    };
    let milp = adversarial_milp(
        &net,
        &x0,
        &lower,
        &upper,
        args.target,
        args.margin,
        decision,
        args.max_distance,
        &pre_bounds(&bounds),
        formulation,
    )?;
    let mut settings = args.search.settings()?;
    args.limits.apply(&mut settings)?;
    let result = solve(&milp.model, &settings, &NoProgress)?;
    match (&result.solution, result.status) {
        (_, Status::Infeasible) => {
            println!(
                "no input within the domain is classified as {} with margin {}",
                args.target, args.margin
            );
        }
        (Some(x), status) => {
            let adv: Vec<f64> = milp.inputs.iter().map(|&c| x[c]).collect();
            let y = net.forward(&adv);
            let distance: f64 = adv.iter().zip(&x0).map(|(a, b)| (a - b).abs()).sum();
            println!("distance {distance:?}");
            if status == Status::Optimal {
                println!(
                    "optimal: no input closer than this distance is classified as {}",
                    args.target
                );
            } else {
                println!(
                    "{}: the smallest distance is at least {:?}",
                    status.as_str(),
                    result.best_bound
                );
            }
            println!(
                "output {}",
                y.iter()
                    .map(|v| format!("{v:?}"))
                    .collect::<Vec<_>>()
                    .join(",")
            );
            let line = adv
                .iter()
                .map(|v| format!("{v:?}"))
                .collect::<Vec<_>>()
                .join(",");
            match &args.output {
                Some(path) => std::fs::write(path, line + "\n")
                    .with_context(|| format!("cannot write {}", path.display()))?,
                None => println!("input {line}"),
            }
        }
        (None, status) => println!(
            "{}: no adversarial input found (bound {:?})",
            status.as_str(),
            result.best_bound
        ),
    }
    Ok(())
}
