//! The dual simplex iterations: factorisation with basis repair, values and reduced
//! costs, dual phase 1 (auxiliary problem), phase 2 with dual steepest edge and the
//! bound-flipping ratio test, and the final clean-up of cost shifts.

use super::lu::BasisFactor;
use super::ratio::{ratio_test, RatioInput, RatioResult};
use super::{DualSimplex, VarState};
use crate::lp::{LpLimits, LpStatus};
use std::time::Instant;

/// Primal feasibility tolerance (scaled values).
const PRIMAL_TOL: f64 = 1e-7;
/// Dual feasibility tolerance (scaled reduced costs).
const DUAL_TOL: f64 = 1e-7;
/// Refactorise after this many basis updates.
const REFACTOR_INTERVAL: usize = 100;
/// Degenerate iterations in a row before costs are perturbed.
const STALL_LIMIT: u32 = 50;
/// Relative size of cost perturbations.
const PERTURBATION: f64 = 1e-6;

/// How a phase ended.
enum Phase {
    Optimal,
    Infeasible,
    Cutoff,
    Limit(LpStatus),
    Trouble,
}

/// Solves the LP held by `lp` from its current basis.
pub fn solve(lp: &mut DualSimplex, limits: &LpLimits) -> LpStatus {
    let n = lp.n;
    for j in 0..n {
        if lp.col_lower[j] > lp.col_upper[j] {
            return LpStatus::Infeasible;
        }
    }
    for row in &lp.rows {
        if row.lower > row.upper {
            return LpStatus::Infeasible;
        }
    }
    let start_iterations = lp.iterations;
    for attempt in 0..3 {
        if !lp.has_basis || attempt > 0 {
            lp.slack_basis();
        }
        if lp.shifted {
            lp.work_cost.copy_from_slice(&lp.scaled_cost);
            lp.shifted = false;
        }
        match run(lp, limits, start_iterations) {
            Some(status) => return status,
            None => continue,
        }
    }
    lp.has_basis = false;
    LpStatus::NumericalFailure
}

/// One attempt from the current basis; `None` asks for a retry from a slack basis.
fn run(lp: &mut DualSimplex, limits: &LpLimits, start: u64) -> Option<LpStatus> {
    if lp.factor.is_none() && !refactor(lp) {
        return None;
    }
    compute_values(lp);
    compute_duals(lp);
    for round in 0..3 {
        if !make_dual_feasible(lp) {
            match phase1(lp, limits, start) {
                Phase::Optimal => {}
                Phase::Limit(s) => return Some(s),
                Phase::Trouble => return None,
                Phase::Infeasible | Phase::Cutoff => return None,
            }
            if !make_dual_feasible(lp) {
                return Some(unbounded_or_infeasible(lp, limits, start));
            }
        }
        let cutoff = limits.objective_cutoff;
        match phase2(lp, limits, start, cutoff) {
            Phase::Optimal => {}
            Phase::Infeasible => {
                if lp.shifted {
                    // A shifted problem proves nothing: verify without shifts.
                    remove_shifts(lp);
                    continue;
                }
                return Some(LpStatus::Infeasible);
            }
            Phase::Cutoff => return Some(LpStatus::CutoffReached),
            Phase::Limit(s) => return Some(s),
            Phase::Trouble => return None,
        }
        if lp.shifted {
            remove_shifts(lp);
            if round < 2 {
                continue;
            }
        }
        // Final accuracy check from a fresh factorisation.
        if !refactor(lp) {
            return None;
        }
        compute_values(lp);
        compute_duals(lp);
        if !make_dual_feasible(lp) || max_primal_infeasibility(lp) > 10.0 * PRIMAL_TOL {
            if round < 2 {
                continue;
            }
            return None;
        }
        lp.store_results();
        return Some(LpStatus::Optimal);
    }
    None
}

/// Restores the unshifted costs and recomputes reduced costs.
fn remove_shifts(lp: &mut DualSimplex) {
    lp.work_cost.copy_from_slice(&lp.scaled_cost);
    lp.shifted = false;
    compute_duals(lp);
}

/// Factorises the current basis, replacing dependent columns by logicals.
fn refactor(lp: &mut DualSimplex) -> bool {
    let (n, m) = (lp.n, lp.m);
    for _ in 0..4 {
        let result = {
            let this = &*lp;
            BasisFactor::factorize(m, |p| this.column(this.basic[p]))
        };
        match result {
            Ok(f) => {
                lp.factor = Some(f);
                return true;
            }
            Err(singular) => {
                for (&p, &row) in singular.positions.iter().zip(&singular.rows) {
                    let old = lp.basic[p];
                    lp.state[old] = lp.nonbasic_default(old);
                    lp.basic[p] = n + row;
                    lp.state[n + row] = VarState::Basic;
                    lp.weights[p] = 1.0;
                }
                lp.values_stale = true;
            }
        }
    }
    false
}

