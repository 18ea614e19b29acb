//! A brute-force oracle for tiny networks: every activation pattern is enumerated,
//! and the network, affine on each pattern's region, is optimised by one LP per
//! pattern.
//!
//! The work is exponential in the number of ReLUs (`2^h` LPs), so this is meant
//! only for tests and fuzzing on networks with a handful of units, where it gives
//! an answer independent of the bounds, formulations and search of the rest of the
//! crate. [`MAX_ENUMERATED_RELUS`] caps the number of units.

use crate::error::{Error, Result};
use crate::lp::{LpBackend, LpLimits, LpProblem, LpRow, LpStatus};
use crate::nn::property::{Case, LinearConstraint};
use crate::nn::{Activation, Network};

const INF: f64 = f64::INFINITY;

/// The most ReLUs [`min_margin`] enumerates (`2^20` LPs).
pub const MAX_ENUMERATED_RELUS: usize = 20;

/// The LP of one activation pattern, built by [`pattern_lp`].
#[derive(Clone, Debug, PartialEq)]
pub struct PatternLp {
    /// Columns: the inputs (bounded by the box), then one free column per neuron,
    /// layer by layer, holding its pre-activation. Rows: one equation per neuron
    /// fixing its pre-activation, and for each ReLU the sign its pattern entry asks
    /// for (`>= 0` active, `<= 0` inactive). The costs are zero; callers add columns,
    /// rows and costs for their question.
    pub problem: LpProblem,
    /// The column of each network output.
    pub outputs: Vec<usize>,
}

/// The LP of the region of the box `[lower, upper]` where the network's ReLUs follow
/// `pattern` (one entry per ReLU, layer by layer, `true` for active); on it the
/// network is affine and its outputs are columns of the LP (see [`PatternLp`]).
///
/// Fails with [`Error::Invalid`] when the box or the pattern do not fit the network,
/// or when the last layer is not affine (its outputs would not be columns).
pub fn pattern_lp(
    net: &Network,
    lower: &[f64],
    upper: &[f64],
    pattern: &[bool],
) -> Result<PatternLp> {
    let d = net.input_dim();
    if lower.len() != d || upper.len() != d {
        return Err(Error::Invalid(format!(
            "box of {} and {} bounds for a network of {d} inputs",
            lower.len(),
            upper.len()
        )));
    }
    if pattern.len() != net.num_relus() {
        return Err(Error::Invalid(format!(
            "pattern of {} entries for a network of {} ReLUs",
            pattern.len(),
            net.num_relus()
        )));
    }
    if net
        .layers()
        .last()
        .is_some_and(|layer| layer.activation() != Activation::Identity)
    {
        return Err(Error::Invalid(
            "pattern LPs need an affine last layer".to_string(),
        ));
    }
    let mut p = LpProblem {
        costs: vec![0.0; d],
        col_lower: lower.to_vec(),
        col_upper: upper.to_vec(),
        rows: Vec::new(),
    };
    // The value feeding the next layer: column of the input, or of an active neuron's
    // pre-activation, or constant zero (an inactive neuron).
    let mut values: Vec<Option<usize>> = (0..d).map(Some).collect();
    let mut patterns = pattern.iter();
    let mut outputs = Vec::new();
    for layer in net.layers() {
        let mut next = Vec::with_capacity(layer.output_dim());
        for (i, &bias) in layer.bias().iter().enumerate() {
            let col = p.costs.len();
            p.costs.push(0.0);
            p.col_lower.push(-INF);
            p.col_upper.push(INF);
            let mut entries: Vec<(usize, f64)> = layer
                .row(i)
                .iter()
                .zip(&values)
                .filter_map(|(&w, v)| v.map(|c| (c, w)))
                .filter(|e| e.1 != 0.0)
                .collect();
            entries.push((col, -1.0));
            entries.sort_by_key(|e| e.0);
            p.rows.push(LpRow {
                entries,
                lower: -bias,
                upper: -bias,
            });
            if layer.activation() == Activation::Relu {
                // The length was checked against the number of ReLUs above.
                let active = patterns.next().copied().unwrap_or(false);
                let (lo, up) = if active { (0.0, INF) } else { (-INF, 0.0) };
                p.rows.push(LpRow {
                    entries: vec![(col, 1.0)],
                    lower: lo,
                    upper: up,
                });
                next.push(active.then_some(col));
            } else {
                next.push(Some(col));
                outputs.push(col);
            }
        }
        values = next;
    }
    Ok(PatternLp {
        problem: p,
        outputs,
    })
}

