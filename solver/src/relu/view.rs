//! A ReLU structure compiled to a layered network over the model's columns, so that
//! the bound machinery of [`crate::bounds`] (interval and symbolic
//! back-substitution) runs on it.
//!
//! The compilation succeeds when the structure is a plain feed-forward network:
//! units of one layer are all ReLUs or all linear, neurons are numbered `0..n`, and
//! every affine map reads only the previous layer's post-activations (the inputs for
//! layer 0). Training MILPs (weights as columns) and structures with skip
//! connections do not compile; the search then uses the structure only for its
//! forward pass.

use crate::model::{Affine, ReluStructure};
use crate::nn::{Activation, Layer, Network};
use std::collections::HashMap;

/// The model columns of one neuron of the view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NeuronColumns {
    /// Pre-activation column (the value column of a linear neuron).
    pub pre: Option<usize>,
    /// Post-activation column (`None` for a stably inactive ReLU).
    pub post: Option<usize>,
    /// Activation indicator (`None` for stable and linear neurons).
    pub indicator: Option<usize>,
    /// Index of the unit in [`ReluStructure::units`] (`None` for linear neurons).
    pub unit: Option<usize>,
}

/// A ReLU structure as a layered network.
#[derive(Clone, Debug)]
pub struct NetworkView {
    /// The network: layer `k`'s weights are the affine maps of the structure's
    /// layer `k`.
    pub net: Network,
    /// Input columns, in input order.
    pub inputs: Vec<usize>,
    /// Per layer, per neuron: its columns.
    pub layers: Vec<Vec<NeuronColumns>>,
    /// `(layer, neuron)` of every column that is a neuron's pre-activation,
    /// post-activation or indicator.
    by_column: HashMap<usize, (usize, usize)>,
}

/// One neuron while compiling: its columns, affine map and activation.
struct Pending<'s> {
    neuron: usize,
    columns: NeuronColumns,
    affine: &'s Affine,
    relu: bool,
}

impl NetworkView {
    /// Compiles `structure` (for a model with `num_cols` columns); `None` when it is
    /// not a plain feed-forward network (see the module documentation).
    pub fn new(structure: &ReluStructure, num_cols: usize) -> Option<NetworkView> {
        if structure.inputs.is_empty() || structure.inputs.iter().any(|&c| c >= num_cols) {
            return None;
        }
        let num_layers = structure.num_layers();
        let mut pending: Vec<Vec<Pending<'_>>> = (0..num_layers).map(|_| Vec::new()).collect();
        for (index, unit) in structure.units.iter().enumerate() {
            if unit.sample.is_some() {
                return None;
            }
            pending[unit.layer].push(Pending {
                neuron: unit.neuron,
                columns: NeuronColumns {
                    pre: unit.pre,
                    post: unit.post,
                    indicator: unit.indicator,
                    unit: Some(index),
                },
                affine: unit.affine.as_ref()?,
                relu: true,
            });
        }
        for unit in &structure.linear {
            pending[unit.layer].push(Pending {
                neuron: unit.neuron,
                columns: NeuronColumns {
                    pre: Some(unit.column),
                    post: Some(unit.column),
                    indicator: None,
                    unit: None,
                },
                affine: &unit.affine,
                relu: false,
            });
        }
        // Sources of layer 0: the inputs.
        let mut sources: HashMap<usize, usize> = structure
            .inputs
            .iter()
            .enumerate()
            .map(|(i, &c)| (c, i))
            .collect();
        if sources.len() != structure.inputs.len() {
            return None;
        }
        let mut width = structure.inputs.len();
        let mut layers = Vec::with_capacity(num_layers);
        let mut net_layers = Vec::with_capacity(num_layers);
        let mut by_column = HashMap::new();
        for (k, mut neurons) in pending.into_iter().enumerate() {
            neurons.sort_by_key(|p| p.neuron);
            let relu = neurons.first()?.relu;
            if neurons
                .iter()
                .enumerate()
                .any(|(i, p)| p.neuron != i || p.relu != relu)
            {
                return None;
            }
            let mut rows = Vec::with_capacity(neurons.len());
            let mut bias = Vec::with_capacity(neurons.len());
            for p in &neurons {
                let mut row = vec![0.0; width];
                for &(c, w) in &p.affine.terms {
                    row[*sources.get(&c)?] += w;
                }
                if !(p.affine.bias.is_finite() && row.iter().all(|w| w.is_finite())) {
                    return None;
                }
                rows.push(row);
                bias.push(p.affine.bias);
            }
            let activation = if relu {
                Activation::Relu
            } else {
                Activation::Identity
            };
            net_layers.push(Layer::from_rows(&rows, bias, activation).ok()?);
            sources.clear();
            for (i, p) in neurons.iter().enumerate() {
                let cols = p.columns;
                for c in [cols.pre, cols.post, cols.indicator].into_iter().flatten() {
                    if c >= num_cols {
                        return None;
                    }
                    by_column.insert(c, (k, i));
                }
                if let Some(post) = cols.post {
                    sources.insert(post, i);
                }
            }
            width = neurons.len();
            layers.push(neurons.iter().map(|p| p.columns).collect());
        }
        Some(NetworkView {
            net: Network::new(net_layers).ok()?,
            inputs: structure.inputs.clone(),
            layers,
            by_column,
        })
    }

    /// `(layer, neuron)` of a column that belongs to a neuron.
    pub fn neuron_of(&self, column: usize) -> Option<(usize, usize)> {
        self.by_column.get(&column).copied()
    }

    /// Output columns (the last layer's value columns).
    pub fn output_columns(&self) -> Vec<Option<usize>> {
        self.layers
            .last()
            .map(|l| l.iter().map(|n| n.post).collect())
            .unwrap_or_default()
    }

    /// Number of ReLU neurons with an indicator.
    pub fn num_unstable(&self) -> usize {
        self.layers
            .iter()
            .flatten()
            .filter(|n| n.indicator.is_some())
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::relu_bigm;
    use crate::rng::SplitMix64;

    /// The view's forward pass agrees with the structure's on random inputs.
    #[test]
    fn view_computes_what_the_structure_computes() {
        let model = relu_bigm(&[4, 9, 7, 3], 5);
        let structure = model.relu.as_ref().expect("structure");
        let view = NetworkView::new(structure, model.num_cols()).expect("compiles");
        assert_eq!(view.net.input_dim(), 4);
        assert_eq!(view.net.output_dim(), 3);
        assert_eq!(view.layers.len(), 3);
        let mut rng = SplitMix64::new(1);
        for _ in 0..10 {
            let mut point = vec![0.0; model.num_cols()];
            let x: Vec<f64> = (0..4).map(|_| rng.uniform(-1.0, 1.0)).collect();
            for (&c, &v) in view.inputs.iter().zip(&x) {
                point[c] = v;
            }
            assert!(structure.complete_point(&mut point));
            let y = view.net.forward(&x);
            for (col, value) in view.output_columns().iter().zip(&y) {
                let col = col.expect("output column");
                assert!((point[col] - value).abs() < 1e-12);
            }
        }
    }

    #[test]
    fn structures_without_inputs_do_not_compile() {
        let model = relu_bigm(&[2, 3, 2], 1);
        let mut structure = model.relu.clone().expect("structure");
        structure.inputs.clear();
        assert!(NetworkView::new(&structure, model.num_cols()).is_none());
    }
}
