//! Symbolic affine values: each element of a tensor that depends on the network
//! input, written as an affine function of the current "base" variables (the
//! network input, or the output of the last ReLU layer built so far).

/// Largest dense map (entries) the loader builds.
pub(crate) const MAX_DENSE: usize = 1 << 25;

/// The linear part of an [`Affine`] map.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Linear {
    /// Element `i` is `d[i] * base[i]` (as many elements as base variables).
    Diag(Vec<f64>),
    /// Element `i` is `sum_j w[i * base_dim + j] * base[j]`.
    Dense(Vec<f64>),
}

/// `elements = linear(base) + bias`.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Affine {
    /// Which base the map reads: 0 = network input, `k` = output of the `k`-th
    /// ReLU layer.
    pub base: usize,
    /// Number of base variables.
    pub base_dim: usize,
    /// Linear part.
    pub linear: Linear,
    /// Constant part, one entry per element.
    pub bias: Vec<f64>,
}

impl Affine {
    /// The identity on `dim` base variables.
    pub fn identity(base: usize, dim: usize) -> Affine {
        Affine {
            base,
            base_dim: dim,
            linear: Linear::Diag(vec![1.0; dim]),
            bias: vec![0.0; dim],
        }
    }

    /// Number of elements.
    pub fn len(&self) -> usize {
        self.bias.len()
    }

    /// True if the map is the identity of its base.
    pub fn is_identity(&self) -> bool {
        matches!(&self.linear, Linear::Diag(d) if d.iter().all(|&v| v == 1.0))
            && self.bias.iter().all(|&b| b == 0.0)
    }

    /// Multiplies element `i` by `s[i]`.
    pub fn scale(&mut self, s: &[f64]) {
        debug_assert_eq!(s.len(), self.len());
        match &mut self.linear {
            Linear::Diag(d) => d.iter_mut().zip(s).for_each(|(v, f)| *v *= f),
            Linear::Dense(w) => {
                for (row, f) in w.chunks_exact_mut(self.base_dim).zip(s) {
                    row.iter_mut().for_each(|v| *v *= f);
                }
            }
        }
        self.bias.iter_mut().zip(s).for_each(|(b, f)| *b *= f);
    }

    /// Adds `c[i]` to element `i`.
    pub fn add_constant(&mut self, c: &[f64]) {
        debug_assert_eq!(c.len(), self.len());
        self.bias.iter_mut().zip(c).for_each(|(b, v)| *b += v);
    }

    /// The dense linear part (`len()` rows of `base_dim`).
    pub fn dense(&self) -> Result<Vec<f64>, String> {
        match &self.linear {
            Linear::Dense(w) => Ok(w.clone()),
            Linear::Diag(d) => {
                let n = d.len();
                check_size(n, n)?;
                let mut w = vec![0.0; n * n];
                for (i, v) in d.iter().enumerate() {
                    w[i * n + i] = *v;
                }
                Ok(w)
            }
        }
    }

    /// The elementwise sum of two maps on the same base with as many elements.
    pub fn add(&self, other: &Affine) -> Result<Affine, String> {
        if self.base != other.base {
            return Err(SKIP_CONNECTION.to_string());
        }
        debug_assert_eq!(self.len(), other.len());
        let linear = match (&self.linear, &other.linear) {
            (Linear::Diag(a), Linear::Diag(b)) => {
                Linear::Diag(a.iter().zip(b).map(|(x, y)| x + y).collect())
            }
            _ => {
                let a = self.dense()?;
                let b = other.dense()?;
                Linear::Dense(a.iter().zip(&b).map(|(x, y)| x + y).collect())
            }
        };
        Ok(Affine {
            base: self.base,
            base_dim: self.base_dim,
            linear,
            bias: self
                .bias
                .iter()
                .zip(&other.bias)
                .map(|(x, y)| x + y)
                .collect(),
        })
    }

    /// The map `M * self`, for a matrix `M` of `rows` rows and `len()` columns
    /// (row-major).
    pub fn left_multiply(&self, m: &[f64], rows: usize) -> Result<Affine, String> {
        let k = self.len();
        debug_assert_eq!(m.len(), rows * k);
        let n = self.base_dim;
        check_size(rows, n)?;
        let mut w = vec![0.0; rows * n];
        let mut bias = vec![0.0; rows];
        for r in 0..rows {
            let m_row = &m[r * k..(r + 1) * k];
            let out = &mut w[r * n..(r + 1) * n];
            bias[r] = m_row.iter().zip(&self.bias).map(|(a, b)| a * b).sum();
            match &self.linear {
                Linear::Diag(d) => {
                    for ((o, a), v) in out.iter_mut().zip(m_row).zip(d) {
                        *o = a * v;
                    }
                }
                Linear::Dense(src) => {
                    for (a, src_row) in m_row.iter().zip(src.chunks_exact(n)) {
                        if *a != 0.0 {
                            out.iter_mut().zip(src_row).for_each(|(o, v)| *o += a * v);
                        }
                    }
                }
            }
        }
        Ok(Affine {
            base: self.base,
            base_dim: n,
            linear: Linear::Dense(w),
            bias,
        })
    }
}

/// The message for a tensor that reads values from before the last ReLU layer.
pub(crate) const SKIP_CONNECTION: &str =
    "combines values from before and after a ReLU (skip connections are not supported)";

fn check_size(rows: usize, cols: usize) -> Result<(), String> {
    match rows.checked_mul(cols) {
        Some(n) if n <= MAX_DENSE => Ok(()),
        _ => Err(format!("affine map of {rows} x {cols} is too large")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_shift_and_multiply_compose() {
        let mut a = Affine::identity(0, 2);
        assert!(a.is_identity());
        a.add_constant(&[-1.0, 2.0]);
        a.scale(&[2.0, 0.5]);
        // elements: 2x0 - 2, 0.5x1 + 1
        let m = a.left_multiply(&[1.0, 1.0, 3.0, 0.0], 2).unwrap();
        assert_eq!(m.linear, Linear::Dense(vec![2.0, 0.5, 6.0, 0.0]));
        assert_eq!(m.bias, vec![-1.0, -6.0]);
        let s = m.add(&m).unwrap();
        assert_eq!(s.bias, vec![-2.0, -12.0]);
        let other = Affine::identity(1, 2);
        assert!(m.add(&other).is_err());
    }
}