/// Values of the basic variables from the nonbasic ones.
fn compute_values(lp: &mut DualSimplex) {
    let (n, m) = (lp.n, lp.m);
    let mut rhs = vec![0.0; m];
    for j in 0..n + m {
        if lp.state[j] == VarState::Basic {
            continue;
        }
        let v = lp.nonbasic_value(j);
        lp.x[j] = v;
        if v != 0.0 {
            for &(i, a) in lp.column(j) {
                rhs[i] -= a * v;
            }
        }
    }
    if let Some(f) = lp.factor.as_mut() {
        f.ftran(&mut rhs);
    }
    for p in 0..m {
        lp.x[lp.basic[p]] = rhs[p];
    }
    lp.values_stale = false;
}

/// Reduced costs of all variables from the basic costs.
fn compute_duals(lp: &mut DualSimplex) {
    let (n, m) = (lp.n, lp.m);
    let mut y: Vec<f64> = lp.basic.iter().map(|&j| lp.work_cost[j]).collect();
    if let Some(f) = lp.factor.as_mut() {
        f.btran(&mut y);
    }
    for j in 0..n {
        lp.d[j] = if lp.state[j] == VarState::Basic {
            0.0
        } else {
            lp.work_cost[j] - lp.a_cols[j].iter().map(|&(i, a)| a * y[i]).sum::<f64>()
        };
    }
    for i in 0..m {
        lp.d[n + i] = if lp.state[n + i] == VarState::Basic {
            0.0
        } else {
            lp.work_cost[n + i] + y[i]
        };
    }
}

/// Flips boxed nonbasic variables to the side their reduced cost asks for; returns
/// false when a variable with an infinite bound has the wrong sign.
fn make_dual_feasible(lp: &mut DualSimplex) -> bool {
    let total = lp.n + lp.m;
    let mut feasible = true;
    let mut flipped = false;
    for j in 0..total {
        let s = lp.state[j];
        if s == VarState::Basic || lp.lower[j] == lp.upper[j] {
            continue;
        }
        let dj = lp.d[j];
        let (lo, up) = (lp.lower[j].is_finite(), lp.upper[j].is_finite());
        match s {
            VarState::AtLower if dj < -DUAL_TOL => {
                if up {
                    lp.state[j] = VarState::AtUpper;
                    flipped = true;
                } else {
                    feasible = false;
                }
            }
            VarState::AtUpper if dj > DUAL_TOL => {
                if lo {
                    lp.state[j] = VarState::AtLower;
                    flipped = true;
                } else {
                    feasible = false;
                }
            }
            VarState::Free if dj.abs() > DUAL_TOL => feasible = false,
            _ => {}
        }
    }
    if flipped || lp.values_stale {
        compute_values(lp);
    }
    feasible
}

/// Dual phase 1: solves the auxiliary problem whose bounds are boxes in `[-1, 1]`;
/// afterwards the real bounds are back and nonbasic states follow the reduced costs.
fn phase1(lp: &mut DualSimplex, limits: &LpLimits, start: u64) -> Phase {
    let total = lp.n + lp.m;
    let saved_lower = lp.lower.clone();
    let saved_upper = lp.upper.clone();
    for j in 0..total {
        let (lo, up) = (saved_lower[j].is_finite(), saved_upper[j].is_finite());
        let (l, u) = match (lo, up) {
            (true, true) => (0.0, 0.0),
            (true, false) => (0.0, 1.0),
            (false, true) => (-1.0, 0.0),
            (false, false) => (-1.0, 1.0),
        };
        lp.lower[j] = l;
        lp.upper[j] = u;
        if lp.state[j] != VarState::Basic {
            lp.state[j] = if lp.d[j] >= 0.0 {
                VarState::AtLower
            } else {
                VarState::AtUpper
            };
        }
    }
    compute_values(lp);
    let result = phase2(lp, limits, start, f64::INFINITY);
    lp.lower = saved_lower;
    lp.upper = saved_upper;
    for j in 0..total {
        if lp.state[j] == VarState::Basic {
            continue;
        }
        let (lo, up) = (lp.lower[j].is_finite(), lp.upper[j].is_finite());
        lp.state[j] = match (lo, up) {
            (true, true) => {
                if lp.d[j] >= 0.0 {
                    VarState::AtLower
                } else {
                    VarState::AtUpper
                }
            }
            (true, false) => VarState::AtLower,
            (false, true) => VarState::AtUpper,
            (false, false) => VarState::Free,
        };
    }
    compute_values(lp);
    result
}

