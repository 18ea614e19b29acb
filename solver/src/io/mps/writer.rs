//! The MPS writer: free MPS that HiGHS, CBC and relumip read back to the same model.
//!
//! Names containing whitespace cannot be written in free MPS; each whitespace
//! character is replaced by `_`. Infinite right-hand sides (a row without sides) are
//! written as `1e30`. Ranged rows are written as `G` or `L` rows with a range chosen
//! so that the reader reproduces both sides exactly whenever a nearby float does.

use super::MPS_INFINITY;
use crate::error::{Error, Result};
use crate::model::{Model, ObjSense, VarKind};
use std::fmt::Write as _;
use std::path::Path;

/// Writes `model` as free MPS to `path`.
pub fn write_mps(model: &Model, path: &Path) -> Result<()> {
    std::fs::write(path, write_mps_string(model)).map_err(|e| Error::io(path, e))
}

fn clean(name: &str, fallback: &str) -> String {
    if name.is_empty() {
        return fallback.to_string();
    }
    name.chars()
        .map(|c| if c.is_whitespace() { '_' } else { c })
        .collect()
}

/// Shortest text that reads back as the same `f64`.
fn num(x: f64) -> String {
    if x == f64::INFINITY {
        format!("{MPS_INFINITY:e}")
    } else if x == f64::NEG_INFINITY {
        format!("-{MPS_INFINITY:e}")
    } else {
        format!("{x:?}")
    }
}

/// A range `r >= 0` with `from + sign * r == to`, if one exists within a few ulps.
fn exact_range(from: f64, to: f64, sign: f64) -> Option<f64> {
    let mut candidate = (to - from).abs();
    for _ in 0..16 {
        let reached = from + sign * candidate;
        if reached == to {
            return Some(candidate);
        }
        candidate = if (reached < to) == (sign > 0.0) {
            f64::from_bits(candidate.to_bits() + 1)
        } else {
            f64::from_bits(candidate.to_bits().saturating_sub(1))
        };
    }
    None
}

/// How a row is written: type, right-hand side and range (for ranged rows). A ranged
/// row is a `G` row (`[rhs, rhs + r]`) or, when only that reproduces the sides
/// exactly, an `L` row (`[rhs - r, rhs]`).
fn row_form(lower: f64, upper: f64) -> (char, f64, Option<f64>) {
    if lower == upper {
        ('E', lower, None)
    } else if lower.is_finite() && upper.is_finite() {
        match exact_range(lower, upper, 1.0) {
            Some(r) => ('G', lower, Some(r)),
            None => match exact_range(upper, lower, -1.0) {
                Some(r) => ('L', upper, Some(r)),
                None => ('G', lower, Some(upper - lower)),
            },
        }
    } else if lower.is_finite() {
        ('G', lower, None)
    } else {
        ('L', upper, None)
    }
}

/// The model as free MPS text.
pub fn write_mps_string(model: &Model) -> String {
    let mut out = String::new();
    let row_names: Vec<String> = model
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| clean(&r.name, &format!("R{i}")))
        .collect();
    let col_names: Vec<String> = model
        .variables
        .iter()
        .enumerate()
        .map(|(j, v)| clean(&v.name, &format!("C{j}")))
        .collect();
    let obj = clean(&model.objective_name, "obj");
    let _ = writeln!(out, "NAME {}", model.name.replace(['\n', '\r'], " "));
    if model.sense == ObjSense::Maximize {
        let _ = writeln!(out, "OBJSENSE\n    MAX");
    }
    let _ = writeln!(out, "ROWS\n N  {obj}");
    let forms: Vec<(char, f64, Option<f64>)> = model
        .rows
        .iter()
        .map(|r| row_form(r.lower, r.upper))
        .collect();
    for (form, name) in forms.iter().zip(&row_names) {
        let _ = writeln!(out, " {}  {name}", form.0);
    }
    // Column-wise entries.
    let mut columns: Vec<Vec<(usize, f64)>> = vec![Vec::new(); model.num_cols()];
    for (r, row) in model.rows.iter().enumerate() {
        for &(j, a) in &row.entries {
            columns[j].push((r, a));
        }
    }
    let _ = writeln!(out, "COLUMNS");
    let mut in_block = false;
    let mut marker = 0;
    for (j, v) in model.variables.iter().enumerate() {
        let integral = v.kind.is_integral();
        if integral != in_block {
            let which = if integral { "INTORG" } else { "INTEND" };
            let _ = writeln!(out, "    MARKER{marker}  'MARKER'  '{which}'");
            marker += 1;
            in_block = integral;
        }
        let name = &col_names[j];
        if v.cost != 0.0 || columns[j].is_empty() {
            let _ = writeln!(out, "    {name}  {obj}  {}", num(v.cost));
        }
        for &(r, a) in &columns[j] {
            let _ = writeln!(out, "    {name}  {}  {}", row_names[r], num(a));
        }
    }
    if in_block {
        let _ = writeln!(out, "    MARKER{marker}  'MARKER'  'INTEND'");
    }
    let _ = writeln!(out, "RHS");
    if model.objective_constant != 0.0 {
        let _ = writeln!(out, "    RHS  {obj}  {}", num(-model.objective_constant));
    }
    let mut ranges = Vec::new();
    for (&(_, rhs, range), name) in forms.iter().zip(&row_names) {
        if rhs != 0.0 {
            let _ = writeln!(out, "    RHS  {name}  {}", num(rhs));
        }
        if let Some(r) = range {
            ranges.push((name, r));
        }
    }
    if !ranges.is_empty() {
        let _ = writeln!(out, "RANGES");
        for (name, r) in ranges {
            let _ = writeln!(out, "    RNG  {name}  {}", num(r));
        }
    }
    let _ = writeln!(out, "BOUNDS");
    for (v, name) in model.variables.iter().zip(&col_names) {
        write_bounds(&mut out, name, v.kind, v.lower, v.upper);
    }
    let _ = writeln!(out, "ENDATA");
    out
}

fn write_bounds(out: &mut String, name: &str, kind: VarKind, lower: f64, upper: f64) {
    let mut line = |kind: &str, value: Option<f64>| {
        let _ = match value {
            Some(v) => writeln!(out, " {kind} BND  {name}  {}", num(v)),
            None => writeln!(out, " {kind} BND  {name}"),
        };
    };
    if lower == upper && lower.is_finite() {
        line("FX", Some(lower));
        return;
    }
    match (lower, upper) {
        (l, u) if l == f64::NEG_INFINITY && u == f64::INFINITY => line("FR", None),
        (l, _) if l == f64::NEG_INFINITY => line("MI", None),
        // An explicit LO keeps a negative UP from making the lower bound -inf, and
        // marks an integer column as bounded (not binary by default).
        (l, u) if l != 0.0 || u < 0.0 || (kind.is_integral() && u == f64::INFINITY) => {
            line("LO", Some(l))
        }
        _ => {}
    }
    if upper.is_finite() {
        line("UP", Some(upper));
    }
}
