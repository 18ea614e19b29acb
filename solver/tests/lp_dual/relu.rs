//! Big-M LP relaxations of random ReLU networks (the LPs of relumip's main use).

use crate::support::{
    check_against_reference, check_certificate, close, microlp_reference, row, solve, write_lp, INF,
};
use relumip_solver::lp::dual::DualSimplex;
use relumip_solver::lp::microlp_backend::MicroLp;
use relumip_solver::lp::{LpEngine, LpProblem, LpStatus};
use relumip_solver::rng::SplitMix64;
use std::time::Instant;

/// The big-M relaxation of a random fully connected ReLU network with layer widths
/// `widths` (inputs first), weights uniform in `gain * [-sqrt(3/fan_in), sqrt(3/fan_in)]`,
/// over the input box `[-1, 1]`, with interval bounds. Returns
/// the LP and the indices of the indicator columns `z`.
fn relu_lp(rng: &mut SplitMix64, widths: &[usize], gain: f64) -> (LpProblem, Vec<usize>) {
    let mut costs = Vec::new();
    let mut lower = Vec::new();
    let mut upper = Vec::new();
    let mut rows = Vec::new();
    let mut indicators = Vec::new();
    let mut add_col = |l: f64, u: f64, lower: &mut Vec<f64>, upper: &mut Vec<f64>| {
        lower.push(l);
        upper.push(u);
        costs.push(0.0);
        lower.len() - 1
    };
    // Previous layer: (column, lower, upper).
    let mut prev: Vec<(usize, f64, f64)> = (0..widths[0])
        .map(|_| (add_col(-1.0, 1.0, &mut lower, &mut upper), -1.0, 1.0))
        .collect();
    let last = widths.len() - 1;
    for (k, &w) in widths.iter().enumerate().skip(1) {
        let scale = gain * (3.0 / prev.len() as f64).sqrt();
        let mut next = Vec::with_capacity(w);
        for _ in 0..w {
            let weights: Vec<f64> = prev.iter().map(|_| rng.uniform(-scale, scale)).collect();
            let bias = rng.uniform(-0.2, 0.2);
            let (mut lo, mut hi) = (bias, bias);
            for (&a, &(_, l, u)) in weights.iter().zip(&prev) {
                lo += if a > 0.0 { a * l } else { a * u };
                hi += if a > 0.0 { a * u } else { a * l };
            }
            // Pre-activation column and its defining equation.
            let pre = add_col(lo, hi, &mut lower, &mut upper);
            let mut entries: Vec<(usize, f64)> = weights
                .iter()
                .zip(&prev)
                .map(|(&a, &(c, _, _))| (c, -a))
                .collect();
            entries.push((pre, 1.0));
            entries.sort_by_key(|e| e.0);
            rows.push(row(&entries, bias, bias));
            if k == last {
                next.push((pre, lo, hi));
                continue;
            }
            let post = add_col(0.0, hi.max(0.0), &mut lower, &mut upper);
            if lo >= 0.0 {
                rows.push(row(&[(pre, -1.0), (post, 1.0)], 0.0, 0.0));
            } else if hi <= 0.0 {
                upper[post] = 0.0;
            } else {
                let z = add_col(0.0, 1.0, &mut lower, &mut upper);
                indicators.push(z);
                // y >= x, y <= x - L(1 - z), y <= U z.
                rows.push(row(&[(pre, -1.0), (post, 1.0)], 0.0, INF));
                rows.push(row(&[(pre, -1.0), (post, 1.0), (z, -lo)], -INF, -lo));
                rows.push(row(&[(post, 1.0), (z, -hi)], -INF, 0.0));
            }
            next.push((post, 0.0, hi.max(0.0)));
        }
        prev = next;
    }
    // Minimise the margin out_0 - out_1 (a verification-style objective).
    costs[prev[0].0] = 1.0;
    if prev.len() > 1 {
        costs[prev[1].0] = -1.0;
    }
    (
        LpProblem {
            costs,
            col_lower: lower,
            col_upper: upper,
            rows,
        },
        indicators,
    )
}

#[test]
fn small_relu_relaxations_match_microlp() {
    for seed in 0..20u64 {
        let mut rng = SplitMix64::new(400 + seed);
        let (p, _) = relu_lp(&mut rng, &[3, 8, 8, 2], 1.0);
        let s = check_against_reference(&p, &format!("relu seed {seed}"));
        assert_eq!(s, LpStatus::Optimal);
    }
}

