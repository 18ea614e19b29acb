//! The search with the ReLU structure gives the same answers as without it: on random
//! `gen relu` MILPs and verification MILPs of random networks, every branching rule
//! (generic and ReLU-aware), with neuron-stability propagation on and off, with one
//! and two threads, finds the same optimum; and the structure-aware search does its
//! work (units fixed, nodes pruned before their LP).

mod common;

use common::random_network;
use relumip_solver::branch::RuleKind;
use relumip_solver::formulate::{verification_milp, Formulation, NetworkMilp};
use relumip_solver::generate::relu_bigm;
use relumip_solver::model::Model;
use relumip_solver::nn::property::{Case, LinearConstraint};
use relumip_solver::nn::Network;
use relumip_solver::rng::SplitMix64;
use relumip_solver::search::{InputSplits, Schedule, SolveResult};
use relumip_solver::{solve, NoProgress, Settings, Status};

fn run(model: &Model, rule: RuleKind, propagation: bool, threads: usize) -> SolveResult {
    run_with(model, rule, propagation, threads, InputSplits::Auto)
}

fn run_with(
    model: &Model,
    rule: RuleKind,
    propagation: bool,
    threads: usize,
    splits: InputSplits,
) -> SolveResult {
    let settings = Settings::builder()
        .branching(rule)
        .relu_propagation(propagation)
        .input_splits(splits)
        .optimisation_split_min_unstable(0)
        .threads(threads)
        .schedule(Schedule::Deterministic)
        .build()
        .expect("settings");
    solve(model, &settings, &NoProgress).expect("solves")
}

/// Every configuration agrees with the generic search without the structure.
fn assert_all_agree(model: &Model, label: &str) -> SolveResult {
    let reference = run(model, RuleKind::MostFractional, false, 1);
    let configurations = [
        (RuleKind::Reliability, true, 1),
        (RuleKind::Pseudocost, true, 2),
        (RuleKind::Babsr, true, 1),
        (RuleKind::Fsb, true, 1),
        (RuleKind::Fsb, true, 2),
        (RuleKind::Auto, true, 1),
        (RuleKind::Babsr, false, 1),
    ];
    let splits = [InputSplits::Auto, InputSplits::Off];
    let runs = configurations
        .iter()
        .flat_map(|&c| splits.iter().map(move |&s| (c, s)));
    for ((rule, propagation, threads), split) in runs {
        let result = run_with(model, rule, propagation, threads, split);
        assert_eq!(
            result.status,
            reference.status,
            "{label}: {rule} (propagation {propagation}, {threads} threads, input splits {})",
            split.name()
        );
        if let (Some(a), Some(b)) = (result.objective, reference.objective) {
            assert!(
                (a - b).abs() <= 1e-6 * b.abs().max(1.0),
                "{label}: {rule} (propagation {propagation}) found {a}, reference {b}"
            );
        }
    }
    run(model, RuleKind::Auto, true, 1)
}

#[test]
fn generated_relu_milps_have_one_optimum() {
    let (mut fixed, mut input_splits) = (0, 0);
    for seed in 0..8 {
        let model = relu_bigm(&[3, 8, 8, 2], seed);
        let result = assert_all_agree(&model, &format!("relu seed {seed}"));
        assert_eq!(result.status, Status::Optimal);
        fixed += result.stats.relu_fixed;
        input_splits += result.stats.input_splits;
    }
    assert!(fixed > 0, "propagation never fixed a unit");
    // Optimising over a network with three inputs, `auto` splits inputs.
    assert!(input_splits > 0, "no node was split on an input");
}

/// The case "output 0 is not the largest by `rhs`" (`y_j - y0 <= rhs` for the other
/// two outputs) over `[-1, 1]^inputs` and its big-M verification MILP with symbolic
/// pre-activation bounds.
fn not_largest(net: &Network, inputs: usize, rhs: f64) -> (Case, NetworkMilp) {
    let case = Case {
        input_lower: vec![-1.0; inputs],
        input_upper: vec![1.0; inputs],
        input_constraints: Vec::new(),
        output_constraints: (1..3)
            .map(|j| LinearConstraint {
                terms: vec![(0, -1.0), (j, 1.0)],
                rhs,
            })
            .collect(),
    };
    let bounds = relumip_solver::bounds::symbolic_bounds(net, &case.input_lower, &case.input_upper)
        .expect("bounds");
    let pre = relumip_solver::verify::pre_bounds(&bounds);
    let milp = verification_milp(net, &case, &pre, Formulation::BigM).expect("milp");
    (case, milp)
}

