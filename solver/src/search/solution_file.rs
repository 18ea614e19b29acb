//! Reading the solution files that `relumip solve --solution` writes:
//!
//! ```text
//! status optimal
//! objective 3089.0
//! x1 1.0
//! x2 0.0
//! ```
//!
//! The first line is `status` and a status name ([`Status::as_str`]), the second
//! `objective` and a number or `none`, then one line per column: its name and its
//! value, separated by whitespace. A name may itself hold spaces (fixed-format MPS
//! allows them), so the value is the last field of the line and the name is the
//! rest. Blank lines are skipped. Anything else is an error naming the file and line.

use super::Status;
use crate::error::{Error, Result};
use crate::model::Model;

/// The contents of a solution file.
#[derive(Clone, Debug, PartialEq)]
pub struct SolutionFile {
    /// How the run ended.
    pub status: Status,
    /// Objective of the solution, if the run found one.
    pub objective: Option<f64>,
    /// `(column name, value)` in file order.
    pub values: Vec<(String, f64)>,
}

impl SolutionFile {
    /// The values in `model`'s column order: every column must appear exactly once
    /// and no other name may appear. `file` names the file in errors.
    pub fn for_model(&self, model: &Model, file: &str) -> Result<Vec<f64>> {
        let index: std::collections::HashMap<&str, usize> = model
            .variables
            .iter()
            .enumerate()
            .map(|(j, v)| (v.name.as_str(), j))
            .collect();
        let mut x: Vec<Option<f64>> = vec![None; model.num_cols()];
        for (name, value) in &self.values {
            let Some(&j) = index.get(name.as_str()) else {
                return Err(Error::Invalid(format!(
                    "{file}: column '{name}' is not in the model"
                )));
            };
            if x[j].replace(*value).is_some() {
                return Err(Error::Invalid(format!(
                    "{file}: column '{name}' is given twice"
                )));
            }
        }
        x.iter()
            .zip(&model.variables)
            .map(|(v, var)| {
                v.ok_or_else(|| {
                    Error::Invalid(format!("{file}: no value for column '{}'", var.name))
                })
            })
            .collect()
    }
}

/// Every status a solution file may name.
const STATUSES: [Status; 10] = [
    Status::Optimal,
    Status::Infeasible,
    Status::Unbounded,
    Status::TimeLimit,
    Status::Interrupted,
    Status::NodeLimit,
    Status::MemoryLimit,
    Status::GapLimit,
    Status::SolutionLimit,
    Status::Error,
];

/// Parses the text of a solution file; `file` names it in errors.
pub fn parse_solution_file(text: &str, file: &str) -> Result<SolutionFile> {
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty());
    let (line, status_line) = lines
        .next()
        .ok_or_else(|| Error::parse(file, 1, "empty file, expected 'status NAME'"))?;
    let status = keyword_value(status_line, "status")
        .and_then(|name| STATUSES.into_iter().find(|s| s.as_str() == name))
        .ok_or_else(|| {
            Error::parse(
                file,
                line,
                format!("expected 'status NAME' with a known status, found '{status_line}'"),
            )
        })?;
    let (line, objective_line) = lines
        .next()
        .ok_or_else(|| Error::parse(file, line + 1, "expected 'objective VALUE'"))?;
    let objective = match keyword_value(objective_line, "objective") {
        Some("none") => None,
        Some(value) => Some(number(value, file, line, "the objective")?),
        None => {
            return Err(Error::parse(
                file,
                line,
                format!("expected 'objective VALUE' or 'objective none', found '{objective_line}'"),
            ))
        }
    };
    let mut values = Vec::new();
    for (line, text) in lines {
        let Some((name, value)) = text.rsplit_once(char::is_whitespace) else {
            return Err(Error::parse(
                file,
                line,
                format!("expected 'NAME VALUE', found '{text}'"),
            ));
        };
        let name = name.trim_end();
        values.push((name.to_string(), number(value, file, line, name)?));
    }
    Ok(SolutionFile {
        status,
        objective,
        values,
    })
}

/// The single field after `keyword` on `line`, if `line` is `keyword FIELD`.
fn keyword_value<'a>(line: &'a str, keyword: &str) -> Option<&'a str> {
    let mut fields = line.split_whitespace();
    match (fields.next(), fields.next(), fields.next()) {
        (Some(k), Some(v), None) if k == keyword => Some(v),
        _ => None,
    }
}

/// `text` as a number (finite or not: a solve may report an infinite value).
fn number(text: &str, file: &str, line: usize, what: &str) -> Result<f64> {
    text.parse::<f64>()
        .ok()
        .filter(|v| !v.is_nan())
        .ok_or_else(|| {
            Error::parse(
                file,
                line,
                format!("expected a number for {what}, found '{text}'"),
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_solve_writes() {
        let text = "status optimal\nobjective 3.5\nx 1.0\ny z -2e-3\n";
        let sol = parse_solution_file(text, "s").expect("valid");
        assert_eq!(sol.status, Status::Optimal);
        assert_eq!(sol.objective, Some(3.5));
        assert_eq!(
            sol.values,
            vec![("x".to_string(), 1.0), ("y z".to_string(), -2e-3)]
        );
        let none = parse_solution_file("status infeasible\nobjective none\n", "s").expect("ok");
        assert_eq!((none.status, none.objective), (Status::Infeasible, None));
    }

    #[test]
    fn errors_name_the_line() {
        for (text, line) in [
            ("", "s:1:"),
            ("status great\n", "s:1:"),
            ("status optimal\n", "s:2:"),
            ("status optimal\nobjective x\n", "s:2:"),
            ("status optimal\nobjective 1\nx\n", "s:3:"),
            ("status optimal\nobjective 1\nx nan\n", "s:3:"),
        ] {
            let err = parse_solution_file(text, "s").expect_err(text);
            assert!(err.to_string().starts_with(line), "{text:?}: {err}");
        }
    }
}
