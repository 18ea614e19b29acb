//! VNN-COMP result files: the answer on the first line (`sat`, `unsat`, `timeout`,
//! `unknown`, `error`), and for `sat` the counterexample as
//! `((X_0 v) (X_1 v) ... (Y_0 v) ...)`, one assignment per line.

use super::{Answer, Counterexample};
use crate::error::{Error, Result};
use std::fmt::Write as _;
use std::path::Path;

/// The text of a result file for `answer`.
pub fn result_text(answer: &Answer) -> String {
    let mut text = format!("{}\n", answer.as_str());
    if let Answer::Sat(Counterexample { input, output, .. }) = answer {
        let mut parts: Vec<String> = input
            .iter()
            .enumerate()
            .map(|(i, v)| format!("(X_{i} {v:?})"))
            .collect();
        parts.extend(
            output
                .iter()
                .enumerate()
                .map(|(i, v)| format!("(Y_{i} {v:?})")),
        );
        let _ = writeln!(text, "({})", parts.join("\n "));
    }
    text
}

/// Writes the result file of `answer` to `path`.
pub fn write_result_file(path: &Path, answer: &Answer) -> Result<()> {
    crate::io::write_atomically(path, result_text(answer).as_bytes())
}

/// Reads a result file: the answer word and the `(name, value)` assignments.
pub fn parse_result_file(text: &str, label: &str) -> Result<(String, Vec<(String, f64)>)> {
    let mut lines = text.lines();
    let answer = lines
        .next()
        .map(|l| l.trim().to_string())
        .filter(|a| {
            [
                "sat", "unsat", "timeout", "unknown", "error", "holds", "violated",
            ]
            .contains(&a.as_str())
        })
        .ok_or_else(|| Error::parse(label, 1, "expected sat, unsat, timeout, unknown or error"))?;
    let rest: String = lines.collect::<Vec<_>>().join(" ");
    let mut values = Vec::new();
    for token in rest
        .split(['(', ')'])
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        let mut parts = token.split_whitespace();
        let (Some(name), Some(value), None) = (parts.next(), parts.next(), parts.next()) else {
            return Err(Error::parse(
                label,
                2,
                format!("expected '(NAME value)', found '{token}'"),
            ));
        };
        let value: f64 = value.parse().map_err(|_| {
            Error::parse(
                label,
                2,
                format!("expected a number for {name}, found '{value}'"),
            )
        })?;
        values.push((name.to_string(), value));
    }
    Ok((answer, values))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sat_files_round_trip() {
        let answer = Answer::Sat(Counterexample {
            case: 0,
            input: vec![0.5, -1.25],
            output: vec![3.0],
        });
        let text = result_text(&answer);
        assert!(
            text.starts_with("sat\n((X_0 0.5)\n (X_1 -1.25)\n (Y_0 3.0))"),
            "{text}"
        );
        let (word, values) = parse_result_file(&text, "r").expect("valid");
        assert_eq!(word, "sat");
        assert_eq!(
            values,
            vec![
                ("X_0".into(), 0.5),
                ("X_1".into(), -1.25),
                ("Y_0".into(), 3.0)
            ]
        );
        assert_eq!(result_text(&Answer::Unsat), "unsat\n");
        assert!(parse_result_file("maybe\n", "r").is_err());
    }
}
