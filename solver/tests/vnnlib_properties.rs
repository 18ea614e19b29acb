//! VNN-LIB properties: the ten ACAS Xu properties, both layouts, and errors.

mod common;

use common::benchmarks_dir;
use relumip_solver::io::vnnlib::{parse_vnnlib, read_vnnlib};
use relumip_solver::nn::property::{LinearConstraint, Property};
use relumip_solver::Error;

fn prop(n: usize) -> Option<Property> {
    let dir = benchmarks_dir()?;
    Some(read_vnnlib(&dir.join(format!("acasxu/vnnlib/prop_{n}.vnnlib"))).unwrap())
}

fn c(terms: &[(usize, f64)], rhs: f64) -> LinearConstraint {
    LinearConstraint {
        terms: terms.to_vec(),
        rhs,
    }
}

/// `Y_a <= Y_b` as `Y_a - Y_b <= 0`.
fn le(a: usize, b: usize) -> LinearConstraint {
    let mut terms = vec![(a, 1.0), (b, -1.0)];
    terms.sort_by_key(|t| t.0);
    c(&terms, 0.0)
}

#[test]
fn acasxu_property_1() {
    let Some(p) = prop(1) else { return };
    assert_eq!((p.num_inputs, p.num_outputs, p.cases.len()), (5, 5, 1));
    let case = &p.cases[0];
    assert_eq!(case.input_lower, vec![0.6, -0.5, -0.5, 0.45, -0.5]);
    assert_eq!(case.input_upper, vec![0.679857769, 0.5, 0.5, 0.5, -0.45]);
    assert!(case.input_constraints.is_empty());
    assert_eq!(
        case.output_constraints,
        vec![c(&[(0, -1.0)], -3.991125645861615)]
    );
}

#[test]
fn acasxu_property_3() {
    let Some(p) = prop(3) else { return };
    assert_eq!((p.num_inputs, p.num_outputs, p.cases.len()), (5, 5, 1));
    let case = &p.cases[0];
    assert_eq!(
        case.input_lower,
        vec![-0.303531156, -0.009549297, 0.493380324, 0.3, 0.3]
    );
    assert_eq!(
        case.input_upper,
        vec![-0.298552812, 0.009549297, 0.5, 0.5, 0.5]
    );
    assert_eq!(
        case.output_constraints,
        vec![le(0, 1), le(0, 2), le(0, 3), le(0, 4)]
    );
}

#[test]
fn acasxu_properties_2_and_4_to_10_have_the_expected_structure() {
    let Some(_) = benchmarks_dir() else { return };
    // (property, cases, output constraints per case, distinct input boxes)
    let expected = [
        (2, 1, 4, 1),
        (4, 1, 4, 1),
        (5, 4, 1, 1),
        (6, 8, 1, 2),
        (7, 2, 3, 1),
        (8, 3, 2, 1),
        (9, 4, 1, 1),
        (10, 4, 1, 1),
    ];
    for (n, cases, per_case, boxes) in expected {
        let p = prop(n).unwrap();
        assert_eq!((p.num_inputs, p.num_outputs), (5, 5), "prop_{n}");
        assert_eq!(p.cases.len(), cases, "prop_{n}");
        let mut distinct: Vec<(Vec<f64>, Vec<f64>)> = Vec::new();
        for case in &p.cases {
            assert_eq!(case.output_constraints.len(), per_case, "prop_{n}");
            assert!(case.input_constraints.is_empty());
            assert!(case
                .input_lower
                .iter()
                .zip(&case.input_upper)
                .all(|(l, u)| l <= u));
            let b = (case.input_lower.clone(), case.input_upper.clone());
            if !distinct.contains(&b) {
                distinct.push(b);
            }
        }
        assert_eq!(distinct.len(), boxes, "prop_{n}");
    }
    // prop_2: Y_0 is the largest (all Y_i <= Y_0).
    assert_eq!(
        prop(2).unwrap().cases[0].output_constraints,
        vec![le(1, 0), le(2, 0), le(3, 0), le(4, 0)]
    );
    // prop_4: X_2 fixed to 0.
    let p4 = prop(4).unwrap();
    assert_eq!(
        (p4.cases[0].input_lower[2], p4.cases[0].input_upper[2]),
        (0.0, 0.0)
    );
    // prop_6: two boxes (X_1 positive or negative) times four output disjuncts.
    let p6 = prop(6).unwrap();
    assert_eq!(p6.cases[0].input_lower[1], 0.11140846);
    assert_eq!(p6.cases[0].output_constraints, vec![le(1, 0)]);
    assert_eq!(p6.cases[3].output_constraints, vec![le(4, 0)]);
    assert_eq!(p6.cases[4].input_upper[1], -0.11140846);
    // prop_7: Y_3 or Y_4 is at most each of Y_0, Y_1, Y_2.
    let p7 = prop(7).unwrap();
    assert_eq!(
        p7.cases[0].output_constraints,
        vec![le(3, 0), le(3, 1), le(3, 2)]
    );
    assert_eq!(
        p7.cases[1].output_constraints,
        vec![le(4, 0), le(4, 1), le(4, 2)]
    );
}

