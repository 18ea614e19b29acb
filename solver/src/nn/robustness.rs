//! Local robustness properties of classifiers: around a point, every input of an
//! L-infinity ball keeps the network's predicted class.
//!
//! The property describes the unsafe set as VNN-LIB does: one [`Case`] per other
//! class `j`, the ball (clipped to the valid input range) with `Y_j >= Y_label`.
//! It is `unsat` when the network is robust at the point, `sat` with an input whose
//! output ranks some class at least as high as the label otherwise.

use super::property::{Case, LinearConstraint, Property};
use super::Network;
use crate::error::{Error, Result};

/// A local robustness question around one point.
#[derive(Clone, Debug, PartialEq)]
pub struct Robustness {
    /// The class the network predicts at the point (the largest output; the first
    /// one on ties).
    pub label: usize,
    /// `y_label - max_{j != label} y_j` at the point (`>= 0`).
    pub margin: f64,
    /// The unsafe set: one case per other class.
    pub property: Property,
}

/// The robustness property of `net` in the L-infinity ball of radius `eps` around
/// `point`, intersected with `[clip.0, clip.1]` per input when given.
///
/// Fails with [`Error::Invalid`] if the point's length is not the network's input
/// dimension, a value is not finite, `eps` is negative, the clip range is empty, or
/// the network has fewer than 2 outputs.
pub fn local_robustness(
    net: &Network,
    point: &[f64],
    eps: f64,
    clip: Option<(f64, f64)>,
) -> Result<Robustness> {
    if point.len() != net.input_dim() {
        return Err(Error::Invalid(format!(
            "the point has {} values, the network {} inputs",
            point.len(),
            net.input_dim()
        )));
    }
    if net.output_dim() < 2 {
        return Err(Error::Invalid(
            "a robustness property needs a network with at least 2 outputs".to_string(),
        ));
    }
    if !(eps.is_finite() && eps >= 0.0) || point.iter().any(|v| !v.is_finite()) {
        return Err(Error::Invalid(format!(
            "a robustness property needs finite values and a radius >= 0 (radius {eps})"
        )));
    }
    let (low, high) = clip.unwrap_or((f64::NEG_INFINITY, f64::INFINITY));
    if low.is_nan() || high.is_nan() || low > high {
        return Err(Error::Invalid(format!("empty input range [{low}, {high}]")));
    }
    let outputs = net.forward(point);
    let label = (0..outputs.len()).fold(
        0,
        |best, j| {
            if outputs[j] > outputs[best] {
                j
            } else {
                best
            }
        },
    );
    let runner_up = (0..outputs.len())
        .filter(|&j| j != label)
        .map(|j| outputs[j])
        .fold(f64::NEG_INFINITY, f64::max);
    // The ball, clipped; a point outside the range is moved into it first.
    let (input_lower, input_upper): (Vec<f64>, Vec<f64>) = point
        .iter()
        .map(|&v| {
            let v = v.clamp(low, high);
            ((v - eps).max(low), (v + eps).min(high))
        })
        .unzip();
    let cases = (0..outputs.len())
        .filter(|&j| j != label)
        .map(|j| {
            // Y_label - Y_j <= 0, terms sorted by index.
            let mut terms = vec![(label, 1.0), (j, -1.0)];
            terms.sort_by_key(|t| t.0);
            Case {
                input_lower: input_lower.clone(),
                input_upper: input_upper.clone(),
                input_constraints: Vec::new(),
                output_constraints: vec![LinearConstraint { terms, rhs: 0.0 }],
            }
        })
        .collect();
    Ok(Robustness {
        label,
        margin: outputs[label] - runner_up,
        property: Property {
            num_inputs: net.input_dim(),
            num_outputs: net.output_dim(),
            cases,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nn::{Activation, Layer};

    fn net() -> Network {
        // y = (x0 + x1, x0 - x1, 0.5)
        let layer = Layer::from_rows(
            &[vec![1.0, 1.0], vec![1.0, -1.0], vec![0.0, 0.0]],
            vec![0.0, 0.0, 0.5],
            Activation::Identity,
        )
        .expect("valid layer");
        Network::new(vec![layer]).expect("valid network")
    }

    #[test]
    fn cases_per_other_class_with_clipped_ball() {
        let r = local_robustness(&net(), &[0.9, 0.1], 0.2, Some((0.0, 1.0))).expect("valid");
        assert_eq!(r.label, 0);
        assert!((r.margin - 0.2).abs() < 1e-12, "1.0 - 0.8");
        assert_eq!(r.property.cases.len(), 2);
        let case = &r.property.cases[0];
        assert_eq!(case.input_lower, vec![0.7, 0.0]);
        assert!(
            (case.input_upper[0] - 1.0).abs() < 1e-12 && (case.input_upper[1] - 0.3).abs() < 1e-12
        );
        // The point itself is safe; x = (0.7, 0.3) gives y = (1.0, 0.4, 0.5): safe;
        // nothing in the box reaches x0 - x1 >= x0 + x1 unless x1 <= 0: x1 = 0 does.
        let y = net().forward(&[0.9, 0.1]);
        assert_eq!(r.property.violated_case(&[0.9, 0.1], &y, 0.0), None);
        let y = net().forward(&[0.8, 0.0]);
        assert_eq!(r.property.violated_case(&[0.8, 0.0], &y, 0.0), Some(0));
    }

    #[test]
    fn bad_arguments_are_errors() {
        assert!(local_robustness(&net(), &[0.5], 0.1, None).is_err());
        assert!(local_robustness(&net(), &[0.5, 0.5], -0.1, None).is_err());
        assert!(local_robustness(&net(), &[0.5, f64::NAN], 0.1, None).is_err());
        assert!(local_robustness(&net(), &[0.5, 0.5], 0.1, Some((1.0, 0.0))).is_err());
    }
}
