//! Parallel branch-and-bound.
//!
//! [`solve`] runs the whole search on a [`Model`]: the LP relaxation in minimisation
//! form, root propagation, then either the work-stealing scheduler (module `pool`) or the
//! deterministic round scheduler (module `deterministic`), both driving the same node
//! processor (module `processor`). The final solution is re-checked against the original model before
//! it is returned.

mod context;
mod deterministic;
mod incumbent;
pub mod memory;
pub(crate) mod node;
mod pool;
mod processor;
mod relu_root;
pub mod result;
pub mod settings;
pub mod shared;
pub mod solution_file;

pub use relu_root::{
    AUTO_FEASIBILITY_STALL_SHARE, AUTO_MIN_ROOT_UNSTABLE, AUTO_OPTIMISATION_STALL_SHARE,
    AUTO_SPLIT_FIRST_DEPTH,
};
pub use result::{relative_gap, CutFamilyStats, SearchStats, SolveResult, Status};
pub use settings::{
    InputSplits, Schedule, Settings, SettingsBuilder, UnitSplits, CUT_POOL_MAX_AGE,
    DEFAULT_ABSOLUTE_GAP, DEFAULT_INPUT_SPLIT_ALPHA_STEPS, DEFAULT_INPUT_SPLIT_UNSTABLE,
    DEFAULT_LOCAL_CUT_DEPTH, DEFAULT_RELATIVE_GAP, LP_FREE_MAX_UNSTABLE,
};
pub use shared::{NoProgress, Progress, ProgressKind, ProgressSink};
pub use solution_file::{parse_solution_file, SolutionFile};

use crate::cuts::{root_cut_loop, separators, CutFamily, ReluSeparator, SeparatorSources};
use crate::error::{Error, Result};
use crate::lp::LpProblem;
use crate::model::{check_solution, Model};
use context::SearchContext;
use node::Node;
use shared::Shared;
use std::time::Instant;

/// Largest matrix coefficient accepted without a big-M warning.
pub const BIG_M_WARNING: f64 = 1e6;

