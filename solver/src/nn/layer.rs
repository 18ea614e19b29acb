//! One layer of a network: a dense affine map followed by an activation.

use crate::error::{Error, Result};

/// The elementwise function applied after a layer's affine map.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Activation {
    /// `max(0, v)`.
    Relu,
    /// No activation: the layer is purely affine.
    Identity,
}

impl Activation {
    /// Applies the activation to one value.
    pub fn apply(self, v: f64) -> f64 {
        match self {
            Activation::Relu => v.max(0.0),
            Activation::Identity => v,
        }
    }
}

/// A dense layer `post = act(W pre_input + b)`.
///
/// `W` has `output_dim` rows and `input_dim` columns and is stored row-major: the
/// weight from input `j` to output `i` is `weights()[i * input_dim + j]`. All
/// values are finite.
#[derive(Clone, Debug, PartialEq)]
pub struct Layer {
    weights: Vec<f64>,
    bias: Vec<f64>,
    input_dim: usize,
    activation: Activation,
}

impl Layer {
    /// Builds a layer from row-major weights (`bias.len()` rows of `input_dim`
    /// columns), a bias and an activation.
    ///
    /// Fails with [`Error::Invalid`] if a dimension is zero, the weight count is
    /// not `bias.len() * input_dim`, or a value is not finite.
    pub fn new(
        weights: Vec<f64>,
        bias: Vec<f64>,
        input_dim: usize,
        activation: Activation,
    ) -> Result<Layer> {
        let output_dim = bias.len();
        if input_dim == 0 || output_dim == 0 {
            return Err(Error::Invalid(format!(
                "layer with zero dimension ({output_dim} outputs x {input_dim} inputs)"
            )));
        }
        let expected = output_dim.checked_mul(input_dim);
        if expected != Some(weights.len()) {
            return Err(Error::Invalid(format!(
                "layer with {output_dim} outputs and {input_dim} inputs needs {} weights, got {}",
                output_dim.saturating_mul(input_dim),
                weights.len()
            )));
        }
        if let Some(k) = weights.iter().position(|w| !w.is_finite()) {
            return Err(Error::Invalid(format!(
                "layer weight ({}, {}) is not finite: {}",
                k / input_dim,
                k % input_dim,
                weights[k]
            )));
        }
        if let Some(i) = bias.iter().position(|b| !b.is_finite()) {
            return Err(Error::Invalid(format!(
                "layer bias {i} is not finite: {}",
                bias[i]
            )));
        }
        Ok(Layer {
            weights,
            bias,
            input_dim,
            activation,
        })
    }

    /// Builds a layer from one weight row per output neuron.
    ///
    /// Fails like [`Layer::new`], and if the rows differ in length.
    pub fn from_rows(rows: &[Vec<f64>], bias: Vec<f64>, activation: Activation) -> Result<Layer> {
        let input_dim = rows.first().map_or(0, Vec::len);
        if rows.len() != bias.len() {
            return Err(Error::Invalid(format!(
                "layer has {} weight rows but {} biases",
                rows.len(),
                bias.len()
            )));
        }
        if let Some(i) = rows.iter().position(|r| r.len() != input_dim) {
            return Err(Error::Invalid(format!(
                "layer weight row {i} has {} entries, row 0 has {input_dim}",
                rows[i].len()
            )));
        }
        Layer::new(rows.concat(), bias, input_dim, activation)
    }

    /// Number of inputs (columns of `W`).
    pub fn input_dim(&self) -> usize {
        self.input_dim
    }

    /// Number of outputs (rows of `W`, neurons).
    pub fn output_dim(&self) -> usize {
        self.bias.len()
    }

    /// The weights, row-major (`output_dim` rows of `input_dim`).
    pub fn weights(&self) -> &[f64] {
        &self.weights
    }

    /// The weights into output neuron `i`.
    ///
    /// # Panics
    /// If `i >= output_dim()`.
    pub fn row(&self, i: usize) -> &[f64] {
        &self.weights[i * self.input_dim..(i + 1) * self.input_dim]
    }

