//! relumip's own LP engine: a sparse bounded dual simplex.
//!
//! # Computational form
//!
//! Columns `x_j` (`j < n`) with bounds `[l_j, u_j]` (either may be infinite) and one
//! logical `s_i` per row with `a_i'x - s_i = 0` and `s_i` in `[row lower, row upper]`
//! (an equation row has a fixed logical). Variable `n + i` is the logical of row `i`.
//! The matrix is scaled geometrically (`scaling.rs`); all values reported through
//! [`LpEngine`] are unscaled.
//!
//! # Algorithm
//!
//! - The basis is kept as a sparse LU factorisation (`lu.rs`, Markowitz pivoting with a
//!   threshold) with Forrest–Tomlin updates, refactorised every 100 updates, when the
//!   update etas cost more than a factorisation, when an update fails its stability
//!   test, and when a transformed pivot disagrees between the row and column
//!   computation (then primal and dual values are recomputed).
//! - Dual phase 2 (`dual_phase.rs`) prices with dual steepest edge (`pricing.rs`) and uses a
//!   Harris two-pass ratio test with bound flipping (`ratio_test.rs`). Stalling triggers a
//!   random cost perturbation, removed before optimality is declared; a primal simplex
//!   (`primal.rs`) cleans up remaining dual infeasibilities afterwards. Both carry out
//!   their basis changes through one exchange (`pivot.rs`).
//! - Dual phase 1: boxed nonbasic columns are put at the bound matching the sign of their
//!   reduced cost; other dual infeasibilities are removed by solving the auxiliary
//!   problem with boxed bounds (`[0,0]` for boxed, `[0,1]`/`[-1,0]` for one-sided, `[-1,1]`
//!   for free variables), whose optimal basis is dual feasible iff the LP's dual is.
//!   When it is not, the LP is infeasible or unbounded: a dual simplex with zero costs
//!   decides feasibility, then a primal simplex from the feasible basis finds the
//!   optimum or an unbounded ray.
//! - Infeasibility is only reported with a verified dual ray (a row whose value cannot
//!   reach its bounds over the column and logical box, checked with a fresh
//!   factorisation), available through [`LpEngine::farkas_ray`] (not for crossed
//!   bounds, which need no proof).
//! - The objective cutoff is tested against a Lagrangian bound computed from the current
//!   duals with the original costs, so it is valid at any time (up to the dual
//!   feasibility tolerance).
//!
//! # Sign conventions (minimisation form)
//!
//! `row_duals` `y` and `reduced_costs` `d` satisfy `c = A'y + d`. At an optimum `d_j >= 0`
//! for a column at its lower bound and `d_j <= 0` at its upper bound; `y_i >= 0` when row
//! `i` is at its lower bound and `y_i <= 0` when it is at its upper bound.
//!
//! # Changes to the LP
//!
//! - [`LpEngine::set_col_bounds`] keeps the basis; a nonbasic column moves to its new
//!   bound (the side it was on if that bound is finite), so a dual feasible basis stays
//!   dual feasible when bounds of boxed columns change and the next solve is a warm dual
//!   simplex.
//! - [`LpEngine::add_rows`]: the new logicals enter the basis.
//! - [`LpEngine::remove_rows`]: a removed row whose logical is basic leaves with it. For a
//!   removed row whose logical is nonbasic, the logical is first pivoted into the basis
//!   in place of the basic variable with the largest entry in the corresponding column of
//!   `B^{-1}` (which keeps the basis nonsingular); that variable becomes nonbasic at the
//!   bound nearest to its value. If no factorisation is at hand it falls back to a
//!   slack basis.
//!
//! Invalid data never panics: non-finite coefficients and out-of-range column indices
//! are dropped, NaN bounds are read as infinite, out-of-range indices in calls are
//! ignored.

mod core;
mod dual_phase;
mod lu;
mod pivot;
mod pricing;
mod primal;
mod ratio_test;
mod scaling;
mod solve;

#[cfg(test)]
mod tests;