#[test]
fn relu_branching_matches_cold_solves() {
    let mut rng = SplitMix64::new(31);
    let (p, z) = relu_lp(&mut rng, &[5, 20, 20, 5], 1.0);
    let mut e = DualSimplex::new(&p);
    assert_eq!(solve(&mut e), LpStatus::Optimal);
    for step in 0..60 {
        let j = z[rng.below(z.len())];
        let v = if rng.unit() < 0.5 { 0.0 } else { 1.0 };
        e.set_col_bounds(j, v, v);
        let warm = solve(&mut e);
        let mut q = p.clone();
        for k in 0..p.num_cols() {
            (q.col_lower[k], q.col_upper[k]) = e.col_bounds(k);
        }
        let mut cold = DualSimplex::new(&q);
        assert_eq!(warm, solve(&mut cold), "step {step}");
        if warm == LpStatus::Optimal {
            assert!(close(e.objective(), cold.objective(), 1e-7), "step {step}");
            check_certificate(&q, &e, 1e-7);
        }
        if warm != LpStatus::Optimal || rng.unit() < 0.3 {
            e.set_col_bounds(j, 0.0, 1.0);
        }
    }
}

/// Timings on a large ReLU relaxation (run with `--ignored --nocapture`).
#[test]
#[ignore]
fn relu_timings() {
    for widths in [&[5usize, 50, 50, 50, 5][..], &[5, 100, 100, 100, 5][..]] {
        let mut rng = SplitMix64::new(1);
        let (p, z) = relu_lp(&mut rng, widths, 1.0);
        let nnz: usize = p.rows.iter().map(|r| r.entries.len()).sum();
        // Best of three cold solves (the machine is shared).
        let mut dual_time = f64::INFINITY;
        let mut micro_time = f64::INFINITY;
        let (mut e, mut s) = (DualSimplex::new(&p), LpStatus::NumericalFailure);
        let (mut m, mut ms) = (MicroLp::new(&p), LpStatus::NumericalFailure);
        for _ in 0..3 {
            let t = Instant::now();
            e = DualSimplex::new(&p);
            s = solve(&mut e);
            dual_time = dual_time.min(t.elapsed().as_secs_f64());
            let t = Instant::now();
            m = MicroLp::new(&p);
            ms = solve(&mut m);
            micro_time = micro_time.min(t.elapsed().as_secs_f64());
        }
        let root_iters = e.iterations();
        assert!(close(e.objective(), m.objective(), 1e-6));
        // Warm: fix one indicator, solve, restore, solve.
        let x = e.primal().to_vec();
        let frac: Vec<usize> = z
            .iter()
            .copied()
            .filter(|&j| x[j] > 1e-6 && x[j] < 1.0 - 1e-6)
            .collect();
        let mut total = 0.0;
        let mut iters = 0;
        let mut micro_total = 0.0;
        let count = frac.len().min(100);
        for (k, &j) in frac.iter().take(count).enumerate() {
            let v = (k % 2) as f64;
            let before = e.iterations();
            let t = Instant::now();
            e.set_col_bounds(j, v, v);
            let _ = solve(&mut e);
            total += t.elapsed().as_secs_f64();
            iters += e.iterations() - before;
            e.set_col_bounds(j, 0.0, 1.0);
            let _ = solve(&mut e);
            if k < 20 {
                let t = Instant::now();
                m.set_col_bounds(j, v, v);
                let _ = solve(&mut m);
                micro_total += t.elapsed().as_secs_f64();
                m.set_col_bounds(j, 0.0, 1.0);
                let _ = solve(&mut m);
            }
        }
        println!(
            "relu {widths:?}: {} cols x {} rows, {nnz} nnz, {} fractional z | root dual {s:?} {:.2} ms {root_iters} it | microlp {ms:?} {:.2} ms {} it | warm fix: dual {:.1} us {:.1} it, microlp {:.1} us",
            p.num_cols(),
            p.num_rows(),
            frac.len(),
            dual_time * 1e3,
            micro_time * 1e3,
            m.iterations(),
            total / count.max(1) as f64 * 1e6,
            iters as f64 / count.max(1) as f64,
            micro_total / count.clamp(1, 20) as f64 * 1e6,
        );
    }
}

