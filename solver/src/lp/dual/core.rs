//! Basis bookkeeping: factorisation with repair, primal and dual values, the pivot row,
//! basis installation and row removal.

use super::{DualSimplex, State, NONE};
use crate::lp::{Basis, BasisStatus};

impl DualSimplex {
    /// Adds `scale * a_j` (scaled column of variable `j`) to the row-indexed `v`.
    pub(super) fn add_column(&self, j: usize, scale: f64, v: &mut [f64]) {
        if j < self.n {
            let (idx, val) = self.a_cols.get(j);
            for (&i, &a) in idx.iter().zip(val) {
                v[i] += scale * a;
            }
        } else {
            v[j - self.n] -= scale;
        }
    }

    /// `a_j' y` for the scaled column of variable `j` and a row-indexed `y`.
    pub(super) fn column_dot(&self, j: usize, y: &[f64]) -> f64 {
        if j < self.n {
            let (idx, val) = self.a_cols.get(j);
            idx.iter().zip(val).map(|(&i, &a)| a * y[i]).sum()
        } else {
            -y[j - self.n]
        }
    }

    /// Factorises the current basis. A singular basis is repaired by replacing the
    /// unpivoted columns with logicals of the unpivoted rows; returns false when even
    /// that fails.
    pub(super) fn factorize(&mut self) -> bool {
        let m = self.m();
        for _ in 0..4 {
            let mut start = Vec::with_capacity(m + 1);
            let mut index = Vec::new();
            let mut value = Vec::new();
            start.push(0);
            for &j in &self.head {
                if j < self.n {
                    let (idx, val) = self.a_cols.get(j);
                    index.extend_from_slice(idx);
                    value.extend_from_slice(val);
                } else {
                    index.push(j - self.n);
                    value.push(-1.0);
                }
                start.push(index.len());
            }
            match self.factor.factorize(m, &start, &index, &value) {
                Ok(()) => {
                    self.factor_ok = true;
                    return true;
                }
                Err(singular) => {
                    for (&p, &r) in singular.positions.iter().zip(&singular.rows) {
                        let entering = self.n + r;
                        if self.state[entering] == State::Basic {
                            continue;
                        }
                        let leaving = self.replace_basic(p, entering);
                        self.state[leaving] = self.nearest_side(leaving);
                        self.x[leaving] = self.nonbasic_value(leaving);
                        self.dse[p] = 1.0;
                    }
                    self.duals_ok = false;
                    self.primal_ok = false;
                }
            }
        }
        self.factor_ok = false;
        false
    }

    /// Nonbasic state for `j` nearest to its current value.
    pub(super) fn nearest_side(&self, j: usize) -> State {
        let (l, u, x) = (self.lower[j], self.upper[j], self.x[j]);
        match (l.is_finite(), u.is_finite()) {
            (true, true) => {
                if (x - l).abs() <= (u - x).abs() {
                    State::Lower
                } else {
                    State::Upper
                }
            }
            (true, false) => State::Lower,
            (false, true) => State::Upper,
            (false, false) => State::Zero,
        }
    }

    /// Computes basic values from the nonbasic ones: `B x_B = -N x_N`.
    pub(super) fn compute_primal(&mut self) {
        let m = self.m();
        let mut rhs = std::mem::take(&mut self.col);
        rhs.clear();
        rhs.resize(m, 0.0);
        for j in 0..self.n + m {
            if self.state[j] != State::Basic {
                let v = self.x[j];
                if v != 0.0 {
                    self.add_column(j, -v, &mut rhs);
                }
            }
        }
        self.factor.ftran(&mut rhs);
        for (k, &j) in self.head.iter().enumerate() {
            self.x[j] = rhs[k];
        }
        self.col = rhs;
        self.primal_ok = true;
        self.pending.clear();
        self.recomputed_at = self.iterations;
    }

    /// Brings basic values up to date with the recorded nonbasic changes (one FTRAN of
    /// their combined column), or recomputes them all.
    pub(super) fn sync_primal(&mut self) {
        if !self.primal_ok || !self.factor_ok || self.pending.len() > 32 {
            self.compute_primal();
            return;
        }
        if self.pending.is_empty() {
            return;
        }
        let mut delta = std::mem::take(&mut self.col);
        delta.iter_mut().for_each(|v| *v = 0.0);
        let pending = std::mem::take(&mut self.pending);
        for &(j, dx) in &pending {
            self.add_column(j, dx, &mut delta);
        }
        self.pending = pending;
        self.pending.clear();
        self.factor.ftran(&mut delta);
        for (k, &v) in delta.iter().enumerate() {
            if v != 0.0 {
                self.x[self.head[k]] -= v;
            }
        }
        self.col = delta;
    }

