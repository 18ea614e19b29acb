//! Primal heuristics: one file per heuristic, one trait.
//!
//! A heuristic proposes a point; the search checks it against the original model
//! before it becomes an incumbent, so a heuristic can never produce a wrong answer,
//! only a useless proposal.

mod diving;
mod forward_pass;
mod rounding;

pub use diving::{DiveRule, Diving};
pub use forward_pass::ForwardPass;
pub use rounding::SimpleRounding;

use crate::lp::LpEngine;
use crate::model::ReluStructure;
use crate::propagation::RowStructure;

/// What a heuristic may read at a node.
pub struct HeuristicInput<'a> {
    /// LP solution at the node.
    pub x: &'a [f64],
    /// LP objective at the node (minimisation form).
    pub lp_objective: f64,
    /// Column bounds at the node.
    pub lower: &'a [f64],
    /// Column bounds at the node.
    pub upper: &'a [f64],
    /// Rows, columns and integrality.
    pub structure: &'a RowStructure,
    /// Minimisation-form objective coefficients.
    pub costs: &'a [f64],
    /// Objective of the incumbent (`+inf` if none).
    pub incumbent: f64,
    /// Depth of the node.
    pub depth: u32,
    /// Nodes this worker has processed so far.
    pub nodes: u64,
    /// Integrality tolerance.
    pub integrality_tolerance: f64,
    /// Column bounds at the root (global).
    pub root_lower: &'a [f64],
    /// Column bounds at the root (global).
    pub root_upper: &'a [f64],
    /// The network structure, for MILPs built from a network.
    pub relu: Option<&'a ReluStructure>,
    /// The search's deadline: a heuristic stops its LPs and its loop there.
    pub deadline: Option<std::time::Instant>,
}

/// A primal heuristic.
pub trait PrimalHeuristic: Send {
    /// Name for statistics.
    fn name(&self) -> &'static str;

    /// Whether to run at this node (cheap test).
    fn should_run(&self, input: &HeuristicInput<'_>) -> bool;

    /// Tries to build a point. A heuristic that changes the LP's column bounds must
    /// restore them before returning; it may leave a different basis behind.
    fn run(&mut self, input: &HeuristicInput<'_>, lp: &mut dyn LpEngine) -> Option<Vec<f64>>;

    /// True if `run` may change the LP basis.
    fn uses_lp(&self) -> bool;

    /// True if a proposal that fails the model check may be completed by an LP over
    /// the continuous columns with the integers fixed (costly: heuristics that run at
    /// every node say no).
    fn completes(&self) -> bool {
        true
    }
}

/// The default set of heuristics, cheapest first.
pub fn default_heuristics() -> Vec<Box<dyn PrimalHeuristic>> {
    vec![
        Box::new(SimpleRounding::default()),
        Box::new(ForwardPass::default()),
        Box::new(Diving::fractional()),
        Box::new(Diving::coefficient()),
    ]
}

/// Number of rows that block decreasing (`down`) and increasing (`up`) each column.
pub fn locks(structure: &RowStructure) -> (Vec<u32>, Vec<u32>) {
    let n = structure.col_rows.len();
    let mut down = vec![0u32; n];
    let mut up = vec![0u32; n];
    for (r, entries) in structure.rows.iter().enumerate() {
        let (lo, hi) = (
            structure.row_lower[r].is_finite(),
            structure.row_upper[r].is_finite(),
        );
        for &(j, a) in entries {
            // Decreasing x_j lowers the activity when a > 0.
            if (a > 0.0 && lo) || (a < 0.0 && hi) {
                down[j] += 1;
            }
            if (a > 0.0 && hi) || (a < 0.0 && lo) {
                up[j] += 1;
            }
        }
    }
    (down, up)
}
