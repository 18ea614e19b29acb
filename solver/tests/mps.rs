//! MPS reader and writer: every section and bound type, both formats, round trips,
//! the shared MIPLIB files, and malformed input.

use relumip_solver::io::mps::{parse_mps, write_mps_string};
use relumip_solver::model::{Model, ObjSense, VarKind};
use relumip_solver::Error;
use std::path::PathBuf;

const INF: f64 = f64::INFINITY;

fn parse(text: &str) -> Model {
    parse_mps(text, "test.mps").unwrap_or_else(|e| panic!("parse failed: {e}"))
}

fn parse_err(text: &str) -> (String, usize) {
    match parse_mps(text, "bad.mps") {
        Ok(_) => panic!("expected an error"),
        Err(Error::Parse { line, message, .. }) => (message, line),
        Err(Error::Unsupported { line, what, .. }) => (format!("unsupported: {what}"), line),
        Err(e) => panic!("unexpected error kind: {e}"),
    }
}

const FREE: &str = "\
* a comment
NAME          demo
OBJSENSE
    MAX
ROWS
 N  profit
 L  lim1
 G  lim2
 E  eq
 E  eqneg
 L  rng
 N  spare
COLUMNS
    x  profit  1.5  lim1  2
    x  lim2  1
    MARKER  'MARKER'  'INTORG'
    y  profit  -1  eq  1
    y  spare  9
    z  eqneg  1  rng  1
    MARKER  'MARKER'  'INTEND'
    w  lim1  1  eqneg  -1
    v  lim2  1
    u  lim2  1
    t  lim2  1
    s  lim2  1
RHS
    RHS  profit  -2.5  lim1  10
    RHS  lim2  1  eq  3
    RHS  eqneg  4  rng  8
RANGES
    RNG  eq  2  eqneg  -3
    RNG  rng  5
BOUNDS
 UP BND  x  4
 LO BND  w  -1
 UP BND  w  1e30
 FR BND  v
 MI BND  u
 UP BND  u  5
 FX BND  t  2.5
 BV BND  s
ENDATA
";

#[test]
fn free_format_with_every_feature() {
    let m = parse(FREE);
    assert_eq!(m.name, "demo");
    assert_eq!(m.sense, ObjSense::Maximize);
    assert_eq!(m.objective_name, "profit");
    assert_eq!(m.objective_constant, 2.5);
    let names: Vec<&str> = m.variables.iter().map(|v| v.name.as_str()).collect();
    assert_eq!(names, ["x", "y", "z", "w", "v", "u", "t", "s"]);
    let b = |j: usize| {
        (
            m.variables[j].kind,
            m.variables[j].lower,
            m.variables[j].upper,
        )
    };
    assert_eq!(b(0), (VarKind::Continuous, 0.0, 4.0));
    // Integer columns without bound entries are binary.
    assert_eq!(b(1), (VarKind::Binary, 0.0, 1.0));
    assert_eq!(b(2), (VarKind::Binary, 0.0, 1.0));
    assert_eq!(b(3), (VarKind::Continuous, -1.0, INF));
    assert_eq!(b(4), (VarKind::Continuous, -INF, INF));
    assert_eq!(b(5), (VarKind::Continuous, -INF, 5.0));
    assert_eq!(b(6), (VarKind::Continuous, 2.5, 2.5));
    assert_eq!(b(7), (VarKind::Binary, 0.0, 1.0));
    assert_eq!(m.variables[0].cost, 1.5);
    assert_eq!(m.variables[1].cost, -1.0);
    // The second N row is dropped with its entries.
    assert_eq!(m.rows.len(), 5);
    let r = |i: usize| (m.rows[i].name.as_str(), m.rows[i].lower, m.rows[i].upper);
    assert_eq!(r(0), ("lim1", -INF, 10.0));
    assert_eq!(r(1), ("lim2", 1.0, INF));
    assert_eq!(r(2), ("eq", 3.0, 5.0));
    assert_eq!(r(3), ("eqneg", 1.0, 4.0));
    assert_eq!(r(4), ("rng", 3.0, 8.0));
    assert_eq!(m.rows[0].entries, vec![(0, 2.0), (3, 1.0)]);
    assert_eq!(m.rows[3].entries, vec![(2, 1.0), (3, -1.0)]);
}

