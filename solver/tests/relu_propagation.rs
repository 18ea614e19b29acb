//! Neuron-stability propagation never removes a feasible point.
//!
//! On random small networks (`gen relu` MILPs and verification MILPs), a random node
//! (a sub-box of the inputs and some indicators fixed) is propagated. Against brute
//! force over every activation pattern consistent with the node (each an LP with all
//! indicators fixed): the node's optimum, in both objective directions, is the same
//! with the propagated bounds, and the node is proved infeasible only when no pattern
//! is feasible. Sampled inputs of the sub-box whose forward pass agrees with the fixed
//! indicators all lie within the propagated bounds.

mod common;

use common::random_network;
use relumip_solver::formulate::{verification_milp, Formulation};
use relumip_solver::generate::relu_bigm;
use relumip_solver::lp::{LpBackend, LpLimits, LpProblem, LpStatus};
use relumip_solver::model::Model;
use relumip_solver::nn::property::{Case, LinearConstraint};
use relumip_solver::propagation::{LocalDomain, RowStructure};
use relumip_solver::relu::{NetworkView, NodePropagator};
use relumip_solver::rng::SplitMix64;
use std::sync::Arc;

/// A node of `model`: its column bounds.
struct NodeBounds {
    lower: Vec<f64>,
    upper: Vec<f64>,
}

/// Optimum of `costs` (minimised) over the node's LP with every indicator fixed to
/// `pattern`; `None` when infeasible.
fn pattern_optimum(
    problem: &LpProblem,
    node: &NodeBounds,
    indicators: &[usize],
    pattern: u32,
    costs: &[f64],
) -> Option<f64> {
    let mut p = problem.clone();
    p.col_lower.clone_from(&node.lower);
    p.col_upper.clone_from(&node.upper);
    p.costs = costs.to_vec();
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

/// The node's MILP optimum by enumeration of the patterns (`None`: infeasible).
fn node_optimum(
    problem: &LpProblem,
    node: &NodeBounds,
    indicators: &[usize],
    costs: &[f64],
) -> Option<f64> {
    (0..1u32 << indicators.len())
        .filter_map(|p| pattern_optimum(problem, node, indicators, p, costs))
        .reduce(f64::min)
}

/// Draws a random node of `model`, propagates it and checks it against brute force.
fn check_random_node(model: &Model, rng: &mut SplitMix64, label: &str) -> bool {
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
    let indicators: Vec<usize> = structure.units.iter().filter_map(|u| u.indicator).collect();
    assert!(indicators.len() <= 10, "{label}: too many patterns");
    let mut node = NodeBounds {
        lower: problem.col_lower.clone(),
        upper: problem.col_upper.clone(),
    };
    for &c in &structure.inputs {
        let (lo, up) = (node.lower[c], node.upper[c]);
        let a = rng.uniform(lo, up);
        let b = rng.uniform(lo, up);
        node.lower[c] = a.min(b);
        node.upper[c] = a.max(b);
    }
    for &z in &indicators {
        match rng.below(4) {
            0 => node.upper[z] = 0.0,
            1 => node.lower[z] = 1.0,
            _ => {}
        }
    }
    let mut dom = LocalDomain::new(Arc::new(node.lower.clone()), Arc::new(node.upper.clone()));
    let outcome = propagator.propagate(&mut dom, 0);
    let propagated = NodeBounds {
        lower: dom.lower.clone(),
        upper: dom.upper.clone(),
    };
    for &(sign, direction) in &[(1.0, "min"), (-1.0, "max")] {
        let costs: Vec<f64> = problem.costs.iter().map(|c| sign * c).collect();
        let before = node_optimum(&problem, &node, &indicators, &costs);
        if outcome.infeasible {
            assert_eq!(
                before, None,
                "{label}: a feasible node was proved infeasible"
            );
            return false;
        }
        let after = node_optimum(&problem, &propagated, &indicators, &costs);
        match (before, after) {
            (Some(b), Some(a)) => assert!(
                (a - b).abs() <= 1e-6 * b.abs().max(1.0),
                "{label}: {direction} {b} became {a}"
            ),
            (None, _) => {}
            (Some(b), None) => panic!("{label}: {direction} {b} became infeasible"),
        }
    }
    // Sampled feasible points of the node stay within the propagated bounds.
    for _ in 0..200 {
        let mut point = vec![0.0; model.num_cols()];
        for &c in &structure.inputs {
            point[c] = rng.uniform(node.lower[c], node.upper[c]);
        }
        assert!(structure.complete_point(&mut point));
        let agrees = indicators
            .iter()
            .all(|&z| point[z] >= node.lower[z] && point[z] <= node.upper[z]);
        if !agrees {
            continue;
        }
        let columns = structure
            .units
            .iter()
            .flat_map(|u| [u.pre, u.post])
            .flatten()
            .chain(structure.linear.iter().map(|u| u.column))
            .chain(structure.inputs.iter().copied());
        for j in columns {
            let v = point[j];
            let scale = v.abs().max(1.0) * 1e-9;
            assert!(
                v >= propagated.lower[j] - scale && v <= propagated.upper[j] + scale,
                "{label}: column {} = {v} left [{}, {}]",
                model.variables[j].name,
                propagated.lower[j],
                propagated.upper[j]
            );
        }
    }
    outcome.fixed > 0 || !outcome.changes.is_empty()
}

#[test]
fn generated_networks_keep_every_feasible_point() {
    let mut rng = SplitMix64::new(17);
    let mut tightened = 0;
    for seed in 0..12 {
        let model = relu_bigm(&[2, 4, 4, 2], seed);
        let unstable = model.relu.as_ref().map_or(0, |s| s.num_unstable());
        if unstable > 10 {
            continue;
        }
        for node in 0..6 {
            if check_random_node(&model, &mut rng, &format!("seed {seed} node {node}")) {
                tightened += 1;
            }
        }
    }
    assert!(
        tightened > 10,
        "propagation tightened only {tightened} nodes"
    );
}

/// Verification MILPs: the output row `y0 - y1 - t <= 0` bounds `t` by
/// back-substitution; still no feasible point is lost.
#[test]
fn verification_milps_keep_every_feasible_point() {
    let mut rng = SplitMix64::new(5);
    let mut checked = 0;
    for seed in 0..20 {
        let net = random_network(&[2, 4, 3, 2], &mut rng);
        let case = Case {
            input_lower: vec![-1.0, -1.0],
            input_upper: vec![1.0, 1.0],
            input_constraints: Vec::new(),
            output_constraints: vec![LinearConstraint {
                terms: vec![(0, 1.0), (1, -1.0)],
                rhs: 0.1 * (seed as f64 - 10.0),
            }],
        };
        let bounds =
            relumip_solver::bounds::interval_bounds(&net, &case.input_lower, &case.input_upper)
                .expect("bounds");
        let pre = relumip_solver::verify::pre_bounds(&bounds);
        let milp = verification_milp(&net, &case, &pre, Formulation::BigM).expect("milp");
        let unstable = milp.model.relu.as_ref().map_or(0, |s| s.num_unstable());
        if unstable > 9 {
            continue;
        }
        for node in 0..5 {
            check_random_node(&milp.model, &mut rng, &format!("net {seed} node {node}"));
            checked += 1;
        }
    }
    assert!(checked >= 40, "only {checked} nodes checked");
}
