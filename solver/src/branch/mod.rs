//! Branching rules: one file per rule, one trait, one registry.
//!
//! A rule only chooses; the search applies the choice, solves the children and reports
//! back what it observed (the objective gain of each child) through
//! [`BranchingRule::observe`], which is how pseudocosts learn.

mod babsr;
mod fsb;
mod most_fractional;
mod pseudocost;
mod reliability;

pub use babsr::{babsr_score, Babsr};
pub use fsb::FilteredSmartBranching;
pub use most_fractional::MostFractional;
pub use pseudocost::{first_direction, product_score, PseudocostBranching, Pseudocosts};
pub use reliability::ReliabilityBranching;

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

/// The ReLU unit behind a candidate that is an activation indicator.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct UnitInfo {
    /// Layer of the unit (0 = first hidden layer).
    pub layer: usize,
    /// Neuron of the unit within its layer.
    pub neuron: usize,
    /// Lower bound of the pre-activation at the node.
    pub lower: f64,
    /// Upper bound of the pre-activation at the node.
    pub upper: f64,
    /// Coefficient of the unit's post-activation in the back-substitution of the
    /// objective's lower bound at the node (negative: the bound uses the unit's
    /// upper relaxation).
    pub objective_coefficient: f64,
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
    /// For each candidate, the ReLU unit it is the indicator of, when the model has a
    /// ReLU structure and the rule asked for it ([`BranchingRule::wants_units`]);
    /// empty otherwise.
    pub units: &'a [Option<UnitInfo>],
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

/// Result of solving one child's LP during strong branching.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ProbeOutcome {
    /// The child's LP optimum (minimisation form).
    Objective(f64),
    /// The child is infeasible or cannot beat the incumbent.
    Pruned,
    /// No answer (iteration limit or numerical trouble).
    Unknown,
}

/// Lets a rule solve the LPs of a node's children (strong branching). Implemented by
/// the search, which restores the node's LP bounds after each probe.
pub trait ChildProbe {
    /// Solves the LP of the child of `candidate` in `direction`.
    fn probe(&mut self, candidate: &Candidate, direction: Direction) -> ProbeOutcome;

    /// Bounds the child of `candidate` in `direction` by neuron-stability
    /// propagation alone (no LP): the objective bound of the propagated child, or
    /// `Pruned` when propagation proves it infeasible or cut off. `Unknown` when the
    /// model has no ReLU structure.
    fn propagate(&mut self, _candidate: &Candidate, _direction: Direction) -> ProbeOutcome {
        ProbeOutcome::Unknown
    }
}

/// A probe that never solves anything, for rules used without an LP.
pub struct NoProbe;

impl ChildProbe for NoProbe {
    fn probe(&mut self, _candidate: &Candidate, _direction: Direction) -> ProbeOutcome {
        ProbeOutcome::Unknown
    }
}

/// A variable-selection rule. One instance lives in each search worker.
pub trait BranchingRule: Send {
    /// Name as given on the command line.
    fn name(&self) -> &'static str;

    /// Chooses a candidate at a node; `probe` may be used for strong branching.
    fn select(&mut self, ctx: &BranchContext<'_>, probe: &mut dyn ChildProbe) -> BranchDecision;

    /// Learns from a solved child; the default ignores it.
    fn observe(&mut self, _observation: &BranchObservation) {}

    /// A fresh copy of the rule for another worker, carrying what it has learned.
    fn fork(&self) -> Box<dyn BranchingRule>;

    /// Whether the rule reads [`BranchContext::units`] (computing them costs a
    /// back-substitution per node).
    fn wants_units(&self) -> bool {
        false
    }
}

/// The built-in branching rules: the registry. Adding a rule is one file
/// implementing [`BranchingRule`] and one variant here.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum RuleKind {
    /// [`RuleKind::Fsb`] for models whose ReLU structure the search uses,
    /// [`RuleKind::Reliability`] for the others.
    #[default]
    Auto,
    /// Pseudocost branching whose unreliable pseudocosts are measured by strong
    /// branching ([`ReliabilityBranching`]).
    Reliability,
    /// Pseudocost branching, initialised by the first branchings
    /// ([`PseudocostBranching`]).
    Pseudocost,
    /// The most fractional candidate ([`MostFractional`]).
    MostFractional,
    /// The unstable unit with the largest BaBSR score ([`Babsr`]).
    Babsr,
    /// Filtered smart branching: the best BaBSR candidates, each child bounded by
    /// propagation ([`FilteredSmartBranching`]).
    Fsb,
}

