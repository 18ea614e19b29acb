//! Minimal adversarial examples (seed 002, section 4.2): the input closest in L1 norm
//! to a reference input that a network classifies as a target class with a margin.
//!
//! [`adversarial`] computes pre-activation bounds over the input domain, builds the
//! MILP of [`crate::formulate::adversarial_milp`], solves it, and checks the answer
//! by a forward pass of the network in f64 ([`check_adversarial`]): an input that
//! fails the check is refused, never reported.

use crate::error::{Error, Result};
use crate::formulate::{adversarial_milp, Decision, Formulation};
use crate::nn::property::Case;
use crate::nn::Network;
use crate::search::{solve, ProgressSink, Settings, Status};
use crate::verify::{case_bounds, pre_bounds, BoundsMethod};
use std::time::Duration;

/// Tolerance of the forward check (absolute, scaled by the size of the values).
pub const ADVERSARIAL_TOLERANCE: f64 = 1e-6;

/// What is asked: the reference input, the domain, the target class and its margin.
#[derive(Clone, Debug, PartialEq)]
pub struct AdversarialQuery {
    /// The reference input.
    pub reference: Vec<f64>,
    /// Lower bounds of the input domain.
    pub lower: Vec<f64>,
    /// Upper bounds of the input domain.
    pub upper: Vec<f64>,
    /// The target class (output index).
    pub target: usize,
    /// The target output must be at least `margin` times every other (argmax), or
    /// every other at least `margin` times the target (argmin).
    pub margin: f64,
    /// Whether the class is the largest or the smallest output.
    pub decision: Decision,
    /// Largest allowed L1 distance to the reference.
    pub max_distance: Option<f64>,
}

impl AdversarialQuery {
    /// A query over the box `[lo, up]` in every input when `input_box` is given,
    /// else over the box of the L1 ball of radius `max_distance` around the
    /// reference. Refuses a non-positive margin, a crossing box, a negative distance
    /// and a query without a domain.
    pub fn new(
        reference: Vec<f64>,
        target: usize,
        margin: f64,
        decision: Decision,
        max_distance: Option<f64>,
        input_box: Option<(f64, f64)>,
    ) -> Result<Self> {
        if !(margin.is_finite() && margin > 0.0) {
            return Err(Error::Invalid(format!(
                "the margin must be positive, got {margin}"
            )));
        }
        if let Some(d) = max_distance {
            if !(d.is_finite() && d >= 0.0) {
                return Err(Error::Invalid(format!(
                    "the largest distance must be non-negative, got {d}"
                )));
            }
        }
        let n = reference.len();
        let (lower, upper) = match (input_box, max_distance) {
            (Some((lo, up)), _) => {
                if lo.is_nan() || up.is_nan() || lo > up {
                    return Err(Error::Invalid(format!(
                        "the input box needs LO <= UP, got {lo} > {up}"
                    )));
                }
                (vec![lo; n], vec![up; n])
            }
            (None, Some(d)) => (
                reference.iter().map(|v| v - d).collect(),
                reference.iter().map(|v| v + d).collect(),
            ),
            (None, None) => {
                return Err(Error::Invalid(
                    "the input domain is unknown: give a box or a largest distance".into(),
                ))
            }
        };
        Ok(AdversarialQuery {
            reference,
            lower,
            upper,
            target,
            margin,
            decision,
            max_distance,
        })
    }

    /// L1 distance of `input` to the reference.
    pub fn distance(&self, input: &[f64]) -> f64 {
        input
            .iter()
            .zip(&self.reference)
            .map(|(a, b)| (a - b).abs())
            .sum()
    }
}

/// How the question is answered.
#[derive(Clone, Debug)]
pub struct AdversarialOptions {
    /// MILP formulation of the network.
    pub formulation: Formulation,
    /// Pre-activation bounds over the domain.
    pub bounds: BoundsMethod,
    /// Seconds that LP bound tightening may use.
    pub bounds_budget: Duration,
    /// The search.
    pub search: Settings,
}