/// Solves `model` with `settings`, reporting progress to `sink`.
///
/// Errors are returned only for invalid settings or a model with NaN or infinite
/// coefficients; infeasible, unbounded and limits are statuses of the result.
pub fn solve(model: &Model, settings: &Settings, sink: &dyn ProgressSink) -> Result<SolveResult> {
    let start = Instant::now();
    validate(model, settings)?;
    let mut warnings = Vec::new();
    let max_coef = model.max_abs_coefficient();
    if max_coef > BIG_M_WARNING {
        warnings.push(format!(
            "largest matrix coefficient is {max_coef:.3e} (above {BIG_M_WARNING:.0e}): big-M values this large weaken the LP relaxation and invite numerical trouble"
        ));
    }
    let mut problem = LpProblem::relaxation(model);
    for (j, v) in model.variables.iter().enumerate() {
        if v.kind.is_integral() {
            problem.col_lower[j] = (problem.col_lower[j] - 1e-9).ceil();
            problem.col_upper[j] = (problem.col_upper[j] + 1e-9).floor();
        }
    }
    let mut settings = settings.clone();
    settings.threads = settings.threads.max(1);
    let threads = settings.threads;
    let mut empty_domain = problem
        .col_lower
        .iter()
        .zip(&problem.col_upper)
        .any(|(l, u)| l > u);
    let integral: Vec<bool> = model
        .variables
        .iter()
        .map(|v| v.kind.is_integral())
        .collect();
    let relu = relu_root::propagator(model, &settings, &problem, &integral);
    settings.branching = settings.branching.resolve(relu.is_some());
    let mut root_relu = SearchStats::default();
    if let (Some(propagator), false) = (&relu, empty_domain) {
        empty_domain = !relu_root::tighten_root(propagator, &mut problem, &mut root_relu);
    }
    let input_splitter = relu
        .as_ref()
        .and_then(|p| relu_root::input_splitter(p, &settings, &problem));
    let unit_splits = relu
        .as_ref()
        .is_some_and(|p| relu_root::lp_free_unit_splits(p, &settings, &problem));
    let mut cut_report = None;
    // Input-split and LP-free unit-split nodes need no LP: root cuts would only
    // serve the LPs of nodes with (nearly) all units stable, where they cannot help.
    let root_cuts = (input_splitter
        .as_ref()
        .is_none_or(|s| s.max_depth().is_some())
        || settings.input_split_unstable > 0)
        && !unit_splits;
    if !settings.cuts.is_empty() && !empty_domain && model.has_integers() && root_cuts {
        let deadline = settings.time_limit.map(|t| start + t);
        let sources = SeparatorSources {
            relu: model.relu.as_ref(),
        };
        let mut separators = separators(settings.cuts, &sources);
        cut_report = Some(root_cut_loop(
            &mut problem,
            &integral,
            &mut separators,
            deadline,
        ));
    }
    let mut ctx = SearchContext::new(model, problem, settings, start, relu);
    ctx.input_splitter = input_splitter;
    ctx.lp_free_unit_splits = unit_splits;
    let relu_cuts = ctx.settings.cuts.contains(CutFamily::Relu) && model.has_integers();
    if ctx.settings.local_cuts && relu_cuts && !empty_domain {
        ctx.node_separator = model.relu.as_ref().and_then(ReluSeparator::new);
    }
    let mut pool_size = 0;
    if let (true, Some(report)) = (ctx.settings.cut_pool, cut_report.as_mut()) {
        ctx.pool_rows = std::mem::take(&mut report.dropped);
        pool_size = ctx.pool_rows.len() as u64;
    }
    let shared = Shared::new(sink);
    if let Some(start) = &ctx.settings.initial_solution {
        let check = check_solution(model, start, &ctx.settings.tolerances);
        if check.is_feasible() {
            let internal =
                ctx.sense_sign() * (model.objective_value(start) - model.objective_constant);
            if ctx.wanted(internal) {
                shared.incumbent.offer(internal, start);
            }
        } else {
            warnings.push(format!(
                "the initial solution was ignored: {}",
                check.worst.unwrap_or_default()
            ));
        }
    }
    let (stats, open_bound) = if empty_domain {
        (SearchStats::default(), f64::INFINITY)
    } else {
        let rule = ctx
            .settings
            .branching
            .create(model.num_cols(), ctx.settings.seed);
        match ctx.settings.schedule {
            Schedule::Opportunistic => pool::run(&ctx, &shared, rule.as_ref(), Node::root()),
            Schedule::Deterministic => {
                deterministic::run(&ctx, &shared, rule.as_ref(), Node::root())
            }
        }
    };
    let mut stats = stats;
    stats.merge(&root_relu);
    stats.pool_size = pool_size;
    let mut result = finish(&ctx, &shared, stats, open_bound, threads);
    if let Some(report) = cut_report {
        result.stats.cuts = report.cuts as u64;
        result.stats.cut_rounds = report.rounds as u64;
        result.stats.time_cuts = report.time.as_secs_f64();
        result.stats.root_bound_before_cuts =
            report.bound_before.map(|b| ctx.to_model_objective(b));
        result.stats.cut_families = report.families.iter().map(CutFamilyStats::from).collect();
    }
    result.warnings.extend(warnings);
    if result.status == Status::Unbounded {
        result = decide_unbounded(model, &ctx.settings, result)?;
    }
    result.elapsed = start.elapsed();
    Ok(result)
}

fn validate(model: &Model, settings: &Settings) -> Result<()> {
    settings.validate()?;
    for v in &model.variables {
        if !v.cost.is_finite()
            || v.lower.is_nan()
            || v.upper.is_nan()
            || v.lower == f64::INFINITY
            || v.upper == f64::NEG_INFINITY
        {
            return Err(Error::Invalid(format!(
                "variable {} has an invalid cost or bound",
                v.name
            )));
        }
    }
    for r in &model.rows {
        if r.entries
            .iter()
            .any(|e| !e.1.is_finite() || e.0 >= model.num_cols())
            || r.lower.is_nan()
            || r.upper.is_nan()
            || r.lower == f64::INFINITY
            || r.upper == f64::NEG_INFINITY
        {
            return Err(Error::Invalid(format!(
                "row {} has an invalid coefficient or side",
                r.name
            )));
        }
    }
    Ok(())
}

