//! Writing a random model and reading it back gives the same model.
//!
//! The models are those the reader can produce: unique names without whitespace,
//! finite costs and coefficients (no zeros stored), column bounds of magnitude below
//! 1e20 or infinite on their natural side (possibly `lower > upper`), rows `L`, `G`,
//! `E` or ranged with sides computed as the reader computes them, binaries exactly
//! the integer columns with bounds within `[0, 1]`.

use proptest::prelude::*;
use relumip_solver::io::mps::{check_writable, parse_mps, write_mps_string};
use relumip_solver::model::{Model, ObjSense, Row, VarKind, Variable};

const INF: f64 = f64::INFINITY;

/// Any finite number: small integers, short decimals, and arbitrary bit patterns.
fn finite() -> impl Strategy<Value = f64> {
    prop_oneof![
        (-20i32..20).prop_map(f64::from),
        (-100_000i64..100_000).prop_map(|k| k as f64 / 1000.0),
        any::<f64>().prop_filter("finite", |v| v.is_finite()),
        prop::sample::select(vec![
            1e-7,
            -1e-12,
            0.1,
            1.0 / 3.0,
            9.99e19,
            -9.99e19,
            5e-324
        ]),
    ]
}

fn nonzero() -> impl Strategy<Value = f64> {
    finite().prop_map(|v| if v == 0.0 { 1.0 } else { v })
}

/// A bound value the reader keeps finite.
fn bound() -> impl Strategy<Value = f64> {
    finite().prop_map(|v| {
        if v.abs() < 1e20 {
            v
        } else {
            v.signum() * v.abs().log2()
        }
    })
}

/// Names, including ones that look like keywords or numbers.
fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z_][A-Za-z0-9_.()\\[\\]]{0,7}",
        "[!-~&&[^']]{1,6}",
        prop::sample::select(vec![
            "RHS", "BND", "RNG", "MARKER", "N", "E", "L", "UP", "FR", "1", "-2", "1e5", "inf",
            "nan", "obj", "ENDATA", "*x", "ROWS", "x\u{e9}",
        ])
        .prop_map(str::to_string),
    ]
}

/// `count` distinct names.
fn names(count: usize) -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(name(), count).prop_map(|mut names| {
        let mut seen = std::collections::HashSet::new();
        for (i, n) in names.iter_mut().enumerate() {
            if !seen.insert(n.clone()) {
                *n = format!("{n}#{i}");
                seen.insert(n.clone());
            }
        }
        names
    })
}

#[derive(Clone, Debug)]
enum Side {
    Default,
    Value(f64),
    Infinite,
}

fn side() -> impl Strategy<Value = Side> {
    prop_oneof![
        Just(Side::Default),
        bound().prop_map(Side::Value),
        Just(Side::Infinite),
    ]
}

fn variable() -> impl Strategy<Value = (u8, Side, Side, bool, f64)> {
    (0u8..3, side(), side(), any::<bool>(), finite())
}

fn make_variable(
    name: String,
    (kind, lo, up, fixed, cost): (u8, Side, Side, bool, f64),
) -> Variable {
    let mut lower = match lo {
        Side::Default => 0.0,
        Side::Value(v) => v,
        Side::Infinite => -INF,
    };
    let mut upper = match up {
        Side::Default => INF,
        Side::Value(v) => v,
        Side::Infinite => INF,
    };
    if fixed && lower.is_finite() {
        upper = lower;
    }
    let kind = match kind {
        0 => VarKind::Continuous,
        1 => {
            // Binary columns as written by hand: [0, 1], [0, 0] or [1, 1].
            lower = if cost > 0.0 && upper == 1.0 { 1.0 } else { 0.0 };
            upper = if lower == 1.0 || cost < 0.0 {
                1.0
            } else {
                0.0f64.max(lower)
            };
            VarKind::Binary
        }
        _ => VarKind::Integer,
    };
    let kind = if kind.is_integral() && lower >= 0.0 && upper <= 1.0 {
        VarKind::Binary
    } else if kind.is_integral() {
        VarKind::Integer
    } else {
        kind
    };
    Variable {
        name,
        kind,
        lower,
        upper,
        cost,
    }
}

/// Row sides as the reader computes them from a type, a right-hand side and a range.
fn sides() -> impl Strategy<Value = (f64, f64)> {
    (0u8..3, finite(), prop::option::of(finite())).prop_map(|(kind, rhs, range)| {
        match (kind, range) {
            (0, None) => (-INF, rhs),
            (1, None) => (rhs, INF),
            (_, None) => (rhs, rhs),
            (0, Some(r)) => (rhs - r.abs(), rhs),
            (1, Some(r)) => (rhs, rhs + r.abs()),
            (_, Some(r)) if r > 0.0 => (rhs, rhs + r.abs()),
            (_, Some(r)) if r < 0.0 => (rhs - r.abs(), rhs),
            (_, Some(_)) => (rhs, rhs),
        }
    })
}

