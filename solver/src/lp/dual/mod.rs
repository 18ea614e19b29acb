//! relumip's bounded dual simplex.
//!
//! Computational form: structural columns `x` (bounds `[l, u]`, possibly infinite) and
//! one logical per row, `s_i = a_i x` with the row's sides as bounds, so that every
//! constraint is `A x - s = 0` and every bound is a variable bound. The matrix is
//! scaled by powers of two ([`scaling`]). The basis is factorised sparsely with
//! product-form updates ([`lu`]).
//!
//! Each solve starts from the current basis: bound changes keep it (a nonbasic column
//! moves to its new bound), added rows enter with their logicals basic. A basis that
//! is not dual feasible is first repaired by flipping boxed columns to the bound its
//! reduced cost asks for, and otherwise by a dual phase 1 (the auxiliary problem with
//! every bound replaced by a box in `[-1, 1]`). Phase 2 uses dual steepest-edge
//! pricing and a bound-flipping ratio test with Harris tolerances. A dual objective
//! that reaches the caller's cutoff stops the solve early.
//!
//! Signs: `row_duals` are `y` and `reduced_costs` are `d = c - A^T y` of the
//! minimisation form; `y_i >= 0` when row `i` is at its lower side.

// Numerical kernels index several parallel arrays by the same position.
#![allow(clippy::needless_range_loop)]

pub mod lu;
mod ratio;
mod scaling;
mod simplex;

use super::{Basis, BasisStatus, LpEngine, LpLimits, LpProblem, LpRow, LpStatus};
use lu::BasisFactor;

/// Status of a variable (column or logical) in the working basis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum VarState {
    Basic,
    AtLower,
    AtUpper,
    /// Nonbasic free variable held at zero.
    Free,
}

/// The dual simplex engine.
pub struct DualSimplex {
    n: usize,
    m: usize,
    /// Unscaled objective.
    cost: Vec<f64>,
    /// Unscaled column bounds.
    col_lower: Vec<f64>,
    col_upper: Vec<f64>,
    /// Unscaled rows.
    rows: Vec<LpRow>,
    col_scale: Vec<f64>,
    row_scale: Vec<f64>,
    /// Scaled structural columns `(row, value)`.
    a_cols: Vec<Vec<(usize, f64)>>,
    /// Scaled rows `(col, value)`.
    a_rows: Vec<Vec<(usize, f64)>>,
    /// Columns of the logicals (`-e_i`).
    logical_cols: Vec<Vec<(usize, f64)>>,
    /// Scaled working bounds of all `n + m` variables.
    lower: Vec<f64>,
    upper: Vec<f64>,
    /// Scaled costs of all variables (logicals 0), possibly shifted.
    work_cost: Vec<f64>,
    /// Scaled unshifted costs.
    scaled_cost: Vec<f64>,
    /// True when `work_cost` differs from `scaled_cost`.
    shifted: bool,
    state: Vec<VarState>,
    /// Variable at each basis position.
    basic: Vec<usize>,
    /// Values of all variables (scaled).
    x: Vec<f64>,
    /// Reduced costs of all variables (scaled).
    d: Vec<f64>,
    /// Dual steepest-edge weights by basis position.
    weights: Vec<f64>,
    factor: Option<BasisFactor>,
    /// The statuses in `state`/`basic` describe a basis.
    has_basis: bool,
    /// Nonbasic values changed since `x` of the basics was computed.
    values_stale: bool,
    iterations: u64,
    // Results of the last optimal solve (unscaled).
    objective: f64,
    primal_out: Vec<f64>,
    duals_out: Vec<f64>,
    reduced_out: Vec<f64>,
    rng_state: u64,
}

impl DualSimplex {
    /// Creates the engine for `problem`; nothing is solved yet.
    pub fn new(problem: &LpProblem) -> Self {
        let mut lp = DualSimplex {
            n: problem.num_cols(),
            m: 0,
            cost: problem.costs.clone(),
            col_lower: problem.col_lower.clone(),
            col_upper: problem.col_upper.clone(),
            rows: problem.rows.clone(),
            col_scale: Vec::new(),
            row_scale: Vec::new(),
            a_cols: Vec::new(),
            a_rows: Vec::new(),
            logical_cols: Vec::new(),
            lower: Vec::new(),
            upper: Vec::new(),
            work_cost: Vec::new(),
            scaled_cost: Vec::new(),
            shifted: false,
            state: Vec::new(),
            basic: Vec::new(),
            x: Vec::new(),
            d: Vec::new(),
            weights: Vec::new(),
            factor: None,
            has_basis: false,
            values_stale: true,
            iterations: 0,
            objective: f64::NAN,
            primal_out: vec![0.0; problem.num_cols()],
            duals_out: Vec::new(),
            reduced_out: Vec::new(),
            rng_state: 0x2545_F491_4F6C_DD1D,
        };
        let entries: Vec<Vec<(usize, f64)>> = lp.rows.iter().map(|r| r.entries.clone()).collect();
        let (row_scale, col_scale) = scaling::geometric(&entries, lp.n);
        lp.col_scale = col_scale;
        lp.row_scale = row_scale;
        lp.rebuild_matrix();
        lp
    }