/// Turns the end state of a search into a checked result.
fn finish(
    ctx: &SearchContext<'_>,
    shared: &Shared<'_>,
    mut stats: SearchStats,
    open_bound: f64,
    threads: usize,
) -> SolveResult {
    stats.lp_iterations = shared
        .lp_iterations
        .load(std::sync::atomic::Ordering::Acquire);
    let stop = shared.stop_status();
    let incumbent = shared.incumbent.get();
    let unresolved = stats.lp_unresolved > 0 || stats.rejected_solutions > 0;
    let (objective, bound) = shared.model_objective_and_bound(ctx, open_bound);
    let gap = relative_gap(objective, bound);
    let mut message = None;
    let mut warnings = Vec::new();
    if stats.lp_unresolved > 0 {
        warnings.push(format!(
            "{} node(s) were branched without an LP bound after repeated LP failures",
            stats.lp_unresolved
        ));
    }
    // Compared in the minimisation form the search prunes in (objective without
    // constant); the factor absorbs the rounding of `incumbent - tolerance`.
    let internal_incumbent = shared.incumbent.value();
    let internal_bound = ctx.strengthen_bound(
        open_bound
            .min(shared.closed_bound())
            .min(internal_incumbent),
    );
    let closed_within_tolerance = internal_incumbent.is_finite()
        && internal_incumbent - internal_bound
            <= (1.0 + 1e-9)
                * DEFAULT_ABSOLUTE_GAP.max(DEFAULT_RELATIVE_GAP * internal_incumbent.abs());
    let mut status = match stop {
        Some(s) => s,
        None if incumbent.is_none() && !unresolved => Status::Infeasible,
        None if incumbent.is_none() => {
            message = Some("no solution found, but some nodes could not be decided".into());
            Status::Error
        }
        None if closed_within_tolerance => Status::Optimal,
        None if unresolved => {
            message = Some("the gap could not be closed: some nodes could not be decided".into());
            Status::Error
        }
        None => Status::GapLimit,
    };
    let mut solution = incumbent.map(|(_, x)| x);
    if let Some(x) = &solution {
        let check = check_solution(ctx.model, x, &ctx.settings.tolerances);
        if !check.is_feasible() {
            message = Some(format!(
                "internal error: the best solution fails the final check: {}",
                check.worst.unwrap_or_default()
            ));
            status = Status::Error;
            solution = None;
        }
    }
    let objective = solution.as_ref().and(objective);
    SolveResult {
        status,
        objective,
        best_bound: if status == Status::Infeasible {
            ctx.sense_sign() * f64::INFINITY
        } else {
            bound
        },
        gap: if status == Status::Infeasible {
            f64::INFINITY
        } else {
            gap
        },
        solution,
        stats,
        threads,
        elapsed: ctx.start.elapsed(),
        message,
        warnings,
    }
}

/// The root LP is unbounded: the MILP is unbounded if it has a feasible point, and
/// infeasible otherwise (rational data). Decides which by a search for any feasible
/// point with a zero objective.
fn decide_unbounded(
    model: &Model,
    settings: &Settings,
    mut result: SolveResult,
) -> Result<SolveResult> {
    let mut feasibility = model.clone();
    feasibility.variables.iter_mut().for_each(|v| v.cost = 0.0);
    let probe = solve(&feasibility, settings, &NoProgress)?;
    result.stats.merge(&probe.stats);
    let sign = match model.sense {
        crate::model::ObjSense::Minimize => -1.0,
        crate::model::ObjSense::Maximize => 1.0,
    };
    match probe.status {
        Status::Optimal => {
            result.status = Status::Unbounded;
            result.objective = None;
            result.best_bound = sign * f64::INFINITY;
            result.gap = f64::INFINITY;
            result.solution = None;
        }
        Status::Infeasible => {
            result.status = Status::Infeasible;
            result.best_bound = -sign * f64::INFINITY;
            result.gap = f64::INFINITY;
        }
        other => {
            result.status = other;
            result.message = Some(
                "the LP relaxation is unbounded; no feasible point was found within the limits"
                    .into(),
            );
        }
    }
    Ok(result)
}
