use super::*;
use crate::model::{check_solution, VarKind};
use crate::nn::property::Case;
use crate::nn::Layer;
use num_bigint::BigInt;

fn q(num: i64, den: i64) -> Rational {
    Rational::new(BigInt::from(num), BigInt::from(den))
}

#[test]
fn conversion_is_exact_and_dyadic() {
    // 0.1 as an f64 is 3602879701896397 / 2^55, not 1/10.
    let tenth = rational(0.1).unwrap();
    assert_eq!(
        tenth,
        Rational::new(
            BigInt::from(3602879701896397_i64),
            BigInt::from(1_i64) << 55
        )
    );
    assert_ne!(tenth, q(1, 10));
    assert_eq!(rational(-2.5).unwrap(), q(-5, 2));
    assert_eq!(rational(0.0).unwrap(), Rational::zero());
    assert_eq!(
        rational(f64::MIN_POSITIVE).unwrap() * (BigInt::from(1) << 1022),
        Rational::one()
    );
    assert!(rational(f64::NAN).is_none() && rational(f64::INFINITY).is_none());
    assert_eq!(approx(&tenth), 0.1);
    // 0.1 + 0.2 is not 0.3 exactly, and not what f64 rounds it to either.
    let sum = &tenth + rational(0.2).unwrap();
    assert!(sum > rational(0.3).unwrap());
    assert!(sum < rational(0.1 + 0.2).unwrap());
}

/// `x + y + z == 1` with free columns: at (1e16, 1, -1e16) the f64 activity is 0
/// (1e16 + 1 rounds to 1e16), the exact one 1.
fn cancellation_model() -> Model {
    let mut m = Model::new("cancel");
    let x = m.add_variable(
        "x",
        VarKind::Continuous,
        f64::NEG_INFINITY,
        f64::INFINITY,
        0.0,
    );
    let y = m.add_variable(
        "y",
        VarKind::Continuous,
        f64::NEG_INFINITY,
        f64::INFINITY,
        1.0,
    );
    let z = m.add_variable(
        "z",
        VarKind::Continuous,
        f64::NEG_INFINITY,
        f64::INFINITY,
        0.0,
    );
    m.add_row("c", 1.0, 1.0, &[(x, 1.0), (y, 1.0), (z, 1.0)]);
    m
}

#[test]
fn exact_check_accepts_a_point_that_rounding_rejects() {
    let m = cancellation_model();
    let point = [1e16, 1.0, -1e16];
    let tol = Tolerances::default();
    assert!(!check_solution(&m, &point, &tol).is_feasible());
    let exact = check_solution_exactly(&m, &point, &tol).unwrap();
    assert!(exact.within_tolerances, "{}", exact.summary());
    assert!(exact.exactly_feasible() && exact.integral);
    assert!(exact.max_violation().is_zero());
    assert_eq!(exact.objective, Rational::one());
}

#[test]
fn exact_check_finds_a_violation_that_rounding_hides() {
    // x + y <= 1 at (1, 1e-17): in f64 the activity is exactly 1.
    let mut m = Model::new("hidden");
    let x = m.add_variable("x", VarKind::Continuous, 0.0, 10.0, 0.0);
    let y = m.add_variable("y", VarKind::Continuous, 0.0, 10.0, 0.0);
    m.add_row("c", f64::NEG_INFINITY, 1.0, &[(x, 1.0), (y, 1.0)]);
    let tol = Tolerances::default();
    let f64_check = check_solution(&m, &[1.0, 1e-17], &tol);
    assert_eq!(f64_check.max_row_violation, 0.0);
    let exact = check_solution_exactly(&m, &[1.0, 1e-17], &tol).unwrap();
    assert!(exact.within_tolerances);
    assert!(!exact.exactly_feasible());
    assert_eq!(exact.max_row_violation, rational(1e-17).unwrap());
    assert!(
        exact.summary().contains("not exactly feasible"),
        "{}",
        exact.summary()
    );
}

#[test]
fn a_violation_of_1e_7_is_measured_exactly() {
    // 0.1 x + 0.2 y == 0.3 at x = y = 1 (0.1 + 0.2 != 0.3), and x <= 1 at 1 + 1e-7.
    let mut m = Model::new("tenths");
    let x = m.add_variable("x", VarKind::Continuous, 0.0, 1.0, 0.0);
    let y = m.add_variable("y", VarKind::Continuous, 0.0, 1.0, 0.0);
    m.add_row("c", 0.3, 0.3, &[(x, 0.1), (y, 0.2)]);
    let tol = Tolerances::default();
    let exact = check_solution_exactly(&m, &[1.0, 1.0], &tol).unwrap();
    let expected = rational(0.1).unwrap() + rational(0.2).unwrap() - rational(0.3).unwrap();
    assert_eq!(exact.max_row_violation, expected);
    assert_eq!(
        expected,
        Rational::new(BigInt::from(1), BigInt::from(1_i64) << 55)
    );
    assert!(exact.within_tolerances && !exact.exactly_feasible());

    let above = 1.0 + 1e-7;
    let exact = check_solution_exactly(&m, &[above, 1.0], &tol).unwrap();
    assert_eq!(
        exact.max_bound_violation,
        rational(above).unwrap() - Rational::one()
    );
    assert!((approx(&exact.max_bound_violation) - 1e-7).abs() < 1e-15);
    assert!(exact.within_tolerances);
    // With a tolerance of 1e-8 the same point is rejected, with the bound named.
    let tight = Tolerances {
        feasibility: 1e-8,
        integrality: 1e-8,
    };
    let exact = check_solution_exactly(&m, &[above, 1.0], &tight).unwrap();
    assert!(!exact.within_tolerances);
    assert!(
        exact.worst.as_deref().unwrap().contains("column x"),
        "{:?}",
        exact.worst
    );
}

