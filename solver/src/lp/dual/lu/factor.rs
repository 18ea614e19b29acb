//! Factorisation: a triangular phase on the original matrix, then Markowitz
//! elimination with threshold pivoting on the kernel.

use super::{BasisFactor, Singular, ABS_PIVOT_TOL, DROP_TOL, SEARCH_COLUMNS, THRESHOLD};

impl BasisFactor {
    /// Factorises the `m` x `m` matrix whose column `k` holds the entries
    /// `index[start[k]..start[k+1]]` (rows) and `value[..]`. On failure the factors are
    /// unusable and the unpivoted positions and rows are returned.
    pub fn factorize(
        &mut self,
        m: usize,
        start: &[usize],
        index: &[usize],
        value: &[f64],
    ) -> Result<(), Singular> {
        self.m = m;
        self.l_row.clear();
        self.l.clear();
        self.u_row.clear();
        self.u_pos.clear();
        self.u_diag.clear();
        self.u_rows.clear();
        self.r_row.clear();
        self.r.clear();
        self.updates = 0;
        self.broken = false;
        self.spike_ok = false;
        self.work.clear();
        self.work.resize(m, 0.0);

        // Clean copy: finite entries above the drop tolerance, rows merged per column.
        let mut cstart = Vec::with_capacity(m + 1);
        let mut cindex = Vec::with_capacity(index.len());
        let mut cvalue = Vec::with_capacity(index.len());
        let mut mark = vec![usize::MAX; m];
        cstart.push(0);
        for q in 0..m {
            let first = cindex.len();
            let (a, b) = (start.get(q).copied(), start.get(q + 1).copied());
            if let (Some(a), Some(b)) = (a, b) {
                for k in a..b.min(index.len()).min(value.len()) {
                    let (i, v) = (index[k], value[k]);
                    if i >= m || !v.is_finite() {
                        continue;
                    }
                    if mark[i] != usize::MAX {
                        cvalue[mark[i]] += v;
                    } else {
                        mark[i] = cindex.len();
                        cindex.push(i);
                        cvalue.push(v);
                    }
                }
            }
            let mut k = first;
            while k < cindex.len() {
                mark[cindex[k]] = usize::MAX;
                if cvalue[k].abs() <= DROP_TOL {
                    cindex.swap_remove(k);
                    cvalue.swap_remove(k);
                } else {
                    k += 1;
                }
            }
            cstart.push(cindex.len());
        }
        let (start, index, value) = (&cstart[..], &cindex[..], &cvalue[..]);
        self.factor_work = 4 * (index.len() + m);
        self.eta_work = 0;
        let (col_done, row_done) = self.triangular(m, start, index, value);
        // The kernel: entries in rows and columns the triangular phase left.
        let mut kstart = Vec::with_capacity(m + 1);
        let mut kindex = Vec::new();
        let mut kvalue = Vec::new();
        kstart.push(0);
        for q in 0..m {
            if !col_done[q] {
                for k in start[q]..start[q + 1] {
                    if !row_done[index[k]] {
                        kindex.push(index[k]);
                        kvalue.push(value[k]);
                    }
                }
            }
            kstart.push(kindex.len());
        }
        self.kernel = m - self.u_row.len();
        let mut active = Active::new(m, &kstart, &kindex, &kvalue);
        for (q, &done) in col_done.iter().enumerate() {
            active.col_done[q] = done;
        }
        for (p, &done) in row_done.iter().enumerate() {
            active.row_done[p] = done;
        }
        active.col_stack.retain(|&q| !col_done[q]);
        active.row_stack.retain(|&p| !row_done[p]);
        for _ in self.u_row.len()..m {
            let Some((p, q)) = active.find_pivot() else {
                break;
            };
            self.eliminate(&mut active, p, q);
        }
        if self.u_row.len() < m {
            let mut singular = Singular::default();
            for q in 0..m {
                if !active.col_done[q] {
                    singular.positions.push(q);
                }
            }
            for p in 0..m {
                if !active.row_done[p] {
                    singular.rows.push(p);
                }
            }
            self.m = 0;
            return Err(singular);
        }
        self.build_dynamic_u();
        Ok(())
    }

