//! Tests of the LU factorisation and its updates.

use super::*;
use crate::rng::SplitMix64;

/// A random sparse `m x m` matrix by columns, with a dominant diagonal.
fn random_matrix(m: usize, density: f64, seed: u64) -> (Vec<usize>, Vec<usize>, Vec<f64>) {
    let mut rng = SplitMix64::new(seed);
    let (mut start, mut index, mut value) = (vec![0], Vec::new(), Vec::new());
    for q in 0..m {
        for i in 0..m {
            if i == q || rng.unit() < density {
                index.push(i);
                value.push(rng.uniform(-1.0, 1.0) + if i == q { 2.0 } else { 0.0 });
            }
        }
        start.push(index.len());
    }
    (start, index, value)
}

fn mul(m: usize, s: &[usize], idx: &[usize], val: &[f64], x: &[f64]) -> Vec<f64> {
    let mut b = vec![0.0; m];
    for q in 0..m {
        for k in s[q]..s[q + 1] {
            b[idx[k]] += val[k] * x[q];
        }
    }
    b
}

fn mul_t(m: usize, s: &[usize], idx: &[usize], val: &[f64], y: &[f64]) -> Vec<f64> {
    (0..m)
        .map(|q| (s[q]..s[q + 1]).map(|k| val[k] * y[idx[k]]).sum())
        .collect()
}

#[test]
fn ftran_btran_solve_random_systems() {
    for seed in 0..30u64 {
        let m = 5 + (seed as usize * 7) % 60;
        let (s, idx, val) = random_matrix(m, 0.08, seed + 1);
        let mut f = BasisFactor::default();
        f.factorize(m, &s, &idx, &val).expect("nonsingular");
        let mut rng = SplitMix64::new(seed + 99);
        let x: Vec<f64> = (0..m).map(|_| rng.uniform(-0.5, 0.5)).collect();
        let mut b = mul(m, &s, &idx, &val, &x);
        f.ftran(&mut b);
        for q in 0..m {
            assert!((b[q] - x[q]).abs() < 1e-9, "ftran seed {seed}");
        }
        let mut c = mul_t(m, &s, &idx, &val, &x);
        f.btran(&mut c);
        for q in 0..m {
            assert!((c[q] - x[q]).abs() < 1e-9, "btran seed {seed}");
        }
    }
}

#[test]
fn updates_match_refactorisation() {
    let m = 40;
    let (s, idx, val) = random_matrix(m, 0.1, 7);
    let mut f = BasisFactor::default();
    f.factorize(m, &s, &idx, &val).expect("nonsingular");
    // Replace columns one by one with new random columns.
    let mut cols: Vec<Vec<(usize, f64)>> = (0..m)
        .map(|q| (s[q]..s[q + 1]).map(|k| (idx[k], val[k])).collect())
        .collect();
    let mut rng = SplitMix64::new(5);
    for step in 0..30 {
        let r = (step * 13) % m;
        let mut new: Vec<(usize, f64)> = Vec::new();
        for i in 0..m {
            if i == r || rng.unit() < 0.1 {
                new.push((i, rng.unit() + if i == r { 3.0 } else { 0.0 }));
            }
        }
        let mut alpha = vec![0.0; m];
        for &(i, v) in &new {
            alpha[i] = v;
        }
        f.ftran_entering(&mut alpha);
        assert!(f.update(r, alpha[r]), "step {step}");
        cols[r] = new;
        let (mut s2, mut i2, mut v2) = (vec![0], vec![], vec![]);
        for c in &cols {
            for &(i, v) in c {
                i2.push(i);
                v2.push(v);
            }
            s2.push(i2.len());
        }
        let x: Vec<f64> = (0..m).map(|_| rng.uniform(-0.5, 0.5)).collect();
        let mut b = mul(m, &s2, &i2, &v2, &x);
        f.ftran(&mut b);
        let mut c = mul_t(m, &s2, &i2, &v2, &x);
        f.btran(&mut c);
        for q in 0..m {
            assert!((b[q] - x[q]).abs() < 1e-8);
            assert!((c[q] - x[q]).abs() < 1e-8);
        }
    }
}

#[test]
fn singular_matrix_reports_positions() {
    // Two equal columns.
    let start = vec![0, 2, 4, 5];
    let index = vec![0, 1, 0, 1, 2];
    let value = vec![1.0, 2.0, 1.0, 2.0, 1.0];
    let mut f = BasisFactor::default();
    let err = f.factorize(3, &start, &index, &value).unwrap_err();
    assert_eq!(err.positions.len(), 1);
    assert_eq!(err.rows.len(), 1);
}
