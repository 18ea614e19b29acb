//! From conjunctions of comparisons to [`Case`]s: input box, input constraints and
//! output constraints.

use super::formula::Atom;
use super::linear::Var;
use crate::error::{Error, Result};
use crate::nn::property::{Case, LinearConstraint};

/// Largest total number of input bounds over all cases (2^22: 64 MiB of bounds,
/// e.g. 5000 cases over 784 inputs).
const MAX_BOX_ENTRIES: usize = 1 << 22;

/// What [`build`] needs to know about the declared variables.
pub(crate) struct Declared<'a> {
    pub num_inputs: usize,
    /// Line of the declaration of each input.
    pub input_lines: &'a [usize],
    pub file: &'a str,
}

/// Turns each conjunction into a case. Conjunctions that are trivially infeasible
/// (a false constant comparison, or an empty box) are left out.
pub(crate) fn build(
    conjunctions: &[Vec<usize>],
    atoms: &[Atom],
    d: &Declared,
) -> Result<Vec<Case>> {
    if conjunctions.len().saturating_mul(d.num_inputs) > MAX_BOX_ENTRIES {
        return Err(Error::Unsupported {
            file: d.file.to_string(),
            line: 0,
            what: format!(
                "{} cases over {} inputs (more than {MAX_BOX_ENTRIES} box bounds)",
                conjunctions.len(),
                d.num_inputs
            ),
        });
    }
    let mut cases = Vec::with_capacity(conjunctions.len());
    for (k, conj) in conjunctions.iter().enumerate() {
        if let Some(case) = build_one(conj, atoms, d, k, conjunctions.len())? {
            cases.push(case);
        }
    }
    Ok(cases)
}

fn build_one(
    conj: &[usize],
    atoms: &[Atom],
    d: &Declared,
    k: usize,
    count: usize,
) -> Result<Option<Case>> {
    let n = d.num_inputs;
    let mut case = Case {
        input_lower: vec![f64::NEG_INFINITY; n],
        input_upper: vec![f64::INFINITY; n],
        input_constraints: Vec::new(),
        output_constraints: Vec::new(),
    };
    let mut feasible = true;
    for &a in conj {
        let Atom { expr, line } = &atoms[a];
        let rhs = -expr.constant;
        let mut inputs = Vec::new();
        let mut outputs = Vec::new();
        for (&v, &c) in &expr.terms {
            match v {
                Var::Input(i) => inputs.push((i, c)),
                Var::Output(j) => outputs.push((j, c)),
            }
        }
        match (inputs.as_slice(), outputs.is_empty()) {
            ([], true) => feasible &= rhs >= 0.0,
            ([], false) => case.output_constraints.push(LinearConstraint {
                terms: outputs,
                rhs,
            }),
            (&[(i, c)], true) => {
                let bound = rhs / c;
                if c > 0.0 {
                    case.input_upper[i] = case.input_upper[i].min(bound);
                } else {
                    case.input_lower[i] = case.input_lower[i].max(bound);
                }
            }
            (_, true) => case
                .input_constraints
                .push(LinearConstraint { terms: inputs, rhs }),
            (_, false) => {
                return Err(Error::Unsupported {
                    file: d.file.to_string(),
                    line: *line,
                    what: "a comparison between input and output variables".into(),
                })
            }
        }
    }
    if !feasible {
        return Ok(None);
    }
    for i in 0..n {
        let missing = match (
            case.input_lower[i].is_finite(),
            case.input_upper[i].is_finite(),
        ) {
            (false, _) => "lower",
            (_, false) => "upper",
            _ => continue,
        };
        let place = if count > 1 {
            format!(" in disjunct {} of {count} of the assertions", k + 1)
        } else {
            String::new()
        };
        return Err(Error::parse(
            d.file,
            d.input_lines[i],
            format!(
                "input X_{i} has no {missing} bound{place}; every input needs both (the \
                 input region must be a bounded box)"
            ),
        ));
    }
    let empty = case
        .input_lower
        .iter()
        .zip(&case.input_upper)
        .any(|(l, u)| l > u);
    Ok((!empty).then_some(case))
}
