//! Verification of VNN-LIB properties on ReLU networks.
//!
//! A property is a disjunction of cases (input region, output constraints); the
//! instance is `sat` iff some case has a counterexample. For each case (or each group
//! of cases sharing an input region, in combined mode) relumip computes pre-activation
//! bounds over the region, decides the case at once when the output bounds already do,
//! and otherwise solves the verification MILP (`min t`, `c_k'y - d_k <= t`) with an
//! objective limit of 0 and a stop at the first solution. The one branch-and-bound
//! splits either kind of node: on a unit's indicator (LP-bounded) or, for networks
//! with few inputs and many unstable units, on an input (bounded by propagation
//! alone, with an attack in the sub-box; see [`Strategy`]). Every counterexample is
//! checked by a forward pass in f64 before it is reported; one that fails the check
//! is never an answer.
//!
//! [`enumerate`] is an independent, exponential oracle for tiny networks (one LP per
//! activation pattern), for tests and fuzzing.

mod cases;
pub mod enumerate;
mod late_attack;
mod refute;
pub mod region_descent;
mod result_file;

pub use cases::{case_milps, group_by_region, CaseMilpOptions};

pub use result_file::{parse_result_file, write_result_file};

use crate::bounds::{
    interval_bounds, lp_tighten, symbolic_bounds, LpTightenOptions, NetworkBounds,
};
use crate::error::Result;
use crate::formulate::{combined_verification_milp, verification_milp, Formulation, NetworkMilp};
use crate::nn::attack::{attack, AttackSettings};
use crate::nn::property::{Case, Property};
use crate::nn::Network;
use crate::relu::INPUT_SPLIT_MAX_INPUTS;
use crate::search::{
    solve, InputSplits, NoProgress, ProgressSink, Schedule, Settings, Status,
    AUTO_MIN_ROOT_UNSTABLE,
};
use late_attack::LateAttack;
use refute::refute;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Tolerance of the counterexample check (absolute, scaled by `max(1, |rhs|)`).
pub const COUNTEREXAMPLE_TOLERANCE: f64 = 1e-6;

/// Share of the time limit the first attack on all cases may take.
const ATTACK_TIME_SHARE: f64 = 0.1;

/// Time the first attack on all cases may take without a time limit.
const ATTACK_TIME_UNLIMITED: Duration = Duration::from_secs(10);

/// Work of the attack on one case, in multiply-adds (the restarts are cut to fit).
const ATTACK_WORK: f64 = 5e8;

/// Restarts of the attack before the bounds (the rest comes after them).
const QUICK_ATTACK_RESTARTS: usize = 5;

/// How pre-activation bounds are computed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoundsMethod {
    /// Interval arithmetic.
    Interval,
    /// Symbolic back-substitution (intersected with intervals).
    Symbolic,
    /// Symbolic, then LP-based tightening under a time budget.
    Lp,
}

impl BoundsMethod {
    /// Parses `interval`, `symbolic` or `lp`.
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "interval" | "ibp" => Some(BoundsMethod::Interval),
            "symbolic" => Some(BoundsMethod::Symbolic),
            "lp" => Some(BoundsMethod::Lp),
            _ => None,
        }
    }

    /// The name accepted by [`BoundsMethod::from_name`].
    pub fn name(self) -> &'static str {
        match self {
            BoundsMethod::Interval => "interval",
            BoundsMethod::Symbolic => "symbolic",
            BoundsMethod::Lp => "lp",
        }
    }
}

/// Which kind of split the search of each case may use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Strategy {
    /// Splits on unit indicators only (the LP-based search of the MILP).
    ReluSplit,
    /// Splits on the network's inputs while units stay unstable, then on indicators.
    InputSplit,
    /// The search's own rule ([`InputSplits::Auto`]): for networks with at most
    /// [`crate::relu::INPUT_SPLIT_MAX_INPUTS`] inputs, input splits while units
    /// are unstable when at least [`crate::search::AUTO_MIN_ROOT_UNSTABLE`] are
    /// unstable over the case's box, and otherwise input splits above depth
    /// [`crate::search::AUTO_SPLIT_FIRST_DEPTH`] and indicator splits below;
    /// indicator splits alone for larger inputs.
    Auto,
}

