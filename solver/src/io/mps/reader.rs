//! The MPS reader: a line-by-line state machine over the sections.
//!
//! Each data line is first interpreted from its whitespace-separated fields; when
//! that reading is not valid for the section (wrong number of fields, a name that is
//! not declared, text where a number belongs) and the line fits the fixed-column
//! layout, it is interpreted again from the fixed columns. Interpreting a line never
//! changes the state; only the chosen interpretation is applied.

mod bounds;
mod columns;

use super::fields::{fixed_fields, free_fields};
use super::unique_name;
use crate::error::{Error, Result};
use crate::model::{Model, ObjSense, Row, VarKind, Variable};
use std::collections::HashMap;

/// The sections of an MPS file that the reader understands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Section {
    Name,
    ObjSense,
    Rows,
    Columns,
    Rhs,
    Ranges,
    Bounds,
}

impl Section {
    fn keyword(self) -> &'static str {
        match self {
            Section::Name => "NAME",
            Section::ObjSense => "OBJSENSE",
            Section::Rows => "ROWS",
            Section::Columns => "COLUMNS",
            Section::Rhs => "RHS",
            Section::Ranges => "RANGES",
            Section::Bounds => "BOUNDS",
        }
    }
}

/// The type of a constraint row as declared in ROWS.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RowType {
    L,
    G,
    E,
}

/// What a row name in COLUMNS, RHS or RANGES refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RowRef {
    /// The first N row.
    Objective,
    /// A further N row, dropped.
    Dropped,
    /// A constraint row.
    Row(usize),
}

/// A constraint row while reading.
struct RowData {
    name: String,
    kind: RowType,
    rhs: Option<(f64, usize)>,
    range: Option<(f64, usize)>,
    entries: Vec<(usize, f64)>,
    /// `(column + 1, line)` of the last COLUMNS entry in this row, to find duplicates.
    last_entry: (usize, usize),
}

/// A column while reading.
struct ColData {
    name: String,
    integer: bool,
    lower: f64,
    upper: f64,
    cost: f64,
    /// Line of the objective entry of this column, to find duplicates.
    cost_line: Option<usize>,
    first_line: usize,
    /// Any BOUNDS entry cancels the `[0, 1]` default of MARKER integer columns.
    has_bound: bool,
    /// A lower bound was given explicitly (LO, FX, MI, BV, LI, FR).
    lower_given: bool,
}

/// Why a line was refused, before the file and line are attached.
enum LineError {
    /// The line has the wrong number of fields for the section.
    Shape(String),
    /// A field is wrong (unknown name, not a number, ...) or the line conflicts
    /// with earlier ones.
    Parse(String),
    /// The line uses a feature that is not supported.
    Unsupported(String),
}

impl From<String> for LineError {
    fn from(message: String) -> Self {
        LineError::Parse(message)
    }
}

type LineResult<T> = std::result::Result<T, LineError>;

/// The state of the reader.
pub(super) struct Reader<'f> {
    file: &'f str,
    section: Option<Section>,
    seen: HashMap<Section, usize>,
    ended: bool,
    name: String,
    sense: Option<ObjSense>,
    sense_line: usize,
    objective_name: Option<String>,
    row_index: HashMap<String, (RowRef, usize)>,
    rows: Vec<RowData>,
    col_index: HashMap<String, usize>,
    cols: Vec<ColData>,
    current_col: Option<usize>,
    /// Line of the open INTORG marker.
    intorg: Option<usize>,
    objective_constant: Option<(f64, usize)>,
    rhs_set: Option<String>,
    ranges_set: Option<String>,
    bounds_set: Option<String>,
    last_line: usize,
}

impl<'f> Reader<'f> {
    pub(super) fn new(file: &'f str) -> Self {
        Reader {
            file,
            section: None,
            seen: HashMap::new(),
            ended: false,
            name: String::new(),
            sense: None,
            sense_line: 0,
            objective_name: None,
            row_index: HashMap::new(),
            rows: Vec::new(),
            col_index: HashMap::new(),
            cols: Vec::new(),
            current_col: None,
            intorg: None,
            objective_constant: None,
            rhs_set: None,
            ranges_set: None,
            bounds_set: None,
            last_line: 0,
        }
    }

