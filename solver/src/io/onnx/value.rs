//! The value of a tensor during graph evaluation: a constant, or an affine
//! function of the network input.

use super::symbolic::Affine;
use super::tensor::{element_count, Tensor};

/// Why an operator could not be evaluated; the graph walker adds the file and node.
#[derive(Debug)]
pub(crate) enum OpError {
    /// A valid model that uses something the loader does not support.
    Unsupported(String),
    /// A model that breaks the ONNX rules (shapes, missing inputs, bad values).
    Invalid(String),
}

/// Shorthand for an [`OpError::Unsupported`].
pub(crate) fn unsupported<T>(msg: impl Into<String>) -> Result<T, OpError> {
    Err(OpError::Unsupported(msg.into()))
}

/// Shorthand for an [`OpError::Invalid`].
pub(crate) fn invalid<T>(msg: impl Into<String>) -> Result<T, OpError> {
    Err(OpError::Invalid(msg.into()))
}

/// A tensor during evaluation.
#[derive(Clone, Debug)]
pub(crate) enum Value {
    /// Known values (initializers, `Constant` nodes and what is computed from them).
    Const(Tensor),
    /// Values that depend on the network input: element `i` (row-major) of a tensor
    /// of shape `shape` is element `i` of `map`.
    Var {
        /// Tensor shape; its element count is `map.len()`.
        shape: Vec<usize>,
        /// The affine function of the current base.
        map: Affine,
    },
}

impl Value {
    /// The tensor's shape.
    pub fn dims(&self) -> &[usize] {
        match self {
            Value::Const(t) => &t.dims,
            Value::Var { shape, .. } => shape,
        }
    }

    /// The same elements under a new shape with the same element count.
    pub fn reshaped(&self, dims: Vec<usize>) -> Result<Value, OpError> {
        let old = element_count(self.dims());
        if element_count(&dims) != old {
            return invalid(format!(
                "cannot reshape {:?} to {:?}: element counts differ",
                self.dims(),
                dims
            ));
        }
        Ok(match self {
            Value::Const(t) => Value::Const(Tensor::new(dims, t.data.clone())),
            Value::Var { map, .. } => Value::Var {
                shape: dims,
                map: map.clone(),
            },
        })
    }
}

impl From<String> for OpError {
    fn from(msg: String) -> Self {
        OpError::Invalid(msg)
    }
}
