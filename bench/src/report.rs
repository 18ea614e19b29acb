//! Reports of a benchmark: `results.csv` (one row per instance, solver and repeat) and
//! `summary.md` (disagreements first, then the per-solver summary and the
//! per-instance table).

use crate::check::{Disagreement, Verdict};
use crate::stats::{aggregate, Outcome, SolverSummary, Table, NODE_SHIFT, TIME_SHIFT};
use crate::suite::Expected;
use crate::{RunResult, RunStatus};

/// One run of one solver on one instance.
#[derive(Clone, Debug, PartialEq)]
pub struct RunRecord {
    /// Instance name.
    pub instance: String,
    /// Solver name.
    pub solver: String,
    /// Repeat number (0-based).
    pub repeat: usize,
    /// What the solver reported (combined over the cases of a network instance).
    pub result: RunResult,
    /// Wall-clock seconds of the subprocess(es).
    pub wall: f64,
    /// The instance's time limit in seconds.
    pub time_limit: f64,
    /// The known answer.
    pub expected: Expected,
    /// The comparison with the known answer.
    pub verdict: Verdict,
    /// The log file(s), relative to the output folder.
    pub log: String,
}

impl RunRecord {
    /// The run as the statistics count it.
    pub fn outcome(&self) -> Outcome {
        let wrong = matches!(self.verdict, Verdict::Wrong(_));
        Outcome {
            solved: self.result.status.is_decided() && !wrong,
            wrong,
            error: self.result.status == RunStatus::Error,
            time: self.result.time.unwrap_or(self.wall),
            nodes: self.result.nodes,
        }
    }
}

/// A number for a report: up to 6 decimals, trailing zeros dropped.
pub fn fmt_num(v: f64) -> String {
    if !v.is_finite() {
        return format!("{v}");
    }
    if v != 0.0 && (v.abs() >= 1e12 || v.abs() < 1e-4) {
        return format!("{v:.6e}");
    }
    let s = format!("{v:.6}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.to_string()
    }
}