impl Default for AdversarialOptions {
    fn default() -> Self {
        AdversarialOptions {
            formulation: Formulation::BigM,
            bounds: BoundsMethod::Lp,
            bounds_budget: Duration::from_secs(10),
            search: Settings::default(),
        }
    }
}

/// An adversarial input that passed the forward check.
#[derive(Clone, Debug, PartialEq)]
pub struct AdversarialExample {
    /// The input.
    pub input: Vec<f64>,
    /// The network's output on it (f64 forward pass).
    pub output: Vec<f64>,
    /// Its L1 distance to the reference.
    pub distance: f64,
}

/// The answer of [`adversarial`].
#[derive(Clone, Debug)]
pub struct AdversarialReport {
    /// How the search ended (`optimal`: no input is closer than the example;
    /// `infeasible`: no input of the domain is classified as the target).
    pub status: Status,
    /// The closest input found, checked by a forward pass.
    pub example: Option<AdversarialExample>,
    /// Proven lower bound on the smallest distance.
    pub best_bound: f64,
    /// Branch-and-bound nodes.
    pub nodes: u64,
    /// Why the search's answer was refused, when its input failed the forward check.
    pub refused: Option<String>,
    /// Warnings of the search.
    pub warnings: Vec<String>,
}

/// Checks `input` by a forward pass: it lies in the domain, within the largest
/// distance, and the network classifies it as the target with the margin (all
/// within [`ADVERSARIAL_TOLERANCE`]). Returns the checked example or why it fails.
pub fn check_adversarial(
    net: &Network,
    query: &AdversarialQuery,
    input: &[f64],
) -> std::result::Result<AdversarialExample, String> {
    let tol = |v: f64| ADVERSARIAL_TOLERANCE * v.abs().max(1.0);
    if input.len() != net.input_dim() || input.len() != query.reference.len() {
        return Err(format!(
            "the input has {} values, the network {} inputs",
            input.len(),
            net.input_dim()
        ));
    }
    for (j, &v) in input.iter().enumerate() {
        let (lo, up) = (query.lower[j], query.upper[j]);
        if !v.is_finite() || v < lo - tol(lo) || v > up + tol(up) {
            return Err(format!("input {j} = {v} lies outside [{lo}, {up}]"));
        }
    }
    let distance = query.distance(input);
    if let Some(limit) = query.max_distance {
        if distance > limit + tol(limit) {
            return Err(format!(
                "the distance {distance} exceeds the largest distance {limit}"
            ));
        }
    }
    let output = net.forward(input);
    let Some(&yt) = output.get(query.target) else {
        return Err(format!(
            "target class {} out of range ({} outputs)",
            query.target,
            output.len()
        ));
    };
    for (j, &yj) in output.iter().enumerate() {
        if j == query.target {
            continue;
        }
        let (larger, smaller, name) = match query.decision {
            Decision::Argmax => (yt, query.margin * yj, "y_t >= margin * y_j"),
            Decision::Argmin => (yj, query.margin * yt, "y_j >= margin * y_t"),
        };
        if larger < smaller - tol(smaller) {
            return Err(format!(
                "the output fails {name} for j = {j}: {larger} < {smaller}"
            ));
        }
    }
    Ok(AdversarialExample {
        input: input.to_vec(),
        output,
        distance,
    })
}