/// The row `sum coef * column[index] <= rhs` of `constraint`, its indices mapped to
/// LP columns by `columns`; fails when an index is out of range.
pub(super) fn constraint_row(
    constraint: &LinearConstraint,
    columns: &[usize],
    extra: Option<usize>,
    what: &str,
) -> Result<LpRow> {
    let mut entries = constraint
        .terms
        .iter()
        .map(|&(i, a)| {
            columns.get(i).map(|&c| (c, a)).ok_or_else(|| {
                Error::Invalid(format!(
                    "{what} constraint on index {i}, but there are {}",
                    columns.len()
                ))
            })
        })
        .collect::<Result<Vec<(usize, f64)>>>()?;
    entries.extend(extra.map(|t| (t, -1.0)));
    entries.sort_by_key(|e| e.0);
    Ok(LpRow {
        entries,
        lower: -INF,
        upper: constraint.rhs,
    })
}

/// The verification margin of `case`: the minimum over the case's input region of
/// `max_k (c_k'y - d_k)` over its output constraints `c_k'y <= d_k` (so the case
/// has a counterexample iff the margin is `<= 0`), by solving one LP per
/// activation pattern (the `2^h` patterns of the network's `h` ReLUs; exponential,
/// for tiny networks in tests and fuzzing only).
///
/// `Ok(None)` when the oracle cannot be trusted: some LP ends neither optimal nor
/// infeasible (an LP failure, or unbounded as with no output constraints), or no
/// pattern is feasible (which a non-empty box rules out, so only LP trouble gets
/// there). Fails with [`Error::Invalid`] when the case does not fit the network
/// (see [`pattern_lp`]) or the network has more than [`MAX_ENUMERATED_RELUS`] ReLUs.
pub fn min_margin(net: &Network, case: &Case) -> Result<Option<f64>> {
    let h = net.num_relus();
    if h > MAX_ENUMERATED_RELUS {
        return Err(Error::Invalid(format!(
            "{h} ReLUs are too many to enumerate (at most {MAX_ENUMERATED_RELUS})"
        )));
    }
    let inputs: Vec<usize> = (0..net.input_dim()).collect();
    let mut best: Option<f64> = None;
    for mask in 0..(1u64 << h) {
        let pattern: Vec<bool> = (0..h).map(|b| mask >> b & 1 == 1).collect();
        let PatternLp {
            problem: mut p,
            outputs,
        } = pattern_lp(net, &case.input_lower, &case.input_upper, &pattern)?;
        let t = p.costs.len();
        p.costs.push(1.0);
        p.col_lower.push(-INF);
        p.col_upper.push(INF);
        for c in &case.input_constraints {
            p.rows.push(constraint_row(c, &inputs, None, "input")?);
        }
        for c in &case.output_constraints {
            p.rows.push(constraint_row(c, &outputs, Some(t), "output")?);
        }
        let mut lp = LpBackend::MicroLp.create(&p);
        match lp.solve(&LpLimits::default()) {
            LpStatus::Optimal => {
                let value = lp.objective();
                best = Some(best.map_or(value, |b| b.min(value)));
            }
            LpStatus::Infeasible => {}
            _ => return Ok(None),
        }
    }
    Ok(best)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nn::Layer;

    /// `y = relu(x) - relu(-x) = x` on `[-1, 1]`.
    fn identity_net() -> Network {
        let hidden =
            Layer::new(vec![1.0, -1.0], vec![0.0, 0.0], 1, Activation::Relu).expect("valid layer");
        let output =
            Layer::new(vec![1.0, -1.0], vec![0.0], 2, Activation::Identity).expect("valid layer");
        Network::new(vec![hidden, output]).expect("valid network")
    }

    fn case(output_constraints: Vec<LinearConstraint>) -> Case {
        Case {
            input_lower: vec![-1.0],
            input_upper: vec![1.0],
            input_constraints: Vec::new(),
            output_constraints,
        }
    }

    #[test]
    fn margin_of_a_linear_network() {
        let net = identity_net();
        // y >= 0.5, as -y <= -0.5: the margin is min (-y + 0.5) = -0.5.
        let sat = case(vec![LinearConstraint {
            terms: vec![(0, -1.0)],
            rhs: -0.5,
        }]);
        let margin = min_margin(&net, &sat).expect("fits").expect("trusted");
        assert!((margin + 0.5).abs() < 1e-9, "{margin}");
        // y >= 1.5: the margin is 0.5 > 0 (no counterexample).
        let unsat = case(vec![LinearConstraint {
            terms: vec![(0, -1.0)],
            rhs: -1.5,
        }]);
        let margin = min_margin(&net, &unsat).expect("fits").expect("trusted");
        assert!((margin - 0.5).abs() < 1e-9, "{margin}");
    }

    #[test]
    fn misfits_are_errors() {
        let net = identity_net();
        let bad_index = case(vec![LinearConstraint {
            terms: vec![(3, 1.0)],
            rhs: 0.0,
        }]);
        assert!(min_margin(&net, &bad_index).is_err());
        assert!(pattern_lp(&net, &[0.0], &[1.0], &[true]).is_err());
        assert!(pattern_lp(&net, &[0.0, 0.0], &[1.0, 1.0], &[true, false]).is_err());
    }
}
