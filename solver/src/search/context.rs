//! Read-only data shared by all workers of one solve.

use super::result::Status;
use super::settings::Settings;
use crate::cuts::ReluSeparator;
use crate::lp::{LpBackend, LpLimits, LpProblem, LpRow, LpStatus};
use crate::model::{check_solution, Model, ObjSense};
use crate::propagation::RowStructure;
use crate::relu::{InputSplitter, NodePropagator};
use std::sync::Arc;
use std::time::Instant;

/// Everything a worker reads but never writes.
pub struct SearchContext<'m> {
    /// The original model, for checking solutions.
    pub model: &'m Model,
    /// The LP relaxation in minimisation form, with root bounds.
    pub problem: LpProblem,
    /// Row/column structure for propagation.
    pub structure: RowStructure,
    /// Root lower bounds (after root propagation).
    pub root_lower: Arc<Vec<f64>>,
    /// Root upper bounds (after root propagation).
    pub root_upper: Arc<Vec<f64>>,
    /// True when every feasible solution has an integral objective value.
    pub objective_integral: bool,
    /// Run settings.
    pub settings: Settings,
    /// Start of the solve.
    pub start: Instant,
    /// Deadline from the time limit.
    pub deadline: Option<Instant>,
    /// Resident memory in bytes at which the search stops (the settings' or the
    /// default share of the machine; `None` where that cannot be read).
    pub memory_limit: Option<u64>,
    /// Only solutions below this minimisation-form value are wanted (`+inf`: all).
    pub objective_limit: f64,
    /// Neuron-stability propagation, when the model's ReLU structure compiles.
    pub relu: Option<NodePropagator>,
    /// Separator of local ReLU cuts at nodes, when they are on and the model has a
    /// ReLU structure to separate.
    pub node_separator: Option<ReluSeparator>,
    /// Root cuts left out of the LP, the starting content of every worker's cut
    /// pool (empty when the pool is off).
    pub pool_rows: Vec<LpRow>,
    /// Input splitting for the model's network (none: only integer columns are
    /// branched on).
    pub input_splitter: Option<InputSplitter>,
    /// Nodes with many unstable units are split on an indicator without an LP
    /// (see [`crate::search::Settings::unit_splits`]).
    pub lp_free_unit_splits: bool,
}

impl<'m> SearchContext<'m> {
    /// Whether the search must stop now: its deadline has passed, a stop was
    /// requested (see [`crate::interrupt`]) or the settings' cancel flag is set.
    pub fn out_of_time(&self) -> bool {
        crate::interrupt::past(self.deadline)
            || self
                .settings
                .cancel
                .as_ref()
                .is_some_and(|c| c.load(std::sync::atomic::Ordering::Relaxed))
    }

    /// Checks the memory against the run's limit: past the dive share the workers
    /// dive (`shared.dive`), at the limit the search stops with
    /// [`Status::MemoryLimit`].
    pub fn watch_memory(&self, shared: &super::shared::Shared<'_>) {
        let Some(limit) = self.memory_limit else {
            return;
        };
        match super::memory::state(limit) {
            super::memory::MemoryState::Fine => {}
            super::memory::MemoryState::Dive => {
                if !shared.dive.swap(true, std::sync::atomic::Ordering::AcqRel) {
                    log::warn!(
                        "memory above {:.0} % of the limit ({} MB): depth-first from here",
                        100.0 * super::memory::DIVE_SHARE,
                        limit >> 20
                    );
                }
            }
            super::memory::MemoryState::Exceeded => shared.request_stop(Status::MemoryLimit),
        }
    }

    /// The status of a search stopped by [`SearchContext::out_of_time`] or by an LP
    /// that ran out of time.
    pub fn limit_status(&self) -> Status {
        if crate::interrupt::requested() {
            Status::Interrupted
        } else {
            Status::TimeLimit
        }
    }

    /// Builds the context of `problem` (already in minimisation form) for `model`.
    pub fn new(
        model: &'m Model,
        problem: LpProblem,
        settings: Settings,
        start: Instant,
        relu: Option<NodePropagator>,
    ) -> Self {
        let integral: Vec<bool> = model
            .variables
            .iter()
            .map(|v| v.kind.is_integral())
            .collect();
        let objective_integral = problem
            .costs
            .iter()
            .zip(&integral)
            .all(|(&c, &int)| c == 0.0 || (int && c == c.round() && c.abs() < 1e12))
            && problem.costs.iter().any(|&c| c != 0.0);
        let structure = RowStructure::new(&problem, integral);
        let deadline = settings.time_limit.map(|t| start + t);
        let memory_limit = settings.memory_limit.or_else(super::memory::default_limit);
        let sign = match model.sense {
            ObjSense::Minimize => 1.0,
            ObjSense::Maximize => -1.0,
        };
        // The limit admits solutions up to it, within 1e-9.
        let objective_limit = settings.objective_limit.map_or(f64::INFINITY, |limit| {
            let internal = sign * (limit - model.objective_constant);
            internal + 1e-9 * internal.abs().max(1.0)
        });
        SearchContext {
            model,
            root_lower: Arc::new(problem.col_lower.clone()),
            root_upper: Arc::new(problem.col_upper.clone()),
            problem,
            structure,
            objective_integral,
            settings,
            start,
            deadline,
            memory_limit,
            objective_limit,
            relu,
            node_separator: None,
            pool_rows: Vec::new(),
            input_splitter: None,
            lp_free_unit_splits: false,
        }
    }

