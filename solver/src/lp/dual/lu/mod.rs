//! Sparse LU factorisation of the simplex basis with Forrest–Tomlin updates.
//!
//! The basis matrix `B` (square, `m` x `m`, columns indexed by basis position) is
//! factorised by right-looking Gaussian elimination. Pivots are chosen by the Markowitz
//! rule (fewest expected fill-ins) among entries that pass a threshold partial-pivoting
//! test (`|a_pq| >= THRESHOLD * max_i |a_iq|`); column and row singletons are taken first
//! without any search, which covers the many logical columns of a simplex basis.
//!
//! The result is `L_{m-1}^{-1} ... L_0^{-1} B = U` with column etas `L_k` and `U` kept
//! by rows and by columns. A basis change at position `r` is a Forrest–Tomlin update:
//! column `r` of `U` is replaced by the entering column transformed by `L` (the
//! "spike"), its row moves to the end of the pivot order, and the entries left of its
//! diagonal are eliminated by a row eta `R_k`, so that `R_k ... R_1 L^{-1} B' = U'`.
//! Each update is checked against the pivot of the simplex step (the new diagonal must
//! equal `alpha_r` times the old one); a failed check asks for a refactorisation. The
//! owner also refactorises after [`REFACTOR_INTERVAL`] updates or when the row etas and
//! the growth of `U` cost more than a factorisation (see
//! [`BasisFactor::wants_refactor`]).

mod factor;
mod solve;
#[cfg(test)]
mod tests;

/// Relative threshold of the partial-pivoting test.
const THRESHOLD: f64 = 0.1;
/// Entries below this are never pivots.
const ABS_PIVOT_TOL: f64 = 1e-11;
/// Columns with an acceptable pivot examined by the Markowitz search.
const SEARCH_COLUMNS: usize = 4;
/// Entries below this are dropped from the factors.
const DROP_TOL: f64 = 1e-14;
/// Number of updates after which the owner should refactorise.
pub const REFACTOR_INTERVAL: usize = 100;

/// A factorisation that could not pivot every column: the basis positions and the rows
/// left without a pivot (same length). Replacing the basic variable at `positions[k]` by
/// the logical of `rows[k]` gives a basis that can be factorised.
#[derive(Debug, Clone, Default)]
pub struct Singular {
    /// Basis positions without a pivot.
    pub positions: Vec<usize>,
    /// Rows without a pivot.
    pub rows: Vec<usize>,
}

/// Compressed sparse storage of a list of vectors.
#[derive(Debug, Clone, Default)]
struct Packed {
    start: Vec<usize>,
    index: Vec<usize>,
    value: Vec<f64>,
}

impl Packed {
    fn clear(&mut self) {
        self.start.clear();
        self.start.push(0);
        self.index.clear();
        self.value.clear();
    }

    fn push_entry(&mut self, i: usize, v: f64) {
        self.index.push(i);
        self.value.push(v);
    }

    fn close(&mut self) {
        self.start.push(self.index.len());
    }

    fn get(&self, k: usize) -> (&[usize], &[f64]) {
        let (a, b) = (self.start[k], self.start[k + 1]);
        (&self.index[a..b], &self.value[a..b])
    }
}

/// LU factors of a basis kept up to date by Forrest–Tomlin updates.
#[derive(Debug, Clone, Default)]
pub struct BasisFactor {
    m: usize,
    /// Pivot row of each L eta.
    l_row: Vec<usize>,
    /// L etas: multipliers `(row, l)`.
    l: Packed,
    /// Per elimination step: pivot row, pivot basis position, pivot value.
    u_row: Vec<usize>,
    u_pos: Vec<usize>,
    u_diag: Vec<f64>,
    /// Off-diagonal U entries by step: `(basis position, value)` (factorisation output).
    u_rows: Packed,
    /// U as kept up to date by the updates: row `p` is paired with basis position
    /// `pos_of_row[p]` and has diagonal `diag[p]`; `order` lists the rows in pivot
    /// order (`order_place` inverts it); off-diagonal entries by row
    /// `(position, value)` and by column `(row, value)`.
    order: Vec<usize>,
    order_place: Vec<usize>,
    pos_of_row: Vec<usize>,
    row_of_pos: Vec<usize>,
    diag: Vec<f64>,
    urow: Vec<Vec<(usize, f64)>>,
    ucol: Vec<Vec<(usize, f64)>>,
    /// Nonzeros of U now and after the factorisation.
    u_nnz: usize,
    u_nnz0: usize,
    /// Forrest–Tomlin row etas: the row they change and its multipliers `(row, mu)`.
    r_row: Vec<usize>,
    r: Packed,
    /// The entering column after L and the row etas, saved by
    /// [`BasisFactor::ftran_entering`] for the next update.
    spike: Vec<f64>,
    spike_ok: bool,
    /// An update failed its stability test: the factors must be recomputed.
    broken: bool,
    updates: usize,
    work: Vec<f64>,
    row_work: Vec<f64>,
    /// Dimension of the last factorisation's kernel (after the triangular phase).
    kernel: usize,
    /// Entries touched by the last factorisation (an estimate of its cost).
    factor_work: usize,
    /// Entries of update etas touched by FTRAN and BTRAN since the last factorisation.
    eta_work: usize,
}

impl BasisFactor {
    /// Sizes of the factors, for diagnostics.
    #[cfg(test)]
    pub fn stats(&self) -> String {
        format!(
            "kernel {}, L etas {} nnz {}, U nnz {} (at factorisation {}), updates {}, row eta nnz {}",
            self.kernel,
            self.l_row.len(),
            self.l.index.len(),
            self.u_nnz,
            self.u_nnz0,
            self.updates,
            self.r.index.len()
        )
    }

    /// Number of updates since the last factorisation.
    pub fn num_updates(&self) -> usize {
        self.updates
    }

    /// True when the owner should refactorise before the next iteration.
    ///
    /// Besides the fixed interval, the factors are renewed once the extra work spent
    /// in FTRAN and BTRAN on the row etas and on the growth of U since the last
    /// factorisation exceeds four times the work of that factorisation, and at once
    /// after an update failed its stability test.
    pub fn wants_refactor(&self) -> bool {
        self.broken
            || self.updates >= REFACTOR_INTERVAL
            || (self.updates > 0 && self.eta_work > 4 * self.factor_work)
    }
}
