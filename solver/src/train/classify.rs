//! What every classification trainer shares: the seeded, stratified train/test split,
//! standardisation fitted on the training part, and folding that standardisation
//! back into the first layer so that a trained network reads raw features.

use super::metrics::accuracy;
use crate::data::{train_test_split, Dataset, Standardizer};
use crate::error::{Error, Result};
use crate::nn::{Activation, Layer, Network};
use crate::rng::SplitMix64;

/// A classification data set split into standardised train and test parts.
#[derive(Clone, Debug)]
pub struct ClassificationTask {
    /// Standardised training features.
    pub train_x: Vec<Vec<f64>>,
    /// Training labels.
    pub train_y: Vec<usize>,
    /// Standardised test features.
    pub test_x: Vec<Vec<f64>>,
    /// Test labels.
    pub test_y: Vec<usize>,
    /// Number of classes (outputs of the network).
    pub classes: usize,
    /// The standardisation fitted on the training part.
    pub standardizer: Standardizer,
}

impl ClassificationTask {
    /// Splits `data` (stratified, `test_fraction` of each class to the test part,
    /// reproducibly for `seed`) and standardises both parts with the training
    /// part's means and deviations.
    ///
    /// Fails with [`Error::Invalid`] when the targets are not class indices or the
    /// training part would be empty.
    pub fn new(data: &Dataset, test_fraction: f64, seed: u64) -> Result<Self> {
        let (labels, classes) = data.class_labels()?;
        if !(0.0..1.0).contains(&test_fraction) {
            return Err(Error::Invalid(format!(
                "the test fraction must be in [0, 1), got {test_fraction}"
            )));
        }
        let split = train_test_split(data.len(), Some(&labels), test_fraction, seed);
        if split.train.is_empty() {
            return Err(Error::Invalid(format!(
                "{}: no training samples",
                data.source
            )));
        }
        let train = data.subset(&split.train);
        let test = data.subset(&split.test);
        let standardizer = Standardizer::fit(&train);
        Ok(ClassificationTask {
            train_x: standardizer.apply(&train).features,
            train_y: split.train.iter().map(|&i| labels[i]).collect(),
            test_x: standardizer.apply(&test).features,
            test_y: split.test.iter().map(|&i| labels[i]).collect(),
            classes,
            standardizer,
        })
    }

    /// Number of input features.
    pub fn inputs(&self) -> usize {
        self.train_x.first().map_or(0, Vec::len)
    }

    /// Training and test accuracy of a network on standardised inputs.
    pub fn accuracies(&self, net: &Network) -> (f64, f64) {
        (
            accuracy(net, &self.train_x, &self.train_y),
            accuracy(net, &self.test_x, &self.test_y),
        )
    }

    /// The network on raw features: `x -> net((x - mean) / scale)`, folded into the
    /// first layer.
    pub fn raw_network(&self, net: &Network) -> Result<Network> {
        net.with_input_normalisation(&self.standardizer.mean, &self.standardizer.scale)
    }
}

/// Parameters of a dense network under training: per layer, row-major weights
/// (`out x in`) and biases. Hidden layers are ReLU layers, the last is affine.
#[derive(Clone, Debug, PartialEq)]
pub struct Params {
    /// Layer widths, input first, output last.
    pub widths: Vec<usize>,
    /// Weights of each layer, row-major `widths[k+1] x widths[k]`.
    pub weights: Vec<Vec<f64>>,
    /// Biases of each layer.
    pub biases: Vec<Vec<f64>>,
}

impl Params {
    /// Weights and biases drawn uniformly from `[-limit_k, limit_k]`, where
    /// `limit(fan_in, fan_out)` gives each layer's limit; biases are drawn from the
    /// same range when `random_bias`, zero otherwise.
    pub fn random(
        widths: &[usize],
        seed: u64,
        random_bias: bool,
        limit: impl Fn(usize, usize) -> f64,
    ) -> Params {
        let mut rng = SplitMix64::new(seed);
        let mut weights = Vec::new();
        let mut biases = Vec::new();
        for k in 0..widths.len().saturating_sub(1) {
            let (n_in, n_out) = (widths[k], widths[k + 1]);
            let a = limit(n_in, n_out);
            weights.push((0..n_in * n_out).map(|_| rng.uniform(-a, a)).collect());
            biases.push(
                (0..n_out)
                    .map(|_| if random_bias { rng.uniform(-a, a) } else { 0.0 })
                    .collect(),
            );
        }
        Params {
            widths: widths.to_vec(),
            weights,
            biases,
        }
    }