    /// Sign that maps the minimisation objective to the model's sense.
    pub fn sense_sign(&self) -> f64 {
        match self.model.sense {
            ObjSense::Minimize => 1.0,
            ObjSense::Maximize => -1.0,
        }
    }

    /// Converts a minimisation-form objective (no constant) to the model's objective.
    pub fn to_model_objective(&self, internal: f64) -> f64 {
        self.sense_sign() * internal + self.model.objective_constant
    }

    /// Nodes whose LP objective is at least this value cannot contain a solution better
    /// than `incumbent` by more than the gap tolerances.
    pub fn cutoff(&self, incumbent: f64) -> f64 {
        if !incumbent.is_finite() {
            return self.objective_limit;
        }
        let tolerance = self
            .settings
            .absolute_gap
            .max(self.settings.relative_gap * incumbent.abs());
        let mut cutoff = incumbent - tolerance;
        if self.objective_integral {
            cutoff = cutoff.min(incumbent - 1.0 + 1e-6);
        }
        cutoff.min(self.objective_limit)
    }

    /// True when a solution with this minimisation-form objective is wanted at all
    /// (it beats the objective limit, if one is set).
    pub fn wanted(&self, objective: f64) -> bool {
        objective < self.objective_limit
    }

    /// A valid bound for a subtree pruned against `incumbent`: no solution in it is
    /// better than the cutoff, and with an integral objective none is below the next
    /// integer above the cutoff.
    pub fn pruned_bound(&self, incumbent: f64) -> f64 {
        let cutoff = self.cutoff(incumbent);
        if self.objective_integral && cutoff.is_finite() {
            (cutoff - 1e-9).ceil()
        } else {
            cutoff
        }
    }

    /// A node bound after using objective integrality.
    pub fn strengthen_bound(&self, bound: f64) -> f64 {
        if self.objective_integral && bound.is_finite() {
            (bound - 1e-6).ceil()
        } else {
            bound
        }
    }

    /// Checks a candidate point (LP values) against the original model; returns the
    /// accepted point (integers rounded when that keeps it feasible) and its
    /// minimisation-form objective. With `complete`, a point that fails the check gets
    /// its continuous columns recomputed by an LP with the integers fixed (built
    /// from scratch: too costly for candidates proposed at every node).
    pub fn accept_candidate(&self, x: &[f64], complete: bool) -> Option<(f64, Vec<f64>)> {
        let mut rounded = x.to_vec();
        for (value, &int) in rounded.iter_mut().zip(&self.structure.integral) {
            if int {
                *value = value.round();
            }
        }
        for (value, v) in rounded.iter_mut().zip(&self.model.variables) {
            *value = value.clamp(v.lower, v.upper.max(v.lower));
        }
        for point in [rounded.clone(), x.to_vec()] {
            if let Some(accepted) = self.checked(point) {
                return Some(accepted);
            }
        }
        // Last resort: integers fixed at their rounded values, continuous columns
        // recomputed by an LP of the original rows (no cuts).
        if complete && !self.structure.integral.iter().all(|&b| b) {
            let mut completion = LpProblem::relaxation(self.model);
            for (j, &int) in self.structure.integral.iter().enumerate() {
                if int {
                    completion.col_lower[j] = rounded[j];
                    completion.col_upper[j] = rounded[j];
                }
            }
            let mut lp = LpBackend::DualSimplex.create(&completion);
            let limits = LpLimits {
                deadline: self.deadline,
                ..LpLimits::default()
            };
            if lp.solve(&limits) == LpStatus::Optimal {
                let mut point = lp.primal().to_vec();
                for (j, &int) in self.structure.integral.iter().enumerate() {
                    if int {
                        point[j] = rounded[j];
                    }
                }
                return self.checked(point);
            }
        }
        None
    }

    /// The point and its minimisation-form objective, if it passes the model check.
    fn checked(&self, point: Vec<f64>) -> Option<(f64, Vec<f64>)> {
        let check = check_solution(self.model, &point, &self.settings.tolerances);
        check.is_feasible().then(|| {
            let internal = self.sense_sign() * (check.objective - self.model.objective_constant);
            (internal, point)
        })
    }
}