/// A fixed-format data line: fields at columns 2-3, 5-12, 15-22, 25-36, 40-47, 50-61.
fn fixed(f: [&str; 6]) -> String {
    format!(
        " {:<2} {:<8}  {:<8}  {:<12}   {:<8}  {:<12}",
        f[0], f[1], f[2], f[3], f[4], f[5]
    )
    .trim_end()
    .to_string()
}

#[test]
fn fixed_format_with_spaces_in_names_and_keyword_sense() {
    let lines = [
        "NAME          FIXED".to_string(),
        "OBJSENSE MIN".to_string(),
        "ROWS".to_string(),
        fixed(["N", "COST", "", "", "", ""]),
        fixed(["L", "ROW ONE", "", "", "", ""]),
        fixed(["G", "ROW2", "", "", "", ""]),
        "COLUMNS".to_string(),
        fixed(["", "MARKER", "'MARKER'", "", "'INTORG'", ""]),
        fixed(["", "X ONE", "COST", "1.0", "ROW ONE", "1.0"]),
        fixed(["", "X ONE", "ROW2", "1.0", "", ""]),
        fixed(["", "MARKER", "'MARKER'", "", "'INTEND'", ""]),
        fixed(["", "Y", "COST", "2.0", "ROW2", "1.0"]),
        "RHS".to_string(),
        fixed(["", "RHS", "ROW ONE", "4.0", "ROW2", "1.0"]),
        "BOUNDS".to_string(),
        fixed(["UP", "BND", "X ONE", "3.0", "", ""]),
        fixed(["LI", "BND", "Y", "-2", "", ""]),
        "ENDATA".to_string(),
    ];
    let m = parse(&(lines.join("\n") + "\n"));
    assert_eq!(m.sense, ObjSense::Minimize);
    assert_eq!(m.rows[0].name, "ROW ONE");
    assert_eq!(m.variables[0].name, "X ONE");
    assert_eq!(
        (m.variables[0].kind, m.variables[0].upper),
        (VarKind::Integer, 3.0)
    );
    assert_eq!(
        (m.variables[1].kind, m.variables[1].lower),
        (VarKind::Integer, -2.0)
    );
    assert_eq!((m.rows[0].upper, m.rows[1].lower), (4.0, 1.0));
    assert_eq!(m.rows[0].entries, vec![(0, 1.0)]);
    assert_eq!(m.rows[1].entries, vec![(0, 1.0), (1, 1.0)]);
}

#[test]
fn negative_upper_bound_on_default_lower_makes_it_free() {
    let text = "NAME\nROWS\n N obj\nCOLUMNS\n    x obj 1\nBOUNDS\n UP B x -3\nENDATA\n";
    let m = parse(text);
    assert_eq!((m.variables[0].lower, m.variables[0].upper), (-INF, -3.0));
    let text = "NAME\nROWS\n N obj\nCOLUMNS\n    x obj 1\nBOUNDS\n LO B x 0\n UP B x -3\nENDATA\n";
    let m = parse(text);
    assert_eq!((m.variables[0].lower, m.variables[0].upper), (0.0, -3.0));
}

#[test]
fn integer_column_with_a_bound_entry_is_not_binary() {
    let text = "NAME\nROWS\n N obj\nCOLUMNS\n M1 'MARKER' 'INTORG'\n    x obj 1\n M2 'MARKER' 'INTEND'\nBOUNDS\n LO B x 0\nENDATA\n";
    let m = parse(text);
    assert_eq!(
        (m.variables[0].kind, m.variables[0].upper),
        (VarKind::Integer, INF)
    );
}

#[test]
fn write_then_read_gives_the_same_model() {
    let m = parse(FREE);
    let text = write_mps_string(&m);
    let back = parse(&text);
    assert_eq!(m, back, "written text:\n{text}");
}

fn benchmarks() -> Option<PathBuf> {
    let dir = std::env::var_os("RELUMIP_BENCHMARKS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/benchmarks")
        });
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipped: benchmark folder {} not found", dir.display());
        None
    }
}