    /// Pivots on column and row singletons of the original matrix (no arithmetic on
    /// the matrix is needed for them). Returns the columns and rows pivoted. Input
    /// entries must be finite, nonzero and without repeated rows in a column.
    fn triangular(
        &mut self,
        m: usize,
        start: &[usize],
        index: &[usize],
        value: &[f64],
    ) -> (Vec<bool>, Vec<bool>) {
        let mut col_count: Vec<usize> = (0..m).map(|q| start[q + 1] - start[q]).collect();
        let mut row_count = vec![0usize; m];
        for &i in index {
            row_count[i] += 1;
        }
        // Row-wise copy.
        let mut rstart = vec![0usize; m + 1];
        for i in 0..m {
            rstart[i + 1] = rstart[i] + row_count[i];
        }
        let mut next = rstart.clone();
        let mut rindex = vec![0usize; index.len()];
        let mut rvalue = vec![0.0; index.len()];
        for q in 0..m {
            for k in start[q]..start[q + 1] {
                let i = index[k];
                rindex[next[i]] = q;
                rvalue[next[i]] = value[k];
                next[i] += 1;
            }
        }
        let mut col_done = vec![false; m];
        let mut row_done = vec![false; m];
        let mut col_stack: Vec<usize> = (0..m).filter(|&q| col_count[q] == 1).collect();
        let mut row_stack: Vec<usize> = (0..m).filter(|&p| row_count[p] == 1).collect();
        loop {
            if let Some(q) = col_stack.pop() {
                if col_done[q] || col_count[q] != 1 {
                    continue;
                }
                let Some(k) = (start[q]..start[q + 1]).find(|&k| !row_done[index[k]]) else {
                    continue;
                };
                let (p, pivot) = (index[k], value[k]);
                if pivot.abs() <= ABS_PIVOT_TOL {
                    continue;
                }
                col_done[q] = true;
                row_done[p] = true;
                for k in rstart[p]..rstart[p + 1] {
                    let j = rindex[k];
                    if !col_done[j] {
                        self.u_rows.push_entry(j, rvalue[k]);
                        col_count[j] -= 1;
                        if col_count[j] == 1 {
                            col_stack.push(j);
                        }
                    }
                }
                self.u_rows.close();
                self.u_row.push(p);
                self.u_pos.push(q);
                self.u_diag.push(pivot);
                continue;
            }
            if let Some(p) = row_stack.pop() {
                if row_done[p] || row_count[p] != 1 {
                    continue;
                }
                let Some(k) = (rstart[p]..rstart[p + 1]).find(|&k| !col_done[rindex[k]]) else {
                    continue;
                };
                let (q, pivot) = (rindex[k], rvalue[k]);
                let cmax = (start[q]..start[q + 1])
                    .filter(|&k| !row_done[index[k]])
                    .fold(0.0f64, |mx, k| mx.max(value[k].abs()));
                if pivot.abs() <= ABS_PIVOT_TOL || pivot.abs() < THRESHOLD * cmax {
                    continue;
                }
                col_done[q] = true;
                row_done[p] = true;
                let mut any = false;
                for k in start[q]..start[q + 1] {
                    let i = index[k];
                    if !row_done[i] {
                        self.l.push_entry(i, value[k] / pivot);
                        any = true;
                        row_count[i] -= 1;
                        if row_count[i] == 1 {
                            row_stack.push(i);
                        }
                    }
                }
                if any {
                    self.l.close();
                    self.l_row.push(p);
                }
                self.u_rows.close();
                self.u_row.push(p);
                self.u_pos.push(q);
                self.u_diag.push(pivot);
                continue;
            }
            break;
        }
        (col_done, row_done)
    }

