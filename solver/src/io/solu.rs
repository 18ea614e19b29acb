//! SCIP-style `.solu` files of known answers: `=opt= name value`, `=inf= name`,
//! `=best= name value`, `=unkn= name`; `#` starts a comment.

use crate::error::{Error, Result};
use crate::io::read_text;
use std::collections::BTreeMap;
use std::path::Path;

/// What is known about an instance.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum KnownAnswer {
    /// Proven optimal objective value.
    Optimal(f64),
    /// Proven infeasible.
    Infeasible,
    /// Best known objective value (not proven optimal).
    Best(f64),
    /// Nothing known.
    Unknown,
}

/// Reads a `.solu` file into a map from instance name to answer.
pub fn read_solu(path: &Path) -> Result<BTreeMap<String, KnownAnswer>> {
    parse_solu(&read_text(path)?, &path.display().to_string())
}

/// Parses `.solu` text; `file_label` names the source in errors.
pub fn parse_solu(text: &str, file_label: &str) -> Result<BTreeMap<String, KnownAnswer>> {
    let mut answers = BTreeMap::new();
    for (index, raw) in text.lines().enumerate() {
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let err = |m: String| Error::parse(file_label, index + 1, m);
        let tokens: Vec<&str> = line.split_whitespace().collect();
        let name = tokens
            .get(1)
            .ok_or_else(|| {
                err(format!(
                    "expected '<tag> <instance> [value]', found '{line}'"
                ))
            })?
            .to_string();
        let value = || -> Result<f64> {
            let token = tokens
                .get(2)
                .ok_or_else(|| err(format!("missing value for instance '{name}'")))?;
            token
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite())
                .ok_or_else(|| err(format!("expected a number, found '{token}'")))
        };
        let answer = match tokens[0] {
            "=opt=" => KnownAnswer::Optimal(value()?),
            "=best=" => KnownAnswer::Best(value()?),
            "=inf=" => KnownAnswer::Infeasible,
            "=unkn=" => KnownAnswer::Unknown,
            other => {
                return Err(err(format!(
                    "unknown tag '{other}' (expected =opt=, =inf=, =best= or =unkn=)"
                )))
            }
        };
        answers.insert(name, answer);
    }
    Ok(answers)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_tag_and_reports_bad_lines() {
        let text = "# known answers\n=opt= p0033 3089\n=inf= bad\n=best= x -1.5e3\n=unkn= y\n";
        let map = parse_solu(text, "t.solu").expect("valid");
        assert_eq!(map["p0033"], KnownAnswer::Optimal(3089.0));
        assert_eq!(map["bad"], KnownAnswer::Infeasible);
        assert_eq!(map["x"], KnownAnswer::Best(-1500.0));
        assert_eq!(map["y"], KnownAnswer::Unknown);
        let e = parse_solu("=opt= a\n", "t.solu").unwrap_err().to_string();
        assert!(e.contains("t.solu:1") && e.contains("missing value"), "{e}");
        let e = parse_solu("\n=opt= a b\n", "t.solu")
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("t.solu:2") && e.contains("expected a number"),
            "{e}"
        );
        let e = parse_solu("=foo= a\n", "t.solu").unwrap_err().to_string();
        assert!(e.contains("unknown tag"), "{e}");
    }
}