    /// Rebuilds the scaled matrix, bounds and costs from the unscaled data, keeping the
    /// scale factors.
    fn rebuild_matrix(&mut self) {
        let n = self.n;
        self.m = self.rows.len();
        let m = self.m;
        self.a_rows = self
            .rows
            .iter()
            .enumerate()
            .map(|(i, r)| {
                r.entries
                    .iter()
                    .filter(|e| e.1 != 0.0)
                    .map(|&(j, a)| (j, a * self.row_scale[i] * self.col_scale[j]))
                    .collect()
            })
            .collect();
        self.a_cols = vec![Vec::new(); n];
        for (i, row) in self.a_rows.iter().enumerate() {
            for &(j, a) in row {
                self.a_cols[j].push((i, a));
            }
        }
        self.logical_cols = (0..m).map(|i| vec![(i, -1.0)]).collect();
        self.lower = vec![0.0; n + m];
        self.upper = vec![0.0; n + m];
        for j in 0..n {
            self.lower[j] = self.col_lower[j] / self.col_scale[j];
            self.upper[j] = self.col_upper[j] / self.col_scale[j];
        }
        for i in 0..m {
            self.lower[n + i] = self.rows[i].lower * self.row_scale[i];
            self.upper[n + i] = self.rows[i].upper * self.row_scale[i];
        }
        self.scaled_cost = vec![0.0; n + m];
        for j in 0..n {
            self.scaled_cost[j] = self.cost[j] * self.col_scale[j];
        }
        self.work_cost = self.scaled_cost.clone();
        self.shifted = false;
        self.x.resize(n + m, 0.0);
        self.d.resize(n + m, 0.0);
    }

    /// Column `j` of `[A | -I]` (scaled).
    pub(crate) fn column(&self, j: usize) -> &[(usize, f64)] {
        if j < self.n {
            &self.a_cols[j]
        } else {
            &self.logical_cols[j - self.n]
        }
    }

    /// The slack basis: logicals basic, columns at a finite bound (or free at zero).
    fn slack_basis(&mut self) {
        let (n, m) = (self.n, self.m);
        self.state = vec![VarState::AtLower; n + m];
        for j in 0..n {
            self.state[j] = self.nonbasic_default(j);
        }
        self.basic = (n..n + m).collect();
        for i in 0..m {
            self.state[n + i] = VarState::Basic;
        }
        self.weights = vec![1.0; m];
        self.factor = None;
        self.has_basis = true;
        self.values_stale = true;
    }

    /// Nonbasic status of a variable from its bounds alone.
    fn nonbasic_default(&self, j: usize) -> VarState {
        if self.lower[j].is_finite() {
            VarState::AtLower
        } else if self.upper[j].is_finite() {
            VarState::AtUpper
        } else {
            VarState::Free
        }
    }

    /// Value of a nonbasic variable from its status.
    fn nonbasic_value(&self, j: usize) -> f64 {
        match self.state[j] {
            VarState::AtLower if self.lower[j].is_finite() => self.lower[j],
            VarState::AtUpper if self.upper[j].is_finite() => self.upper[j],
            VarState::AtLower | VarState::AtUpper => {
                if self.lower[j].is_finite() {
                    self.lower[j]
                } else if self.upper[j].is_finite() {
                    self.upper[j]
                } else {
                    0.0
                }
            }
            _ => 0.0,
        }
    }

    /// Small pseudo-random number in `[0, 1)` for cost perturbation.
    fn random_unit(&mut self) -> f64 {
        self.rng_state ^= self.rng_state << 13;
        self.rng_state ^= self.rng_state >> 7;
        self.rng_state ^= self.rng_state << 17;
        (self.rng_state >> 11) as f64 / (1u64 << 53) as f64
    }

    fn to_basis_status(s: VarState) -> BasisStatus {
        match s {
            VarState::Basic => BasisStatus::Basic,
            VarState::AtLower => BasisStatus::AtLower,
            VarState::AtUpper => BasisStatus::AtUpper,
            VarState::Free => BasisStatus::Free,
        }
    }

