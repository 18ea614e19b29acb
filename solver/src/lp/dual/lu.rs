//! Sparse LU factorisation of a simplex basis with product-form updates.
//!
//! The basis `B` (m x m, columns given sparse) is factorised left-looking: columns are
//! taken in order of increasing nonzero count (unit columns of logicals first), each is
//! reduced by the L columns found so far, and its pivot is chosen among the entries
//! within a threshold of the largest by the fewest nonzeros in the pivot's row. The
//! result is stored as sparse L and U columns in pivot order. After a basis change the
//! factor is not recomputed: an eta column is appended (product form), and the caller
//! refactorises every so often.

/// Relative threshold for pivot choice (partial pivoting with sparsity preference).
const PIVOT_THRESHOLD: f64 = 0.1;
/// Entries below this magnitude are dropped.
const DROP_TOLERANCE: f64 = 1e-14;
/// A column whose largest remaining entry is below this is singular.
const SINGULAR_TOLERANCE: f64 = 1e-11;

/// One eta column: basis position `r` replaced by a column whose FTRAN was `alpha`.
#[derive(Clone, Debug)]
struct Eta {
    r: usize,
    pivot: f64,
    entries: Vec<(usize, f64)>,
}

/// The factorisation of a basis plus its eta file.
#[derive(Clone, Debug, Default)]
pub struct BasisFactor {
    m: usize,
    /// Row of the k-th pivot.
    pivot_row: Vec<usize>,
    /// Basis position (column of B) of the k-th pivot.
    pivot_pos: Vec<usize>,
    /// Diagonal of U, by pivot step.
    diag: Vec<f64>,
    /// L columns by pivot step: `(row, multiplier)`.
    l_cols: Vec<Vec<(usize, f64)>>,
    /// U columns by pivot step: `(earlier step, value)`.
    u_cols: Vec<Vec<(usize, f64)>>,
    etas: Vec<Eta>,
    eta_nonzeros: usize,
    work: Vec<f64>,
}

/// Why a factorisation failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Singular {
    /// Basis positions whose columns could not be pivoted.
    pub positions: Vec<usize>,
    /// Rows left without a pivot.
    pub rows: Vec<usize>,
}

