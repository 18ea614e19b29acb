//! `Flatten` and `Reshape`: new shapes, same row-major elements.

use super::attributes::Attributes;
use crate::io::onnx::tensor::element_count;
use crate::io::onnx::value::{invalid, unsupported, OpError, Value};

/// `Flatten(x, axis)`: shape `[prod(dims[..axis]), prod(dims[axis..])]`.
pub(crate) fn flatten(x: &Value, attrs: &Attributes) -> Result<Value, OpError> {
    let dims = x.dims();
    let rank = dims.len() as i64;
    let axis = attrs.int("axis", 1)?;
    let axis = if axis < 0 { axis + rank } else { axis };
    if !(0..=rank).contains(&axis) {
        return invalid(format!("Flatten axis {axis} out of range for rank {rank}"));
    }
    let (outer, inner) = dims.split_at(axis as usize);
    let outer = element_count(outer).unwrap_or(usize::MAX);
    let inner = element_count(inner).unwrap_or(usize::MAX);
    x.reshaped(vec![outer, inner])
}

/// `Reshape(x, shape)` with a constant `shape` (`0` copies a dimension unless
/// `allowzero`, `-1` is inferred).
pub(crate) fn reshape(x: &Value, shape: &Value, attrs: &Attributes) -> Result<Value, OpError> {
    let Value::Const(shape) = shape else {
        return unsupported("Reshape to an input-dependent shape");
    };
    let requested = shape.to_ints()?;
    let allow_zero = attrs.int("allowzero", 0)? != 0;
    let dims = x.dims();
    let mut out = Vec::with_capacity(requested.len());
    let mut infer = None;
    for (k, &d) in requested.iter().enumerate() {
        match d {
            -1 if infer.is_none() => {
                infer = Some(k);
                out.push(1);
            }
            0 if !allow_zero => match dims.get(k) {
                Some(&v) => out.push(v),
                None => {
                    return invalid(format!(
                        "Reshape copies axis {k} of a rank-{} tensor",
                        dims.len()
                    ))
                }
            },
            d if d >= 0 => out.push(d as usize),
            _ => return invalid(format!("invalid Reshape target {requested:?}")),
        }
    }
    let total = element_count(dims).unwrap_or(usize::MAX);
    if let Some(k) = infer {
        let known = element_count(&out).unwrap_or(usize::MAX);
        if known == 0 || total % known != 0 {
            return invalid(format!("cannot reshape {dims:?} to {requested:?}"));
        }
        out[k] = total / known;
    }
    x.reshaped(out)
}
