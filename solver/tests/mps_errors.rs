//! Malformed MPS inputs: each error class gives the right variant, line and message;
//! random edits of valid files never panic.

use proptest::prelude::*;
use relumip_solver::io::mps::{parse_mps, write_mps_string};
use relumip_solver::Error;

/// The error of `text`, as (unsupported?, line, message).
fn error(text: &str) -> (bool, usize, String) {
    match parse_mps(text, "bad.mps") {
        Err(Error::Parse {
            file,
            line,
            message,
        }) => {
            assert_eq!(file, "bad.mps");
            (false, line, message)
        }
        Err(Error::Unsupported { file, line, what }) => {
            assert_eq!(file, "bad.mps");
            (true, line, what)
        }
        other => panic!("expected an error for:\n{text}\ngot {other:?}"),
    }
}

/// Asserts a parse error at `line` whose message contains `phrase`.
fn parse_error(text: &str, line: usize, phrase: &str) {
    let (unsupported, at, message) = error(text);
    assert!(
        !unsupported,
        "expected a parse error, got unsupported: {message}"
    );
    assert_eq!(at, line, "line of '{message}'");
    assert!(message.contains(phrase), "'{message}' lacks '{phrase}'");
}

/// Asserts an unsupported-feature error at `line` whose text contains `phrase`.
fn unsupported(text: &str, line: usize, phrase: &str) {
    let (unsupported, at, what) = error(text);
    assert!(unsupported, "expected unsupported, got parse error: {what}");
    assert_eq!(at, line, "line of '{what}'");
    assert!(what.contains(phrase), "'{what}' lacks '{phrase}'");
}

/// A valid model; tests replace one part of it.
const HEAD: &str = "NAME t\nROWS\n N obj\n L c1\n E c2\nCOLUMNS\n";
// Lines 1-6 are HEAD; COLUMNS data starts at line 7.

#[test]
fn unknown_row_names() {
    parse_error(
        &format!("{HEAD}    x obj 1 c9 2\nENDATA\n"),
        7,
        "unknown row 'c9'",
    );
    parse_error(
        &format!("{HEAD}    x obj 1\nRHS\n    RHS c3 2\nENDATA\n"),
        9,
        "unknown row 'c3'",
    );
    parse_error(
        &format!("{HEAD}    x obj 1\nRANGES\n    RNG c1 1 zz 2\nENDATA\n"),
        9,
        "unknown row 'zz'",
    );
}

#[test]
fn unknown_column_in_bounds() {
    parse_error(
        &format!("{HEAD}    x obj 1\nBOUNDS\n UP BND y 2\nENDATA\n"),
        9,
        "unknown column 'y' in BOUNDS",
    );
    parse_error(
        &format!("{HEAD}    x obj 1\nBOUNDS\n FR BND y\nENDATA\n"),
        9,
        "unknown column 'y'",
    );
}

#[test]
fn values_that_are_not_numbers() {
    parse_error(
        &format!("{HEAD}    x obj one\nENDATA\n"),
        7,
        "expected a number, found 'one'",
    );
    parse_error(
        &format!("{HEAD}    x obj 1\nRHS\n    RHS c1 1,5\nENDATA\n"),
        9,
        "found '1,5'",
    );
    parse_error(
        &format!("{HEAD}    x obj 1\nBOUNDS\n UP BND x high\nENDATA\n"),
        9,
        "found 'high'",
    );
    parse_error(
        &format!("{HEAD}    x obj 1\nRANGES\n    RNG c1 --1\nENDATA\n"),
        9,
        "found '--1'",
    );
}

