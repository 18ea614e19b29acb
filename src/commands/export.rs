//! `relumip export NET PROP --formulation F --out DIR`: the verification MILPs as MPS
//! (one per case; feasible = counterexample) with a JSON sidecar each.

use super::args::{parse_formulation, seconds, BoundsArg};
use anyhow::{Context, Result};
use clap::Args;
use relumip_solver::formulate::Formulation;
use relumip_solver::io::mps::write_mps;
use relumip_solver::io::read_network;
use relumip_solver::io::vnnlib::read_vnnlib;
use relumip_solver::verify::{case_milps, CaseMilpOptions};
use serde_json::json;
use std::path::{Path, PathBuf};

/// Options of `relumip export`.
#[derive(Args, Debug)]
pub struct ExportArgs {
    /// The network (.onnx, .onnx.gz or .nnet).
    pub network: PathBuf,
    /// The property (.vnnlib or .vnnlib.gz).
    pub property: PathBuf,
    /// MILP formulation: bigm, partition (2 groups) or partition:P.
    #[arg(long, default_value = "bigm", value_name = "F", value_parser = parse_formulation)]
    pub formulation: Formulation,
    /// Pre-activation bounds.
    #[arg(long, value_enum, default_value_t = BoundsArg::Lp, value_name = "METHOD")]
    pub bounds: BoundsArg,
    /// Seconds that LP tightening may use per input region.
    #[arg(long, default_value_t = 10.0, value_name = "S")]
    pub bounds_budget: f64,
    /// Output folder (created if missing).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Fold a .nnet file's normalisation in (raw units).
    #[arg(long)]
    pub nnet_raw: bool,
}

fn stem(path: &Path) -> String {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("model");
    let name = name.strip_suffix(".gz").unwrap_or(name);
    name.rsplit_once('.').map_or(name, |(s, _)| s).to_string()
}

/// Runs `relumip export`.
pub fn run(args: &ExportArgs) -> Result<()> {
    let net = read_network(&args.network, args.nnet_raw)?;
    let property = read_vnnlib(&args.property)?;
    let options = CaseMilpOptions {
        bounds: args.bounds.into(),
        budget: seconds("bounds-budget", args.bounds_budget)?,
        formulation: args.formulation,
    };
    let milps = case_milps(&net, &property, &options)?;
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("cannot create {}", args.out.display()))?;
    let base = format!("{}_{}", stem(&args.network), stem(&args.property));
    for (k, mut milp) in milps.into_iter().enumerate() {
        milp.model.name = format!("{base}_case{k}");
        let mps = args.out.join(format!("{base}_case{k}.mps"));
        write_mps(&milp.model, &mps)?;
        let size = milp.model.size();
        let sidecar = json!({
            "network": args.network.display().to_string(),
            "property": args.property.display().to_string(),
            "case": k,
            "cases": property.cases.len(),
            "formulation": args.formulation.name(),
            "bounds": options.bounds.name(),
            "meaning": "feasible = counterexample (sat); infeasible = this case is unsat",
            "rows": size.rows,
            "columns": size.columns,
            "binaries": size.binaries,
            "inputs": milp.inputs.iter().map(|&c| &milp.model.variables[c].name).collect::<Vec<_>>(),
            "outputs": milp.outputs.iter().map(|&c| &milp.model.variables[c].name).collect::<Vec<_>>(),
            "relu": milp.model.relu,
        });
        let json_path = args.out.join(format!("{base}_case{k}.json"));
        relumip_solver::io::write_atomically(
            &json_path,
            (serde_json::to_string_pretty(&sidecar)? + "\n").as_bytes(),
        )
        .with_context(|| format!("cannot write {}", json_path.display()))?;
        println!(
            "wrote {} ({} rows, {} columns, {} binaries)",
            mps.display(),
            size.rows,
            size.columns,
            size.binaries
        );
    }
    Ok(())
}
