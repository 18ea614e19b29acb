//! Result files: the solution file and the JSON statistics.

use anyhow::{Context, Result};
use relumip_solver::io::relu::ReluReport;
use relumip_solver::model::{check_solution, Model};
use relumip_solver::search::{CutFamilyStats, Settings, SolveResult};
use serde_json::json;
use std::path::Path;
use std::time::Duration;

/// Writes `status`, `objective`, then one `name value` line per column.
pub fn write_solution(path: &Path, model: &Model, result: &SolveResult) -> Result<()> {
    let mut text = String::new();
    text.push_str(&format!("status {}\n", result.status.as_str()));
    match result.objective {
        Some(obj) => text.push_str(&format!("objective {obj:?}\n")),
        None => text.push_str("objective none\n"),
    }
    if let Some(x) = &result.solution {
        for (v, value) in model.variables.iter().zip(x) {
            text.push_str(&format!("{} {:?}\n", v.name, value));
        }
    }
    relumip_solver::io::write_atomically(path, text.as_bytes())
        .with_context(|| format!("cannot write solution file {}", path.display()))
}

/// A number as JSON: finite values as numbers, infinities as `"inf"` / `"-inf"`, NaN as null.
pub fn finite(x: f64) -> serde_json::Value {
    if x.is_finite() {
        json!(x)
    } else if x.is_nan() {
        serde_json::Value::Null
    } else {
        json!(if x > 0.0 { "inf" } else { "-inf" })
    }
}

/// The root cut loop per family, keyed by family name.
fn cuts_per_family(families: &[CutFamilyStats]) -> serde_json::Value {
    let map: serde_json::Map<String, serde_json::Value> = families
        .iter()
        .map(|f| {
            let value = json!({
                "rounds": f.rounds,
                "added": f.added,
                "kept": f.kept,
                "bound_gain": finite(f.bound_gain),
                "time": f.time,
            });
            (f.family.to_string(), value)
        })
        .collect();
    serde_json::Value::Object(map)
}

/// Writes every figure of the summary as JSON, with where the ReLU structure came
/// from when `relu` is given.
pub fn write_stats(
    path: &Path,
    model: &Model,
    settings: &Settings,
    result: &SolveResult,
    read_time: Duration,
    write_time: Duration,
    relu: Option<&ReluReport>,
) -> Result<()> {
    let size = model.size();
    let s = &result.stats;
    let check = result
        .solution
        .as_ref()
        .map(|x| check_solution(model, x, &settings.tolerances));
    let mut value = json!({
        "status": result.status.as_str(),
        "objective": result.objective.map_or(serde_json::Value::Null, finite),
        "best_bound": finite(result.best_bound),
        "gap": finite(result.gap),
        "nodes": s.nodes,
        "lp_iterations": s.lp_iterations,
        "lp_solves": s.lp_solves,
        "lp_failures": s.lp_failures,
        "strong_branching_lps": s.strong_branching_lps,
        "lp_unresolved_nodes": s.lp_unresolved,
        "pruned_infeasible": s.pruned_infeasible,
        "pruned_bound": s.pruned_bound,
        "propagated_bounds": s.propagated_bounds,
        "incumbent_updates": s.incumbent_updates,
        "rejected_solutions": s.rejected_solutions,
        "max_depth": s.max_depth,
        "cuts": s.cuts,
        "cut_rounds": s.cut_rounds,
        "time_cuts": s.time_cuts,
        "root_bound_before_cuts": s.root_bound_before_cuts.map_or(serde_json::Value::Null, finite),
        "cuts_per_family": cuts_per_family(&s.cut_families),
        "node_cuts": {
            "nodes": s.node_cut_nodes,
            "rounds": s.node_cut_rounds,
            "local_relu": s.local_cuts,
            "pool_readds": s.pool_readds,
            "pool_size": s.pool_size,
            "pool_aged_out": s.pool_aged_out,
            "pruned_nodes": s.pruned_by_node_cuts,
            "time": s.time_node_cuts,
        },
        "root_lp_objective": s.root_lp_objective.map_or(serde_json::Value::Null, finite),
        "time_seconds": result.elapsed.as_secs_f64() + read_time.as_secs_f64() + write_time.as_secs_f64(),
        "time_solve": result.elapsed.as_secs_f64(),
        "time_read": read_time.as_secs_f64(),
        "time_write": write_time.as_secs_f64(),
        "time_lp": s.time_lp,
        "time_branching": s.time_branching,
        "time_propagation": s.time_propagation,
        "time_heuristics": s.time_heuristics,
        "time_root": s.time_root,
        "relu_fixed": s.relu_fixed,
        "relu_tightened": s.relu_tightened,
        "relu_infeasible_nodes": s.relu_infeasible,
        "pruned_before_lp": s.pruned_before_lp,
        "time_relu_propagation": s.time_relu_propagation,
        "propagation_probes": s.propagation_probes,
        "big_m_tightened": s.big_m_tightened,
        "unit_splits_per_layer": s.unit_splits,
        "input_splits": s.input_splits,
        "input_split_solutions": s.input_split_solutions,
        "input_split_stalls": s.input_split_stalls,
        "input_split_alpha_closed": s.input_split_alpha_closed,
        "reduced_cost_fixings": s.reduced_cost_fixings,
        "time_input_splits": s.time_input_splits,
        "threads": result.threads,
        "deterministic": settings.schedule == relumip_solver::search::Schedule::Deterministic,
        "branching": settings.branching.name(),
        "lp_engine": settings.lp_backend.name(),
        "cut_families": settings.cuts.to_string(),
        "local_cut_depth": if settings.local_cuts { json!(settings.local_cut_depth) } else { serde_json::Value::Null },
        "cut_pool": settings.cut_pool,
        "reduced_cost_fixing": settings.reduced_cost_fixing,
        "input_splits_mode": settings.input_splits.name(),
        "input_split_unstable": settings.input_split_unstable,
        "input_split_alpha_steps": settings.input_split_alpha_steps,
        "inherit_node_cuts": settings.inherit_node_cuts,
        "seed": settings.seed,
        "model": {
            "name": model.name,
            "rows": size.rows,
            "columns": size.columns,
            "binaries": size.binaries,
            "integers": size.integers,
            "continuous": size.continuous,
            "nonzeros": size.nonzeros,
        },
        "solution_check": check.map(|c| json!({
            "feasible": c.is_feasible(),
            "max_bound_violation": c.max_bound_violation,
            "max_row_violation": c.max_row_violation,
            "max_integrality_violation": c.max_integrality_violation,
        })),
        "message": result.message,
        "warnings": result.warnings,
    });
    if let (Some(relu), Some(fields)) = (relu, value.as_object_mut()) {
        fields.insert("relu_source".into(), json!(relu.source_name()));
        fields.insert("relu_units".into(), json!(relu.units));
        fields.insert("relu_unstable".into(), json!(relu.unstable));
        fields.insert("relu_layers".into(), json!(relu.layers));
        fields.insert("relu_inputs".into(), json!(relu.inputs));
        fields.insert("time_relu_detection".into(), json!(relu.time.as_secs_f64()));
    }
    let text = serde_json::to_string_pretty(&value).context("cannot encode statistics")?;
    relumip_solver::io::write_atomically(path, (text + "\n").as_bytes())
        .with_context(|| format!("cannot write statistics file {}", path.display()))
}
