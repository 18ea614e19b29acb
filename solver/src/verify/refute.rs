//! Cases decided by bounds alone: over the bounds of the case's input region, a
//! case is refuted when one of its output constraints `c'y <= d` cannot hold, that
//! is when a lower bound of `c'y - d` is positive. Cheapest first: the interval
//! bounds of the outputs, the back-substitution of `c'y - d` itself, then the same
//! with optimised lower slopes (alpha).

use crate::bounds::{
    optimised_output_lower_bounds, output_function_lower_bounds, AlphaOptions, NetworkBounds,
};
use crate::error::Result;
use crate::nn::property::{Case, LinearConstraint};
use crate::nn::Network;

/// Adam steps on the lower slopes per output constraint.
const ALPHA_STEPS: usize = 20;

/// How a case was refuted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Refutation {
    /// Interval or back-substituted bounds of an output constraint.
    Bounds,
    /// Back-substitution with optimised lower slopes.
    Alpha,
}

impl Refutation {
    /// The outcome name in reports.
    pub(super) fn as_str(self) -> &'static str {
        match self {
            Refutation::Bounds => "bounds",
            Refutation::Alpha => "alpha",
        }
    }
}

/// Whether `bounds` (over a region containing the case's input region) refute the
/// case, and how.
pub(super) fn refute(
    net: &Network,
    bounds: &NetworkBounds,
    case: &Case,
) -> Result<Option<Refutation>> {
    let last = bounds.num_layers() - 1;
    let (out_lo, out_up) = (bounds.pre_lower(last), bounds.pre_upper(last));
    if case
        .output_constraints
        .iter()
        .any(|k| output_lower(k, out_lo, out_up) > 0.0)
    {
        return Ok(Some(Refutation::Bounds));
    }
    let rows: Vec<(Vec<f64>, f64)> = case
        .output_constraints
        .iter()
        .map(|k| {
            let mut coefs = vec![0.0; net.output_dim()];
            for &(i, a) in &k.terms {
                coefs[i] += a;
            }
            (coefs, k.rhs)
        })
        .collect();
    if rows.is_empty() {
        return Ok(None);
    }
    if output_function_lower_bounds(net, bounds, &rows)?
        .iter()
        .any(|&l| l > 0.0)
    {
        return Ok(Some(Refutation::Bounds));
    }
    if bounds.relu_counts().unstable == 0 {
        return Ok(None);
    }
    let options = AlphaOptions {
        steps: ALPHA_STEPS,
        stop_above: Some(0.0),
        ..AlphaOptions::default()
    };
    let alpha = optimised_output_lower_bounds(net, bounds, None, &rows, None, &options)?;
    Ok(alpha
        .lower
        .iter()
        .any(|&l| l > 0.0)
        .then_some(Refutation::Alpha))
}

/// Lower bound of `c'y - d` over output bounds.
pub(super) fn output_lower(c: &LinearConstraint, lo: &[f64], up: &[f64]) -> f64 {
    c.terms
        .iter()
        .map(|&(i, a)| (a * lo[i]).min(a * up[i]))
        .sum::<f64>()
        - c.rhs
}
