//! The MPS writer (free format).

use super::unique_name;
use crate::error::{Error, Result};
use crate::model::{Model, ObjSense};
use std::collections::HashSet;
use std::path::Path;

/// Checks that `model` can be written as MPS faithfully: every number finite where
/// MPS needs a number (costs, coefficients, the objective constant, finite sides),
/// no `NaN`, no lower bound `+inf` or upper bound `-inf` (on columns and rows), no
/// row with `lower > upper` (MPS cannot express it; infeasible bounds on columns are
/// fine), and matrix entries that name existing columns at most once per row.
pub fn check_writable(model: &Model) -> Result<()> {
    let fail = |what: String| Err(Error::Invalid(format!("cannot write as MPS: {what}")));
    if !model.objective_constant.is_finite() {
        return fail(format!(
            "objective constant is {}",
            model.objective_constant
        ));
    }
    for v in &model.variables {
        if !v.cost.is_finite() {
            return fail(format!("cost of column '{}' is {}", v.name, v.cost));
        }
        if v.lower.is_nan()
            || v.upper.is_nan()
            || v.lower == f64::INFINITY
            || v.upper == f64::NEG_INFINITY
        {
            return fail(format!(
                "column '{}' has bounds [{}, {}]",
                v.name, v.lower, v.upper
            ));
        }
    }
    let n = model.num_cols();
    for row in &model.rows {
        if row.lower.is_nan()
            || row.upper.is_nan()
            || row.lower == f64::INFINITY
            || row.upper == f64::NEG_INFINITY
            || row.lower > row.upper
        {
            return fail(format!(
                "row '{}' has sides [{}, {}]",
                row.name, row.lower, row.upper
            ));
        }
        let mut seen = HashSet::new();
        for &(j, a) in &row.entries {
            if j >= n {
                return fail(format!(
                    "row '{}' has an entry in column {j} of {n}",
                    row.name
                ));
            }
            if !seen.insert(j) {
                return fail(format!(
                    "row '{}' has two entries in column '{}'",
                    row.name, model.variables[j].name
                ));
            }
            if !a.is_finite() {
                return fail(format!(
                    "row '{}' has coefficient {a} in column '{}'",
                    row.name, model.variables[j].name
                ));
            }
        }
    }
    Ok(())
}

/// Writes `model` as free MPS to `path`, gzip-compressed when the file name ends in
/// `.gz`. Refuses (with [`Error::Invalid`]) the models that [`check_writable`]
/// refuses.
pub fn write_mps(model: &Model, path: &Path) -> Result<()> {
    check_writable(model)?;
    let text = write_mps_string(model);
    crate::io::write_atomically(path, &crate::io::maybe_gzip(path, text.as_bytes())?)
}

