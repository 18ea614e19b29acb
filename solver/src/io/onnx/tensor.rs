//! Constant tensors: decoding from `TensorProto`, shapes and broadcasting.

use super::proto::{data_type, TensorProto};

/// Largest number of elements of a tensor the loader builds itself (by
/// broadcasting); tensors stored in the file are bounded by the file's size.
pub(crate) const MAX_ELEMENTS: usize = 1 << 22;

/// A constant tensor, values in row-major order, converted to `f64`.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Tensor {
    pub dims: Vec<usize>,
    pub data: Vec<f64>,
}

impl Tensor {
    /// A tensor of the given shape; `data.len()` must be the product of `dims`.
    pub fn new(dims: Vec<usize>, data: Vec<f64>) -> Tensor {
        debug_assert_eq!(Some(data.len()), element_count(&dims));
        Tensor { dims, data }
    }

    /// A scalar (rank 0).
    pub fn scalar(v: f64) -> Tensor {
        Tensor {
            dims: vec![],
            data: vec![v],
        }
    }

    /// The values as integers (for shape tensors).
    pub fn to_ints(&self) -> Result<Vec<i64>, String> {
        self.data
            .iter()
            .map(|&v| {
                if v.fract() == 0.0 && v.abs() < 9.0e15 {
                    Ok(v as i64)
                } else {
                    Err(format!("{v} is not an integer"))
                }
            })
            .collect()
    }
}

/// The number of elements of a shape, `None` on overflow.
pub(crate) fn element_count(dims: &[usize]) -> Option<usize> {
    dims.iter().try_fold(1usize, |acc, &d| acc.checked_mul(d))
}

/// Converts stored dimensions, rejecting negative ones.
pub(crate) fn dims_from_i64(dims: &[i64]) -> Result<Vec<usize>, String> {
    dims.iter()
        .map(|&d| usize::try_from(d).map_err(|_| format!("negative dimension {d}")))
        .collect()
}

/// Decodes a stored tensor (float, double, int32 or int64; inline or raw data).
pub(crate) fn decode(t: &TensorProto) -> Result<Tensor, String> {
    let name = &t.name;
    if t.data_location == 1 {
        return Err(format!("tensor '{name}' uses external data"));
    }
    let dims = dims_from_i64(&t.dims).map_err(|e| format!("tensor '{name}': {e}"))?;
    let count = element_count(&dims)
        .ok_or_else(|| format!("tensor '{name}': shape {dims:?} is too large"))?;
    let elem_size = match t.data_type {
        data_type::FLOAT | data_type::INT32 => 4,
        data_type::DOUBLE | data_type::INT64 => 8,
        other => return Err(format!("tensor '{name}' has unsupported data type {other}")),
    };
    let data: Vec<f64> = if !t.raw_data.is_empty() {
        let expected = count.checked_mul(elem_size);
        if expected != Some(t.raw_data.len()) {
            return Err(format!(
                "tensor '{name}' of shape {dims:?} has {} bytes of raw data, expected {}",
                t.raw_data.len(),
                count.saturating_mul(elem_size)
            ));
        }
        let chunks = t.raw_data.chunks_exact(elem_size);
        match t.data_type {
            data_type::FLOAT => chunks
                .map(|c| f64::from(f32::from_le_bytes([c[0], c[1], c[2], c[3]])))
                .collect(),
            data_type::INT32 => chunks
                .map(|c| f64::from(i32::from_le_bytes([c[0], c[1], c[2], c[3]])))
                .collect(),
            data_type::DOUBLE => chunks
                .map(|c| {
                    let mut b = [0u8; 8];
                    b.copy_from_slice(c);
                    f64::from_le_bytes(b)
                })
                .collect(),
            _ => chunks
                .map(|c| {
                    let mut b = [0u8; 8];
                    b.copy_from_slice(c);
                    i64::from_le_bytes(b) as f64
                })
                .collect(),
        }
    } else {
        match t.data_type {
            data_type::FLOAT => t.float_data.iter().map(|&v| f64::from(v)).collect(),
            data_type::INT32 => t.int32_data.iter().map(|&v| f64::from(v)).collect(),
            data_type::DOUBLE => t.double_data.clone(),
            _ => t.int64_data.iter().map(|&v| v as f64).collect(),
        }
    };
    if data.len() != count {
        return Err(format!(
            "tensor '{name}' of shape {dims:?} has {} values, expected {count}",
            data.len()
        ));
    }
    Ok(Tensor { dims, data })
}

/// The shape two shapes broadcast to (numpy rules), if they are compatible.
pub(crate) fn broadcast_shape(a: &[usize], b: &[usize]) -> Option<Vec<usize>> {
    let rank = a.len().max(b.len());
    let mut out = vec![0; rank];
    for (k, o) in out.iter_mut().enumerate() {
        let da = dim_from_right(a, rank - 1 - k);
        let db = dim_from_right(b, rank - 1 - k);
        *o = match (da, db) {
            (x, y) if x == y => x,
            (1, y) => y,
            (x, 1) => x,
            _ => return None,
        };
    }
    Some(out)
}