const HEADER: &str = "(declare-const X_0 Real)\n(declare-const X_1 Real)\n(declare-const Y_0 Real)\n(declare-const Y_1 Real)\n";

fn parse(body: &str) -> Result<Property, Error> {
    parse_vnnlib(&format!("{HEADER}{body}"), "p.vnnlib")
}

#[test]
fn boxes_inside_the_disjunction() {
    let p = parse(
        "(assert (or\n\
           (and (>= X_0 0) (<= X_0 1) (>= X_1 -1) (<= X_1 1e-1) (>= Y_0 Y_1))\n\
           (and (>= X_0 2) (<= X_0 3) (>= X_1 -1) (<= X_1 0.5) (<= (+ Y_0 (* 2 Y_1)) 3.5E0))))",
    )
    .unwrap();
    assert_eq!(p.cases.len(), 2);
    assert_eq!(p.cases[0].input_upper, vec![1.0, 0.1]);
    assert_eq!(
        p.cases[0].output_constraints,
        vec![c(&[(0, -1.0), (1, 1.0)], 0.0)]
    );
    assert_eq!(p.cases[1].input_lower, vec![2.0, -1.0]);
    assert_eq!(
        p.cases[1].output_constraints,
        vec![c(&[(0, 1.0), (1, 2.0)], 3.5)]
    );
}

#[test]
fn nested_and_or_distribute() {
    let p = parse(
        "(assert (and (<= X_0 1) (>= X_0 0) (<= X_1 1) (>= X_1 0)))\n\
         (assert (or (<= Y_0 0) (and (>= Y_1 1) (or (<= Y_0 5) (<= (- Y_0 Y_1) 2)))))\n\
         (assert (or (>= Y_1 -7) (>= Y_0 -8)))",
    )
    .unwrap();
    // (a or (b and (c or d))) and (e or f) = {a, bc, bd} x {e, f}
    assert_eq!(p.cases.len(), 6);
    assert_eq!(
        p.cases[0].output_constraints,
        vec![c(&[(0, 1.0)], 0.0), c(&[(1, -1.0)], 7.0)]
    );
    assert_eq!(p.cases[5].output_constraints.len(), 3);
}

#[test]
fn general_input_constraints_scaled_bounds_and_infeasible_cases() {
    let p = parse(
        "(assert (<= (* 2 X_0) 1))(assert (<= (* X_0 -4) 8))\n\
         (assert (<= -1 X_1 1))\n\
         (assert (<= (+ X_0 X_1) 0.5))\n\
         (assert (or (and (<= Y_0 1) (<= 1 0)) (= Y_1 2)))",
    )
    .unwrap();
    assert_eq!(p.cases.len(), 1, "the case with 1 <= 0 is dropped");
    let case = &p.cases[0];
    assert_eq!(case.input_lower, vec![-2.0, -1.0]);
    assert_eq!(case.input_upper, vec![0.5, 1.0]);
    assert_eq!(case.input_constraints, vec![c(&[(0, 1.0), (1, 1.0)], 0.5)]);
    assert_eq!(
        case.output_constraints,
        vec![c(&[(1, 1.0)], 2.0), c(&[(1, -1.0)], -2.0)]
    );
}

#[test]
fn comments_gzip_and_ignored_commands() {
    let text = format!("; a comment\n(set-logic QF_LRA)\n{HEADER}(assert (<= X_0 1)) ; trailing\n(assert (>= X_0 0))(assert (<= X_1 1))(assert (>= X_1 0))\n(assert (<= Y_0 Y_1))\n(check-sat)\n");
    let plain = parse_vnnlib(&text, "p.vnnlib").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.vnnlib.gz");
    let mut gz = flate2::write::GzEncoder::new(
        std::fs::File::create(&path).unwrap(),
        flate2::Compression::default(),
    );
    std::io::Write::write_all(&mut gz, text.as_bytes()).unwrap();
    gz.finish().unwrap();
    assert_eq!(read_vnnlib(&path).unwrap(), plain);
    assert_eq!(plain.violated_case(&[0.5, 0.5], &[1.0, 2.0], 0.0), Some(0));
    assert_eq!(plain.violated_case(&[0.5, 0.5], &[3.0, 2.0], 0.0), None);
}