/// The model as free MPS text, read by relumip, HiGHS and CBC.
///
/// - `OBJSENSE` / `MAX` when maximising; the objective row is the first `N` row.
/// - The objective constant `c` is written as the RHS `-c` of the objective row.
///   The RHS section is always written (CBC requires it), even when empty.
/// - Integer and binary columns are in `MARKER` `INTORG`/`INTEND` blocks and always
///   have a BOUNDS entry (`UP 1` for `[0, 1]`, `PL` for `[0, +inf)`), so no reader's
///   default for integer columns matters.
/// - Bounds: `FX` when equal, `FR` for free, `MI` for `-inf`, `LO`/`UP` for other
///   non-default values (`LO 0` before a negative `UP`, so that the classic rule
///   does not apply). Infinities are never written as numbers.
/// - Rows: `L`, `G`, `E`; two finite different sides are written as a `G` (or `L`)
///   row with a RANGES value chosen so that the reader recomputes both sides
///   exactly. A row with both sides infinite is written as an extra `N` row (it
///   constrains nothing; readers drop it).
/// - Numbers are written in the shortest form that reads back to the same `f64`.
/// - Data lines start with one space and separate fields by two or more spaces,
///   never starting a field in column 5, 15 or 40, where CBC would look for
///   8-character fixed-format names.
/// - Names: empty names become `R<i>`/`C<i>`, whitespace inside a row or column
///   name becomes `_`, and a name that repeats an earlier one (after that change)
///   gets `_1`, `_2`, ... The objective row gets its own name if no row already
///   uses it. The model name is written as it is (CBC and HiGHS read its first
///   word), unless it holds both whitespace and `IEEE`, which CBC would take as an
///   option: then its whitespace becomes `_`.
/// - The RHS, RANGES and BOUNDS set names (`RHS`, `RNG`, `BND`) get a suffix if a
///   row (or column, for BOUNDS) has the same name, which HiGHS would misread.
///
/// Never panics. For a model that [`check_writable`] refuses, the text is not a
/// faithful encoding (it may hold `NaN`, or a row with `lower > upper` is written as
/// `G`).
pub fn write_mps_string(model: &Model) -> String {
    let row_names = sanitize_names(model.rows.iter().map(|r| r.name.as_str()), "R");
    let col_names = sanitize_names(model.variables.iter().map(|v| v.name.as_str()), "C");
    let objective = {
        let base = sanitize_name(&model.objective_name, "obj");
        unique_name(&base, row_names.iter().map(String::as_str))
    };

    // Set names that are no row or column name: HiGHS reads a set name that is
    // also a row (RHS) or column (BOUNDS) name as a missing set name.
    let all_rows = || {
        row_names
            .iter()
            .map(String::as_str)
            .chain(std::iter::once(objective.as_str()))
    };
    let rhs_set = unique_name("RHS", all_rows());
    let range_set = unique_name("RNG", all_rows());
    let bound_set = unique_name("BND", col_names.iter().map(String::as_str));

    let mut out = String::new();
    let name = model.name.replace('\n', " ");
    let mut name = name.trim();
    // CBC reads the words after the first one on the NAME line as options, and
    // "IEEE" there as binary numbers.
    let joined;
    if name.contains(char::is_whitespace) && name.contains("IEEE") {
        joined = sanitize_name(name, "");
        name = &joined;
    }
    if name.is_empty() {
        out.push_str("NAME\n");
    } else {
        out.push_str(&format!("NAME          {name}\n"));
    }
    if model.sense == ObjSense::Maximize {
        out.push_str("OBJSENSE\n");
        data_line(&mut out, &["MAX"]);
    }

    // ROWS, and the right-hand sides and ranges they need.
    out.push_str("ROWS\n");
    data_line(&mut out, &["N", &objective]);
    let mut rhs: Vec<(usize, f64)> = Vec::new();
    let mut ranges: Vec<(usize, f64)> = Vec::new();
    for (i, row) in model.rows.iter().enumerate() {
        let (kind, side, range) = row_form(row.lower, row.upper);
        data_line(&mut out, &[kind, &row_names[i]]);
        if kind != "N" && side != 0.0 {
            rhs.push((i, side));
        }
        if let Some(r) = range {
            ranges.push((i, r));
        }
    }

    // COLUMNS, column by column.
    let mut by_column: Vec<Vec<(usize, f64)>> = vec![Vec::new(); model.num_cols()];
    for (i, row) in model.rows.iter().enumerate() {
        for &(j, a) in &row.entries {
            if a != 0.0 {
                if let Some(col) = by_column.get_mut(j) {
                    col.push((i, a));
                }
            }
        }
    }
    out.push_str("COLUMNS\n");
    let mut in_integer_block = false;
    for (j, v) in model.variables.iter().enumerate() {
        let integral = v.kind.is_integral();
        if integral != in_integer_block {
            let marker = if integral { "'INTORG'" } else { "'INTEND'" };
            data_line(&mut out, &["MARKER", "'MARKER'", marker]);
            in_integer_block = integral;
        }
        let name = &col_names[j];
        let entries = &by_column[j];
        if v.cost != 0.0 || entries.is_empty() {
            data_line(&mut out, &[name, &objective, &num(v.cost)]);
        }
        for &(i, a) in entries {
            data_line(&mut out, &[name, &row_names[i], &num(a)]);
        }
    }
    if in_integer_block {
        data_line(&mut out, &["MARKER", "'MARKER'", "'INTEND'"]);
    }

    // CBC requires the RHS section, even when empty.
    out.push_str("RHS\n");
    if model.objective_constant != 0.0 {
        data_line(
            &mut out,
            &[&rhs_set, &objective, &num(-model.objective_constant)],
        );
    }
    for (i, b) in rhs {
        data_line(&mut out, &[&rhs_set, &row_names[i], &num(b)]);
    }
    if !ranges.is_empty() {
        out.push_str("RANGES\n");
        for (i, r) in ranges {
            data_line(&mut out, &[&range_set, &row_names[i], &num(r)]);
        }
    }

    let mut bounds = String::new();
    for (j, v) in model.variables.iter().enumerate() {
        write_bounds(
            &mut bounds,
            &bound_set,
            &col_names[j],
            v.kind.is_integral(),
            v.lower,
            v.upper,
        );
    }
    if !bounds.is_empty() {
        out.push_str("BOUNDS\n");
        out.push_str(&bounds);
    }
    out.push_str("ENDATA\n");
    out
}

/// Appends a data line: the fields after one leading space, separated by two
/// spaces, with no field starting in column 5, 15 or 40. Readers that look for
/// fixed-format 8-character names at those columns (CBC) would otherwise join a
/// short name with the next field.
fn data_line(out: &mut String, fields: &[&str]) {
    let start = out.len();
    out.push(' ');
    for (k, field) in fields.iter().enumerate() {
        if k > 0 {
            out.push_str("  ");
        }
        while matches!(out.len() - start, 4 | 14 | 39) {
            out.push(' ');
        }
        out.push_str(field);
    }
    out.push('\n');
}