    /// One elimination step with pivot row `p` and pivot column (basis position) `q`.
    fn eliminate(&mut self, a: &mut Active, p: usize, q: usize) {
        let col_q = std::mem::take(&mut a.cols[q]);
        let pivot = col_q
            .iter()
            .find(|&&(i, _)| i == p)
            .map_or(0.0, |&(_, v)| v);
        a.col_done[q] = true;
        let mut lcol: Vec<(usize, f64)> = Vec::with_capacity(col_q.len());
        for &(i, v) in &col_q {
            remove_value(&mut a.rows[i], q);
            if i != p {
                lcol.push((i, v / pivot));
                if a.rows[i].len() == 1 {
                    a.row_stack.push(i);
                }
            }
        }
        let row_p = std::mem::take(&mut a.rows[p]);
        a.row_done[p] = true;
        for &j in &row_p {
            let col = &mut a.cols[j];
            let Some(k) = col.iter().position(|&(i, _)| i == p) else {
                continue;
            };
            let a_pj = col.swap_remove(k).1;
            self.factor_work += col.len() + lcol.len() + 1;
            if a_pj.abs() > DROP_TOL {
                self.u_rows.push_entry(j, a_pj);
            }
            if !lcol.is_empty() && a_pj != 0.0 {
                for (k, &(i, _)) in col.iter().enumerate() {
                    a.mark[i] = k;
                }
                for &(i, l) in &lcol {
                    let delta = -l * a_pj;
                    let k = a.mark[i];
                    if k != usize::MAX {
                        col[k].1 += delta;
                    } else {
                        a.mark[i] = col.len();
                        col.push((i, delta));
                        a.rows[i].push(j);
                    }
                }
                for &(i, _) in col.iter() {
                    a.mark[i] = usize::MAX;
                }
            }
            let count = col.len();
            if count == 1 {
                a.col_stack.push(j);
            }
            if count < a.buckets.len() {
                a.buckets[count].push(j);
            }
        }
        self.u_rows.close();
        self.u_row.push(p);
        self.u_pos.push(q);
        self.u_diag.push(pivot);
        if !lcol.is_empty() {
            for &(i, l) in &lcol {
                if l.abs() > DROP_TOL {
                    self.l.push_entry(i, l);
                }
            }
            self.l.close();
            self.l_row.push(p);
        }
    }

    /// Builds the updatable U from the factorisation output.
    fn build_dynamic_u(&mut self) {
        let m = self.m;
        self.order.clone_from(&self.u_row);
        self.order_place = vec![0; m];
        self.pos_of_row = vec![0; m];
        self.row_of_pos = vec![0; m];
        self.diag = vec![0.0; m];
        self.urow = vec![Vec::new(); m];
        self.ucol = vec![Vec::new(); m];
        for k in 0..m {
            let (p, q) = (self.u_row[k], self.u_pos[k]);
            self.order_place[p] = k;
            self.pos_of_row[p] = q;
            self.row_of_pos[q] = p;
            self.diag[p] = self.u_diag[k];
            let (idx, val) = self.u_rows.get(k);
            for (&j, &v) in idx.iter().zip(val) {
                self.urow[p].push((j, v));
                self.ucol[j].push((p, v));
            }
        }
        self.u_nnz = self.u_rows.index.len();
        self.u_nnz0 = self.u_nnz;
        self.spike = vec![0.0; m];
        self.row_work = vec![0.0; m];
    }
}

/// The active submatrix during elimination: values by column, patterns by row.
struct Active {
    cols: Vec<Vec<(usize, f64)>>,
    rows: Vec<Vec<usize>>,
    col_done: Vec<bool>,
    row_done: Vec<bool>,
    col_stack: Vec<usize>,
    row_stack: Vec<usize>,
    /// Columns by their count of active entries (lazily updated: an entry is valid
    /// while the column is active and has that count).
    buckets: Vec<Vec<usize>>,
    mark: Vec<usize>,
}

