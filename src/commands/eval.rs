//! `relumip eval NET`: forward passes of input vectors read as comma-separated lines.

use anyhow::{bail, Context, Result};
use clap::Args;
use relumip_solver::io::read_network;
use relumip_solver::io::vectors::parse_vector;
use std::io::{BufRead, Write};
use std::path::PathBuf;

/// Options of `relumip eval`.
#[derive(Args, Debug)]
pub struct EvalArgs {
    /// The network (.onnx, .onnx.gz or .nnet).
    pub network: PathBuf,
    /// Input vectors, one per line, comma-separated (default: standard input).
    #[arg(long, value_name = "FILE")]
    pub input: Option<PathBuf>,
    /// Fold a .nnet file's input/output normalisation in (raw units).
    #[arg(long)]
    pub nnet_raw: bool,
}

/// Runs `relumip eval`.
pub fn run(args: &EvalArgs) -> Result<()> {
    let net = read_network(&args.network, args.nnet_raw)?;
    let (reader, label): (Box<dyn BufRead>, String) = match &args.input {
        Some(path) => (
            Box::new(std::io::BufReader::new(
                std::fs::File::open(path)
                    .with_context(|| format!("cannot open {}", path.display()))?,
            )),
            path.display().to_string(),
        ),
        None => (Box::new(std::io::stdin().lock()), "<stdin>".to_string()),
    };
    let mut out = std::io::stdout().lock();
    for (index, line) in reader.lines().enumerate() {
        let line = line.with_context(|| format!("cannot read {label}"))?;
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let x = parse_vector(line, &label, index + 1)?;
        if x.len() != net.input_dim() {
            bail!(
                "{label}:{}: expected {} values (the network's inputs), found {}",
                index + 1,
                net.input_dim(),
                x.len()
            );
        }
        let y = net.forward(&x);
        let text: Vec<String> = y.iter().map(|v| format!("{v:?}")).collect();
        if writeln!(out, "{}", text.join(",")).is_err() {
            break;
        }
    }
    Ok(())
}