/// The BOUNDS lines of one column; nothing for the default `[0, +inf)` of a
/// continuous column.
fn write_bounds(out: &mut String, set: &str, name: &str, integral: bool, lower: f64, upper: f64) {
    let mut line = |kind: &str, value: Option<f64>| match value {
        Some(v) => data_line(out, &[kind, set, name, &num(v)]),
        None => data_line(out, &[kind, set, name]),
    };
    if lower == upper && lower.is_finite() {
        line("FX", Some(lower));
        return;
    }
    if lower == f64::NEG_INFINITY && upper == f64::INFINITY {
        line("FR", None);
        return;
    }
    if lower == f64::NEG_INFINITY {
        line("MI", None);
    } else if lower != 0.0 || upper < 0.0 {
        line("LO", Some(lower));
    }
    if upper != f64::INFINITY {
        line("UP", Some(upper));
    } else if integral && lower == 0.0 {
        // Without any entry a MARKER integer column would be read as binary.
        line("PL", None);
    }
}

/// How a row `[lower, upper]` is written: type, right-hand side and range.
fn row_form(lower: f64, upper: f64) -> (&'static str, f64, Option<f64>) {
    let lower_inf = lower == f64::NEG_INFINITY;
    let upper_inf = upper == f64::INFINITY;
    match (lower_inf, upper_inf) {
        (true, true) => ("N", 0.0, None),
        (true, false) => ("L", upper, None),
        (false, true) => ("G", lower, None),
        (false, false) if lower == upper => ("E", lower, None),
        (false, false) => {
            // G row at `lower` with range r: the reader computes `lower + r`.
            if let Some(r) = exact_range(upper - lower, |r| lower + r, upper) {
                ("G", lower, Some(r))
            } else if let Some(r) = exact_range(upper - lower, |r| upper - r, lower) {
                ("L", upper, Some(r))
            } else {
                ("G", lower, Some(upper - lower))
            }
        }
    }
}

/// A positive finite `r` near `start` with `f(r) == target`, where `f` is monotone
/// in `r`; found by stepping `r` one unit in the last place at a time.
fn exact_range(start: f64, f: impl Fn(f64) -> f64, target: f64) -> Option<f64> {
    if !(start.is_finite() && start > 0.0) {
        return None;
    }
    let increasing = f(start * 2.0) >= f(start);
    let mut r = start;
    let mut last_step: Option<bool> = None;
    for _ in 0..256 {
        let value = f(r);
        if value == target {
            return Some(r);
        }
        // Step r up when f must grow and f increases, or f must shrink and f
        // decreases.
        let up = (value < target) == increasing;
        if last_step.is_some_and(|s| s != up) {
            return None;
        }
        last_step = Some(up);
        r = if up {
            f64::from_bits(r.to_bits() + 1)
        } else {
            f64::from_bits(r.to_bits() - 1)
        };
        if !(r.is_finite() && r > 0.0) {
            return None;
        }
    }
    None
}

/// The shortest text that reads back to `v`, without a trailing `.0`.
fn num(v: f64) -> String {
    let text = format!("{v:?}");
    match text.strip_suffix(".0") {
        Some(short) => short.to_string(),
        None => text,
    }
}

/// A name usable in free MPS: non-empty, no whitespace.
fn sanitize_name(name: &str, fallback: &str) -> String {
    if name.is_empty() {
        fallback.to_string()
    } else {
        name.chars()
            .map(|c| if c.is_whitespace() { '_' } else { c })
            .collect()
    }
}

/// Names usable in free MPS, distinct, equal to the originals where those are
/// already usable and distinct.
fn sanitize_names<'a>(names: impl Iterator<Item = &'a str>, prefix: &str) -> Vec<String> {
    let names: Vec<&str> = names.collect();
    let mut used: HashSet<String> = HashSet::with_capacity(names.len());
    let mut out = Vec::with_capacity(names.len());
    for (i, name) in names.iter().enumerate() {
        let base = sanitize_name(name, &format!("{prefix}{i}"));
        let mut candidate = base.clone();
        let mut k = 0;
        while used.contains(&candidate) {
            k += 1;
            candidate = format!("{base}_{k}");
        }
        used.insert(candidate.clone());
        out.push(candidate);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_shortest_round_trip() {
        assert_eq!(num(1.0), "1");
        assert_eq!(num(-2.5), "-2.5");
        assert_eq!(num(1e-7), "1e-7");
        assert_eq!(num(1e300), "1e300");
        assert_eq!(num(0.1 + 0.2), "0.30000000000000004");
        for v in [0.1, 1.0 / 3.0, 1e-300, 123456789.123, -7e22] {
            assert_eq!(num(v).parse::<f64>().unwrap(), v);
        }
    }

    #[test]
    fn names_are_made_usable_and_distinct() {
        let names = ["a b", "a_b", "", "x", "x"];
        assert_eq!(
            sanitize_names(names.into_iter(), "C"),
            vec!["a_b", "a_b_1", "C2", "x", "x_1"]
        );
    }

    #[test]
    fn ranges_reproduce_both_sides() {
        for (lo, up) in [
            (0.1, 0.3),
            (-1e16, 1.5),
            (1e-300, 1.0),
            (-3.0, -2.9),
            (5.0, 1e15),
        ] {
            let (kind, side, r) = row_form(lo, up);
            let r = r.unwrap().abs();
            let (l2, u2) = if kind == "G" {
                (side, side + r)
            } else {
                (side - r, side)
            };
            assert_eq!((l2, u2), (lo, up), "{kind} {side} {r}");
        }
    }
}
