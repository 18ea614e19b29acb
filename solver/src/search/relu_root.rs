//! The ReLU structure at the root: compiling it for node propagation, and tightening
//! the root bounds and the big-M rows with it before the root cuts and the search.

use super::result::SearchStats;
use super::settings::Settings;
use crate::lp::LpProblem;
use crate::model::Model;
use crate::propagation::{LocalDomain, RowStructure};
use crate::relu::{tighten_big_m_rows, NetworkView, NodePropagator};
use std::sync::Arc;
use std::time::Instant;

/// The propagator of the model's ReLU structure, when there is one, the settings
/// allow it and it compiles to a layered network.
pub(super) fn propagator(
    model: &Model,
    settings: &Settings,
    problem: &LpProblem,
    integral: &[bool],
) -> Option<NodePropagator> {
    if !settings.relu_propagation {
        return None;
    }
    let view = NetworkView::new(model.relu.as_ref()?, model.num_cols())?;
    Some(NodePropagator::new(
        view,
        &RowStructure::new(problem, integral.to_vec()),
        &problem.costs,
    ))
}

/// Propagates over the root bounds and writes the tightened bounds into `problem`.
/// Returns false when the propagation proves the model infeasible.
pub(super) fn tighten_root(
    propagator: &NodePropagator,
    problem: &mut LpProblem,
    stats: &mut SearchStats,
) -> bool {
    let started = Instant::now();
    let mut dom = LocalDomain::new(
        Arc::new(problem.col_lower.clone()),
        Arc::new(problem.col_upper.clone()),
    );
    let outcome = propagator.propagate(&mut dom, 0);
    stats.time_relu_propagation += started.elapsed().as_secs_f64();
    if outcome.infeasible {
        return false;
    }
    stats.relu_fixed += u64::from(outcome.fixed);
    stats.relu_tightened += outcome.changes.len() as u64;
    problem.col_lower.clone_from(&dom.lower);
    problem.col_upper.clone_from(&dom.upper);
    stats.big_m_tightened += tighten_big_m_rows(problem, propagator.view()) as u64;
    true
}
