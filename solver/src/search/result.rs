//! What a solve returns: status, objective, bound, solution and statistics.

use super::Settings;
use crate::cuts::FamilyReport;
use crate::model::{check_solution, Model, ObjSense};
use serde::Serialize;
use std::time::Duration;

/// How a solve ended. Every status is a normal end of a run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// An optimal solution was found and proved (within the default gap tolerances).
    Optimal,
    /// No feasible solution exists.
    Infeasible,
    /// Feasible solutions with arbitrarily good objective exist.
    Unbounded,
    /// The time limit stopped the search.
    TimeLimit,
    /// A stop request (Ctrl-C, SIGTERM; see [`crate::interrupt`]) ended the search.
    Interrupted,
    /// The node limit stopped the search.
    NodeLimit,
    /// The memory limit stopped the search.
    MemoryLimit,
    /// The search stopped at the user's gap, above the default optimality tolerance.
    GapLimit,
    /// The search stopped at its first solution, as asked.
    SolutionLimit,
    /// The search could not reach a trustworthy conclusion (repeated LP failures).
    Error,
}

impl Status {
    /// The name used in logs and statistics files.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Optimal => "optimal",
            Status::Infeasible => "infeasible",
            Status::Unbounded => "unbounded",
            Status::TimeLimit => "time_limit",
            Status::Interrupted => "interrupted",
            Status::NodeLimit => "node_limit",
            Status::MemoryLimit => "memory_limit",
            Status::GapLimit => "gap_limit",
            Status::SolutionLimit => "solution_limit",
            Status::Error => "error",
        }
    }
}

/// Counters and timers of one run (summed over workers).
#[derive(Clone, Debug, Default, Serialize)]
pub struct SearchStats {
    /// Nodes processed (the root counts as one).
    pub nodes: u64,
    /// Simplex iterations over all LP solves.
    pub lp_iterations: u64,
    /// LP solves.
    pub lp_solves: u64,
    /// LP solves of strong branching (their time counts as branching time).
    pub strong_branching_lps: u64,
    /// LP solves that failed (numerical trouble or limits) and were retried cold.
    pub lp_failures: u64,
    /// Nodes branched on without a bound because the LP failed twice.
    pub lp_unresolved: u64,
    /// Nodes pruned because their LP was infeasible.
    pub pruned_infeasible: u64,
    /// Nodes pruned by bound.
    pub pruned_bound: u64,
    /// Bound tightenings found by propagation.
    pub propagated_bounds: u64,
    /// Improving solutions accepted.
    pub incumbent_updates: u64,
    /// Candidate solutions rejected by the check against the original model.
    pub rejected_solutions: u64,
    /// Cuts added to the LP at the root.
    pub cuts: u64,
    /// Rounds of root cut separation.
    pub cut_rounds: u64,
    /// Seconds of root cut separation.
    pub time_cuts: f64,
    /// Root LP objective before cuts, in the model's sense.
    pub root_bound_before_cuts: Option<f64>,
    /// Per cut family separated at the root (in separation order): rounds, cuts
    /// and the bound it gained.
    pub cut_families: Vec<CutFamilyStats>,
    /// Nodes whose LP got cuts of their own (local ReLU cuts or pool cuts).
    pub node_cut_nodes: u64,
    /// Rounds of node cut separation that added cuts (summed over nodes).
    pub node_cut_rounds: u64,
    /// Local ReLU cuts (separated with a node's bounds) added to node LPs.
    pub local_cuts: u64,
    /// Cuts of the pool (root cuts left out of the LP) added back to node LPs.
    pub pool_readds: u64,
    /// Cuts in the pool at the start of the search.
    pub pool_size: u64,
    /// Cuts that left the pool after too many inactive uses (summed over workers).
    pub pool_aged_out: u64,
    /// Nodes pruned (by bound or infeasibility) by their LP after node cuts.
    pub pruned_by_node_cuts: u64,
    /// Seconds in node cuts: separation, pool checks and the LP re-solves.
    pub time_node_cuts: f64,
    /// Deepest node processed.
    pub max_depth: u32,
    /// Seconds spent in LP solves (summed over workers).
    pub time_lp: f64,
    /// Seconds spent choosing branching candidates.
    pub time_branching: f64,
    /// Seconds spent in bound propagation.
    pub time_propagation: f64,
    /// Seconds spent in primal heuristics.
    pub time_heuristics: f64,
    /// Seconds of the root node (LP and everything done there).
    pub time_root: f64,
    /// Root LP objective in the model's sense.
    pub root_lp_objective: Option<f64>,
    /// Indicators fixed by neuron-stability propagation (nodes and root).
    pub relu_fixed: u64,
    /// Bound tightenings found by neuron-stability propagation.
    pub relu_tightened: u64,
    /// Nodes proved infeasible by neuron-stability propagation, without an LP.
    pub relu_infeasible: u64,
    /// Nodes pruned by the objective bound of their propagated column bounds,
    /// without an LP.
    pub pruned_before_lp: u64,
    /// Seconds spent in neuron-stability propagation.
    pub time_relu_propagation: f64,
    /// Big-M coefficients rewritten with the root's propagated bounds.
    pub big_m_tightened: u64,
    /// Children bounded by propagation during branching (filtered smart branching).
    pub propagation_probes: u64,
    /// Branchings on ReLU units, per layer.
    pub unit_splits: Vec<u64>,
    /// Nodes split on a network input, without an LP.
    pub input_splits: u64,
    /// Solutions found by the attack of input-split nodes.
    pub input_split_solutions: u64,
    /// Nodes left to the LP because their best input split stalled.
    pub input_split_stalls: u64,
    /// Input-split nodes closed by optimised slopes before their split.
    pub input_split_alpha_closed: u64,
    /// Seconds of input splitting (attacks, split choice, completion).
    pub time_input_splits: f64,
    /// Nodes split on a unit indicator without an LP.
    pub lp_free_unit_splits: u64,
    /// Integer column bounds tightened by reduced-cost fixing at nodes.
    pub reduced_cost_fixings: u64,
    /// Seconds of LP-free unit splitting (optimised slopes, split choice).
    pub time_unit_splits: f64,
}

