//! Which column each equality row defines.
//!
//! In a feed-forward encoding every equality row `sum w x + b = a` defines one
//! column, and a column that no other remaining equality row uses can be defined by
//! its row. Peeling repeats that from the sinks (the outputs) back to the inputs:
//! take a column that a single remaining row holds, let that row define it, remove
//! the row.
//!
//! The last remaining row that holds an input sees it as unused elsewhere too, so a
//! row may offer several columns. They are ranked, and the ready columns taken in
//! the same order: first the pre-activation columns of detected units; then columns
//! that no other equality row uses (outputs, stably inactive units); then columns
//! that appear in an equality row beside a detected unit's post-activation column
//! (hidden values: a network input is never read beside one), or linked to such a
//! column by a two-entry equality; then the newest (largest index) column. Every
//! hidden column thereby leaves before any input could be taken, whatever the
//! column order. Each row is removed once and each column enters the queue when its
//! count drops to one, so peeling is linear in the nonzeros (plus a heap).

use super::index::{coefficient, Index};
use crate::model::{Affine, Row};
use std::collections::BinaryHeap;

/// The definitions found.
pub(super) struct Definitions {
    /// Per column: the equality row defining it.
    pub row_of: Vec<Option<usize>>,
}

impl Definitions {
    /// The affine map of defined column `c`.
    pub fn affine(&self, ix: &Index, c: usize) -> Option<Affine> {
        let r = self.row_of.get(c).copied().flatten()?;
        definition(ix.row(r), c)
    }
}

/// `c` as an affine function of the other columns of the equality `row`.
pub(super) fn definition(row: &Row, c: usize) -> Option<Affine> {
    let a_c = coefficient(row, c)?;
    Some(Affine {
        bias: row.upper / a_c,
        terms: row
            .entries
            .iter()
            .filter(|e| e.0 != c)
            .map(|&(j, a)| (j, -a / a_c))
            .collect(),
    })
}

/// True for a usable equality row over continuous columns with at least two
/// entries, not among `excluded`.
fn is_candidate(ix: &Index, r: usize, excluded: &[bool]) -> bool {
    let row = ix.row(r);
    ix.usable[r]
        && !excluded[r]
        && !ix.has_integer[r]
        && row.lower == row.upper
        && row.lower.is_finite()
        && row.entries.len() >= 2
}

/// Peels the candidate equality rows. Only `definable` columns are defined;
/// `preferred` columns (the units' pre-activations) win ties, and `posts` (the
/// units' post-activations) mark the hidden columns beside them.
pub(super) fn peel(
    ix: &Index,
    definable: &[bool],
    preferred: &[bool],
    posts: &[bool],
    excluded: &[bool],
) -> Definitions {
    let n = ix.model.num_cols();
    let m = ix.model.num_rows();
    let mut alive: Vec<bool> = (0..m).map(|r| is_candidate(ix, r, excluded)).collect();
    let mut count = vec![0usize; n];
    let mut hidden = vec![false; n];
    for (r, row) in ix.model.rows.iter().enumerate() {
        if alive[r] {
            let beside_post = row.entries.iter().any(|e| posts[e.0]);
            for &(c, _) in &row.entries {
                count[c] += 1;
                hidden[c] |= beside_post;
            }
        }
    }
    for (r, row) in ix.model.rows.iter().enumerate() {
        if let (true, &[(a, _), (b, _)]) = (alive[r], row.entries.as_slice()) {
            let linked = hidden[a] || hidden[b];
            hidden[a] = linked;
            hidden[b] = linked;
        }
    }
    let rank: Vec<u8> = (0..n)
        .map(|c| match (preferred[c], count[c] == 1, hidden[c]) {
            (true, _, _) => 3,
            (false, true, _) => 2,
            (false, false, true) => 1,
            _ => 0,
        })
        .collect();
    let key = |c: usize| (rank[c], c);
    let mut row_of: Vec<Option<usize>> = vec![None; n];
    let mut heap: BinaryHeap<(u8, usize)> = (0..n)
        .filter(|&c| definable[c] && count[c] == 1)
        .map(key)
        .collect();
    while let Some((_, c)) = heap.pop() {
        if row_of[c].is_some() || count[c] != 1 {
            continue;
        }
        let Some(&r) = ix.rows_of(c).iter().find(|&&r| alive[r]) else {
            continue;
        };
        let row = ix.row(r);
        let best = row
            .entries
            .iter()
            .map(|e| e.0)
            .filter(|&j| definable[j] && count[j] == 1 && row_of[j].is_none())
            .max_by_key(|&j| key(j))
            .unwrap_or(c);
        row_of[best] = Some(r);
        alive[r] = false;
        for &(j, _) in &row.entries {
            count[j] -= 1;
            if count[j] == 1 && definable[j] && row_of[j].is_none() {
                heap.push(key(j));
            }
        }
    }
    Definitions { row_of }
}