impl Strategy {
    /// Parses `relu-split` (also `milp`), `input-split` (also `split`) or `auto`.
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "relu-split" | "milp" => Some(Strategy::ReluSplit),
            "input-split" | "split" => Some(Strategy::InputSplit),
            "auto" => Some(Strategy::Auto),
            _ => None,
        }
    }

    /// The search's input-split mode under this strategy, from the mode `asked`
    /// by the search settings (which [`Strategy::Auto`] keeps).
    pub fn input_splits(self, asked: InputSplits) -> InputSplits {
        match self {
            Strategy::ReluSplit => InputSplits::Off,
            Strategy::InputSplit => InputSplits::On,
            Strategy::Auto => asked,
        }
    }
}

/// How the cases of a disjunctive property are solved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DisjunctionMode {
    /// One MILP per case, in order, stopping at the first counterexample.
    Separate,
    /// One MILP per group of cases that share their input region.
    Combined,
}

/// Options of a verification run.
#[derive(Clone, Debug)]
pub struct VerifyOptions {
    /// Wall-clock limit for the whole property.
    pub timeout: Option<Duration>,
    /// Search settings (threads, branching, ...); limits are set per MILP.
    pub search: Settings,
    /// MILP formulation.
    pub formulation: Formulation,
    /// Bound computation.
    pub bounds: BoundsMethod,
    /// Share of the remaining time that LP tightening may use.
    pub lp_budget_share: f64,
    /// Separate or combined MILPs for disjunctions.
    pub disjunction: DisjunctionMode,
    /// The kinds of split the search may use.
    pub strategy: Strategy,
}

impl Default for VerifyOptions {
    fn default() -> Self {
        VerifyOptions {
            timeout: None,
            search: Settings::default(),
            formulation: Formulation::BigM,
            bounds: BoundsMethod::Lp,
            lp_budget_share: 0.2,
            disjunction: DisjunctionMode::Separate,
            strategy: Strategy::Auto,
        }
    }
}

/// A checked counterexample.
#[derive(Clone, Debug, PartialEq)]
pub struct Counterexample {
    /// Index of the case it violates.
    pub case: usize,
    /// The input.
    pub input: Vec<f64>,
    /// The network's output at the input (f64 forward pass).
    pub output: Vec<f64>,
}

/// The answer to a verification question.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    /// A counterexample exists (the property is violated).
    Sat(Counterexample),
    /// No counterexample exists.
    Unsat,
    /// The time limit was reached first.
    Timeout,
    /// No trustworthy answer (the message says why).
    Unknown(String),
}

impl Answer {
    /// `sat`, `unsat`, `timeout` or `unknown`, as in VNN-COMP result files.
    pub fn as_str(&self) -> &'static str {
        match self {
            Answer::Sat(_) => "sat",
            Answer::Unsat => "unsat",
            Answer::Timeout => "timeout",
            Answer::Unknown(_) => "unknown",
        }
    }
}

/// What happened to one MILP (one case or one group of cases).
#[derive(Clone, Debug)]
pub struct CaseReport {
    /// Cases covered.
    pub cases: Vec<usize>,
    /// How it was decided: `bounds`, or the MILP status.
    pub outcome: String,
    /// Unstable neurons after bounds.
    pub unstable: usize,
    /// Binaries in the MILP.
    pub binaries: usize,
    /// Branch-and-bound nodes.
    pub nodes: u64,
    /// Nodes split on an input (the others on indicators, or leaves).
    pub input_splits: u64,
    /// Seconds spent on bounds.
    pub bounds_time: f64,
    /// Seconds spent in total.
    pub time: f64,
}

/// The result of [`verify`].
#[derive(Clone, Debug)]
pub struct VerifyReport {
    /// The answer.
    pub answer: Answer,
    /// One entry per MILP or per case decided by bounds.
    pub cases: Vec<CaseReport>,
    /// Total seconds.
    pub time: f64,
}