fn dim_from_right(dims: &[usize], k: usize) -> usize {
    if k < dims.len() {
        dims[dims.len() - 1 - k]
    } else {
        1
    }
}

/// The values of `t` broadcast to `shape` (which `t`'s shape must broadcast to).
pub(crate) fn expand(t: &Tensor, shape: &[usize]) -> Result<Vec<f64>, String> {
    if t.dims.len() > shape.len() || broadcast_shape(&t.dims, shape).as_deref() != Some(shape) {
        return Err(format!(
            "shape {:?} cannot be broadcast to {:?}",
            t.dims, shape
        ));
    }
    let count = element_count(shape)
        .filter(|&c| c <= MAX_ELEMENTS)
        .ok_or_else(|| format!("broadcast shape {shape:?} is too large"))?;
    if t.dims.as_slice() == shape {
        return Ok(t.data.clone());
    }
    // Source stride of each output axis (0 where the source dimension is 1 or absent).
    let rank = shape.len();
    let offset = rank - t.dims.len();
    let mut strides = vec![0usize; rank];
    let mut stride = 1;
    for k in (0..t.dims.len()).rev() {
        if t.dims[k] != 1 {
            strides[k + offset] = stride;
        }
        stride *= t.dims[k];
    }
    let mut out = Vec::with_capacity(count);
    let mut index = vec![0usize; rank];
    for _ in 0..count {
        let src: usize = index.iter().zip(&strides).map(|(i, s)| i * s).sum();
        out.push(t.data[src]);
        for k in (0..rank).rev() {
            index[k] += 1;
            if index[k] < shape[k] {
                break;
            }
            index[k] = 0;
        }
    }
    Ok(out)
}

/// Elementwise `f(a, b)` with broadcasting.
pub(crate) fn broadcast_binary(
    a: &Tensor,
    b: &Tensor,
    f: impl Fn(f64, f64) -> f64,
) -> Result<Tensor, String> {
    let shape = broadcast_shape(&a.dims, &b.dims)
        .ok_or_else(|| format!("shapes {:?} and {:?} do not broadcast", a.dims, b.dims))?;
    let ea = expand(a, &shape)?;
    let eb = expand(b, &shape)?;
    let data = ea.iter().zip(&eb).map(|(x, y)| f(*x, *y)).collect();
    Ok(Tensor::new(shape, data))
}

/// True if at most one dimension is larger than 1 (a vector, possibly with batch or
/// channel dimensions of size 1).
pub(crate) fn is_vector_like(dims: &[usize]) -> bool {
    dims.iter().filter(|&&d| d != 1).count() <= 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broadcasting_follows_numpy() {
        assert_eq!(broadcast_shape(&[1, 5], &[5]), Some(vec![1, 5]));
        assert_eq!(broadcast_shape(&[3, 1], &[1, 4]), Some(vec![3, 4]));
        assert_eq!(broadcast_shape(&[3], &[4]), None);
        let t = Tensor::new(vec![2, 1], vec![1.0, 2.0]);
        assert_eq!(
            expand(&t, &[2, 3]).unwrap(),
            vec![1.0, 1.0, 1.0, 2.0, 2.0, 2.0]
        );
        let row = Tensor::new(vec![3], vec![1.0, 2.0, 3.0]);
        assert_eq!(
            expand(&row, &[2, 3]).unwrap(),
            vec![1.0, 2.0, 3.0, 1.0, 2.0, 3.0]
        );
        assert!(expand(&row, &[3, 2]).is_err());
        let sum = broadcast_binary(&t, &row, |x, y| x + y).unwrap();
        assert_eq!(sum.dims, vec![2, 3]);
        assert_eq!(sum.data, vec![2.0, 3.0, 4.0, 3.0, 4.0, 5.0]);
    }

    #[test]
    fn decode_checks_lengths() {
        let mut t = TensorProto {
            dims: vec![2],
            data_type: data_type::FLOAT,
            raw_data: [1.5f32.to_le_bytes(), (-2.0f32).to_le_bytes()].concat(),
            ..Default::default()
        };
        assert_eq!(decode(&t).unwrap().data, vec![1.5, -2.0]);
        t.raw_data.pop();
        assert!(decode(&t).is_err());
        t.raw_data.clear();
        t.float_data = vec![1.0];
        assert!(decode(&t).is_err());
        t.float_data = vec![1.0, 2.0];
        assert_eq!(decode(&t).unwrap().data, vec![1.0, 2.0]);
        t.dims = vec![-1];
        assert!(decode(&t).is_err());
        t.dims = vec![i64::MAX, i64::MAX];
        assert!(decode(&t).is_err());
        t.dims = vec![2];
        t.data_type = 10;
        assert!(decode(&t).is_err());
    }
}