/// The LP has no dual feasible basis: it is unbounded if it is primal feasible and
/// infeasible otherwise. Decides by a phase 2 with zero costs.
fn unbounded_or_infeasible(lp: &mut DualSimplex, limits: &LpLimits, start: u64) -> LpStatus {
    let saved = lp.work_cost.clone();
    lp.work_cost.iter_mut().for_each(|c| *c = 0.0);
    compute_duals(lp);
    let status = match phase2(lp, limits, start, f64::INFINITY) {
        Phase::Optimal => LpStatus::Unbounded,
        Phase::Infeasible => LpStatus::Infeasible,
        Phase::Limit(s) => s,
        Phase::Cutoff | Phase::Trouble => LpStatus::NumericalFailure,
    };
    lp.work_cost = saved;
    lp.shifted = false;
    lp.has_basis = status != LpStatus::NumericalFailure;
    compute_duals(lp);
    status
}

fn infeasibility(lp: &DualSimplex, j: usize) -> f64 {
    let v = lp.x[j];
    let (l, u) = (lp.lower[j], lp.upper[j]);
    if v < l - PRIMAL_TOL * l.abs().max(1.0) {
        l - v
    } else if v > u + PRIMAL_TOL * u.abs().max(1.0) {
        v - u
    } else {
        0.0
    }
}

fn max_primal_infeasibility(lp: &DualSimplex) -> f64 {
    lp.basic
        .iter()
        .map(|&j| infeasibility(lp, j))
        .fold(0.0, f64::max)
}

/// Perturbs the costs of nonbasic variables in their dual feasible direction.
fn perturb(lp: &mut DualSimplex) {
    for j in 0..lp.n + lp.m {
        let s = lp.state[j];
        if s == VarState::Basic || lp.lower[j] == lp.upper[j] {
            continue;
        }
        let xi = PERTURBATION * (1.0 + lp.work_cost[j].abs()) * (0.5 + lp.random_unit());
        let delta = match s {
            VarState::AtLower => xi,
            VarState::AtUpper => -xi,
            _ => 0.0,
        };
        lp.work_cost[j] += delta;
        lp.d[j] += delta;
    }
    lp.shifted = true;
}

