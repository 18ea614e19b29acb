//! Reader of VNN-LIB properties (the SMT-LIB subset used by VNN-COMP).
//!
//! Accepted: `(declare-const X_i Real)` for inputs and `(declare-const Y_j Real)`
//! for outputs (also `declare-fun` with no arguments), and `(assert F)` where `F`
//! is built from `and`, `or`, `true`, `false` and comparisons `<=`, `>=` (`<` and
//! `>` are read as `<=` and `>=`; `=` as both; chains such as `(<= a b c)` as
//! `a <= b and b <= c`) between linear terms: numbers (decimal or scientific),
//! variables, `(+ ...)`, `(- t)`, `(- t ...)`, `(* ...)` with at most one
//! non-constant factor and `(/ t c ...)`. `;` starts a comment. `set-logic`,
//! `set-info`, `set-option`, `check-sat`, `get-model` and `exit` are ignored.
//!
//! The assertions are conjoined and converted to disjunctive normal form; each
//! conjunction becomes a [`Case`](crate::nn::property::Case): single-variable
//! input comparisons give its box, other input comparisons its input constraints,
//! output comparisons its output constraints (all as `c'v <= d`). This handles
//! both common layouts: separate input-box assertions plus one `(or (and ...) ...)`
//! over outputs, and one `(or (and <box> <outputs>) ...)` with a box per disjunct.
//! At most [`MAX_CASES`] cases are built.
//!
//! [`write_vnnlib`] writes a [`Property`] back as VNN-LIB.
//!
//! Errors name the file and line: [`Error::Parse`] for syntax errors, unknown or
//! undeclared variables and inputs without a lower or upper bound (at the input's
//! declaration); [`Error::Unsupported`] for non-linear terms, other operators and
//! comparisons that mix inputs and outputs.

mod cases;
mod formula;
mod linear;
mod sexpr;
mod writer;

pub use writer::{format_vnnlib, write_vnnlib};

use crate::error::{Error, Result};
use crate::nn::property::Property;
use linear::{Var, Vars};
use sexpr::Sexpr;
use std::path::Path;

/// Largest number of cases (disjuncts after conversion to DNF) of a property.
pub const MAX_CASES: usize = 100_000;

/// Largest variable index accepted (`X_i`, `Y_j`).
const MAX_INDEX: usize = 1 << 20;

/// Reads a VNN-LIB file (plain or gzip).
pub fn read_vnnlib(path: &Path) -> Result<Property> {
    let text = super::read_text(path)?;
    parse_vnnlib(&text, &path.display().to_string())
}