#[test]
fn miplib_files_parse_with_expected_sizes_and_round_trip() {
    let Some(dir) = benchmarks() else { return };
    // name, rows, columns, integer columns (from the folder's README)
    let expected = [
        ("small_mip.mps", 5, 8, 2),
        ("flugpl.mps", 18, 18, 11),
        ("egout.mps", 98, 141, 55),
        ("p0033.mps.gz", 16, 33, 33),
        ("enigma.mps.gz", 21, 100, 100),
        ("gt2.mps", 29, 188, 188),
        ("lseu.mps", 28, 89, 89),
        ("p01.mps", 30, 210, 210),
        ("p0548.mps", 176, 548, 548),
        ("p0282.mps.gz", 241, 282, 282),
        ("gen.mps.gz", 780, 870, 150),
        ("vpm1.mps.gz", 234, 378, 168),
        ("khb05250.mps.gz", 101, 1350, 24),
        ("rgn.mps", 24, 180, 100),
        ("infeasible-mip0.mps", 11, 9, 6),
        ("infeasible-mip1.mps", 38, 22, 11),
    ];
    for (file, rows, cols, ints) in expected {
        let path = dir.join("miplib-small").join(file);
        let m = relumip_solver::io::mps::read_mps(&path).unwrap_or_else(|e| panic!("{e}"));
        let size = m.size();
        assert_eq!(
            (size.rows, size.columns, size.binaries + size.integers),
            (rows, cols, ints),
            "{file}"
        );
        let back = parse(&write_mps_string(&m));
        assert_eq!(m, back, "{file} round trip");
    }
}

