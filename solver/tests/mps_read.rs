//! Hand-written MPS inputs, free and fixed, read into exactly known models.

use relumip_solver::io::mps::{parse_mps, read_mps, write_mps_string};
use relumip_solver::model::{Model, ObjSense, Row, VarKind, Variable};
use std::io::Write;

const INF: f64 = f64::INFINITY;

fn parse(text: &str) -> Model {
    parse_mps(text, "test.mps").unwrap_or_else(|e| panic!("{e}"))
}

fn var(name: &str, kind: VarKind, lower: f64, upper: f64, cost: f64) -> Variable {
    Variable {
        name: name.to_string(),
        kind,
        lower,
        upper,
        cost,
    }
}

fn row(name: &str, lower: f64, upper: f64, entries: &[(usize, f64)]) -> Row {
    Row {
        name: name.to_string(),
        lower,
        upper,
        entries: entries.to_vec(),
    }
}

fn model(name: &str, sense: ObjSense, objective: &str, constant: f64) -> Model {
    Model {
        name: name.to_string(),
        sense,
        objective_name: objective.to_string(),
        objective_constant: constant,
        variables: Vec::new(),
        rows: Vec::new(),
        relu: None,
    }
}

/// Checks that writing and reading `m` gives `m` back.
fn assert_round_trip(m: &Model) {
    let text = write_mps_string(m);
    assert_eq!(&parse(&text), m, "written text:\n{text}");
}

#[test]
fn free_format_with_every_section_and_bound_type() {
    let text = "\
* A comment line, then a blank line

NAME          everything
OBJSENSE MAX
ROWS
 N  cost
 L  lim
 G  need
 E  bal
 E  eqpos
 E  eqneg
 N  spare
 G  ranged
COLUMNS
    x  cost  1  lim  2
    x  need  -1
    MARKER  'MARKER'  'INTORG'
    y  cost  3  bal  1
    y  spare  99
    MARKER  'MARKER'  'INTEND'
    z  lim  1.5  eqpos  1
    z  eqneg  2  ranged  1
    up  cost  1
    lo  cost  1
    fx  cost  1
    fr  cost  1
    mi  cost  1
    pl  cost  1
    bv  cost  1
    li  cost  1
    ui  cost  1
RHS
    RHS  lim  10  need  -2.5
    RHS  bal  4
    RHS  eqpos  1  eqneg  1
    RHS  ranged  3
    RHS  cost  -7
    RHS  spare  1000
RANGES
    RNG  lim  4  need  2
    RNG  eqpos  5  eqneg  -5
    RNG  ranged  -1
BOUNDS
 UP BND  x  8
 UP BND  y  5
 UP BND  up  3.5
 LO BND  lo  -2
 FX BND  fx  1.25
 FR BND  fr
 MI BND  mi
 UP BND  mi  6
 PL BND  pl
 BV BND  bv
 LI BND  li  -3
 UI BND  ui  9
ENDATA
";
    let mut m = model("everything", ObjSense::Maximize, "cost", 7.0);
    m.variables = vec![
        var("x", VarKind::Continuous, 0.0, 8.0, 1.0),
        var("y", VarKind::Integer, 0.0, 5.0, 3.0),
        var("z", VarKind::Continuous, 0.0, INF, 0.0),
        var("up", VarKind::Continuous, 0.0, 3.5, 1.0),
        var("lo", VarKind::Continuous, -2.0, INF, 1.0),
        var("fx", VarKind::Continuous, 1.25, 1.25, 1.0),
        var("fr", VarKind::Continuous, -INF, INF, 1.0),
        var("mi", VarKind::Continuous, -INF, 6.0, 1.0),
        var("pl", VarKind::Continuous, 0.0, INF, 1.0),
        var("bv", VarKind::Binary, 0.0, 1.0, 1.0),
        var("li", VarKind::Integer, -3.0, INF, 1.0),
        var("ui", VarKind::Integer, 0.0, 9.0, 1.0),
    ];
    m.rows = vec![
        row("lim", 6.0, 10.0, &[(0, 2.0), (2, 1.5)]),
        row("need", -2.5, -0.5, &[(0, -1.0)]),
        row("bal", 4.0, 4.0, &[(1, 1.0)]),
        row("eqpos", 1.0, 6.0, &[(2, 1.0)]),
        row("eqneg", -4.0, 1.0, &[(2, 2.0)]),
        row("ranged", 3.0, 4.0, &[(2, 1.0)]),
    ];
    let got = parse(text);
    assert_eq!(got, m);
    assert_round_trip(&got);
}