#[test]
fn integer_columns_are_rounded_for_the_exact_verdict() {
    // 3 x + y <= 9.5, x integer in [0, 3].
    let mut m = Model::new("int");
    let x = m.add_variable("x", VarKind::Integer, 0.0, 3.0, -1.0);
    let y = m.add_variable("y", VarKind::Continuous, 0.0, 1.0, 0.0);
    m.add_row("c", f64::NEG_INFINITY, 9.5, &[(x, 3.0), (y, 1.0)]);
    let tol = Tolerances::default();
    let near = 3.0 - 1e-9;
    let exact = check_solution_exactly(&m, &[near, 0.5], &tol).unwrap();
    assert!(exact.within_tolerances && !exact.integral);
    assert_eq!(
        exact.max_integrality_violation,
        q(3, 1) - rational(near).unwrap()
    );
    assert!(exact.exactly_feasible(), "{}", exact.summary());
    assert!(exact.summary().contains("with integer columns rounded"));
    // Feasible as given (27 - 3e-9 + 0.5 + 2e-9 < 9.5), but rounded past the row
    // (9 + 0.5 + 2e-9 > 9.5); the violation is scaled by 9.5.
    let y_value = 0.5 + 2e-9;
    let exact = check_solution_exactly(&m, &[near, y_value], &tol).unwrap();
    assert!(exact.max_violation().is_zero());
    assert!(exact.within_tolerances && !exact.exactly_feasible());
    assert_eq!(
        exact.rounded_max_violation,
        (rational(y_value).unwrap() - q(1, 2)) / q(19, 2)
    );
    // 2.5 is fractional beyond any tolerance.
    let exact = check_solution_exactly(&m, &[2.5, 0.0], &tol).unwrap();
    assert!(!exact.within_tolerances);
    assert!(
        exact.summary().starts_with("NOT feasible"),
        "{}",
        exact.summary()
    );
}

#[test]
fn wrong_solutions_are_rejected() {
    let mut m = Model::new("t");
    let x = m.add_variable("x", VarKind::Integer, 0.0, 10.0, 1.0);
    let y = m.add_variable("y", VarKind::Continuous, 0.0, 1.0, 2.0);
    m.add_row("c", f64::NEG_INFINITY, 4.0, &[(x, 1.0), (y, 1.0)]);
    let tol = Tolerances::default();
    let ok = check_solution_exactly(&m, &[3.0, 1.0], &tol).unwrap();
    assert!(ok.within_tolerances && ok.exactly_feasible() && ok.integral);
    assert_eq!(ok.objective, q(5, 1));
    assert_eq!(
        ok.summary(),
        "feasible within tolerances (max violation 0.0e0, exact value), integral, exactly feasible"
    );
    let bad = check_solution_exactly(&m, &[4.0, 0.5], &tol).unwrap();
    assert!(!bad.within_tolerances);
    assert_eq!(bad.max_row_violation, q(1, 8));
    assert!(bad.worst.as_deref().unwrap().contains("row c"));
    assert!(check_solution_exactly(&m, &[0.0], &tol).is_err());
    assert!(check_solution_exactly(&m, &[f64::NAN, 0.0], &tol).is_err());
}

/// `y = 0.1 x0 + 0.2 x1` (one affine layer) and `z = relu(x0 - x1)`.
fn tenths_net() -> Network {
    let hidden = Layer::new(
        vec![1.0, 0.0, 0.0, 1.0, 1.0, -1.0],
        vec![0.0; 3],
        2,
        Activation::Relu,
    )
    .unwrap();
    let out = Layer::new(
        vec![0.1, 0.2, 0.0, 0.0, 0.0, 1.0],
        vec![0.0, 0.0],
        3,
        Activation::Identity,
    )
    .unwrap();
    Network::new(vec![hidden, out]).unwrap()
}

/// `Y_0 >= rhs` (as `-Y_0 <= -rhs`) over x in [0, 1]^2.
fn at_least(rhs: f64) -> Property {
    Property {
        num_inputs: 2,
        num_outputs: 2,
        cases: vec![Case {
            input_lower: vec![0.0, 0.0],
            input_upper: vec![1.0, 1.0],
            input_constraints: vec![],
            output_constraints: vec![LinearConstraint {
                terms: vec![(0, -1.0)],
                rhs: -rhs,
            }],
        }],
    }
}

