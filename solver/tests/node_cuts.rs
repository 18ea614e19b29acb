//! Cuts at nodes: local ReLU cuts (separated with a node's propagated bounds) hold at
//! every feasible point of the node's subtree, checked by enumeration of the
//! activation patterns; solving with local cuts and the cut pool gives the optimum
//! found without them, on generated and verification MILPs, in both schedules, with
//! and without input splits (whose nodes branch without an LP between LP nodes).

mod common;

use common::random_network;
use relumip_solver::bounds::interval_bounds;
use relumip_solver::cuts::ReluSeparator;
use relumip_solver::formulate::{verification_milp, Formulation};
use relumip_solver::generate::relu_bigm;
use relumip_solver::lp::{LpBackend, LpLimits, LpProblem, LpRow, LpStatus};
use relumip_solver::model::Model;
use relumip_solver::nn::property::{Case, LinearConstraint};
use relumip_solver::propagation::{LocalDomain, RowStructure};
use relumip_solver::relu::{NetworkView, NodePropagator};
use relumip_solver::rng::SplitMix64;
use relumip_solver::search::{InputSplits, Schedule, SolveResult};
use relumip_solver::verify::pre_bounds;
use relumip_solver::{solve, NoProgress, Settings, Status};
use std::sync::Arc;

fn solve_with(model: &Model, local: bool, pool: bool, threads: usize) -> SolveResult {
    solve_inheriting(model, local, pool, threads, true, InputSplits::Off)
}

fn solve_inheriting(
    model: &Model,
    local: bool,
    pool: bool,
    threads: usize,
    inherit: bool,
    splits: InputSplits,
) -> SolveResult {
    let settings = Settings::builder()
        .input_splits(splits)
        .optimisation_split_min_unstable(0)
        .inherit_node_cuts(inherit)
        .threads(threads)
        .schedule(Schedule::Deterministic)
        .local_cuts(local.then_some(100))
        .cut_pool(pool)
        .build()
        .expect("valid settings");
    solve(model, &settings, &NoProgress).expect("valid model")
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1.0)
}

/// Smallest value of `row`'s left side over the LP of `problem` within `lower`,
/// `upper`, with the indicators fixed to `pattern`; `None` when that LP is
/// infeasible or the pattern lies outside the bounds.
fn pattern_minimum(
    problem: &LpProblem,
    lower: &[f64],
    upper: &[f64],
    indicators: &[usize],
    pattern: u32,
    row: &LpRow,
) -> Option<f64> {
    let mut p = problem.clone();
    p.col_lower = lower.to_vec();
    p.col_upper = upper.to_vec();
    p.costs = vec![0.0; p.num_cols()];
    for &(j, a) in &row.entries {
        p.costs[j] = a;
    }
    for (bit, &z) in indicators.iter().enumerate() {
        let v = f64::from((pattern >> bit) & 1);
        if v < p.col_lower[z] || v > p.col_upper[z] {
            return None;
        }
        p.col_lower[z] = v;
        p.col_upper[z] = v;
    }
    let mut lp = LpBackend::DualSimplex.create(&p);
    match lp.solve(&LpLimits::default()) {
        LpStatus::Optimal => Some(lp.objective()),
        LpStatus::Infeasible => None,
        other => panic!("LP status {other:?}"),
    }
}

/// What the checks of one node found.
#[derive(Default)]
struct Checked {
    /// Local cuts checked against every pattern of the node.
    cuts: usize,
    /// Of those, cuts violated somewhere in the root's feasible set (outside the
    /// node): cuts that only a node's bounds make valid.
    local_only: usize,
}

