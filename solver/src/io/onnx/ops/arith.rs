//! Elementwise `Add`, `Sub`, `Mul` and `Div` with numpy broadcasting.

use crate::io::onnx::symbolic::{Affine, SKIP_CONNECTION};
use crate::io::onnx::tensor::{broadcast_binary, broadcast_shape, element_count, expand, Tensor};
use crate::io::onnx::value::{invalid, unsupported, OpError, Value};

/// An elementwise arithmetic operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum BinaryOp {
    Add,
    Sub,
    Mul,
    Div,
}

impl BinaryOp {
    fn apply(self, a: f64, b: f64) -> f64 {
        match self {
            BinaryOp::Add => a + b,
            BinaryOp::Sub => a - b,
            BinaryOp::Mul => a * b,
            BinaryOp::Div => a / b,
        }
    }
}

/// `a op b`, where at most one operand depends on the input unless `op` is `Add`
/// or `Sub`.
pub(crate) fn binary(op: BinaryOp, a: &Value, b: &Value) -> Result<Value, OpError> {
    match (a, b) {
        (Value::Const(x), Value::Const(y)) => {
            Ok(Value::Const(broadcast_binary(x, y, |u, v| op.apply(u, v))?))
        }
        (Value::Var { shape, map }, Value::Const(c)) => {
            let (shape, c) = fit_constant(shape, c)?;
            let mut map = map.clone();
            match op {
                BinaryOp::Add => map.add_constant(&c),
                BinaryOp::Sub => map.add_constant(&c.iter().map(|v| -v).collect::<Vec<_>>()),
                BinaryOp::Mul => map.scale(&c),
                BinaryOp::Div => {
                    if c.contains(&0.0) {
                        return invalid("division by zero");
                    }
                    map.scale(&c.iter().map(|v| 1.0 / v).collect::<Vec<_>>());
                }
            }
            Ok(Value::Var { shape, map })
        }
        (Value::Const(c), Value::Var { shape, map }) => {
            let (shape, c) = fit_constant(shape, c)?;
            let mut map = map.clone();
            match op {
                BinaryOp::Add => map.add_constant(&c),
                BinaryOp::Sub => {
                    map.scale(&vec![-1.0; c.len()]);
                    map.add_constant(&c);
                }
                BinaryOp::Mul => map.scale(&c),
                BinaryOp::Div => {
                    return unsupported("division by an input-dependent tensor (not linear)")
                }
            }
            Ok(Value::Var { shape, map })
        }
        (Value::Var { shape: sa, map: ma }, Value::Var { shape: sb, map: mb }) => {
            if matches!(op, BinaryOp::Mul | BinaryOp::Div) {
                return unsupported(format!(
                    "{op:?} of two input-dependent tensors (not linear)"
                ));
            }
            if ma.base != mb.base {
                return unsupported(SKIP_CONNECTION);
            }
            let shape = broadcast_shape(sa, sb)
                .ok_or_else(|| format!("shapes {sa:?} and {sb:?} do not broadcast"))?;
            if element_count(&shape) != Some(ma.len()) || ma.len() != mb.len() {
                return unsupported(format!(
                    "{op:?} broadcasting input-dependent tensors {sa:?} and {sb:?}"
                ));
            }
            let map = if op == BinaryOp::Sub {
                let mut neg: Affine = mb.clone();
                neg.scale(&vec![-1.0; mb.len()]);
                ma.add(&neg)?
            } else {
                ma.add(mb)?
            };
            Ok(Value::Var { shape, map })
        }
    }
}

/// The constant broadcast to the shape it forms with an input-dependent tensor of
/// shape `shape`; the constant may add axes of size 1 but no elements.
fn fit_constant(shape: &[usize], c: &Tensor) -> Result<(Vec<usize>, Vec<f64>), OpError> {
    let out = broadcast_shape(shape, &c.dims)
        .ok_or_else(|| format!("shapes {shape:?} and {:?} do not broadcast", c.dims))?;
    if element_count(&out) != element_count(shape) {
        return unsupported(format!(
            "constant of shape {:?} broadcasts the input-dependent tensor {shape:?} to {out:?} \
             (batch size above 1)",
            c.dims
        ));
    }
    let values = expand(c, &out)?;
    Ok((out, values))
}
