//! Cross-checks: every answer against the known one and against every other run on
//! the same instance. A disagreement is listed, never averaged away.
//!
//! Objectives agree when they differ by at most [`OBJECTIVE_TOLERANCE`] times
//! `max(1, |value|)` (every solver stops at a relative gap of 1e-6, so an "optimal"
//! objective may be that far from the optimum).

use crate::suite::Expected;
use crate::{RunResult, RunStatus};

/// Relative tolerance of objective comparisons.
pub const OBJECTIVE_TOLERANCE: f64 = 1e-5;

/// The tolerance of a comparison with `value`.
pub fn tolerance(value: f64) -> f64 {
    OBJECTIVE_TOLERANCE * value.abs().max(1.0)
}

/// The result of comparing a run with the known answer.
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    /// The run decided the instance and agrees with the known answer.
    Correct,
    /// The run contradicts the known answer (the message says how).
    Wrong(String),
    /// Nothing to compare: no known answer, or the run decided nothing and claimed
    /// nothing that contradicts it.
    Unchecked,
}

impl Verdict {
    /// `ok`, `wrong` or `-` for reports.
    pub fn as_str(&self) -> &'static str {
        match self {
            Verdict::Correct => "ok",
            Verdict::Wrong(_) => "wrong",
            Verdict::Unchecked => "-",
        }
    }
}

/// `value` is better than `reference` by more than the tolerance (in the sense given).
fn better(value: f64, reference: f64, maximize: bool) -> bool {
    let sign = if maximize { -1.0 } else { 1.0 };
    sign * value < sign * reference - tolerance(reference)
}

/// Compares one run with the known answer. `maximize` is the model's sense.
pub fn verdict(result: &RunResult, expected: &Expected, maximize: bool) -> Verdict {
    use RunStatus as S;
    let status = result.status;
    let wrong = |m: String| Verdict::Wrong(m);
    match *expected {
        Expected::Optimal(v) | Expected::Best(v) => {
            let proven = matches!(expected, Expected::Optimal(_));
            match status {
                S::Infeasible => return wrong(format!("infeasible, but {} is known", v)),
                S::Unbounded => return wrong(format!("unbounded, but the optimum is {v}")),
                _ => {}
            }
            if let Some(o) = result.objective {
                if better(o, v, maximize) && proven {
                    return wrong(format!("solution {o} is better than the optimum {v}"));
                }
                if status == S::Optimal && better(v, o, maximize) {
                    return wrong(format!("claims optimum {o}, but {v} is known"));
                }
            }
            if let Some(b) = result.bound {
                if better(v, b, maximize) {
                    return wrong(format!("bound {b} cuts off the known solution {v}"));
                }
            }
            if status == S::Optimal && proven {
                Verdict::Correct
            } else {
                Verdict::Unchecked
            }
        }
        Expected::Infeasible => match status {
            S::Infeasible => Verdict::Correct,
            s if s.has_solution() => wrong(format!(
                "reports a solution ({}), but the instance is infeasible",
                s.as_str()
            )),
            _ => Verdict::Unchecked,
        },
        Expected::Sat => match status {
            S::Sat => Verdict::Correct,
            S::Unsat => wrong("unsat, but a counterexample is known (sat)".into()),
            _ => Verdict::Unchecked,
        },
        Expected::Unsat => match status {
            S::Unsat => Verdict::Correct,
            S::Sat => wrong("sat, but the property is known to hold (unsat)".into()),
            _ => Verdict::Unchecked,
        },
        Expected::Unknown => Verdict::Unchecked,
    }
}

/// One run as the cross-check sees it.
#[derive(Clone, Copy, Debug)]
pub struct Claim<'a> {
    /// Solver name.
    pub solver: &'a str,
    /// Repeat number (0-based).
    pub repeat: usize,
    /// What it reported.
    pub result: &'a RunResult,
}

/// Two runs on one instance that cannot both be right.
#[derive(Clone, Debug, PartialEq)]
pub struct Disagreement {
    /// The instance.
    pub instance: String,
    /// `solver#repeat` of the first run.
    pub first: String,
    /// `solver#repeat` of the second run.
    pub second: String,
    /// What contradicts what.
    pub what: String,
}

fn label(c: &Claim<'_>) -> String {
    format!("{} (run {})", c.solver, c.repeat + 1)
}

fn describe(r: &RunResult) -> String {
    match r.objective {
        Some(o) => format!("{} {o}", r.status.as_str()),
        None => r.status.as_str().to_string(),
    }
}

/// Why what `a` proved (infeasibility, unsat, a bound, an optimum) contradicts what
/// `b` found (a solution, a counterexample), if it does.
fn contradiction(a: &RunResult, b: &RunResult, maximize: bool) -> Option<String> {
    use RunStatus as S;
    match (a.status, b.status) {
        (S::Unsat, S::Sat) => return Some("unsat against sat".into()),
        (S::Infeasible, s) if s.has_solution() && s != S::Sat => {
            return Some("proven infeasible, but the other found a solution".into())
        }
        (S::Infeasible | S::Optimal, S::Unbounded) => {
            return Some("a finite answer against unbounded".into())
        }
        _ => {}
    }
    let proven = match a.status {
        S::Optimal => a.objective.or(a.bound),
        _ => a.bound,
    }?;
    let found = b.objective?;
    better(found, proven, maximize).then(|| {
        let what = if a.status == S::Optimal {
            "optimum"
        } else {
            "proven bound"
        };
        format!("{what} {proven} cuts off the other's solution {found}")
    })
}