/// Pre-activation bounds over a case's input box by the chosen method.
pub fn case_bounds(
    net: &Network,
    case: &Case,
    method: BoundsMethod,
    budget: Duration,
) -> Result<NetworkBounds> {
    let (lo, up) = (&case.input_lower, &case.input_upper);
    Ok(match method {
        BoundsMethod::Interval => interval_bounds(net, lo, up)?,
        BoundsMethod::Symbolic => symbolic_bounds(net, lo, up)?,
        BoundsMethod::Lp => {
            let mut bounds = symbolic_bounds(net, lo, up)?;
            tighten_by_lp(net, case, &mut bounds, budget)?;
            bounds
        }
    })
}

/// LP tightening of a case's bounds under a time budget.
fn tighten_by_lp(
    net: &Network,
    case: &Case,
    bounds: &mut NetworkBounds,
    budget: Duration,
) -> Result<()> {
    let (lo, up) = (&case.input_lower, &case.input_upper);
    lp_tighten(net, lo, up, bounds, budget, &LpTightenOptions::default())?;
    Ok(())
}

/// Per-layer `(lower, upper)` pre-activation bounds as the formulations take them.
pub fn pre_bounds(bounds: &NetworkBounds) -> Vec<Vec<(f64, f64)>> {
    (0..bounds.num_layers())
        .map(|k| {
            bounds
                .pre_lower(k)
                .iter()
                .copied()
                .zip(bounds.pre_upper(k).iter().copied())
                .collect()
        })
        .collect()
}

/// Checks a candidate counterexample by a forward pass: returns it when the input is in
/// the case's region and the output satisfies the case's output constraints.
pub fn check_counterexample(
    net: &Network,
    property: &Property,
    case: usize,
    input: &[f64],
) -> Option<Counterexample> {
    let c = property.cases.get(case)?;
    let x: Vec<f64> = input
        .iter()
        .zip(c.input_lower.iter().zip(&c.input_upper))
        .map(|(&v, (&l, &u))| v.clamp(l, u))
        .collect();
    if !c.contains_input(&x, COUNTEREXAMPLE_TOLERANCE) {
        return None;
    }
    let y = net.forward(&x);
    let holds = c
        .output_constraints
        .iter()
        .all(|k| k.lhs(&y) <= k.rhs + COUNTEREXAMPLE_TOLERANCE * k.rhs.abs().max(1.0));
    holds.then_some(Counterexample {
        case,
        input: x,
        output: y,
    })
}

/// Answers whether `property` has a counterexample on `net`.
pub fn verify(net: &Network, property: &Property, options: &VerifyOptions) -> Result<VerifyReport> {
    verify_with_progress(net, property, options, &|_: &CaseReport, _: usize| {})
}

/// [`verify`], calling `on_case` with each search's report as it ends and the
/// number of searches planned at that point (for progress lines on long runs).
pub fn verify_with_progress(
    net: &Network,
    property: &Property,
    options: &VerifyOptions,
    on_case: &dyn Fn(&CaseReport, usize),
) -> Result<VerifyReport> {
    verify_with_search_log(net, property, options, on_case, &NoProgress)
}

