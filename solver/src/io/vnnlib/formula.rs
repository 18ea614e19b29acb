//! Boolean structure of assertions (`and`, `or`, comparisons) and its conversion to
//! disjunctive normal form.

use super::linear::{term, LinExpr, Vars};
use super::sexpr::Sexpr;
use crate::error::{Error, Result};

/// A comparison `expr <= 0`, with the line it comes from.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Atom {
    pub expr: LinExpr,
    pub line: usize,
}

/// A formula over comparisons.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Formula {
    /// All must hold (`true` when empty).
    And(Vec<Formula>),
    /// One must hold (`false` when empty).
    Or(Vec<Formula>),
    /// Index into the atom list.
    Atom(usize),
}

/// Parses a boolean formula, appending its comparisons to `atoms`.
pub(crate) fn formula(
    e: &Sexpr,
    vars: &Vars,
    atoms: &mut Vec<Atom>,
    file: &str,
) -> Result<Formula> {
    let line = e.line();
    let items = match e {
        Sexpr::Atom { text, .. } => {
            return match text.as_str() {
                "true" => Ok(Formula::And(vec![])),
                "false" => Ok(Formula::Or(vec![])),
                _ => Err(Error::parse(
                    file,
                    line,
                    format!("expected a formula, found '{text}'"),
                )),
            }
        }
        Sexpr::List { items, .. } => items,
    };
    let Some((head, args)) = items.split_first() else {
        return Err(Error::parse(file, line, "empty formula '()'"));
    };
    let Some(op) = head.atom() else {
        return Err(Error::parse(
            file,
            line,
            "a formula cannot start with a list",
        ));
    };
    let sub = |atoms: &mut Vec<Atom>| -> Result<Vec<Formula>> {
        args.iter().map(|a| formula(a, vars, atoms, file)).collect()
    };
    match op {
        "and" => Ok(Formula::And(sub(atoms)?)),
        "or" => Ok(Formula::Or(sub(atoms)?)),
        "<=" | ">=" | "<" | ">" | "=" => {
            if args.len() < 2 {
                return Err(Error::parse(
                    file,
                    line,
                    format!("'{op}' needs at least two terms"),
                ));
            }
            let terms = args
                .iter()
                .map(|a| term(a, vars, file))
                .collect::<Result<Vec<_>>>()?;
            let mut parts = Vec::new();
            for pair in terms.windows(2) {
                let (a, b) = (&pair[0], &pair[1]);
                // Each comparison becomes one or two atoms `expr <= 0`.
                let mut push = |lhs: &LinExpr, rhs: &LinExpr| {
                    let mut expr = lhs.clone();
                    expr.add_scaled(rhs, -1.0);
                    atoms.push(Atom { expr, line });
                    parts.push(Formula::Atom(atoms.len() - 1));
                };
                match op {
                    "<=" | "<" => push(a, b),
                    ">=" | ">" => push(b, a),
                    _ => {
                        push(a, b);
                        push(b, a);
                    }
                }
            }
            Ok(if parts.len() == 1 {
                parts.remove(0)
            } else {
                Formula::And(parts)
            })
        }
        other => Err(Error::Unsupported {
            file: file.to_string(),
            line,
            what: format!("'{other}' in a formula (supported: and, or, <=, >=, <, >, =)"),
        }),
    }
}

/// The formula as a list of conjunctions (each a list of atom indices), failing
/// with [`Error::Unsupported`] at `line` if there would be more than `max_cases`.
pub(crate) fn dnf(
    f: &Formula,
    max_cases: usize,
    file: &str,
    line: usize,
) -> Result<Vec<Vec<usize>>> {
    let too_many = || Error::Unsupported {
        file: file.to_string(),
        line,
        what: format!(
            "the assertions expand to more than {max_cases} cases in disjunctive normal form"
        ),
    };
    match f {
        Formula::Atom(a) => Ok(vec![vec![*a]]),
        Formula::Or(children) => {
            let mut out = Vec::new();
            for c in children {
                out.extend(dnf(c, max_cases, file, line)?);
                if out.len() > max_cases {
                    return Err(too_many());
                }
            }
            Ok(out)
        }
        Formula::And(children) => {
            let mut acc: Vec<Vec<usize>> = vec![vec![]];
            for c in children {
                let next = dnf(c, max_cases, file, line)?;
                acc = conjoin(&acc, &next, max_cases).ok_or_else(too_many)?;
            }
            Ok(acc)
        }
    }
}

/// The DNF of `a and b` from the DNFs of `a` and `b`, `None` if it would have more
/// than `max_cases` cases.
pub(crate) fn conjoin(
    a: &[Vec<usize>],
    b: &[Vec<usize>],
    max_cases: usize,
) -> Option<Vec<Vec<usize>>> {
    if a.len().saturating_mul(b.len()) > max_cases {
        return None;
    }
    Some(
        a.iter()
            .flat_map(|x| {
                b.iter().map(move |y| {
                    let mut conj = x.clone();
                    conj.extend_from_slice(y);
                    conj
                })
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dnf_distributes_and_over_or() {
        use Formula::*;
        // (a or b) and (c or (d and e)) = ac, ad e, bc, bd e
        let f = And(vec![
            Or(vec![Atom(0), Atom(1)]),
            Or(vec![Atom(2), And(vec![Atom(3), Atom(4)])]),
        ]);
        let d = dnf(&f, 100, "f", 1).unwrap();
        assert_eq!(
            d,
            vec![vec![0, 2], vec![0, 3, 4], vec![1, 2], vec![1, 3, 4]]
        );
        assert!(dnf(&f, 3, "f", 1).is_err());
        assert_eq!(
            dnf(&Or(vec![]), 10, "f", 1).unwrap(),
            Vec::<Vec<usize>>::new()
        );
        assert_eq!(
            dnf(&And(vec![]), 10, "f", 1).unwrap(),
            vec![Vec::<usize>::new()]
        );
    }
}