#[test]
fn verification_milps_have_one_answer() {
    let mut rng = SplitMix64::new(3);
    let mut pruned_without_lp = 0;
    for seed in 0..10 {
        let net = random_network(&[3, 8, 8, 3], &mut rng);
        let (_, milp) = not_largest(&net, 3, 0.2 * (seed as f64 - 5.0));
        let result = assert_all_agree(&milp.model, &format!("net {seed}"));
        pruned_without_lp += result.stats.pruned_before_lp + result.stats.relu_infeasible;
    }
    assert!(pruned_without_lp > 0, "no node was decided without its LP");
}

/// Solves a verification MILP of `case` on `net` with `settings` and checks that a
/// reported solution's inputs meet every output constraint of the case in a
/// forward pass of the network.
fn solve_verification(
    net: &Network,
    case: &Case,
    milp: &NetworkMilp,
    settings: &Settings,
    label: &str,
) -> SolveResult {
    let result = solve(&milp.model, settings, &NoProgress).expect("solves");
    if let Some(x) = &result.solution {
        let input: Vec<f64> = milp.inputs.iter().map(|&c| x[c]).collect();
        let y = net.forward(&input);
        for c in &case.output_constraints {
            assert!(
                c.lhs(&y) - c.rhs <= 1e-6,
                "{label}: the solution's inputs miss an output constraint"
            );
        }
    }
    result
}

/// Feasibility-form verification MILPs (`t <= 0`: feasible exactly when the case has
/// a counterexample), stopped at the first solution: input splitting and the
/// LP-only search give the same answer, every solution's inputs meet the case's
/// output constraints in a forward pass of the network, and input splitting does
/// its work without LPs.
#[test]
fn input_splitting_decides_verification_milps_like_the_lp_search() {
    let mut rng = SplitMix64::new(11);
    let (mut sat, mut unsat, mut splits) = (0, 0, 0);
    for seed in 0..12 {
        let net = random_network(&[2, 10, 10, 3], &mut rng);
        let (case, mut milp) = not_largest(&net, 2, 0.15 * (seed as f64 - 6.0));
        milp.restrict_to_counterexamples();
        let mut answers = Vec::new();
        for split in [InputSplits::On, InputSplits::Off] {
            let settings = Settings::builder()
                .input_splits(split)
                .stop_at_first_solution(true)
                .threads(1)
                .build()
                .expect("settings");
            let result = solve_verification(&net, &case, &milp, &settings, &format!("net {seed}"));
            if split == InputSplits::On {
                splits += result.stats.input_splits;
            }
            answers.push(result.status);
        }
        assert_eq!(
            answers[0], answers[1],
            "net {seed}: input splits on and off"
        );
        match answers[0] {
            Status::SolutionLimit => sat += 1,
            Status::Infeasible => unsat += 1,
            other => panic!("net {seed}: status {other:?}"),
        }
    }
    assert!(
        sat > 0 && unsat > 0,
        "sat {sat}, unsat {unsat}: both answers wanted"
    );
    assert!(splits > 0, "no node was split on an input");
}

