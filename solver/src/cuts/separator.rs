//! The interface of a cut separator.

use super::{Cut, CutFamily};
use crate::lp::{LpEngine, LpProblem};

/// What a separator sees in one round.
#[derive(Clone, Copy, Debug)]
pub struct SeparationInput<'a> {
    /// The LP as loaded in the engine: the model's rows first, then the cuts of
    /// earlier rounds. Its column bounds are the bounds every cut must be valid for
    /// (the root bounds, so that cuts are valid in the whole tree).
    pub problem: &'a LpProblem,
    /// Number of the model's own rows at the front of `problem.rows`.
    pub model_rows: usize,
    /// Integrality of every column.
    pub integral: &'a [bool],
    /// The optimal LP point to cut off.
    pub point: &'a [f64],
}

/// A separator of one cut family: given the optimal LP, it returns violated valid
/// inequalities (already through [`super::finish_sparse_cut`] or the same checks).
pub trait Separator {
    /// The family of the cuts.
    fn family(&self) -> CutFamily;

    /// Cuts violated at `input.point`, valid for every feasible point of the model
    /// within the bounds of `input.problem`. `lp` holds `input.problem` at its
    /// optimum (its basis and tableau may be read).
    fn separate(&mut self, lp: &mut dyn LpEngine, input: &SeparationInput<'_>) -> Vec<Cut>;
}
