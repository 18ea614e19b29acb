//! A cut and the checks every separator's cut passes before it reaches an LP.

use crate::lp::LpRow;

/// Smallest accepted efficacy (violation divided by the coefficient norm).
pub const MIN_EFFICACY: f64 = 1e-4;

/// A candidate cut `lower <= a'x` with its efficacy at the LP point.
#[derive(Clone, Debug)]
pub struct Cut {
    /// Row `entries >= lower`.
    pub row: LpRow,
    /// Violation at the LP point divided by the norm of the coefficients.
    pub efficacy: f64,
}

/// Builds a `>=` cut from dense coefficients over the columns: see
/// [`finish_sparse_cut`].
pub fn finish_cut(dense: &[f64], rhs: f64, lower: &[f64], upper: &[f64], x: &[f64]) -> Option<Cut> {
    let entries: Vec<(usize, f64)> = dense
        .iter()
        .enumerate()
        .filter(|&(_, &c)| c != 0.0)
        .map(|(j, &c)| (j, c))
        .collect();
    finish_sparse_cut(entries, rhs, lower, upper, x)
}

/// Builds the cut `entries >= rhs` (columns strictly increasing, every column inside
/// `lower`, `upper` and `x`); drops tiny coefficients safely (the right-hand side is
/// relaxed by their largest contribution over the bounds), normalises, relaxes the
/// right-hand side slightly for floating-point safety, and rejects cuts with too wide
/// a coefficient range, unbounded drops, non-finite data, or an efficacy at `x` below
/// [`MIN_EFFICACY`].
pub fn finish_sparse_cut(
    entries: Vec<(usize, f64)>,
    mut rhs: f64,
    lower: &[f64],
    upper: &[f64],
    x: &[f64],
) -> Option<Cut> {
    let max = entries.iter().fold(0.0f64, |m, e| m.max(e.1.abs()));
    if max == 0.0 || !max.is_finite() || !rhs.is_finite() {
        return None;
    }
    let mut kept = Vec::with_capacity(entries.len());
    for (j, c) in entries {
        if c == 0.0 {
            continue;
        }
        if c.abs() < 1e-9 * max {
            // c x_j <= max over the bounds; moving it to the right side relaxes the cut.
            let most = (c * lower[j]).max(c * upper[j]);
            if !most.is_finite() {
                return None;
            }
            rhs -= most;
            continue;
        }
        kept.push((j, c / max));
    }
    rhs /= max;
    let min = kept.iter().fold(f64::INFINITY, |m, e| m.min(e.1.abs()));
    if kept.is_empty() || min < 1e-7 {
        return None;
    }
    rhs -= 1e-9 * (1.0 + rhs.abs());
    let activity: f64 = kept.iter().map(|&(j, a)| a * x[j]).sum();
    let norm = kept.iter().map(|e| e.1 * e.1).sum::<f64>().sqrt();
    let efficacy = (rhs - activity) / norm;
    if !(efficacy >= MIN_EFFICACY && efficacy.is_finite()) {
        return None;
    }
    Some(Cut {
        row: LpRow {
            entries: kept,
            lower: rhs,
            upper: f64::INFINITY,
        },
        efficacy,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dense_and_sparse_agree() {
        let (lower, upper) = (vec![0.0; 3], vec![1.0; 3]);
        let x = [0.2, 0.0, 0.3];
        let dense = finish_cut(&[2.0, 0.0, 1.0], 1.0, &lower, &upper, &x).expect("violated");
        let sparse =
            finish_sparse_cut(vec![(0, 2.0), (2, 1.0)], 1.0, &lower, &upper, &x).expect("violated");
        assert_eq!(dense.row, sparse.row);
        assert_eq!(dense.row.entries, vec![(0, 1.0), (2, 0.5)]);
        assert!(dense.row.lower < 0.5 && dense.row.lower > 0.5 - 1e-8);
    }

    #[test]
    fn satisfied_or_broken_cuts_are_refused() {
        let (lower, upper) = (vec![0.0; 2], vec![1.0; 2]);
        assert!(finish_sparse_cut(vec![(0, 1.0)], 0.5, &lower, &upper, &[0.7, 0.0]).is_none());
        assert!(finish_sparse_cut(vec![(0, 1.0)], f64::NAN, &lower, &upper, &[0.0; 2]).is_none());
        assert!(finish_sparse_cut(vec![], 1.0, &lower, &upper, &[0.0; 2]).is_none());
        // A tiny coefficient over an unbounded column cannot be dropped safely.
        let free = [f64::NEG_INFINITY, f64::INFINITY];
        let cut = finish_sparse_cut(vec![(0, 1.0), (1, 1e-12)], 1.0, &free, &free, &[0.0; 2]);
        assert!(cut.is_none());
    }
}