    /// Computes duals `y = B^{-T} c_B` and reduced costs `d = c - A'y` (zero for basic).
    pub(super) fn compute_duals(&mut self) {
        let m = self.m();
        let mut y = std::mem::take(&mut self.y);
        y.clear();
        y.extend(self.head.iter().map(|&j| self.cost[j]));
        y.resize(m, 0.0);
        self.factor.btran(&mut y);
        for j in 0..self.n + m {
            self.d[j] = if self.state[j] == State::Basic {
                0.0
            } else {
                self.cost[j] - self.column_dot(j, &y)
            };
        }
        self.y = y;
        self.duals_ok = true;
    }

    /// Computes the pivot row `alpha_j = rho' a_j` over the nonbasic variables from the
    /// row-indexed `self.rho`; nonzeros are listed in `self.alpha_idx`.
    pub(super) fn compute_pivot_row(&mut self) {
        for &j in &self.alpha_idx {
            self.alpha[j] = 0.0;
            self.alpha_mark[j] = false;
        }
        self.alpha_idx.clear();
        let n = self.n;
        for i in 0..self.rho.len() {
            let r = self.rho[i];
            if r == 0.0 {
                continue;
            }
            let (idx, val) = self.a_rows.get(i);
            for (&j, &a) in idx.iter().zip(val) {
                if !self.alpha_mark[j] {
                    self.alpha_mark[j] = true;
                    self.alpha_idx.push(j);
                }
                self.alpha[j] += r * a;
            }
            let l = n + i;
            self.alpha_mark[l] = true;
            self.alpha_idx.push(l);
            self.alpha[l] = -r;
        }
        let (alpha, mark, state) = (&mut self.alpha, &mut self.alpha_mark, &self.state);
        self.alpha_idx.retain(|&j| {
            let keep = state[j] != State::Basic && alpha[j].abs() > 1e-12;
            if !keep {
                alpha[j] = 0.0;
                mark[j] = false;
            }
            keep
        });
    }

    /// A lower bound on the LP objective from the current duals with the original
    /// costs: `min over the box of (c - A'y)'x`, treating reduced costs within the dual
    /// tolerance as zero. Minus infinity when no bound follows.
    pub(super) fn lagrangian_bound(&self) -> f64 {
        let mut bound = 0.0;
        for j in 0..self.n + self.m() {
            let mut dj = self.d[j] - (self.cost[j] - self.scaled_cost[j]);
            if self.state[j] == State::Basic {
                dj = self.scaled_cost[j] - self.cost[j];
            }
            if dj.abs() <= self.dtol[j] {
                // Counted as zero; the error is at most dtol * |x_j|.
                let x = self.x[j];
                if x.is_finite() {
                    bound -= self.dtol[j] * x.abs();
                }
                continue;
            }
            let b = if dj > 0.0 {
                self.lower[j]
            } else {
                self.upper[j]
            };
            if !b.is_finite() {
                return f64::NEG_INFINITY;
            }
            bound += dj * b;
        }
        bound
    }

    /// Installs `basis` if it has the right size and is nonsingular.
    pub(super) fn set_basis_impl(&mut self, basis: &Basis) -> bool {
        let (n, m) = (self.n, self.m());
        if basis.columns.len() != n || basis.rows.len() != m {
            return false;
        }
        let statuses: Vec<BasisStatus> = basis.columns.iter().chain(&basis.rows).copied().collect();
        if statuses
            .iter()
            .filter(|&&s| s == BasisStatus::Basic)
            .count()
            != m
        {
            return false;
        }
        let saved = (
            self.state.clone(),
            self.head.clone(),
            self.pos.clone(),
            self.x.clone(),
            self.dse.clone(),
        );
        self.head.clear();
        self.pos = vec![NONE; n + m];
        for (j, &s) in statuses.iter().enumerate() {
            self.state[j] = match s {
                BasisStatus::Basic => {
                    self.pos[j] = self.head.len();
                    self.head.push(j);
                    State::Basic
                }
                BasisStatus::AtLower => State::Lower,
                BasisStatus::AtUpper => State::Upper,
                BasisStatus::Free => State::Zero,
            };
            if s != BasisStatus::Basic {
                self.fix_nonbasic_state(j);
            }
        }
        self.dse = vec![1.0; m];
        self.cost.clone_from(&self.scaled_cost);
        self.perturbed = false;
        self.duals_ok = false;
        self.primal_ok = false;
        if self.try_factorize_exact() {
            return true;
        }
        (self.state, self.head, self.pos, self.x, self.dse) = saved;
        self.factor_ok = false;
        false
    }

