//! Matching the big-M rows of unstable ReLU units.
//!
//! For a binary `z` and a continuous `y`, three rows (each up to scaling by any
//! nonzero factor, in any side form) make a unit `y = max(0, pre)`, with
//! `pre = sum w x + b` an affine expression over continuous columns (a single column
//! with coefficient 1 when the model has a pre-activation column):
//!
//! - gate: `y <= U z`, i.e. `-y + U z >= 0` with `U > 0`;
//! - upper: `y <= pre - L (1 - z)`, i.e. `-y + sum w x + L z >= L - b` with `L < 0`;
//! - above: `y >= pre`, i.e. `y - sum w x >= b`;
//!
//! and `y >= 0`, from the column's lower bound or a one-entry row. Rows are found
//! from the column's row lists: the gate among the two-entry rows of `z`, the upper
//! row among the rows of `z` that hold `y`, the above row among the rows of `y` with
//! one entry fewer than the upper row.

use super::index::{close, coefficient, halves, Index, TOL};
use crate::model::Affine;

/// The rows of one unstable unit.
#[derive(Clone, Debug)]
pub(super) struct BigM {
    /// The post-activation column `y`.
    pub post: usize,
    /// The binary indicator `z`.
    pub indicator: usize,
    /// The pre-activation as written in the rows (terms sorted by column).
    pub expr: Affine,
    /// `L` of the upper row.
    pub lower: f64,
    /// `U` of the gate row.
    pub upper: f64,
    /// The gate, upper and above rows, and the `y >= 0` row when there is one.
    pub rows: Vec<usize>,
}

impl BigM {
    /// The pre-activation column, when the rows name one: a single term with
    /// coefficient 1 and no constant.
    pub fn pre_column(&self) -> Option<usize> {
        match self.expr.terms.as_slice() {
            &[(c, w)] if close(w, 1.0) && self.expr.bias.abs() <= TOL => Some(c),
            _ => None,
        }
    }
}

/// Every unstable unit whose rows are in the model. `None` when a post-activation or
/// indicator column would belong to two different units (the rows are not a network
/// encoding this detection understands).
pub(super) fn match_units(ix: &Index) -> Option<Vec<BigM>> {
    let n = ix.model.num_cols();
    let mut owner: Vec<Option<usize>> = vec![None; n];
    let mut units: Vec<BigM> = Vec::new();
    for z in (0..n).filter(|&z| ix.is_binary(z)) {
        for &gate in ix.rows_of(z) {
            let Some((y, upper)) = gate_row(ix, z, gate) else {
                continue;
            };
            let Some(unit) = complete(ix, z, y, upper, gate) else {
                continue;
            };
            match (owner[y], owner[z]) {
                (None, None) => {
                    owner[y] = Some(units.len());
                    owner[z] = Some(units.len());
                    units.push(unit);
                }
                // The same unit again (a repeated row).
                (Some(a), Some(b)) if a == b => {}
                _ => return None,
            }
        }
    }
    Some(units)
}

/// The gate row `-y + U z >= 0`: returns `y` and `U`.
fn gate_row(ix: &Index, z: usize, r: usize) -> Option<(usize, f64)> {
    let row = ix.row(r);
    if !ix.usable[r] || row.entries.len() != 2 {
        return None;
    }
    let &(y, a_y) = row.entries.iter().find(|e| e.0 != z)?;
    let a_z = coefficient(row, z)?;
    if !ix.is_free_continuous(y) {
        return None;
    }
    halves(row, a_y).find_map(|h| {
        let upper = a_z * h.factor;
        let ok = a_y * h.factor < 0.0
            && upper > 0.0
            && upper.is_finite()
            && h.rhs.abs() <= TOL * upper.max(1.0);
        ok.then_some((y, upper))
    })
}

/// The upper and above rows of the unit with gate `gate`, and `y >= 0`.
fn complete(ix: &Index, z: usize, y: usize, upper: f64, gate: usize) -> Option<BigM> {
    let zero_row = at_least_zero(ix, y)?;
    for &r in ix.rows_of(z) {
        let row = ix.row(r);
        if r == gate || !ix.usable[r] || row.entries.len() < 3 {
            continue;
        }
        let (Some(a_y), Some(a_z)) = (coefficient(row, y), coefficient(row, z)) else {
            continue;
        };
        for h in halves(row, a_y) {
            let lower = a_z * h.factor;
            if a_y * h.factor > 0.0 || !(lower < 0.0 && lower.is_finite()) {
                continue;
            }
            let terms: Vec<(usize, f64)> = row
                .entries
                .iter()
                .filter(|e| e.0 != y && e.0 != z)
                .map(|&(c, a)| (c, a * h.factor))
                .collect();
            if terms.iter().any(|&(c, _)| !ix.is_continuous(c)) {
                continue;
            }
            let Some((above, bias)) = above_row(ix, y, z, &terms) else {
                continue;
            };
            if !close(h.rhs, lower - bias) {
                continue;
            }
            let mut rows = vec![gate, r, above];
            rows.extend(zero_row);
            return Some(BigM {
                post: y,
                indicator: z,
                expr: Affine { bias, terms },
                lower,
                upper,
                rows,
            });
        }
    }
    None
}

/// The row `y - sum w x >= b` whose terms are the negated `terms` (`w x` of the
/// upper row): returns the row and `b`.
fn above_row(ix: &Index, y: usize, z: usize, terms: &[(usize, f64)]) -> Option<(usize, f64)> {
    for &r in ix.rows_of(y) {
        let row = ix.row(r);
        if !ix.usable[r] || row.entries.len() != terms.len() + 1 {
            continue;
        }
        if coefficient(row, z).is_some() {
            continue;
        }
        let Some(a_y) = coefficient(row, y) else {
            continue;
        };
        for h in halves(row, a_y) {
            if a_y * h.factor < 0.0 {
                continue;
            }
            let mut expected = terms.iter();
            let same = row.entries.iter().filter(|e| e.0 != y).all(|&(c, a)| {
                matches!(expected.next(), Some(&(tc, tw)) if tc == c && close(a * h.factor, -tw))
            });
            if same {
                return Some((r, h.rhs));
            }
        }
    }
    None
}

/// `Some(None)` when the column's lower bound is 0, `Some(Some(r))` when it is
/// negative or infinite and the one-entry row `r` says `y >= 0`, `None` otherwise.
fn at_least_zero(ix: &Index, y: usize) -> Option<Option<usize>> {
    let lower = ix.model.variables[y].lower;
    if lower == 0.0 {
        return Some(None);
    }
    if lower > 0.0 {
        return None;
    }
    ix.rows_of(y).iter().find_map(|&r| {
        let row = ix.row(r);
        if !ix.usable[r] || row.entries.len() != 1 {
            return None;
        }
        let a = row.entries[0].1;
        halves(row, a)
            .any(|h| a * h.factor > 0.0 && h.rhs.abs() <= TOL)
            .then_some(Some(r))
    })
}