impl Active {
    fn new(m: usize, start: &[usize], index: &[usize], value: &[f64]) -> Self {
        let mut cols: Vec<Vec<(usize, f64)>> = vec![Vec::new(); m];
        let mut rows: Vec<Vec<usize>> = vec![Vec::new(); m];
        let mut mark = vec![usize::MAX; m];
        for (q, col) in cols.iter_mut().enumerate() {
            let (a, b) = (start.get(q).copied(), start.get(q + 1).copied());
            let (Some(a), Some(b)) = (a, b) else { continue };
            for k in a..b.min(index.len()).min(value.len()) {
                let (i, v) = (index[k], value[k]);
                if i >= m || !v.is_finite() || v.abs() <= DROP_TOL {
                    continue;
                }
                if mark[i] != usize::MAX {
                    col[mark[i]].1 += v;
                } else {
                    mark[i] = col.len();
                    col.push((i, v));
                }
            }
            for &(i, _) in col.iter() {
                mark[i] = usize::MAX;
                rows[i].push(q);
            }
        }
        let col_stack = (0..m).filter(|&q| cols[q].len() == 1).collect();
        let mut buckets = vec![Vec::new(); m + 1];
        for (q, col) in cols.iter().enumerate() {
            buckets[col.len()].push(q);
        }
        let row_stack = (0..m).filter(|&p| rows[p].len() == 1).collect();
        Active {
            cols,
            rows,
            col_done: vec![false; m],
            row_done: vec![false; m],
            col_stack,
            row_stack,
            buckets,
            mark,
        }
    }

    fn col_max(&self, q: usize) -> f64 {
        self.cols[q].iter().fold(0.0, |m, &(_, v)| m.max(v.abs()))
    }

    /// Chooses the next pivot `(row, position)`: column singletons, then row singletons
    /// passing the threshold test, then a Markowitz search.
    fn find_pivot(&mut self) -> Option<(usize, usize)> {
        while let Some(q) = self.col_stack.pop() {
            if !self.col_done[q] && self.cols[q].len() == 1 {
                let (p, v) = self.cols[q][0];
                if v.abs() > ABS_PIVOT_TOL {
                    return Some((p, q));
                }
            }
        }
        while let Some(p) = self.row_stack.pop() {
            if !self.row_done[p] && self.rows[p].len() == 1 {
                let q = self.rows[p][0];
                let v = self.cols[q]
                    .iter()
                    .find(|&&(i, _)| i == p)
                    .map_or(0.0, |&(_, v)| v);
                if v.abs() > ABS_PIVOT_TOL && v.abs() >= THRESHOLD * self.col_max(q) {
                    return Some((p, q));
                }
            }
        }
        // Markowitz search over the columns in order of their counts, stopping after
        // a few columns that offer an acceptable pivot.
        let mut best: Option<(usize, usize)> = None;
        let mut best_cost = usize::MAX;
        let mut best_abs = 0.0;
        let mut searched = 0;
        for count in 1..self.buckets.len() {
            if best.is_some() && (searched >= SEARCH_COLUMNS || best_cost == 0) {
                break;
            }
            let mut k = 0;
            while k < self.buckets[count].len() {
                let q = self.buckets[count][k];
                if self.col_done[q] || self.cols[q].len() != count {
                    self.buckets[count].swap_remove(k);
                    continue;
                }
                k += 1;
                let cmax = self.col_max(q);
                let mut found = false;
                for &(p, v) in &self.cols[q] {
                    let av = v.abs();
                    if av <= ABS_PIVOT_TOL || av < THRESHOLD * cmax {
                        continue;
                    }
                    found = true;
                    let cost = (self.rows[p].len().saturating_sub(1)) * (count - 1);
                    if cost < best_cost || (cost == best_cost && av > best_abs) {
                        best = Some((p, q));
                        best_cost = cost;
                        best_abs = av;
                    }
                }
                if found {
                    searched += 1;
                    if searched >= SEARCH_COLUMNS || best_cost == 0 {
                        break;
                    }
                }
            }
        }
        best
    }
}

fn remove_value(list: &mut Vec<usize>, value: usize) {
    if let Some(k) = list.iter().position(|&x| x == value) {
        list.swap_remove(k);
    }
}
