//! Verification properties in disjunctive normal form, as read from VNN-LIB.
//!
//! A [`Property`] describes the *unsafe* set, as VNN-LIB files do: it holds for an
//! input `x` with output `y = f(x)` when some [`Case`] holds, that is, `x` lies in
//! the case's input box and satisfies its extra input constraints, and `y`
//! satisfies all its output constraints. An instance is `sat` (a counterexample
//! exists) iff some case is feasible for the network, `unsat` otherwise.

use super::Network;
use crate::error::{Error, Result};

/// A linear constraint `sum coef * v[index] <= rhs` over the inputs or the outputs.
///
/// Terms are sorted by index, each index appears once, and no coefficient is zero.
#[derive(Clone, Debug, PartialEq)]
pub struct LinearConstraint {
    /// `(index, coefficient)` pairs, sorted by index.
    pub terms: Vec<(usize, f64)>,
    /// Right-hand side.
    pub rhs: f64,
}

impl LinearConstraint {
    /// The left-hand side `sum coef * v[index]` at `v`.
    ///
    /// # Panics
    /// If an index is out of range of `v`.
    pub fn lhs(&self, v: &[f64]) -> f64 {
        self.terms.iter().map(|&(i, c)| c * v[i]).sum()
    }

    /// True if `lhs(v) <= rhs + tol`.
    ///
    /// # Panics
    /// If an index is out of range of `v`.
    pub fn is_satisfied(&self, v: &[f64], tol: f64) -> bool {
        self.lhs(v) <= self.rhs + tol
    }
}

/// One disjunct of a property: an input region and a conjunction of output
/// constraints.
#[derive(Clone, Debug, PartialEq)]
pub struct Case {
    /// Lower bound of each input (finite).
    pub input_lower: Vec<f64>,
    /// Upper bound of each input (finite, `>= input_lower`).
    pub input_upper: Vec<f64>,
    /// Further linear constraints on the inputs (constraints on two or more inputs;
    /// rare).
    pub input_constraints: Vec<LinearConstraint>,
    /// Linear constraints on the outputs, all of which must hold.
    pub output_constraints: Vec<LinearConstraint>,
}

impl Case {
    /// True if `x` is in the input region, within `tol`.
    ///
    /// # Panics
    /// If `x` is shorter than the case's input dimension.
    pub fn contains_input(&self, x: &[f64], tol: f64) -> bool {
        x.len() == self.input_lower.len()
            && x.iter()
                .zip(self.input_lower.iter().zip(&self.input_upper))
                .all(|(v, (l, u))| *v >= l - tol && *v <= u + tol)
            && self
                .input_constraints
                .iter()
                .all(|c| c.is_satisfied(x, tol))
    }

    /// True if `y` satisfies every output constraint, within `tol`.
    ///
    /// # Panics
    /// If an output index is out of range of `y`.
    pub fn output_holds(&self, y: &[f64], tol: f64) -> bool {
        self.output_constraints
            .iter()
            .all(|c| c.is_satisfied(y, tol))
    }
}

/// A property: the disjunction of its cases (see the module documentation).
#[derive(Clone, Debug, PartialEq)]
pub struct Property {
    /// Number of input variables `X_0 .. X_{n-1}`.
    pub num_inputs: usize,
    /// Number of output variables `Y_0 .. Y_{m-1}`.
    pub num_outputs: usize,
    /// The disjuncts. No case is empty (`lower <= upper` everywhere); cases that are
    /// trivially infeasible are left out, so an empty list means the property is
    /// trivially `unsat`.
    pub cases: Vec<Case>,
}

impl Property {
    /// Checks that the property's variables match the network's inputs and outputs.
    pub fn check_network(&self, net: &Network) -> Result<()> {
        if self.num_inputs != net.input_dim() || self.num_outputs != net.output_dim() {
            return Err(Error::Invalid(format!(
                "property has {} inputs and {} outputs, network has {} and {}",
                self.num_inputs,
                self.num_outputs,
                net.input_dim(),
                net.output_dim()
            )));
        }
        Ok(())
    }

    /// The first case that `x` and its output `y` satisfy within `tol`: `Some` means
    /// `(x, y)` is a counterexample.
    ///
    /// # Panics
    /// If `y` is shorter than `num_outputs`.
    pub fn violated_case(&self, x: &[f64], y: &[f64], tol: f64) -> Option<usize> {
        self.cases
            .iter()
            .position(|c| c.contains_input(x, tol) && c.output_holds(y, tol))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn violated_case_checks_box_and_outputs() {
        let case = Case {
            input_lower: vec![0.0, 0.0],
            input_upper: vec![1.0, 1.0],
            input_constraints: vec![LinearConstraint {
                terms: vec![(0, 1.0), (1, 1.0)],
                rhs: 1.0,
            }],
            output_constraints: vec![LinearConstraint {
                terms: vec![(0, -1.0)],
                rhs: -2.0,
            }],
        };
        let p = Property {
            num_inputs: 2,
            num_outputs: 1,
            cases: vec![case],
        };
        assert_eq!(p.violated_case(&[0.5, 0.5], &[3.0], 0.0), Some(0));
        assert_eq!(p.violated_case(&[0.5, 0.5], &[1.0], 0.0), None);
        assert_eq!(p.violated_case(&[0.9, 0.5], &[3.0], 0.0), None);
        assert_eq!(p.violated_case(&[1.5, 0.0], &[3.0], 0.0), None);
    }
}
