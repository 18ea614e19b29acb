//! Network instances exported as MPS files before the runs, once for every solver
//! that reads MPS.

use super::progress::{progress_bar, say};
use super::{BenchOptions, Planned};
use crate::network::{export_instance, ExportOptions};
use crate::suite::InstanceKind;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Exports every network instance of `plan` into `out/mps/<instance>` (the result, or
/// why it failed, goes into the plan) and returns the seconds spent.
pub(super) fn export_all(plan: &mut [Planned<'_>], out: &Path, options: &BenchOptions) -> f64 {
    let started = Arc::new(Mutex::new(Instant::now()));
    let bar = progress_bar(plan.len() as u64, options.quiet, started.clone());
    let mut total = 0.0;
    for p in plan.iter_mut() {
        let InstanceKind::Network { onnx, vnnlib } = &p.instance.kind else {
            continue;
        };
        if let Ok(mut t) = started.lock() {
            *t = Instant::now();
        }
        bar.set_message(format!("exporting {}", p.instance.name));
        let budget = options.bounds_budget.unwrap_or(0.2 * p.time_limit);
        let export = ExportOptions {
            formulation: options.formulation,
            bounds: options.bounds,
            budget: Duration::from_secs_f64(budget),
        };
        let dir = out.join("mps").join(&p.instance.name);
        let result = export_instance(onnx, vnnlib, &dir, &export).map_err(|e| format!("{e:#}"));
        match &result {
            Ok(e) => {
                total += e.seconds;
                say(
                    &bar,
                    options.quiet,
                    format!(
                        "exported {}: {} case(s), binaries {:?}, {:.1} s",
                        p.instance.name,
                        e.cases.len(),
                        e.binaries,
                        e.seconds
                    ),
                );
            }
            Err(e) => say(
                &bar,
                options.quiet,
                format!("export of {} failed: {e}", p.instance.name),
            ),
        }
        p.exported = Some(result);
        bar.inc(1);
    }
    bar.finish_and_clear();
    total
}