impl RuleKind {
    /// Every built-in rule.
    pub const ALL: &'static [RuleKind] = &[
        RuleKind::Auto,
        RuleKind::Reliability,
        RuleKind::Pseudocost,
        RuleKind::MostFractional,
        RuleKind::Babsr,
        RuleKind::Fsb,
    ];

    /// The name used on the command line and in logs.
    pub fn name(self) -> &'static str {
        match self {
            RuleKind::Auto => "auto",
            RuleKind::Reliability => "reliability",
            RuleKind::Pseudocost => "pseudocost",
            RuleKind::MostFractional => "most-fractional",
            RuleKind::Babsr => "babsr",
            RuleKind::Fsb => "fsb",
        }
    }

    /// The rule called `name` (also SCIP's short names `relpscost`, `pscost`,
    /// `mostfrac`), or `None`.
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "reliability" | "relpscost" => Some(RuleKind::Reliability),
            "pseudocost" | "pscost" => Some(RuleKind::Pseudocost),
            "most-fractional" | "mostfrac" | "most-infeasible" => Some(RuleKind::MostFractional),
            "auto" => Some(RuleKind::Auto),
            "babsr" => Some(RuleKind::Babsr),
            "fsb" => Some(RuleKind::Fsb),
            _ => None,
        }
    }

    /// The rule [`RuleKind::Auto`] stands for: `has_structure` tells whether the
    /// search uses a ReLU structure of the model.
    pub fn resolve(self, has_structure: bool) -> RuleKind {
        match self {
            RuleKind::Auto if has_structure => RuleKind::Fsb,
            RuleKind::Auto => RuleKind::Reliability,
            other => other,
        }
    }

    /// A fresh rule of this kind for a model with `num_cols` columns; `seed` decides
    /// between candidates of equal score. [`RuleKind::Auto`] gives the rule for
    /// models without a ReLU structure (see [`RuleKind::resolve`]).
    pub fn create(self, num_cols: usize, seed: u64) -> Box<dyn BranchingRule> {
        match self {
            RuleKind::Auto | RuleKind::Reliability => {
                Box::new(ReliabilityBranching::new(num_cols, seed))
            }
            RuleKind::Babsr => Box::new(Babsr::new(seed)),
            RuleKind::Fsb => Box::new(FilteredSmartBranching::new(seed)),
            RuleKind::Pseudocost => Box::new(PseudocostBranching::new(num_cols, seed)),
            RuleKind::MostFractional => Box::new(MostFractional::new(seed)),
        }
    }
}

impl std::fmt::Display for RuleKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl std::str::FromStr for RuleKind {
    type Err = crate::Error;

    fn from_str(name: &str) -> crate::Result<Self> {
        RuleKind::from_name(name).ok_or_else(|| {
            let known: Vec<&str> = RuleKind::ALL.iter().map(|r| r.name()).collect();
            crate::Error::Invalid(format!(
                "unknown branching rule '{name}' (known: {})",
                known.join(", ")
            ))
        })
    }
}

/// Tie-breaking key of a candidate (smaller wins): first the more fractional value
/// (so that zero-gain ties do not keep splitting the same column), then with seed 0
/// the lower column index, otherwise a seeded hash, so that different seeds explore
/// different trees.
pub fn tie_key(seed: u64, candidate: &Candidate) -> u64 {
    let fractionality = candidate
        .fraction
        .min(1.0 - candidate.fraction)
        .clamp(0.0, 0.5);
    let bucket = ((0.5 - fractionality) * 1e6).round() as u64;
    let col = candidate.col as u64;
    let spread = if seed == 0 {
        col
    } else {
        crate::rng::seeded_hash(seed, col)
    };
    (bucket << 40) | (spread & ((1 << 40) - 1))
}

/// True when a candidate with `score` and `key` beats the best so far: a clearly
/// higher score, or an equal score (within relative 1e-12) and a smaller key.
pub fn better(score: f64, key: u64, best_score: f64, best_key: u64) -> bool {
    let tol = 1e-12 * best_score.abs().max(1e-300);
    score > best_score + tol || (score >= best_score - tol && key < best_key)
}
