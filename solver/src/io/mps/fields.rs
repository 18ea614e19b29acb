//! Splitting MPS data lines into fields and reading numbers.
//!
//! A data line can be split two ways: by whitespace (free MPS) or by the fixed
//! columns of classic MPS, which allow spaces inside names. The reader tries the
//! whitespace split first and falls back to the fixed columns only when the first
//! reading is not valid for the section (see [`super`] for the rule).

/// Byte ranges (0-based, end exclusive) of the six fields of fixed MPS: columns
/// 2-3, 5-12, 15-22, 25-36, 40-47 and 50-61.
const FIXED_FIELDS: [(usize, usize); 6] = [(1, 3), (4, 12), (14, 22), (24, 36), (39, 47), (49, 61)];

/// Byte length of a fixed-format line (the last field ends at column 61).
const FIXED_WIDTH: usize = 61;

/// Values of at least this magnitude in BOUNDS mean an infinite bound, as in HiGHS
/// (`infinite_bound`) and CPLEX.
pub(super) const INFINITE_BOUND: f64 = 1e20;

/// The whitespace-separated fields of a line.
pub(super) fn free_fields(text: &str) -> Vec<&str> {
    text.split_whitespace().collect()
}

/// The non-empty fields of a line read by fixed columns, trimmed, or `None` when
/// the line does not fit the fixed layout: text outside the six fields, a tab, or a
/// field boundary inside a multi-byte character.
pub(super) fn fixed_fields(text: &str) -> Option<Vec<&str>> {
    let text = text.trim_end();
    let bytes = text.as_bytes();
    if bytes.len() > FIXED_WIDTH || bytes.contains(&b'\t') {
        return None;
    }
    let in_field = |i: usize| FIXED_FIELDS.iter().any(|&(a, b)| a <= i && i < b);
    if bytes
        .iter()
        .enumerate()
        .any(|(i, &c)| c != b' ' && !in_field(i))
    {
        return None;
    }
    let mut fields = Vec::new();
    for &(a, b) in &FIXED_FIELDS {
        if a >= bytes.len() {
            break;
        }
        let field = text.get(a..b.min(bytes.len()))?.trim();
        if !field.is_empty() {
            fields.push(field);
        }
    }
    Some(fields)
}

/// Reads a number; infinities (`inf`, `-Infinity`, overflowing literals) are
/// returned as such, `nan` is refused.
pub(super) fn number(token: &str) -> Result<f64, String> {
    match token.parse::<f64>() {
        Ok(v) if v.is_nan() => Err(format!("expected a number, found '{token}' (NaN)")),
        Ok(v) => Ok(v),
        Err(_) => Err(format!("expected a number, found '{token}'")),
    }
}

/// Reads a finite number for `what` (a coefficient, a right-hand side, ...).
pub(super) fn finite(token: &str, what: &str) -> Result<f64, String> {
    let v = number(token)?;
    if v.is_finite() {
        Ok(v)
    } else {
        Err(format!(
            "expected a finite number as {what}, found '{token}'"
        ))
    }
}

/// Reads a bound value: magnitudes of at least [`INFINITE_BOUND`] become infinite.
pub(super) fn bound_value(token: &str) -> Result<f64, String> {
    let v = number(token)?;
    Ok(if v >= INFINITE_BOUND {
        f64::INFINITY
    } else if v <= -INFINITE_BOUND {
        f64::NEG_INFINITY
    } else {
        v
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_layout_keeps_spaces_in_names() {
        // Columns:  5-12      15-22     25-36          40-47     50-61
        let line = "    MY VAR    ROW 1              1.5   ROW 2              -2";
        assert_eq!(
            fixed_fields(line).unwrap(),
            vec!["MY VAR", "ROW 1", "1.5", "ROW 2", "-2"]
        );
        assert_eq!(fixed_fields(" E  R 1").unwrap(), vec!["E", "R 1"]);
    }

    #[test]
    fn lines_outside_the_layout_are_not_fixed() {
        // Text in the gap columns 13-14.
        assert!(fixed_fields("    x1  r1  1  r2  2").is_none());
        assert!(fixed_fields("    x\tr 1").is_none());
        assert!(fixed_fields(&format!("    x{}", " ".repeat(70) + "1")).is_none());
        // A multi-byte character across a field boundary.
        assert!(fixed_fields("    abcdefgé  r").is_none());
    }

    #[test]
    fn numbers() {
        assert_eq!(number("1e-7"), Ok(1e-7));
        assert_eq!(number("-inf"), Ok(f64::NEG_INFINITY));
        assert!(number("nan").unwrap_err().contains("NaN"));
        assert!(number("1.2.3").unwrap_err().contains("expected a number"));
        assert!(finite("1e400", "a coefficient").is_err());
        assert_eq!(bound_value("1e30"), Ok(f64::INFINITY));
        assert_eq!(bound_value("-1e20"), Ok(f64::NEG_INFINITY));
        assert_eq!(bound_value("9.9e19"), Ok(9.9e19));
    }
}