#[test]
fn nan_and_infinity_where_not_allowed() {
    parse_error(&format!("{HEAD}    x obj nan\nENDATA\n"), 7, "NaN");
    parse_error(
        &format!("{HEAD}    x c1 inf\nENDATA\n"),
        7,
        "finite number as a coefficient, found 'inf'",
    );
    parse_error(
        &format!("{HEAD}    x c1 1e999\nENDATA\n"),
        7,
        "found '1e999'",
    );
    parse_error(
        &format!("{HEAD}    x obj 1\nRHS\n    RHS c1 -inf\nENDATA\n"),
        9,
        "finite number as a right-hand side",
    );
    parse_error(
        &format!("{HEAD}    x obj 1\nRANGES\n    RNG c2 Infinity\nENDATA\n"),
        9,
        "finite number as a range",
    );
    parse_error(
        &format!("{HEAD}    x obj 1\nBOUNDS\n UP BND x NaN\nENDATA\n"),
        9,
        "NaN",
    );
    parse_error(
        &format!("{HEAD}    x obj 1\nBOUNDS\n LO BND x inf\nENDATA\n"),
        9,
        "finite bound for LO",
    );
    parse_error(
        &format!("{HEAD}    x obj 1\nBOUNDS\n UP BND x -1e30\nENDATA\n"),
        9,
        "finite bound for UP",
    );
    parse_error(
        &format!("{HEAD}    x obj 1\nBOUNDS\n FX BND x 1e20\nENDATA\n"),
        9,
        "finite bound for FX",
    );
}

#[test]
fn missing_fields() {
    parse_error(
        "NAME t\nROWS\n N\nCOLUMNS\nENDATA\n",
        3,
        "expected 'type name' in ROWS, found 1 fields",
    );
    parse_error(
        &format!("{HEAD}    x obj\nENDATA\n"),
        7,
        "expected 'column row value [row value]' in COLUMNS, found 2 fields",
    );
    parse_error(
        &format!("{HEAD}    x obj 1 c1\nENDATA\n"),
        7,
        "found 4 fields",
    );
    parse_error(
        &format!("{HEAD}    x obj 1\nRHS\n    c1\nENDATA\n"),
        9,
        "expected '[set] row value [row value]', found 1 fields",
    );
    parse_error(
        &format!("{HEAD}    x obj 1\nBOUNDS\n UP x\nENDATA\n"),
        9,
        "expected 'UP [set] column value' in BOUNDS, found 2 fields",
    );
    parse_error(
        &format!("{HEAD}    x obj 1\nBOUNDS\n MI\nENDATA\n"),
        9,
        "expected 'MI [set] column' in BOUNDS, found 1 fields",
    );
    parse_error(
        "NAME t\nROWS\n X c\nENDATA\n",
        3,
        "expected row type N, L, G or E, found 'X'",
    );
}

#[test]
fn split_and_duplicate_columns() {
    parse_error(
        &format!("{HEAD}    x obj 1\n    y c1 1\n    x c2 1\nENDATA\n"),
        9,
        "entries of column 'x' are not contiguous: the column was started at line 7",
    );
    // A marker between two parts of a column also splits it.
    parse_error(
        &format!(
            "{HEAD}    x obj 1\n    M 'MARKER' 'INTORG'\n    x c1 1\n    M 'MARKER' 'INTEND'\nENDATA\n"
        ),
        9,
        "not contiguous",
    );
}

#[test]
fn duplicate_entries() {
    parse_error(
        &format!("{HEAD}    x c1 1\n    x c2 1 c1 2\nENDATA\n"),
        8,
        "duplicate coefficient for column 'x' in row 'c1' (first at line 7)",
    );
    parse_error(
        &format!("{HEAD}    x obj 1 obj 2\nENDATA\n"),
        7,
        "duplicate objective coefficient for column 'x' (first at line 7)",
    );
    parse_error(
        &format!("{HEAD}    x obj 1\nRHS\n    RHS c1 1\n    RHS c2 1 c1 3\nENDATA\n"),
        10,
        "duplicate RHS entry for row 'c1' (first at line 9)",
    );
    parse_error(
        &format!("{HEAD}    x obj 1\nRHS\n    RHS obj 1\n    RHS obj 1\nENDATA\n"),
        10,
        "duplicate RHS entry for row 'obj'",
    );
    parse_error(
        &format!("{HEAD}    x obj 1\nRANGES\n    R c2 1\n    R c2 1\nENDATA\n"),
        10,
        "duplicate RANGES entry for row 'c2' (first at line 9)",
    );
}

#[test]
fn duplicate_row_names() {
    parse_error(
        "NAME t\nROWS\n N obj\n L c\n G c\nCOLUMNS\nENDATA\n",
        5,
        "duplicate row name 'c' (first declared at line 4)",
    );
    parse_error(
        "NAME t\nROWS\n N obj\n L obj\nENDATA\n",
        4,
        "duplicate row name 'obj'",
    );
}