fn model() -> impl Strategy<Value = Model> {
    (0usize..7, 0usize..6).prop_flat_map(|(n, m)| {
        (
            "[A-Za-z0-9 _.-]{0,12}",
            any::<bool>(),
            name(),
            prop_oneof![Just(0.0), finite()],
            names(n),
            prop::collection::vec(variable(), n),
            names(m),
            prop::collection::vec(
                (
                    sides(),
                    prop::collection::vec(prop::option::of(nonzero()), n),
                ),
                m,
            ),
        )
            .prop_map(
                move |(title, maximize, objective, constant, cols, vars, rows, row_data)| {
                    let variables = cols
                        .into_iter()
                        .zip(vars)
                        .map(|(name, v)| make_variable(name, v))
                        .collect();
                    let rows: Vec<Row> = rows
                        .into_iter()
                        .zip(row_data)
                        .map(|(name, ((lower, upper), coefs))| Row {
                            name,
                            lower,
                            upper,
                            entries: coefs
                                .into_iter()
                                .enumerate()
                                .filter_map(|(j, a)| a.map(|a| (j, a)))
                                .collect(),
                        })
                        .collect();
                    // The reader never names the objective like a row.
                    let objective = if rows.iter().any(|r| r.name == objective) {
                        format!("{objective}%obj")
                    } else {
                        objective
                    };
                    Model {
                        name: title.trim().to_string(),
                        sense: if maximize {
                            ObjSense::Maximize
                        } else {
                            ObjSense::Minimize
                        },
                        objective_name: objective,
                        objective_constant: constant,
                        variables,
                        rows,
                        relu: None,
                    }
                },
            )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn write_then_read_gives_the_same_model(m in model()) {
        prop_assert!(check_writable(&m).is_ok(), "{:?}", check_writable(&m));
        let text = write_mps_string(&m);
        let back = parse_mps(&text, "written.mps");
        prop_assert!(back.is_ok(), "{:?}\n{}", back, text);
        prop_assert_eq!(back.unwrap(), m, "written text:\n{}", text);
    }
}

#[test]
fn models_the_writer_refuses() {
    let mut m = Model::new("bad");
    let x = m.add_variable("x", VarKind::Continuous, 0.0, 1.0, f64::NAN);
    assert!(check_writable(&m).is_err());
    m.variables[x].cost = 1.0;
    m.add_row("r", 2.0, 1.0, &[(x, 1.0)]);
    let e = check_writable(&m).unwrap_err().to_string();
    assert!(e.contains("row 'r' has sides [2, 1]"), "{e}");
    m.rows[0].lower = 0.0;
    m.rows[0].entries.push((7, 1.0));
    assert!(check_writable(&m)
        .unwrap_err()
        .to_string()
        .contains("column 7"));
    m.rows[0].entries = vec![(x, f64::INFINITY)];
    assert!(check_writable(&m).is_err());
    m.rows[0].entries = vec![(x, 1.0)];
    m.variables[x].lower = f64::INFINITY;
    assert!(check_writable(&m).is_err());
    m.variables[x].lower = 0.0;
    m.objective_constant = f64::NEG_INFINITY;
    assert!(check_writable(&m).is_err());
    m.objective_constant = 0.0;
    assert!(check_writable(&m).is_ok());
    // The string writer never panics, whatever the model.
    m.rows[0].entries = vec![(3, f64::NAN), (x, 1.0), (x, 2.0)];
    m.rows[0].lower = f64::INFINITY;
    let _ = write_mps_string(&m);
}

#[test]
fn write_mps_refuses_invalid_models_and_writes_files() {
    let dir = std::env::temp_dir().join(format!("relumip-mps-rt-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut m = Model::new("f");
    let x = m.add_variable("x", VarKind::Integer, -3.0, 3.0, 1.0);
    m.add_row("r", 1.0, 2.0, &[(x, 2.0)]);
    for file in ["m.mps", "m.mps.gz"] {
        let path = dir.join(file);
        relumip_solver::io::mps::write_mps(&m, &path).unwrap();
        assert_eq!(relumip_solver::io::mps::read_mps(&path).unwrap(), m);
    }
    let raw = std::fs::read(dir.join("m.mps.gz")).unwrap();
    assert_eq!(&raw[..2], &[0x1f, 0x8b], "gzip when the name ends in .gz");
    m.rows[0].upper = 0.0;
    let e = relumip_solver::io::mps::write_mps(&m, &dir.join("bad.mps")).unwrap_err();
    assert!(matches!(e, relumip_solver::Error::Invalid(_)));
    let e = relumip_solver::io::mps::write_mps(&Model::new("x"), &dir.join("no/such/dir.mps"))
        .unwrap_err();
    assert!(matches!(e, relumip_solver::Error::Io { .. }));
    std::fs::remove_dir_all(&dir).ok();
}
