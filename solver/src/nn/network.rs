//! A feed-forward network: a chain of dense layers.

use super::layer::{Activation, Layer};
use crate::error::{Error, Result};

/// The values of one layer in a forward pass.
#[derive(Clone, Debug, PartialEq)]
pub struct LayerValues {
    /// `W x + b`, before the activation.
    pub pre: Vec<f64>,
    /// The activation applied to `pre`: the layer's output.
    pub post: Vec<f64>,
}

/// A feed-forward network `f = L_k ∘ ... ∘ L_1` of dense layers.
///
/// Invariants (checked by [`Network::new`]): at least one layer; the input
/// dimension of each layer is the output dimension of the one before; no layer but
/// the last has the identity activation (such layers are merged into the next one,
/// so every hidden layer is a layer of ReLUs).
#[derive(Clone, Debug, PartialEq)]
pub struct Network {
    layers: Vec<Layer>,
}

impl Network {
    /// Builds a network from its layers, first to last.
    ///
    /// A layer with the identity activation followed by another layer is merged into
    /// it (`W2 (W1 x + b1) + b2`), so the result may have fewer layers than given.
    /// Fails with [`Error::Invalid`] if there is no layer or two consecutive layers
    /// do not fit.
    pub fn new(layers: Vec<Layer>) -> Result<Network> {
        if layers.is_empty() {
            return Err(Error::Invalid("network without layers".to_string()));
        }
        for (k, pair) in layers.windows(2).enumerate() {
            if pair[0].output_dim() != pair[1].input_dim() {
                return Err(Error::Invalid(format!(
                    "layer {k} has {} outputs but layer {} has {} inputs",
                    pair[0].output_dim(),
                    k + 1,
                    pair[1].input_dim()
                )));
            }
        }
        let mut merged: Vec<Layer> = Vec::with_capacity(layers.len());
        for layer in layers {
            match merged.last() {
                Some(prev) if prev.activation() == Activation::Identity => {
                    let combined = layer.compose_after(prev)?;
                    merged.pop();
                    merged.push(combined);
                }
                _ => merged.push(layer),
            }
        }
        Ok(Network { layers: merged })
    }

    /// The layers, first to last.
    pub fn layers(&self) -> &[Layer] {
        &self.layers
    }

    /// Consumes the network and returns its layers.
    pub fn into_layers(self) -> Vec<Layer> {
        self.layers
    }

    /// Number of inputs.
    pub fn input_dim(&self) -> usize {
        self.layers[0].input_dim()
    }

    /// Number of outputs.
    pub fn output_dim(&self) -> usize {
        self.layers[self.layers.len() - 1].output_dim()
    }

    /// Total number of ReLU neurons.
    pub fn num_relus(&self) -> usize {
        self.layers
            .iter()
            .filter(|l| l.activation() == Activation::Relu)
            .map(Layer::output_dim)
            .sum()
    }

    /// The network's output on `x`, computed in `f64`.
    ///
    /// # Panics
    /// If `x.len() != input_dim()`.
    pub fn forward(&self, x: &[f64]) -> Vec<f64> {
        let mut v = self.layers[0].apply(x);
        for layer in &self.layers[1..] {
            v = layer.apply(&v);
        }
        v
    }

    /// The pre- and post-activation values of every layer on `x`, first to last.
    /// The last entry's `post` is [`Network::forward`]'s result.
    ///
    /// # Panics
    /// If `x.len() != input_dim()`.
    pub fn forward_all_layers(&self, x: &[f64]) -> Vec<LayerValues> {
        let mut values: Vec<LayerValues> = Vec::with_capacity(self.layers.len());
        for layer in &self.layers {
            let input = values.last().map_or(x, |v| v.post.as_slice());
            let pre = layer.pre_activation(input);
            let post = pre.iter().map(|&v| layer.activation().apply(v)).collect();
            values.push(LayerValues { pre, post });
        }
        values
    }

    /// The network `x -> self((x - mean) / range)`: an input normalisation folded
    /// into the first layer (`W' = W diag(1/range)`, `b' = b - W (mean/range)`).
    ///
    /// Fails with [`Error::Invalid`] on a length mismatch or a `range` entry that is
    /// zero or not finite.
    pub fn with_input_normalisation(&self, mean: &[f64], range: &[f64]) -> Result<Network> {
        let n = self.input_dim();
        check_vector("input mean", mean, n)?;
        check_vector("input range", range, n)?;
        if let Some(j) = range.iter().position(|&r| r == 0.0) {
            return Err(Error::Invalid(format!("input range {j} is zero")));
        }
        let first = &self.layers[0];
        let mut weights = first.weights().to_vec();
        let mut bias = first.bias().to_vec();
        for (row, b) in weights.chunks_exact_mut(n).zip(&mut bias) {
            for ((w, m), r) in row.iter_mut().zip(mean).zip(range) {
                *w /= r;
                *b -= *w * m;
            }
        }
        let mut layers = self.layers.clone();
        layers[0] = Layer::new(weights, bias, n, first.activation())?;
        Network::new(layers)
    }