    fn parse_error(&self, line: usize, message: impl Into<String>) -> Error {
        Error::parse(self.file, line, message)
    }

    fn attach(&self, line: usize, e: LineError) -> Error {
        match e {
            LineError::Shape(message) | LineError::Parse(message) => {
                self.parse_error(line, message)
            }
            LineError::Unsupported(what) => Error::Unsupported {
                file: self.file.to_string(),
                line,
                what,
            },
        }
    }

    /// Whether ENDATA has been read (the reader takes no more lines).
    pub(super) fn ended(&self) -> bool {
        self.ended
    }

    /// Reads one line (1-based number `line`, without its line break).
    pub(super) fn line(&mut self, line: usize, text: &str) -> Result<()> {
        self.last_line = line;
        let trimmed = text.trim();
        if trimmed.is_empty() || text.starts_with('*') {
            return Ok(());
        }
        if self.ended {
            return Err(self.parse_error(
                line,
                format!("data after ENDATA: found '{}'", shorten(trimmed)),
            ));
        }
        let starts_in_column_one = !text.starts_with(|c: char| c.is_whitespace());
        if starts_in_column_one
            && !(self.section == Some(Section::ObjSense) && sense_keyword(trimmed).is_some())
        {
            return self.header(line, text);
        }
        self.data(line, text).map_err(|e| self.attach(line, e))
    }

    /// Reads a section header (a line starting in column 1).
    fn header(&mut self, line: usize, text: &str) -> Result<()> {
        let tokens = free_fields(text);
        let Some(&first) = tokens.first() else {
            return Ok(());
        };
        let keyword = first.to_ascii_uppercase();
        let unsupported = |what: &str| Error::Unsupported {
            file: self.file.to_string(),
            line,
            what: what.to_string(),
        };
        let section = match keyword.as_str() {
            "NAME" => Section::Name,
            "OBJSENSE" => Section::ObjSense,
            "ROWS" => Section::Rows,
            "COLUMNS" => Section::Columns,
            "RHS" => Section::Rhs,
            "RANGES" => Section::Ranges,
            "BOUNDS" => Section::Bounds,
            "ENDATA" => {
                self.leave_section(line)?;
                if tokens.len() > 1 {
                    return Err(self.parse_error(
                        line,
                        format!(
                            "expected ENDATA alone on its line, found '{}'",
                            shorten(text.trim())
                        ),
                    ));
                }
                self.section = None;
                self.ended = true;
                return Ok(());
            }
            "SOS" | "SETS" => return Err(unsupported("special ordered sets (SOS section)")),
            "QUADOBJ" | "QMATRIX" => {
                return Err(unsupported(&format!(
                    "quadratic objective ({keyword} section)"
                )))
            }
            "QSECTION" | "QCMATRIX" => {
                return Err(unsupported(&format!(
                    "quadratic constraints ({keyword} section)"
                )))
            }
            "CSECTION" => return Err(unsupported("cone constraints (CSECTION section)")),
            "INDICATORS" => return Err(unsupported("indicator constraints (INDICATORS section)")),
            _ => {
                return Err(unsupported(&format!(
                    "unknown section '{}'",
                    shorten(first)
                )))
            }
        };
        self.leave_section(line)?;
        if let Some(&first_line) = self.seen.get(&section) {
            return Err(self.parse_error(
                line,
                format!(
                    "second {} section (the first is at line {first_line})",
                    section.keyword()
                ),
            ));
        }
        self.check_order(line, section)?;
        self.seen.insert(section, line);
        self.section = Some(section);
        match section {
            Section::Name => {
                // The name is the rest of the line, which may hold spaces in fixed MPS.
                self.name = text.get(first.len()..).unwrap_or("").trim().to_string();
            }
            Section::ObjSense => {
                self.sense_line = line;
                match tokens.len() {
                    1 => {}
                    2 => {
                        let sense = sense_keyword(tokens[1]).ok_or_else(|| {
                            self.parse_error(
                                line,
                                format!(
                                    "expected MAX or MIN after OBJSENSE, found '{}'",
                                    shorten(tokens[1])
                                ),
                            )
                        })?;
                        self.sense = Some(sense);
                    }
                    _ => {
                        return Err(self.parse_error(
                            line,
                            format!(
                                "expected 'OBJSENSE [MAX|MIN]', found '{}'",
                                shorten(text.trim())
                            ),
                        ))
                    }
                }
            }
            _ => {
                if tokens.len() > 1 {
                    return Err(self.parse_error(
                        line,
                        format!(
                            "expected {} alone on its line, found '{}'",
                            section.keyword(),
                            shorten(text.trim())
                        ),
                    ));
                }
            }
        }
        Ok(())
    }