    /// Factorises without repairing; false if the basis is singular.
    fn try_factorize_exact(&mut self) -> bool {
        let m = self.m();
        let mut start = vec![0];
        let (mut index, mut value) = (Vec::new(), Vec::new());
        for &j in &self.head {
            if j < self.n {
                let (idx, val) = self.a_cols.get(j);
                index.extend_from_slice(idx);
                value.extend_from_slice(val);
            } else {
                index.push(j - self.n);
                value.push(-1.0);
            }
            start.push(index.len());
        }
        self.factor_ok = self.factor.factorize(m, &start, &index, &value).is_ok();
        self.factor_ok
    }

    /// Removes rows, keeping the basis square and nonsingular (see the module docs).
    pub(super) fn remove_rows_impl(&mut self, rows: &[usize]) {
        let (n, m) = (self.n, self.m());
        let mut remove = vec![false; m];
        for &r in rows {
            if r < m {
                remove[r] = true;
            }
        }
        if !remove.iter().any(|&b| b) {
            return;
        }
        // Pivot the logicals of removed rows into the basis.
        let mut ok = self.factor_ok || self.factorize();
        if ok {
            for i in 0..m {
                let l = n + i;
                if !remove[i] || self.state[l] == State::Basic {
                    continue;
                }
                let mut col = vec![0.0; m];
                col[i] = -1.0;
                self.factor.ftran_entering(&mut col);
                let mut best = NONE;
                let mut best_abs = 1e-9;
                for (k, &a) in col.iter().enumerate() {
                    // Prefer a basic variable that stays (not a removed row's logical).
                    let j = self.head[k];
                    let stays = j < n || !remove[j - n];
                    if stays && a.abs() > best_abs {
                        best_abs = a.abs();
                        best = k;
                    }
                }
                if best == NONE {
                    ok = false;
                    break;
                }
                let updated = self.factor.update(best, col[best]);
                let leaving = self.replace_basic(best, l);
                self.state[leaving] = self.nearest_side(leaving);
                self.x[leaving] = self.nonbasic_value(leaving);
                self.primal_ok = false;
                if !updated && !self.factorize() {
                    ok = false;
                    break;
                }
            }
        }
        // New numbering.
        let mut new_row = vec![NONE; m];
        let mut kept_rows = Vec::with_capacity(m);
        for i in 0..m {
            if !remove[i] {
                new_row[i] = kept_rows.len();
                kept_rows.push(i);
            }
        }
        let new_m = kept_rows.len();
        let mut keep: Vec<usize> = (0..n).collect();
        keep.extend(kept_rows.iter().map(|&i| n + i));
        let old_head = std::mem::take(&mut self.head);
        let old_dse = std::mem::take(&mut self.dse);
        let rows_taken = std::mem::take(&mut self.rows);
        self.rows = rows_taken
            .into_iter()
            .enumerate()
            .filter(|(i, _)| !remove[*i])
            .map(|(_, r)| r)
            .collect();
        self.row_scale = kept_rows.iter().map(|&i| self.row_scale[i]).collect();
        self.rebuild(Some(&keep));
        let map_var = |j: usize| if j < n { j } else { n + new_row[j - n] };
        self.pos = vec![NONE; n + new_m];
        if ok {
            for (k, &j) in old_head.iter().enumerate() {
                if j >= n && remove[j - n] {
                    continue;
                }
                let v = map_var(j);
                self.pos[v] = self.head.len();
                self.head.push(v);
                self.dse.push(old_dse.get(k).copied().unwrap_or(1.0));
            }
        }
        if !ok || self.head.len() != new_m {
            self.slack_basis();
        }
    }
}