    /// The weight from input `j` to output `i`.
    ///
    /// # Panics
    /// If `i` or `j` is out of range.
    pub fn weight(&self, i: usize, j: usize) -> f64 {
        assert!(j < self.input_dim, "input index {j} out of range");
        self.weights[i * self.input_dim + j]
    }

    /// The bias, one value per output neuron.
    pub fn bias(&self) -> &[f64] {
        &self.bias
    }

    /// The activation applied after the affine map.
    pub fn activation(&self) -> Activation {
        self.activation
    }

    /// The affine part `W x + b` (the pre-activation values).
    ///
    /// # Panics
    /// If `x.len() != input_dim()`.
    pub fn pre_activation(&self, x: &[f64]) -> Vec<f64> {
        assert_eq!(x.len(), self.input_dim, "layer input has the wrong length");
        self.weights
            .chunks_exact(self.input_dim)
            .zip(&self.bias)
            .map(|(row, b)| row.iter().zip(x).map(|(w, v)| w * v).sum::<f64>() + b)
            .collect()
    }

    /// The layer's output `act(W x + b)`.
    ///
    /// # Panics
    /// If `x.len() != input_dim()`.
    pub fn apply(&self, x: &[f64]) -> Vec<f64> {
        let mut v = self.pre_activation(x);
        for value in &mut v {
            *value = self.activation.apply(*value);
        }
        v
    }

    /// The affine layer `self ∘ inner` for an `inner` layer without activation:
    /// weights `W_self W_inner`, bias `W_self b_inner + b_self`, activation of `self`.
    pub(crate) fn compose_after(&self, inner: &Layer) -> Result<Layer> {
        debug_assert_eq!(inner.activation, Activation::Identity);
        debug_assert_eq!(inner.output_dim(), self.input_dim);
        let (n_out, n_mid, n_in) = (self.output_dim(), self.input_dim, inner.input_dim);
        let mut weights = vec![0.0; n_out * n_in];
        let mut bias = self.bias.clone();
        for i in 0..n_out {
            let out_row = &mut weights[i * n_in..(i + 1) * n_in];
            for k in 0..n_mid {
                let w = self.weights[i * n_mid + k];
                if w == 0.0 {
                    continue;
                }
                for (o, v) in out_row.iter_mut().zip(inner.row(k)) {
                    *o += w * v;
                }
                bias[i] += w * inner.bias[k];
            }
        }
        Layer::new(weights, bias, n_in, self.activation)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_validates_dimensions_and_values() {
        assert!(Layer::new(vec![1.0; 6], vec![0.0; 2], 3, Activation::Relu).is_ok());
        assert!(matches!(
            Layer::new(vec![1.0; 5], vec![0.0; 2], 3, Activation::Relu),
            Err(Error::Invalid(_))
        ));
        assert!(Layer::new(vec![], vec![], 3, Activation::Relu).is_err());
        assert!(Layer::new(vec![f64::NAN], vec![0.0], 1, Activation::Relu).is_err());
        assert!(Layer::new(vec![1.0], vec![f64::INFINITY], 1, Activation::Relu).is_err());
        assert!(
            Layer::from_rows(&[vec![1.0], vec![1.0, 2.0]], vec![0.0; 2], Activation::Relu).is_err()
        );
    }

    #[test]
    fn apply_computes_relu_of_affine() {
        let l = Layer::from_rows(
            &[vec![1.0, -1.0], vec![2.0, 0.5]],
            vec![0.5, -10.0],
            Activation::Relu,
        )
        .unwrap();
        assert_eq!(l.pre_activation(&[1.0, 2.0]), vec![-0.5, -7.0]);
        assert_eq!(l.apply(&[1.0, 2.0]), vec![0.0, 0.0]);
        assert_eq!(l.apply(&[4.0, 2.0]), vec![2.5, 0.0]);
        assert_eq!(l.weight(1, 0), 2.0);
        assert_eq!(l.row(1), &[2.0, 0.5]);
    }
}
