//! Random small MILPs checked against exhaustive enumeration of their integer part.
//!
//! Each case has up to 14 binaries, a few general integers with small ranges and a few
//! continuous variables. The reference enumerates every integer assignment and solves
//! the LP of the continuous part with the microlp backend (independent of the search):
//! the best value, infeasibility and unboundedness must all agree with `solve`.

use relumip_solver::branch::RuleKind;
use relumip_solver::lp::{LpBackend, LpLimits, LpProblem, LpStatus};
use relumip_solver::model::{Model, ObjSense, VarKind};
use relumip_solver::rng::SplitMix64;
use relumip_solver::search::{solve, NoProgress, Schedule, Settings, Status};

#[derive(Debug, PartialEq)]
enum Answer {
    Optimal(f64),
    Infeasible,
    Unbounded,
}

fn random_model(
    seed: u64,
    binaries: usize,
    integers: usize,
    continuous: usize,
    allow_unbounded: bool,
) -> Model {
    let mut rng = SplitMix64::new(seed);
    let mut m = Model::new(&format!("random{seed}"));
    m.sense = if rng.below(2) == 0 {
        ObjSense::Minimize
    } else {
        ObjSense::Maximize
    };
    for i in 0..binaries {
        m.add_variable(
            &format!("b{i}"),
            VarKind::Binary,
            0.0,
            1.0,
            rng.int(-9, 9) as f64,
        );
    }
    for i in 0..integers {
        let lo = rng.int(-2, 1) as f64;
        let hi = lo + rng.int(1, 3) as f64;
        m.add_variable(
            &format!("i{i}"),
            VarKind::Integer,
            lo,
            hi,
            rng.int(-9, 9) as f64,
        );
    }
    for i in 0..continuous {
        let (lo, hi) = if allow_unbounded && rng.below(3) == 0 {
            if rng.below(2) == 0 {
                (0.0, f64::INFINITY)
            } else {
                (f64::NEG_INFINITY, 2.0)
            }
        } else {
            (rng.int(-3, 0) as f64, rng.int(1, 5) as f64)
        };
        m.add_variable(
            &format!("x{i}"),
            VarKind::Continuous,
            lo,
            hi,
            rng.int(-9, 9) as f64 + 0.5,
        );
    }
    let n = m.num_cols();
    // Sometimes the last continuous column appears in no row: with an infinite bound,
    // the objective then decides whether the model is unbounded.
    let free_last = allow_unbounded && continuous > 0 && rng.below(2) == 0;
    if free_last {
        m.variables[n - 1].upper = f64::INFINITY;
    }
    let rows = 2 + rng.below(n / 2 + 2) as usize;
    for r in 0..rows {
        let mut entries = Vec::new();
        for j in 0..n {
            if free_last && j == n - 1 {
                continue;
            }
            if rng.below(3) == 0 {
                entries.push((j, rng.int(-6, 6) as f64));
            }
        }
        let rhs = rng.int(0, 12) as f64;
        let (lo, hi) = match rng.below(4) {
            0 => (f64::NEG_INFINITY, rhs),
            1 => (rhs - 12.0, f64::INFINITY),
            2 => (rhs - rng.int(0, 6) as f64, rhs),
            _ => {
                if rng.below(5) == 0 {
                    (rhs - 3.0, rhs - 3.0)
                } else {
                    (f64::NEG_INFINITY, rhs + 3.0)
                }
            }
        };
        m.add_row(&format!("r{r}"), lo, hi, &entries);
    }
    m.objective_constant = rng.int(-3, 3) as f64;
    m
}

/// Enumerates every integer assignment and solves the continuous LP of each.
fn brute_force(model: &Model) -> Answer {
    let ints: Vec<usize> = (0..model.num_cols())
        .filter(|&j| model.variables[j].kind.is_integral())
        .collect();
    let base = LpProblem::relaxation(model);
    let mut lp = LpBackend::MicroLp.create(&base);
    let mut values: Vec<f64> = ints.iter().map(|&j| model.variables[j].lower).collect();
    let mut best: Option<f64> = None;
    loop {
        for (k, &j) in ints.iter().enumerate() {
            lp.set_col_bounds(j, values[k], values[k]);
        }
        lp.reset_basis();
        match lp.solve(&LpLimits::default()) {
            LpStatus::Optimal => {
                let v = lp.objective();
                best = Some(best.map_or(v, |b: f64| b.min(v)));
            }
            LpStatus::Infeasible => {}
            LpStatus::Unbounded => return Answer::Unbounded,
            other => panic!("reference LP failed: {other:?}"),
        }
        // Next assignment (odometer).
        let mut k = 0;
        loop {
            if k == ints.len() {
                let sign = if model.sense == ObjSense::Maximize {
                    -1.0
                } else {
                    1.0
                };
                return match best {
                    None => Answer::Infeasible,
                    Some(b) => Answer::Optimal(sign * b + model.objective_constant),
                };
            }
            let j = ints[k];
            if values[k] < model.variables[j].upper {
                values[k] += 1.0;
                break;
            }
            values[k] = model.variables[j].lower;
            k += 1;
        }
    }
}