    /// The same classifier with every weight and bias in `[-1, 1]`: each hidden
    /// neuron's weights and bias are divided by their largest magnitude and the
    /// weights leaving it multiplied by it (a ReLU commutes with a positive factor,
    /// so the network computes the same function), and the output layer is divided
    /// by its largest magnitude when that exceeds one (the outputs shrink by a
    /// positive factor: the predicted class of every input stays).
    pub fn rescaled_into_unit_box(&self) -> Params {
        let mut out = self.clone();
        let last = out.num_layers().saturating_sub(1);
        for k in 0..last {
            let (n_in, n_out) = (out.widths[k], out.widths[k + 1]);
            for i in 0..n_out {
                let row = &mut out.weights[k][i * n_in..(i + 1) * n_in];
                let m = row
                    .iter()
                    .fold(out.biases[k][i].abs(), |m, w| m.max(w.abs()));
                if m <= 0.0 || !m.is_finite() {
                    continue;
                }
                row.iter_mut().for_each(|w| *w /= m);
                out.biases[k][i] /= m;
                let next_in = out.widths[k + 1];
                for r in 0..out.widths[k + 2] {
                    out.weights[k + 1][r * next_in + i] *= m;
                }
            }
        }
        if let (Some(w), Some(b)) = (out.weights.last_mut(), out.biases.last_mut()) {
            let m = w.iter().chain(b.iter()).fold(0.0f64, |m, v| m.max(v.abs()));
            if m > 1.0 && m.is_finite() {
                w.iter_mut().chain(b.iter_mut()).for_each(|v| *v /= m);
            }
        }
        out
    }

    /// Number of layers (affine maps).
    pub fn num_layers(&self) -> usize {
        self.weights.len()
    }

    /// The network of these parameters (ReLU hidden layers, affine output layer).
    pub fn network(&self) -> Result<Network> {
        let last = self.num_layers().saturating_sub(1);
        let layers = (0..self.num_layers())
            .map(|k| {
                let act = if k == last {
                    Activation::Identity
                } else {
                    Activation::Relu
                };
                Layer::new(
                    self.weights[k].clone(),
                    self.biases[k].clone(),
                    self.widths[k],
                    act,
                )
            })
            .collect::<Result<Vec<_>>>()?;
        Network::new(layers)
    }
}

/// Layer widths `inputs, hidden..., classes`, refusing empty layers.
pub fn widths(inputs: usize, hidden: &[usize], classes: usize) -> Result<Vec<usize>> {
    if hidden.contains(&0) {
        return Err(Error::Invalid(
            "every hidden layer needs at least one neuron".into(),
        ));
    }
    let mut w = vec![inputs];
    w.extend_from_slice(hidden);
    w.push(classes);
    Ok(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rescaling_into_the_unit_box_keeps_every_prediction() {
        let widths = [3, 5, 4, 3];
        let params = Params::random(&widths, 7, true, |_, _| 4.0);
        let scaled = params.rescaled_into_unit_box();
        assert!(scaled
            .weights
            .iter()
            .chain(&scaled.biases)
            .flatten()
            .all(|v| v.abs() <= 1.0 + 1e-12));
        let (a, b) = (params.network().unwrap(), scaled.network().unwrap());
        let mut rng = SplitMix64::new(3);
        for _ in 0..200 {
            let x: Vec<f64> = (0..3).map(|_| rng.uniform(-2.0, 2.0)).collect();
            let (ya, yb) = (a.forward(&x), b.forward(&x));
            // The same outputs up to one positive factor.
            let factor = ya.iter().zip(&yb).find(|(p, _)| p.abs() > 1e-9);
            let Some((p, q)) = factor else { continue };
            let ratio = q / p;
            assert!(ratio > 0.0, "{ya:?} {yb:?}");
            for (p, q) in ya.iter().zip(&yb) {
                assert!(
                    (p * ratio - q).abs() <= 1e-9 * (1.0 + q.abs()),
                    "{ya:?} {yb:?}"
                );
            }
        }
    }
}
