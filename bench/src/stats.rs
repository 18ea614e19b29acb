//! Statistics of a benchmark, as solver papers report them.
//!
//! - Shifted geometric mean `exp(mean(ln(v_i + s))) - s`, with shift [`TIME_SHIFT`]
//!   (1 s) for times and [`NODE_SHIFT`] (100) for nodes. A run that did not solve its
//!   instance (time-out, error or wrong answer) counts at the instance's time limit;
//!   its nodes count as reported.
//! - Wins: on each instance, every solver that solved it within
//!   `max(WIN_TIE_SECONDS, WIN_TIE_RELATIVE * best)` of the fastest.
//! - Performance profile (Dolan and Moré 2002): `r_ps = t_ps / min_s t_ps` over the
//!   solvers that solved `p` (infinite if `s` did not), with times floored at
//!   [`PROFILE_TIME_FLOOR`] (the coarsest timer's resolution, so that 0.00 s runs give
//!   finite ratios); `rho_s(tau)` is the share of all instances with `r_ps <= tau`.
//! - Cactus curve: the solved instances of each solver sorted by time; point `k` is
//!   `(t_k, k)`: `k` instances solved within `t_k` seconds each.

/// Shift of the geometric mean of times (seconds).
pub const TIME_SHIFT: f64 = 1.0;
/// Shift of the geometric mean of node counts.
pub const NODE_SHIFT: f64 = 100.0;
/// Absolute tie tolerance of wins (seconds).
pub const WIN_TIE_SECONDS: f64 = 0.01;
/// Relative tie tolerance of wins.
pub const WIN_TIE_RELATIVE: f64 = 0.01;
/// Times below this count as this in performance ratios (seconds).
pub const PROFILE_TIME_FLOOR: f64 = 0.01;

/// Shifted geometric mean of `values` (`None` for no values).
pub fn shifted_geometric_mean(values: &[f64], shift: f64) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mean = values
        .iter()
        .map(|v| (v.max(0.0) + shift).max(f64::MIN_POSITIVE).ln())
        .sum::<f64>()
        / values.len() as f64;
    Some(mean.exp() - shift)
}

/// One run, classified.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Outcome {
    /// Decided the instance, and not wrongly.
    pub solved: bool,
    /// Contradicted the known answer.
    pub wrong: bool,
    /// Crashed or failed.
    pub error: bool,
    /// Seconds (the solver's own figure).
    pub time: f64,
    /// Nodes, when reported.
    pub nodes: Option<u64>,
}

/// One solver on one instance, over its repeats.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Cell {
    /// Solved in every repeat.
    pub solved: bool,
    /// Wrong in some repeat.
    pub wrong: bool,
    /// Failed in some repeat (and never wrong).
    pub error: bool,
    /// Median time over repeats, unsolved runs counted at the time limit.
    pub time: f64,
    /// Median of the reported node counts.
    pub nodes: Option<f64>,
}

impl Cell {
    /// Neither solved, nor wrong, nor failed: the limit was reached.
    pub fn timeout(&self) -> bool {
        !self.solved && !self.wrong && !self.error
    }
}

fn median(values: &mut [f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let n = values.len();
    Some(if n % 2 == 1 {
        values[n / 2]
    } else {
        0.5 * (values[n / 2 - 1] + values[n / 2])
    })
}

/// Aggregates the repeats of one solver on one instance with time limit `limit`.
pub fn aggregate(runs: &[Outcome], limit: f64) -> Cell {
    let solved = !runs.is_empty() && runs.iter().all(|r| r.solved);
    let wrong = runs.iter().any(|r| r.wrong);
    let error = !wrong && runs.iter().any(|r| r.error);
    let mut times: Vec<f64> = runs
        .iter()
        .map(|r| if r.solved { r.time } else { limit })
        .collect();
    let mut nodes: Vec<f64> = runs
        .iter()
        .filter_map(|r| r.nodes.map(|n| n as f64))
        .collect();
    Cell {
        solved,
        wrong,
        error,
        time: median(&mut times).unwrap_or(limit),
        nodes: median(&mut nodes),
    }
}

/// Aggregated results: one cell per instance and solver.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// Instance names.
    pub instances: Vec<String>,
    /// Solver names.
    pub solvers: Vec<String>,
    /// `cells[instance][solver]`.
    pub cells: Vec<Vec<Cell>>,
}