/// [`verify_with_progress`], also passing the progress of every branch-and-bound
/// search (the verification MILPs: minimise `t`, a case is refuted once the bound
/// exceeds 0) to `sink`, as [`crate::search::solve`] reports it: a line at the root,
/// at each incumbent and every `Settings::log_interval`.
pub fn verify_with_search_log(
    net: &Network,
    property: &Property,
    options: &VerifyOptions,
    on_case: &dyn Fn(&CaseReport, usize),
    sink: &dyn ProgressSink,
) -> Result<VerifyReport> {
    property.check_network(net)?;
    let start = Instant::now();
    let deadline = options.timeout.map(|t| start + t);
    let mut reports = Vec::new();
    // A short attack on every case first (many sat instances end here), then the
    // bounds, then the rest of the attack on the cases the bounds left open.
    let attack_end = start
        + options
            .timeout
            .map_or(ATTACK_TIME_UNLIMITED, |t| t.mul_f64(ATTACK_TIME_SHARE));
    let restarts = attack_restarts(net);
    let all: Vec<usize> = (0..property.cases.len()).collect();
    let quick = restarts.min(QUICK_ATTACK_RESTARTS);
    if let Some(report) = attack_cases(net, property, &all, quick, 0, attack_end, options, start) {
        return Ok(report);
    }
    // Bounds once per input region, shared by its cases; the cases they refute are
    // decided here, before any search. Cheapest first: interval or symbolic bounds
    // for every region, then the rest of the attack on the open cases, then LP
    // tightening (where it pays) for the regions that still have open cases.
    let input_splits = options.strategy.input_splits(options.search.input_splits);
    let regions = group_by_region(&property.cases);
    let mut region_bounds: Vec<RegionBounds> = Vec::with_capacity(regions.len());
    let mut region_open: Vec<Vec<usize>> = Vec::with_capacity(regions.len());
    for region in &regions {
        let started = Instant::now();
        let first = &property.cases[region[0]];
        let (lo, up) = (&first.input_lower, &first.input_upper);
        let bounds = match options.bounds {
            BoundsMethod::Interval => interval_bounds(net, lo, up)?,
            BoundsMethod::Symbolic | BoundsMethod::Lp => symbolic_bounds(net, lo, up)?,
        };
        let cheap = RegionBounds {
            bounds,
            seconds: started.elapsed().as_secs_f64(),
        };
        region_open.push(refute_cases(net, property, &cheap, region, &mut reports)?);
        region_bounds.push(cheap);
    }
    let open: Vec<usize> = region_open.iter().flatten().copied().collect();
    if restarts > quick && !open.is_empty() {
        let more = restarts - quick;
        if let Some(mut report) = attack_cases(
            net, property, &open, more, quick, attack_end, options, start,
        ) {
            reports.append(&mut report.cases);
            report.cases = reports;
            return Ok(report);
        }
    }
    let with_open = region_open.iter().filter(|o| !o.is_empty()).count();
    let mut tightened = 0;
    for (region, open) in region_bounds.iter_mut().zip(region_open.iter_mut()) {
        if open.is_empty() || !lp_tightening_pays(net, options.bounds, &region.bounds, input_splits)
        {
            continue;
        }
        let started = Instant::now();
        let remaining = deadline.map(|d| d.saturating_duration_since(started));
        let budget = remaining.map_or(Duration::from_secs(10), |t| {
            (t / (with_open - tightened) as u32).mul_f64(options.lp_budget_share)
        });
        tightened += 1;
        let first = &property.cases[open[0]];
        tighten_by_lp(net, first, &mut region.bounds, budget)?;
        region.seconds += started.elapsed().as_secs_f64();
        *open = refute_cases(net, property, region, open, &mut reports)?;
    }
    let mut groups: Vec<(Vec<usize>, usize)> = Vec::new();
    for (r, open) in region_open.into_iter().enumerate() {
        match options.disjunction {
            DisjunctionMode::Separate => groups.extend(open.into_iter().map(|c| (vec![c], r))),
            DisjunctionMode::Combined if !open.is_empty() => groups.push((open, r)),
            DisjunctionMode::Combined => {}
        }
    }
    // Then the searches, each with a fair share of the remaining time; groups that
    // run out of their share are retried with what the others left.
    let mut pending = groups;
    let mut answer = Answer::Unsat;
    while !pending.is_empty() {
        let mut still_open = Vec::new();
        let count = pending.len();
        for (k, (group, region)) in pending.into_iter().enumerate() {
            let remaining = deadline.map(|d| d.saturating_duration_since(Instant::now()));
            if remaining.is_some_and(|r| r.is_zero()) {
                still_open.push((group, region));
                continue;
            }
            let share = remaining.map(|r| r / (count - k) as u32);
            let (outcome, report) = solve_group(
                net,
                property,
                &group,
                &region_bounds[region],
                options,
                share,
                sink,
            )?;
            on_case(&report, count);
            reports.push(report);
            match outcome {
                Answer::Unsat => {}
                Answer::Sat(cex) => {
                    return Ok(VerifyReport {
                        answer: Answer::Sat(cex),
                        cases: reports,
                        time: start.elapsed().as_secs_f64(),
                    });
                }
                Answer::Timeout => still_open.push((group, region)),
                other => answer = other,
            }
        }
        let out_of_time = crate::interrupt::past(deadline);
        if still_open.is_empty() || out_of_time || still_open.len() == count {
            if !still_open.is_empty() && matches!(answer, Answer::Unsat) {
                answer = Answer::Timeout;
            }
            break;
        }
        pending = still_open;
    }
    Ok(VerifyReport {
        answer,
        cases: reports,
        time: start.elapsed().as_secs_f64(),
    })
}