// ---- errors ----

fn parse_error(body: &str) -> (usize, String) {
    match parse(body) {
        Err(Error::Parse {
            file,
            line,
            message,
        }) => {
            assert_eq!(file, "p.vnnlib");
            (line, message)
        }
        other => panic!("expected a parse error, got {other:?}"),
    }
}

fn unsupported(body: &str) -> (usize, String) {
    match parse(body) {
        Err(Error::Unsupported { file, line, what }) => {
            assert_eq!(file, "p.vnnlib");
            (line, what)
        }
        other => panic!("expected unsupported, got {other:?}"),
    }
}

const BOX: &str = "(assert (<= X_0 1))(assert (>= X_0 0))(assert (<= X_1 1))(assert (>= X_1 0))\n";

#[test]
fn unbalanced_parentheses() {
    let (line, msg) = parse_error(&format!("{BOX}(assert (<= Y_0 1)\n(assert (<= Y_1 1))\n"));
    assert_eq!(line, 6);
    assert!(msg.contains("not closed"), "{msg}");
    let (line, msg) = parse_error(&format!("{BOX}(assert (<= Y_0 1)))\n"));
    assert_eq!(line, 6);
    assert!(msg.contains("unbalanced ')'"), "{msg}");
}

#[test]
fn unknown_variables() {
    let (line, msg) = parse_error(&format!("{BOX}\n(assert (<= Y_2 1))"));
    assert_eq!(line, 7);
    assert!(msg.contains("unknown variable 'Y_2'"), "{msg}");
    let (line, msg) = parse_error(&format!("{BOX}(declare-const X_3 Real)"));
    assert_eq!(line, 6);
    assert!(msg.contains("X_2 is not"), "{msg}");
    let (_, what) = unsupported("(declare-const Z Real)");
    assert!(what.contains("'Z'"), "{what}");
    let (_, what) = unsupported("(declare-const X_5 Int)");
    assert!(what.contains("Int"), "{what}");
    let (line, msg) = parse_error("(declare-const X_0 Real)");
    assert_eq!(line, 5);
    assert!(msg.contains("declared twice (first on line 1)"), "{msg}");
}

#[test]
fn non_linear_and_unsupported_constructs() {
    let (line, what) = unsupported(&format!("{BOX}(assert (<= (* Y_0 Y_1) 1))"));
    assert_eq!(line, 6);
    assert!(what.contains("non-linear"), "{what}");
    let (_, what) = unsupported(&format!("{BOX}(assert (not (<= Y_0 1)))"));
    assert!(what.contains("'not'"), "{what}");
    let (_, what) = unsupported(&format!("{BOX}(assert (<= (exp Y_0) 1))"));
    assert!(what.contains("'exp'"), "{what}");
    let (line, what) = unsupported(&format!("{BOX}\n\n(assert (<= X_0 Y_1))"));
    assert_eq!(line, 8);
    assert!(what.contains("input and output"), "{what}");
    let (_, what) = unsupported("(push 1)");
    assert!(what.contains("push"), "{what}");
}

#[test]
fn missing_bounds() {
    let (line, msg) =
        parse_error("(assert (<= X_0 1))(assert (>= X_0 0))(assert (<= X_1 1))(assert (<= Y_0 0))");
    assert_eq!(line, 2, "the declaration of X_1");
    assert!(msg.contains("X_1 has no lower bound"), "{msg}");
    let (_, msg) = parse_error(
        "(assert (>= X_1 0))(assert (<= X_1 1))(assert (or (and (<= X_0 1) (>= X_0 0)) (<= X_0 2)))",
    );
    assert!(
        msg.contains("X_0 has no lower bound in disjunct 2 of 2"),
        "{msg}"
    );
}

#[test]
fn blow_up_is_capped() {
    // 20 binary disjunctions: 2^20 > MAX_CASES conjunctions.
    let mut body = BOX.to_string();
    for k in 0..20 {
        body.push_str(&format!("(assert (or (<= Y_0 {k}) (>= Y_1 {k})))\n"));
    }
    let (line, what) = unsupported(&body);
    assert!(line > 5);
    assert!(what.contains("disjunctive normal form"), "{what}");
}

#[test]
fn empty_property_has_no_cases() {
    let p = parse(&format!("{BOX}(assert false)")).unwrap();
    assert!(p.cases.is_empty());
    let p = parse(&format!("{BOX}(assert (or))")).unwrap();
    assert!(p.cases.is_empty());
}
