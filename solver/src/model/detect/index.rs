//! The lookups detection needs, built once per model: the rows of every column, and
//! which rows are usable (finite nonzero coefficients in strictly increasing
//! in-range columns, sides not NaN) and which hold an integer column.

use crate::model::{Model, Row, VarKind};

/// Relative tolerance when comparing coefficients and sides of rows.
pub(super) const TOL: f64 = 1e-9;

/// True when `a` and `b` agree within [`TOL`] relative to `max(1, |a|, |b|)`.
pub(super) fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= TOL * a.abs().max(b.abs()).max(1.0)
}

/// Column-wise view of a model's rows.
pub(super) struct Index<'a> {
    /// The model.
    pub model: &'a Model,
    /// `rows[start[c]..start[c + 1]]` are the rows holding column `c`.
    start: Vec<usize>,
    rows: Vec<usize>,
    /// Per row: usable for detection.
    pub usable: Vec<bool>,
    /// Per row: holds an integer column.
    pub has_integer: Vec<bool>,
}

impl<'a> Index<'a> {
    /// Builds the index in one pass over the nonzeros.
    pub fn new(model: &'a Model) -> Self {
        let n = model.num_cols();
        let usable: Vec<bool> = model.rows.iter().map(|r| is_usable(r, n)).collect();
        let has_integer: Vec<bool> = model
            .rows
            .iter()
            .map(|r| {
                r.entries
                    .iter()
                    .any(|&(c, _)| c >= n || model.variables[c].kind.is_integral())
            })
            .collect();
        let mut count = vec![0usize; n + 1];
        for row in &model.rows {
            for &(c, _) in row.entries.iter().filter(|e| e.0 < n) {
                count[c + 1] += 1;
            }
        }
        for c in 0..n {
            count[c + 1] += count[c];
        }
        let start = count.clone();
        let mut next = count;
        let mut rows = vec![0; start[n]];
        for (r, row) in model.rows.iter().enumerate() {
            for &(c, _) in row.entries.iter().filter(|e| e.0 < n) {
                rows[next[c]] = r;
                next[c] += 1;
            }
        }
        Index {
            model,
            start,
            rows,
            usable,
            has_integer,
        }
    }

    /// The rows holding column `c` (usable or not), in increasing order.
    pub fn rows_of(&self, c: usize) -> &[usize] {
        &self.rows[self.start[c]..self.start[c + 1]]
    }

    /// Row `r` of the model.
    pub fn row(&self, r: usize) -> &'a Row {
        &self.model.rows[r]
    }

    /// True for a continuous column with two different bounds.
    pub fn is_free_continuous(&self, c: usize) -> bool {
        let v = &self.model.variables[c];
        v.kind == VarKind::Continuous && v.lower != v.upper
    }

    /// True for a continuous column.
    pub fn is_continuous(&self, c: usize) -> bool {
        self.model.variables[c].kind == VarKind::Continuous
    }

    /// True for an integer column with bounds exactly `[0, 1]`.
    pub fn is_binary(&self, c: usize) -> bool {
        let v = &self.model.variables[c];
        v.kind.is_integral() && v.lower == 0.0 && v.upper == 1.0
    }
}

/// Finite nonzero coefficients in strictly increasing in-range columns, and sides
/// that are not NaN.
fn is_usable(row: &Row, n: usize) -> bool {
    !row.lower.is_nan()
        && !row.upper.is_nan()
        && row
            .entries
            .iter()
            .all(|&(c, a)| c < n && a.is_finite() && a != 0.0)
        && row.entries.windows(2).all(|w| w[0].0 < w[1].0)
}

/// The coefficient of column `c` in `row` (binary search; rows are sorted).
pub(super) fn coefficient(row: &Row, c: usize) -> Option<f64> {
    row.entries
        .binary_search_by_key(&c, |e| e.0)
        .ok()
        .map(|i| row.entries[i].1)
}

/// One finite side of a row as `factor * (sum a x) >= factor * side`, with `factor`
/// chosen so that the coefficient `a_c` of a chosen column becomes `+1` or `-1`:
/// `factor = 1 / |a_c|` for the lower side, `-1 / |a_c|` for the upper side.
#[derive(Clone, Copy, Debug)]
pub(super) struct Half {
    /// Multiplier of every coefficient.
    pub factor: f64,
    /// Right-hand side of the `>=` form.
    pub rhs: f64,
}

/// The finite sides of `row` as `>=` inequalities scaled by the coefficient `a_c`
/// (nonzero and finite) of a chosen column.
pub(super) fn halves(row: &Row, a_c: f64) -> impl Iterator<Item = Half> {
    let scale = 1.0 / a_c.abs();
    let lower = row.lower.is_finite().then_some(Half {
        factor: scale,
        rhs: row.lower * scale,
    });
    let upper = row.upper.is_finite().then_some(Half {
        factor: -scale,
        rhs: -row.upper * scale,
    });
    lower.into_iter().chain(upper)
}
