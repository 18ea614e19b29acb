//! Branching rules: one file per rule, one trait, one registry.
//!
//! A rule only chooses; the search applies the choice, solves the children and reports
//! back what it observed (the objective gain of each child) through
//! [`BranchingRule::observe`], which is how pseudocosts learn.

mod most_fractional;
mod pseudocost;

pub use most_fractional::MostFractional;
pub use pseudocost::{PseudocostBranching, Pseudocosts};

/// An integer column whose LP value is fractional at the current node.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Candidate {
    /// Column index.
    pub col: usize,
    /// LP value at the node.
    pub value: f64,
    /// `value - floor(value)`, in `(0, 1)`.
    pub fraction: f64,
}

/// Which child the search should explore first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Direction {
    /// The child with `x <= floor(value)`.
    Down,
    /// The child with `x >= ceil(value)`.
    Up,
}

/// What a rule decides at a node.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BranchDecision {
    /// The candidate to branch on.
    pub candidate: Candidate,
    /// The child to explore first.
    pub first: Direction,
}

/// What the rule may read at a node.
#[derive(Clone, Copy, Debug)]
pub struct BranchContext<'a> {
    /// Fractional integer columns, in increasing column order (never empty).
    pub candidates: &'a [Candidate],
    /// LP objective at the node (minimisation form).
    pub lp_objective: f64,
    /// Depth of the node (root = 0).
    pub depth: u32,
}

/// What the search observed after branching: the LP objective change of one child.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BranchObservation {
    /// Branching column.
    pub col: usize,
    /// Which child.
    pub direction: Direction,
    /// Distance the child moved the column (`fraction` down, `1 - fraction` up).
    pub distance: f64,
    /// Child LP objective minus parent LP objective (`+inf` when the child is
    /// infeasible).
    pub gain: f64,
}

/// A variable-selection rule. One instance lives in each search worker.
pub trait BranchingRule: Send {
    /// Name as given on the command line.
    fn name(&self) -> &'static str;

    /// Chooses a candidate at a node.
    fn select(&mut self, ctx: &BranchContext<'_>) -> BranchDecision;

    /// Learns from a solved child; the default ignores it.
    fn observe(&mut self, _observation: &BranchObservation) {}

    /// A fresh copy of the rule for another worker, carrying what it has learned.
    fn fork(&self) -> Box<dyn BranchingRule>;
}

/// Names of all rules, for `--help` and error messages.
pub const RULE_NAMES: &[&str] = &["pseudocost", "most-fractional"];

/// Creates the rule called `name`, or `None` for an unknown name.
pub fn rule_by_name(name: &str, num_cols: usize) -> Option<Box<dyn BranchingRule>> {
    match name {
        "most-fractional" | "mostfrac" | "most-infeasible" => Some(Box::new(MostFractional)),
        "pseudocost" | "pscost" => Some(Box::new(PseudocostBranching::new(num_cols))),
        _ => None,
    }
}
