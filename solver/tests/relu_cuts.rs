//! ReLU cuts on whole MILPs: every cut the separator derives from an LP point of a
//! random network's MILP holds at the network's forward-pass points; solving with
//! cuts gives the optimum found without them (and by enumeration of the activation
//! patterns on the smallest networks); the root bound with ReLU cuts is never below
//! the one without.

mod common;

use common::random_network;
use relumip_solver::bounds::interval_bounds;
use relumip_solver::cuts::{CutFamilies, CutFamily, ReluSeparator};
use relumip_solver::formulate::{verification_milp, Formulation};
use relumip_solver::generate::relu_bigm;
use relumip_solver::lp::{LpBackend, LpLimits, LpProblem, LpStatus};
use relumip_solver::model::Model;
use relumip_solver::nn::property::{Case, LinearConstraint};
use relumip_solver::rng::SplitMix64;
use relumip_solver::search::{InputSplits, Schedule, SolveResult};
use relumip_solver::verify::pre_bounds;
use relumip_solver::{solve, NoProgress, Settings, Status};

/// Solves with the LP at every node (no input splits), so that the root LP and its
/// cuts are always there.
fn solve_with(model: &Model, cuts: CutFamilies) -> SolveResult {
    let settings = Settings {
        threads: 1,
        input_splits: InputSplits::Off,
        schedule: Schedule::Deterministic,
        cuts,
        ..Settings::default()
    };
    solve(model, &settings, &NoProgress).expect("valid model")
}

/// The MILP optimum by enumeration of the activation patterns (an LP each).
fn brute_force_optimum(model: &Model) -> Option<f64> {
    let problem = LpProblem::relaxation(model);
    let indicators: Vec<usize> = model
        .relu
        .as_ref()
        .expect("structure")
        .units
        .iter()
        .filter_map(|u| u.indicator)
        .collect();
    assert!(indicators.len() <= 12, "too many patterns");
    (0..1u32 << indicators.len())
        .filter_map(|pattern| {
            let mut p = problem.clone();
            for (bit, &z) in indicators.iter().enumerate() {
                let v = f64::from((pattern >> bit) & 1);
                (p.col_lower[z], p.col_upper[z]) = (v, v);
            }
            let mut lp = LpBackend::DualSimplex.create(&p);
            (lp.solve(&LpLimits::default()) == LpStatus::Optimal).then(|| lp.objective())
        })
        .reduce(f64::min)
        .map(|v| match model.sense {
            relumip_solver::model::ObjSense::Minimize => v,
            relumip_solver::model::ObjSense::Maximize => -v,
        } + model.objective_constant)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1.0)
}

/// Rounds of ReLU separation on the LP relaxation of `model`; every cut is checked
/// at `samples` forward-pass points. Returns the number of cuts checked.
fn check_cuts_at_forward_points(model: &Model, rng: &mut SplitMix64, samples: usize) -> usize {
    let structure = model.relu.as_ref().expect("structure");
    let Some(separator) = ReluSeparator::new(structure) else {
        return 0;
    };
    let mut points = Vec::with_capacity(samples);
    for _ in 0..samples {
        let mut point = vec![0.0; model.num_cols()];
        for &c in &structure.inputs {
            let v = &model.variables[c];
            point[c] = match rng.below(5) {
                0 => v.lower,
                1 => v.upper,
                _ => rng.uniform(v.lower, v.upper),
            };
        }
        assert!(structure.complete_point(&mut point));
        points.push(point);
    }
    let mut problem = LpProblem::relaxation(model);
    let mut checked = 0;
    for _ in 0..5 {
        let mut lp = LpBackend::DualSimplex.create(&problem);
        assert_eq!(lp.solve(&LpLimits::default()), LpStatus::Optimal);
        let cuts = separator.separate_at(&problem.col_lower, &problem.col_upper, lp.primal());
        if cuts.is_empty() {
            break;
        }
        for cut in &cuts {
            for point in &points {
                let activity: f64 = cut.row.entries.iter().map(|&(j, a)| a * point[j]).sum();
                assert!(
                    activity >= cut.row.lower,
                    "{}: cut {:?} violated by {:e}",
                    model.name,
                    cut.row,
                    cut.row.lower - activity
                );
            }
            checked += 1;
        }
        problem.rows.extend(cuts.into_iter().map(|c| c.row));
    }
    checked
}