#[test]
fn rows_section_missing() {
    parse_error(
        "NAME t\nCOLUMNS\n    x obj 1\nENDATA\n",
        2,
        "COLUMNS section before ROWS: the ROWS section is missing",
    );
    parse_error("NAME t\nENDATA\n", 2, "no ROWS section");
    parse_error("", 1, "no ROWS section");
    parse_error("NAME t\nBOUNDS\nENDATA\n", 2, "BOUNDS section before ROWS");
}

/// Text after ENDATA (an IMPORTANCES section in MIPLIB 3 files) is ignored, as
/// HiGHS and CBC ignore it: the model is the one before it.
#[test]
fn text_after_endata_is_ignored() {
    let before = parse_mps(&format!("{HEAD}    x obj 1\nENDATA\n"), "t.mps").expect("valid");
    for tail in [
        "\n* comment\n    x c1 1\n",
        "IMPORTANCES\n    x 1\n",
        "ROWS\n N obj\n",
        "not MPS at all \u{7f}\n",
    ] {
        let text = format!("{HEAD}    x obj 1\nENDATA\n{tail}");
        let after = parse_mps(&text, "t.mps").expect("text after ENDATA is ignored");
        assert_eq!(after.num_cols(), before.num_cols(), "{tail:?}");
        assert_eq!(after.num_rows(), before.num_rows(), "{tail:?}");
        assert_eq!(
            after.variables[0].cost, before.variables[0].cost,
            "{tail:?}"
        );
    }
}

#[test]
fn missing_endata() {
    parse_error(&format!("{HEAD}    x obj 1\n"), 7, "missing ENDATA");
    parse_error(
        &format!("{HEAD}    x obj 1\nBOUNDS\n UP BND x 1\n\n"),
        10,
        "missing ENDATA",
    );
}

#[test]
fn section_order_and_repetition() {
    parse_error(
        "NAME t\nROWS\n N obj\nBOUNDS\nCOLUMNS\nENDATA\n",
        5,
        "COLUMNS section after BOUNDS",
    );
    parse_error(
        &format!("{HEAD}    x obj 1\nRHS\nRHS\nENDATA\n"),
        9,
        "second RHS section (the first is at line 8)",
    );
    parse_error(
        "ROWS\n N obj\nNAME late\nENDATA\n",
        3,
        "NAME section after ROWS",
    );
    parse_error("NAME t\n    x obj 1\n", 2, "expected a section keyword");
    parse_error(
        "NAME t\nROWS extra\n N obj\nENDATA\n",
        2,
        "expected ROWS alone on its line",
    );
    parse_error(&format!("{HEAD}ENDATA now\n"), 7, "expected ENDATA alone");
}

#[test]
fn objsense_errors() {
    parse_error(
        "NAME t\nOBJSENSE\n    UP\nROWS\n N obj\nENDATA\n",
        3,
        "expected MAX, MAXIMIZE, MIN or MINIMIZE in OBJSENSE, found 'UP'",
    );
    parse_error(
        "NAME t\nOBJSENSE\nROWS\n N obj\nENDATA\n",
        3,
        "OBJSENSE section (line 2) has no MAX or MIN line",
    );
    parse_error(
        "NAME t\nOBJSENSE\n MAX\n MIN\nROWS\nENDATA\n",
        4,
        "second objective sense",
    );
    parse_error(
        "NAME t\nOBJSENSE SIDEWAYS\nROWS\nENDATA\n",
        2,
        "expected MAX or MIN after OBJSENSE, found 'SIDEWAYS'",
    );
}

#[test]
fn marker_errors() {
    parse_error(
        &format!("{HEAD}    M 'MARKER' 'INTEND'\nENDATA\n"),
        7,
        "INTEND marker without a preceding INTORG",
    );
    parse_error(
        &format!("{HEAD}    M 'MARKER' 'INTORG'\n    M 'MARKER' 'INTORG'\nENDATA\n"),
        8,
        "INTORG marker inside an integer block (opened at line 7)",
    );
    parse_error(
        &format!("{HEAD}    M 'MARKER' 'SOSORG'\nENDATA\n"),
        7,
        "expected 'INTORG' or 'INTEND' after 'MARKER', found ''SOSORG''",
    );
}

