//! What one run reported: its status, objective, bound, nodes and time, as read from
//! the solver's own output.

/// How one run ended, as read from the solver's own output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RunStatus {
    /// Optimal solution found and proven.
    Optimal,
    /// Proven infeasible.
    Infeasible,
    /// Proven unbounded.
    Unbounded,
    /// Stopped by a limit (time, solutions, gap) with a feasible solution.
    Feasible,
    /// Stopped by a limit (or killed at it) with neither a solution nor a proof.
    Timeout,
    /// Network instance: a counterexample exists.
    Sat,
    /// Network instance: no counterexample exists.
    Unsat,
    /// A crash, an explicit error or unknown answer, or output that could not be read.
    Error,
}

impl RunStatus {
    /// The name written in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            RunStatus::Optimal => "optimal",
            RunStatus::Infeasible => "infeasible",
            RunStatus::Unbounded => "unbounded",
            RunStatus::Feasible => "feasible",
            RunStatus::Timeout => "timeout",
            RunStatus::Sat => "sat",
            RunStatus::Unsat => "unsat",
            RunStatus::Error => "error",
        }
    }

    /// The status of a run stopped by a limit (time, solutions, gap):
    /// [`RunStatus::Feasible`] when it has a solution, else [`RunStatus::Timeout`].
    pub fn stopped(has_solution: bool) -> Self {
        if has_solution {
            RunStatus::Feasible
        } else {
            RunStatus::Timeout
        }
    }

    /// Whether the run decided its question (optimal, infeasible, unbounded, sat, unsat).
    pub fn is_decided(self) -> bool {
        matches!(
            self,
            RunStatus::Optimal
                | RunStatus::Infeasible
                | RunStatus::Unbounded
                | RunStatus::Sat
                | RunStatus::Unsat
        )
    }

    /// Whether the run reports a feasible point (for a verification MILP: a
    /// counterexample).
    pub fn has_solution(self) -> bool {
        matches!(
            self,
            RunStatus::Optimal | RunStatus::Feasible | RunStatus::Unbounded | RunStatus::Sat
        )
    }
}

/// What one run of one solver on one MILP (or one network instance) reported.
#[derive(Clone, Debug, PartialEq)]
pub struct RunResult {
    /// How the run ended.
    pub status: RunStatus,
    /// Objective of the best solution, in the model's sense.
    pub objective: Option<f64>,
    /// Best proven bound, in the model's sense.
    pub bound: Option<f64>,
    /// Branch-and-bound nodes.
    pub nodes: Option<u64>,
    /// Seconds as the solver reports them.
    pub time: Option<f64>,
    /// Why the run failed, or a note (killed, exit status).
    pub message: Option<String>,
}

impl RunResult {
    /// A result with only a status.
    pub fn with_status(status: RunStatus) -> Self {
        RunResult {
            status,
            objective: None,
            bound: None,
            nodes: None,
            time: None,
            message: None,
        }
    }

    /// An error result with a message.
    pub fn error(message: impl Into<String>) -> Self {
        RunResult {
            message: Some(message.into()),
            ..RunResult::with_status(RunStatus::Error)
        }
    }

    /// The result with what its status rules out dropped, as a peer's log is read: no
    /// objective without a solution (infeasible, unbounded, time-out), no bound for an
    /// infeasible or unbounded model, and the objective as the bound of an optimal run
    /// that printed none.
    pub fn normalised(self) -> Self {
        let objective = match self.status {
            RunStatus::Infeasible | RunStatus::Unbounded | RunStatus::Timeout => None,
            _ => self.objective,
        };
        let bound = match self.status {
            RunStatus::Optimal => self.bound.or(objective),
            RunStatus::Infeasible | RunStatus::Unbounded => None,
            _ => self.bound,
        };
        RunResult {
            objective,
            bound,
            ..self
        }
    }

