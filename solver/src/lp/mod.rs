//! LP engines behind one trait.
//!
//! The branch-and-bound search talks to the LP relaxation only through [`LpEngine`]:
//! load a model's relaxation once, then change column bounds (branching), add and remove
//! rows (cuts), and re-solve warm from the current basis. Backends:
//!
//! - [`dual::DualSimplex`]: relumip's own bounded dual simplex (default): bound changes
//!   in place, basis get/set, duals and reduced costs.
//! - [`microlp_backend::MicroLp`]: the `microlp` crate, kept for cross-checks.

pub mod dual;
pub mod microlp_backend;

use crate::model::Model;
use std::time::Instant;

/// Outcome of an LP solve. Infeasible and unbounded are normal outcomes, not errors.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LpStatus {
    /// An optimal basis was found; primal values and objective are valid.
    Optimal,
    /// The LP has no feasible point.
    Infeasible,
    /// The objective is unbounded below on the feasible set.
    Unbounded,
    /// The dual objective exceeded the cutoff given in [`LpLimits::objective_cutoff`]:
    /// the LP optimum is at least the cutoff (the node can be pruned).
    CutoffReached,
    /// The iteration limit stopped the solve; no value is valid.
    IterationLimit,
    /// The deadline stopped the solve; no value is valid.
    TimeLimit,
    /// The engine failed numerically (singular basis, loss of feasibility, ...).
    NumericalFailure,
}

impl LpStatus {
    /// True when the status allows no conclusion about the LP.
    pub fn is_failure(self) -> bool {
        matches!(
            self,
            LpStatus::IterationLimit | LpStatus::TimeLimit | LpStatus::NumericalFailure
        )
    }
}

/// Limits for one LP solve.
#[derive(Clone, Copy, Debug)]
pub struct LpLimits {
    /// Maximum simplex iterations for this call.
    pub max_iterations: u64,
    /// Wall-clock deadline.
    pub deadline: Option<Instant>,
    /// Stop with [`LpStatus::CutoffReached`] once the objective is proven to be at least
    /// this value (minimisation form). `+inf` disables the cutoff. Backends that cannot
    /// prove it early may ignore it and return `Optimal`.
    pub objective_cutoff: f64,
}

impl Default for LpLimits {
    fn default() -> Self {
        LpLimits {
            max_iterations: u64::MAX,
            deadline: None,
            objective_cutoff: f64::INFINITY,
        }
    }
}

/// Status of one column or row (its slack) in a simplex basis.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BasisStatus {
    /// In the basis.
    Basic,
    /// Nonbasic at its lower bound.
    AtLower,
    /// Nonbasic at its upper bound.
    AtUpper,
    /// Nonbasic free variable at zero.
    Free,
}

/// A simplex basis: one status per column and one per row.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Basis {
    /// Status of each structural column.
    pub columns: Vec<BasisStatus>,
    /// Status of each row's logical (slack) variable.
    pub rows: Vec<BasisStatus>,
}

/// The LP relaxation handed to an engine: always a minimisation.
///
/// Built from a [`Model`] by [`LpProblem::relaxation`], which negates the objective of
/// a maximisation model and drops integrality.
#[derive(Clone, Debug, PartialEq)]
pub struct LpProblem {
    /// Objective coefficients (minimised).
    pub costs: Vec<f64>,
    /// Column lower bounds.
    pub col_lower: Vec<f64>,
    /// Column upper bounds.
    pub col_upper: Vec<f64>,
    /// Rows as `(entries, lower, upper)` with sorted column indices.
    pub rows: Vec<LpRow>,
}

/// One row `lower <= a'x <= upper` of an [`LpProblem`] (or a cut).
#[derive(Clone, Debug, PartialEq)]
pub struct LpRow {
    /// `(column, coefficient)` pairs, columns strictly increasing.
    pub entries: Vec<(usize, f64)>,
    /// Left-hand side (may be `-inf`).
    pub lower: f64,
    /// Right-hand side (may be `+inf`).
    pub upper: f64,
}

impl LpProblem {
    /// The LP relaxation of `model` in minimisation form (integrality dropped; the
    /// objective constant is not included).
    pub fn relaxation(model: &Model) -> Self {
        let sign = match model.sense {
            crate::model::ObjSense::Minimize => 1.0,
            crate::model::ObjSense::Maximize => -1.0,
        };
        LpProblem {
            costs: model.variables.iter().map(|v| sign * v.cost).collect(),
            col_lower: model.variables.iter().map(|v| v.lower).collect(),
            col_upper: model.variables.iter().map(|v| v.upper).collect(),
            rows: model
                .rows
                .iter()
                .map(|r| LpRow {
                    entries: r.entries.clone(),
                    lower: r.lower,
                    upper: r.upper,
                })
                .collect(),
        }
    }

    /// Number of columns.
    pub fn num_cols(&self) -> usize {
        self.costs.len()
    }

    /// Number of rows.
    pub fn num_rows(&self) -> usize {
        self.rows.len()
    }
}