#[test]
fn exact_forward_pass_matches_hand_computation() {
    let net = tenths_net();
    let y = exact_forward(&net, &[1.0, 1.0]).unwrap();
    assert_eq!(y[0], rational(0.1).unwrap() + rational(0.2).unwrap());
    assert_eq!(y[1], Rational::zero());
    let y = exact_forward(&net, &[1.0, 0.25]).unwrap();
    assert_eq!(y[1], q(3, 4));
    assert!(exact_forward(&net, &[1.0]).is_err());
    assert!(exact_forward(&net, &[1.0, f64::INFINITY]).is_err());
}

#[test]
fn counterexample_that_f64_accepts_without_tolerance_fails_exactly() {
    let net = tenths_net();
    // In f64 the output is 0.1 + 0.2 = 0.30000000000000004, which meets Y_0 >= that
    // value with no tolerance; the exact output is below it.
    let property = at_least(0.1 + 0.2);
    let y = net.forward(&[1.0, 1.0]);
    assert_eq!(property.violated_case(&[1.0, 1.0], &y, 0.0), Some(0));
    let check = check_counterexample_exactly(&net, &property, 0, &[1.0, 1.0]).unwrap();
    assert!(!check.holds_exactly());
    assert!(check.within_tolerance());
    assert!(check.reported().margin.is_negative());
    assert!(
        check.summary().contains("only within the tolerance"),
        "{}",
        check.summary()
    );
    // Y_0 >= 0.3 (the f64 nearest 0.3, below 3/10) holds exactly, with the exact margin.
    let check = check_counterexample_exactly(&net, &at_least(0.3), 0, &[1.0, 1.0]).unwrap();
    assert!(check.holds_exactly());
    assert_eq!(
        check.reported().margin,
        rational(0.1).unwrap() + rational(0.2).unwrap() - rational(0.3).unwrap()
    );
    assert!(check
        .summary()
        .starts_with("counterexample confirmed exactly"));
}

#[test]
fn wrong_counterexamples_are_rejected() {
    let net = tenths_net();
    // Output 0.3 is far below 0.5.
    let check = check_counterexample_exactly(&net, &at_least(0.5), 0, &[1.0, 1.0]).unwrap();
    assert!(!check.holds_exactly() && !check.within_tolerance());
    assert!(check.summary().contains("REJECTED"));
    // An input 1e-5 outside the box fails the tolerance; 1e-9 outside passes it but
    // is not in the box exactly, and the exact excess is reported.
    let mut property = at_least(0.0);
    let check = check_counterexample_exactly(&net, &property, 0, &[1.0 + 1e-5, 0.0]).unwrap();
    assert!(!check.within_tolerance());
    let check = check_counterexample_exactly(&net, &property, 0, &[1.0 + 1e-9, 0.0]).unwrap();
    assert!(check.within_tolerance() && !check.holds_exactly());
    assert_eq!(
        check.reported().input_excess,
        rational(1.0 + 1e-9).unwrap() - Rational::one()
    );
    // A second case that holds exactly makes the input a counterexample of the
    // disjunction.
    let mut wide = property.cases[0].clone();
    wide.input_upper = vec![2.0, 2.0];
    property.cases.push(wide);
    let check = check_counterexample_exactly(&net, &property, 0, &[1.0 + 1e-9, 0.0]).unwrap();
    assert_eq!(check.exact_case(), Some(1));
    assert!(check_counterexample_exactly(&net, &property, 5, &[0.0, 0.0]).is_err());
}

#[test]
fn adversarial_inputs_are_checked_exactly() {
    let net = tenths_net();
    // Class 1 (z = relu(x0 - x1)) at least 1.2 times class 0 (0.1 x0 + 0.2 x1).
    let query = AdversarialQuery::new(
        vec![0.0, 0.0],
        1,
        1.2,
        Decision::Argmax,
        Some(2.0),
        Some((0.0, 1.0)),
    )
    .unwrap();
    // x = (1, 0): z = 1, y0 = 0.1, margin 1 - 0.12.
    let ok = check_adversarial_exactly(&net, &query, &[1.0, 0.0]).unwrap();
    assert!(ok.holds_exactly() && ok.within_tolerance);
    assert_eq!(ok.distance, Rational::one());
    assert_eq!(
        ok.margin,
        Rational::one() - rational(1.2).unwrap() * rational(0.1).unwrap()
    );
    // x = (0, 1): z = 0 < 1.2 * 0.2.
    let bad = check_adversarial_exactly(&net, &query, &[0.0, 1.0]).unwrap();
    assert!(!bad.holds_exactly() && !bad.within_tolerance);
    assert!(bad.summary().contains("REJECTED"));
    assert!(check_adversarial_exactly(&net, &query, &[0.0]).is_err());
}
