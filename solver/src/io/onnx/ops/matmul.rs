//! `Gemm` and `MatMul`: matrix products with at most one input-dependent operand,
//! which must be a vector (a single row on the left or a single column on the
//! right; leading axes of size 1 are allowed).

use super::arith::{binary, BinaryOp};
use super::attributes::Attributes;
use crate::io::onnx::symbolic::Affine;
use crate::io::onnx::tensor::{broadcast_shape, Tensor};
use crate::io::onnx::value::{invalid, unsupported, OpError, Value};

/// `Y = alpha * op(A) op(B) + beta * C`, `op` = transpose if `transA`/`transB`.
pub(crate) fn gemm(
    a: &Value,
    b: &Value,
    c: Option<&Value>,
    attrs: &Attributes,
) -> Result<Value, OpError> {
    let alpha = attrs.float("alpha", 1.0)?;
    let beta = attrs.float("beta", 1.0)?;
    let trans_a = attrs.int("transA", 0)? != 0;
    let trans_b = attrs.int("transB", 0)? != 0;
    let (ar, ac) = matrix_dims(a.dims(), "A")?;
    let (br, bc) = matrix_dims(b.dims(), "B")?;
    let (m, k) = if trans_a { (ac, ar) } else { (ar, ac) };
    let (kb, n) = if trans_b { (bc, br) } else { (br, bc) };
    if k != kb {
        return invalid(format!(
            "Gemm inner dimensions differ: op(A) is {m}x{k}, op(B) is {kb}x{n}"
        ));
    }
    // A vector stored as [k, 1] or [1, k] has the same element order, so a
    // transposed input-dependent operand needs no reordering.
    let a_eff = operand(a, trans_a, ar, ac);
    let b_eff = operand(b, trans_b, br, bc);
    let mut product = product(a_eff, b_eff, m, k, n, vec![m, n])?;
    if alpha != 1.0 {
        product = binary(
            BinaryOp::Mul,
            &product,
            &Value::Const(Tensor::scalar(alpha)),
        )?;
    }
    match c {
        Some(c) if beta != 0.0 => {
            let scaled = binary(BinaryOp::Mul, c, &Value::Const(Tensor::scalar(beta)))?;
            let sum = binary(BinaryOp::Add, &product, &scaled)?;
            if sum.dims() != [m, n] {
                return invalid(format!(
                    "Gemm C of shape {:?} does not broadcast to {m}x{n}",
                    c.dims()
                ));
            }
            Ok(sum)
        }
        _ => Ok(product),
    }
}

/// `Y = A B` with numpy `matmul` shapes (1-D operands are promoted, batch axes
/// broadcast; batch axes must all be 1).
pub(crate) fn matmul(a: &Value, b: &Value) -> Result<Value, OpError> {
    let (ad, bd) = (a.dims(), b.dims());
    if ad.is_empty() || bd.is_empty() {
        return invalid("MatMul on a scalar");
    }
    let (m, k) = if ad.len() == 1 {
        (1, ad[0])
    } else {
        (ad[ad.len() - 2], ad[ad.len() - 1])
    };
    let (kb, n) = if bd.len() == 1 {
        (bd[0], 1)
    } else {
        (bd[bd.len() - 2], bd[bd.len() - 1])
    };
    if k != kb {
        return invalid(format!(
            "MatMul of shapes {ad:?} and {bd:?}: inner dimensions differ"
        ));
    }
    let batch_a = &ad[..ad.len().saturating_sub(2)];
    let batch_b = &bd[..bd.len().saturating_sub(2)];
    let mut shape = broadcast_shape(batch_a, batch_b)
        .ok_or_else(|| format!("MatMul of shapes {ad:?} and {bd:?}: batch axes differ"))?;
    if shape.iter().any(|&d| d != 1) {
        return unsupported(format!("batched MatMul of shapes {ad:?} and {bd:?}"));
    }
    if ad.len() > 1 {
        shape.push(m);
    }
    if bd.len() > 1 {
        shape.push(n);
    }
    product(
        operand(a, false, m, k),
        operand(b, false, k, n),
        m,
        k,
        n,
        shape,
    )
}

/// The dimensions of a rank-2 operand.
fn matrix_dims(dims: &[usize], name: &str) -> Result<(usize, usize), OpError> {
    match dims {
        [r, c] => Ok((*r, *c)),
        _ => invalid(format!(
            "Gemm input {name} has shape {dims:?}, expected a matrix"
        )),
    }
}

/// An operand as a row-major `rows x cols` matrix, transposed first if asked.
enum Operand<'a> {
    Const(Vec<f64>),
    Var(&'a Affine),
}

fn operand(v: &Value, transpose: bool, rows: usize, cols: usize) -> Operand<'_> {
    match v {
        Value::Var { map, .. } => Operand::Var(map),
        Value::Const(t) if transpose => Operand::Const(transposed(&t.data, rows, cols)),
        Value::Const(t) => Operand::Const(t.data.clone()),
    }
}

/// The transpose of a row-major `rows x cols` matrix.
fn transposed(data: &[f64], rows: usize, cols: usize) -> Vec<f64> {
    let mut out = vec![0.0; data.len()];
    for i in 0..rows {
        for j in 0..cols {
            out[j * rows + i] = data[i * cols + j];
        }
    }
    out
}

/// `A B` for an `m x k` and a `k x n` operand (after transposition), as a tensor of
/// shape `shape` (`m * n` elements).
fn product(
    a: Operand,
    b: Operand,
    m: usize,
    k: usize,
    n: usize,
    shape: Vec<usize>,
) -> Result<Value, OpError> {
    match (a, b) {
        (Operand::Var(map), Operand::Const(b)) => {
            if m != 1 || map.len() != k {
                return unsupported(format!(
                    "matrix product of an input-dependent {m}x{k} matrix (not a row vector)"
                ));
            }
            // y_j = sum_i x_i B[i][j]: the map's matrix is B transposed.
            let map = map.left_multiply(&transposed(&b, k, n), n)?;
            Ok(Value::Var { shape, map })
        }
        (Operand::Const(a), Operand::Var(map)) => {
            if n != 1 || map.len() != k {
                return unsupported(format!(
                    "matrix product with an input-dependent {k}x{n} matrix (not a column vector)"
                ));
            }
            let map = map.left_multiply(&a, m)?;
            Ok(Value::Var { shape, map })
        }
        (Operand::Const(a), Operand::Const(b)) => {
            if m.saturating_mul(n) > crate::io::onnx::tensor::MAX_ELEMENTS {
                return unsupported(format!("constant matrix product of {m}x{n}"));
            }
            let mut out = vec![0.0; m * n];
            for i in 0..m {
                for (p, a_ip) in a[i * k..(i + 1) * k].iter().enumerate() {
                    for j in 0..n {
                        out[i * n + j] += a_ip * b[p * n + j];
                    }
                }
            }
            Ok(Value::Const(Tensor::new(shape, out)))
        }
        (Operand::Var(_), Operand::Var(_)) => {
            unsupported("matrix product of two input-dependent tensors (not linear)")
        }
    }
}
