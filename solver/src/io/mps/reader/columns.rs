//! The ROWS and COLUMNS sections.

use super::{shorten, unquote, ColData, LineError, LineResult, Reader, RowData, RowRef, RowType};
use crate::io::mps::fields::finite;

/// One interpreted COLUMNS line.
enum ColumnsLine<'a> {
    Marker {
        integer: bool,
    },
    Entries {
        column: &'a str,
        pairs: Vec<(RowRef, f64)>,
    },
}

impl Reader<'_> {
    /// Reads a data line of ROWS.
    pub(super) fn rows_data(&mut self, line: usize, text: &str) -> LineResult<()> {
        let (kind, name) = self.interpret(text, Self::rows_line)?;
        self.add_row(line, kind, name)
    }

    /// Reads a data line of COLUMNS.
    pub(super) fn columns_data(&mut self, line: usize, text: &str) -> LineResult<()> {
        let parsed = self.interpret(text, Self::columns_line)?;
        self.apply_columns(line, parsed)
    }

    /// A ROWS line: the row type (`None` for `N`) and the name.
    fn rows_line<'t>(&self, fields: &[&'t str]) -> LineResult<(Option<RowType>, &'t str)> {
        let [kind, name] = fields else {
            return Err(LineError::Shape(format!(
                "expected 'type name' in ROWS, found {} fields",
                fields.len()
            )));
        };
        let kind = match kind.to_ascii_uppercase().as_str() {
            "N" => None,
            "L" => Some(RowType::L),
            "G" => Some(RowType::G),
            "E" => Some(RowType::E),
            _ => {
                return Err(LineError::Parse(format!(
                    "expected row type N, L, G or E, found '{}'",
                    shorten(kind)
                )))
            }
        };
        Ok((kind, name))
    }

    fn add_row(&mut self, line: usize, kind: Option<RowType>, name: &str) -> LineResult<()> {
        if let Some(&(_, first)) = self.row_index.get(name) {
            return Err(LineError::Parse(format!(
                "duplicate row name '{}' (first declared at line {first})",
                shorten(name)
            )));
        }
        let reference = match kind {
            None if self.objective_name.is_none() => {
                self.objective_name = Some(name.to_string());
                RowRef::Objective
            }
            None => {
                log::warn!(
                    "{}:{}: free row '{}' dropped (only the first N row is the objective)",
                    self.file,
                    line,
                    name
                );
                RowRef::Dropped
            }
            Some(kind) => {
                self.rows.push(RowData {
                    name: name.to_string(),
                    kind,
                    rhs: None,
                    range: None,
                    entries: Vec::new(),
                    last_entry: (0, 0),
                });
                RowRef::Row(self.rows.len() - 1)
            }
        };
        self.row_index.insert(name.to_string(), (reference, line));
        Ok(())
    }

    pub(super) fn row_ref(&self, name: &str) -> LineResult<RowRef> {
        self.row_index.get(name).map(|r| r.0).ok_or_else(|| {
            LineError::Parse(format!(
                "unknown row '{}' (not declared in ROWS)",
                shorten(name)
            ))
        })
    }

    fn columns_line<'t>(&self, fields: &[&'t str]) -> LineResult<ColumnsLine<'t>> {
        if let [_, marker, kind] = fields {
            let quoted = marker.starts_with('\'');
            if unquote(marker).eq_ignore_ascii_case("MARKER") {
                match unquote(kind).to_ascii_uppercase().as_str() {
                    "INTORG" => return Ok(ColumnsLine::Marker { integer: true }),
                    "INTEND" => return Ok(ColumnsLine::Marker { integer: false }),
                    _ if quoted => {
                        return Err(LineError::Parse(format!(
                            "expected 'INTORG' or 'INTEND' after 'MARKER', found '{}'",
                            shorten(kind)
                        )))
                    }
                    // An entry in a row named MARKER.
                    _ => {}
                }
            }
        }
        if fields.len() != 3 && fields.len() != 5 {
            return Err(LineError::Shape(format!(
                "expected 'column row value [row value]' in COLUMNS, found {} fields",
                fields.len()
            )));
        }
        let mut pairs = Vec::with_capacity(2);
        for pair in fields[1..].chunks(2) {
            if let [row, value] = pair {
                let row = self.row_ref(row)?;
                let value = finite(value, "a coefficient")?;
                pairs.push((row, value));
            }
        }
        Ok(ColumnsLine::Entries {
            column: fields[0],
            pairs,
        })
    }

    fn apply_columns(&mut self, line: usize, parsed: ColumnsLine) -> LineResult<()> {
        match parsed {
            ColumnsLine::Marker { integer: true } => {
                if let Some(open) = self.intorg {
                    return Err(LineError::Parse(format!(
                        "INTORG marker inside an integer block (opened at line {open})"
                    )));
                }
                self.intorg = Some(line);
                self.current_col = None;
                Ok(())
            }
            ColumnsLine::Marker { integer: false } => {
                if self.intorg.is_none() {
                    return Err(LineError::Parse(
                        "INTEND marker without a preceding INTORG marker".to_string(),
                    ));
                }
                self.intorg = None;
                self.current_col = None;
                Ok(())
            }
            ColumnsLine::Entries { column, pairs } => {
                let j = self.column_for_entry(line, column)?;
                for (row, value) in pairs {
                    self.add_entry(line, j, row, value)?;
                }
                Ok(())
            }
        }
    }

    /// The column of an entry line: the current one, or a new one. A name seen
    /// before that is not the current column is an error (entries of a column must
    /// be contiguous).
    fn column_for_entry(&mut self, line: usize, name: &str) -> LineResult<usize> {
        if let Some(j) = self.current_col {
            if self.cols[j].name == name {
                return Ok(j);
            }
        }
        if let Some(&j) = self.col_index.get(name) {
            return Err(LineError::Parse(format!(
                "entries of column '{}' are not contiguous: the column was started at line {} \
                 and other columns or a marker came between",
                shorten(name),
                self.cols[j].first_line
            )));
        }
        self.cols.push(ColData {
            name: name.to_string(),
            integer: self.intorg.is_some(),
            lower: 0.0,
            upper: f64::INFINITY,
            cost: 0.0,
            cost_line: None,
            first_line: line,
            has_bound: false,
            lower_given: false,
        });
        let j = self.cols.len() - 1;
        self.col_index.insert(name.to_string(), j);
        self.current_col = Some(j);
        Ok(j)
    }

    fn add_entry(&mut self, line: usize, j: usize, row: RowRef, value: f64) -> LineResult<()> {
        match row {
            RowRef::Dropped => Ok(()),
            RowRef::Objective => {
                let col = &mut self.cols[j];
                if let Some(first) = col.cost_line {
                    return Err(LineError::Parse(format!(
                        "duplicate objective coefficient for column '{}' (first at line {first})",
                        shorten(&col.name)
                    )));
                }
                col.cost = value;
                col.cost_line = Some(line);
                Ok(())
            }
            RowRef::Row(i) => {
                let row = &mut self.rows[i];
                if row.last_entry.0 == j + 1 {
                    return Err(LineError::Parse(format!(
                        "duplicate coefficient for column '{}' in row '{}' (first at line {})",
                        shorten(&self.cols[j].name),
                        shorten(&row.name),
                        row.last_entry.1
                    )));
                }
                row.last_entry = (j + 1, line);
                if value != 0.0 {
                    row.entries.push((j, value));
                }
                Ok(())
            }
        }
    }
}