/// Writes the large ReLU relaxations as MPS to compare with other solvers, or to
/// profile the LU factors (`factor_stats` in the library's tests); run with
/// `--ignored`, the files go to the temporary folder.
#[test]
#[ignore]
fn relu_write_mps() {
    for (name, widths) in [
        ("relu50", &[5usize, 50, 50, 50, 5][..]),
        ("relu100", &[5, 100, 100, 100, 5][..]),
    ] {
        let mut rng = SplitMix64::new(1);
        let (p, _) = relu_lp(&mut rng, widths, 1.0);
        write_lp(&p, &std::env::temp_dir().join(format!("{name}.mps")));
    }
}

/// Deep networks have interval bounds (big-M values) that grow by orders of magnitude
/// per layer: the relaxation is badly scaled.
#[test]
fn deep_relu_relaxations_with_large_big_m() {
    let mut rng = SplitMix64::new(2024);
    let (p, z) = relu_lp(&mut rng, &[5, 30, 30, 30, 30, 30, 30, 5], 2.0);
    let big = p.col_upper.iter().fold(0.0f64, |m, &u| m.max(u));
    assert!(big > 1e4, "largest bound {big}");
    let s = check_against_reference(&p, "deep relu");
    assert_eq!(s, LpStatus::Optimal);
    let mut e = DualSimplex::new(&p);
    assert_eq!(solve(&mut e), LpStatus::Optimal);
    for step in 0..40 {
        let j = z[rng.below(z.len())];
        let v = if rng.unit() < 0.5 { 0.0 } else { 1.0 };
        e.set_col_bounds(j, v, v);
        let warm = solve(&mut e);
        let mut q = p.clone();
        for k in 0..p.num_cols() {
            (q.col_lower[k], q.col_upper[k]) = e.col_bounds(k);
        }
        let mut cold = DualSimplex::new(&q);
        assert_eq!(warm, solve(&mut cold), "step {step}");
        if warm == LpStatus::Optimal {
            assert!(
                close(e.objective(), cold.objective(), 1e-7),
                "step {step}: {} vs {}",
                e.objective(),
                cold.objective()
            );
            check_certificate(&q, &e, 1e-7);
            if step % 5 != 0 {
                // microlp is slow on these: compare with it on every fifth step.
            } else if let Some((ms, mobj)) = microlp_reference(&q) {
                assert_eq!(ms, LpStatus::Optimal);
                assert!(
                    close(e.objective(), mobj, 1e-6),
                    "step {step}: microlp {mobj}"
                );
            }
        }
        if warm != LpStatus::Optimal || rng.unit() < 0.3 {
            e.set_col_bounds(j, 0.0, 1.0);
        }
    }
}

/// Repeated warm fixings on the 5-50-50-50-5 relaxation, for profiling.
#[test]
#[ignore]
fn relu_warm_profile() {
    let mut rng = SplitMix64::new(1);
    let (p, z) = relu_lp(&mut rng, &[5, 50, 50, 50, 5], 1.0);
    let mut e = DualSimplex::new(&p);
    assert_eq!(solve(&mut e), LpStatus::Optimal);
    let x = e.primal().to_vec();
    let frac: Vec<usize> = z
        .iter()
        .copied()
        .filter(|&j| x[j] > 1e-6 && x[j] < 1.0 - 1e-6)
        .collect();
    let t = Instant::now();
    let before = e.iterations();
    let mut solves = 0;
    let rounds = std::env::var("ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3);
    for round in 0..rounds {
        for (k, &j) in frac.iter().enumerate() {
            let v = ((k + round) % 2) as f64;
            e.set_col_bounds(j, v, v);
            let _ = solve(&mut e);
            e.set_col_bounds(j, 0.0, 1.0);
            let _ = solve(&mut e);
            solves += 2;
        }
    }
    let el = t.elapsed().as_secs_f64();
    let it = e.iterations() - before;
    println!(
        "relu warm: {solves} solves, {:.1} us/solve, {:.2} it/solve, {:.1} us/it",
        el / solves as f64 * 1e6,
        it as f64 / solves as f64,
        el / it as f64 * 1e6
    );
}