/// Every pair of runs on `instance` that contradict each other (runs of the same
/// solver included).
pub fn disagreements(instance: &str, claims: &[Claim<'_>], maximize: bool) -> Vec<Disagreement> {
    let mut found = Vec::new();
    for (i, a) in claims.iter().enumerate() {
        for b in &claims[i + 1..] {
            let why = contradiction(a.result, b.result, maximize)
                .map(|w| (w, a, b))
                .or_else(|| contradiction(b.result, a.result, maximize).map(|w| (w, b, a)));
            if let Some((what, x, y)) = why {
                found.push(Disagreement {
                    instance: instance.to_string(),
                    first: label(x),
                    second: label(y),
                    what: format!(
                        "{what} ({}: {}; {}: {})",
                        label(x),
                        describe(x.result),
                        label(y),
                        describe(y.result)
                    ),
                });
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(status: RunStatus, objective: Option<f64>, bound: Option<f64>) -> RunResult {
        RunResult {
            objective,
            bound,
            ..RunResult::with_status(status)
        }
    }

    #[test]
    fn verdicts_against_known_answers() {
        use RunStatus as S;
        let opt = Expected::Optimal(100.0);
        assert_eq!(
            verdict(
                &run(S::Optimal, Some(100.0000001), Some(100.0)),
                &opt,
                false
            ),
            Verdict::Correct
        );
        assert!(matches!(
            verdict(&run(S::Optimal, Some(101.0), Some(101.0)), &opt, false),
            Verdict::Wrong(_)
        ));
        assert!(matches!(
            verdict(&run(S::Infeasible, None, None), &opt, false),
            Verdict::Wrong(_)
        ));
        // A time-out is unchecked unless its solution or bound contradicts the optimum.
        assert_eq!(
            verdict(&run(S::Feasible, Some(120.0), Some(90.0)), &opt, false),
            Verdict::Unchecked
        );
        assert!(matches!(
            verdict(&run(S::Feasible, Some(99.0), None), &opt, false),
            Verdict::Wrong(_)
        ));
        assert!(matches!(
            verdict(&run(S::Timeout, None, Some(100.5)), &opt, false),
            Verdict::Wrong(_)
        ));
        // Maximisation flips every comparison.
        assert!(matches!(
            verdict(&run(S::Feasible, Some(101.0), None), &opt, true),
            Verdict::Wrong(_)
        ));
        assert_eq!(
            verdict(&run(S::Timeout, None, Some(100.5)), &opt, true),
            Verdict::Unchecked
        );
        let inf = Expected::Infeasible;
        assert_eq!(
            verdict(&run(S::Infeasible, None, None), &inf, false),
            Verdict::Correct
        );
        assert!(matches!(
            verdict(&run(S::Feasible, Some(1.0), None), &inf, false),
            Verdict::Wrong(_)
        ));
        assert_eq!(
            verdict(&run(S::Sat, None, None), &Expected::Sat, false),
            Verdict::Correct
        );
        assert!(matches!(
            verdict(&run(S::Sat, None, None), &Expected::Unsat, false),
            Verdict::Wrong(_)
        ));
        assert_eq!(
            verdict(&run(S::Timeout, None, None), &Expected::Unsat, false),
            Verdict::Unchecked
        );
        assert_eq!(
            verdict(&run(S::Optimal, Some(5.0), None), &Expected::Unknown, false),
            Verdict::Unchecked
        );
    }

    #[test]
    fn a_disagreement_is_flagged() {
        use RunStatus as S;
        let a = run(S::Optimal, Some(10.0), Some(10.0));
        let b = run(S::Optimal, Some(12.0), Some(12.0));
        let c = run(S::Feasible, Some(10.0), Some(8.0));
        let claims = [
            Claim {
                solver: "relumip",
                repeat: 0,
                result: &a,
            },
            Claim {
                solver: "highs",
                repeat: 0,
                result: &b,
            },
            Claim {
                solver: "cbc",
                repeat: 0,
                result: &c,
            },
        ];
        let found = disagreements("p", &claims, false);
        // relumip and cbc agree (10 within 10's bounds); highs's optimum 12 is beaten by
        // both solutions of 10.
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found.iter().all(|d| d.first.starts_with("highs")));
        assert!(
            found[0].what.contains("optimum 12 cuts off"),
            "{}",
            found[0].what
        );
        let sat = run(S::Sat, None, None);
        let unsat = run(S::Unsat, None, None);
        let claims = [
            Claim {
                solver: "relumip",
                repeat: 0,
                result: &sat,
            },
            Claim {
                solver: "relumip",
                repeat: 1,
                result: &unsat,
            },
        ];
        let found = disagreements("n", &claims, false);
        assert_eq!(found.len(), 1);
        assert!(found[0].what.starts_with("unsat against sat"));
        assert!(found[0].first.starts_with("relumip (run 2)"));
        let agree = [
            Claim {
                solver: "relumip",
                repeat: 0,
                result: &a,
            },
            Claim {
                solver: "cbc",
                repeat: 0,
                result: &c,
            },
        ];
        assert!(disagreements("p", &agree, false).is_empty());
    }
}