use super::{Basis, BasisStatus, LpEngine, LpLimits, LpProblem, LpRow, LpStatus};

/// Place of a nonbasic variable, or basic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    Basic,
    Lower,
    Upper,
    /// Nonbasic free variable at zero.
    Zero,
}

/// Compressed sparse matrix (by columns or by rows).
#[derive(Clone, Debug, Default)]
struct Sparse {
    start: Vec<usize>,
    index: Vec<usize>,
    value: Vec<f64>,
}

impl Sparse {
    fn get(&self, k: usize) -> (&[usize], &[f64]) {
        let (a, b) = (self.start[k], self.start[k + 1]);
        (&self.index[a..b], &self.value[a..b])
    }
}

/// Feasibility tolerance on unscaled primal values (internal target).
const PRIMAL_TOL: f64 = 5e-8;
/// Feasibility tolerance on unscaled reduced costs (internal target).
const DUAL_TOL: f64 = 5e-8;
/// Tolerance of the final optimality check (unscaled).
const CHECK_TOL: f64 = 1e-7;
/// Marker for "not in the basis".
const NONE: usize = usize::MAX;

/// The dual simplex engine. See the [module documentation](self).
#[derive(Clone, Debug)]
pub struct DualSimplex {
    // The LP as given (unscaled, sanitised).
    n: usize,
    orig_cost: Vec<f64>,
    col_lower: Vec<f64>,
    col_upper: Vec<f64>,
    rows: Vec<LpRow>,
    // Scaling: x_j = col_scale[j] * x~_j; s~_i = row_scale[i] * s_i.
    col_scale: Vec<f64>,
    row_scale: Vec<f64>,
    // Scaled matrix by columns (n) and by rows (m).
    a_cols: Sparse,
    a_rows: Sparse,
    // Working data over the n + m variables (scaled).
    lower: Vec<f64>,
    upper: Vec<f64>,
    cost: Vec<f64>,
    scaled_cost: Vec<f64>,
    x: Vec<f64>,
    d: Vec<f64>,
    y: Vec<f64>,
    state: Vec<State>,
    head: Vec<usize>,
    pos: Vec<usize>,
    dse: Vec<f64>,
    ptol: Vec<f64>,
    dtol: Vec<f64>,
    factor: lu::BasisFactor,
    factor_ok: bool,
    duals_ok: bool,
    /// Basic values match the nonbasic ones up to the changes in `pending`.
    primal_ok: bool,
    /// Changes of nonbasic values not yet applied to the basic values.
    pending: Vec<(usize, f64)>,
    /// Iteration count at the last full recomputation of basic values.
    recomputed_at: u64,
    /// The reduced costs are dual feasible for the states, except for the variables in
    /// `dirty` (whose bounds changed since).
    dual_clean: bool,
    dirty: Vec<usize>,
    /// Per variable `f` with unscaled value `f x~` and unscaled reduced cost `d~ / f`,
    /// and `1 / f`.
    unscale: Vec<f64>,
    inv_unscale: Vec<f64>,
    perturbed: bool,
    rng: u64,
    // Scratch.
    rho: Vec<f64>,
    col: Vec<f64>,
    tau: Vec<f64>,
    alpha: Vec<f64>,
    alpha_idx: Vec<usize>,
    alpha_mark: Vec<bool>,
    flips: Vec<usize>,
    last_slope: f64,
    cands: Vec<(usize, f64)>,
    // Results.
    objective: f64,
    primal: Vec<f64>,
    row_duals: Vec<f64>,
    reduced_costs: Vec<f64>,
    ray: Option<Vec<f64>>,
    iterations: u64,
}

fn clean_lower(v: f64) -> f64 {
    if v.is_nan() {
        f64::NEG_INFINITY
    } else {
        v
    }
}

fn clean_upper(v: f64) -> f64 {
    if v.is_nan() {
        f64::INFINITY
    } else {
        v
    }
}