impl Table {
    /// Instances that every solver solved.
    pub fn solved_by_all(&self) -> Vec<usize> {
        (0..self.instances.len())
            .filter(|&p| self.cells[p].iter().all(|c| c.solved))
            .collect()
    }

    /// Wins per solver (ties count for every tied solver).
    pub fn wins(&self) -> Vec<usize> {
        let mut wins = vec![0; self.solvers.len()];
        for row in &self.cells {
            let best = row
                .iter()
                .filter(|c| c.solved)
                .map(|c| c.time)
                .fold(f64::INFINITY, f64::min);
            if !best.is_finite() {
                continue;
            }
            let tie = WIN_TIE_SECONDS.max(WIN_TIE_RELATIVE * best);
            for (s, c) in row.iter().enumerate() {
                if c.solved && c.time <= best + tie {
                    wins[s] += 1;
                }
            }
        }
        wins
    }

    /// The performance profile of each solver: the breakpoints `(tau, rho)` of its
    /// step function, `tau` ascending from 1 (see the module notes).
    pub fn performance_profile(&self) -> Vec<Vec<(f64, f64)>> {
        let n = self.instances.len().max(1) as f64;
        let floor = |t: f64| t.max(PROFILE_TIME_FLOOR);
        let mut ratios = vec![Vec::new(); self.solvers.len()];
        for row in &self.cells {
            let best = row
                .iter()
                .filter(|c| c.solved)
                .map(|c| floor(c.time))
                .fold(f64::INFINITY, f64::min);
            for (s, c) in row.iter().enumerate() {
                if c.solved {
                    ratios[s].push(floor(c.time) / best);
                }
            }
        }
        ratios
            .into_iter()
            .map(|mut r| {
                r.sort_by(f64::total_cmp);
                let mut points: Vec<(f64, f64)> = Vec::new();
                for (k, tau) in r.iter().enumerate() {
                    let rho = (k + 1) as f64 / n;
                    match points.last_mut() {
                        Some(last) if last.0 == *tau => last.1 = rho,
                        _ => points.push((*tau, rho)),
                    }
                }
                points
            })
            .collect()
    }

    /// The cactus curve of each solver: `(t_k, k)` for its solved instances sorted by
    /// time.
    pub fn cactus(&self) -> Vec<Vec<(f64, usize)>> {
        (0..self.solvers.len())
            .map(|s| {
                let mut times: Vec<f64> = self
                    .cells
                    .iter()
                    .map(|row| row[s])
                    .filter(|c| c.solved)
                    .map(|c| c.time)
                    .collect();
                times.sort_by(f64::total_cmp);
                times
                    .into_iter()
                    .enumerate()
                    .map(|(k, t)| (t, k + 1))
                    .collect()
            })
            .collect()
    }
}

/// The summary of one solver over a table.
#[derive(Clone, Debug, PartialEq)]
pub struct SolverSummary {
    /// Solver name.
    pub solver: String,
    /// Instances run.
    pub instances: usize,
    /// Solved (in every repeat, never wrong).
    pub solved: usize,
    /// Wrong answers.
    pub wrong: usize,
    /// Limits reached.
    pub timeouts: usize,
    /// Failures (crash, error, unreadable output).
    pub errors: usize,
    /// Shifted geometric mean of times over all instances.
    pub time_all: Option<f64>,
    /// Shifted geometric mean of nodes over all instances (where reported).
    pub nodes_all: Option<f64>,
    /// Shifted geometric mean of times over the instances every solver solved.
    pub time_common: Option<f64>,
    /// Shifted geometric mean of nodes over the instances every solver solved.
    pub nodes_common: Option<f64>,
    /// Wins (fastest, ties included).
    pub wins: usize,
    /// `time_all` over the reference solver's.
    pub ratio_all: Option<f64>,
    /// `time_common` over the reference solver's.
    pub ratio_common: Option<f64>,
}

