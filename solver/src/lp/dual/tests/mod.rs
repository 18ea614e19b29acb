//! Tests of the dual simplex engine: hand-made LPs, random LPs against microlp and the
//! optimality certificate, warm-start sequences, bases, MIPLIB LP relaxations.

#![allow(clippy::needless_range_loop)]

mod hand;
mod miplib;
mod mps;
mod random;
mod relu;
mod warm;

use super::DualSimplex;
use crate::lp::microlp_backend::MicroLp;
use crate::lp::{LpEngine, LpLimits, LpProblem, LpRow, LpStatus};

const INF: f64 = f64::INFINITY;

/// Deterministic pseudo-random numbers for the tests.
pub(super) struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ 0x2545_f491_4f6c_dd1d)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
    pub fn range(&mut self, a: f64, b: f64) -> f64 {
        a + (b - a) * self.unit()
    }
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
}

pub(super) fn row(entries: &[(usize, f64)], lower: f64, upper: f64) -> LpRow {
    LpRow {
        entries: entries.to_vec(),
        lower,
        upper,
    }
}

pub(super) fn solve(lp: &mut dyn LpEngine) -> LpStatus {
    lp.solve(&LpLimits::default())
}

/// Checks primal feasibility, dual feasibility and complementary slackness of the
/// engine's optimal solution for `p` (with the engine's current bounds), and that the
/// objective matches `c'x`.
pub(super) fn check_certificate(p: &LpProblem, lp: &DualSimplex, tol: f64) {
    let n = p.num_cols();
    let x = lp.primal();
    let y = lp.row_duals().expect("duals");
    let d = lp.reduced_costs().expect("reduced costs");
    assert_eq!(x.len(), n);
    assert_eq!(d.len(), n);
    assert_eq!(y.len(), lp.num_rows());
    let rel = |v: f64| tol * (1.0 + v.abs());
    let mut obj = 0.0;
    let mut scale = 1.0f64;
    for j in 0..n {
        let (l, u) = lp.col_bounds(j);
        assert!(
            x[j] >= l - rel(l) && x[j] <= u + rel(u),
            "column {j} {} not in [{l}, {u}]",
            x[j]
        );
        obj += p.costs[j] * x[j];
        scale = scale.max((p.costs[j] * x[j]).abs());
    }
    let rows = lp.rows.clone();
    let mut act = vec![0.0; rows.len()];
    let mut at = vec![0.0; n];
    for (i, r) in rows.iter().enumerate() {
        let mut mag = 0.0f64;
        for &(j, a) in &r.entries {
            act[i] += a * x[j];
            at[j] += a * y[i];
            mag = mag.max((a * x[j]).abs());
        }
        let t = tol * (1.0 + mag.max(r.lower.abs().min(1e9)).max(r.upper.abs().min(1e9)));
        assert!(
            act[i] >= r.lower - t && act[i] <= r.upper + t,
            "row {i} activity {} not in [{}, {}]",
            act[i],
            r.lower,
            r.upper
        );
        // Complementary slackness of the row dual.
        if y[i] > tol * 10.0 {
            assert!(
                (act[i] - r.lower).abs() <= t * 10.0,
                "row {i} dual {} but activity {} lower {}",
                y[i],
                act[i],
                r.lower
            );
        }
        if y[i] < -tol * 10.0 {
            assert!(
                (act[i] - r.upper).abs() <= t * 10.0,
                "row {i} dual {} but activity {} upper {}",
                y[i],
                act[i],
                r.upper
            );
        }
    }
    for j in 0..n {
        let c = p.costs[j];
        assert!(
            (c - at[j] - d[j]).abs() <= 1e-6 * (1.0 + c.abs() + at[j].abs()),
            "d_{j} = {} but c - A'y = {}",
            d[j],
            c - at[j]
        );
        let (l, u) = lp.col_bounds(j);
        let t = tol * 10.0 * (1.0 + c.abs());
        if d[j] > t {
            assert!(
                (x[j] - l).abs() <= rel(l) * 10.0,
                "d_{j} = {} > 0 but x = {} lower {l}",
                d[j],
                x[j]
            );
        }
        if d[j] < -t {
            assert!(
                (x[j] - u).abs() <= rel(u) * 10.0,
                "d_{j} = {} < 0 but x = {} upper {u}",
                d[j],
                x[j]
            );
        }
    }
    assert!(
        (obj - lp.objective()).abs() <= 1e-7 * (1.0 + scale),
        "objective {} vs c'x {obj}",
        lp.objective()
    );
}

