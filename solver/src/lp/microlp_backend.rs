//! [`LpEngine`] backed by the `microlp` crate.
//!
//! microlp's public API solves a problem built from scratch and can edit a solved
//! problem only by fixing or unfixing a variable or adding a row. This backend keeps
//! the last solution and re-solves warm when the change since then is a few fixings or
//! unfixings; any other change (a general bound change, a removed row) rebuilds the
//! problem and solves cold. It exposes no duals, reduced costs or basis. A panic
//! inside microlp is caught and reported as [`LpStatus::NumericalFailure`].

use super::{Basis, LpEngine, LpLimits, LpProblem, LpRow, LpStatus};
use microlp::{
    ComparisonOp, OptimizationDirection, Problem, Solution, SolveOptions, SolveOutcome, Variable,
};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::Instant;

/// Most fix/unfix edits applied warm before rebuilding instead.
const MAX_WARM_EDITS: usize = 4;

/// The microlp-backed engine.
pub struct MicroLp {
    problem: LpProblem,
    /// Last solution and the column bounds it was solved with.
    cached: Option<(Solution, Vec<(f64, f64)>)>,
    /// Bounds the cached solution's problem was built with (before fixings).
    built_bounds: Vec<(f64, f64)>,
    /// Number of rows the cached solution's problem was built with.
    built_rows: usize,
    /// microlp's handles of the columns, from the last build.
    vars: Vec<Variable>,
    values: Vec<f64>,
    objective: f64,
    iterations: u64,
}

impl MicroLp {
    /// Creates the engine for `problem`.
    pub fn new(problem: &LpProblem) -> Self {
        MicroLp {
            problem: problem.clone(),
            cached: None,
            built_bounds: Vec::new(),
            built_rows: 0,
            vars: Vec::new(),
            values: vec![0.0; problem.num_cols()],
            objective: f64::NAN,
            iterations: 0,
        }
    }

    fn current_bounds(&self) -> Vec<(f64, f64)> {
        self.problem
            .col_lower
            .iter()
            .zip(&self.problem.col_upper)
            .map(|(&l, &u)| (l, u))
            .collect()
    }

    fn options(limits: &LpLimits) -> SolveOptions {
        let mut options = SolveOptions::default();
        if let Some(deadline) = limits.deadline {
            options.time_limit = Some(deadline.saturating_duration_since(Instant::now()));
        }
        options
    }

    fn build(&mut self, limits: &LpLimits) -> Result<SolveOutcome, microlp::Error> {
        let mut problem = Problem::new(OptimizationDirection::Minimize);
        let vars: Vec<Variable> = (0..self.problem.num_cols())
            .map(|j| {
                problem.add_var(
                    self.problem.costs[j],
                    (self.problem.col_lower[j], self.problem.col_upper[j]),
                )
            })
            .collect();
        for row in &self.problem.rows {
            add_row(&mut problem, &vars, row);
        }
        self.vars = vars;
        problem.solve_with(Self::options(limits))
    }

    /// Applies fix/unfix edits to the cached solution when that is possible.
    fn warm(&mut self) -> Option<Result<SolveOutcome, microlp::Error>> {
        if self.built_rows != self.problem.num_rows() {
            return None;
        }
        let (solution, solved_bounds) = self.cached.take()?;
        let target = self.current_bounds();
        // Relax first (unfix every column that moves away from a fixed value), then
        // fix: every intermediate problem then contains the final one, so an
        // infeasible intermediate step proves the final problem infeasible.
        let mut unfixes = Vec::new();
        let mut fixes = Vec::new();
        for (j, (&now, &before)) in target.iter().zip(&solved_bounds).enumerate() {
            if now == before {
                continue;
            }
            let built = self.built_bounds[j];
            if now != built && !(now.0 == now.1 && now.0 >= built.0 && now.0 <= built.1) {
                return None;
            }
            if before != built {
                unfixes.push((j, None));
            }
            if now != built {
                fixes.push((j, Some(now.0)));
            }
        }
        let edits: Vec<(usize, Option<f64>)> = unfixes.into_iter().chain(fixes).collect();
        if edits.len() > MAX_WARM_EDITS {
            return None;
        }
        let mut outcome = SolveOutcome::Solution(solution);
        for (j, fix) in edits {
            let solution = match outcome {
                SolveOutcome::Solution(s) => s,
                interrupted => return Some(Ok(interrupted)),
            };
            let next = match fix {
                Some(value) => solution.fix_var(self.vars[j], value),
                None => solution.unfix_var(self.vars[j]).map(|(o, _)| o),
            };
            match next {
                Ok(o) => outcome = o,
                Err(e) => return Some(Err(e)),
            }
        }
        Some(Ok(outcome))
    }
}

fn add_row(problem: &mut Problem, vars: &[Variable], row: &LpRow) {
    let expr: Vec<(Variable, f64)> = row.entries.iter().map(|&(j, a)| (vars[j], a)).collect();
    if row.lower == row.upper {
        problem.add_constraint(expr.as_slice(), ComparisonOp::Eq, row.lower);
        return;
    }
    if row.lower.is_finite() {
        problem.add_constraint(expr.as_slice(), ComparisonOp::Ge, row.lower);
    }
    if row.upper.is_finite() {
        problem.add_constraint(expr.as_slice(), ComparisonOp::Le, row.upper);
    }
}

