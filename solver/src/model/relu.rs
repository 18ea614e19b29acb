//! The ReLU structure of a MILP: which columns hold a network's inputs and outputs,
//! and for every unit its pre-activation, post-activation and activation indicator,
//! with the affine map that defines its pre-activation from other columns.
//!
//! The structure speaks of columns only, never of a network type: it is built by the
//! formulations (from a network, a training problem or a generator), read from the
//! JSON sidecar that `export` writes, or recovered from a model's rows
//! ([`super::detect_relu_structure`]); [`ReluStructure::validate`] checks one
//! against a model. Whatever its
//! source, the search uses it the same way; a forward pass through the affine maps
//! ([`ReluStructure::complete_point`]) completes a point from its input columns.

use serde::{Deserialize, Serialize};

/// An affine function `bias + sum coef * x[col]` of model columns.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Affine {
    /// Constant term.
    pub bias: f64,
    /// `(column, coefficient)` terms.
    pub terms: Vec<(usize, f64)>,
}

impl Affine {
    /// The value at `point` (one value per column).
    pub fn eval(&self, point: &[f64]) -> f64 {
        self.terms
            .iter()
            .fold(self.bias, |acc, &(c, a)| acc + a * point[c])
    }
}

/// One ReLU unit `post = max(0, pre)` of a network encoded in a MILP.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReluUnit {
    /// Layer index (0 = first hidden layer).
    pub layer: usize,
    /// Neuron index within the layer.
    pub neuron: usize,
    /// Sample index, for training MILPs with one copy of the network per sample.
    pub sample: Option<usize>,
    /// Column of the pre-activation value, when the model has one.
    pub pre: Option<usize>,
    /// Column of the post-activation value (the pre-activation column itself for a
    /// stably active unit; `None` for a stably inactive one, whose value is 0).
    pub post: Option<usize>,
    /// Column of the binary indicator (1 = active); `None` for stable units.
    pub indicator: Option<usize>,
    /// Bounds on the pre-activation used to build the formulation.
    pub pre_bounds: (f64, f64),
    /// The pre-activation as an affine function of model columns (the previous
    /// layer's post-activations and the inputs), when it is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affine: Option<Affine>,
}

/// A unit without activation (an identity layer or the output layer): its column
/// equals its affine map.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LinearUnit {
    /// Layer index (0 = first layer after the inputs).
    pub layer: usize,
    /// Neuron index within the layer.
    pub neuron: usize,
    /// Column holding the value.
    pub column: usize,
    /// The value as an affine function of model columns.
    pub affine: Affine,
}

/// The network structure of a MILP.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ReluStructure {
    /// The ReLU units, in layer order.
    pub units: Vec<ReluUnit>,
    /// Columns of the network inputs, in input order (empty when unknown).
    #[serde(default)]
    pub inputs: Vec<usize>,
    /// Columns of the network outputs, in output order (empty when unknown).
    #[serde(default)]
    pub outputs: Vec<usize>,
    /// Units without activation (identity layers and the output layer), in layer
    /// order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub linear: Vec<LinearUnit>,
}

impl ReluStructure {
    /// Number of units with an indicator binary (unstable neurons).
    pub fn num_unstable(&self) -> usize {
        self.units.iter().filter(|u| u.indicator.is_some()).count()
    }

    /// Number of layers (hidden and output) that hold some unit.
    pub fn num_layers(&self) -> usize {
        let relu = self.units.iter().map(|u| u.layer + 1).max().unwrap_or(0);
        let linear = self.linear.iter().map(|u| u.layer + 1).max().unwrap_or(0);
        relu.max(linear)
    }

    /// True when a forward pass can compute every unit from the inputs: inputs are
    /// known and every unit has an affine map.
    pub fn has_forward_pass(&self) -> bool {
        !self.inputs.is_empty() && self.units.iter().all(|u| u.affine.is_some())
    }

    /// Completes `point` by a forward pass from its input columns: every unit's
    /// pre-activation, post-activation and indicator column, and every linear
    /// unit's column, take the values the network computes. Layers are evaluated in
    /// order, so every affine map reads values of earlier layers. Returns `false`
    /// (leaving `point` partly updated) when the structure has no forward pass or a
    /// column index lies outside `point`.
    pub fn complete_point(&self, point: &mut [f64]) -> bool {
        if !self.has_forward_pass() {
            return false;
        }
        let len = point.len();
        let in_range = |a: &Affine| a.terms.iter().all(|&(c, _)| c < len);
        let (mut r, mut l) = (0, 0);
        while r < self.units.len() || l < self.linear.len() {
            let take_relu = match (self.units.get(r), self.linear.get(l)) {
                (Some(u), Some(v)) => u.layer <= v.layer,
                (Some(_), None) => true,
                _ => false,
            };
            if take_relu {
                let unit = &self.units[r];
                r += 1;
                let Some(affine) = unit.affine.as_ref().filter(|a| in_range(a)) else {
                    return false;
                };
                let pre = affine.eval(point);
                for (col, value) in [
                    (unit.pre, pre),
                    (unit.post, pre.max(0.0)),
                    (unit.indicator, if pre > 0.0 { 1.0 } else { 0.0 }),
                ] {
                    match col {
                        Some(c) if c < point.len() => point[c] = value,
                        Some(_) => return false,
                        None => {}
                    }
                }
            } else {
                let unit = &self.linear[l];
                l += 1;
                if !in_range(&unit.affine) || unit.column >= point.len() {
                    return false;
                }
                point[unit.column] = unit.affine.eval(point);
            }
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `h = max(0, x0 - x1)`, `y = 2 h + 1` over columns x0 = 0, x1 = 1, a = 2,
    /// h = 3, z = 4, y = 5.
    fn tiny() -> ReluStructure {
        ReluStructure {
            units: vec![ReluUnit {
                layer: 0,
                neuron: 0,
                sample: None,
                pre: Some(2),
                post: Some(3),
                indicator: Some(4),
                pre_bounds: (-1.0, 1.0),
                affine: Some(Affine {
                    bias: 0.0,
                    terms: vec![(0, 1.0), (1, -1.0)],
                }),
            }],
            inputs: vec![0, 1],
            outputs: vec![5],
            linear: vec![LinearUnit {
                layer: 1,
                neuron: 0,
                column: 5,
                affine: Affine {
                    bias: 1.0,
                    terms: vec![(3, 2.0)],
                },
            }],
        }
    }

    #[test]
    fn forward_pass_sets_every_column() {
        let s = tiny();
        let mut point = vec![0.75, 0.25, 9.0, 9.0, 9.0, 9.0];
        assert!(s.complete_point(&mut point));
        assert_eq!(point, vec![0.75, 0.25, 0.5, 0.5, 1.0, 2.0]);
        let mut point = vec![0.25, 0.75, 9.0, 9.0, 9.0, 9.0];
        assert!(s.complete_point(&mut point));
        assert_eq!(point, vec![0.25, 0.75, -0.5, 0.0, 0.0, 1.0]);
        assert_eq!(s.num_layers(), 2);
        assert_eq!(s.num_unstable(), 1);
    }

    #[test]
    fn incomplete_structures_refuse() {
        let mut s = tiny();
        s.units[0].affine = None;
        assert!(!s.complete_point(&mut [0.0; 6]));
        let s = tiny();
        assert!(!s.complete_point(&mut [0.0; 4]));
    }

    #[test]
    fn serde_round_trip() {
        let s = tiny();
        let text = serde_json::to_string(&s).expect("serialises");
        let back: ReluStructure = serde_json::from_str(&text).expect("parses");
        assert_eq!(back, s);
    }
}