#[test]
fn objsense_forms() {
    let body = "ROWS\n N obj\nCOLUMNS\n    x obj 1\nENDATA\n";
    let cases = [
        ("OBJSENSE\n    MAX\n", ObjSense::Maximize),
        ("OBJSENSE\n    MAXIMIZE\n", ObjSense::Maximize),
        ("OBJSENSE\n  min\n", ObjSense::Minimize),
        ("OBJSENSE\n    MINIMIZE\n", ObjSense::Minimize),
        ("OBJSENSE\nMAX\n", ObjSense::Maximize),
        ("OBJSENSE MAX\n", ObjSense::Maximize),
        ("OBJSENSE    MAXIMIZE\n", ObjSense::Maximize),
        ("objsense min\n", ObjSense::Minimize),
        ("", ObjSense::Minimize),
    ];
    for (sense, expected) in cases {
        let text = format!("NAME t\n{sense}{body}");
        assert_eq!(parse(&text).sense, expected, "{sense:?}");
    }
    // OBJSENSE may also come after ROWS.
    let text = "NAME t\nROWS\n N obj\nOBJSENSE\n    MAX\nCOLUMNS\n    x obj 1\nENDATA\n";
    assert_eq!(parse(text).sense, ObjSense::Maximize);
}

/// A fixed-format line from its six fields, each placed in its columns.
fn fixed(fields: [&str; 6]) -> String {
    let starts = [1, 4, 14, 24, 39, 49];
    let mut line = String::new();
    for (field, start) in fields.iter().zip(starts) {
        if field.is_empty() {
            continue;
        }
        while line.len() < start {
            line.push(' ');
        }
        line.push_str(field);
    }
    line
}

#[test]
fn fixed_format_with_spaces_in_names() {
    let lines = [
        "NAME          MY PROBLEM".to_string(),
        "ROWS".to_string(),
        fixed(["N", "COST", "", "", "", ""]),
        fixed(["L", "LIM 1", "", "", "", ""]),
        fixed(["G", "NEED", "", "", "", ""]),
        fixed(["E", "BAL ROW", "", "", "", ""]),
        "COLUMNS".to_string(),
        fixed(["", "MARKER", "'MARKER'", "", "'INTORG'", ""]),
        fixed(["", "X 1", "COST", "1", "LIM 1", "2"]),
        fixed(["", "X 1", "BAL ROW", "1", "", ""]),
        fixed(["", "MARKER", "'MARKER'", "", "'INTEND'", ""]),
        fixed(["", "Y", "LIM 1", "1", "NEED", "-1.5"]),
        fixed(["", "Z Z", "COST", "-1", "", ""]),
        "RHS".to_string(),
        fixed(["", "RHS 1", "LIM 1", "10", "BAL ROW", "3"]),
        fixed(["", "RHS 1", "COST", "2.5", "", ""]),
        "RANGES".to_string(),
        fixed(["", "RNG", "BAL ROW", "-2", "", ""]),
        "BOUNDS".to_string(),
        fixed(["UP", "BND 1", "X 1", "4", "", ""]),
        fixed(["MI", "BND 1", "Y", "", "", ""]),
        fixed(["UP", "BND 1", "Z Z", "7", "", ""]),
        "ENDATA".to_string(),
    ];
    let text = lines.join("\n") + "\n";
    let mut m = model("MY PROBLEM", ObjSense::Minimize, "COST", -2.5);
    m.variables = vec![
        var("X 1", VarKind::Integer, 0.0, 4.0, 1.0),
        var("Y", VarKind::Continuous, -INF, INF, 0.0),
        var("Z Z", VarKind::Continuous, 0.0, 7.0, -1.0),
    ];
    m.rows = vec![
        row("LIM 1", -INF, 10.0, &[(0, 2.0), (1, 1.0)]),
        row("NEED", 0.0, INF, &[(1, -1.5)]),
        row("BAL ROW", 1.0, 3.0, &[(0, 1.0)]),
    ];
    assert_eq!(parse(&text), m, "text:\n{text}");
}