impl SearchStats {
    /// Counts a branching on a unit of `layer`.
    pub fn record_unit_split(&mut self, layer: usize) {
        if self.unit_splits.len() <= layer {
            self.unit_splits.resize(layer + 1, 0);
        }
        self.unit_splits[layer] += 1;
    }
}

impl SearchStats {
    /// Adds another worker's counters into these.
    pub fn merge(&mut self, other: &SearchStats) {
        self.nodes += other.nodes;
        self.lp_iterations += other.lp_iterations;
        self.lp_solves += other.lp_solves;
        self.lp_failures += other.lp_failures;
        self.strong_branching_lps += other.strong_branching_lps;
        self.lp_unresolved += other.lp_unresolved;
        self.pruned_infeasible += other.pruned_infeasible;
        self.pruned_bound += other.pruned_bound;
        self.propagated_bounds += other.propagated_bounds;
        self.incumbent_updates += other.incumbent_updates;
        self.rejected_solutions += other.rejected_solutions;
        self.max_depth = self.max_depth.max(other.max_depth);
        self.node_cut_nodes += other.node_cut_nodes;
        self.node_cut_rounds += other.node_cut_rounds;
        self.local_cuts += other.local_cuts;
        self.pool_readds += other.pool_readds;
        self.pool_size = self.pool_size.max(other.pool_size);
        self.pool_aged_out += other.pool_aged_out;
        self.pruned_by_node_cuts += other.pruned_by_node_cuts;
        self.time_node_cuts += other.time_node_cuts;
        self.cuts = self.cuts.max(other.cuts);
        self.cut_rounds = self.cut_rounds.max(other.cut_rounds);
        self.time_cuts += other.time_cuts;
        if self.root_bound_before_cuts.is_none() {
            self.root_bound_before_cuts = other.root_bound_before_cuts;
        }
        if self.cut_families.is_empty() {
            self.cut_families.clone_from(&other.cut_families);
        }
        self.time_lp += other.time_lp;
        self.time_branching += other.time_branching;
        self.time_propagation += other.time_propagation;
        self.time_heuristics += other.time_heuristics;
        if self.root_lp_objective.is_none() {
            self.root_lp_objective = other.root_lp_objective;
        }
        self.time_root = self.time_root.max(other.time_root);
        self.relu_fixed += other.relu_fixed;
        self.relu_tightened += other.relu_tightened;
        self.relu_infeasible += other.relu_infeasible;
        self.pruned_before_lp += other.pruned_before_lp;
        self.time_relu_propagation += other.time_relu_propagation;
        self.input_splits += other.input_splits;
        self.input_split_solutions += other.input_split_solutions;
        self.input_split_stalls += other.input_split_stalls;
        self.input_split_alpha_closed += other.input_split_alpha_closed;
        self.time_input_splits += other.time_input_splits;
        self.lp_free_unit_splits += other.lp_free_unit_splits;
        self.reduced_cost_fixings += other.reduced_cost_fixings;
        self.time_unit_splits += other.time_unit_splits;
        self.propagation_probes += other.propagation_probes;
        self.big_m_tightened += other.big_m_tightened;
        for (layer, &count) in other.unit_splits.iter().enumerate() {
            if self.unit_splits.len() <= layer {
                self.unit_splits.resize(layer + 1, 0);
            }
            self.unit_splits[layer] += count;
        }
    }
}