/// Finds the input closest in L1 norm to the reference that `net` classifies as the
/// target with the margin; the answer is checked by a forward pass before it is
/// returned.
pub fn adversarial(
    net: &Network,
    query: &AdversarialQuery,
    options: &AdversarialOptions,
    sink: &dyn ProgressSink,
) -> Result<AdversarialReport> {
    if query.reference.len() != net.input_dim() {
        return Err(Error::Invalid(format!(
            "the reference input has {} values but the network has {} inputs",
            query.reference.len(),
            net.input_dim()
        )));
    }
    let case = Case {
        input_lower: query.lower.clone(),
        input_upper: query.upper.clone(),
        input_constraints: Vec::new(),
        output_constraints: Vec::new(),
    };
    let bounds = case_bounds(net, &case, options.bounds, options.bounds_budget)?;
    let milp = adversarial_milp(
        net,
        &query.reference,
        &query.lower,
        &query.upper,
        query.target,
        query.margin,
        query.decision,
        query.max_distance,
        &pre_bounds(&bounds),
        options.formulation,
    )?;
    let result = solve(&milp.model, &options.search, sink)?;
    let mut report = AdversarialReport {
        status: result.status,
        example: None,
        best_bound: result.best_bound,
        nodes: result.stats.nodes,
        refused: None,
        warnings: result.warnings,
    };
    if let Some(x) = &result.solution {
        let input: Vec<f64> = milp.inputs.iter().map(|&c| x[c]).collect();
        match check_adversarial(net, query, &input) {
            Ok(example) => report.example = Some(example),
            Err(why) => {
                report.refused = Some(why);
                if report.status == Status::Optimal {
                    report.status = Status::Error;
                }
            }
        }
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nn::{Activation, Layer};

    /// Two inputs, outputs `y0 = x0 - x1`, `y1 = x1 - x0`, through one ReLU layer of
    /// width 2 (`h = relu(x0 - x1), relu(x1 - x0)`).
    fn net() -> Network {
        let hidden = Layer::new(
            vec![1.0, -1.0, -1.0, 1.0],
            vec![0.0, 0.0],
            2,
            Activation::Relu,
        )
        .expect("layer");
        let out = Layer::new(
            vec![1.0, 0.0, 0.0, 1.0],
            vec![0.0, 0.0],
            2,
            Activation::Identity,
        )
        .expect("layer");
        Network::new(vec![hidden, out]).expect("network")
    }

    fn query() -> AdversarialQuery {
        AdversarialQuery::new(
            vec![1.0, 0.0],
            1,
            1.2,
            Decision::Argmax,
            None,
            Some((0.0, 1.0)),
        )
        .expect("query")
    }

    #[test]
    fn a_wrong_candidate_is_refused() {
        let (net, q) = (net(), query());
        // The reference itself is class 0: refused.
        let err = check_adversarial(&net, &q, &[1.0, 0.0]).expect_err("class 0");
        assert!(err.contains("y_t >= margin * y_j"), "{err}");
        // Outside the box: refused.
        assert!(check_adversarial(&net, &q, &[1.0, 1.5]).is_err());
        // Class 1 with margin: accepted, distance 1.5.
        let ok = check_adversarial(&net, &q, &[0.5, 1.0]).expect("class 1");
        assert!((ok.distance - 1.5).abs() < 1e-12);
    }

    #[test]
    fn finds_the_closest_input() {
        let (net, q) = (net(), query());
        let options = AdversarialOptions {
            search: Settings {
                threads: 1,
                ..Settings::default()
            },
            ..AdversarialOptions::default()
        };
        let report = adversarial(&net, &q, &options, &crate::search::NoProgress).expect("solves");
        assert_eq!(report.status, Status::Optimal);
        let example = report.example.expect("an example");
        // y1 >= 1.2 y0 holds exactly when x1 >= x0 (then y0 = 0): the closest such
        // input to (1, 0) is at L1 distance 1.
        assert!((example.distance - 1.0).abs() < 1e-6, "{example:?}");
        assert!(report.refused.is_none());
    }

    #[test]
    fn queries_are_validated() {
        let bad = |margin, d, b| {
            AdversarialQuery::new(vec![0.0], 0, margin, Decision::Argmax, d, b).is_err()
        };
        assert!(bad(0.0, Some(1.0), None));
        assert!(bad(1.2, Some(-1.0), None));
        assert!(bad(1.2, None, Some((1.0, 0.0))));
        assert!(bad(1.2, None, None));
    }
}