#[test]
fn malformed_files_give_file_line_and_reason() {
    let cases: &[(&str, usize, &str)] = &[
        ("NAME\nROWS\n N obj\n X r1\nENDATA\n", 4, "unknown row type"),
        (
            "NAME\nROWS\n N obj\n L r1\n L r1\nENDATA\n",
            5,
            "duplicate row name",
        ),
        (
            "NAME\nROWS\n N obj\nCOLUMNS\n    x nope 1\nENDATA\n",
            5,
            "unknown row 'nope'",
        ),
        (
            "NAME\nROWS\n N obj\nCOLUMNS\n    x obj abc\nENDATA\n",
            5,
            "expected a number",
        ),
        (
            "NAME\nROWS\n N obj\nCOLUMNS\n    x obj nan\nENDATA\n",
            5,
            "expected a number",
        ),
        (
            "NAME\nROWS\n N obj\nCOLUMNS\n    x obj 1 obj\nENDATA\n",
            5,
            "found 4 field(s)",
        ),
        (
            "NAME\nROWS\n N obj\n L r\nCOLUMNS\n    x r 1\n    y r 1\n    x obj 1\nENDATA\n",
            8,
            "contiguous",
        ),
        (
            "NAME\nROWS\n N obj\n L r\nCOLUMNS\n    x r 1\n    x r 2\nENDATA\n",
            7,
            "duplicate entry",
        ),
        (
            "NAME\nROWS\n N obj\nCOLUMNS\n    x obj 1\nRHS\n    RHS nope 1\nENDATA\n",
            7,
            "unknown row 'nope'",
        ),
        (
            "NAME\nROWS\n N obj\nCOLUMNS\n    x obj 1\nBOUNDS\n UP B y 1\nENDATA\n",
            7,
            "unknown column 'y'",
        ),
        (
            "NAME\nROWS\n N obj\nCOLUMNS\n    x obj 1\nBOUNDS\n XX B x 1\nENDATA\n",
            7,
            "unknown bound type",
        ),
        (
            "NAME\nROWS\n N obj\nCOLUMNS\n    x obj 1\nBOUNDS\n SC B x 1\nENDATA\n",
            7,
            "semi-continuous",
        ),
        (
            "NAME\nROWS\n N obj\nCOLUMNS\n    x obj 1\n",
            5,
            "missing ENDATA",
        ),
        (
            "NAME\nROWS\n N obj\nCOLUMNS\n    x obj 1\nENDATA\nmore\n",
            7,
            "after ENDATA",
        ),
        (
            "NAME\nCOLUMNS\n    x obj 1\nENDATA\n",
            2,
            "ROWS section missing",
        ),
        (
            "NAME\nROWS\n N obj\nCOLUMNS\n    x obj 1\nSOS\n S1 SOS\nENDATA\n",
            6,
            "unsupported: SOS",
        ),
        (
            "NAME\nROWS\n N obj\nCOLUMNS\n    x obj 1\nQUADOBJ\n    x x 1\nENDATA\n",
            6,
            "unsupported: quadratic",
        ),
        (
            "NAME\nROWS\n N obj\nCOLUMNS\n    x obj 1\nWHATEVER\nENDATA\n",
            6,
            "unknown section",
        ),
        (
            "NAME\nOBJSENSE\n    UP\nROWS\n N obj\nENDATA\n",
            3,
            "expected MAX or MIN",
        ),
        (
            "NAME\nROWS\n N obj\n L r\nCOLUMNS\n    x r 1\nRANGES\n    RNG obj 1\nENDATA\n",
            8,
            "objective row",
        ),
    ];
    for (text, line, phrase) in cases {
        let (message, got_line) = parse_err(text);
        assert_eq!(got_line, *line, "line of '{message}' for:\n{text}");
        assert!(
            message.contains(phrase),
            "'{message}' should contain '{phrase}'"
        );
    }
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    fn bound_value() -> impl Strategy<Value = f64> {
        prop_oneof![
            Just(-3.0),
            Just(-1.5),
            Just(0.0),
            Just(1.0),
            Just(2.25),
            Just(7.0),
            Just(1e-7),
            Just(123456.789)
        ]
    }

    fn column() -> impl Strategy<Value = (u8, f64, f64, f64, bool, bool)> {
        (
            0u8..3,
            bound_value(),
            bound_value(),
            -5.0f64..5.0,
            any::<bool>(),
            any::<bool>(),
        )
    }

    fn model_strategy() -> impl Strategy<Value = Model> {
        (
            prop::collection::vec(column(), 1..8),
            prop::collection::vec(
                (
                    prop::collection::vec((0usize..8, -9.0f64..9.0), 0..5),
                    bound_value(),
                    bound_value(),
                    0u8..5,
                ),
                0..6,
            ),
            any::<bool>(),
            -3.0f64..3.0,
        )
            .prop_map(|(cols, rows, maximize, constant)| {
                let mut m = Model::new("random model");
                m.sense = if maximize {
                    ObjSense::Maximize
                } else {
                    ObjSense::Minimize
                };
                m.objective_constant = constant;
                for (j, (kind, a, b, cost, free_lo, free_up)) in cols.iter().enumerate() {
                    let (mut lo, mut up) = (a.min(*b), a.max(*b));
                    if *free_lo {
                        lo = -INF;
                    }
                    if *free_up {
                        up = INF;
                    }
                    let kind = match kind {
                        0 => VarKind::Continuous,
                        _ if lo >= 0.0 && up <= 1.0 => VarKind::Binary,
                        _ => VarKind::Integer,
                    };
                    m.add_variable(&format!("c{j}"), kind, lo, up, *cost);
                }
                let n = m.num_cols();
                for (i, (entries, a, b, sides)) in rows.iter().enumerate() {
                    let entries: Vec<(usize, f64)> =
                        entries.iter().map(|&(j, v)| (j % n, v)).collect();
                    let (lo, up) = (a.min(*b), a.max(*b));
                    let (lo, up) = match sides {
                        0 => (-INF, up),
                        1 => (lo, INF),
                        2 => (lo, lo),
                        3 => (lo, up),
                        _ => (-INF, INF),
                    };
                    m.add_row(&format!("r{i}"), lo, up, &entries);
                }
                m
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn round_trip(m in model_strategy()) {
            let text = write_mps_string(&m);
            let back = parse_mps(&text, "round.mps").map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
            prop_assert_eq!(m, back);
        }

        #[test]
        fn mutated_files_never_panic(cuts in prop::collection::vec((0usize..2000, 0usize..40, 0u8..4), 1..6)) {
            let mut text: Vec<char> = FREE.chars().collect();
            for (pos, len, what) in cuts {
                let pos = pos % text.len().max(1);
                let end = (pos + len).min(text.len());
                match what {
                    0 => { text.drain(pos..end); }
                    1 => { text.insert(pos, '\n'); }
                    2 => { text.insert(pos, 'x'); }
                    _ => { if pos < text.len() { text[pos] = ' '; } }
                }
            }
            let text: String = text.into_iter().collect();
            let _ = parse_mps(&text, "mutated.mps");
        }
    }
}