/// What one cut family did at the root.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct CutFamilyStats {
    /// The family's name (see [`crate::cuts::CutFamily::name`]).
    pub family: &'static str,
    /// Rounds in which the family added cuts.
    pub rounds: u64,
    /// Cuts the family added to the root LP during the cut loop.
    pub added: u64,
    /// Of those, cuts kept as rows of the search's LP.
    pub kept: u64,
    /// How far the family's cuts moved the root bound, summed over its rounds: a
    /// non-negative amount by which the bound rose (minimisation) or fell
    /// (maximisation).
    pub bound_gain: f64,
    /// Seconds spent separating the family's cuts.
    pub time: f64,
}

impl From<&FamilyReport> for CutFamilyStats {
    fn from(report: &FamilyReport) -> Self {
        CutFamilyStats {
            family: report.family.name(),
            rounds: report.rounds as u64,
            added: report.added as u64,
            kept: report.kept as u64,
            bound_gain: report.bound_gain,
            time: report.time.as_secs_f64(),
        }
    }
}

/// The outcome of a solve.
#[derive(Clone, Debug)]
pub struct SolveResult {
    /// How the run ended.
    pub status: Status,
    /// Objective of the best solution found, in the model's sense (with constant).
    pub objective: Option<f64>,
    /// Best proven bound on the optimum, in the model's sense (with constant).
    pub best_bound: f64,
    /// Relative gap `|objective - bound| / max(|objective|, 1e-9)` (0 when closed,
    /// `+inf` without a solution).
    pub gap: f64,
    /// Best solution found, one value per model column.
    pub solution: Option<Vec<f64>>,
    /// Counters and timers.
    pub stats: SearchStats,
    /// Number of worker threads used.
    pub threads: usize,
    /// Wall-clock time of the solve.
    pub elapsed: Duration,
    /// Explanation when the status is [`Status::Error`].
    pub message: Option<String>,
    /// Warnings about the model or the run (large big-M coefficients, LP trouble).
    pub warnings: Vec<String>,
}

