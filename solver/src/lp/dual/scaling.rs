//! Geometric row and column scaling.
//!
//! The engine works on `R A C` with diagonal `R` (rows) and `C` (columns): a column
//! value `x_j` becomes `x_j / C_j`, its cost `c_j C_j`, a row's bounds `R_i l_i` and
//! `R_i u_i`. Scale factors are powers of two, so scaling adds no rounding error.

use crate::lp::LpRow;

/// Passes of alternating row and column geometric scaling.
const PASSES: usize = 6;
/// Largest and smallest scale factor.
const MAX_SCALE: f64 = 1048576.0; // 2^20

/// Rounds a positive factor to the nearest power of two within the allowed range.
fn power_of_two(s: f64) -> f64 {
    if !s.is_finite() || s <= 0.0 {
        return 1.0;
    }
    s.log2().round().exp2().clamp(1.0 / MAX_SCALE, MAX_SCALE)
}

/// Geometric scale factors `(column, row)` for the matrix given by `rows`.
pub fn geometric(num_cols: usize, rows: &[LpRow]) -> (Vec<f64>, Vec<f64>) {
    let mut col = vec![1.0; num_cols];
    let mut row = vec![1.0; rows.len()];
    let mut col_min = vec![f64::INFINITY; num_cols];
    let mut col_max = vec![0.0f64; num_cols];
    for _ in 0..PASSES {
        for (i, r) in rows.iter().enumerate() {
            row[i] = row_factor(&r.entries, &col);
        }
        col_min.iter_mut().for_each(|v| *v = f64::INFINITY);
        col_max.iter_mut().for_each(|v| *v = 0.0);
        for (i, r) in rows.iter().enumerate() {
            for &(j, a) in &r.entries {
                let v = (a * row[i]).abs();
                if v > 0.0 {
                    col_min[j] = col_min[j].min(v);
                    col_max[j] = col_max[j].max(v);
                }
            }
        }
        for j in 0..num_cols {
            col[j] = if col_max[j] > 0.0 {
                power_of_two(1.0 / (col_min[j] * col_max[j]).sqrt())
            } else {
                1.0
            };
        }
    }
    for (i, r) in rows.iter().enumerate() {
        row[i] = row_factor(&r.entries, &col);
    }
    (col, row)
}

/// Geometric scale factor of one row given the column factors.
pub fn row_factor(entries: &[(usize, f64)], col: &[f64]) -> f64 {
    let (mut lo, mut hi) = (f64::INFINITY, 0.0f64);
    for &(j, a) in entries {
        let v = (a * col.get(j).copied().unwrap_or(1.0)).abs();
        if v > 0.0 {
            lo = lo.min(v);
            hi = hi.max(v);
        }
    }
    if hi > 0.0 {
        power_of_two(1.0 / (lo * hi).sqrt())
    } else {
        1.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scales_are_powers_of_two_and_balance_entries() {
        let rows = vec![
            LpRow {
                entries: vec![(0, 1000.0), (1, 0.001)],
                lower: 0.0,
                upper: 1.0,
            },
            LpRow {
                entries: vec![(0, 2000.0), (1, 0.004)],
                lower: 0.0,
                upper: 1.0,
            },
        ];
        let (c, r) = geometric(2, &rows);
        for s in c.iter().chain(&r) {
            assert_eq!(s.log2().fract(), 0.0);
        }
        for (i, row) in rows.iter().enumerate() {
            for &(j, a) in &row.entries {
                let v = (a * r[i] * c[j]).abs();
                assert!(v > 0.1 && v < 10.0, "scaled entry {v}");
            }
        }
    }
}