/// Drops invalid entries of a row and merges repeated columns.
fn clean_row(row: &LpRow, n: usize) -> LpRow {
    let mut entries: Vec<(usize, f64)> = row
        .entries
        .iter()
        .copied()
        .filter(|&(j, a)| j < n && a.is_finite() && a != 0.0)
        .collect();
    entries.sort_by_key(|&(j, _)| j);
    let mut merged: Vec<(usize, f64)> = Vec::with_capacity(entries.len());
    for (j, a) in entries {
        match merged.last_mut() {
            Some(last) if last.0 == j => last.1 += a,
            _ => merged.push((j, a)),
        }
    }
    merged.retain(|&(_, a)| a != 0.0);
    LpRow {
        entries: merged,
        lower: clean_lower(row.lower),
        upper: clean_upper(row.upper),
    }
}

impl DualSimplex {
    /// Creates the engine for `problem` with a slack basis.
    pub fn new(problem: &LpProblem) -> Self {
        let n = problem.num_cols();
        let get = |v: &[f64], j: usize, default: f64| v.get(j).copied().unwrap_or(default);
        let orig_cost: Vec<f64> = (0..n)
            .map(|j| {
                let c = get(&problem.costs, j, 0.0);
                if c.is_finite() {
                    c
                } else {
                    0.0
                }
            })
            .collect();
        let col_lower = (0..n)
            .map(|j| clean_lower(get(&problem.col_lower, j, 0.0)))
            .collect();
        let col_upper = (0..n)
            .map(|j| clean_upper(get(&problem.col_upper, j, f64::INFINITY)))
            .collect();
        let rows: Vec<LpRow> = problem.rows.iter().map(|r| clean_row(r, n)).collect();
        let (col_scale, row_scale) = scaling::geometric(n, &rows);
        let mut lp = DualSimplex {
            n,
            orig_cost,
            col_lower,
            col_upper,
            rows,
            col_scale,
            row_scale,
            a_cols: Sparse::default(),
            a_rows: Sparse::default(),
            lower: Vec::new(),
            upper: Vec::new(),
            cost: Vec::new(),
            scaled_cost: Vec::new(),
            x: Vec::new(),
            d: Vec::new(),
            y: Vec::new(),
            state: Vec::new(),
            head: Vec::new(),
            pos: Vec::new(),
            dse: Vec::new(),
            ptol: Vec::new(),
            dtol: Vec::new(),
            factor: lu::BasisFactor::default(),
            factor_ok: false,
            duals_ok: false,
            primal_ok: false,
            pending: Vec::new(),
            recomputed_at: 0,
            dual_clean: false,
            dirty: Vec::new(),
            unscale: Vec::new(),
            inv_unscale: Vec::new(),
            perturbed: false,
            rng: 0x9e37_79b9_7f4a_7c15,
            rho: Vec::new(),
            col: Vec::new(),
            tau: Vec::new(),
            alpha: Vec::new(),
            alpha_idx: Vec::new(),
            alpha_mark: Vec::new(),
            flips: Vec::new(),
            last_slope: 0.0,
            cands: Vec::new(),
            objective: f64::NAN,
            primal: vec![0.0; n],
            row_duals: Vec::new(),
            reduced_costs: Vec::new(),
            ray: None,
            iterations: 0,
        };
        lp.rebuild(None);
        lp.slack_basis();
        lp
    }

    fn m(&self) -> usize {
        self.rows.len()
    }

