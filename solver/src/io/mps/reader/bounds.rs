//! The RHS, RANGES and BOUNDS sections.

use super::{shorten, LineError, LineResult, Reader, RowRef, Section};
use crate::io::mps::fields::{bound_value, finite, number};

/// One interpreted RHS or RANGES line.
struct VectorLine<'a> {
    set: Option<&'a str>,
    pairs: Vec<(RowRef, &'a str, f64)>,
}

/// The bound types of the BOUNDS section.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum BoundType {
    Up,
    Lo,
    Fx,
    Fr,
    Mi,
    Pl,
    Bv,
    Li,
    Ui,
}

/// One interpreted BOUNDS line.
struct BoundLine<'a> {
    kind: BoundType,
    set: Option<&'a str>,
    column: usize,
    value: f64,
}

impl Reader<'_> {
    /// Reads a data line of RHS.
    pub(super) fn rhs_data(&mut self, line: usize, text: &str) -> LineResult<()> {
        let parsed = self.interpret(text, Self::vector_line)?;
        self.apply_rhs(line, parsed)
    }

    /// Reads a data line of RANGES.
    pub(super) fn ranges_data(&mut self, line: usize, text: &str) -> LineResult<()> {
        let parsed = self.interpret(text, Self::vector_line)?;
        self.apply_ranges(line, parsed)
    }

    /// Reads a data line of BOUNDS.
    pub(super) fn bounds_data(&mut self, line: usize, text: &str) -> LineResult<()> {
        let parsed = self.interpret(text, Self::bounds_line)?;
        self.apply_bound(line, parsed)
    }

    /// RHS and RANGES lines: `[set] row value [row value]`.
    fn vector_line<'t>(&self, fields: &[&'t str]) -> LineResult<VectorLine<'t>> {
        let what = if self.section == Some(Section::Ranges) {
            "a range"
        } else {
            "a right-hand side"
        };
        let (set, rest) = match fields.len() {
            2 | 4 => (None, fields),
            3 | 5 => (Some(fields[0]), &fields[1..]),
            n => {
                return Err(LineError::Shape(format!(
                    "expected '[set] row value [row value]', found {n} fields"
                )))
            }
        };
        let mut pairs = Vec::with_capacity(2);
        for pair in rest.chunks(2) {
            if let [row, value] = pair {
                let reference = self.row_ref(row)?;
                pairs.push((reference, *row, finite(value, what)?));
            }
        }
        Ok(VectorLine { set, pairs })
    }

    /// Accepts the set name of an RHS, RANGES or BOUNDS line: only one set per
    /// section is supported.
    fn check_set(slot: &mut Option<String>, set: Option<&str>, section: &str) -> LineResult<()> {
        let Some(set) = set else { return Ok(()) };
        match slot {
            None => {
                *slot = Some(set.to_string());
                Ok(())
            }
            Some(first) if first == set => Ok(()),
            Some(first) => Err(LineError::Unsupported(format!(
                "a second {section} vector '{}' (the first is '{}'; only one is supported)",
                shorten(set),
                shorten(first)
            ))),
        }
    }

    fn apply_rhs(&mut self, line: usize, parsed: VectorLine) -> LineResult<()> {
        Self::check_set(&mut self.rhs_set, parsed.set, "RHS")?;
        for (reference, name, value) in parsed.pairs {
            let slot = match reference {
                RowRef::Dropped => continue,
                RowRef::Objective => &mut self.objective_constant,
                RowRef::Row(i) => &mut self.rows[i].rhs,
            };
            if let Some((_, first)) = slot {
                return Err(LineError::Parse(format!(
                    "duplicate RHS entry for row '{}' (first at line {first})",
                    shorten(name)
                )));
            }
            *slot = Some((value, line));
        }
        Ok(())
    }

    fn apply_ranges(&mut self, line: usize, parsed: VectorLine) -> LineResult<()> {
        Self::check_set(&mut self.ranges_set, parsed.set, "RANGES")?;
        for (reference, name, value) in parsed.pairs {
            let RowRef::Row(i) = reference else {
                log::warn!(
                    "{}:{}: RANGES entry on N row '{}' ignored",
                    self.file,
                    line,
                    name
                );
                continue;
            };
            let slot = &mut self.rows[i].range;
            if let Some((_, first)) = slot {
                return Err(LineError::Parse(format!(
                    "duplicate RANGES entry for row '{}' (first at line {first})",
                    shorten(name)
                )));
            }
            *slot = Some((value, line));
        }
        Ok(())
    }

    fn column_ref(&self, name: &str) -> LineResult<usize> {
        self.col_index.get(name).copied().ok_or_else(|| {
            LineError::Parse(format!(
                "unknown column '{}' in BOUNDS (not declared in COLUMNS)",
                shorten(name)
            ))
        })
    }

    fn bounds_line<'t>(&self, fields: &[&'t str]) -> LineResult<BoundLine<'t>> {
        let Some(&kind_text) = fields.first() else {
            return Err(LineError::Shape("empty BOUNDS line".to_string()));
        };
        let kind = match kind_text.to_ascii_uppercase().as_str() {
            "UP" => BoundType::Up,
            "LO" => BoundType::Lo,
            "FX" => BoundType::Fx,
            "FR" => BoundType::Fr,
            "MI" => BoundType::Mi,
            "PL" => BoundType::Pl,
            "BV" => BoundType::Bv,
            "LI" => BoundType::Li,
            "UI" => BoundType::Ui,
            "SC" => {
                return Err(LineError::Unsupported(
                    "semi-continuous bound (SC)".to_string(),
                ))
            }
            "SI" => {
                return Err(LineError::Unsupported(
                    "semi-integer bound (SI)".to_string(),
                ))
            }
            _ => {
                return Err(LineError::Unsupported(format!(
                    "unknown bound type '{}'",
                    shorten(kind_text)
                )))
            }
        };
        let needs_value = matches!(
            kind,
            BoundType::Up | BoundType::Lo | BoundType::Fx | BoundType::Li | BoundType::Ui
        );
        let (set, column, value) = match (needs_value, fields.len()) {
            (true, 3) => (None, fields[1], Some(fields[2])),
            (true, 4) | (false, 4) => (Some(fields[1]), fields[2], Some(fields[3])),
            (false, 2) => (None, fields[1], None),
            (false, 3) => {
                // `type column value` or `type set column`: the first when the
                // second field is a column and the third is a number, not a column.
                let column_value = self.col_index.contains_key(fields[1])
                    && !self.col_index.contains_key(fields[2])
                    && number(fields[2]).is_ok();
                if column_value {
                    (None, fields[1], Some(fields[2]))
                } else {
                    (Some(fields[1]), fields[2], None)
                }
            }
            (true, n) => {
                return Err(LineError::Shape(format!(
                    "expected '{} [set] column value' in BOUNDS, found {n} fields",
                    kind_text
                )))
            }
            (false, n) => {
                return Err(LineError::Shape(format!(
                    "expected '{} [set] column' in BOUNDS, found {n} fields",
                    kind_text
                )))
            }
        };
        let column = self.column_ref(column)?;
        let value = match (needs_value, value) {
            (true, Some(token)) => {
                let v = bound_value(token)?;
                let refused = match kind {
                    BoundType::Up | BoundType::Ui => v == f64::NEG_INFINITY,
                    BoundType::Lo | BoundType::Li => v == f64::INFINITY,
                    _ => v.is_infinite(),
                };
                if refused {
                    return Err(LineError::Parse(format!(
                        "expected a finite bound for {kind_text}, found '{}'",
                        shorten(token)
                    )));
                }
                v
            }
            // MI, PL, FR and BV take no value; one given is checked and ignored.
            (false, Some(token)) => number(token)?,
            _ => 0.0,
        };
        Ok(BoundLine {
            kind,
            set,
            column,
            value,
        })
    }

    fn apply_bound(&mut self, line: usize, parsed: BoundLine) -> LineResult<()> {
        Self::check_set(&mut self.bounds_set, parsed.set, "BOUNDS")?;
        let file = self.file;
        let col = &mut self.cols[parsed.column];
        col.has_bound = true;
        let v = parsed.value;
        match parsed.kind {
            BoundType::Up | BoundType::Ui => {
                if v < 0.0 && col.lower == 0.0 && !col.lower_given {
                    log::warn!(
                        "{file}:{line}: negative upper bound {v} on column '{}' with no lower \
                         bound: lower bound set to -infinity",
                        col.name
                    );
                    col.lower = f64::NEG_INFINITY;
                }
                col.upper = v;
            }
            BoundType::Lo | BoundType::Li => {
                col.lower = v;
                col.lower_given = true;
            }
            BoundType::Fx => {
                col.lower = v;
                col.upper = v;
                col.lower_given = true;
            }
            BoundType::Fr => {
                col.lower = f64::NEG_INFINITY;
                col.upper = f64::INFINITY;
                col.lower_given = true;
            }
            BoundType::Mi => {
                col.lower = f64::NEG_INFINITY;
                col.lower_given = true;
            }
            BoundType::Pl => col.upper = f64::INFINITY,
            BoundType::Bv => {
                col.lower = 0.0;
                col.upper = 1.0;
                col.lower_given = true;
                col.integer = true;
            }
        }
        if matches!(parsed.kind, BoundType::Li | BoundType::Ui) {
            col.integer = true;
            if v.fract() != 0.0 {
                log::warn!(
                    "{file}:{line}: integer bound {v} of column '{}' is fractional",
                    col.name
                );
            }
        }
        Ok(())
    }
}
