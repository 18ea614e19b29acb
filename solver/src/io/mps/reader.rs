//! The MPS reader. See the module documentation of [`super`] for the conventions.

use super::MPS_INFINITY;
use crate::error::{Error, Result};
use crate::io::read_text;
use crate::model::{Model, ObjSense, VarKind};
use std::collections::HashMap;
use std::path::Path;

/// Reads an MPS file (free or fixed, plain or gzip-compressed).
pub fn read_mps(path: &Path) -> Result<Model> {
    let text = read_text(path)?;
    parse_mps(&text, &path.display().to_string())
}

/// Parses MPS text; `file_label` names the source in error messages.
pub fn parse_mps(text: &str, file_label: &str) -> Result<Model> {
    let mut parser = Parser::new(file_label);
    for (index, raw) in text.lines().enumerate() {
        parser.line = index + 1;
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('*') {
            continue;
        }
        if parser.section == Section::End {
            return Err(parser.err("content after ENDATA"));
        }
        if line.starts_with(' ') || line.starts_with('\t') {
            parser.data_line(line)?;
        } else {
            parser.header_line(line)?;
        }
    }
    if parser.section != Section::End {
        parser.line = text.lines().count();
        return Err(parser.err("missing ENDATA (file truncated?)"));
    }
    parser.finish()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Section {
    Start,
    Name,
    ObjSense,
    ObjName,
    Rows,
    Columns,
    Rhs,
    Ranges,
    Bounds,
    End,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RowKind {
    L,
    G,
    E,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RowRef {
    Objective,
    Dropped,
    Row(usize),
}

struct RowInfo {
    name: String,
    kind: RowKind,
    rhs: f64,
    range: Option<f64>,
}

struct ColInfo {
    name: String,
    integer: bool,
    cost: f64,
    cost_set: bool,
    lower: f64,
    upper: f64,
    lower_set: bool,
    any_bound: bool,
    entries: Vec<(usize, f64)>,
}

struct Parser<'a> {
    file: &'a str,
    line: usize,
    section: Section,
    name: String,
    sense: ObjSense,
    objective_name: Option<String>,
    wanted_objective: Option<String>,
    constant: f64,
    rows: Vec<RowInfo>,
    row_index: HashMap<String, RowRef>,
    cols: Vec<ColInfo>,
    col_index: HashMap<String, usize>,
    in_integer_block: bool,
    dropped_rows: usize,
    seen_rows: bool,
}

/// A COLUMNS data line after validation.
enum ColumnsLine {
    Marker(bool),
    Entries(String, Vec<(RowRef, f64)>),
}

/// A RHS or RANGES data line after validation.
type SideLine = Vec<(RowRef, f64)>;

/// A BOUNDS data line after validation.
struct BoundLine {
    kind: String,
    col: usize,
    value: Option<f64>,
}

fn parse_number(token: &str) -> std::result::Result<f64, String> {
    match token.parse::<f64>() {
        Ok(v) if v.is_nan() => Err(format!("expected a number, found '{token}'")),
        Ok(v) => Ok(v),
        Err(_) => Err(format!("expected a number, found '{token}'")),
    }
}

fn finite_number(token: &str) -> std::result::Result<f64, String> {
    let v = parse_number(token)?;
    if v.is_finite() {
        Ok(v)
    } else {
        Err(format!("expected a finite number, found '{token}'"))
    }
}

/// A number where `|v| >= 1e30` means infinity.
fn extended_number(token: &str) -> std::result::Result<f64, String> {
    let v = parse_number(token)?;
    Ok(if v >= MPS_INFINITY {
        f64::INFINITY
    } else if v <= -MPS_INFINITY {
        f64::NEG_INFINITY
    } else {
        v
    })
}

/// Fields of a fixed-format line at columns 2-3, 5-12, 15-22, 25-36, 40-47, 50-61.
fn fixed_fields(line: &str) -> [String; 6] {
    let chars: Vec<char> = line.chars().collect();
    let field = |from: usize, to: usize| -> String {
        let from = from - 1;
        if from >= chars.len() {
            return String::new();
        }
        let to = to.min(chars.len());
        chars[from..to]
            .iter()
            .collect::<String>()
            .trim()
            .to_string()
    };
    [
        field(2, 3),
        field(5, 12),
        field(15, 22),
        field(25, 36),
        field(40, 47),
        field(50, 61),
    ]
}

impl<'a> Parser<'a> {
    fn new(file: &'a str) -> Self {
        Parser {
            file,
            line: 0,
            section: Section::Start,
            name: String::new(),
            sense: ObjSense::Minimize,
            objective_name: None,
            wanted_objective: None,
            constant: 0.0,
            rows: Vec::new(),
            row_index: HashMap::new(),
            cols: Vec::new(),
            col_index: HashMap::new(),
            in_integer_block: false,
            dropped_rows: 0,
            seen_rows: false,
        }
    }

    fn err(&self, message: impl Into<String>) -> Error {
        Error::parse(self.file, self.line, message)
    }

    fn unsupported(&self, what: impl Into<String>) -> Error {
        Error::Unsupported {
            file: self.file.to_string(),
            line: self.line,
            what: what.into(),
        }
    }

    fn header_line(&mut self, line: &str) -> Result<()> {
        let mut tokens = line.split_whitespace();
        let head = tokens.next().unwrap_or("").to_ascii_uppercase();
        let rest: Vec<&str> = tokens.collect();
        let order = |s: Section| s as usize;
        let next = match head.as_str() {
            "NAME" => {
                self.name = line[4..].trim().to_string();
                Section::Name
            }
            "OBJSENSE" | "OBJSENCE" => {
                if let Some(word) = rest.first() {
                    self.set_sense(word)?;
                }
                Section::ObjSense
            }
            "OBJNAME" => {
                if let Some(word) = rest.first() {
                    self.wanted_objective = Some(word.to_string());
                }
                Section::ObjName
            }
            "ROWS" => Section::Rows,
            "COLUMNS" => Section::Columns,
            "RHS" => Section::Rhs,
            "RANGES" => Section::Ranges,
            "BOUNDS" => Section::Bounds,
            "ENDATA" => Section::End,
            "SOS" => return Err(self.unsupported("SOS constraints (section SOS)")),
            "QUADOBJ" | "QMATRIX" | "QSECTION" | "QCMATRIX" => {
                return Err(self.unsupported(format!("quadratic terms (section {head})")))
            }
            "CSECTION" => return Err(self.unsupported("conic constraints (section CSECTION)")),
            "INDICATORS" => return Err(self.unsupported("indicator constraints (section INDICATORS)")),
            "GENCONS" | "PWLOBJ" | "USERCUTS" | "LAZYCONS" | "BRANCH" => {
                return Err(self.unsupported(format!("section {head}")))
            }
            _ => {
                return Err(self.err(format!(
                    "unknown section '{head}' (expected NAME, OBJSENSE, ROWS, COLUMNS, RHS, RANGES, BOUNDS or ENDATA)"
                )))
            }
        };
        if order(next) < order(self.section)
            && !matches!(next, Section::ObjSense | Section::ObjName)
        {
            return Err(self.err(format!("section {head} out of order")));
        }
        if next == Section::Rows {
            self.seen_rows = true;
        }
        if matches!(
            next,
            Section::Columns | Section::Rhs | Section::Ranges | Section::Bounds | Section::End
        ) && !self.seen_rows
        {
            return Err(self.err(format!("section {head} before ROWS (ROWS section missing)")));
        }
        if self.in_integer_block && next != Section::Columns {
            // The end of COLUMNS closes an open integer block (as HiGHS and CBC read it).
            log::warn!(
                "{}:{}: integer block not closed by MARKER INTEND before {head}",
                self.file,
                self.line
            );
            self.in_integer_block = false;
        }
        self.section = next;
        Ok(())
    }

    fn set_sense(&mut self, word: &str) -> Result<()> {
        self.sense = match word.to_ascii_uppercase().as_str() {
            "MAX" | "MAXIMIZE" | "MAXIMISE" => ObjSense::Maximize,
            "MIN" | "MINIMIZE" | "MINIMISE" => ObjSense::Minimize,
            other => {
                return Err(self.err(format!(
                    "expected MAX or MIN after OBJSENSE, found '{other}'"
                )))
            }
        };
        Ok(())
    }

    fn data_line(&mut self, line: &str) -> Result<()> {
        let tokens: Vec<&str> = line.split_whitespace().collect();
        match self.section {
            Section::ObjSense => self.set_sense(tokens[0]),
            Section::ObjName => {
                self.wanted_objective = Some(tokens[0].to_string());
                Ok(())
            }
            Section::Rows => self.rows_line(line, &tokens),
            Section::Columns => {
                let parsed = self.parse_columns(&tokens).or_else(|free_error| {
                    let f = fixed_fields(line);
                    let mut fixed: Vec<&str> = vec![&f[1], &f[2], &f[3]];
                    if !f[4].is_empty() || !f[5].is_empty() {
                        fixed.extend([f[4].as_str(), f[5].as_str()]);
                    }
                    self.parse_columns(&fixed).map_err(|_| free_error)
                });
                let parsed = parsed.map_err(|m| self.err(m))?;
                self.apply_columns(parsed)
            }
            Section::Rhs | Section::Ranges => {
                let parsed = self.parse_side(&tokens).or_else(|free_error| {
                    let f = fixed_fields(line);
                    let mut fixed: Vec<&str> = vec![&f[1], &f[2], &f[3]];
                    if !f[4].is_empty() || !f[5].is_empty() {
                        fixed.extend([f[4].as_str(), f[5].as_str()]);
                    }
                    self.parse_side(&fixed).map_err(|_| free_error)
                });
                let parsed = parsed.map_err(|m| self.err(m))?;
                self.apply_side(parsed)
            }
            Section::Bounds => {
                let parsed = self.parse_bound(&tokens).or_else(|free_error| {
                    let f = fixed_fields(line);
                    let mut fixed: Vec<&str> = vec![&f[0], &f[1], &f[2]];
                    if !f[3].is_empty() {
                        fixed.push(&f[3]);
                    }
                    self.parse_bound(&fixed).map_err(|_| free_error)
                });
                let parsed = parsed.map_err(|m| self.err(m))?;
                self.apply_bound(parsed)
            }
            Section::Start | Section::Name => Err(self.err("data line before the ROWS section")),
            Section::End => Err(self.err("content after ENDATA")),
        }
    }

    fn rows_line(&mut self, line: &str, tokens: &[&str]) -> Result<()> {
        let (kind, name) = if tokens.len() == 2 {
            (tokens[0].to_string(), tokens[1].to_string())
        } else {
            let f = fixed_fields(line);
            if f[0].is_empty() || f[1].is_empty() {
                return Err(self.err(format!(
                    "expected a row type (N, L, G, E) and a row name, found {} field(s)",
                    tokens.len()
                )));
            }
            (f[0].clone(), f[1].clone())
        };
        if self.row_index.contains_key(&name) {
            return Err(self.err(format!("duplicate row name '{name}'")));
        }
        let kind = match kind.to_ascii_uppercase().as_str() {
            "N" => {
                let is_objective = match &self.wanted_objective {
                    Some(w) => *w == name,
                    None => self.objective_name.is_none(),
                };
                if is_objective && self.objective_name.is_none() {
                    self.objective_name = Some(name.clone());
                    self.row_index.insert(name, RowRef::Objective);
                } else {
                    log::warn!("{}:{}: free row '{}' dropped", self.file, self.line, name);
                    self.dropped_rows += 1;
                    self.row_index.insert(name, RowRef::Dropped);
                }
                return Ok(());
            }
            "L" => RowKind::L,
            "G" => RowKind::G,
            "E" => RowKind::E,
            other => {
                return Err(self.err(format!(
                    "unknown row type '{other}' (expected N, L, G or E)"
                )))
            }
        };
        self.row_index
            .insert(name.clone(), RowRef::Row(self.rows.len()));
        self.rows.push(RowInfo {
            name,
            kind,
            rhs: 0.0,
            range: None,
        });
        Ok(())
    }

    fn row_ref(&self, name: &str) -> std::result::Result<RowRef, String> {
        self.row_index
            .get(name)
            .copied()
            .ok_or_else(|| format!("unknown row '{name}'"))
    }

    fn parse_columns(&self, tokens: &[&str]) -> std::result::Result<ColumnsLine, String> {
        if tokens.len() >= 3 && tokens[1].trim_matches('\'').eq_ignore_ascii_case("MARKER") {
            return match tokens[2].trim_matches('\'').to_ascii_uppercase().as_str() {
                "INTORG" => Ok(ColumnsLine::Marker(true)),
                "INTEND" => Ok(ColumnsLine::Marker(false)),
                other => Err(format!("expected marker INTORG or INTEND, found '{other}'")),
            };
        }
        if tokens.len() != 3 && tokens.len() != 5 {
            return Err(format!(
                "expected column name, row name, value [, row name, value], found {} field(s)",
                tokens.len()
            ));
        }
        let mut entries = Vec::with_capacity(2);
        for pair in tokens[1..].chunks(2) {
            entries.push((self.row_ref(pair[0])?, finite_number(pair[1])?));
        }
        Ok(ColumnsLine::Entries(tokens[0].to_string(), entries))
    }

    fn apply_columns(&mut self, line: ColumnsLine) -> Result<()> {
        let (name, entries) = match line {
            ColumnsLine::Marker(start) => {
                if start == self.in_integer_block {
                    return Err(self.err(if start {
                        "MARKER INTORG inside an integer block"
                    } else {
                        "MARKER INTEND without INTORG"
                    }));
                }
                self.in_integer_block = start;
                return Ok(());
            }
            ColumnsLine::Entries(name, entries) => (name, entries),
        };
        let col = match self.col_index.get(&name) {
            Some(&c) if c + 1 == self.cols.len() => c,
            Some(_) => {
                return Err(self.err(format!(
                    "column '{name}' appears again after other columns (entries of a column must be contiguous)"
                )))
            }
            None => {
                self.col_index.insert(name.clone(), self.cols.len());
                self.cols.push(ColInfo {
                    name,
                    integer: self.in_integer_block,
                    cost: 0.0,
                    cost_set: false,
                    lower: 0.0,
                    upper: f64::INFINITY,
                    lower_set: false,
                    any_bound: false,
                    entries: Vec::new(),
                });
                self.cols.len() - 1
            }
        };
        for (row, value) in entries {
            match row {
                RowRef::Dropped => {}
                RowRef::Objective => {
                    if self.cols[col].cost_set {
                        return Err(self.err(format!(
                            "duplicate objective entry for column '{}'",
                            self.cols[col].name
                        )));
                    }
                    self.cols[col].cost = value;
                    self.cols[col].cost_set = true;
                }
                RowRef::Row(r) => {
                    if self.cols[col].entries.iter().any(|e| e.0 == r) {
                        return Err(self.err(format!(
                            "duplicate entry for column '{}' in row '{}'",
                            self.cols[col].name, self.rows[r].name
                        )));
                    }
                    self.cols[col].entries.push((r, value));
                }
            }
        }
        Ok(())
    }

    fn parse_side(&self, tokens: &[&str]) -> std::result::Result<SideLine, String> {
        // With a set name the field count is odd (3 or 5), without it even (2 or 4).
        let pairs = match tokens.len() {
            2 | 4 => tokens,
            3 | 5 => &tokens[1..],
            n => {
                return Err(format!(
                    "expected [set name,] row name, value [, row name, value], found {n} field(s)"
                ))
            }
        };
        let mut out = Vec::with_capacity(2);
        for pair in pairs.chunks(2) {
            out.push((self.row_ref(pair[0])?, extended_number(pair[1])?));
        }
        Ok(out)
    }

    fn apply_side(&mut self, entries: SideLine) -> Result<()> {
        for (row, value) in entries {
            match (self.section, row) {
                (_, RowRef::Dropped) => {}
                (Section::Rhs, RowRef::Objective) => {
                    if !value.is_finite() {
                        return Err(self.err("infinite right-hand side on the objective row"));
                    }
                    self.constant = -value;
                }
                (Section::Ranges, RowRef::Objective) => {
                    return Err(self.err("RANGES entry on the objective row"))
                }
                (Section::Rhs, RowRef::Row(r)) => self.rows[r].rhs = value,
                (_, RowRef::Row(r)) => {
                    if !value.is_finite() {
                        return Err(
                            self.err(format!("infinite range on row '{}'", self.rows[r].name))
                        );
                    }
                    self.rows[r].range = Some(value);
                }
                _ => {}
            }
        }
        Ok(())
    }

    fn parse_bound(&self, tokens: &[&str]) -> std::result::Result<BoundLine, String> {
        let kind = tokens
            .first()
            .map(|t| t.to_ascii_uppercase())
            .unwrap_or_default();
        let needs_value = matches!(kind.as_str(), "UP" | "LO" | "FX" | "LI" | "UI");
        let no_value = matches!(kind.as_str(), "FR" | "MI" | "PL");
        if kind == "SC" {
            return Err("semi-continuous bounds (SC) are not supported".into());
        }
        if !needs_value && !no_value && kind != "BV" {
            return Err(format!(
                "unknown bound type '{kind}' (expected UP, LO, FX, FR, MI, PL, BV, LI or UI)"
            ));
        }
        let col_of = |name: &str| {
            self.col_index
                .get(name)
                .copied()
                .ok_or_else(|| format!("unknown column '{name}'"))
        };
        let (col, value) = match (tokens.len(), needs_value, no_value) {
            (4, true, _) | (4, false, false) => {
                (col_of(tokens[2])?, Some(extended_number(tokens[3])?))
            }
            (3, true, _) => (col_of(tokens[1])?, Some(extended_number(tokens[2])?)),
            (3, _, true) => (col_of(tokens[2])?, None),
            (2, _, true) | (2, false, false) => (col_of(tokens[1])?, None),
            (3, false, false) => match (col_of(tokens[1]), parse_number(tokens[2])) {
                (Ok(c), Ok(v)) => (c, Some(v)),
                _ => (col_of(tokens[2])?, None),
            },
            (n, _, _) => {
                return Err(format!(
                    "expected bound type, [set name,] column name{}, found {n} field(s)",
                    if needs_value { ", value" } else { "" }
                ))
            }
        };
        Ok(BoundLine { kind, col, value })
    }

    fn apply_bound(&mut self, b: BoundLine) -> Result<()> {
        let value = b.value.unwrap_or(0.0);
        if value.is_nan() {
            return Err(self.err("bound value is not a number"));
        }
        let file = self.file;
        let line = self.line;
        let c = &mut self.cols[b.col];
        c.any_bound = true;
        match b.kind.as_str() {
            "UP" | "UI" => {
                if value < 0.0 && c.lower == 0.0 && !c.lower_set {
                    log::warn!(
                        "{file}:{line}: negative upper bound on column '{}' with default lower bound: lower bound set to -inf",
                        c.name
                    );
                    c.lower = f64::NEG_INFINITY;
                }
                c.upper = value;
                if b.kind == "UI" {
                    c.integer = true;
                }
            }
            "LO" | "LI" => {
                c.lower = value;
                c.lower_set = true;
                if b.kind == "LI" {
                    c.integer = true;
                }
            }
            "FX" => {
                c.lower = value;
                c.upper = value;
                c.lower_set = true;
            }
            "FR" => {
                c.lower = f64::NEG_INFINITY;
                c.upper = f64::INFINITY;
                c.lower_set = true;
            }
            "MI" => {
                c.lower = f64::NEG_INFINITY;
                c.lower_set = true;
            }
            "PL" => c.upper = f64::INFINITY,
            _ => {
                // BV
                if b.value.is_some_and(|v| v != 0.0 && v != 1.0) {
                    return Err(self.err(format!("BV bound with value {value} (expected 0 or 1)")));
                }
                let c = &mut self.cols[b.col];
                c.integer = true;
                c.lower = 0.0;
                c.upper = 1.0;
                c.lower_set = true;
            }
        }
        let c = &self.cols[b.col];
        if c.lower == f64::INFINITY || c.upper == f64::NEG_INFINITY {
            return Err(self.err(format!(
                "column '{}' gets an infinite bound on the wrong side",
                c.name
            )));
        }
        Ok(())
    }

    fn finish(self) -> Result<Model> {
        let mut model = Model::new(&self.name);
        model.sense = self.sense;
        model.objective_constant = self.constant;
        if let Some(name) = self.objective_name {
            model.objective_name = name;
        } else if let Some(wanted) = &self.wanted_objective {
            return Err(Error::parse(
                self.file,
                0,
                format!("objective row '{wanted}' named by OBJNAME is not an N row"),
            ));
        }
        let mut row_entries: Vec<Vec<(usize, f64)>> = vec![Vec::new(); self.rows.len()];
        for (j, c) in self.cols.iter().enumerate() {
            let (lower, upper) = if c.integer && !c.any_bound {
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
            model.add_variable(&c.name, kind, lower, upper, c.cost);
            for &(r, a) in &c.entries {
                row_entries[r].push((j, a));
            }
        }
        for (row, entries) in self.rows.into_iter().zip(row_entries) {
            let rhs = row.rhs;
            let (lower, upper) = match (row.kind, row.range) {
                (RowKind::L, None) => (f64::NEG_INFINITY, rhs),
                (RowKind::G, None) => (rhs, f64::INFINITY),
                (RowKind::E, None) => (rhs, rhs),
                (RowKind::L, Some(r)) => (rhs - r.abs(), rhs),
                (RowKind::G, Some(r)) => (rhs, rhs + r.abs()),
                (RowKind::E, Some(r)) if r >= 0.0 => (rhs, rhs + r),
                (RowKind::E, Some(r)) => (rhs + r, rhs),
            };
            // Entries arrive in column order, so they are already sorted.
            model.rows.push(crate::model::Row {
                name: row.name,
                lower,
                upper,
                entries,
            });
        }
        Ok(model)
    }
}