#[test]
fn contradictory_bounds_are_not_an_error() {
    let text = format!("{HEAD}    x obj 1\nBOUNDS\n LO BND x 2\n UP BND x 1\nENDATA\n");
    let m = parse_mps(&text, "ok.mps").unwrap();
    assert_eq!((m.variables[0].lower, m.variables[0].upper), (2.0, 1.0));
}

#[test]
fn unsupported_sections() {
    let cases = [
        ("SOS", "special ordered sets"),
        ("SETS", "special ordered sets"),
        ("QUADOBJ", "quadratic objective (QUADOBJ section)"),
        ("QMATRIX", "quadratic objective (QMATRIX section)"),
        ("QSECTION obj", "quadratic constraints (QSECTION section)"),
        ("QCMATRIX c1", "quadratic constraints (QCMATRIX section)"),
        ("CSECTION k 0 QUAD", "cone constraints"),
        ("INDICATORS", "indicator constraints"),
        ("GENCONS", "unknown section 'GENCONS'"),
        ("FOO", "unknown section 'FOO'"),
    ];
    for (section, phrase) in cases {
        unsupported(
            &format!("{HEAD}    x obj 1\n{section}\n    more data\nENDATA\n"),
            8,
            phrase,
        );
    }
}

#[test]
fn unsupported_bound_types_and_sets() {
    unsupported(
        &format!("{HEAD}    x obj 1\nBOUNDS\n SC BND x 4\nENDATA\n"),
        9,
        "semi-continuous bound (SC)",
    );
    unsupported(
        &format!("{HEAD}    x obj 1\nBOUNDS\n SI BND x 4\nENDATA\n"),
        9,
        "semi-integer bound (SI)",
    );
    unsupported(
        &format!("{HEAD}    x obj 1\nBOUNDS\n UP BND x 4\n XX BND x 4\nENDATA\n"),
        10,
        "unknown bound type 'XX'",
    );
    unsupported(
        &format!("{HEAD}    x obj 1\nRHS\n    RHS1 c1 1\n    RHS2 c2 1\nENDATA\n"),
        10,
        "a second RHS vector 'RHS2'",
    );
    unsupported(
        &format!("{HEAD}    x obj 1\nBOUNDS\n UP B1 x 4\n LO B2 x 1\nENDATA\n"),
        10,
        "a second BOUNDS vector 'B2'",
    );
}

#[test]
fn errors_display_file_and_line() {
    let e = parse_mps(&format!("{HEAD}    x obj one\nENDATA\n"), "dir/m.mps").unwrap_err();
    assert_eq!(e.to_string(), "dir/m.mps:7: expected a number, found 'one'");
}

/// A valid file that uses most of the format, for the mutation test.
const VALID: &str = "\
NAME          mutate
OBJSENSE
    MAX
ROWS
 N  obj
 L  c1
 G  c2
 E  c3
 N  free
COLUMNS
    MARKER    'MARKER'    'INTORG'
    x  obj  1  c1  2
    x  c3  1
    MARKER    'MARKER'    'INTEND'
    y  obj  -1.5  c2  1
    y  free  3
    z  c1  1e-3  c3  -2
RHS
    RHS  c1  10  c2  -1
    RHS  obj  2.5
RANGES
    RNG  c1  4  c3  -1
BOUNDS
 UP BND  x  7
 MI BND  y
 UP BND  y  4
 FR BND  z
ENDATA
";

/// A fixed-format file with spaces in names, for the mutation test.
const VALID_FIXED: &str = "\
NAME          FIXED ONE
ROWS
 N  COST
 L  LIM 1
 G  NEED
 E  BAL ROW
COLUMNS
    MARKER    'MARKER'                 'INTORG'
    X 1       COST              1.5    LIM 1              2
    X 1       BAL ROW             1
    MARKER    'MARKER'                 'INTEND'
    Y         LIM 1               1    NEED            -1.5
RHS
    RHS 1     LIM 1              10    BAL ROW            3
RANGES
    RNG       BAL ROW            -2
BOUNDS
 UP BND 1     X 1                 4
 MI BND 1     Y
ENDATA
";

