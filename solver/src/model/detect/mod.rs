//! Recovering the ReLU structure of a MILP from its rows.
//!
//! [`detect_relu_structure`] finds the network that a big-M encoding writes into a
//! model, whatever file it came from:
//!
//! 1. **Units** ([`pattern`]): every binary `z` with rows equivalent (up to scaling by
//!    any nonzero factor, in `<=`, `>=` or ranged form) to `y <= U z`,
//!    `y <= pre - L (1 - z)`, `y >= pre`, and `y >= 0` (a row or the column's lower
//!    bound) is an unstable unit. `pre` is a column, or an affine expression
//!    written inside those rows.
//! 2. **Affine maps** ([`peel`]): every equality row over continuous columns defines
//!    one column, found by peeling from the outputs back to the inputs (a column
//!    that a single remaining row holds is defined by it; ties go to the units'
//!    pre-activation columns, then to columns used by no other row, then to
//!    columns used beside a unit's post-activation, then to the newest column).
//! 3. **Layers** ([`graph`]): inputs (columns read but not defined, not fixed) are
//!    below layer 0; every other column is one layer above the deepest column it
//!    reads.
//! 4. **Stable units and outputs** ([`assemble`]): a defined column with lower
//!    bound `>= 0` read by later rows (or linked by `y - a = 0`) is stably active;
//!    one with upper bound `<= 0` that nothing reads is stably inactive; defined
//!    columns that nothing reads in the last layer are the outputs; other defined
//!    columns are linear units (identity layers).
//! 5. **Validation** ([`ReluStructure::validate`]): indices, binary indicators,
//!    layer order, and a forward pass from seeded random inputs that satisfies every
//!    row the structure determines.
//!
//! Every step builds its lookups once (rows of every column, counts), so detection
//! is linear in the nonzeros up to a logarithmic factor. A model without a matched
//! unit returns at once after step 1.

mod assemble;
mod graph;
mod index;
mod pattern;
mod peel;

use super::{Model, ReluStructure};
use index::Index;

/// The ReLU structure of a big-M network encoding in `model`, recovered from its
/// rows (see the module documentation), or `None` when the model holds no unstable
/// big-M unit or what was recovered fails [`ReluStructure::validate`]. Never a
/// structure that fails validation; never panics, whatever the model holds.
///
/// Recovers the units (layer, neuron, pre-activation, post-activation and indicator
/// columns, pre-activation bounds from the column bounds and the big-M constants,
/// and the affine map of every pre-activation), the linear units (identity and
/// output layers), the input and the output columns. Models whose only units are
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

#[cfg(test)]
mod tests;
