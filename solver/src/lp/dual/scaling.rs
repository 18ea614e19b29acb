//! Geometric scaling of the constraint matrix, rounded to powers of two so that
//! scaling and unscaling are exact.

/// Number of alternating row/column passes.
const PASSES: usize = 6;

fn power_of_two(x: f64) -> f64 {
    if !x.is_finite() || x <= 0.0 {
        return 1.0;
    }
    2f64.powi(x.log2().round().clamp(-60.0, 60.0) as i32)
}

/// Row and column scale factors for the matrix given by rows `(col, value)`.
pub fn geometric(rows: &[Vec<(usize, f64)>], num_cols: usize) -> (Vec<f64>, Vec<f64>) {
    let m = rows.len();
    let mut row_scale = vec![1.0; m];
    let mut col_scale = vec![1.0; num_cols];
    for _ in 0..PASSES {
        for (i, row) in rows.iter().enumerate() {
            let (mut lo, mut hi) = (f64::INFINITY, 0.0f64);
            for &(j, a) in row {
                let v = (a * col_scale[j]).abs();
                if v > 0.0 {
                    lo = lo.min(v);
                    hi = hi.max(v);
                }
            }
            if hi > 0.0 {
                row_scale[i] = 1.0 / (lo * hi).sqrt();
            }
        }
        let mut lo = vec![f64::INFINITY; num_cols];
        let mut hi = vec![0.0f64; num_cols];
        for (i, row) in rows.iter().enumerate() {
            for &(j, a) in row {
                let v = (a * row_scale[i]).abs();
                if v > 0.0 {
                    lo[j] = lo[j].min(v);
                    hi[j] = hi[j].max(v);
                }
            }
        }
        for j in 0..num_cols {
            if hi[j] > 0.0 {
                col_scale[j] = 1.0 / (lo[j] * hi[j]).sqrt();
            }
        }
    }
    (
        row_scale.into_iter().map(power_of_two).collect(),
        col_scale.into_iter().map(power_of_two).collect(),
    )
}

/// Scale factor of a new row given the column scales.
pub fn row_factor(entries: &[(usize, f64)], col_scale: &[f64]) -> f64 {
    let (mut lo, mut hi) = (f64::INFINITY, 0.0f64);
    for &(j, a) in entries {
        let v = (a * col_scale[j]).abs();
        if v > 0.0 {
            lo = lo.min(v);
            hi = hi.max(v);
        }
    }
    if hi > 0.0 {
        power_of_two(1.0 / (lo * hi).sqrt())
    } else {
        1.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scales_are_powers_of_two_and_even_out_magnitudes() {
        let rows = vec![vec![(0, 1000.0), (1, 0.001)], vec![(0, 2000.0), (1, 0.004)]];
        let (r, c) = geometric(&rows, 2);
        for s in r.iter().chain(&c) {
            assert_eq!(s.log2().fract(), 0.0);
        }
        let mut scaled = Vec::new();
        for (i, row) in rows.iter().enumerate() {
            for &(j, a) in row {
                scaled.push((a * r[i]).abs() * c[j]);
            }
        }
        let ratio = scaled.iter().cloned().fold(0.0, f64::max)
            / scaled.iter().cloned().fold(f64::INFINITY, f64::min);
        assert!(ratio < 16.0, "scaled ratio {ratio}");
    }
}
