//! Network instances as MPS files: each case of the property becomes one verification
//! MILP (`t <= 0`, so feasible = counterexample), written once and given to every
//! solver that reads MPS.
//!
//! The MILP is the one `relumip verify` builds: the chosen formulation (big-M by
//! default) with pre-activation bounds by the same method (symbolic bounds tightened by
//! LP, by default). Bounds are computed once per input region and shared by the cases
//! over that region.

use anyhow::{Context, Result};
use relumip_solver::formulate::{verification_milp, Formulation};
use relumip_solver::io::mps::write_mps;
use relumip_solver::io::read_network;
use relumip_solver::io::vnnlib::read_vnnlib;
use relumip_solver::verify::{case_bounds, pre_bounds, BoundsMethod};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Per-layer `(lower, upper)` pre-activation bounds.
type PreBounds = Vec<Vec<(f64, f64)>>;

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
    property.check_network(&net)?;
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut cases = Vec::new();
    let mut binaries = Vec::new();
    // Bounds depend only on the input region: compute them once per region.
    let mut regions: Vec<(usize, PreBounds)> = Vec::new();
    for (k, case) in property.cases.iter().enumerate() {
        let same = regions.iter().find(|(first, _)| {
            let f = &property.cases[*first];
            f.input_lower == case.input_lower
                && f.input_upper == case.input_upper
                && f.input_constraints == case.input_constraints
        });
        let pre = match same {
            Some((_, pre)) => pre.clone(),
            None => {
                let bounds = case_bounds(&net, case, options.bounds, options.budget)?;
                let pre = pre_bounds(&bounds);
                regions.push((k, pre.clone()));
                pre
            }
        };
        let mut milp = verification_milp(&net, case, &pre, options.formulation)?;
        milp.restrict_to_counterexamples();
        milp.model.name = format!("case{k}");
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