    fn from_basis_status(s: BasisStatus) -> VarState {
        match s {
            BasisStatus::Basic => VarState::Basic,
            BasisStatus::AtLower => VarState::AtLower,
            BasisStatus::AtUpper => VarState::AtUpper,
            BasisStatus::Free => VarState::Free,
        }
    }

    /// Stores the unscaled results of an optimal basis.
    fn store_results(&mut self) {
        let n = self.n;
        // Values within tolerance outside a bound are reported on the bound.
        self.primal_out = (0..n)
            .map(|j| {
                (self.x[j] * self.col_scale[j])
                    .clamp(self.col_lower[j], self.col_upper[j].max(self.col_lower[j]))
            })
            .collect();
        self.objective = self
            .primal_out
            .iter()
            .zip(&self.cost)
            .map(|(x, c)| x * c)
            .sum();
        self.duals_out = (0..self.m)
            .map(|i| self.d[n + i] * self.row_scale[i])
            .collect();
        self.reduced_out = (0..n).map(|j| self.d[j] / self.col_scale[j]).collect();
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
        self.m
    }

    fn col_bounds(&self, col: usize) -> (f64, f64) {
        (self.col_lower[col], self.col_upper[col])
    }

    fn set_col_bounds(&mut self, col: usize, lower: f64, upper: f64) {
        self.col_lower[col] = lower;
        self.col_upper[col] = upper;
        self.lower[col] = lower / self.col_scale[col];
        self.upper[col] = upper / self.col_scale[col];
        if self.has_basis && self.state[col] != VarState::Basic {
            // Keep the side; fall back to a finite one.
            let keep = match self.state[col] {
                VarState::AtLower if self.lower[col].is_finite() => Some(VarState::AtLower),
                VarState::AtUpper if self.upper[col].is_finite() => Some(VarState::AtUpper),
                _ => None,
            };
            self.state[col] = keep.unwrap_or_else(|| self.nonbasic_default(col));
            self.values_stale = true;
        }
    }

    fn set_objective(&mut self, costs: &[f64]) {
        assert_eq!(costs.len(), self.n, "objective has the wrong length");
        self.cost.copy_from_slice(costs);
        for j in 0..self.n {
            self.scaled_cost[j] = costs[j] * self.col_scale[j];
        }
        // Any cost shift belonged to the old objective; the reduced costs are
        // recomputed from `work_cost` at the start of the next solve.
        self.work_cost.copy_from_slice(&self.scaled_cost);
        self.shifted = false;
    }

    fn add_rows(&mut self, rows: &[LpRow]) -> usize {
        let first = self.m;
        if rows.is_empty() {
            return first;
        }
        let old_m = self.m;
        for row in rows {
            self.row_scale
                .push(scaling::row_factor(&row.entries, &self.col_scale));
            self.rows.push(row.clone());
        }
        let old_state = std::mem::take(&mut self.state);
        let old_basic = std::mem::take(&mut self.basic);
        let old_weights = std::mem::take(&mut self.weights);
        let old_x = std::mem::take(&mut self.x);
        self.rebuild_matrix();
        if self.has_basis {
            let n = self.n;
            self.state = old_state;
            self.basic = old_basic;
            self.weights = old_weights;
            for i in old_m..self.m {
                self.state.push(VarState::Basic);
                self.basic.push(n + i);
                self.weights.push(1.0);
            }
            self.x = old_x;
            self.x.resize(n + self.m, 0.0);
            self.factor = None;
            self.values_stale = true;
        }
        first
    }

    fn remove_rows(&mut self, rows: &[usize]) {
        let mut remove = vec![false; self.m];
        for &r in rows {
            if r < self.m {
                remove[r] = true;
            }
        }
        let n = self.n;
        let keep_basis = self.has_basis
            && (0..self.m).all(|i| !remove[i] || self.state[n + i] == VarState::Basic);
        let mut new_index = vec![usize::MAX; self.m];
        let mut next = 0;
        for i in 0..self.m {
            if !remove[i] {
                new_index[i] = next;
                next += 1;
            }
        }
        let old_state = std::mem::take(&mut self.state);
        let old_basic = std::mem::take(&mut self.basic);
        let old_weights = std::mem::take(&mut self.weights);
        let mut k = 0;
        self.rows.retain(|_| {
            let keep = !remove[k];
            k += 1;
            keep
        });
        let mut k = 0;
        self.row_scale.retain(|_| {
            let keep = !remove[k];
            k += 1;
            keep
        });
        let old_m = remove.len();
        self.rebuild_matrix();
        if keep_basis {
            let map = |v: usize| {
                if v < n {
                    Some(v)
                } else {
                    let ni = new_index[v - n];
                    (ni != usize::MAX).then_some(n + ni)
                }
            };
            self.state = (0..n)
                .map(|j| old_state[j])
                .chain((0..old_m).filter(|&i| !remove[i]).map(|i| old_state[n + i]))
                .collect();
            let mut basic = Vec::with_capacity(self.m);
            let mut weights = Vec::with_capacity(self.m);
            for (p, &v) in old_basic.iter().enumerate() {
                if let Some(v2) = map(v) {
                    basic.push(v2);
                    weights.push(old_weights.get(p).copied().unwrap_or(1.0));
                }
            }
            self.basic = basic;
            self.weights = weights;
            self.factor = None;
            self.values_stale = true;
        } else {
            self.has_basis = false;
        }
    }

