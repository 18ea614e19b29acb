//! Small building blocks shared by the training MILPs.

use crate::model::{Model, VarKind};

/// Adds `r = p * v` for a continuous `p` in `[0, upper]` and a binary `v`, linearised
/// exactly (McCormick on a binary factor): `r <= upper v`, `r <= p`,
/// `r >= p - upper (1 - v)`, `r >= 0`. Returns the column of `r`.
pub fn binary_product(model: &mut Model, name: &str, p: usize, upper: f64, v: usize) -> usize {
    let r = model.add_variable(name, VarKind::Continuous, 0.0, upper.max(0.0), 0.0);
    model.add_row(
        &format!("{name}_le_mv"),
        f64::NEG_INFINITY,
        0.0,
        &[(r, 1.0), (v, -upper)],
    );
    model.add_row(
        &format!("{name}_le_p"),
        f64::NEG_INFINITY,
        0.0,
        &[(r, 1.0), (p, -1.0)],
    );
    model.add_row(
        &format!("{name}_ge_p"),
        -upper,
        f64::INFINITY,
        &[(r, 1.0), (p, -1.0), (v, -upper)],
    );
    r
}

/// What [`relu`] added for one unit `o = max(0, a)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReluColumns {
    /// Column of the output `o`, or `None` when the unit is stably inactive (`o = 0`).
    pub post: Option<usize>,
    /// Column of the indicator (1 = active), or `None` for a stable unit.
    pub indicator: Option<usize>,
}

/// Adds `o = max(0, a)` for the affine expression `a = sum coef x + constant` with
/// `lower <= a <= upper`: nothing when `upper <= 0` (`o = 0`); `o = a` when
/// `lower >= 0`; otherwise the big-M formulation with indicator `z`:
/// `o >= a`, `o >= 0`, `o <= a - lower (1 - z)`, `o <= upper z`.
pub fn relu(
    model: &mut Model,
    name: &str,
    expr: &[(usize, f64)],
    constant: f64,
    lower: f64,
    upper: f64,
) -> ReluColumns {
    if upper <= 0.0 {
        return ReluColumns {
            post: None,
            indicator: None,
        };
    }
    let o = model.add_variable(name, VarKind::Continuous, 0.0, upper, 0.0);
    let mut entries: Vec<(usize, f64)> = expr.iter().map(|&(j, a)| (j, -a)).collect();
    entries.push((o, 1.0));
    if lower >= 0.0 {
        model.add_row(&format!("{name}_eq"), constant, constant, &entries);
        return ReluColumns {
            post: Some(o),
            indicator: None,
        };
    }
    let z = model.add_variable(&format!("{name}_z"), VarKind::Binary, 0.0, 1.0, 0.0);
    // o - a >= 0
    model.add_row(&format!("{name}_ge_a"), constant, f64::INFINITY, &entries);
    // o - a + lower (1 - z) <= 0  <=>  o - a - lower z <= -lower
    let mut tight = entries.clone();
    tight.push((z, -lower));
    model.add_row(
        &format!("{name}_le_a"),
        f64::NEG_INFINITY,
        constant - lower,
        &tight,
    );
    model.add_row(
        &format!("{name}_le_uz"),
        f64::NEG_INFINITY,
        0.0,
        &[(o, 1.0), (z, -upper)],
    );
    ReluColumns {
        post: Some(o),
        indicator: Some(z),
    }
}

/// Interval of `sum_j x_j w_j + c` over the box `w_j in [lo_j, hi_j]`, `c in [clo, chi]`.
pub fn affine_range(x: &[f64], lo: &[f64], hi: &[f64], clo: f64, chi: f64) -> (f64, f64) {
    let (mut a, mut b) = (clo, chi);
    for ((&xj, &l), &h) in x.iter().zip(lo).zip(hi) {
        a += (xj * l).min(xj * h);
        b += (xj * l).max(xj * h);
    }
    (a, b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::{solve, NoProgress, Settings, Status};

    fn settings() -> Settings {
        Settings {
            threads: 1,
            ..Settings::default()
        }
    }

    #[test]
    fn relu_encoding_is_exact_at_both_ends() {
        // max o - 0.1 x over x in [-1, 2] with o = relu(x): optimum at x = 2 (o = 2).
        for (target, expect) in [(2.0, 2.0), (-1.0, 0.0)] {
            let mut m = Model::new("relu");
            let x = m.add_variable("x", VarKind::Continuous, target, target, 0.0);
            let c = relu(&mut m, "o", &[(x, 1.0)], 0.0, -1.0, 2.0);
            let o = c.post.unwrap();
            assert!(c.indicator.is_some());
            m.variables[o].cost = -1.0;
            let r = solve(&m, &settings(), &NoProgress).unwrap();
            assert_eq!(r.status, Status::Optimal);
            assert!((r.solution.unwrap()[o] - expect).abs() < 1e-7);
        }
    }

    #[test]
    fn binary_product_is_exact() {
        for v_val in [0.0, 1.0] {
            let mut m = Model::new("prod");
            let p = m.add_variable("p", VarKind::Continuous, 0.7, 0.7, 0.0);
            let v = m.add_variable("v", VarKind::Binary, v_val, v_val, 0.0);
            let r = binary_product(&mut m, "r", p, 3.0, v);
            for sign in [1.0, -1.0] {
                m.variables[r].cost = sign;
                let s = solve(&m, &settings(), &NoProgress).unwrap();
                let got = s.solution.unwrap()[r];
                assert!(
                    (got - 0.7 * v_val).abs() < 1e-6,
                    "v = {v_val}, sign {sign}: r = {got}"
                );
            }
        }
    }
}