    /// Rebuilds the scaled matrices and working arrays after the rows changed. `keep`
    /// maps each new variable index to its old index (to keep values and states); `None`
    /// starts fresh.
    fn rebuild(&mut self, keep: Option<&[usize]>) {
        let (n, m) = (self.n, self.m());
        // Matrices.
        let mut count = vec![0usize; n + 1];
        for r in &self.rows {
            for &(j, _) in &r.entries {
                count[j + 1] += 1;
            }
        }
        for j in 0..n {
            count[j + 1] += count[j];
        }
        let nnz = count[n];
        let mut cindex = vec![0usize; nnz];
        let mut cvalue = vec![0.0; nnz];
        let mut next = count.clone();
        let mut rstart = Vec::with_capacity(m + 1);
        let mut rindex = Vec::with_capacity(nnz);
        let mut rvalue = Vec::with_capacity(nnz);
        rstart.push(0);
        for (i, r) in self.rows.iter().enumerate() {
            for &(j, a) in &r.entries {
                let v = a * self.row_scale[i] * self.col_scale[j];
                cindex[next[j]] = i;
                cvalue[next[j]] = v;
                next[j] += 1;
                rindex.push(j);
                rvalue.push(v);
            }
            rstart.push(rindex.len());
        }
        self.a_cols = Sparse {
            start: count,
            index: cindex,
            value: cvalue,
        };
        self.a_rows = Sparse {
            start: rstart,
            index: rindex,
            value: rvalue,
        };
        // Working arrays.
        let total = n + m;
        let old_state = std::mem::take(&mut self.state);
        let old_x = std::mem::take(&mut self.x);
        let old_cost = std::mem::take(&mut self.cost);
        self.lower = vec![0.0; total];
        self.upper = vec![0.0; total];
        self.scaled_cost = vec![0.0; total];
        self.ptol = vec![0.0; total];
        self.dtol = vec![0.0; total];
        self.unscale = vec![1.0; total];
        self.inv_unscale = vec![1.0; total];
        for j in 0..n {
            self.set_scaled_col_bounds(j);
            self.scaled_cost[j] = self.orig_cost[j] * self.col_scale[j];
        }
        for i in 0..m {
            self.set_scaled_row_bounds(i);
        }
        for j in 0..total {
            // Unscale factor f: x = f x~, d = d~ / f.
            let f = if j < n {
                self.col_scale[j]
            } else {
                1.0 / self.row_scale[j - n]
            };
            self.unscale[j] = f;
            self.inv_unscale[j] = 1.0 / f;
            self.ptol[j] = (PRIMAL_TOL / f).clamp(1e-10, 1e-6);
            self.dtol[j] = (DUAL_TOL * f).clamp(1e-10, 1e-6);
        }
        self.x = vec![0.0; total];
        self.d = vec![0.0; total];
        self.cost = self.scaled_cost.clone();
        self.state = vec![State::Lower; total];
        if let Some(map) = keep {
            for (new, &old) in map.iter().enumerate() {
                if old < old_state.len() {
                    self.state[new] = old_state[old];
                    self.x[new] = old_x.get(old).copied().unwrap_or(0.0);
                    if self.perturbed {
                        self.cost[new] = old_cost.get(old).copied().unwrap_or(0.0);
                    }
                } else {
                    self.state[new] = State::Basic;
                }
            }
        }
        self.y = vec![0.0; m];
        self.rho = vec![0.0; m];
        self.col = vec![0.0; m];
        self.tau = vec![0.0; m];
        self.alpha = vec![0.0; total];
        self.alpha_mark = vec![false; total];
        self.alpha_idx.clear();
        self.factor_ok = false;
        self.duals_ok = false;
        self.primal_ok = false;
    }

    fn set_scaled_col_bounds(&mut self, j: usize) {
        let s = self.col_scale[j];
        self.lower[j] = self.col_lower[j] / s;
        self.upper[j] = self.col_upper[j] / s;
    }

    fn set_scaled_row_bounds(&mut self, i: usize) {
        let s = self.row_scale[i];
        let j = self.n + i;
        self.lower[j] = self.rows[i].lower * s;
        self.upper[j] = self.rows[i].upper * s;
    }