/// An LP solver holding one LP relaxation, modified in place and re-solved warm.
///
/// Column and row indices are those of the loaded [`LpProblem`]; rows added later get
/// the next indices. The objective is always minimised.
pub trait LpEngine: Send {
    /// Short name of the backend, for logs.
    fn name(&self) -> &'static str;

    /// Number of columns.
    fn num_cols(&self) -> usize;

    /// Number of rows currently in the LP (original rows plus added rows).
    fn num_rows(&self) -> usize;

    /// Current bounds of a column.
    fn col_bounds(&self, col: usize) -> (f64, f64);

    /// Changes the bounds of a column; the basis is kept for the next solve.
    fn set_col_bounds(&mut self, col: usize, lower: f64, upper: f64);

    /// Replaces the objective by `costs` (one per column, minimised). The basis is
    /// kept, so the next solve starts from it: an optimal basis stays primal
    /// feasible but is in general no longer dual feasible, which the dual simplex
    /// repairs before its phase 2; backends without a basis simply re-solve.
    ///
    /// Used to optimise many objectives over one feasible set (for example, the
    /// bounds of each neuron over an LP relaxation of a network).
    ///
    /// # Panics
    /// If `costs.len() != num_cols()`.
    fn set_objective(&mut self, costs: &[f64]);

    /// Appends rows (cuts); returns the index of the first one.
    fn add_rows(&mut self, rows: &[LpRow]) -> usize;

    /// Removes the given rows (indices into the current row set, any order). Rows after
    /// them move down to fill the gaps, keeping their order.
    fn remove_rows(&mut self, rows: &[usize]);

    /// Solves from the current basis (warm) under the limits.
    fn solve(&mut self, limits: &LpLimits) -> LpStatus;

    /// Forgets the basis so that the next solve starts cold.
    fn reset_basis(&mut self);

    /// Objective value of the last optimal solve (minimisation form, no constant).
    fn objective(&self) -> f64;

    /// Column values of the last optimal solve.
    fn primal(&self) -> &[f64];

    /// Row duals of the last optimal solve, if the backend provides them.
    ///
    /// Convention (minimisation form): with row duals `y` and reduced costs `d`,
    /// `c = A'y + d`; `y_i >= 0` when row `i` is at its lower bound and `y_i <= 0` at
    /// its upper bound.
    fn row_duals(&self) -> Option<&[f64]>;

    /// Reduced costs of the last optimal solve, if the backend provides them.
    ///
    /// `d_j >= 0` for a column at its lower bound and `d_j <= 0` at its upper bound
    /// (see [`LpEngine::row_duals`] for the convention).
    fn reduced_costs(&self) -> Option<&[f64]>;

    /// A proof of infeasibility from the last solve that returned
    /// [`LpStatus::Infeasible`], if the backend keeps one: row multipliers `y` such that
    /// `max y'(Ax - s)` over the column bounds `l <= x <= u` and the row bounds on `s` is
    /// negative (so no `x` satisfies the rows). The default provides none.
    fn farkas_ray(&self) -> Option<&[f64]> {
        None
    }

    /// Simplex iterations done by this engine since it was created.
    fn iterations(&self) -> u64;

    /// The current basis, if the backend exposes it.
    fn basis(&self) -> Option<Basis>;

    /// Installs a basis for the next solve; returns false when the backend cannot use
    /// it (the next solve then starts from whatever basis the engine has).
    fn set_basis(&mut self, basis: &Basis) -> bool;

    /// The tableau row of basic column `col` after an optimal solve, if the backend
    /// exposes it: `x_col + sum_k coef_k * v_k = constant`, where `v_k` ranges over the
    /// nonbasic columns (`k < num_cols`) and row activities (`k = num_cols + i` is
    /// `a_i x`). Returns `None` when `col` is not basic or the backend has no tableau.
    fn tableau_row(&mut self, _col: usize) -> Option<Vec<(usize, f64)>> {
        None
    }
}

/// Which LP backend to use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum LpBackend {
    /// relumip's own bounded dual simplex.
    #[default]
    DualSimplex,
    /// The `microlp` crate.
    MicroLp,
}

impl LpBackend {
    /// Every backend.
    pub const ALL: &'static [LpBackend] = &[LpBackend::DualSimplex, LpBackend::MicroLp];

    /// Parses a backend name (`dual`, `microlp`).
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "dual" | "dual-simplex" => Some(LpBackend::DualSimplex),
            "microlp" => Some(LpBackend::MicroLp),
            _ => None,
        }
    }

    /// Name as accepted by [`LpBackend::from_name`].
    pub fn name(self) -> &'static str {
        match self {
            LpBackend::DualSimplex => "dual",
            LpBackend::MicroLp => "microlp",
        }
    }

    /// Creates an engine of this kind loaded with `problem`.
    pub fn create(self, problem: &LpProblem) -> Box<dyn LpEngine> {
        match self {
            LpBackend::DualSimplex => Box::new(dual::DualSimplex::new(problem)),
            LpBackend::MicroLp => Box::new(microlp_backend::MicroLp::new(problem)),
        }
    }
}