/// A command line for the summary: the words joined by spaces, those with a space or
/// a shell metacharacter in single quotes.
pub fn command_line(words: &[String]) -> String {
    words
        .iter()
        .map(|a| {
            if a.contains([' ', '|', '(', ')', '*', '$', '[']) {
                format!("'{a}'")
            } else {
                a.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|x| x.to_string()).unwrap_or_default()
}

/// The header of `results.csv`.
pub const CSV_HEADER: &str =
    "instance,solver,repeat,status,objective,bound,nodes,time,wall_time,time_limit,expected,check,message,log";

/// `results.csv`: one row per run, full-precision numbers, empty fields for unknown
/// values.
pub fn results_csv(records: &[RunRecord]) -> String {
    let mut out = String::from(CSV_HEADER);
    out.push('\n');
    for r in records {
        let message = match &r.verdict {
            Verdict::Wrong(why) => match &r.result.message {
                Some(m) => format!("{why}; {m}"),
                None => why.clone(),
            },
            _ => r.result.message.clone().unwrap_or_default(),
        };
        let row = [
            csv_field(&r.instance),
            csv_field(&r.solver),
            (r.repeat + 1).to_string(),
            r.result.status.as_str().to_string(),
            opt(r.result.objective),
            opt(r.result.bound),
            opt(r.result.nodes),
            opt(r.result.time),
            format!("{:.3}", r.wall),
            r.time_limit.to_string(),
            csv_field(&r.expected.describe()),
            r.verdict.as_str().to_string(),
            csv_field(&message),
            csv_field(&r.log),
        ];
        out.push_str(&row.join(","));
        out.push('\n');
    }
    out
}

/// Aggregates the records into a table over `instances` x `solvers` (repeats by
/// median, see [`aggregate`]).
pub fn build_table(records: &[RunRecord], instances: &[String], solvers: &[String]) -> Table {
    let cells = instances
        .iter()
        .map(|inst| {
            solvers
                .iter()
                .map(|solver| {
                    let runs: Vec<&RunRecord> = records
                        .iter()
                        .filter(|r| &r.instance == inst && &r.solver == solver)
                        .collect();
                    let limit = runs.first().map_or(0.0, |r| r.time_limit);
                    let outcomes: Vec<Outcome> = runs.iter().map(|r| r.outcome()).collect();
                    aggregate(&outcomes, limit)
                })
                .collect()
        })
        .collect();
    Table {
        instances: instances.to_vec(),
        solvers: solvers.to_vec(),
        cells,
    }
}

/// What the summary says about the run itself.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReportMeta {
    /// Suite name and path.
    pub suite: String,
    /// The command line.
    pub command: String,
    /// Date of the run.
    pub date: String,
    /// The machine.
    pub machine: String,
    /// Each solver with its version line.
    pub solvers: Vec<(String, String)>,
    /// Solvers asked for but not run, with the reason.
    pub skipped: Vec<String>,
    /// Further notes (time limits, threads, formulation).
    pub notes: Vec<String>,
    /// The solver that ratios are taken to.
    pub reference: String,
}

fn cell_text(v: Option<f64>, digits: usize) -> String {
    v.map_or("-".into(), |x| format!("{x:.digits$}"))
}

/// `summary.md`.
pub fn summary_markdown(
    meta: &ReportMeta,
    records: &[RunRecord],
    table: &Table,
    summaries: &[SolverSummary],
    disagreements: &[Disagreement],
) -> String {
    let mut md = format!("# Benchmark: {}\n\n", meta.suite);
    md.push_str(&format!("- Command: `{}`\n", meta.command));
    if !meta.date.is_empty() {
        md.push_str(&format!("- Date: {}\n", meta.date));
    }
    if !meta.machine.is_empty() {
        md.push_str(&format!("- Machine: {}\n", meta.machine));
    }
    for (name, version) in &meta.solvers {
        md.push_str(&format!("- `{name}`: {version}\n"));
    }
    for s in &meta.skipped {
        md.push_str(&format!("- Not run: {s}\n"));
    }
    for n in &meta.notes {
        md.push_str(&format!("- {n}\n"));
    }
    let wrong: Vec<&RunRecord> = records
        .iter()
        .filter(|r| matches!(r.verdict, Verdict::Wrong(_)))
        .collect();
    md.push_str("\n## Disagreements\n\n");
    if wrong.is_empty() && disagreements.is_empty() {
        md.push_str("None: every answer agrees with the known answers and with every other run.\n");
    } else {
        for r in &wrong {
            if let Verdict::Wrong(why) = &r.verdict {
                md.push_str(&format!(
                    "- **wrong** `{}`: {} (run {}): {} (known: {})\n",
                    r.instance,
                    r.solver,
                    r.repeat + 1,
                    why,
                    r.expected.describe()
                ));
            }
        }
        for d in disagreements {
            md.push_str(&format!("- **disagree** `{}`: {}\n", d.instance, d.what));
        }
    }
    let common = table.solved_by_all().len();
    md.push_str(&format!(
        "\n## Summary\n\n{} instances; {} solved by every solver. Times in seconds: shifted geometric means (shift {TIME_SHIFT} s; nodes shift {NODE_SHIFT}); an unsolved instance counts at its time limit. Ratios are to {}.\n\n",
        table.instances.len(),
        common,
        meta.reference
    ));
    md.push_str("| solver | solved | wrong | time-outs | errors | time (all) | nodes (all) | time (solved by all) | nodes (solved by all) | wins | time ratio (all) | time ratio (solved by all) |\n");
    md.push_str("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for s in summaries {
        md.push_str(&format!(
            "| {} | {}/{} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |\n",
            s.solver,
            s.solved,
            s.instances,
            s.wrong,
            s.timeouts,
            s.errors,
            cell_text(s.time_all, 2),
            cell_text(s.nodes_all, 0),
            cell_text(s.time_common, 2),
            cell_text(s.nodes_common, 0),
            s.wins,
            cell_text(s.ratio_all, 2),
            cell_text(s.ratio_common, 2),
        ));
    }
    md.push_str("\n## Per instance\n\nStatus of the first run (objective when optimal), median time over the runs, nodes; `!` marks a wrong answer.\n\n| instance | known |");
    for s in &table.solvers {
        md.push_str(&format!(" {s} | time | nodes |"));
    }
    md.push_str("\n|---|---|");
    for _ in &table.solvers {
        md.push_str("---|---|---|");
    }
    md.push('\n');
    for (p, inst) in table.instances.iter().enumerate() {
        let expected = records
            .iter()
            .find(|r| &r.instance == inst)
            .map_or("-".into(), |r| r.expected.describe());
        md.push_str(&format!("| {inst} | {expected} |"));
        for (s, solver) in table.solvers.iter().enumerate() {
            let first = records
                .iter()
                .find(|r| &r.instance == inst && &r.solver == solver);
            let cell = table.cells[p][s];
            let status = first.map_or("-".into(), |r| {
                let mut t = r.result.status.as_str().to_string();
                if let (RunStatus::Optimal, Some(o)) = (r.result.status, r.result.objective) {
                    t = format!("{t} {}", fmt_num(o));
                }
                if cell.wrong {
                    t.push_str(" !");
                }
                t
            });
            let time = first
                .map(|r| {
                    if cell.solved {
                        format!("{:.2}", cell.time)
                    } else {
                        format!("{:.2}", r.result.time.unwrap_or(r.wall))
                    }
                })
                .unwrap_or_else(|| "-".into());
            md.push_str(&format!(
                " {status} | {time} | {} |",
                cell.nodes.map_or("-".into(), |n| format!("{n:.0}"))
            ));
        }
        md.push('\n');
    }
    md
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::summarize;

    fn record(
        instance: &str,
        solver: &str,
        status: RunStatus,
        objective: Option<f64>,
        time: f64,
    ) -> RunRecord {
        RunRecord {
            instance: instance.into(),
            solver: solver.into(),
            repeat: 0,
            result: RunResult {
                objective,
                nodes: Some(3),
                time: Some(time),
                ..RunResult::with_status(status)
            },
            wall: time + 0.1,
            time_limit: 10.0,
            expected: Expected::Optimal(5.0),
            verdict: Verdict::Correct,
            log: format!("logs/{solver}/{instance}.log"),
        }
    }

    #[test]
    fn numbers_for_reports() {
        assert_eq!(fmt_num(3089.0), "3089");
        assert_eq!(fmt_num(568.1007000000001), "568.1007");
        assert_eq!(fmt_num(-0.5457523453), "-0.545752");
        assert_eq!(fmt_num(-0.0), "0");
        assert_eq!(fmt_num(1.5e-7), "1.500000e-7");
        let words = ["relumip", "bench", "a b", "--filter", "^(x|y)$"].map(String::from);
        assert_eq!(
            command_line(&words),
            "relumip bench 'a b' --filter '^(x|y)$'"
        );
    }

    #[test]
    fn csv_and_summary() {
        let mut wrong = record("b", "highs", RunStatus::Optimal, Some(7.0), 2.0);
        wrong.verdict = Verdict::Wrong("claims optimum 7, but 5 is known".into());
        wrong.result.message = Some("note, with comma".into());
        let records = vec![
            record("a", "relumip", RunStatus::Optimal, Some(5.0), 1.0),
            record("a", "highs", RunStatus::Optimal, Some(5.0), 0.5),
            record("b", "relumip", RunStatus::Timeout, None, 10.0),
            wrong,
        ];
        let csv = results_csv(&records);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], CSV_HEADER);
        assert_eq!(lines.len(), 5);
        assert_eq!(
            lines[1],
            "a,relumip,1,optimal,5,,3,1,1.100,10,opt 5,ok,,logs/relumip/a.log"
        );
        assert!(
            lines[4].contains(",wrong,\"claims optimum 7, but 5 is known; note, with comma\","),
            "{}",
            lines[4]
        );
        let instances = vec!["a".to_string(), "b".to_string()];
        let solvers = vec!["relumip".to_string(), "highs".to_string()];
        let table = build_table(&records, &instances, &solvers);
        assert!(table.cells[0][0].solved && table.cells[1][1].wrong && !table.cells[1][1].solved);
        let summaries = summarize(&table, 0);
        let meta = ReportMeta {
            suite: "t".into(),
            command: "relumip bench t".into(),
            reference: "relumip".into(),
            ..ReportMeta::default()
        };
        let md = summary_markdown(&meta, &records, &table, &summaries, &[]);
        let disagreements = md.find("## Disagreements").unwrap_or(usize::MAX);
        let summary = md.find("## Summary").unwrap_or(0);
        assert!(disagreements < summary, "disagreements come first:\n{md}");
        assert!(
            md.contains("- **wrong** `b`: highs (run 1): claims optimum 7"),
            "{md}"
        );
        assert!(md.contains("| relumip | 1/2 | 0 | 1 | 0 |"), "{md}");
        assert!(md.contains("| highs | 1/2 | 1 | 0 | 0 |"), "{md}");
        assert!(
            md.contains("| b | opt 5 | timeout | 10.00 | 3 | optimal 7 ! | 2.00 | 3 |"),
            "{md}"
        );
    }
}