/// Whether LP tightening of a region's symbolic `bounds` pays under `method` and
/// input-split mode `mode`: only for [`BoundsMethod::Lp`], and not when the search
/// can split inputs (`mode` on, or auto with few inputs) and at least
/// [`AUTO_MIN_ROOT_UNSTABLE`] units are unstable. There the LP tightening costs
/// seconds and the splits tighten the bounds node by node anyway; with fewer
/// unstable units it is cheap and often decides the case at once.
fn lp_tightening_pays(
    net: &Network,
    method: BoundsMethod,
    bounds: &NetworkBounds,
    mode: InputSplits,
) -> bool {
    let splits = match mode {
        InputSplits::On => true,
        InputSplits::Off => false,
        InputSplits::Auto => net.input_dim() <= INPUT_SPLIT_MAX_INPUTS,
    };
    method == BoundsMethod::Lp
        && !(splits && bounds.relu_counts().unstable >= AUTO_MIN_ROOT_UNSTABLE)
}

/// Attack restarts per case: the default, or fewer where a restart of a large
/// network would exceed [`ATTACK_WORK`] (at least one). Deterministic.
fn attack_restarts(net: &Network) -> usize {
    let settings = AttackSettings::default();
    let weights: usize = net.layers().iter().map(|l| l.weights().len()).sum();
    let per_restart = (2 * weights * settings.steps.max(1)) as f64;
    ((ATTACK_WORK / per_restart) as usize).clamp(1, settings.restarts)
}

/// Attacks each case of `cases` with `restarts` restarts after the first `skip` of
/// the case's seeded sequence (a second round goes on where the first stopped),
/// all before `end`.
/// Returns the report of a `sat` answer when a checked counterexample is found.
#[allow(clippy::too_many_arguments)]
fn attack_cases(
    net: &Network,
    property: &Property,
    cases: &[usize],
    restarts: usize,
    skip: usize,
    end: Instant,
    options: &VerifyOptions,
    start: Instant,
) -> Option<VerifyReport> {
    for (k, &c) in cases.iter().enumerate() {
        let left = end.saturating_duration_since(Instant::now());
        let settings = AttackSettings {
            restarts,
            skip,
            seed: options.search.seed.wrapping_add(c as u64 + 1),
            deadline: Some(Instant::now() + left / (cases.len() - k) as u32),
            ..AttackSettings::default()
        };
        let Some(x) = attack(net, &property.cases[c], &settings) else {
            continue;
        };
        if let Some(cex) = check_counterexample(net, property, c, &x) {
            let time = start.elapsed().as_secs_f64();
            return Some(VerifyReport {
                answer: Answer::Sat(cex),
                cases: vec![CaseReport {
                    cases: vec![c],
                    outcome: "attack".into(),
                    unstable: 0,
                    binaries: 0,
                    nodes: 0,
                    input_splits: 0,
                    bounds_time: 0.0,
                    time,
                }],
                time,
            });
        }
    }
    None
}