/// Checks the Farkas ray of an infeasible solve: `max y'(Ax - s)` over the boxes is
/// negative.
pub(super) fn check_farkas(lp: &DualSimplex, label: &str) {
    let Some(y) = lp.farkas_ray() else {
        return;
    };
    let n = lp.num_cols();
    let mut coef = vec![0.0; n];
    let mut max = 0.0;
    let mut magnitude = 0.0f64;
    let ymax = y.iter().fold(0.0f64, |m, v| m.max(v.abs()));
    for (i, r) in lp.rows.iter().enumerate() {
        for &(j, a) in &r.entries {
            coef[j] += y[i] * a;
        }
        // -y_i s_i maximised over [lower, upper].
        let b = if y[i] > 0.0 { r.lower } else { r.upper };
        if y[i].abs() > 1e-11 * ymax {
            max += -y[i] * b;
            magnitude = magnitude.max((y[i] * b).abs());
        }
    }
    let cmax = coef.iter().fold(ymax, |m, v| m.max(v.abs()));
    for (j, &c) in coef.iter().enumerate() {
        // Entries at the level of rounding errors are zero.
        if c.abs() < 1e-9 * cmax {
            continue;
        }
        let (l, u) = lp.col_bounds(j);
        let term = if c > 0.0 { c * u } else { c * l };
        max += term;
        magnitude = magnitude.max(term.abs());
    }
    assert!(
        max < 1e-7 * (1.0 + magnitude),
        "{label}: Farkas ray does not prove infeasibility: max {max}"
    );
}

/// Solves `p` cold with microlp; `None` when microlp fails.
pub(super) fn microlp_reference(p: &LpProblem) -> Option<(LpStatus, f64)> {
    let mut m = MicroLp::new(p);
    let s = m.solve(&LpLimits::default());
    if s.is_failure() {
        return None;
    }
    Some((s, m.objective()))
}

pub(super) fn close(a: f64, b: f64, rel: f64) -> bool {
    (a - b).abs() <= rel * (1.0 + a.abs().max(b.abs()))
}

pub(super) fn inf() -> f64 {
    INF
}

/// Writes `p` as free MPS (for comparisons with other solvers while debugging).
pub(super) fn write_mps(p: &LpProblem, path: &std::path::Path) {
    use std::fmt::Write;
    let mut s = String::from("NAME lp\nROWS\n N obj\n");
    for i in 0..p.num_rows() {
        writeln!(s, " E R{i}").unwrap();
    }
    s += "COLUMNS\n";
    let mut cols: Vec<Vec<(usize, f64)>> = vec![Vec::new(); p.num_cols()];
    for (i, r) in p.rows.iter().enumerate() {
        for &(j, a) in &r.entries {
            cols[j].push((i, a));
        }
    }
    for (j, c) in cols.iter().enumerate() {
        writeln!(s, " C{j} obj {:e}", p.costs[j]).unwrap();
        for &(i, a) in c {
            writeln!(s, " C{j} R{i} {a:e}").unwrap();
        }
    }
    s += "RHS\n";
    let mut ranges = String::from("RANGES\n");
    for (i, r) in p.rows.iter().enumerate() {
        // Each row is an E row at one finite end with a range reaching the other.
        let (b, range) = match (r.lower.is_finite(), r.upper.is_finite()) {
            (true, true) => (r.lower, r.upper - r.lower),
            (true, false) => (r.lower, 1e30),
            (false, true) => (r.upper, -1e30),
            (false, false) => (0.0, 1e30),
        };
        writeln!(s, " RHS R{i} {b:e}").unwrap();
        if range != 0.0 {
            writeln!(ranges, " RNG R{i} {range:e}").unwrap();
        }
    }
    s += &ranges;
    s += "BOUNDS\n";
    for j in 0..p.num_cols() {
        let (l, u) = (p.col_lower[j], p.col_upper[j]);
        if l == f64::NEG_INFINITY && u == f64::INFINITY {
            writeln!(s, " FR BND C{j}").unwrap();
            continue;
        }
        if l == f64::NEG_INFINITY {
            writeln!(s, " MI BND C{j}").unwrap();
        } else {
            writeln!(s, " LO BND C{j} {l:e}").unwrap();
        }
        if u != f64::INFINITY {
            writeln!(s, " UP BND C{j} {u:e}").unwrap();
        }
    }
    s += "ENDATA\n";
    std::fs::write(path, s).expect("writable temporary file");
}