    /// The network `x -> self(x) * scale + offset` (elementwise): an output scaling
    /// folded into the last layer, or appended as a diagonal layer if the last layer
    /// has a ReLU.
    ///
    /// Fails with [`Error::Invalid`] on a length mismatch or a value that is not
    /// finite.
    pub fn with_output_scaling(&self, scale: &[f64], offset: &[f64]) -> Result<Network> {
        let m = self.output_dim();
        check_vector("output scale", scale, m)?;
        check_vector("output offset", offset, m)?;
        let mut diagonal = vec![0.0; m * m];
        for (i, s) in scale.iter().enumerate() {
            diagonal[i * m + i] = *s;
        }
        let mut layers = self.layers.clone();
        layers.push(Layer::new(
            diagonal,
            offset.to_vec(),
            m,
            Activation::Identity,
        )?);
        Network::new(layers)
    }
}

fn check_vector(what: &str, v: &[f64], len: usize) -> Result<()> {
    if v.len() != len {
        return Err(Error::Invalid(format!(
            "{what} has {} entries, expected {len}",
            v.len()
        )));
    }
    if let Some(i) = v.iter().position(|x| !x.is_finite()) {
        return Err(Error::Invalid(format!(
            "{what} entry {i} is not finite: {}",
            v[i]
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layer(rows: &[Vec<f64>], bias: Vec<f64>, act: Activation) -> Layer {
        Layer::from_rows(rows, bias, act).unwrap()
    }

    fn small() -> Network {
        Network::new(vec![
            layer(
                &[vec![1.0, -1.0], vec![0.5, 2.0], vec![-1.0, 0.0]],
                vec![0.0, -1.0, 0.25],
                Activation::Relu,
            ),
            layer(&[vec![1.0, 1.0, -2.0]], vec![0.5], Activation::Identity),
        ])
        .unwrap()
    }

    #[test]
    fn forward_and_all_layers_agree() {
        let net = small();
        assert_eq!(net.input_dim(), 2);
        assert_eq!(net.output_dim(), 1);
        assert_eq!(net.num_relus(), 3);
        let x = [1.0, 0.5];
        // pre1 = [0.5, 0.5, -0.75], post1 = [0.5, 0.5, 0], out = 1.5
        let all = net.forward_all_layers(&x);
        assert_eq!(all[0].pre, vec![0.5, 0.5, -0.75]);
        assert_eq!(all[0].post, vec![0.5, 0.5, 0.0]);
        assert_eq!(all[1].post, vec![1.5]);
        assert_eq!(net.forward(&x), vec![1.5]);
    }

    #[test]
    fn new_rejects_mismatch_and_empty() {
        assert!(Network::new(vec![]).is_err());
        let a = layer(&[vec![1.0, 1.0]], vec![0.0], Activation::Relu);
        let b = layer(&[vec![1.0, 1.0]], vec![0.0], Activation::Relu);
        assert!(matches!(Network::new(vec![a, b]), Err(Error::Invalid(_))));
    }

    #[test]
    fn consecutive_affine_layers_are_merged() {
        let net = Network::new(vec![
            layer(
                &[vec![2.0, 0.0], vec![1.0, 1.0]],
                vec![1.0, 0.0],
                Activation::Identity,
            ),
            layer(&[vec![1.0, -1.0]], vec![3.0], Activation::Relu),
            layer(&[vec![2.0]], vec![0.0], Activation::Identity),
            layer(&[vec![-1.0]], vec![1.0], Activation::Identity),
        ])
        .unwrap();
        assert_eq!(net.layers().len(), 2);
        assert_eq!(net.layers()[0].weights(), &[1.0, -1.0]);
        assert_eq!(net.layers()[0].bias(), &[4.0]);
        assert_eq!(net.layers()[1].weights(), &[-2.0]);
        assert_eq!(net.layers()[1].bias(), &[1.0]);
        // x = (1, 5): first = (3, 6), relu(3 - 6 + 3) = 0, out = 1;
        // x = (4, 0): first = (9, 4), relu(9 - 4 + 3) = 8, out = -16 + 1
        assert_eq!(net.forward(&[1.0, 5.0]), vec![1.0]);
        assert_eq!(net.forward(&[4.0, 0.0]), vec![-15.0]);
    }

    #[test]
    fn normalisation_folds_into_first_and_last_layer() {
        let net = small();
        let mean = [1.0, -2.0];
        let range = [2.0, 4.0];
        let folded = net
            .with_input_normalisation(&mean, &range)
            .unwrap()
            .with_output_scaling(&[3.0], &[0.5])
            .unwrap();
        assert_eq!(folded.layers().len(), 2);
        for x in [[0.0, 0.0], [3.0, 1.0], [-2.0, 5.0]] {
            let xn = [(x[0] - mean[0]) / range[0], (x[1] - mean[1]) / range[1]];
            let expected = net.forward(&xn)[0] * 3.0 + 0.5;
            assert!((folded.forward(&x)[0] - expected).abs() < 1e-12);
        }
        assert!(net.with_input_normalisation(&mean, &[1.0, 0.0]).is_err());
        assert!(net.with_output_scaling(&[1.0, 2.0], &[0.0, 0.0]).is_err());
    }

    #[test]
    fn output_scaling_after_relu_adds_a_layer() {
        let net = Network::new(vec![layer(&[vec![1.0]], vec![0.0], Activation::Relu)]).unwrap();
        let scaled = net.with_output_scaling(&[2.0], &[1.0]).unwrap();
        assert_eq!(scaled.layers().len(), 2);
        assert_eq!(scaled.forward(&[-1.0]), vec![1.0]);
        assert_eq!(scaled.forward(&[2.0]), vec![5.0]);
    }
}