/// The cases of `cases` that the region's bounds do not refute; a report for each
/// refuted one.
fn refute_cases(
    net: &Network,
    property: &Property,
    region: &RegionBounds,
    cases: &[usize],
    reports: &mut Vec<CaseReport>,
) -> Result<Vec<usize>> {
    let unstable = region.bounds.relu_counts().unstable;
    let mut open = Vec::new();
    for &c in cases {
        let started = Instant::now();
        match refute(net, &region.bounds, &property.cases[c])? {
            Some(how) => reports.push(CaseReport {
                cases: vec![c],
                outcome: how.as_str().into(),
                unstable,
                binaries: 0,
                nodes: 0,
                input_splits: 0,
                bounds_time: region.seconds,
                time: region.seconds + started.elapsed().as_secs_f64(),
            }),
            None => open.push(c),
        }
    }
    Ok(open)
}

/// The bounds of one input region and the seconds they took.
struct RegionBounds {
    bounds: NetworkBounds,
    seconds: f64,
}

/// Solves the verification MILP of a group of cases that bounds did not refute (one
/// case, or the open cases of one input region) with the branch-and-bound over the
/// region's bounds, up to the first solution with `t <= 0`, checked by a forward
/// pass.
fn solve_group(
    net: &Network,
    property: &Property,
    open: &[usize],
    region: &RegionBounds,
    options: &VerifyOptions,
    remaining: Option<Duration>,
    sink: &dyn ProgressSink,
) -> Result<(Answer, CaseReport)> {
    let started = Instant::now();
    let bounds = &region.bounds;
    let input_splits = options.strategy.input_splits(options.search.input_splits);
    let mut report = CaseReport {
        cases: open.to_vec(),
        outcome: String::new(),
        unstable: bounds.relu_counts().unstable,
        binaries: 0,
        nodes: 0,
        input_splits: 0,
        bounds_time: region.seconds,
        time: 0.0,
    };
    let pre = pre_bounds(bounds);
    let cases: Vec<Case> = open.iter().map(|&c| property.cases[c].clone()).collect();
    let milp: NetworkMilp = if cases.len() == 1 {
        verification_milp(net, &cases[0], &pre, options.formulation)?
    } else {
        combined_verification_milp(net, &cases, &pre, options.formulation)?
    };
    report.binaries = milp.model.size().binaries;
    let mut settings = options.search.clone();
    settings.objective_limit = Some(0.0);
    settings.stop_at_first_solution = true;
    settings.input_splits = input_splits;
    settings.time_limit = remaining.map(|r| r.saturating_sub(started.elapsed()));
    let (result, late_counterexample) = if options.search.schedule == Schedule::Deterministic {
        (solve(&milp.model, &settings, sink), None)
    } else {
        let cancel = Arc::new(AtomicBool::new(false));
        settings.cancel = Some(cancel.clone());
        let late = LateAttack {
            net,
            property,
            cases: open,
            skip: attack_restarts(net),
            seed: options.search.seed,
            deadline: settings.time_limit.map(|t| Instant::now() + t),
        };
        late.beside(cancel, || solve(&milp.model, &settings, sink))
    };
    let result = result?;
    report.nodes = result.stats.nodes;
    report.input_splits = result.stats.input_splits;
    report.outcome = result.status.as_str().to_string();
    report.time = region.seconds + started.elapsed().as_secs_f64();
    if let Some(cex) = late_counterexample {
        report.outcome = "late attack".into();
        return Ok((Answer::Sat(cex), report));
    }
    let answer = match result.status {
        Status::Infeasible => Answer::Unsat,
        Status::TimeLimit | Status::Interrupted | Status::MemoryLimit => Answer::Timeout,
        _ => {
            match &result.solution {
                Some(x) => {
                    let input: Vec<f64> = milp.inputs.iter().map(|&c| x[c]).collect();
                    match open.iter().find_map(|&c| check_counterexample(net, property, c, &input)) {
                    Some(cex) => Answer::Sat(cex),
                    None => Answer::Unknown(
                        "the MILP's solution failed the forward-pass check of the counterexample".into(),
                    ),
                }
                }
                None => Answer::Unknown(format!(
                    "search ended with status {}",
                    result.status.as_str()
                )),
            }
        }
    };
    Ok((answer, report))
}