    /// Combines the results of the cases of a network instance (each a verification
    /// MILP, feasible = counterexample), in the order they were run: any case with a
    /// feasible point makes the instance `sat`; all cases infeasible make it `unsat`
    /// (`total_cases` says how many there are, so a run cut short is not `unsat`);
    /// otherwise an error if any case failed, else a time-out. Nodes and times add up.
    pub fn combine_cases(cases: &[RunResult], total_cases: usize) -> RunResult {
        let sum_nodes = cases
            .iter()
            .filter_map(|c| c.nodes)
            .fold(None, |acc, n| Some(acc.unwrap_or(0) + n));
        let sum_time = cases
            .iter()
            .filter_map(|c| c.time)
            .fold(None, |acc: Option<f64>, t| Some(acc.unwrap_or(0.0) + t));
        let status = if cases.iter().any(|c| c.status.has_solution()) {
            RunStatus::Sat
        } else if cases.len() == total_cases
            && cases
                .iter()
                .all(|c| matches!(c.status, RunStatus::Infeasible | RunStatus::Unsat))
        {
            RunStatus::Unsat
        } else if cases.iter().any(|c| c.status == RunStatus::Error) {
            RunStatus::Error
        } else {
            RunStatus::Timeout
        };
        let message = cases
            .iter()
            .enumerate()
            .filter_map(|(k, c)| c.message.as_ref().map(|m| format!("case {k}: {m}")))
            .collect::<Vec<_>>();
        RunResult {
            status,
            objective: None,
            bound: None,
            nodes: sum_nodes,
            time: sum_time,
            message: (!message.is_empty()).then(|| message.join("; ")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(status: RunStatus, nodes: u64, time: f64) -> RunResult {
        RunResult {
            nodes: Some(nodes),
            time: Some(time),
            ..RunResult::with_status(status)
        }
    }

    #[test]
    fn what_a_status_rules_out_is_dropped() {
        assert_eq!(RunStatus::stopped(true), RunStatus::Feasible);
        assert_eq!(RunStatus::stopped(false), RunStatus::Timeout);
        let read = |status| {
            RunResult {
                objective: Some(3.0),
                ..RunResult::with_status(status)
            }
            .normalised()
        };
        let optimal = read(RunStatus::Optimal);
        assert_eq!((optimal.objective, optimal.bound), (Some(3.0), Some(3.0)));
        for status in [
            RunStatus::Infeasible,
            RunStatus::Unbounded,
            RunStatus::Timeout,
        ] {
            let r = read(status);
            assert_eq!((r.objective, r.bound), (None, None), "{status:?}");
        }
        let feasible = RunResult {
            bound: Some(2.0),
            ..read(RunStatus::Feasible)
        }
        .normalised();
        assert_eq!((feasible.objective, feasible.bound), (Some(3.0), Some(2.0)));
    }

    #[test]
    fn cases_combine_into_an_answer() {
        let inf = case(RunStatus::Infeasible, 3, 1.0);
        let feas = case(RunStatus::Feasible, 5, 2.0);
        let all_inf = RunResult::combine_cases(&[inf.clone(), inf.clone()], 2);
        assert_eq!(all_inf.status, RunStatus::Unsat);
        assert_eq!(all_inf.nodes, Some(6));
        assert_eq!(all_inf.time, Some(2.0));
        let sat = RunResult::combine_cases(&[inf.clone(), feas], 3);
        assert_eq!(sat.status, RunStatus::Sat);
        assert_eq!(sat.nodes, Some(8));
        // One case not run (the time ran out): not unsat.
        let short = RunResult::combine_cases(std::slice::from_ref(&inf), 2);
        assert_eq!(short.status, RunStatus::Timeout);
        let failed = RunResult::combine_cases(&[inf, RunResult::error("crashed")], 2);
        assert_eq!(failed.status, RunStatus::Error);
        assert_eq!(failed.message.as_deref(), Some("case 1: crashed"));
    }
}
