//! Linear terms of VNN-LIB: numbers, variables, `+`, `-`, `*` and `/` by constants.

use super::sexpr::Sexpr;
use crate::error::{Error, Result};
use std::collections::{BTreeMap, HashMap};

/// A declared variable: input `X_i` or output `Y_j`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Var {
    /// `X_i`.
    Input(usize),
    /// `Y_j`.
    Output(usize),
}

/// The declared variables by name.
pub(crate) type Vars = HashMap<String, Var>;

/// `sum coef * var + constant`, without zero coefficients.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct LinExpr {
    pub terms: BTreeMap<Var, f64>,
    pub constant: f64,
}

impl LinExpr {
    fn constant(c: f64) -> LinExpr {
        LinExpr {
            terms: BTreeMap::new(),
            constant: c,
        }
    }

    /// `self + factor * other`.
    pub fn add_scaled(&mut self, other: &LinExpr, factor: f64) {
        for (&v, &c) in &other.terms {
            let entry = self.terms.entry(v).or_insert(0.0);
            *entry += factor * c;
            if *entry == 0.0 {
                self.terms.remove(&v);
            }
        }
        self.constant += factor * other.constant;
    }

    fn scaled(&self, factor: f64) -> LinExpr {
        let mut out = LinExpr::default();
        out.add_scaled(self, factor);
        out
    }

    fn as_constant(&self) -> Option<f64> {
        self.terms.is_empty().then_some(self.constant)
    }
}

/// Parses a number in decimal or scientific notation (finite only).
pub(crate) fn number(text: &str) -> Option<f64> {
    let first = text.chars().next()?;
    if !(first.is_ascii_digit() || matches!(first, '-' | '+' | '.')) {
        return None;
    }
    text.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// Parses a linear term.
pub(crate) fn term(e: &Sexpr, vars: &Vars, file: &str) -> Result<LinExpr> {
    let parse_err = |line, msg: String| Error::parse(file, line, msg);
    match e {
        Sexpr::Atom { text, line } => {
            if let Some(v) = number(text) {
                return Ok(LinExpr::constant(v));
            }
            match vars.get(text.as_str()) {
                Some(&v) => Ok(LinExpr {
                    terms: BTreeMap::from([(v, 1.0)]),
                    constant: 0.0,
                }),
                None => Err(parse_err(*line, format!("unknown variable '{text}'"))),
            }
        }
        Sexpr::List { items, line } => {
            let line = *line;
            let Some((head, args)) = items.split_first() else {
                return Err(parse_err(line, "empty term '()'".into()));
            };
            let op = head
                .atom()
                .ok_or_else(|| parse_err(line, "a term cannot start with a list".into()))?;
            let args = args
                .iter()
                .map(|a| term(a, vars, file))
                .collect::<Result<Vec<_>>>()?;
            if args.is_empty() {
                return Err(parse_err(line, format!("'{op}' without arguments")));
            }
            match op {
                "+" => Ok(args.iter().fold(LinExpr::default(), |mut acc, a| {
                    acc.add_scaled(a, 1.0);
                    acc
                })),
                "-" if args.len() == 1 => Ok(args[0].scaled(-1.0)),
                "-" => {
                    let mut acc = args[0].clone();
                    for a in &args[1..] {
                        acc.add_scaled(a, -1.0);
                    }
                    Ok(acc)
                }
                "*" => {
                    let mut factor = 1.0;
                    let mut variable: Option<&LinExpr> = None;
                    for a in &args {
                        match a.as_constant() {
                            Some(c) => factor *= c,
                            None if variable.is_none() => variable = Some(a),
                            None => {
                                return Err(Error::Unsupported {
                                    file: file.to_string(),
                                    line,
                                    what: "non-linear term (product of variables)".into(),
                                })
                            }
                        }
                    }
                    Ok(match variable {
                        Some(v) => v.scaled(factor),
                        None => LinExpr::constant(factor),
                    })
                }
                "/" => {
                    let mut acc = args[0].clone();
                    for a in &args[1..] {
                        match a.as_constant() {
                            Some(c) if c != 0.0 => acc = acc.scaled(1.0 / c),
                            Some(_) => return Err(parse_err(line, "division by zero".into())),
                            None => {
                                return Err(Error::Unsupported {
                                    file: file.to_string(),
                                    line,
                                    what: "non-linear term (division by a variable)".into(),
                                })
                            }
                        }
                    }
                    Ok(acc)
                }
                other => Err(Error::Unsupported {
                    file: file.to_string(),
                    line,
                    what: format!("operator '{other}' in a term"),
                }),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::vnnlib::sexpr::parse;

    fn vars() -> Vars {
        Vars::from([
            ("X_0".to_string(), Var::Input(0)),
            ("Y_0".to_string(), Var::Output(0)),
            ("Y_1".to_string(), Var::Output(1)),
        ])
    }

    fn lin(text: &str) -> Result<LinExpr> {
        term(&parse(text, "t").unwrap()[0], &vars(), "t")
    }

    #[test]
    fn linear_terms() {
        let e = lin("(+ (* 2 Y_0) (* Y_1 -1.5e-1) (- X_0) 3 (- 1 2 0.5))").unwrap();
        assert_eq!(e.terms.get(&Var::Output(0)), Some(&2.0));
        assert_eq!(e.terms.get(&Var::Output(1)), Some(&-0.15));
        assert_eq!(e.terms.get(&Var::Input(0)), Some(&-1.0));
        assert_eq!(e.constant, 1.5);
        let e = lin("(- Y_0 Y_0)").unwrap();
        assert!(e.terms.is_empty());
        assert_eq!(
            lin("(/ Y_0 4)").unwrap().terms.get(&Var::Output(0)),
            Some(&0.25)
        );
        assert_eq!(lin("-.5").unwrap().constant, -0.5);
    }

    #[test]
    fn bad_terms() {
        assert!(matches!(lin("(* Y_0 Y_1)"), Err(Error::Unsupported { .. })));
        assert!(matches!(lin("(/ 1 Y_1)"), Err(Error::Unsupported { .. })));
        assert!(matches!(lin("Z"), Err(Error::Parse { .. })));
        assert!(matches!(lin("inf"), Err(Error::Parse { .. })));
        assert!(matches!(lin("(exp Y_0)"), Err(Error::Unsupported { .. })));
        assert!(matches!(lin("(+)"), Err(Error::Parse { .. })));
        assert!(matches!(lin("(/ Y_0 0)"), Err(Error::Parse { .. })));
    }
}