#[test]
fn classic_fixed_format_without_spaces() {
    // As in MIPLIB 3: numbers right-aligned in their columns, no set name quirks.
    let text = "\
NAME          FIX
ROWS
 N  R100
 L  R114
COLUMNS
    MARK0000  'MARKER'                 'INTORG'
    C157      R100               171   R114                 1
    MARK0001  'MARKER'                 'INTEND'
    C158      R100              -300   R114                 1
RHS
    RHS       R114                 1
BOUNDS
 UP BOUND     C158              2.5
ENDATA
";
    let mut m = model("FIX", ObjSense::Minimize, "R100", 0.0);
    m.variables = vec![
        var("C157", VarKind::Binary, 0.0, 1.0, 171.0),
        var("C158", VarKind::Continuous, 0.0, 2.5, -300.0),
    ];
    m.rows = vec![row("R114", -INF, 1.0, &[(0, 1.0), (1, 1.0)])];
    assert_eq!(parse(text), m);
}

#[test]
fn integer_columns_default_to_binary_only_without_bounds() {
    let text = "\
ROWS
 N obj
COLUMNS
    MARKER MARKER INTORG
    a obj 1
    b obj 1
    c obj 1
    d obj 1
    e obj 1
    f obj 1
    g obj 1
    MARKER MARKER INTEND
RHS
BOUNDS
 UP BND b 5
 LO BND c 0
 UP BND d 1
 PL BND e
 FX BND f 1
 LO BND g -1
 UP BND g 1
ENDATA
";
    let got = parse(text);
    let kinds: Vec<(VarKind, f64, f64)> = got
        .variables
        .iter()
        .map(|v| (v.kind, v.lower, v.upper))
        .collect();
    assert_eq!(
        kinds,
        vec![
            (VarKind::Binary, 0.0, 1.0),
            (VarKind::Integer, 0.0, 5.0),
            (VarKind::Integer, 0.0, INF),
            (VarKind::Binary, 0.0, 1.0),
            (VarKind::Integer, 0.0, INF),
            (VarKind::Binary, 1.0, 1.0),
            (VarKind::Integer, -1.0, 1.0),
        ]
    );
    assert_eq!(got.objective_name, "obj");
    assert_round_trip(&got);
}

#[test]
fn negative_upper_bound_rule() {
    let text = "\
ROWS
 N obj
COLUMNS
    a obj 1
    b obj 1
    c obj 1
    d obj 1
BOUNDS
 UP BND a -5
 LO BND b 0
 UP BND b -5
 UP BND c -5
 LO BND c -8
 UP BND d 0
ENDATA
";
    let got = parse(text);
    let bounds: Vec<(f64, f64)> = got.variables.iter().map(|v| (v.lower, v.upper)).collect();
    // b keeps its explicit lower bound 0: an infeasible column, kept as such.
    assert_eq!(
        bounds,
        vec![(-INF, -5.0), (0.0, -5.0), (-8.0, -5.0), (0.0, 0.0)]
    );
    assert_round_trip(&got);
}

#[test]
fn objective_constant_is_the_negated_rhs() {
    let text =
        "ROWS\n N obj\n L c\nCOLUMNS\n    x obj 2 c 1\nRHS\n    RHS obj 3.5\n    RHS c 4\nENDATA\n";
    let got = parse(text);
    assert_eq!(got.objective_constant, -3.5);
    assert_eq!(got.objective_value(&[1.0]), -1.5);
    assert_round_trip(&got);
}

#[test]
fn optional_set_names_and_infinite_bounds() {
    let text = "\
ROWS
 N obj
 L c
 E e
COLUMNS
    x obj 1 c 1
    y e 1
    z c 0
RHS
    c 4
    e 1 c 4.5
RANGES
    e 2
BOUNDS
 UP x 1e30
 LO x -1e20
 FR y
 BV z
 BV BND z 1
ENDATA
";
    let mut m = model("", ObjSense::Minimize, "obj", 0.0);
    m.variables = vec![
        var("x", VarKind::Continuous, -INF, INF, 1.0),
        var("y", VarKind::Continuous, -INF, INF, 0.0),
        var("z", VarKind::Binary, 0.0, 1.0, 0.0),
    ];
    m.rows = vec![
        row("c", -INF, 4.5, &[(0, 1.0)]),
        row("e", 1.0, 3.0, &[(1, 1.0)]),
    ];
    // The RHS of c is given twice (lines 10 and 11): an error, so give it once.
    let text = text.replace("    c 4\n", "");
    assert_eq!(parse(&text), m);
    let text = text
        .replace("UP x 1e30", "UP x inf")
        .replace("-1e20", "-Infinity");
    assert_eq!(parse(&text), m);
}

