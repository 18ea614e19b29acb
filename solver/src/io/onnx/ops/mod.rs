//! Evaluation of the supported operators on [`Value`]s.
//!
//! Supported: `Gemm`, `MatMul`, `Add`, `Sub`, `Mul`, `Div` (with at most one
//! input-dependent operand for `Mul`, only a constant divisor for `Div`), `Relu`,
//! `Flatten`, `Reshape`, `Identity` and `Constant`.

mod arith;
mod attributes;
mod matmul;
mod shape;

use super::proto::NodeProto;
use super::symbolic::{Affine, SKIP_CONNECTION};
use super::tensor::Tensor;
use super::value::{invalid, unsupported, OpError, Value};
use crate::nn::{Activation, Layer};
use arith::BinaryOp;
use attributes::Attributes;

/// Largest total number of weights of the layers the loader builds. Weights stored
/// in the file are bounded by its size, but a layer built from a diagonal map (a
/// `Relu` right after the input or another `Relu`) is a dense `n x n` matrix that
/// the file does not hold: a few hundred bytes of `Relu` nodes on a wide input
/// would otherwise ask for gigabytes.
pub(crate) const MAX_NETWORK_WEIGHTS: usize = 1 << 25;

/// The ReLU layers built so far while walking the graph.
#[derive(Debug)]
pub(crate) struct Builder {
    /// The ReLU layers, first to last.
    pub layers: Vec<Layer>,
    /// Dimension of the current base (network input, or the last layer's output).
    pub base_dim: usize,
    /// Weights of the layers built so far (at most [`MAX_NETWORK_WEIGHTS`]).
    weights: usize,
}

impl Builder {
    /// Starts with the network input as base.
    pub fn new(input_dim: usize) -> Builder {
        Builder {
            layers: Vec::new(),
            base_dim: input_dim,
            weights: 0,
        }
    }

    /// Counts the weights of a layer of `rows` units on `cols` inputs against
    /// [`MAX_NETWORK_WEIGHTS`], before the layer is built.
    pub fn reserve_weights(&mut self, rows: usize, cols: usize) -> Result<(), String> {
        match rows
            .checked_mul(cols)
            .and_then(|n| n.checked_add(self.weights))
        {
            Some(total) if total <= MAX_NETWORK_WEIGHTS => {
                self.weights = total;
                Ok(())
            }
            _ => Err(format!(
                "a layer of {rows} x {cols} weights takes the network beyond \
                 {MAX_NETWORK_WEIGHTS} weights"
            )),
        }
    }

    /// Identifier of the current base: the number of ReLU layers built.
    pub fn base(&self) -> usize {
        self.layers.len()
    }

    /// Emits the ReLU layer `max(0, map)` and returns the identity on its output.
    fn relu(&mut self, map: &Affine) -> Result<Affine, OpError> {
        if map.base != self.base() {
            return unsupported(SKIP_CONNECTION);
        }
        self.reserve_weights(map.len(), map.base_dim)
            .map_err(OpError::Unsupported)?;
        let weights = map.dense()?;
        let layer = Layer::new(weights, map.bias.clone(), map.base_dim, Activation::Relu)
            .map_err(|e| OpError::Invalid(e.to_string()))?;
        self.base_dim = layer.output_dim();
        self.layers.push(layer);
        Ok(Affine::identity(self.base(), self.base_dim))
    }
}

/// Evaluates `node` on its inputs (`None` for an omitted optional input) and
/// returns its outputs.
pub(crate) fn eval(
    node: &NodeProto,
    inputs: &[Option<&Value>],
    builder: &mut Builder,
) -> Result<Vec<Value>, OpError> {
    if !node.domain.is_empty() && node.domain != "ai.onnx" {
        return unsupported(format!("operator domain '{}'", node.domain));
    }
    let attrs = Attributes::new(node);
    let op = node.op_type.as_str();
    let value = match op {
        "Gemm" => matmul::gemm(input(inputs, 0)?, input(inputs, 1)?, opt(inputs, 2), &attrs)?,
        "MatMul" => matmul::matmul(input(inputs, 0)?, input(inputs, 1)?)?,
        "Add" | "Sub" | "Mul" | "Div" => {
            let op = match op {
                "Add" => BinaryOp::Add,
                "Sub" => BinaryOp::Sub,
                "Mul" => BinaryOp::Mul,
                _ => BinaryOp::Div,
            };
            arith::binary(op, input(inputs, 0)?, input(inputs, 1)?)?
        }
        "Relu" => match input(inputs, 0)? {
            Value::Const(t) => Value::Const(Tensor::new(
                t.dims.clone(),
                t.data.iter().map(|v| v.max(0.0)).collect(),
            )),
            Value::Var { shape, map } => Value::Var {
                shape: shape.clone(),
                map: builder.relu(map)?,
            },
        },
        "Flatten" => shape::flatten(input(inputs, 0)?, &attrs)?,
        "Reshape" => shape::reshape(input(inputs, 0)?, input(inputs, 1)?, &attrs)?,
        "Identity" => input(inputs, 0)?.clone(),
        "Constant" => Value::Const(attrs.constant_value()?),
        other => return unsupported(format!("operator {other}")),
    };
    Ok(vec![value])
}

/// Input `k`, which must be present.
fn input<'a>(inputs: &[Option<&'a Value>], k: usize) -> Result<&'a Value, OpError> {
    match inputs.get(k) {
        Some(Some(v)) => Ok(v),
        _ => invalid(format!("input {k} is missing")),
    }
}

/// Optional input `k`.
fn opt<'a>(inputs: &[Option<&'a Value>], k: usize) -> Option<&'a Value> {
    inputs.get(k).copied().flatten()
}
