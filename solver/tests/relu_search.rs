//! The search with the ReLU structure gives the same answers as without it: on random
//! `gen relu` MILPs and verification MILPs of random networks, every branching rule
//! (generic and ReLU-aware), with neuron-stability propagation on and off, with one
//! and two threads, finds the same optimum; and the structure-aware search does its
//! work (units fixed, nodes pruned before their LP).

mod common;

use common::random_network;
use relumip_solver::branch::RuleKind;
use relumip_solver::formulate::{verification_milp, Formulation};
use relumip_solver::generate::relu_bigm;
use relumip_solver::model::Model;
use relumip_solver::nn::property::{Case, LinearConstraint};
use relumip_solver::rng::SplitMix64;
use relumip_solver::search::{Schedule, SolveResult};
use relumip_solver::{solve, NoProgress, Settings, Status};

fn run(model: &Model, rule: RuleKind, propagation: bool, threads: usize) -> SolveResult {
    let settings = Settings::builder()
        .branching(rule)
        .relu_propagation(propagation)
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
    for (rule, propagation, threads) in configurations {
        let result = run(model, rule, propagation, threads);
        assert_eq!(
            result.status, reference.status,
            "{label}: {rule} (propagation {propagation}, {threads} threads)"
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
    let mut fixed = 0;
    for seed in 0..8 {
        let model = relu_bigm(&[3, 8, 8, 2], seed);
        let result = assert_all_agree(&model, &format!("relu seed {seed}"));
        assert_eq!(result.status, Status::Optimal);
        fixed += result.stats.relu_fixed;
    }
    assert!(fixed > 0, "propagation never fixed a unit");
}

#[test]
fn verification_milps_have_one_answer() {
    let mut rng = SplitMix64::new(3);
    let mut pruned_without_lp = 0;
    for seed in 0..10 {
        let net = random_network(&[3, 8, 8, 3], &mut rng);
        let case = Case {
            input_lower: vec![-1.0; 3],
            input_upper: vec![1.0; 3],
            input_constraints: Vec::new(),
            // y0 - y1 <= rhs and y0 - y2 <= rhs: "y0 is not the largest by rhs".
            output_constraints: (1..3)
                .map(|j| LinearConstraint {
                    terms: vec![(0, -1.0), (j, 1.0)],
                    rhs: 0.2 * (seed as f64 - 5.0),
                })
                .collect(),
        };
        let bounds =
            relumip_solver::bounds::symbolic_bounds(&net, &case.input_lower, &case.input_upper)
                .expect("bounds");
        let pre = relumip_solver::verify::pre_bounds(&bounds);
        let milp = verification_milp(&net, &case, &pre, Formulation::BigM).expect("milp");
        let result = assert_all_agree(&milp.model, &format!("net {seed}"));
        pruned_without_lp += result.stats.pruned_before_lp + result.stats.relu_infeasible;
    }
    assert!(pruned_without_lp > 0, "no node was decided without its LP");
}
