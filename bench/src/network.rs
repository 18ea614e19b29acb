//! Network instances as MPS files: each case of the property becomes one verification
//! MILP (`t <= 0`, so feasible = counterexample), written once and given to every
//! solver that reads MPS.
//!
//! The MILP is the one `relumip verify` builds: the chosen formulation (big-M by
//! default) with pre-activation bounds by the same method (symbolic bounds tightened by
//! LP, by default). Bounds are computed once per input region and shared by the cases
//! over that region.

use anyhow::{Context, Result};
use relumip_solver::formulate::Formulation;
use relumip_solver::io::mps::write_mps;
use relumip_solver::io::read_network;
use relumip_solver::io::vnnlib::read_vnnlib;
use relumip_solver::verify::{case_milps, BoundsMethod, CaseMilpOptions};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How network instances are exported.
#[derive(Clone, Copy, Debug)]
pub struct ExportOptions {
    /// MILP formulation.
    pub formulation: Formulation,
    /// Pre-activation bounds.
    pub bounds: BoundsMethod,
    /// Seconds that LP tightening may use per input region.
    pub budget: Duration,
}

/// The exported cases of one instance.
#[derive(Clone, Debug)]
pub struct Exported {
    /// One MPS file per case, in the property's order.
    pub cases: Vec<PathBuf>,
    /// Binaries of each case.
    pub binaries: Vec<usize>,
    /// Seconds spent (reading, bounds, writing).
    pub seconds: f64,
}

/// Writes the verification MILPs of `onnx` and `vnnlib` into `dir` as
/// `case<k>.mps`.
pub fn export_instance(
    onnx: &Path,
    vnnlib: &Path,
    dir: &Path,
    options: &ExportOptions,
) -> Result<Exported> {
    let started = Instant::now();
    let net = read_network(onnx, false)?;
    let property = read_vnnlib(vnnlib)?;
    let milps = case_milps(
        &net,
        &property,
        &CaseMilpOptions {
            bounds: options.bounds,
            budget: options.budget,
            formulation: options.formulation,
        },
    )?;
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut cases = Vec::new();
    let mut binaries = Vec::new();
    for (k, milp) in milps.iter().enumerate() {
        let path = dir.join(format!("case{k}.mps"));
        write_mps(&milp.model, &path)?;
        binaries.push(milp.model.size().binaries);
        cases.push(path);
    }
    Ok(Exported {
        cases,
        binaries,
        seconds: started.elapsed().as_secs_f64(),
    })
}