#[test]
fn extra_n_rows_markers_and_keywords_any_case() {
    let text = "\
name lower
rows
 n obj
 n free1
 l c
columns
    x obj 1 free1 5
    x c 1
    m 'marker' 'intorg'
    y c 1
    m marker intend
rhs
    rhs free1 3 c 2
ranges
    rng free1 1
bounds
 up bnd x 4
endata
";
    let mut m = model("lower", ObjSense::Minimize, "obj", 0.0);
    m.variables = vec![
        var("x", VarKind::Continuous, 0.0, 4.0, 1.0),
        var("y", VarKind::Binary, 0.0, 1.0, 0.0),
    ];
    m.rows = vec![row("c", -INF, 2.0, &[(0, 1.0), (1, 1.0)])];
    assert_eq!(parse(text), m);
}

#[test]
fn zero_coefficients_declare_columns_but_are_not_stored() {
    let text = "ROWS\n N obj\n G c\nCOLUMNS\n    x obj 0\n    y c 0 obj 2\nENDATA\n";
    let mut m = model("", ObjSense::Minimize, "obj", 0.0);
    m.variables = vec![
        var("x", VarKind::Continuous, 0.0, INF, 0.0),
        var("y", VarKind::Continuous, 0.0, INF, 2.0),
    ];
    m.rows = vec![row("c", 0.0, INF, &[])];
    assert_eq!(parse(text), m);
    assert_round_trip(&m);
}

#[test]
fn no_objective_row_gives_a_unique_objective_name() {
    let text = "ROWS\n L obj\nCOLUMNS\n    x obj 1\nRHS\n    RHS obj 1\nENDATA\n";
    let got = parse(text);
    assert_eq!(got.objective_name, "obj_1");
    assert_eq!(got.variables[0].cost, 0.0);
    assert_eq!(got.rows[0].entries, vec![(0, 1.0)]);
    assert_round_trip(&got);
}

#[test]
fn huge_right_hand_sides_stay_finite() {
    let text = "ROWS\n N obj\n L c\nCOLUMNS\n    x c 1\nRHS\n    RHS c 1e30\nENDATA\n";
    let got = parse(text);
    assert_eq!((got.rows[0].lower, got.rows[0].upper), (-INF, 1e30));
    assert_round_trip(&got);
}