    /// Checks the order of sections: NAME before ROWS, ROWS before the sections
    /// that name rows or columns, COLUMNS before RHS, RANGES and BOUNDS.
    fn check_order(&self, line: usize, section: Section) -> Result<()> {
        let has = |s: Section| self.seen.contains_key(&s);
        let fail = |message: String| Err(self.parse_error(line, message));
        match section {
            Section::Name if has(Section::Rows) => {
                fail("NAME section after ROWS: NAME must come first".to_string())
            }
            Section::Columns | Section::Rhs | Section::Ranges | Section::Bounds
                if !has(Section::Rows) =>
            {
                fail(format!(
                    "{} section before ROWS: the ROWS section is missing",
                    section.keyword()
                ))
            }
            Section::Columns => {
                for later in [Section::Rhs, Section::Ranges, Section::Bounds] {
                    if has(later) {
                        return fail(format!(
                            "COLUMNS section after {}: COLUMNS must come first",
                            later.keyword()
                        ));
                    }
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }

    /// Closes the current section before a new one (or ENDATA) starts at `line`.
    fn leave_section(&mut self, line: usize) -> Result<()> {
        match self.section {
            Some(Section::ObjSense) if self.sense.is_none() => Err(self.parse_error(
                line,
                format!(
                    "OBJSENSE section (line {}) has no MAX or MIN line",
                    self.sense_line
                ),
            )),
            Some(Section::Rows) if self.objective_name.is_none() => {
                log::warn!("{}:{}: no N row: the objective is zero", self.file, line);
                Ok(())
            }
            Some(Section::Columns) => {
                if let Some(open) = self.intorg {
                    log::warn!(
                        "{}:{}: INTORG marker of line {open} is never closed by INTEND",
                        self.file,
                        line
                    );
                    self.intorg = None;
                }
                self.current_col = None;
                Ok(())
            }
            _ => Ok(()),
        }
    }

    /// Reads a data line of the current section.
    fn data(&mut self, line: usize, text: &str) -> LineResult<()> {
        match self.section {
            None | Some(Section::Name) => Err(LineError::Parse(format!(
                "expected a section keyword (ROWS, COLUMNS, ...) in column 1, found '{}'",
                shorten(text.trim())
            ))),
            Some(Section::ObjSense) => {
                let word = text.trim();
                let sense = sense_keyword(word).ok_or_else(|| {
                    format!(
                        "expected MAX, MAXIMIZE, MIN or MINIMIZE in OBJSENSE, found '{}'",
                        shorten(word)
                    )
                })?;
                if self.sense.is_some() {
                    return Err(LineError::Parse(format!(
                        "second objective sense '{word}' in OBJSENSE"
                    )));
                }
                self.sense = Some(sense);
                Ok(())
            }
            Some(Section::Rows) => self.rows_data(line, text),
            Some(Section::Columns) => self.columns_data(line, text),
            Some(Section::Rhs) => self.rhs_data(line, text),
            Some(Section::Ranges) => self.ranges_data(line, text),
            Some(Section::Bounds) => self.bounds_data(line, text),
        }
    }

    /// Interprets a data line from its free fields and, when that fails and the
    /// line fits the fixed layout with different fields, from its fixed fields.
    /// When both fail, the error of the free reading is reported, followed by that of
    /// the fixed reading when the latter had the right number of fields.
    fn interpret<'t, T>(
        &self,
        text: &'t str,
        f: impl Fn(&Self, &[&'t str]) -> LineResult<T>,
    ) -> LineResult<T> {
        let free = free_fields(text);
        let free_error = match f(self, &free) {
            Ok(v) => return Ok(v),
            Err(e @ LineError::Unsupported(_)) => return Err(e),
            Err(e) => e,
        };
        if let Some(fixed) = fixed_fields(text) {
            if fixed != free {
                match f(self, &fixed) {
                    Ok(v) => return Ok(v),
                    Err(LineError::Parse(fixed_message)) => {
                        let (LineError::Shape(message) | LineError::Parse(message)) = free_error
                        else {
                            return Err(free_error);
                        };
                        return Err(LineError::Parse(format!(
                            "{message}; read as fixed-format MPS: {fixed_message}"
                        )));
                    }
                    Err(_) => {}
                }
            }
        }
        Err(free_error)
    }

    /// Ends the input and builds the model.
    pub(super) fn finish(mut self) -> Result<Model> {
        let end_line = self.last_line.max(1);
        if !self.seen.contains_key(&Section::Rows) {
            return Err(self.parse_error(end_line, "no ROWS section found"));
        }
        if !self.ended {
            self.leave_section(end_line)?;
            return Err(self.parse_error(
                end_line,
                "missing ENDATA at the end of the file (is the file truncated?)",
            ));
        }
        let rows: Vec<Row> = self
            .rows
            .into_iter()
            .map(|r| {
                let rhs = r.rhs.map_or(0.0, |v| v.0);
                let range = r.range.map(|v| v.0);
                let (lower, upper) = match (r.kind, range) {
                    (RowType::L, None) => (f64::NEG_INFINITY, rhs),
                    (RowType::G, None) => (rhs, f64::INFINITY),
                    (RowType::E, None) => (rhs, rhs),
                    (RowType::L, Some(q)) => (rhs - q.abs(), rhs),
                    (RowType::G, Some(q)) => (rhs, rhs + q.abs()),
                    (RowType::E, Some(q)) if q > 0.0 => (rhs, rhs + q.abs()),
                    (RowType::E, Some(q)) if q < 0.0 => (rhs - q.abs(), rhs),
                    (RowType::E, Some(_)) => (rhs, rhs),
                };
                Row {
                    name: r.name,
                    lower,
                    upper,
                    entries: r.entries,
                }
            })
            .collect();
        let variables = self
            .cols
            .into_iter()
            .map(|c| {
                let (lower, upper) = if c.integer && !c.has_bound {
                    (0.0, 1.0)
                } else {
                    (c.lower, c.upper)
                };
                let kind = if !c.integer {
                    VarKind::Continuous
                } else if lower >= 0.0 && upper <= 1.0 {
                    VarKind::Binary
                } else {
                    VarKind::Integer
                };
                Variable {
                    name: c.name,
                    kind,
                    lower,
                    upper,
                    cost: c.cost,
                }
            })
            .collect();
        let objective_name = match self.objective_name {
            Some(name) => name,
            None => unique_name("obj", rows.iter().map(|r| r.name.as_str())),
        };
        Ok(Model {
            name: self.name,
            sense: self.sense.unwrap_or(ObjSense::Minimize),
            objective_name,
            objective_constant: self.objective_constant.map_or(0.0, |v| -v.0),
            variables,
            rows,
            relu: None,
        })
    }
}

/// The objective sense named by a word of OBJSENSE.
fn sense_keyword(word: &str) -> Option<ObjSense> {
    match word.to_ascii_uppercase().as_str() {
        "MAX" | "MAXIMIZE" | "MAXIMISE" => Some(ObjSense::Maximize),
        "MIN" | "MINIMIZE" | "MINIMISE" => Some(ObjSense::Minimize),
        _ => None,
    }
}

/// A word without surrounding single quotes.
fn unquote(word: &str) -> &str {
    word.strip_prefix('\'')
        .and_then(|w| w.strip_suffix('\''))
        .unwrap_or(word)
}

/// Text cut to a readable length for error messages.
fn shorten(text: &str) -> String {
    const MAX: usize = 60;
    if text.chars().count() <= MAX {
        text.to_string()
    } else {
        let cut: String = text.chars().take(MAX).collect();
        format!("{cut}...")
    }
}