/// Draws a random node of `model` (a sub-box of the inputs, some indicators fixed),
/// propagates it as the search does, separates rounds of ReLU cuts at its LP with
/// the propagated bounds, and checks each cut against every activation pattern
/// consistent with the node: the cut's left side is minimised over the pattern's
/// LP within the node's box before propagation.
fn check_random_node(model: &Model, rng: &mut SplitMix64, label: &str) -> Checked {
    let structure = model.relu.as_ref().expect("structure");
    let problem = LpProblem::relaxation(model);
    let integral: Vec<bool> = model
        .variables
        .iter()
        .map(|v| v.kind.is_integral())
        .collect();
    let view = NetworkView::new(structure, model.num_cols()).expect("compiles");
    let propagator =
        NodePropagator::new(view, &RowStructure::new(&problem, integral), &problem.costs);
    let separator = ReluSeparator::new(structure).expect("units to separate");
    let indicators: Vec<usize> = structure.units.iter().filter_map(|u| u.indicator).collect();
    assert!(indicators.len() <= 12, "{label}: too many patterns");
    let (mut lower, mut upper) = (problem.col_lower.clone(), problem.col_upper.clone());
    for &c in &structure.inputs {
        let (lo, up) = (lower[c], upper[c]);
        let a = rng.uniform(lo, up);
        let b = rng.uniform(lo, up);
        lower[c] = lo.max(a.min(b) - 0.2 * (up - lo));
        upper[c] = up.min(a.max(b) + 0.2 * (up - lo));
    }
    for &z in &indicators {
        match rng.below(5) {
            0 => upper[z] = 0.0,
            1 => lower[z] = 1.0,
            _ => {}
        }
    }
    let mut dom = LocalDomain::new(Arc::new(lower.clone()), Arc::new(upper.clone()));
    let mut checked = Checked::default();
    if propagator.propagate(&mut dom, 0).infeasible {
        return checked;
    }
    let mut node_lp = problem.clone();
    node_lp.col_lower.clone_from(&dom.lower);
    node_lp.col_upper.clone_from(&dom.upper);
    for _ in 0..3 {
        let mut lp = LpBackend::DualSimplex.create(&node_lp);
        if lp.solve(&LpLimits::default()) != LpStatus::Optimal {
            break;
        }
        let cuts = separator.separate_at(&dom.lower, &dom.upper, lp.primal());
        if cuts.is_empty() {
            break;
        }
        for cut in &cuts {
            for pattern in 0..1u32 << indicators.len() {
                let min = pattern_minimum(&problem, &lower, &upper, &indicators, pattern, &cut.row);
                if let Some(min) = min {
                    assert!(
                        min >= cut.row.lower - 1e-7 * cut.row.lower.abs().max(1.0),
                        "{label}: local cut {:?} violated by {:e} in pattern {pattern:b}",
                        cut.row,
                        cut.row.lower - min
                    );
                }
            }
            checked.cuts += 1;
            let root = (0..1u32 << indicators.len()).filter_map(|pattern| {
                let (l, u) = (&problem.col_lower, &problem.col_upper);
                pattern_minimum(&problem, l, u, &indicators, pattern, &cut.row)
            });
            if root.into_iter().any(|min| min < cut.row.lower - 1e-6) {
                checked.local_only += 1;
            }
        }
        node_lp.rows.extend(cuts.into_iter().map(|c| c.row));
    }
    checked
}

#[test]
fn local_cuts_hold_in_the_subtree_of_generated_networks() {
    let mut rng = SplitMix64::new(21);
    let (mut cuts, mut local_only) = (0, 0);
    for seed in 0..12 {
        let model = relu_bigm(&[2, 4, 4, 2], seed);
        for _ in 0..4 {
            let checked = check_random_node(&model, &mut rng, &model.name);
            cuts += checked.cuts;
            local_only += checked.local_only;
        }
    }
    assert!(cuts > 40, "only {cuts} local cuts checked");
    assert!(
        local_only > 5,
        "only {local_only} of {cuts} cuts needed the node's bounds"
    );
}

/// A verification MILP (`min t` with `t >= y0 - y1 - d`) of a random network.
fn verification_model(widths: &[usize], seed: u64, rng: &mut SplitMix64) -> Model {
    let net = random_network(widths, rng);
    let inputs = widths[0];
    let case = Case {
        input_lower: vec![-1.0; inputs],
        input_upper: vec![1.0; inputs],
        input_constraints: Vec::new(),
        output_constraints: vec![LinearConstraint {
            terms: vec![(0, 1.0), (1, -1.0)],
            rhs: 0.1 * (seed as f64 - 6.0),
        }],
    };
    let bounds = interval_bounds(&net, &case.input_lower, &case.input_upper).expect("bounds");
    let milp = verification_milp(&net, &case, &pre_bounds(&bounds), Formulation::BigM);
    milp.expect("milp").model
}

