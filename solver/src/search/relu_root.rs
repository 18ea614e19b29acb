//! The ReLU structure at the root: compiling it for node propagation, and tightening
//! the root bounds and the big-M rows with it before the root cuts and the search.

use super::result::SearchStats;
use super::settings::{InputSplits, Settings, UnitSplits};
use crate::lp::LpProblem;
use crate::model::Model;
use crate::propagation::{LocalDomain, RowStructure};
use crate::relu::{
    tighten_big_m_rows, InputSplitter, NetworkView, NodePropagator, INPUT_SPLIT_MAX_INPUTS,
};
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

/// The input splitter of the propagator's network, when the settings ask for input
/// splits and the network qualifies: bounded inputs, and with `auto` also few
/// inputs and units unstable at the root. For a question of feasibility (the first
/// solution, or any solution within an objective limit, is the answer) with at
/// least [`AUTO_MIN_ROOT_UNSTABLE`] unstable units it splits at every depth until a
/// node's best split stalls ([`AUTO_FEASIBILITY_STALL_SHARE`]), with
/// fewer only above [`AUTO_SPLIT_FIRST_DEPTH`]; when optimising (with at least
/// [`Settings::optimisation_split_min_unstable`] unstable units) it splits at every
/// depth until a node's best split stalls ([`AUTO_OPTIMISATION_STALL_SHARE`]),
/// when the objective is a function of the outputs that propagation bounds.
pub(super) fn input_splitter(
    propagator: &NodePropagator,
    settings: &Settings,
    problem: &LpProblem,
) -> Option<InputSplitter> {
    let max_inputs = match settings.input_splits {
        InputSplits::Off => return None,
        InputSplits::Auto => {
            let dom = LocalDomain::new(
                Arc::new(problem.col_lower.clone()),
                Arc::new(problem.col_upper.clone()),
            );
            let unstable = propagator
                .node_bounds(&dom)
                .map_or(0, |b| b.relu_counts().unstable);
            let feasibility = is_feasibility_question(settings, problem);
            if unstable == 0 || !(feasibility || propagator.bounds_objective()) {
                return None;
            }
            if !feasibility && unstable < settings.optimisation_split_min_unstable {
                return None;
            }
            let splitter = InputSplitter::new(
                propagator,
                &problem.col_lower,
                &problem.col_upper,
                INPUT_SPLIT_MAX_INPUTS,
            )?;
            return Some(if !feasibility {
                splitter.with_stall_share(AUTO_OPTIMISATION_STALL_SHARE)
            } else if unstable < AUTO_MIN_ROOT_UNSTABLE {
                splitter.with_max_depth(AUTO_SPLIT_FIRST_DEPTH)
            } else {
                splitter.with_stall_share(AUTO_FEASIBILITY_STALL_SHARE)
            });
        }
        InputSplits::On => usize::MAX,
    };
    InputSplitter::new(
        propagator,
        &problem.col_lower,
        &problem.col_upper,
        max_inputs,
    )
}

/// Whether nodes with many unstable units are split on an indicator without an LP
/// (see [`Settings::unit_splits`]): the objective must be a linear function of the
/// outputs (so that propagation bounds it), and with `auto` the question is one of
/// feasibility on a network with more than [`INPUT_SPLIT_MAX_INPUTS`] inputs.
pub(super) fn lp_free_unit_splits(
    propagator: &NodePropagator,
    settings: &Settings,
    problem: &LpProblem,
) -> bool {
    if !propagator.bounds_objective() {
        return false;
    }
    match settings.unit_splits {
        UnitSplits::Off => false,
        UnitSplits::On => true,
        UnitSplits::Auto => {
            is_feasibility_question(settings, problem)
                && propagator.view().inputs.len() > INPUT_SPLIT_MAX_INPUTS
        }
    }
}

/// True when the run asks a question of feasibility: the first solution, or any
/// solution within an objective limit, is the answer (or there is no objective).
fn is_feasibility_question(settings: &Settings, problem: &LpProblem) -> bool {
    settings.stop_at_first_solution
        || settings.objective_limit.is_some()
        || problem.costs.iter().all(|&c| c == 0.0)
}

/// When optimising, `--input-splits auto` leaves a node to the LP and indicator
/// branching when its best input split raises the bound of the worse half by less
/// than this share of the node's gap (bound to cutoff): the symbolic bounds have
/// stopped closing that part of the box. Measured on 16 generated networks (5-10
/// inputs, 2-3 hidden layers of 20-60 units, minimising `y0 - y1`, 1 thread, 20 s):
/// the LP search alone solved 3, input splits at every depth 9, with depth limits
/// 8 / 16 5 / 9, with the stall share 0.01 / 0.05 / 0.1 / 0.2 10 / 11 / 11 / 5.
pub const AUTO_OPTIMISATION_STALL_SHARE: f64 = 0.1;

/// For a question of feasibility on a network with at least
/// [`AUTO_MIN_ROOT_UNSTABLE`] unstable units, `--input-splits auto` leaves a node
/// to the LP when its best input split raises the worse half's bound by less than
/// this share of the node's gap (without a stall rule, boxes with a handful of
/// unstable units were halved down to their smallest width without moving the
/// bound). On ACAS Xu net 1_1 property 5 (cases 1-3, 2 threads, with optimised
/// slopes at split nodes): without the rule case 3 times out at 60 s; with 0.1
/// the cases take 1.1 / 0.6 / 8.5 s, with 0.02 0.8 / 0.6 / 4.2 s. Net 3_3
/// property 2 (60 s, bound reached): none -0.022, 0.005 -0.012, 0.02 -0.007.
pub const AUTO_FEASIBILITY_STALL_SHARE: f64 = 0.02;

/// With fewer than [`AUTO_MIN_ROOT_UNSTABLE`] unstable units at the root,
/// `--input-splits auto` splits inputs only above this depth and leaves deeper
/// nodes to the LP and indicator branching (a rule per node, so deterministic
/// runs stay reproducible). Measured on the eight ACAS Xu property-3/4 cases
/// where input splits and the LP search differ most (75-163 unstable units, 2
/// threads, 30 s): depth 6, 8 or 10 decide all eight (26-33 s in all, net 1_1
/// property 3 included, which neither decides alone), depth 15 and 20 take
/// 57-63 s or lose 4_3 property 3; no limit decides 6, the LP search alone 7.
pub const AUTO_SPLIT_FIRST_DEPTH: u32 = 8;

/// `--input-splits auto` splits inputs when at least this many units are unstable at
/// the root. Measured on the exported ACAS Xu cases (300 units, 1 thread, 15 s): the
/// LP search decides the property-3 cases with 83 unstable units faster (1.5 s
/// against a time-out for 4_3), input splitting those with 250 and more (property 2
/// counterexamples in 0.03-0.4 s, where the LP search times out).
pub const AUTO_MIN_ROOT_UNSTABLE: usize = 200;

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