fn answer_of(model: &Model, settings: &Settings) -> Answer {
    let result = solve(model, settings, &NoProgress).expect("valid model");
    match result.status {
        Status::Optimal => Answer::Optimal(result.objective.expect("optimal has an objective")),
        Status::Infeasible => Answer::Infeasible,
        Status::Unbounded => Answer::Unbounded,
        other => panic!(
            "unexpected status {other:?} for {}: objective {:?} bound {} stats {:?}",
            model.name, result.objective, result.best_bound, result.stats
        ),
    }
}

fn same(a: &Answer, b: &Answer) -> bool {
    match (a, b) {
        (Answer::Optimal(x), Answer::Optimal(y)) => (x - y).abs() <= 1e-6 * x.abs().max(1.0),
        _ => a == b,
    }
}

fn check_cases(
    cases: std::ops::Range<u64>,
    shape: impl Fn(u64) -> (usize, usize, usize, bool),
    settings: &Settings,
) -> [usize; 3] {
    let mut tally = [0; 3];
    for seed in cases {
        let (b, i, c, unb) = shape(seed);
        let model = random_model(seed, b, i, c, unb);
        let expected = brute_force(&model);
        let got = answer_of(&model, settings);
        assert!(
            same(&expected, &got),
            "seed {seed}: expected {expected:?}, got {got:?}"
        );
        tally[match expected {
            Answer::Optimal(_) => 0,
            Answer::Infeasible => 1,
            Answer::Unbounded => 2,
        }] += 1;
    }
    tally
}

fn settings(threads: usize, schedule: Schedule, rule: RuleKind) -> Settings {
    Settings {
        threads,
        schedule,
        branching: rule,
        ..Settings::default()
    }
}

#[test]
fn random_milps_match_enumeration_one_thread() {
    let s = settings(1, Schedule::Opportunistic, RuleKind::Pseudocost);
    let tally = check_cases(
        0..150,
        |seed| {
            (
                3 + (seed % 8) as usize,
                (seed % 3) as usize,
                1 + (seed % 3) as usize,
                seed % 3 == 0,
            )
        },
        &s,
    );
    eprintln!("optimal / infeasible / unbounded: {tally:?}");
    assert!(
        tally[0] > 50 && tally[1] > 5 && tally[2] > 2,
        "case mix too narrow: {tally:?}"
    );
}

#[test]
fn random_milps_match_enumeration_two_threads_and_rules() {
    let s = settings(2, Schedule::Opportunistic, RuleKind::MostFractional);
    check_cases(
        1000..1080,
        |seed| {
            (
                6 + (seed % 6) as usize,
                (seed % 2) as usize,
                2,
                seed % 7 == 0,
            )
        },
        &s,
    );
    let s = settings(2, Schedule::Deterministic, RuleKind::Pseudocost);
    check_cases(
        2000..2080,
        |seed| {
            (
                6 + (seed % 6) as usize,
                (seed % 2) as usize,
                2,
                seed % 7 == 0,
            )
        },
        &s,
    );
}

#[test]
fn larger_random_milps_match_enumeration() {
    let s = settings(2, Schedule::Opportunistic, RuleKind::Pseudocost);
    check_cases(3000..3006, |_| (14, 1, 3, false), &s);
}

/// Reduced-cost fixing on and off: both match enumeration, and with it on some node
/// does tighten a bound (so the comparison is not vacuous).
#[test]
fn reduced_cost_fixing_keeps_answers() {
    let mut fixings = 0;
    for seed in 4000..4120u64 {
        let model = random_model(seed, 6 + (seed % 6) as usize, (seed % 3) as usize, 2, false);
        let expected = brute_force(&model);
        for on in [true, false] {
            let s = Settings {
                reduced_cost_fixing: on,
                ..settings(1, Schedule::Deterministic, RuleKind::MostFractional)
            };
            let result = solve(&model, &s, &NoProgress).expect("valid model");
            let got = match result.status {
                Status::Optimal => Answer::Optimal(result.objective.expect("objective")),
                Status::Infeasible => Answer::Infeasible,
                Status::Unbounded => Answer::Unbounded,
                other => panic!("seed {seed}: unexpected status {other:?}"),
            };
            assert!(
                same(&expected, &got),
                "seed {seed}, fixing {on}: expected {expected:?}, got {got:?}"
            );
            if on {
                fixings += result.stats.reduced_cost_fixings;
            } else {
                assert_eq!(result.stats.reduced_cost_fixings, 0);
            }
        }
    }
    assert!(fixings > 0, "no bound was tightened by reduced costs");
}