/// Parses the text of a VNN-LIB file; `file` names it in error messages.
pub fn parse_vnnlib(text: &str, file: &str) -> Result<Property> {
    let commands = sexpr::parse(text, file)?;
    let mut vars = Vars::new();
    let mut input_lines: Vec<Option<usize>> = Vec::new();
    let mut output_lines: Vec<Option<usize>> = Vec::new();
    let mut asserts = Vec::new();
    for command in &commands {
        let line = command.line();
        let items = match command {
            Sexpr::List { items, .. } => items.as_slice(),
            Sexpr::Atom { text, .. } => {
                return Err(Error::parse(
                    file,
                    line,
                    format!("expected a command, found '{text}'"),
                ))
            }
        };
        let head = items.first().and_then(Sexpr::atom).unwrap_or("");
        match (head, &items[1.min(items.len())..]) {
            ("declare-const", [name, sort]) => declare(
                name,
                sort,
                file,
                &mut vars,
                &mut input_lines,
                &mut output_lines,
            )?,
            ("declare-fun", [name, Sexpr::List { items: args, .. }, sort]) if args.is_empty() => {
                declare(
                    name,
                    sort,
                    file,
                    &mut vars,
                    &mut input_lines,
                    &mut output_lines,
                )?
            }
            ("assert", [f]) => asserts.push(f),
            ("declare-const" | "declare-fun" | "assert", _) => {
                return Err(Error::parse(file, line, format!("malformed {head}")))
            }
            ("set-logic" | "set-info" | "set-option" | "check-sat" | "get-model" | "exit", _) => {}
            _ => {
                return Err(Error::Unsupported {
                    file: file.to_string(),
                    line,
                    what: format!("command {}", command.describe()),
                })
            }
        }
    }
    let input_lines = complete(input_lines, "X", file)?;
    let output_lines = complete(output_lines, "Y", file)?;

    let mut atoms = Vec::new();
    let mut conjunctions: Vec<Vec<usize>> = vec![vec![]];
    for f in asserts {
        let line = f.line();
        let parsed = formula::formula(f, &vars, &mut atoms, file)?;
        let d = formula::dnf(&parsed, MAX_CASES, file, line)?;
        conjunctions =
            formula::conjoin(&conjunctions, &d, MAX_CASES).ok_or_else(|| Error::Unsupported {
                file: file.to_string(),
                line,
                what: format!(
                    "the assertions expand to more than {MAX_CASES} cases in disjunctive \
                     normal form"
                ),
            })?;
    }
    let declared = cases::Declared {
        num_inputs: input_lines.len(),
        input_lines: &input_lines,
        file,
    };
    let cases = cases::build(&conjunctions, &atoms, &declared)?;
    Ok(Property {
        num_inputs: input_lines.len(),
        num_outputs: output_lines.len(),
        cases,
    })
}

/// Records the declaration of `X_i` or `Y_j`.
fn declare(
    name: &Sexpr,
    sort: &Sexpr,
    file: &str,
    vars: &mut Vars,
    input_lines: &mut Vec<Option<usize>>,
    output_lines: &mut Vec<Option<usize>>,
) -> Result<()> {
    let line = name.line();
    let Some(text) = name.atom() else {
        return Err(Error::parse(file, line, "expected a variable name"));
    };
    if sort.atom() != Some("Real") {
        return Err(Error::Unsupported {
            file: file.to_string(),
            line,
            what: format!("variable '{text}' of sort {} (only Real)", sort.describe()),
        });
    }
    let parsed = text
        .strip_prefix("X_")
        .map(|i| (i, true))
        .or_else(|| text.strip_prefix("Y_").map(|j| (j, false)))
        .and_then(|(digits, input)| {
            let all_digits = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
            let index = digits.parse::<usize>().ok().filter(|&i| i <= MAX_INDEX);
            index.filter(|_| all_digits).map(|i| (i, input))
        });
    let Some((index, input)) = parsed else {
        return Err(Error::Unsupported {
            file: file.to_string(),
            line,
            what: format!("variable name '{text}' (expected X_i for inputs, Y_j for outputs)"),
        });
    };
    let lines = if input { input_lines } else { output_lines };
    if lines.len() <= index {
        lines.resize(index + 1, None);
    }
    if let Some(first) = lines[index] {
        return Err(Error::parse(
            file,
            line,
            format!("'{text}' is declared twice (first on line {first})"),
        ));
    }
    lines[index] = Some(line);
    let var = if input {
        Var::Input(index)
    } else {
        Var::Output(index)
    };
    vars.insert(text.to_string(), var);
    Ok(())
}

/// Checks that `0..n` are all declared and returns their declaration lines.
fn complete(lines: Vec<Option<usize>>, prefix: &str, file: &str) -> Result<Vec<usize>> {
    if lines.is_empty() {
        return Err(Error::parse(
            file,
            1,
            format!("no variable {prefix}_0 is declared"),
        ));
    }
    let last = lines.len() - 1;
    let last_line = lines[last].unwrap_or(1);
    lines
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            l.ok_or_else(|| {
                Error::parse(
                    file,
                    last_line,
                    format!("{prefix}_{last} is declared but {prefix}_{i} is not"),
                )
            })
        })
        .collect()
}
