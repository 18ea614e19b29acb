//! Recovering the ReLU structure of a MILP from its rows: the algorithm is described
//! on [`detect_relu_structure`]; [`pattern`] matches the big-M rows of unstable
//! units, [`peel`] finds which column each equality row defines, [`graph`] computes
//! layers, [`assemble`] classifies the stable units, inputs and outputs, and
//! [`ReluStructure::validate`] checks the result.

mod assemble;
mod graph;
mod index;
mod pattern;
mod peel;

use super::{Model, ReluStructure};
use index::Index;

/// The ReLU structure of a big-M network encoding in `model`, recovered from its
/// rows, or `None` when the model holds no unstable big-M unit or what was
/// recovered fails [`ReluStructure::validate`]. Never a structure that fails
/// validation; never panics, whatever the model holds.
///
/// 1. **Unstable units**: every binary `z` with rows equivalent (up to scaling by
///    any nonzero factor, in `<=`, `>=` or ranged form) to `y <= U z`,
///    `y <= pre - L (1 - z)`, `y >= pre`, and `y >= 0` (a row or the column's lower
///    bound), `L < 0 < U`. `pre` is a column, or an affine expression written inside
///    those rows (the unit's `pre` is then `None` and its affine map that
///    expression).
/// 2. **Affine maps**: every equality row over continuous columns defines one
///    column, found by peeling from the outputs back to the inputs: a column that a
///    single remaining equality row holds is defined by it. Ties go to the units'
///    pre-activation columns, then to columns no other equality row uses, then to
///    columns used beside a unit's post-activation column, then to the newest
///    (largest index) column.
/// 3. **Layers**: inputs are the columns read but not defined (a fixed column only
///    when nothing above the first layer reads it: otherwise it is a constant);
///    every other column is one layer above the deepest column it reads.
/// 4. **Stable units and outputs**: a defined column with lower bound `>= 0` read by
///    later rows (or linked to a post-activation column by `y - a = 0`) is stably
///    active; one with upper bound `<= 0` that nothing reads is stably inactive;
///    defined columns that nothing reads in the last layer are the outputs; other
///    defined columns are linear units (identity layers). Neurons are numbered
///    within each layer in the order of their pre-activation (else
///    post-activation, or linear) column.
/// 5. **Checks**: the network's columns (other than outputs) must not share a row
///    with an integer column outside the recovered rows, and the result must pass
///    [`ReluStructure::validate`].
///
/// Pre-activation bounds come from the pre-activation column's bounds (or interval
/// arithmetic of the affine map over the column bounds), tightened by the big-M
/// constants `L` and `U`. Lookups (rows of every column, counts) are built once, so
/// detection takes time linear in the nonzeros up to a logarithmic factor, and a
/// model without a matched unit returns after step 1. Models whose units are all
/// stable (an LP) give `None`.
pub fn detect_relu_structure(model: &Model) -> Option<ReluStructure> {
    let ix = Index::new(model);
    let bigm = pattern::match_units(&ix)?;
    if bigm.is_empty() {
        return None;
    }
    let n = model.num_cols();
    let mut definable: Vec<bool> = (0..n).map(|c| ix.is_free_continuous(c)).collect();
    let mut preferred = vec![false; n];
    let mut posts = vec![false; n];
    let mut excluded = vec![false; model.num_rows()];
    for u in &bigm {
        definable[u.post] = false;
        posts[u.post] = true;
        if let Some(c) = u.pre_column() {
            preferred[c] = true;
        }
        for &r in &u.rows {
            excluded[r] = true;
        }
    }
    let defs = peel::peel(&ix, &definable, &preferred, &posts, &excluded);
    let structure = assemble::assemble(&ix, &bigm, &defs)?;
    match structure.validate(model) {
        Ok(()) => Some(structure),
        Err(why) => {
            log::debug!("ReLU structure detection: refused ({why})");
            None
        }
    }
}
