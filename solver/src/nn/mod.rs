//! The network intermediate representation: every loader produces a [`Network`] and
//! the rest of the solver reads networks only through it.
//!
//! A network is a chain of dense [`Layer`]s, each an affine map followed by an
//! [`Activation`] (ReLU or identity). Hidden layers are always ReLU layers: affine
//! layers without activation between them are merged when the network is built.
//! Input normalisation and output scaling are folded into the first and last layer
//! ([`Network::with_input_normalisation`], [`Network::with_output_scaling`]), so a
//! network is always a plain function of the raw input.
//!
//! Properties to verify on a network (input region and unsafe output region) are in
//! [`property`]; local robustness properties of classifiers are built by
//! [`robustness::local_robustness`].

pub mod attack;
mod layer;
mod network;
pub mod property;
pub mod robustness;

pub use layer::{Activation, Layer};
pub use network::{LayerValues, Network};