/// Indicator splits without an LP (nodes bounded by propagation and optimised
/// slopes) give the answers of the LP search: the same sat / unsat answer on
/// feasibility-form verification MILPs, with every solution's inputs meeting the
/// case in a forward pass, and the same optimal margin on the optimisation form;
/// and they do their work (nodes split without an LP).
#[test]
fn lp_free_unit_splits_decide_like_the_lp_search() {
    use relumip_solver::search::UnitSplits;
    let mut rng = SplitMix64::new(29);
    let (mut sat, mut unsat, mut splits) = (0, 0, 0);
    let settings = |mode: UnitSplits, first: bool| {
        Settings::builder()
            .input_splits(InputSplits::Off)
            .unit_splits(mode)
            .stop_at_first_solution(first)
            .threads(1)
            .build()
            .expect("settings")
    };
    for seed in 0..10 {
        let net = random_network(&[4, 12, 12, 3], &mut rng);
        let (case, milp) = not_largest(&net, 4, 0.2 * (seed as f64 - 5.0));
        // The optimal margin.
        let margins: Vec<f64> = [UnitSplits::On, UnitSplits::Off]
            .map(|mode| {
                let result =
                    solve(&milp.model, &settings(mode, false), &NoProgress).expect("solves");
                assert_eq!(result.status, Status::Optimal, "net {seed} ({mode:?})");
                if mode == UnitSplits::On {
                    splits += result.stats.lp_free_unit_splits;
                }
                result.objective.expect("objective")
            })
            .to_vec();
        assert!(
            (margins[0] - margins[1]).abs() <= 1e-6 * margins[1].abs().max(1.0),
            "net {seed}: margins {margins:?}"
        );
        // The feasibility question.
        let mut feasibility = milp.clone();
        feasibility.restrict_to_counterexamples();
        let answers: Vec<Status> = [UnitSplits::On, UnitSplits::Off]
            .map(|mode| {
                let result =
                    solve(&feasibility.model, &settings(mode, true), &NoProgress).expect("solves");
                if let Some(x) = &result.solution {
                    let input: Vec<f64> = feasibility.inputs.iter().map(|&c| x[c]).collect();
                    let y = net.forward(&input);
                    assert!(
                        case.output_constraints
                            .iter()
                            .all(|c| c.lhs(&y) - c.rhs <= 1e-6),
                        "net {seed}: the solution's inputs miss an output constraint"
                    );
                }
                if mode == UnitSplits::On {
                    splits += result.stats.lp_free_unit_splits;
                }
                result.status
            })
            .to_vec();
        assert_eq!(answers[0], answers[1], "net {seed}: unit splits on and off");
        match answers[0] {
            Status::SolutionLimit => sat += 1,
            Status::Infeasible => unsat += 1,
            other => panic!("net {seed}: status {other:?}"),
        }
    }
    assert!(
        sat > 0 && unsat > 0,
        "sat {sat}, unsat {unsat}: both answers wanted"
    );
    assert!(splits > 0, "no node was split without an LP");
}

/// Verification MILPs in the form `verify` solves them (minimise `t` with an
/// objective limit of 0, stop at the first solution): input splits with optimised
/// slopes at the split nodes, without them, and the LP search give the same
/// answer, and the slopes close nodes that propagation left open.
#[test]
fn optimised_slopes_at_split_nodes_keep_verification_answers() {
    let mut rng = SplitMix64::new(5);
    let (mut sat, mut unsat, mut closed) = (0, 0, 0);
    for seed in 0..10 {
        let net = random_network(&[2, 20, 20, 3], &mut rng);
        let (case, milp) = not_largest(&net, 2, 0.1 * (seed as f64 - 5.0));
        let mut answers = Vec::new();
        for (split, alpha) in [
            (InputSplits::On, 10),
            (InputSplits::On, 0),
            (InputSplits::Off, 0),
        ] {
            let settings = Settings::builder()
                .input_splits(split)
                .input_split_alpha_steps(alpha)
                .objective_limit(Some(0.0))
                .stop_at_first_solution(true)
                .threads(1)
                .build()
                .expect("settings");
            let result = solve_verification(&net, &case, &milp, &settings, &format!("net {seed}"));
            closed += result.stats.input_split_alpha_closed;
            answers.push(result.status);
        }
        assert!(
            answers.iter().all(|&a| a == answers[0]),
            "net {seed}: {answers:?}"
        );
        match answers[0] {
            Status::SolutionLimit => sat += 1,
            Status::Infeasible => unsat += 1,
            other => panic!("net {seed}: status {other:?}"),
        }
    }
    assert!(sat > 0 && unsat > 0, "sat {sat}, unsat {unsat}");
    assert!(closed > 0, "no split node was closed by optimised slopes");
}

/// A search whose cancel flag is set ends as at its time limit (status
/// `time_limit`, no proof of optimality), in both schedules; the same search
/// without the flag is solved to optimality.
#[test]
fn a_set_cancel_flag_ends_the_search() {
    use std::sync::atomic::AtomicBool;
    use std::sync::Arc;
    let model = relu_bigm(&[3, 8, 8, 2], 3);
    for schedule in [Schedule::Opportunistic, Schedule::Deterministic] {
        let mut settings = Settings::builder()
            .threads(2)
            .schedule(schedule)
            .build()
            .expect("settings");
        let solved = solve(&model, &settings, &NoProgress).expect("solves");
        assert_eq!(solved.status, Status::Optimal, "{schedule:?}");
        settings.cancel = Some(Arc::new(AtomicBool::new(true)));
        let cancelled = solve(&model, &settings, &NoProgress).expect("solves");
        assert_eq!(cancelled.status, Status::TimeLimit, "{schedule:?}");
        assert!(
            cancelled.stats.nodes <= 2,
            "{schedule:?}: {} nodes",
            cancelled.stats.nodes
        );
    }
}
