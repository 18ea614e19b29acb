//! The solve log: a header with the model's size, one line per progress event, and a
//! final summary, laid out like the logs of HiGHS and Gurobi.

use relumip_solver::io::relu::ReluReport;
use relumip_solver::model::{check_solution, Model};
use relumip_solver::search::{
    Progress, ProgressKind, ProgressSink, Schedule, Settings, SolveResult,
};
use std::io::Write;
use std::path::Path;
use std::sync::Mutex;
use std::time::Duration;

/// Prints a line to stdout, ignoring errors (a closed pipe must not stop the solver).
macro_rules! say {
    ($($arg:tt)*) => {{
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

/// Prints progress lines; serialises lines from concurrent workers.
pub struct LogPrinter {
    header_printed: Mutex<bool>,
    quiet: bool,
    stderr: bool,
}

impl LogPrinter {
    /// A printer to stdout; a quiet one prints nothing.
    pub fn new(quiet: bool) -> Self {
        LogPrinter {
            header_printed: Mutex::new(false),
            quiet,
            stderr: false,
        }
    }

    /// A printer to stderr, for commands whose stdout holds only the answer.
    pub fn on_stderr(quiet: bool) -> Self {
        LogPrinter {
            stderr: true,
            ..LogPrinter::new(quiet)
        }
    }
}

/// Formats an objective value compactly (`-` when absent).
pub fn format_value(value: Option<f64>) -> String {
    match value {
        None => "-".to_string(),
        Some(v) if v.is_infinite() => if v > 0.0 { "inf" } else { "-inf" }.to_string(),
        Some(v) if v != 0.0 && (v.abs() >= 1e9 || v.abs() < 1e-4) => format!("{v:.6e}"),
        Some(v) => format!("{v:.6}")
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_string(),
    }
}

/// Formats a time limit (`300.0s`, or `none`).
pub fn format_limit(limit: Option<Duration>) -> String {
    limit.map_or("none".to_string(), |d| format!("{:.1}s", d.as_secs_f64()))
}

/// Formats a bound gain with its sign (`+0.25`).
pub fn format_gain(gain: f64) -> String {
    let text = format_value(Some(gain));
    if gain >= 0.0 {
        format!("+{text}")
    } else {
        text
    }
}

/// Formats a relative gap as a percentage.
pub fn format_gap(gap: f64) -> String {
    if gap.is_finite() {
        format!("{:.2}%", 100.0 * gap)
    } else {
        "inf".to_string()
    }
}

impl ProgressSink for LogPrinter {
    fn progress(&self, p: &Progress) {
        if self.quiet {
            return;
        }
        let mut printed = match self.header_printed.lock() {
            Ok(g) => g,
            Err(poisoned) => poisoned.into_inner(),
        };
        let mut out: Box<dyn Write> = if self.stderr {
            Box::new(std::io::stderr().lock())
        } else {
            Box::new(std::io::stdout().lock())
        };
        if !*printed {
            *printed = true;
            let _ = writeln!(
                out,
                "  {:>10} {:>9} {:>11} {:>15} {:>15} {:>9} {:>9}",
                "Nodes", "Open", "LP iters", "Incumbent", "Best bound", "Gap", "Time"
            );
        }
        let mark = match p.kind {
            ProgressKind::Root => 'R',
            ProgressKind::Incumbent => '*',
            ProgressKind::Periodic => ' ',
        };
        let _ = writeln!(
            out,
            "{mark} {:>10} {:>9} {:>11} {:>15} {:>15} {:>9} {:>8.2}s",
            p.nodes,
            p.open,
            p.lp_iterations,
            format_value(p.incumbent),
            format_value(Some(p.bound)),
            format_gap(p.gap),
            p.elapsed.as_secs_f64()
        );
    }
}

/// Prints the model's size and the run's settings.
pub fn print_header(model: &Model, settings: &Settings, file: &Path, read_time: Duration) {
    print_header_lines(model, settings, file, read_time);
    say!("");
}

/// Prints the header of `relumip solve`: the model's size, the run's settings and
/// where the ReLU structure came from.
pub fn print_solve_header(
    model: &Model,
    settings: &Settings,
    file: &Path,
    read_time: Duration,
    relu: &ReluReport,
) {
    print_header_lines(model, settings, file, read_time);
    say!("ReLU structure: {relu}");
    say!("");
}

fn print_header_lines(model: &Model, settings: &Settings, file: &Path, read_time: Duration) {
    let size = model.size();
    say!("relumip {}", env!("CARGO_PKG_VERSION"));
    say!(
        "Model {} ({}): {} rows, {} columns ({} binary, {} integer, {} continuous), {} nonzeros",
        if model.name.is_empty() {
            "-"
        } else {
            &model.name
        },
        file.display(),
        size.rows,
        size.columns,
        size.binaries,
        size.integers,
        size.continuous,
        size.nonzeros
    );
    let limit = format_limit;
    say!(
        "Settings: {} thread(s) ({}), branching {}, LP {}, cuts {}, local cuts {}, cut pool {}, gap {:e}, time limit {}, node limit {}, seed {}",
        settings.threads,
        match settings.schedule {
            Schedule::Opportunistic => "work stealing",
            Schedule::Deterministic => "deterministic",
        },
        settings.branching,
        settings.lp_backend.name(),
        settings.cuts,
        if settings.local_cuts {
            format!(
                "to depth {}{}",
                settings.local_cut_depth,
                if settings.inherit_node_cuts {
                    ", inherited"
                } else {
                    ""
                }
            )
        } else {
            "off".to_string()
        },
        if settings.cut_pool { "on" } else { "off" },
        settings.relative_gap,
        limit(settings.time_limit),
        settings.node_limit.map_or("none".to_string(), |n| n.to_string()),
        settings.seed
    );
    say!("Read in {:.3}s", read_time.as_secs_f64());
}

/// Prints the final summary.
pub fn print_summary(
    model: &Model,
    result: &SolveResult,
    read_time: Duration,
    write_time: Duration,
) {
    let s = &result.stats;
    say!("");
    for warning in &result.warnings {
        say!("Warning: {warning}");
    }
    say!("Status            {}", result.status.as_str());
    if let Some(message) = &result.message {
        say!("Message           {message}");
    }
    say!("Objective         {}", format_value(result.objective));
    say!(
        "Best bound        {}",
        format_value(Some(result.best_bound))
    );
    say!("Gap               {}", format_gap(result.gap));
    say!("Nodes             {}", s.nodes);
    say!(
        "LP iterations     {} ({} solves, {} failures)",
        s.lp_iterations,
        s.lp_solves,
        s.lp_failures
    );
    if let Some(root) = s.root_lp_objective {
        match s.root_bound_before_cuts {
            Some(before) if s.cuts > 0 => say!(
                "Root LP           {} ({} cuts in {} rounds, from {})",
                format_value(Some(root)),
                s.cuts,
                s.cut_rounds,
                format_value(Some(before))
            ),
            _ => say!("Root LP           {}", format_value(Some(root))),
        }
    }
    for family in &s.cut_families {
        say!(
            "Cuts {:<13} {} kept of {} in {} rounds, bound {} ({:.3}s)",
            family.family,
            family.kept,
            family.added,
            family.rounds,
            format_gain(family.bound_gain),
            family.time
        );
    }
    if s.reduced_cost_fixings > 0 {
        say!(
            "Reduced costs     {} integer bounds tightened at nodes",
            s.reduced_cost_fixings
        );
    }
    if s.node_cut_nodes > 0 || s.pool_size > 0 {
        say!(
            "Node cuts         {} local relu, {} from the pool of {} ({} aged out) at {} nodes in {} rounds, {} nodes pruned ({:.3}s)",
            s.local_cuts,
            s.pool_readds,
            s.pool_size,
            s.pool_aged_out,
            s.node_cut_nodes,
            s.node_cut_rounds,
            s.pruned_by_node_cuts,
            s.time_node_cuts
        );
    }
    if s.time_relu_propagation > 0.0 {
        say!(
            "ReLU propagation  {} indicators fixed, {} bounds tightened, {} big-M coefficients, {} nodes infeasible, {} pruned before the LP ({:.3}s)",
            s.relu_fixed,
            s.relu_tightened,
            s.big_m_tightened,
            s.relu_infeasible,
            s.pruned_before_lp,
            s.time_relu_propagation
        );
        if !s.unit_splits.is_empty() {
            let per_layer: Vec<String> = s.unit_splits.iter().map(|n| n.to_string()).collect();
            say!(
                "Unit splits       {} per layer ({} children bounded by propagation)",
                per_layer.join(" / "),
                s.propagation_probes
            );
        }
    } else if s.pruned_before_lp > 0 {
        say!("Pruned before LP  {}", s.pruned_before_lp);
    }
    if s.input_splits > 0 {
        say!(
            "Input splits      {} nodes split on an input without an LP, {} closed by optimised slopes, {} solutions from their attacks, {} stalled nodes left to the LP ({:.3}s)",
            s.input_splits,
            s.input_split_alpha_closed,
            s.input_split_solutions,
            s.input_split_stalls,
            s.time_input_splits
        );
    }
    say!(
        "Time              {:.3}s (read {:.3}, LP {:.3}, branching {:.3}, propagation {:.3}, heuristics {:.3}, write {:.3}; component times summed over {} thread(s))",
        result.elapsed.as_secs_f64() + read_time.as_secs_f64() + write_time.as_secs_f64(),
        read_time.as_secs_f64(),
        s.time_lp,
        s.time_branching,
        s.time_propagation,
        s.time_heuristics,
        write_time.as_secs_f64(),
        result.threads
    );
    if let Some(x) = &result.solution {
        let check = check_solution(model, x, &Default::default());
        say!(
            "Solution check    {} (max violation: bound {:.1e}, row {:.1e}, integrality {:.1e})",
            if check.is_feasible() {
                "feasible"
            } else {
                "INFEASIBLE"
            },
            check.max_bound_violation,
            check.max_row_violation,
            check.max_integrality_violation
        );
    }
}