#[test]
fn cuts_hold_at_forward_pass_points_of_generated_networks() {
    let mut rng = SplitMix64::new(3);
    let mut checked = 0;
    for seed in 0..6 {
        for widths in [&[3, 8, 8, 2][..], &[4, 12, 10, 6, 2]] {
            let model = relu_bigm(widths, seed);
            checked += check_cuts_at_forward_points(&model, &mut rng, 400);
        }
    }
    assert!(checked > 100, "only {checked} cuts checked");
}

#[test]
fn generated_optima_do_not_change_with_cuts() {
    let mut improved = 0;
    for seed in 0..10 {
        for widths in [&[2, 4, 4, 2][..], &[3, 8, 6, 2], &[4, 10, 10, 2]] {
            let model = relu_bigm(widths, seed);
            let reference = solve_with(&model, CutFamilies::none());
            assert_eq!(reference.status, Status::Optimal, "{}", model.name);
            let optimum = reference.objective.expect("optimum");
            if model.relu.as_ref().is_some_and(|s| s.num_unstable() <= 8) {
                let enumerated = brute_force_optimum(&model).expect("feasible");
                assert!(
                    close(optimum, enumerated),
                    "{}: {optimum} vs {enumerated}",
                    model.name
                );
            }
            let root_without = reference.stats.root_lp_objective.expect("root LP");
            for cuts in [CutFamilies::all(), CutFamily::Relu.into()] {
                let result = solve_with(&model, cuts);
                assert_eq!(result.status, Status::Optimal, "{} {cuts}", model.name);
                let objective = result.objective.expect("optimum");
                assert!(
                    close(objective, optimum),
                    "{} {cuts}: {objective} vs {optimum}",
                    model.name
                );
                // Minimisation: the root bound with cuts is not below the one without.
                let root = result.stats.root_lp_objective.expect("root LP");
                assert!(
                    root >= root_without - 1e-7 * root_without.abs().max(1.0),
                    "{} {cuts}: root {root} below {root_without}",
                    model.name
                );
                if cuts == CutFamily::Relu.into() {
                    let stats = &result.stats.cut_families;
                    assert!(stats
                        .iter()
                        .all(|f| f.family == "relu" && f.bound_gain >= -1e-9));
                    if root > root_without + 1e-4 * root_without.abs().max(1.0) {
                        improved += 1;
                    }
                }
            }
        }
    }
    assert!(
        improved >= 10,
        "ReLU cuts raised the root bound on only {improved} models"
    );
}

/// Verification MILPs (`min t` with `t >= y0 - y1 - d`), big-M and partition: the
/// same optimum with and without cuts, and ReLU cuts valid at forward-pass points.
#[test]
fn verification_optima_do_not_change_with_cuts() {
    let mut rng = SplitMix64::new(9);
    let mut checked = 0;
    for seed in 0..12 {
        let net = random_network(&[3, 8, 6, 2], &mut rng);
        let case = Case {
            input_lower: vec![-1.0; 3],
            input_upper: vec![1.0; 3],
            input_constraints: Vec::new(),
            output_constraints: vec![LinearConstraint {
                terms: vec![(0, 1.0), (1, -1.0)],
                rhs: 0.1 * (seed as f64 - 6.0),
            }],
        };
        let bounds = interval_bounds(&net, &case.input_lower, &case.input_upper).expect("bounds");
        let pre = pre_bounds(&bounds);
        for formulation in [Formulation::BigM, Formulation::Partition(2)] {
            let milp = verification_milp(&net, &case, &pre, formulation).expect("milp");
            checked += check_cuts_at_forward_points(&milp.model, &mut rng, 200);
            let reference = solve_with(&milp.model, CutFamilies::none());
            assert_eq!(reference.status, Status::Optimal);
            let optimum = reference.objective.expect("optimum");
            let with_cuts = solve_with(&milp.model, CutFamilies::all());
            assert_eq!(with_cuts.status, Status::Optimal);
            let objective = with_cuts.objective.expect("optimum");
            assert!(
                close(objective, optimum),
                "net {seed} {formulation:?}: {objective} vs {optimum}"
            );
        }
    }
    assert!(checked > 50, "only {checked} cuts checked");
}
