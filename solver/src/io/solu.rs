//! Reading SCIP-style `.solu` files of known answers.
//!
//! One instance per line, whitespace-separated:
//!
//! ```text
//! =opt=  name value     # proven optimal objective
//! =best= name value     # best known objective, optimality not proven
//! =inf=  name           # proven infeasible
//! =unkn= name           # nothing known
//! ```
//!
//! `#` starts a comment (to the end of the line); blank lines are skipped. SCIP's
//! `=bestdual=` lines (a dual bound next to a `=best=` line) are skipped, and
//! `=feas=` (feasible, no value known) reads as [`KnownAnswer::Unknown`]. A second
//! answer for the same instance, an unknown marker, a missing or non-finite value,
//! or extra fields are errors naming the file and line.

use crate::error::{Error, Result};
use std::collections::BTreeMap;
use std::collections::HashMap;
use std::path::Path;

/// What is known about an instance.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum KnownAnswer {
    /// Proven optimal objective value (`=opt=`).
    Optimal(f64),
    /// Proven infeasible (`=inf=`).
    Infeasible,
    /// Best known objective value, not proven optimal (`=best=`).
    Best(f64),
    /// Nothing known (`=unkn=`, `=feas=`).
    Unknown,
}

/// Reads a `.solu` file (plain or gzip) into a map from instance name to answer.
pub fn read_solu(path: &Path) -> Result<BTreeMap<String, KnownAnswer>> {
    let text = crate::io::read_text(path)?;
    parse_solu(&text, &path.display().to_string())
}

/// Parses `.solu` text; `file_label` names the input in error messages.
pub fn parse_solu(text: &str, file_label: &str) -> Result<BTreeMap<String, KnownAnswer>> {
    let mut answers = BTreeMap::new();
    let mut first_line: HashMap<String, usize> = HashMap::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let content = raw.split('#').next().unwrap_or("");
        let fields: Vec<&str> = content.split_whitespace().collect();
        let Some((&marker, rest)) = fields.split_first() else {
            continue;
        };
        let fail = |message: String| Error::parse(file_label, line, message);
        let value_of = |rest: &[&str]| -> Result<f64> {
            let [_, value] = rest else {
                return Err(fail(format!(
                    "expected '{marker} name value', found {} fields",
                    fields.len()
                )));
            };
            match value.parse::<f64>() {
                Ok(v) if v.is_finite() => Ok(v),
                _ => Err(fail(format!(
                    "expected a finite objective value, found '{value}'"
                ))),
            }
        };
        let without_value = |rest: &[&str]| -> Result<()> {
            if rest.len() == 1 {
                Ok(())
            } else {
                Err(fail(format!(
                    "expected '{marker} name', found {} fields",
                    fields.len()
                )))
            }
        };
        let answer = match marker {
            "=opt=" => KnownAnswer::Optimal(value_of(rest)?),
            "=best=" => KnownAnswer::Best(value_of(rest)?),
            "=inf=" => {
                without_value(rest)?;
                KnownAnswer::Infeasible
            }
            "=unkn=" | "=feas=" => {
                without_value(rest)?;
                KnownAnswer::Unknown
            }
            "=bestdual=" => continue,
            _ => {
                return Err(fail(format!(
                    "expected =opt=, =best=, =inf= or =unkn=, found '{marker}'"
                )))
            }
        };
        let Some(&name) = rest.first() else {
            return Err(fail(format!("expected an instance name after {marker}")));
        };
        if let Some(first) = first_line.get(name) {
            return Err(fail(format!(
                "second answer for instance '{name}' (the first is at line {first})"
            )));
        }
        first_line.insert(name.to_string(), line);
        answers.insert(name.to_string(), answer);
    }
    Ok(answers)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_marker_and_comments() {
        let text = "# known answers\n\
                    =opt= p0033 3089\n\
                    \n\
                    =inf=   infeasible-mip0   # proven\n\
                    =best= big 1.5e3\n\
                    =bestdual= big 1400\n\
                    =unkn= hard\n\
                    =feas= other\n";
        let answers = parse_solu(text, "t.solu").unwrap();
        assert_eq!(answers["p0033"], KnownAnswer::Optimal(3089.0));
        assert_eq!(answers["infeasible-mip0"], KnownAnswer::Infeasible);
        assert_eq!(answers["big"], KnownAnswer::Best(1500.0));
        assert_eq!(answers["hard"], KnownAnswer::Unknown);
        assert_eq!(answers["other"], KnownAnswer::Unknown);
        assert_eq!(answers.len(), 5);
    }

    fn error(text: &str) -> (usize, String) {
        match parse_solu(text, "t.solu") {
            Err(Error::Parse {
                file,
                line,
                message,
            }) => {
                assert_eq!(file, "t.solu");
                (line, message)
            }
            other => panic!("expected a parse error, got {other:?}"),
        }
    }

    #[test]
    fn errors_name_the_line() {
        let (line, msg) = error("=opt= a 1\n=opt= b\n");
        assert_eq!(line, 2);
        assert!(msg.contains("name value"), "{msg}");
        let (line, msg) = error("\n=opt= a x\n");
        assert_eq!(line, 2);
        assert!(msg.contains("finite objective value"), "{msg}");
        let (_, msg) = error("=opt= a nan\n");
        assert!(msg.contains("'nan'"), "{msg}");
        let (_, msg) = error("=inf= a 3\n");
        assert!(msg.contains("'=inf= name'"), "{msg}");
        let (line, msg) = error("=opt= a 1\n=best= a 2\n");
        assert_eq!(line, 2);
        assert!(msg.contains("second answer"), "{msg}");
        let (_, msg) = error("=optimal= a 1\n");
        assert!(msg.contains("found '=optimal='"), "{msg}");
        let (_, msg) = error("=unkn=\n");
        assert!(msg.contains("'=unkn= name'"), "{msg}");
    }

    #[test]
    fn reads_the_benchmark_file() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let candidates = match std::env::var_os("RELUMIP_BENCHMARKS") {
            Some(dir) => vec![std::path::PathBuf::from(dir)],
            None => vec![
                root.join("../shared/benchmarks"),
                root.join("../../shared/benchmarks"),
            ],
        };
        let Some(path) = candidates
            .iter()
            .map(|d| d.join("miplib-small/optimal.solu"))
            .find(|p| p.exists())
        else {
            eprintln!("skipped: miplib-small/optimal.solu not found (set RELUMIP_BENCHMARKS)");
            return;
        };
        let path = path.as_path();
        let answers = read_solu(path).unwrap();
        assert_eq!(answers.len(), 16);
        assert_eq!(answers["gen"], KnownAnswer::Optimal(112313.36272));
        assert_eq!(answers["infeasible-mip1"], KnownAnswer::Infeasible);
    }
}