    /// Installs the slack basis with every column at the bound its cost prefers.
    fn slack_basis(&mut self) {
        let (n, m) = (self.n, self.m());
        self.cost.clone_from(&self.scaled_cost);
        self.perturbed = false;
        self.head = (n..n + m).collect();
        self.pos = vec![NONE; n + m];
        for i in 0..m {
            self.pos[n + i] = i;
            self.state[n + i] = State::Basic;
        }
        for j in 0..n {
            let (l, u) = (self.lower[j], self.upper[j]);
            let c = self.cost[j];
            self.state[j] = if c < 0.0 && u.is_finite() {
                State::Upper
            } else if l.is_finite() {
                State::Lower
            } else if u.is_finite() {
                State::Upper
            } else {
                State::Zero
            };
            self.x[j] = self.nonbasic_value(j);
        }
        self.dse = vec![1.0; m];
        self.factor_ok = false;
        self.duals_ok = false;
        self.primal_ok = false;
    }

    /// Value of a nonbasic variable given its state.
    fn nonbasic_value(&self, j: usize) -> f64 {
        match self.state[j] {
            State::Lower => self.lower[j],
            State::Upper => self.upper[j],
            State::Zero | State::Basic => 0.0,
        }
    }

    /// Puts a nonbasic variable on a valid state for its bounds (preferring its current
    /// side) and sets its value.
    fn fix_nonbasic_state(&mut self, j: usize) {
        let (l, u) = (self.lower[j], self.upper[j]);
        self.state[j] = match self.state[j] {
            State::Basic => return,
            State::Lower if l.is_finite() => State::Lower,
            State::Upper if u.is_finite() => State::Upper,
            State::Lower | State::Zero if u.is_finite() && !l.is_finite() => State::Upper,
            State::Upper | State::Zero if l.is_finite() => State::Lower,
            State::Lower if u.is_finite() => State::Upper,
            _ => {
                if l.is_finite() {
                    State::Lower
                } else if u.is_finite() {
                    State::Upper
                } else {
                    State::Zero
                }
            }
        };
        self.move_nonbasic(j);
    }

    /// Sets a nonbasic variable's value from its state, recording the change for
    /// [`DualSimplex::sync_primal`].
    fn move_nonbasic(&mut self, j: usize) {
        let v = self.nonbasic_value(j);
        let delta = v - self.x[j];
        if delta != 0.0 {
            if self.primal_ok {
                self.pending.push((j, delta));
            }
            self.x[j] = v;
        }
    }

    /// Stores the unscaled solution of the current (optimal) basis.
    fn store_solution(&mut self) {
        let (n, m) = (self.n, self.m());
        self.primal.clear();
        self.primal
            .extend((0..n).map(|j| self.x[j] * self.col_scale[j]));
        self.objective = (0..n).map(|j| self.orig_cost[j] * self.primal[j]).sum();
        // The reduced cost of row i's logical is its dual (zero when basic).
        self.row_duals.clear();
        self.row_duals
            .extend((0..m).map(|i| self.d[n + i] * self.row_scale[i]));
        self.reduced_costs.clear();
        self.reduced_costs
            .extend((0..n).map(|j| self.d[j] / self.col_scale[j]));
    }
}

