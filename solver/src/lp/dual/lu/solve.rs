//! FTRAN, BTRAN and the Forrest–Tomlin update.

use super::{BasisFactor, ABS_PIVOT_TOL, DROP_TOL};

impl BasisFactor {
    /// Solves `B x = v` in place: `v` holds a right-hand side indexed by row on entry and
    /// the solution indexed by basis position on return.
    pub fn ftran(&mut self, v: &mut [f64]) {
        self.ftran_impl(v, false);
    }

    /// [`BasisFactor::ftran`] for the column about to enter the basis: keeps what the
    /// next [`BasisFactor::update`] needs.
    pub fn ftran_entering(&mut self, v: &mut [f64]) {
        self.ftran_impl(v, true);
    }

    fn ftran_impl(&mut self, v: &mut [f64], keep_spike: bool) {
        let m = self.m;
        if v.len() != m {
            return;
        }
        for k in 0..self.l_row.len() {
            let x = v[self.l_row[k]];
            if x != 0.0 {
                let (idx, val) = self.l.get(k);
                for (&i, &l) in idx.iter().zip(val) {
                    v[i] -= l * x;
                }
            }
        }
        for k in 0..self.r_row.len() {
            let (idx, val) = self.r.get(k);
            let mut s = 0.0;
            for (&i, &mu) in idx.iter().zip(val) {
                s += mu * v[i];
            }
            v[self.r_row[k]] -= s;
        }
        self.eta_work += self.r.index.len() + self.u_nnz.saturating_sub(self.u_nnz0);
        if keep_spike {
            self.spike.copy_from_slice(v);
            self.spike_ok = true;
        }
        for &p in self.order.iter().rev() {
            let q = self.pos_of_row[p];
            let xk = v[p] / self.diag[p];
            self.work[q] = xk;
            if xk != 0.0 {
                for &(i, u) in &self.ucol[q] {
                    v[i] -= u * xk;
                }
            }
        }
        v.copy_from_slice(&self.work);
    }

    /// Solves `B' y = v` in place: `v` holds a right-hand side indexed by basis position
    /// on entry and the solution indexed by row on return.
    pub fn btran(&mut self, v: &mut [f64]) {
        let m = self.m;
        if v.len() != m {
            return;
        }
        for &p in &self.order {
            let q = self.pos_of_row[p];
            let yk = v[q] / self.diag[p];
            self.work[p] = yk;
            if yk != 0.0 {
                for &(j, u) in &self.urow[p] {
                    v[j] -= u * yk;
                }
            }
        }
        v.copy_from_slice(&self.work);
        self.eta_work += self.r.index.len() + self.u_nnz.saturating_sub(self.u_nnz0);
        for k in (0..self.r_row.len()).rev() {
            let vt = v[self.r_row[k]];
            if vt != 0.0 {
                let (idx, val) = self.r.get(k);
                for (&i, &mu) in idx.iter().zip(val) {
                    v[i] -= mu * vt;
                }
            }
        }
        for k in (0..self.l_row.len()).rev() {
            let (idx, val) = self.l.get(k);
            let mut s = 0.0;
            for (&i, &l) in idx.iter().zip(val) {
                s += l * v[i];
            }
            v[self.l_row[k]] -= s;
        }
    }

    /// Forrest–Tomlin update for the basis change at position `r`, whose entering
    /// column went through [`BasisFactor::ftran_entering`] last; `alpha_r` is the pivot
    /// (entry `r` of the transformed column). False when the update is impossible or
    /// fails its stability test: the factors must then be recomputed.
    pub fn update(&mut self, r: usize, alpha_r: f64) -> bool {
        let m = self.m;
        if r >= m || !self.spike_ok || self.broken {
            self.broken = true;
            return false;
        }
        self.spike_ok = false;
        let pt = self.row_of_pos[r];
        let t = self.order_place[pt];
        // Drop the old column r and the off-diagonal part of row pt.
        for k in 0..self.ucol[r].len() {
            let p = self.ucol[r][k].0;
            remove_entry(&mut self.urow[p], r);
        }
        self.u_nnz -= self.ucol[r].len();
        self.ucol[r].clear();
        let old_row = std::mem::take(&mut self.urow[pt]);
        self.u_nnz -= old_row.len();
        for &(j, u) in &old_row {
            remove_entry(&mut self.ucol[j], pt);
            self.row_work[j] = u;
        }
        // Row pt moves last: eliminate its entries with the rows after it.
        let mut spike_val = self.spike[pt];
        for idx in t + 1..m {
            let p = self.order[idx];
            let q = self.pos_of_row[p];
            let w = self.row_work[q];
            if w == 0.0 {
                continue;
            }
            self.row_work[q] = 0.0;
            let mu = w / self.diag[p];
            if mu.abs() <= DROP_TOL {
                continue;
            }
            for &(j, u) in &self.urow[p] {
                self.row_work[j] -= mu * u;
            }
            spike_val -= mu * self.spike[p];
            self.r.push_entry(p, mu);
        }
        let expected = alpha_r * self.diag[pt];
        let scale = spike_val.abs().max(expected.abs());
        if !spike_val.is_finite()
            || spike_val.abs() <= ABS_PIVOT_TOL
            || (spike_val - expected).abs() > 1e-6 * scale
        {
            self.r.close();
            self.broken = true;
            return false;
        }
        if self.r.index.len() > *self.r.start.last().unwrap_or(&0) {
            self.r.close();
            self.r_row.push(pt);
        }
        // The new column r (last in the order) is the spike.
        for p in 0..m {
            let s = self.spike[p];
            if p != pt && s.abs() > DROP_TOL {
                self.urow[p].push((r, s));
                self.ucol[r].push((p, s));
            }
        }
        self.u_nnz += self.ucol[r].len();
        self.diag[pt] = spike_val;
        self.order.remove(t);
        self.order.push(pt);
        for idx in t..m {
            self.order_place[self.order[idx]] = idx;
        }
        self.updates += 1;
        true
    }
}

fn remove_entry(list: &mut Vec<(usize, f64)>, key: usize) {
    if let Some(k) = list.iter().position(|&(i, _)| i == key) {
        list.swap_remove(k);
    }
}