/// Per-solver summaries; ratios are taken to solver `reference`.
pub fn summarize(table: &Table, reference: usize) -> Vec<SolverSummary> {
    let common = table.solved_by_all();
    let wins = table.wins();
    let column = |s: usize, rows: &mut dyn Iterator<Item = usize>| {
        let mut times = Vec::new();
        let mut nodes = Vec::new();
        for p in rows {
            let c = &table.cells[p][s];
            times.push(c.time);
            nodes.extend(c.nodes);
        }
        (
            shifted_geometric_mean(&times, TIME_SHIFT),
            shifted_geometric_mean(&nodes, NODE_SHIFT),
        )
    };
    let mut out: Vec<SolverSummary> = (0..table.solvers.len())
        .map(|s| {
            let (time_all, nodes_all) = column(s, &mut (0..table.instances.len()));
            let (time_common, nodes_common) = column(s, &mut common.iter().copied());
            let cells = table.cells.iter().map(|row| row[s]);
            SolverSummary {
                solver: table.solvers[s].clone(),
                instances: table.instances.len(),
                solved: cells.clone().filter(|c| c.solved).count(),
                wrong: cells.clone().filter(|c| c.wrong).count(),
                timeouts: cells.clone().filter(|c| c.timeout()).count(),
                errors: cells.filter(|c| c.error).count(),
                time_all,
                nodes_all,
                time_common,
                nodes_common,
                wins: wins[s],
                ratio_all: None,
                ratio_common: None,
            }
        })
        .collect();
    let (ref_all, ref_common) = out
        .get(reference)
        .map_or((None, None), |r| (r.time_all, r.time_common));
    let ratio = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(a), Some(b)) if b > 0.0 => Some(a / b),
        _ => None,
    };
    for s in &mut out {
        s.ratio_all = ratio(s.time_all, ref_all);
        s.ratio_common = ratio(s.time_common, ref_common);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * b.abs().max(1.0)
    }

    fn solved(time: f64, nodes: u64) -> Cell {
        Cell {
            solved: true,
            wrong: false,
            error: false,
            time,
            nodes: Some(nodes as f64),
        }
    }

    fn timeout(limit: f64, nodes: u64) -> Cell {
        Cell {
            solved: false,
            ..solved(limit, nodes)
        }
    }

    /// Three instances, limit 10 s:
    ///
    /// | instance | A | B |
    /// |---|---|---|
    /// | p1 | 1 s, 0 nodes | 2 s, 100 nodes |
    /// | p2 | 3 s, 300 nodes | 0.004 s, 0 nodes |
    /// | p3 | time-out (10 s), 900 nodes | 4 s, 20 nodes |
    fn example() -> Table {
        Table {
            instances: vec!["p1".into(), "p2".into(), "p3".into()],
            solvers: vec!["A".into(), "B".into()],
            cells: vec![
                vec![solved(1.0, 0), solved(2.0, 100)],
                vec![solved(3.0, 300), solved(0.004, 0)],
                vec![timeout(10.0, 900), solved(4.0, 20)],
            ],
        }
    }

    #[test]
    fn shifted_geometric_means_by_hand() {
        assert_eq!(shifted_geometric_mean(&[], 1.0), None);
        // (2 * 4 * 11)^(1/3) - 1 = 88^(1/3) - 1
        let a = shifted_geometric_mean(&[1.0, 3.0, 10.0], 1.0).unwrap_or(f64::NAN);
        assert!(close(a, 88f64.powf(1.0 / 3.0) - 1.0), "{a}");
        assert!(close(a, 3.447_960_181_222_38), "{a}");
        // Nodes, shift 100: (100 * 400 * 1000)^(1/3) - 100 = 341.995...
        let n = shifted_geometric_mean(&[0.0, 300.0, 900.0], 100.0).unwrap_or(f64::NAN);
        assert!(close(n, 40_000_000f64.powf(1.0 / 3.0) - 100.0), "{n}");
    }

    #[test]
    fn summary_of_the_example() {
        let table = example();
        let s = summarize(&table, 0);
        assert_eq!((s[0].solved, s[0].timeouts, s[0].wrong), (2, 1, 0));
        assert_eq!((s[1].solved, s[1].timeouts), (3, 0));
        // Wins: p1 A, p2 B, p3 B.
        assert_eq!((s[0].wins, s[1].wins), (1, 2));
        // All instances: A as above; B: (3 * 1.004 * 5)^(1/3) - 1.
        let b_all = (3.0f64 * 1.004 * 5.0).powf(1.0 / 3.0) - 1.0;
        assert!(close(
            s[0].time_all.unwrap_or(0.0),
            88f64.powf(1.0 / 3.0) - 1.0
        ));
        assert!(close(s[1].time_all.unwrap_or(0.0), b_all));
        // Solved by both: p1, p2. A: (2 * 4)^(1/2) - 1; B: (3 * 1.004)^(1/2) - 1.
        let a_common = 8f64.sqrt() - 1.0;
        let b_common = 3.012f64.sqrt() - 1.0;
        assert!(close(s[0].time_common.unwrap_or(0.0), a_common));
        assert!(close(s[1].time_common.unwrap_or(0.0), b_common));
        assert!(close(s[1].ratio_common.unwrap_or(0.0), b_common / a_common));
        assert_eq!(s[0].ratio_all, Some(1.0));
        // Nodes over p1, p2 for B: (100 * 200)^(1/2) - 100 ... with shift 100:
        // B nodes 100 and 0 -> (200 * 100)^(1/2) - 100.
        assert!(close(
            s[1].nodes_common.unwrap_or(0.0),
            20_000f64.sqrt() - 100.0
        ));
    }

    #[test]
    fn performance_profile_points_by_hand() {
        let profile = example().performance_profile();
        // p1: A 1/1 = 1, B 2/1 = 2. p2 (B floored to 0.01 s): A 3/0.01 = 300, B 1.
        // p3: B 1, A unsolved.
        assert_eq!(profile[0], vec![(1.0, 1.0 / 3.0), (300.0, 2.0 / 3.0)]);
        assert_eq!(profile[1], vec![(1.0, 2.0 / 3.0), (2.0, 1.0)]);
        let cactus = example().cactus();
        assert_eq!(cactus[0], vec![(1.0, 1), (3.0, 2)]);
        assert_eq!(cactus[1], vec![(0.004, 1), (2.0, 2), (4.0, 3)]);
    }

    #[test]
    fn repeats_aggregate_by_median() {
        let run = |solved, time, nodes| Outcome {
            solved,
            wrong: false,
            error: false,
            time,
            nodes: Some(nodes),
        };
        let cell = aggregate(
            &[run(true, 1.0, 10), run(true, 3.0, 30), run(true, 2.0, 20)],
            60.0,
        );
        assert!(cell.solved);
        assert_eq!((cell.time, cell.nodes), (2.0, Some(20.0)));
        // One time-out among the repeats: not solved, the time-out counts at the limit.
        let cell = aggregate(&[run(true, 1.0, 10), run(false, 61.0, 99)], 60.0);
        assert!(!cell.solved && cell.timeout());
        assert_eq!(cell.time, 30.5);
        let wrong = Outcome {
            wrong: true,
            ..run(false, 1.0, 1)
        };
        let cell = aggregate(&[wrong, run(true, 1.0, 1)], 60.0);
        assert!(cell.wrong && !cell.timeout());
    }
}