impl LpEngine for DualSimplex {
    fn name(&self) -> &'static str {
        "dual"
    }

    fn num_cols(&self) -> usize {
        self.n
    }

    fn num_rows(&self) -> usize {
        self.m()
    }

    fn col_bounds(&self, col: usize) -> (f64, f64) {
        match (self.col_lower.get(col), self.col_upper.get(col)) {
            (Some(&l), Some(&u)) => (l, u),
            _ => (f64::NEG_INFINITY, f64::INFINITY),
        }
    }

    fn set_col_bounds(&mut self, col: usize, lower: f64, upper: f64) {
        if col >= self.n {
            return;
        }
        self.col_lower[col] = clean_lower(lower);
        self.col_upper[col] = clean_upper(upper);
        self.set_scaled_col_bounds(col);
        if self.state[col] != State::Basic {
            self.fix_nonbasic_state(col);
            self.dirty.push(col);
        }
    }

    fn add_rows(&mut self, rows: &[LpRow]) -> usize {
        let first = self.m();
        if rows.is_empty() {
            return first;
        }
        let (n, old_m) = (self.n, self.m());
        for r in rows {
            let r = clean_row(r, n);
            self.row_scale
                .push(scaling::row_factor(&r.entries, &self.col_scale));
            self.rows.push(r);
        }
        let m = self.m();
        let keep: Vec<usize> = (0..n + m)
            .map(|v| if v < n + old_m { v } else { NONE })
            .collect();
        self.rebuild(Some(&keep));
        let old_pos = std::mem::take(&mut self.pos);
        self.pos = vec![NONE; n + m];
        for (v, p) in old_pos.into_iter().enumerate() {
            self.pos[v] = p;
        }
        for i in old_m..m {
            self.pos[n + i] = self.head.len();
            self.head.push(n + i);
            self.dse.push(1.0);
        }
        first
    }

    fn remove_rows(&mut self, rows: &[usize]) {
        self.remove_rows_impl(rows);
    }

    fn solve(&mut self, limits: &LpLimits) -> LpStatus {
        self.solve_impl(limits)
    }

    fn reset_basis(&mut self) {
        self.slack_basis();
    }

    fn objective(&self) -> f64 {
        self.objective
    }

    fn primal(&self) -> &[f64] {
        &self.primal
    }

    fn row_duals(&self) -> Option<&[f64]> {
        Some(&self.row_duals)
    }

    fn reduced_costs(&self) -> Option<&[f64]> {
        Some(&self.reduced_costs)
    }

    fn set_objective(&mut self, costs: &[f64]) {
        assert_eq!(costs.len(), self.n, "objective has the wrong length");
        for (j, &cost) in costs.iter().enumerate() {
            let c = if cost.is_finite() { cost } else { 0.0 };
            self.orig_cost[j] = c;
            self.scaled_cost[j] = c * self.col_scale[j];
        }
        self.cost.clone_from(&self.scaled_cost);
        self.perturbed = false;
        self.duals_ok = false;
        self.dual_clean = false;
    }

    fn tableau_row(&mut self, col: usize) -> Option<Vec<(usize, f64)>> {
        if col >= self.n || self.state[col] != State::Basic || !self.factor_ok {
            return None;
        }
        let r = self.pos[col];
        let m = self.m();
        if r >= m {
            return None;
        }
        let mut rho = vec![0.0; m];
        rho[r] = 1.0;
        self.factor.btran(&mut rho);
        let n = self.n;
        let mut dense = vec![0.0; n];
        for (i, &ri) in rho.iter().enumerate() {
            if ri != 0.0 {
                let (idx, val) = self.a_rows.get(i);
                for (&j, &a) in idx.iter().zip(val) {
                    dense[j] += ri * a;
                }
            }
        }
        // Unscale: x_b = cs_b x~_b, x~_k = x_k / cs_k, s~_i = rs_i s_i.
        let cs_b = self.col_scale[col];
        let mut row = Vec::new();
        for (j, &v) in dense.iter().enumerate() {
            if self.state[j] != State::Basic && v.abs() > 1e-12 {
                row.push((j, cs_b * v / self.col_scale[j]));
            }
        }
        for (i, &ri) in rho.iter().enumerate() {
            if self.state[n + i] != State::Basic && ri.abs() > 1e-12 {
                row.push((n + i, -cs_b * ri * self.row_scale[i]));
            }
        }
        Some(row)
    }

    fn farkas_ray(&self) -> Option<&[f64]> {
        self.ray.as_deref()
    }

    fn iterations(&self) -> u64 {
        self.iterations
    }

    fn basis(&self) -> Option<Basis> {
        let map = |s: State| match s {
            State::Basic => BasisStatus::Basic,
            State::Lower => BasisStatus::AtLower,
            State::Upper => BasisStatus::AtUpper,
            State::Zero => BasisStatus::Free,
        };
        Some(Basis {
            columns: self.state[..self.n].iter().map(|&s| map(s)).collect(),
            rows: self.state[self.n..].iter().map(|&s| map(s)).collect(),
        })
    }

    fn set_basis(&mut self, basis: &Basis) -> bool {
        self.set_basis_impl(basis)
    }
}