#[test]
fn local_cuts_hold_in_the_subtree_of_verification_networks() {
    let mut rng = SplitMix64::new(5);
    let mut cuts = 0;
    for seed in 0..8 {
        let model = verification_model(&[2, 5, 4, 2], seed, &mut rng);
        for _ in 0..4 {
            cuts += check_random_node(&model, &mut rng, &format!("net {seed}")).cuts;
        }
    }
    assert!(cuts > 20, "only {cuts} local cuts checked");
}

/// Solves `model` without node cuts, then with local cuts, the pool, and both (one
/// and two threads, with and without inheritance, with input splits off and
/// `auto`): the same optimum every time. Returns the local cuts and pool cuts the
/// runs added.
fn check_optimum(model: &Model, label: &str) -> (u64, u64) {
    let reference = solve_with(model, false, false, 1);
    assert_eq!(reference.status, Status::Optimal, "{label}");
    let optimum = reference.objective.expect("optimum");
    let (mut local, mut pool) = (0, 0);
    let configurations = [
        (true, false, 1, true),
        (false, true, 1, true),
        (true, true, 1, true),
        (true, true, 2, true),
        (true, true, 1, false),
    ];
    let runs = configurations
        .iter()
        .flat_map(|&c| [InputSplits::Off, InputSplits::Auto].map(move |s| (c, s)));
    for ((with_local, with_pool, threads, inherit), splits) in runs {
        let result = solve_inheriting(model, with_local, with_pool, threads, inherit, splits);
        let tag = format!(
            "{label} local {with_local} pool {with_pool} threads {threads} inherit {inherit} input splits {}",
            splits.name()
        );
        assert_eq!(result.status, Status::Optimal, "{tag}");
        let objective = result.objective.expect("optimum");
        assert!(close(objective, optimum), "{tag}: {objective} vs {optimum}");
        assert!(with_local || result.stats.local_cuts == 0, "{tag}");
        assert!(with_pool || result.stats.pool_readds == 0, "{tag}");
        local += result.stats.local_cuts;
        pool += result.stats.pool_readds;
    }
    (local, pool)
}

#[test]
fn generated_optima_do_not_change_with_node_cuts() {
    let (mut local, mut pool) = (0, 0);
    for seed in 0..8 {
        for widths in [&[2, 4, 4, 2][..], &[3, 8, 6, 2], &[4, 10, 10, 2]] {
            let model = relu_bigm(widths, seed);
            let (l, p) = check_optimum(&model, &model.name);
            local += l;
            pool += p;
        }
    }
    assert!(local > 200, "only {local} local cuts added");
    assert!(pool > 20, "only {pool} pool cuts added");
}

#[test]
fn verification_optima_do_not_change_with_node_cuts() {
    let mut rng = SplitMix64::new(13);
    let mut local = 0;
    for seed in 0..10 {
        let model = verification_model(&[3, 8, 6, 2], seed, &mut rng);
        local += check_optimum(&model, &format!("net {seed}")).0;
    }
    assert!(local > 20, "only {local} local cuts added");
}

#[test]
fn deterministic_runs_repeat_with_node_cuts() {
    let model = relu_bigm(&[4, 10, 10, 2], 3);
    for threads in [1, 2] {
        let first = solve_with(&model, true, true, threads);
        let second = solve_with(&model, true, true, threads);
        assert_eq!(first.stats.nodes, second.stats.nodes, "threads {threads}");
        assert_eq!(first.stats.local_cuts, second.stats.local_cuts);
        assert_eq!(first.stats.pool_readds, second.stats.pool_readds);
        assert_eq!(first.stats.pool_aged_out, second.stats.pool_aged_out);
    }
}
