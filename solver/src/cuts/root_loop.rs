//! The root cut loop: rounds of separation on the root LP, each round visiting the
//! separators in order; a separator's cuts are added and the LP re-solved before the
//! next separator looks at the new optimum, so that every bound change is the work
//! of one family.

use super::{select_cuts, CutFamily, SeparationInput, Separator};
use crate::lp::{BasisStatus, LpBackend, LpEngine, LpLimits, LpProblem, LpRow, LpStatus};
use std::time::{Duration, Instant};

/// Most rounds of separation.
const MAX_ROUNDS: usize = 20;
/// Most cuts added per separator and round.
const MAX_CUTS_PER_ROUND: usize = 60;
/// Stop when the last rounds raised the bound by less than this share of its value.
const MIN_PROGRESS: f64 = 1e-4;
/// Rounds over which progress is measured.
const PROGRESS_WINDOW: usize = 3;
/// Simplex iterations the whole loop may spend re-solving, as a multiple of the
/// iterations of the root LP before cuts (a work limit, so the loop ends at the same
/// point on every machine).
const ITERATION_BUDGET_FACTOR: u64 = 3;
/// The iteration budget is never smaller than this.
const MIN_ITERATION_BUDGET: u64 = 2_000;

/// What one family's separator did in the root cut loop.
#[derive(Clone, Debug, PartialEq)]
pub struct FamilyReport {
    /// The family.
    pub family: CutFamily,
    /// Rounds in which the family added cuts.
    pub rounds: usize,
    /// Cuts added to the root LP during the loop.
    pub added: usize,
    /// Of those, cuts kept in the LP (active at the last root LP).
    pub kept: usize,
    /// Rise of the root LP objective (minimisation form) right after the family's
    /// cuts were added, summed over its rounds.
    pub bound_gain: f64,
    /// Time spent separating.
    pub time: Duration,
}

/// What the root cut loop did.
#[derive(Clone, Debug, Default)]
pub struct CutReport {
    /// Rounds of separation (in which some family added cuts).
    pub rounds: usize,
    /// Cuts kept in the LP.
    pub cuts: usize,
    /// Root LP objective before cuts (minimisation form).
    pub bound_before: Option<f64>,
    /// Root LP objective after cuts.
    pub bound_after: Option<f64>,
    /// Time spent.
    pub time: Duration,
    /// One report per separator, in separation order.
    pub families: Vec<FamilyReport>,
    /// Cuts added during the loop but left out of the LP (removed as inactive after
    /// a round, or inactive at the last root LP): valid for the whole tree, material
    /// for a cut pool.
    pub dropped: Vec<LpRow>,
}

/// The root LP while cuts are added: the engine, the rows it holds, and the family
/// (separator index) of every cut row.
struct CutLp {
    lp: Box<dyn LpEngine>,
    /// The LP as loaded: the model's rows, then the cuts.
    current: LpProblem,
    model_rows: usize,
    /// Separator index of each cut row (row `model_rows + k`).
    origin: Vec<usize>,
    limits: LpLimits,
    /// The engine's iteration count at which the loop's budget runs out.
    iteration_end: u64,
    /// Cuts removed between rounds because they were not active (for the pool).
    purged: Vec<LpRow>,
}

impl CutLp {
    /// Adds `rows` from separator `origin` and re-solves. On an LP failure the rows
    /// are withdrawn, the previous basis restored, and `false` returned.
    fn add(&mut self, rows: Vec<LpRow>, origin: usize) -> bool {
        let basis = self.lp.basis();
        let first = self.lp.add_rows(&rows);
        let count = rows.len();
        self.current.rows.extend(rows);
        let left = self.iteration_end.saturating_sub(self.lp.iterations());
        let limits = LpLimits {
            max_iterations: left.max(1),
            ..self.limits
        };
        if left > 0 && self.lp.solve(&limits) == LpStatus::Optimal {
            self.origin.extend(std::iter::repeat_n(origin, count));
            return true;
        }
        // Numerical trouble, the iteration budget or the deadline (valid cuts cannot
        // cut off every point of a feasible problem): withdraw the rows.
        let added: Vec<usize> = (first..self.lp.num_rows()).collect();
        self.lp.remove_rows(&added);
        self.current.rows.truncate(first);
        if let Some(b) = basis {
            self.lp.set_basis(&b);
        }
        self.lp.solve(&self.limits);
        false
    }

    /// Indices (among the cuts) of the cut rows active at the optimum: their logical
    /// is nonbasic.
    fn active_cuts(&self) -> Vec<usize> {
        let Some(basis) = self.lp.basis() else {
            return Vec::new();
        };
        (0..self.origin.len())
            .filter(|&k| {
                basis
                    .rows
                    .get(self.model_rows + k)
                    .is_some_and(|&s| s != BasisStatus::Basic)
            })
            .collect()
    }

