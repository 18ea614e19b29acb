//! Cutting planes at the root: separators (one file each) and the root cut loop.
//!
//! Cuts are derived from the root LP with the root bounds, which are global, so every
//! cut is valid for the whole tree; the cuts that are still active after the last
//! round become rows of the LP relaxation that every worker loads. Solutions are
//! always checked against the original model, never against cuts.

mod gomory;
mod knapsack_cover;

pub use gomory::gomory_mixed_integer;
pub use knapsack_cover::knapsack_covers;

use crate::lp::{LpBackend, LpLimits, LpProblem, LpRow, LpStatus};
use std::time::{Duration, Instant};

/// Most rounds of separation.
const MAX_ROUNDS: usize = 20;
/// Most cuts added per round.
const MAX_CUTS_PER_ROUND: usize = 60;
/// Smallest accepted efficacy (violation divided by the coefficient norm).
const MIN_EFFICACY: f64 = 1e-4;
/// Largest accepted cosine between two cuts added in the same round.
const MAX_PARALLELISM: f64 = 0.98;
/// Stop when the last rounds raised the bound by less than this share of its value.
const MIN_PROGRESS: f64 = 1e-4;

/// What the root cut loop did.
#[derive(Clone, Debug, Default)]
pub struct CutReport {
    /// Rounds of separation.
    pub rounds: usize,
    /// Cuts kept in the LP.
    pub cuts: usize,
    /// Root LP objective before cuts (minimisation form).
    pub bound_before: Option<f64>,
    /// Root LP objective after cuts.
    pub bound_after: Option<f64>,
    /// Time spent.
    pub time: Duration,
}

/// A candidate cut `lower <= a'x` with its efficacy at the LP point.
#[derive(Clone, Debug)]
pub struct Cut {
    /// Row `entries >= lower`.
    pub row: LpRow,
    /// Violation at the LP point divided by the norm of the coefficients.
    pub efficacy: f64,
}

/// Builds a `>=` cut from dense coefficients over the columns; drops tiny
/// coefficients safely (the right-hand side is relaxed by their largest
/// contribution), normalises, relaxes the right-hand side slightly for floating-point
/// safety, and rejects cuts with too wide a coefficient range, unbounded drops, or no
/// violation at `x`.
pub fn finish_cut(
    dense: &[f64],
    mut rhs: f64,
    lower: &[f64],
    upper: &[f64],
    x: &[f64],
) -> Option<Cut> {
    let max = dense.iter().fold(0.0f64, |m, v| m.max(v.abs()));
    if max == 0.0 || !rhs.is_finite() {
        return None;
    }
    let mut entries = Vec::new();
    for (j, &c) in dense.iter().enumerate() {
        if c == 0.0 {
            continue;
        }
        if c.abs() < 1e-9 * max {
            // c x_j <= max over the bounds; moving it to the right side relaxes the cut.
            let most = (c * lower[j]).max(c * upper[j]);
            if !most.is_finite() {
                return None;
            }
            rhs -= most;
            continue;
        }
        entries.push((j, c / max));
    }
    rhs /= max;
    let min = entries.iter().fold(f64::INFINITY, |m, e| m.min(e.1.abs()));
    if entries.is_empty() || min < 1e-7 {
        return None;
    }
    rhs -= 1e-9 * (1.0 + rhs.abs());
    let activity: f64 = entries.iter().map(|&(j, a)| a * x[j]).sum();
    let norm = entries.iter().map(|e| e.1 * e.1).sum::<f64>().sqrt();
    let efficacy = (rhs - activity) / norm;
    if efficacy < MIN_EFFICACY {
        return None;
    }
    Some(Cut {
        row: LpRow {
            entries,
            lower: rhs,
            upper: f64::INFINITY,
        },
        efficacy,
    })
}

fn cosine(a: &LpRow, b: &LpRow) -> f64 {
    let (mut i, mut k, mut dot) = (0, 0, 0.0);
    while i < a.entries.len() && k < b.entries.len() {
        match a.entries[i].0.cmp(&b.entries[k].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => k += 1,
            std::cmp::Ordering::Equal => {
                dot += a.entries[i].1 * b.entries[k].1;
                i += 1;
                k += 1;
            }
        }
    }
    let na = a.entries.iter().map(|e| e.1 * e.1).sum::<f64>().sqrt();
    let nb = b.entries.iter().map(|e| e.1 * e.1).sum::<f64>().sqrt();
    dot / (na * nb)
}

/// Chooses the most effective, pairwise non-parallel cuts.
fn select(mut cuts: Vec<Cut>) -> Vec<LpRow> {
    cuts.sort_by(|a, b| b.efficacy.total_cmp(&a.efficacy));
    let mut chosen: Vec<LpRow> = Vec::new();
    for cut in cuts {
        if chosen.len() >= MAX_CUTS_PER_ROUND {
            break;
        }
        if chosen.iter().all(|c| cosine(c, &cut.row) < MAX_PARALLELISM) {
            chosen.push(cut.row);
        }
    }
    chosen
}

/// Runs rounds of Gomory mixed-integer and knapsack cover separation on the root LP of
/// `problem` and appends the cuts that stay active to `problem.rows`.
pub fn root_cut_loop(
    problem: &mut LpProblem,
    integral: &[bool],
    deadline: Option<Instant>,
) -> CutReport {
    let started = Instant::now();
    let mut report = CutReport::default();
    let mut lp = LpBackend::DualSimplex.create(problem);
    let limits = LpLimits {
        deadline,
        ..LpLimits::default()
    };
    if lp.solve(&limits) != LpStatus::Optimal {
        report.time = started.elapsed();
        return report;
    }
    let first_row = problem.num_rows();
    let mut current = problem.clone();
    report.bound_before = Some(lp.objective());
    let mut history = vec![lp.objective()];
    for _ in 0..MAX_ROUNDS {
        if deadline.is_some_and(|d| Instant::now() >= d) {
            break;
        }
        let x = lp.primal().to_vec();
        let mut cuts = gomory_mixed_integer(lp.as_mut(), &current, integral, &x);
        cuts.extend(knapsack_covers(problem, integral, &x));
        let chosen = select(cuts);
        if chosen.is_empty() {
            break;
        }
        let basis = lp.basis();
        let first = lp.add_rows(&chosen);
        current.rows.extend(chosen);
        report.rounds += 1;
        if lp.solve(&limits) != LpStatus::Optimal {
            // Numerical trouble (valid cuts cannot cut off every point of a feasible
            // problem): withdraw this round and stop.
            let added: Vec<usize> = (first..lp.num_rows()).collect();
            lp.remove_rows(&added);
            current.rows.truncate(first);
            if let Some(b) = basis {
                lp.set_basis(&b);
            }
            lp.solve(&limits);
            break;
        }
        history.push(lp.objective());
        let k = history.len();
        if k >= 4 {
            let progress = history[k - 1] - history[k - 4];
            if progress <= MIN_PROGRESS * history[k - 1].abs().max(1.0) {
                break;
            }
        }
    }
    // Keep the cuts whose logical is nonbasic (active at the optimum).
    if let Some(basis) = lp.basis() {
        let total = lp.num_rows();
        for i in first_row..total {
            if basis.rows[i] != crate::lp::BasisStatus::Basic {
                problem.rows.push(current.rows[i].clone());
            }
        }
    }
    report.cuts = problem.num_rows() - first_row;
    report.bound_after = history.last().copied();
    report.time = started.elapsed();
    report
}