    fn solve(&mut self, limits: &LpLimits) -> LpStatus {
        simplex::solve(self, limits)
    }

    fn reset_basis(&mut self) {
        self.has_basis = false;
        self.factor = None;
    }

    fn objective(&self) -> f64 {
        self.objective
    }

    fn primal(&self) -> &[f64] {
        &self.primal_out
    }

    fn row_duals(&self) -> Option<&[f64]> {
        Some(&self.duals_out)
    }

    fn reduced_costs(&self) -> Option<&[f64]> {
        Some(&self.reduced_out)
    }

    fn iterations(&self) -> u64 {
        self.iterations
    }

    fn basis(&self) -> Option<Basis> {
        if !self.has_basis {
            return None;
        }
        let n = self.n;
        Some(Basis {
            columns: self.state[..n]
                .iter()
                .map(|&s| Self::to_basis_status(s))
                .collect(),
            rows: self.state[n..]
                .iter()
                .map(|&s| Self::to_basis_status(s))
                .collect(),
        })
    }

    fn tableau_row(&mut self, col: usize) -> Option<Vec<(usize, f64)>> {
        if !self.has_basis || col >= self.n || self.state[col] != VarState::Basic {
            return None;
        }
        let r = self.basic.iter().position(|&v| v == col)?;
        let factor = self.factor.as_mut()?;
        let mut rho = vec![0.0; self.m];
        rho[r] = 1.0;
        factor.btran(&mut rho);
        let n = self.n;
        let mut dense = vec![0.0; n];
        for (i, &ri) in rho.iter().enumerate() {
            if ri != 0.0 {
                for &(j, a) in &self.a_rows[i] {
                    dense[j] += ri * a;
                }
            }
        }
        // Unscale: x_b = cs_b * x~_b, x~_k = x_k / cs_k, s~_i = rs_i * s_i.
        let cs_b = self.col_scale[col];
        let mut row = Vec::new();
        for (j, &v) in dense.iter().enumerate() {
            if self.state[j] != VarState::Basic && v.abs() > 1e-12 {
                row.push((j, cs_b * v / self.col_scale[j]));
            }
        }
        for (i, &ri) in rho.iter().enumerate() {
            if self.state[n + i] != VarState::Basic && ri.abs() > 1e-12 {
                row.push((n + i, -cs_b * ri * self.row_scale[i]));
            }
        }
        Some(row)
    }

    fn set_basis(&mut self, basis: &Basis) -> bool {
        if basis.columns.len() != self.n || basis.rows.len() != self.m {
            return false;
        }
        let state: Vec<VarState> = basis
            .columns
            .iter()
            .chain(&basis.rows)
            .map(|&s| Self::from_basis_status(s))
            .collect();
        let basic: Vec<usize> = (0..self.n + self.m)
            .filter(|&j| state[j] == VarState::Basic)
            .collect();
        if basic.len() != self.m {
            return false;
        }
        let unchanged = self.has_basis && self.state == state;
        if unchanged {
            return true;
        }
        self.state = state;
        // Nonbasic statuses must match finite bounds.
        for j in 0..self.n + self.m {
            let s = self.state[j];
            let ok = match s {
                VarState::Basic => true,
                VarState::AtLower => self.lower[j].is_finite(),
                VarState::AtUpper => self.upper[j].is_finite(),
                VarState::Free => !self.lower[j].is_finite() && !self.upper[j].is_finite(),
            };
            if !ok {
                self.state[j] = self.nonbasic_default(j);
            }
        }
        self.basic = basic;
        self.weights = vec![1.0; self.m];
        self.factor = None;
        self.has_basis = true;
        self.values_stale = true;
        true
    }
}