    /// Removes the cut rows that are not active at the optimum (their logical is
    /// basic, so the optimum and the basis stay as they are), keeping the LP small
    /// for the next rounds.
    fn purge_inactive(&mut self) {
        let active = self.active_cuts();
        if active.len() == self.origin.len() {
            return;
        }
        let mut keep = vec![false; self.origin.len()];
        for &k in &active {
            keep[k] = true;
        }
        let removed: Vec<usize> = (0..self.origin.len())
            .filter(|&k| !keep[k])
            .map(|k| self.model_rows + k)
            .collect();
        self.lp.remove_rows(&removed);
        let cut_rows = self.current.rows.split_off(self.model_rows);
        for (row, &kept) in cut_rows.into_iter().zip(&keep) {
            if kept {
                self.current.rows.push(row);
            } else {
                self.purged.push(row);
            }
        }
        let origin = std::mem::take(&mut self.origin);
        self.origin = origin
            .into_iter()
            .zip(&keep)
            .filter(|(_, &k)| k)
            .map(|(o, _)| o)
            .collect();
    }
}

/// Runs rounds of separation with `separators` (in their order) on the root LP of
/// `problem` and appends the cuts that stay active to `problem.rows`. The loop
/// stops after [`MAX_ROUNDS`] rounds, at a round without cuts, when the bound
/// stalls, at an LP failure, when the re-solves have spent their iteration budget
/// ([`ITERATION_BUDGET_FACTOR`] times the root LP's iterations), or at `deadline`.
/// After every round the cuts that are not active are removed from the LP.
pub fn root_cut_loop(
    problem: &mut LpProblem,
    integral: &[bool],
    separators: &mut [Box<dyn Separator + '_>],
    deadline: Option<Instant>,
) -> CutReport {
    let started = Instant::now();
    let mut report = CutReport {
        families: separators
            .iter()
            .map(|s| FamilyReport {
                family: s.family(),
                rounds: 0,
                added: 0,
                kept: 0,
                bound_gain: 0.0,
                time: Duration::ZERO,
            })
            .collect(),
        ..CutReport::default()
    };
    let limits = LpLimits {
        deadline,
        ..LpLimits::default()
    };
    let mut lp = LpBackend::DualSimplex.create(problem);
    if separators.is_empty() || lp.solve(&limits) != LpStatus::Optimal {
        report.time = started.elapsed();
        return report;
    }
    let budget = (ITERATION_BUDGET_FACTOR * lp.iterations()).max(MIN_ITERATION_BUDGET);
    let mut state = CutLp {
        iteration_end: lp.iterations() + budget,
        lp,
        current: problem.clone(),
        model_rows: problem.num_rows(),
        origin: Vec::new(),
        limits,
        purged: Vec::new(),
    };
    let mut objective = state.lp.objective();
    report.bound_before = Some(objective);
    let mut history = vec![objective];
    'rounds: for _ in 0..MAX_ROUNDS {
        let mut added = false;
        for (s, separator) in separators.iter_mut().enumerate() {
            if crate::interrupt::past(deadline) {
                break 'rounds;
            }
            let point = state.lp.primal().to_vec();
            let separating = Instant::now();
            let input = SeparationInput {
                problem: &state.current,
                model_rows: state.model_rows,
                integral,
                point: &point,
            };
            let cuts = separator.separate(state.lp.as_mut(), &input);
            let chosen = select_cuts(cuts, MAX_CUTS_PER_ROUND);
            let family = &mut report.families[s];
            family.time += separating.elapsed();
            if chosen.is_empty() {
                continue;
            }
            let count = chosen.len();
            if !state.add(chosen, s) {
                break 'rounds;
            }
            let now = state.lp.objective();
            family.rounds += 1;
            family.added += count;
            family.bound_gain += now - objective;
            objective = now;
            added = true;
        }
        if !added {
            break;
        }
        state.purge_inactive();
        report.rounds += 1;
        history.push(objective);
        let k = history.len();
        if k > PROGRESS_WINDOW {
            let progress = history[k - 1] - history[k - 1 - PROGRESS_WINDOW];
            if progress <= MIN_PROGRESS * history[k - 1].abs().max(1.0) {
                break;
            }
        }
    }
    let active = state.active_cuts();
    report.dropped = std::mem::take(&mut state.purged);
    for (k, row) in state.current.rows[state.model_rows..].iter().enumerate() {
        if active.binary_search(&k).is_ok() {
            report.families[state.origin[k]].kept += 1;
            problem.rows.push(row.clone());
        } else {
            report.dropped.push(row.clone());
        }
    }
    report.cuts = problem.num_rows() - state.model_rows;
    report.bound_after = Some(objective);
    report.time = started.elapsed();
    report
}