/// Characters that random edits insert: structure (spaces, quotes, signs, digits,
/// letters of keywords), and awkward ones (tab, `*`, multi-byte).
const ALPHABET: &[char] = &[
    ' ', ' ', ' ', '\t', '\'', '-', '+', '.', 'e', 'E', '0', '1', '9', 'x', 'y', 'c', 'N', 'L',
    'G', 'M', 'A', 'R', 'K', 'I', 'n', 'f', '*', '\u{e9}', '\u{20ac}', '\r',
];

#[derive(Clone, Debug)]
enum Edit {
    DeleteLine(usize),
    DuplicateLine(usize),
    SwapLines(usize, usize),
    SetChar(usize, usize),
    InsertChar(usize, usize),
    DeleteChar(usize),
    Truncate(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        any::<usize>().prop_map(Edit::DeleteLine),
        any::<usize>().prop_map(Edit::DuplicateLine),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::SwapLines(a, b)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::SetChar(a, b)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::InsertChar(a, b)),
        any::<usize>().prop_map(Edit::DeleteChar),
        any::<usize>().prop_map(Edit::Truncate),
    ]
}

fn apply(text: &str, edit: &Edit) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let mut chars: Vec<char> = text.chars().collect();
    let n = lines.len().max(1);
    let c = chars.len().max(1);
    match *edit {
        Edit::DeleteLine(i) => {
            if !lines.is_empty() {
                lines.remove(i % n);
            }
        }
        Edit::DuplicateLine(i) => {
            if let Some(line) = lines.get(i % n).cloned() {
                lines.insert(i % n, line);
            }
        }
        Edit::SwapLines(a, b) => {
            if !lines.is_empty() {
                lines.swap(a % n, b % n);
            }
        }
        Edit::SetChar(i, k) => {
            if !chars.is_empty() {
                chars[i % c] = ALPHABET[k % ALPHABET.len()];
            }
            return chars.into_iter().collect();
        }
        Edit::InsertChar(i, k) => {
            chars.insert(i % (chars.len() + 1), ALPHABET[k % ALPHABET.len()]);
            return chars.into_iter().collect();
        }
        Edit::DeleteChar(i) => {
            if !chars.is_empty() {
                chars.remove(i % c);
            }
            return chars.into_iter().collect();
        }
        Edit::Truncate(i) => {
            chars.truncate(i % c);
            return chars.into_iter().collect();
        }
    }
    lines.join("\n") + "\n"
}

#[test]
fn mutation_bases_are_valid() {
    let free = parse_mps(VALID, "valid.mps").unwrap();
    assert_eq!((free.num_rows(), free.num_cols()), (3, 3));
    let fixed = parse_mps(VALID_FIXED, "valid.mps").unwrap();
    assert_eq!((fixed.num_rows(), fixed.num_cols()), (3, 2));
    assert_eq!(fixed.variables[0].name, "X 1");
    assert_eq!(fixed.rows[2].name, "BAL ROW");
    assert_eq!((fixed.rows[2].lower, fixed.rows[2].upper), (1.0, 3.0));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Random edits of a valid file never panic; an edited file that still reads
    /// gives a model that writes and reads back unchanged (when its names can be
    /// written as they are).
    #[test]
    fn random_edits_never_panic(
        fixed in any::<bool>(),
        edits in prop::collection::vec(edit(), 1..6),
    ) {
        let mut text = if fixed { VALID_FIXED } else { VALID }.to_string();
        for e in &edits {
            text = apply(&text, e);
        }
        if let Ok(model) = parse_mps(&text, "edited.mps") {
            let plain_names = model.variables.iter().map(|v| &v.name)
                .chain(model.rows.iter().map(|r| &r.name))
                .chain(std::iter::once(&model.objective_name))
                .all(|n| !n.chars().any(char::is_whitespace));
            if plain_names {
                let written = write_mps_string(&model);
                let back = parse_mps(&written, "written.mps");
                prop_assert!(back.is_ok(), "{:?}\n{}", back, written);
                prop_assert_eq!(back.unwrap(), model);
            }
        }
    }

    /// Arbitrary bytes (as text) never panic the reader.
    #[test]
    fn arbitrary_text_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = parse_mps(&text, "noise.mps");
        let with_head = format!("{HEAD}{text}");
        let _ = parse_mps(&with_head, "noise.mps");
    }
}