impl LpEngine for MicroLp {
    fn name(&self) -> &'static str {
        "microlp"
    }

    fn num_cols(&self) -> usize {
        self.problem.num_cols()
    }

    fn num_rows(&self) -> usize {
        self.problem.num_rows()
    }

    fn col_bounds(&self, col: usize) -> (f64, f64) {
        (self.problem.col_lower[col], self.problem.col_upper[col])
    }

    fn set_col_bounds(&mut self, col: usize, lower: f64, upper: f64) {
        self.problem.col_lower[col] = lower;
        self.problem.col_upper[col] = upper;
    }

    fn set_objective(&mut self, costs: &[f64]) {
        assert_eq!(
            costs.len(),
            self.problem.num_cols(),
            "objective has the wrong length"
        );
        self.problem.costs.copy_from_slice(costs);
        // microlp cannot change the objective of a solved problem: rebuild.
        self.cached = None;
    }

    fn add_rows(&mut self, rows: &[LpRow]) -> usize {
        let first = self.problem.num_rows();
        self.problem.rows.extend_from_slice(rows);
        first
    }

    fn remove_rows(&mut self, rows: &[usize]) {
        let mut remove = vec![false; self.problem.num_rows()];
        for &r in rows {
            remove[r] = true;
        }
        let mut index = 0;
        self.problem.rows.retain(|_| {
            let keep = !remove[index];
            index += 1;
            keep
        });
        self.cached = None;
    }

    fn solve(&mut self, limits: &LpLimits) -> LpStatus {
        if self
            .problem
            .col_lower
            .iter()
            .zip(&self.problem.col_upper)
            .any(|(l, u)| l > u)
        {
            self.cached = None;
            return LpStatus::Infeasible;
        }
        let result = catch_unwind(AssertUnwindSafe(|| {
            if let Some(warm) = self.warm() {
                return (warm, false);
            }
            (self.build(limits), true)
        }));
        let (outcome, rebuilt) = match result {
            Ok(r) => r,
            Err(_) => {
                self.cached = None;
                return LpStatus::NumericalFailure;
            }
        };
        if rebuilt {
            self.built_bounds = self.current_bounds();
            self.built_rows = self.problem.num_rows();
        }
        match outcome {
            Ok(SolveOutcome::Solution(solution)) => {
                self.iterations += solution.stats().lp_iterations;
                for (value, &var) in self.values.iter_mut().zip(&self.vars) {
                    *value = solution.var_value(var);
                }
                self.objective = solution.objective();
                self.cached = Some((solution, self.current_bounds()));
                LpStatus::Optimal
            }
            Ok(SolveOutcome::Interrupted(_)) => {
                self.cached = None;
                LpStatus::TimeLimit
            }
            Err(microlp::Error::Infeasible) => {
                self.cached = None;
                LpStatus::Infeasible
            }
            Err(microlp::Error::Unbounded) => {
                self.cached = None;
                LpStatus::Unbounded
            }
            Err(_) => {
                self.cached = None;
                LpStatus::NumericalFailure
            }
        }
    }

    fn reset_basis(&mut self) {
        self.cached = None;
    }

    fn objective(&self) -> f64 {
        self.objective
    }

    fn primal(&self) -> &[f64] {
        &self.values
    }

    fn row_duals(&self) -> Option<&[f64]> {
        None
    }

    fn reduced_costs(&self) -> Option<&[f64]> {
        None
    }

    fn iterations(&self) -> u64 {
        self.iterations
    }

    fn basis(&self) -> Option<Basis> {
        None
    }

    fn set_basis(&mut self, _basis: &Basis) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small() -> LpProblem {
        // min -x - y  s.t. x + 2y <= 4, 3x + y <= 6, 0 <= x, y <= 10
        LpProblem {
            costs: vec![-1.0, -1.0],
            col_lower: vec![0.0, 0.0],
            col_upper: vec![10.0, 10.0],
            rows: vec![
                LpRow {
                    entries: vec![(0, 1.0), (1, 2.0)],
                    lower: f64::NEG_INFINITY,
                    upper: 4.0,
                },
                LpRow {
                    entries: vec![(0, 3.0), (1, 1.0)],
                    lower: f64::NEG_INFINITY,
                    upper: 6.0,
                },
            ],
        }
    }

    #[test]
    fn solves_fixes_and_detects_infeasibility() {
        let mut lp = MicroLp::new(&small());
        assert_eq!(lp.solve(&LpLimits::default()), LpStatus::Optimal);
        assert!((lp.objective() + 2.8).abs() < 1e-9);
        lp.set_col_bounds(0, 1.0, 1.0);
        assert_eq!(lp.solve(&LpLimits::default()), LpStatus::Optimal);
        assert!((lp.objective() + 2.5).abs() < 1e-9);
        lp.set_col_bounds(1, 5.0, 10.0);
        assert_eq!(lp.solve(&LpLimits::default()), LpStatus::Infeasible);
        lp.set_col_bounds(1, 0.0, 10.0);
        lp.set_col_bounds(0, 0.0, 10.0);
        assert_eq!(lp.solve(&LpLimits::default()), LpStatus::Optimal);
        assert!((lp.objective() + 2.8).abs() < 1e-9);
    }
}
