//! Re-checking a solution against the original model.

use super::Model;
use serde::Serialize;

/// Tolerances used to accept a solution.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Tolerances {
    /// Largest accepted violation of a row or bound, relative to `max(1, |side|)`.
    pub feasibility: f64,
    /// Largest accepted distance of an integer variable to the nearest integer.
    pub integrality: f64,
}

impl Default for Tolerances {
    fn default() -> Self {
        Tolerances {
            feasibility: 1e-6,
            integrality: 1e-6,
        }
    }
}

/// The result of checking a point against a model.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SolutionCheck {
    /// Largest scaled violation of a variable bound.
    pub max_bound_violation: f64,
    /// Largest scaled violation of a row.
    pub max_row_violation: f64,
    /// Largest distance of an integer variable to an integer.
    pub max_integrality_violation: f64,
    /// The objective recomputed from the point, in the model's sense.
    pub objective: f64,
    /// Human-readable description of the worst violation, if any exceeds tolerance.
    pub worst: Option<String>,
}

impl SolutionCheck {
    /// True when every violation is within the tolerances.
    pub fn is_feasible(&self) -> bool {
        self.worst.is_none()
    }
}

fn scaled_violation(value: f64, lower: f64, upper: f64) -> f64 {
    let below = if lower.is_finite() {
        (lower - value) / lower.abs().max(1.0)
    } else {
        0.0
    };
    let above = if upper.is_finite() {
        (value - upper) / upper.abs().max(1.0)
    } else {
        0.0
    };
    below.max(above).max(0.0)
}

/// Checks `x` against every bound, row and integrality requirement of `model`.
pub fn check_solution(model: &Model, x: &[f64], tol: &Tolerances) -> SolutionCheck {
    let mut check = SolutionCheck {
        max_bound_violation: 0.0,
        max_row_violation: 0.0,
        max_integrality_violation: 0.0,
        objective: f64::NAN,
        worst: None,
    };
    if x.len() != model.num_cols() {
        check.worst = Some(format!(
            "solution has {} values but the model has {} columns",
            x.len(),
            model.num_cols()
        ));
        return check;
    }
    let mut worst_excess = 0.0;
    let mut note = |excess: f64, what: String, worst: &mut Option<String>| {
        if excess > worst_excess {
            worst_excess = excess;
            *worst = Some(what);
        }
    };
    for (v, &xj) in model.variables.iter().zip(x) {
        if !xj.is_finite() {
            note(
                f64::INFINITY,
                format!("variable {} is {}", v.name, xj),
                &mut check.worst,
            );
            continue;
        }
        let viol = scaled_violation(xj, v.lower, v.upper);
        check.max_bound_violation = check.max_bound_violation.max(viol);
        if viol > tol.feasibility {
            note(
                viol / tol.feasibility,
                format!(
                    "variable {} = {} outside [{}, {}]",
                    v.name, xj, v.lower, v.upper
                ),
                &mut check.worst,
            );
        }
        if v.kind.is_integral() {
            let frac = (xj - xj.round()).abs();
            check.max_integrality_violation = check.max_integrality_violation.max(frac);
            if frac > tol.integrality {
                note(
                    frac / tol.integrality,
                    format!("integer variable {} = {} is fractional", v.name, xj),
                    &mut check.worst,
                );
            }
        }
    }
    for row in &model.rows {
        let activity = row.activity(x);
        let viol = scaled_violation(activity, row.lower, row.upper);
        check.max_row_violation = check.max_row_violation.max(viol);
        if viol > tol.feasibility {
            note(
                viol / tol.feasibility,
                format!(
                    "row {}: activity {} outside [{}, {}]",
                    row.name, activity, row.lower, row.upper
                ),
                &mut check.worst,
            );
        }
    }
    check.objective = model.objective_value(x);
    check
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::VarKind;

    #[test]
    fn detects_row_bound_and_integrality_violations() {
        let mut m = Model::new("t");
        let x = m.add_variable("x", VarKind::Integer, 0.0, 10.0, 1.0);
        let y = m.add_variable("y", VarKind::Continuous, 0.0, 1.0, 2.0);
        m.add_row("c", f64::NEG_INFINITY, 4.0, &[(x, 1.0), (y, 1.0)]);
        let tol = Tolerances::default();
        let ok = check_solution(&m, &[3.0, 1.0], &tol);
        assert!(ok.is_feasible());
        assert_eq!(ok.objective, 5.0);
        assert!(!check_solution(&m, &[3.5, 0.0], &tol).is_feasible());
        assert!(!check_solution(&m, &[4.0, 0.5], &tol).is_feasible());
        assert!(!check_solution(&m, &[0.0, 1.5], &tol).is_feasible());
        assert!(!check_solution(&m, &[0.0], &tol).is_feasible());
    }
}