impl BasisFactor {
    /// Factorises the basis whose `m` columns are given by `column(position)`.
    pub fn factorize<'a>(
        m: usize,
        column: impl Fn(usize) -> &'a [(usize, f64)],
    ) -> Result<Self, Singular> {
        let mut f = BasisFactor {
            m,
            pivot_row: Vec::with_capacity(m),
            pivot_pos: Vec::with_capacity(m),
            diag: Vec::with_capacity(m),
            l_cols: Vec::with_capacity(m),
            u_cols: Vec::with_capacity(m),
            etas: Vec::new(),
            eta_nonzeros: 0,
            work: vec![0.0; m],
        };
        // Static row counts for the sparsity preference.
        let mut row_count = vec![0usize; m];
        for p in 0..m {
            for &(i, _) in column(p) {
                if i < m {
                    row_count[i] += 1;
                }
            }
        }
        let mut order: Vec<usize> = (0..m).collect();
        order.sort_by_key(|&p| (column(p).len(), p));
        let mut step_of_row: Vec<Option<usize>> = vec![None; m];
        let mut x = vec![0.0; m];
        let mut touched: Vec<usize> = Vec::new();
        let mut is_touched = vec![false; m];
        let mut failed = Vec::new();
        for &p in &order {
            for &(i, v) in column(p) {
                if i < m {
                    if !is_touched[i] {
                        is_touched[i] = true;
                        touched.push(i);
                    }
                    x[i] += v;
                }
            }
            // Apply earlier L columns in pivot order (dense scan of steps).
            let mut u_col = Vec::new();
            for k in 0..f.pivot_row.len() {
                let t = x[f.pivot_row[k]];
                if t == 0.0 {
                    continue;
                }
                for &(i, l) in &f.l_cols[k] {
                    if !is_touched[i] {
                        is_touched[i] = true;
                        touched.push(i);
                    }
                    x[i] -= l * t;
                }
            }
            // Split into U part (pivoted rows) and candidates.
            let mut max_abs: f64 = 0.0;
            for &i in &touched {
                if step_of_row[i].is_none() {
                    max_abs = max_abs.max(x[i].abs());
                }
            }
            if max_abs < SINGULAR_TOLERANCE {
                failed.push(p);
                for &i in &touched {
                    x[i] = 0.0;
                    is_touched[i] = false;
                }
                touched.clear();
                continue;
            }
            let mut pivot: Option<usize> = None;
            for &i in &touched {
                if step_of_row[i].is_none() && x[i].abs() >= PIVOT_THRESHOLD * max_abs {
                    let better = match pivot {
                        None => true,
                        Some(b) => {
                            row_count[i] < row_count[b]
                                || (row_count[i] == row_count[b] && x[i].abs() > x[b].abs())
                        }
                    };
                    if better {
                        pivot = Some(i);
                    }
                }
            }
            let Some(pr) = pivot else {
                failed.push(p);
                continue;
            };
            let d = x[pr];
            let mut l_col = Vec::new();
            for &i in &touched {
                let v = x[i];
                if i == pr || v.abs() <= DROP_TOLERANCE {
                    continue;
                }
                match step_of_row[i] {
                    Some(k) => u_col.push((k, v)),
                    None => l_col.push((i, v / d)),
                }
            }
            for &i in &touched {
                x[i] = 0.0;
                is_touched[i] = false;
            }
            touched.clear();
            step_of_row[pr] = Some(f.pivot_row.len());
            f.pivot_row.push(pr);
            f.pivot_pos.push(p);
            f.diag.push(d);
            f.l_cols.push(l_col);
            f.u_cols.push(u_col);
        }
        if !failed.is_empty() {
            let rows = (0..m).filter(|&i| step_of_row[i].is_none()).collect();
            return Err(Singular {
                positions: failed,
                rows,
            });
        }
        Ok(f)
    }

    /// Dimension of the basis.
    pub fn dim(&self) -> usize {
        self.m
    }

    /// Number of eta columns since the factorisation.
    pub fn num_updates(&self) -> usize {
        self.etas.len()
    }

    /// Nonzeros in the eta file.
    pub fn eta_nonzeros(&self) -> usize {
        self.eta_nonzeros
    }

    /// Solves `B y = b` in place: `b` is indexed by rows on entry and by basis
    /// positions on return.
    pub fn ftran(&mut self, b: &mut [f64]) {
        let m = self.m;
        // Forward with L (rows).
        for k in 0..m {
            let t = b[self.pivot_row[k]];
            if t == 0.0 {
                continue;
            }
            for &(i, l) in &self.l_cols[k] {
                b[i] -= l * t;
            }
        }
        // Backward with U (pivot steps), result by step in work.
        let w = &mut self.work;
        for k in 0..m {
            w[k] = b[self.pivot_row[k]];
        }
        for k in (0..m).rev() {
            let yk = w[k] / self.diag[k];
            w[k] = yk;
            if yk == 0.0 {
                continue;
            }
            for &(j, u) in &self.u_cols[k] {
                w[j] -= u * yk;
            }
        }
        for k in 0..m {
            b[self.pivot_pos[k]] = w[k];
        }
        // Eta file in order.
        for eta in &self.etas {
            let yr = b[eta.r] / eta.pivot;
            b[eta.r] = yr;
            if yr == 0.0 {
                continue;
            }
            for &(i, a) in &eta.entries {
                b[i] -= a * yr;
            }
        }
    }

    /// Solves `B^T y = c` in place: `c` is indexed by basis positions on entry and by
    /// rows on return.
    pub fn btran(&mut self, c: &mut [f64]) {
        let m = self.m;
        for eta in self.etas.iter().rev() {
            let mut s = c[eta.r];
            for &(i, a) in &eta.entries {
                s -= a * c[i];
            }
            c[eta.r] = s / eta.pivot;
        }
        // U^T solve by steps.
        let w = &mut self.work;
        for k in 0..m {
            let mut s = c[self.pivot_pos[k]];
            for &(j, u) in &self.u_cols[k] {
                s -= u * w[j];
            }
            w[k] = s / self.diag[k];
        }
        for k in 0..m {
            c[self.pivot_row[k]] = w[k];
        }
        // L^T solve in reverse step order.
        for k in (0..m).rev() {
            let mut s = c[self.pivot_row[k]];
            for &(i, l) in &self.l_cols[k] {
                s -= l * c[i];
            }
            c[self.pivot_row[k]] = s;
        }
    }

    /// Records that basis position `r` was replaced by a column whose FTRAN (with the
    /// current factor) is `alpha` (dense, by basis position).
    pub fn update(&mut self, r: usize, alpha: &[f64]) {
        let entries: Vec<(usize, f64)> = alpha
            .iter()
            .enumerate()
            .filter(|&(i, &a)| i != r && a.abs() > DROP_TOLERANCE)
            .map(|(i, &a)| (i, a))
            .collect();
        self.eta_nonzeros += entries.len() + 1;
        self.etas.push(Eta {
            r,
            pivot: alpha[r],
            entries,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dense_mul(cols: &[Vec<(usize, f64)>], y: &[f64], m: usize) -> Vec<f64> {
        let mut out = vec![0.0; m];
        for (p, col) in cols.iter().enumerate() {
            for &(i, v) in col {
                out[i] += v * y[p];
            }
        }
        out
    }

    fn dense_tmul(cols: &[Vec<(usize, f64)>], y: &[f64]) -> Vec<f64> {
        cols.iter()
            .map(|col| col.iter().map(|&(i, v)| v * y[i]).sum())
            .collect()
    }

    struct Lcg(u64);
    impl Lcg {
        fn next(&mut self) -> f64 {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((self.0 >> 11) as f64) / ((1u64 << 53) as f64)
        }
    }

    fn random_basis(m: usize, rng: &mut Lcg) -> Vec<Vec<(usize, f64)>> {
        (0..m)
            .map(|p| {
                if rng.next() < 0.3 {
                    vec![(p, -1.0)]
                } else {
                    let mut col: Vec<(usize, f64)> = Vec::new();
                    for i in 0..m {
                        if rng.next() < 0.2 {
                            col.push((i, rng.next() * 4.0 - 2.0));
                        }
                    }
                    col.push((p, 3.0 + rng.next()));
                    col.sort_by_key(|e| e.0);
                    col.dedup_by_key(|e| e.0);
                    col
                }
            })
            .collect()
    }

    #[test]
    fn ftran_and_btran_solve_random_bases_with_updates() {
        let mut rng = Lcg(42);
        for m in [1usize, 2, 5, 20, 60] {
            let mut cols = random_basis(m, &mut rng);
            let mut f = BasisFactor::factorize(m, |p| &cols[p]).expect("nonsingular");
            for round in 0..6 {
                let y: Vec<f64> = (0..m).map(|_| rng.next() - 0.5).collect();
                let mut b = dense_mul(&cols, &y, m);
                f.ftran(&mut b);
                for p in 0..m {
                    assert!((b[p] - y[p]).abs() < 1e-8, "ftran m={m} round={round}");
                }
                let mut c = dense_tmul(&cols, &y);
                f.btran(&mut c);
                for i in 0..m {
                    assert!((c[i] - y[i]).abs() < 1e-8, "btran m={m} round={round}");
                }
                // Replace a random position by a new column.
                let r = (rng.next() * m as f64) as usize % m;
                let mut new_col: Vec<(usize, f64)> = Vec::new();
                for i in 0..m {
                    if rng.next() < 0.3 {
                        new_col.push((i, rng.next() - 0.5));
                    }
                }
                new_col.push((r, 2.0));
                new_col.sort_by_key(|e| e.0);
                new_col.dedup_by_key(|e| e.0);
                let mut alpha = vec![0.0; m];
                for &(i, v) in &new_col {
                    alpha[i] = v;
                }
                f.ftran(&mut alpha);
                if alpha[r].abs() < 1e-3 {
                    continue;
                }
                f.update(r, &alpha);
                cols[r] = new_col;
            }
        }
    }

    #[test]
    fn singular_bases_are_reported() {
        let cols = [vec![(0, 1.0), (1, 1.0)], vec![(0, 2.0), (1, 2.0)]];
        let err = BasisFactor::factorize(2, |p| &cols[p]).unwrap_err();
        assert_eq!(err.positions.len(), 1);
        assert_eq!(err.rows.len(), 1);
    }
}