/// Dual simplex phase 2 from a dual feasible basis.
fn phase2(lp: &mut DualSimplex, limits: &LpLimits, start: u64, cutoff: f64) -> Phase {
    let (n, m) = (lp.n, lp.m);
    let total = n + m;
    let mut rho = vec![0.0; m];
    let mut alpha_dense = vec![0.0; n];
    let mut touched: Vec<usize> = Vec::new();
    let mut alpha_row: Vec<(usize, f64)> = Vec::new();
    let mut column = vec![0.0; m];
    let mut tau = vec![0.0; m];
    let mut stall = 0u32;
    let mut troubles = 0u32;
    let check_cutoff = cutoff.is_finite();
    loop {
        if lp.iterations - start >= limits.max_iterations {
            return Phase::Limit(LpStatus::IterationLimit);
        }
        if lp.iterations % 16 == 0 && limits.deadline.is_some_and(|d| Instant::now() >= d) {
            return Phase::Limit(LpStatus::TimeLimit);
        }
        if lp
            .factor
            .as_ref()
            .is_none_or(|f| f.num_updates() >= REFACTOR_INTERVAL)
        {
            if !refactor(lp) {
                return Phase::Trouble;
            }
            compute_values(lp);
            compute_duals(lp);
            make_dual_feasible(lp);
        }
        if check_cutoff && !lp.shifted {
            let objective: f64 = (0..total).map(|j| lp.work_cost[j] * lp.x[j]).sum();
            if objective >= cutoff {
                return Phase::Cutoff;
            }
        }
        // Pricing: dual steepest edge.
        let mut leave: Option<(usize, f64)> = None;
        for p in 0..m {
            let infeas = infeasibility(lp, lp.basic[p]);
            if infeas > 0.0 {
                let score = infeas * infeas / lp.weights[p].max(1e-12);
                if leave.is_none_or(|(_, s)| score > s) {
                    leave = Some((p, score));
                }
            }
        }
        let Some((r, _)) = leave else {
            return Phase::Optimal;
        };
        let leaving = lp.basic[r];
        let to_upper = lp.x[leaving] > lp.upper[leaving];
        let target = if to_upper {
            lp.upper[leaving]
        } else {
            lp.lower[leaving]
        };
        let direction = if to_upper { 1.0 } else { -1.0 };
        // Row r of B^-1 and the pivot row.
        rho.iter_mut().for_each(|v| *v = 0.0);
        rho[r] = 1.0;
        let Some(factor) = lp.factor.as_mut() else {
            return Phase::Trouble;
        };
        factor.btran(&mut rho);
        let weight_r: f64 = rho.iter().map(|v| v * v).sum();
        alpha_row.clear();
        for (i, &ri) in rho.iter().enumerate() {
            if ri == 0.0 {
                continue;
            }
            for &(j, a) in &lp.a_rows[i] {
                if alpha_dense[j] == 0.0 {
                    touched.push(j);
                }
                alpha_dense[j] += ri * a;
                if alpha_dense[j] == 0.0 {
                    alpha_dense[j] = f64::MIN_POSITIVE;
                }
            }
            if lp.state[n + i] != VarState::Basic {
                alpha_row.push((n + i, -ri));
            }
        }
        for &j in &touched {
            if lp.state[j] != VarState::Basic {
                alpha_row.push((j, alpha_dense[j]));
            }
            alpha_dense[j] = 0.0;
        }
        touched.clear();
        let oriented: Vec<(usize, f64)> =
            alpha_row.iter().map(|&(j, a)| (j, direction * a)).collect();
        let slope = (lp.x[leaving] - target).abs();
        let choice = ratio_test(&RatioInput {
            alpha: &oriented,
            d: &lp.d,
            state: &lp.state,
            lower: &lp.lower,
            upper: &lp.upper,
            slope,
            dual_tolerance: DUAL_TOL,
            primal_tolerance: PRIMAL_TOL,
        });
        let (q, flips) = match choice {
            RatioResult::Infeasible => return Phase::Infeasible,
            RatioResult::Enter { entering, flips } => (entering, flips),
        };
        let alpha_rq = alpha_row.iter().find(|e| e.0 == q).map_or(0.0, |e| e.1);
        // Entering column through the factor.
        column.iter_mut().for_each(|v| *v = 0.0);
        for &(i, a) in lp.column(q) {
            column[i] = a;
        }
        let Some(factor) = lp.factor.as_mut() else {
            return Phase::Trouble;
        };
        factor.ftran(&mut column);
        let pivot = column[r];
        if pivot.abs() < 1e-9 || (pivot - alpha_rq).abs() > 1e-6 * (1.0 + pivot.abs()) {
            troubles += 1;
            if troubles > 5 {
                return Phase::Trouble;
            }
            lp.factor = None;
            continue;
        }
        // Bound flips.
        if !flips.is_empty() {
            let mut delta = vec![0.0; m];
            for &j in &flips {
                let (old, new, state) = match lp.state[j] {
                    VarState::AtLower => (lp.lower[j], lp.upper[j], VarState::AtUpper),
                    _ => (lp.upper[j], lp.lower[j], VarState::AtLower),
                };
                lp.state[j] = state;
                lp.x[j] = new;
                for &(i, a) in lp.column(j) {
                    delta[i] -= a * (new - old);
                }
            }
            if let Some(factor) = lp.factor.as_mut() {
                factor.ftran(&mut delta);
            }
            for p in 0..m {
                lp.x[lp.basic[p]] += delta[p];
            }
        }
        // Primal step.
        let theta_p = (lp.x[leaving] - target) / pivot;
        for p in 0..m {
            if column[p] != 0.0 {
                lp.x[lp.basic[p]] -= theta_p * column[p];
            }
        }
        let entering_value = lp.x[q] + theta_p;
        // Dual step.
        let theta_d = lp.d[q] / alpha_rq;
        if theta_d == 0.0 {
            stall += 1;
        } else {
            stall = 0;
        }
        for &(j, a) in &alpha_row {
            lp.d[j] -= theta_d * a;
        }
        lp.d[q] = 0.0;
        lp.d[leaving] = -theta_d;
        // Dual steepest-edge weights.
        tau.copy_from_slice(&rho);
        if let Some(factor) = lp.factor.as_mut() {
            factor.ftran(&mut tau);
        }
        for p in 0..m {
            if p == r || column[p] == 0.0 {
                continue;
            }
            let ratio = column[p] / pivot;
            let w = lp.weights[p] - 2.0 * ratio * tau[p] + ratio * ratio * weight_r;
            lp.weights[p] = w.max(1e-4);
        }
        lp.weights[r] = (weight_r / (pivot * pivot)).max(1e-4);
        // Basis change.
        if let Some(factor) = lp.factor.as_mut() {
            factor.update(r, &column);
        }
        lp.basic[r] = q;
        lp.state[q] = VarState::Basic;
        lp.x[q] = entering_value;
        lp.state[leaving] = if to_upper {
            VarState::AtUpper
        } else {
            VarState::AtLower
        };
        lp.x[leaving] = target;
        lp.iterations += 1;
        if stall >= STALL_LIMIT && !lp.shifted {
            perturb(lp);
            stall = 0;
        }
    }
}