#[test]
fn invalid_utf8_is_read_with_replacement_characters() {
    let dir = std::env::temp_dir().join(format!("relumip-mps-utf8-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("latin1.mps");
    let mut bytes = b"NAME caf".to_vec();
    bytes.push(0xe9); // 'é' in Latin-1
    bytes.extend_from_slice(b"\nROWS\n N obj\nCOLUMNS\n    x obj 1\nENDATA\n");
    std::fs::write(&path, bytes).unwrap();
    let m = read_mps(&path).unwrap();
    assert_eq!(m.name, "caf\u{fffd}");
    assert_eq!(m.variables.len(), 1);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn crlf_tabs_and_trailing_spaces() {
    let text = "NAME t\r\nROWS\r\n N\tobj  \r\n G\tc\r\nCOLUMNS\r\n\tx\tobj\t1\tc\t2  \r\nRHS\r\n\tRHS\tc\t1\r\nENDATA\r\n";
    let mut m = model("t", ObjSense::Minimize, "obj", 0.0);
    m.variables = vec![var("x", VarKind::Continuous, 0.0, INF, 1.0)];
    m.rows = vec![row("c", 1.0, INF, &[(0, 2.0)])];
    assert_eq!(parse(text), m);
}

#[test]
fn contradictory_bounds_are_kept() {
    let text = "ROWS\n N obj\nCOLUMNS\n    x obj 1\nBOUNDS\n LO BND x 3\n UP BND x 1\nENDATA\n";
    let got = parse(text);
    assert_eq!((got.variables[0].lower, got.variables[0].upper), (3.0, 1.0));
    assert_round_trip(&got);
}

#[test]
fn later_bounds_override_earlier_ones() {
    let text = "ROWS\n N obj\nCOLUMNS\n    x obj 1\nBOUNDS\n FR BND x\n LO BND x -5\n UP BND x 3\n UP BND x 2\nENDATA\n";
    let got = parse(text);
    assert_eq!(
        (got.variables[0].lower, got.variables[0].upper),
        (-5.0, 2.0)
    );
}

#[test]
fn reads_gzip_and_plain_files() {
    let text = "NAME gz\nROWS\n N obj\n L c\nCOLUMNS\n    x obj -1 c 1\nRHS\n    RHS c 2\nENDATA\n";
    let dir = std::env::temp_dir().join(format!("relumip-mps-read-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let gz = dir.join("model.mps.gz");
    let mut encoder = flate2::write::GzEncoder::new(
        std::fs::File::create(&gz).unwrap(),
        flate2::Compression::default(),
    );
    encoder.write_all(text.as_bytes()).unwrap();
    encoder.finish().unwrap();
    // gzip is detected by content, whatever the name.
    let plain = dir.join("model.mps.gz.txt");
    std::fs::write(&plain, text).unwrap();
    let a = read_mps(&gz).unwrap();
    let b = read_mps(&plain).unwrap();
    assert_eq!(a, b);
    assert_eq!(a.name, "gz");
    assert_eq!(a.rows[0].upper, 2.0);
    let missing = read_mps(&dir.join("missing.mps")).unwrap_err();
    assert!(matches!(missing, relumip_solver::Error::Io { .. }));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn writer_output_is_the_documented_free_mps() {
    let mut m = model("w", ObjSense::Maximize, "profit", 2.0);
    m.variables = vec![
        var("x", VarKind::Continuous, -INF, 4.0, 1.0),
        var("b", VarKind::Binary, 0.0, 1.0, 2.0),
        var("n", VarKind::Integer, 0.0, INF, 0.0),
        var("f", VarKind::Continuous, -INF, INF, 0.0),
    ];
    m.rows = vec![
        row("cap", -INF, 10.0, &[(0, 1.0), (1, 3.0)]),
        row("band", 1.0, 2.0, &[(0, 1.0), (2, 1.0)]),
    ];
    let text = write_mps_string(&m);
    let expected = "\
NAME          w
OBJSENSE
 MAX
ROWS
 N   profit
 L   cap
 G   band
COLUMNS
 x   profit  1
 x   cap  1
 x   band  1
 MARKER  'MARKER'  'INTORG'
 b   profit  2
 b   cap  3
 n   band  1
 MARKER  'MARKER'  'INTEND'
 f   profit  0
RHS
 RHS  profit   -2
 RHS  cap  10
 RHS  band  1
RANGES
 RNG  band  1
BOUNDS
 MI  BND  x
 UP  BND  x  4
 UP  BND  b  1
 PL  BND  n
 FR  BND  f
ENDATA
";
    assert_eq!(text, expected);
    assert_eq!(parse(&text), m);
}

#[test]
fn writer_replaces_unwritable_names() {
    let mut m = model("name with spaces", ObjSense::Minimize, "c", 0.0);
    m.variables = vec![
        var("a b", VarKind::Continuous, 0.0, INF, 1.0),
        var("a_b", VarKind::Continuous, 0.0, INF, 1.0),
        var("", VarKind::Continuous, 0.0, INF, 1.0),
    ];
    m.rows = vec![row("c", 1.0, INF, &[(0, 1.0), (1, 1.0), (2, 1.0)])];
    let back = parse(&write_mps_string(&m));
    let names: Vec<&str> = back.variables.iter().map(|v| v.name.as_str()).collect();
    assert_eq!(names, vec!["a_b", "a_b_1", "C2"]);
    assert_eq!(back.rows[0].name, "c");
    assert_eq!(back.objective_name, "c_1");
    assert_eq!(back.name, "name with spaces");
    // A model name CBC would misread, and set names that are row or column names.
    m.name = "an IEEE model".to_string();
    m.rows[0].name = "RHS".to_string();
    m.variables[0].name = "BND".to_string();
    m.variables[0].upper = 3.0;
    m.rows[0].lower = -INF;
    m.rows[0].upper = 4.0;
    let text = write_mps_string(&m);
    assert!(text.contains("NAME          an_IEEE_model\n"), "{text}");
    assert!(text.contains(" RHS_1  RHS  4\n"), "{text}");
    assert!(text.contains(" UP  BND_1  BND  3\n"), "{text}");
    let back = parse(&text);
    assert_eq!(back.rows[0].upper, 4.0);
    assert_eq!(back.variables[0].upper, 3.0);
    // The objective row counts as a row name too.
    m.rows[0].name = "c".to_string();
    m.objective_name = "RHS".to_string();
    m.objective_constant = 1.0;
    let text = write_mps_string(&m);
    assert!(text.contains(" RHS_1  RHS  -1\n"), "{text}");
    assert_eq!(parse(&text).objective_constant, 1.0);
}