impl SolveResult {
    /// The first way in which this result contradicts itself or `model`, if any:
    /// an objective without a solution or the reverse, `optimal` without a
    /// solution or `infeasible` with one, a solution that fails the model's check
    /// under `settings.tolerances`, an objective other than the solution's, a
    /// bound on the wrong side of the objective, or `optimal` with a gap beyond
    /// `settings`'. For tests and fuzzing of the whole search.
    pub fn inconsistency(&self, model: &Model, settings: &Settings) -> Option<String> {
        if self.objective.is_some() != self.solution.is_some() {
            return Some("an objective without a solution, or the reverse".into());
        }
        match (self.status, &self.solution) {
            (Status::Optimal, None) => return Some("optimal without a solution".into()),
            (Status::Infeasible, Some(_)) => return Some("infeasible with a solution".into()),
            _ => {}
        }
        let (Some(x), Some(obj)) = (&self.solution, self.objective) else {
            return None;
        };
        let check = check_solution(model, x, &settings.tolerances);
        if !check.is_feasible() {
            return Some(format!("infeasible solution: {:?}", check.worst));
        }
        let slack = 1e-6 * obj.abs().max(1.0);
        if (check.objective - obj).abs() > slack {
            return Some(format!(
                "objective {obj} but the solution gives {}",
                check.objective
            ));
        }
        let wrong_side = match model.sense {
            ObjSense::Minimize => self.best_bound > obj + slack,
            ObjSense::Maximize => self.best_bound < obj - slack,
        };
        if wrong_side {
            return Some(format!(
                "bound {} on the wrong side of the objective {obj}",
                self.best_bound
            ));
        }
        let closed = (obj - self.best_bound).abs()
            <= settings.absolute_gap.max(settings.relative_gap * obj.abs()) + slack;
        if self.status == Status::Optimal && !closed {
            return Some(format!(
                "optimal with an open gap: objective {obj}, bound {}",
                self.best_bound
            ));
        }
        None
    }
}

/// Relative gap between an objective and a bound (both in the same sense).
pub fn relative_gap(objective: Option<f64>, bound: f64) -> f64 {
    let Some(obj) = objective else {
        return f64::INFINITY;
    };
    if !bound.is_finite() {
        return f64::INFINITY;
    }
    let diff = (obj - bound).abs();
    if diff <= 1e-9 {
        0.0
    } else {
        diff / obj.abs().max(1e-9)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::mps::parse_mps;
    use crate::search::{solve, NoProgress};

    const MODEL: &str = "NAME t\nROWS\n N obj\n L c1\nCOLUMNS\n    MARKER MARKER INTORG\n    x obj -1 c1 2\n    y obj -1 c1 3\n    MARKER MARKER INTEND\nRHS\n    rhs c1 4\nBOUNDS\n UP bnd x 1\n UP bnd y 1\nENDATA\n";

    /// A solve's own result is consistent; each kind of tampering is reported.
    #[test]
    fn inconsistency_finds_each_contradiction() {
        let model = parse_mps(MODEL, "t.mps").expect("model");
        let settings = Settings::builder().threads(1).build().expect("settings");
        let result = solve(&model, &settings, &NoProgress).expect("solves");
        assert_eq!(result.status, Status::Optimal);
        assert_eq!(result.objective, Some(-1.0));
        assert_eq!(result.inconsistency(&model, &settings), None);
        let tamper = |f: &dyn Fn(&mut SolveResult)| {
            let mut r = result.clone();
            f(&mut r);
            r.inconsistency(&model, &settings)
        };
        assert!(tamper(&|r| r.objective = Some(-2.0)).is_some());
        assert!(tamper(&|r| r.objective = None).is_some());
        assert!(tamper(&|r| r.status = Status::Infeasible).is_some());
        assert!(tamper(&|r| r.best_bound = 0.0).is_some());
        assert!(tamper(&|r| r.best_bound = -1.5).is_some());
        assert!(tamper(&|r| r.solution = Some(vec![1.0, 1.0])).is_some());
    }
}
