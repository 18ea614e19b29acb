//! Detection on hand-written rows: pre-activations inside the big-M rows, zero lower
//! bounds as rows, wrong big-M constants, generated networks, models without units
//! and arbitrary models.

use relumip_solver::generate::{knapsack, relu_bigm};
use relumip_solver::model::{check_solution, detect_relu_structure, Model, Tolerances, VarKind};
use relumip_solver::rng::SplitMix64;

/// Two inputs in `[-1, 1]`, one unit `y = max(0, x0 - 2 x1 + 0.5)` written with its
/// pre-activation inside the big-M rows (no pre column), and an output
/// `o = 3 y - x0 + 1`. Columns: x0 = 0, x1 = 1, y = 2, z = 3, o = 4.
fn inline_model() -> Model {
    let mut m = Model::new("inline");
    let x0 = m.add_variable("x0", VarKind::Continuous, -1.0, 1.0, 0.0);
    let x1 = m.add_variable("x1", VarKind::Continuous, -1.0, 1.0, 0.0);
    let y = m.add_variable("y", VarKind::Continuous, 0.0, 3.5, 0.0);
    let z = m.add_variable("z", VarKind::Binary, 0.0, 1.0, 0.0);
    let o = m.add_variable("o", VarKind::Continuous, -10.0, 20.0, 1.0);
    let (lo, up) = (-2.5, 3.5);
    // y >= x0 - 2 x1 + 0.5, scaled by -2 as a <= row.
    m.add_row(
        "above",
        f64::NEG_INFINITY,
        -1.0,
        &[(y, -2.0), (x0, 2.0), (x1, -4.0)],
    );
    // y <= pre - L (1 - z):  -y + x0 - 2 x1 + L z >= L - 0.5, scaled by 3.
    m.add_row(
        "upper",
        3.0 * (lo - 0.5),
        f64::INFINITY,
        &[(y, -3.0), (x0, 3.0), (x1, -6.0), (z, 3.0 * lo)],
    );
    // y <= U z as a ranged row 0 >= y - U z >= -100.
    m.add_row("gate", -100.0, 0.0, &[(y, 1.0), (z, -up)]);
    // o = 3 y - x0 + 1, scaled by 2.
    m.add_row("out", 2.0, 2.0, &[(o, 2.0), (y, -6.0), (x0, 2.0)]);
    m
}

#[test]
fn inline_pre_activation_is_recovered() {
    let m = inline_model();
    let s = detect_relu_structure(&m).expect("detected");
    assert_eq!(s.inputs, vec![0, 1]);
    assert_eq!(s.outputs, vec![4]);
    assert_eq!(s.units.len(), 1);
    let u = &s.units[0];
    assert_eq!(
        (u.layer, u.neuron, u.pre, u.post, u.indicator),
        (0, 0, None, Some(2), Some(3))
    );
    let a = u.affine.as_ref().expect("affine");
    assert!((a.bias - 0.5).abs() < 1e-12);
    assert_eq!(a.terms.len(), 2);
    assert!((a.terms[0].1 - 1.0).abs() < 1e-12 && (a.terms[1].1 + 2.0).abs() < 1e-12);
    // Interval arithmetic gives [-2.5, 3.5]; the big-M constants agree.
    assert_eq!(u.pre_bounds, (-2.5, 3.5));
    assert_eq!(s.linear.len(), 1);
    assert_eq!((s.linear[0].layer, s.linear[0].column), (1, 4));
}

#[test]
fn a_zero_lower_bound_may_be_a_row() {
    let mut m = inline_model();
    m.variables[2].lower = f64::NEG_INFINITY;
    assert!(
        detect_relu_structure(&m).is_none(),
        "y is not a ReLU output"
    );
    // -4 y <= 0, i.e. y >= 0.
    m.add_row("nonnegative", f64::NEG_INFINITY, 0.0, &[(2, -4.0)]);
    let s = detect_relu_structure(&m).expect("detected");
    assert_eq!(s.units[0].post, Some(2));
    // y >= 0.5 instead: the forward pass contradicts it.
    m.rows[4].upper = -2.0;
    assert!(detect_relu_structure(&m).is_none());
}

#[test]
fn a_wrong_big_m_constant_is_refused() {
    let mut m = inline_model();
    // U far below the reachable maximum: the forward pass violates the gate.
    m.rows[2].entries[1].1 = -0.01;
    assert!(detect_relu_structure(&m).is_none());
    // L positive: no unit at all.
    let mut m = inline_model();
    m.rows[1].entries[3].1 = 1.0;
    assert!(detect_relu_structure(&m).is_none());
}

#[test]
fn generated_networks_are_recovered() {
    for (widths, seed) in [
        (&[3, 6, 6, 2][..], 7),
        (&[4, 10, 10, 3], 2),
        (&[2, 5, 4, 3, 2], 9),
    ] {
        let m = relu_bigm(widths, seed);
        let truth = m.relu.clone().expect("annotated");
        let mut plain = m.clone();
        plain.relu = None;
        let s = detect_relu_structure(&plain).expect("detected");
        assert_eq!(s.inputs, truth.inputs);
        assert_eq!(s.outputs, truth.outputs);
        assert_eq!(s.linear, truth.linear);
        assert_eq!(s.units.len(), truth.units.len(), "{widths:?}");
        for (d, t) in s.units.iter().zip(&truth.units) {
            assert_eq!(
                (d.layer, d.neuron, d.pre, d.indicator),
                (t.layer, t.neuron, t.pre, t.indicator)
            );
            assert_eq!(d.affine, t.affine);
            assert_eq!(d.pre_bounds, t.pre_bounds);
            // Stably inactive units of the generator have a post column fixed at 0.
            if t.pre_bounds.1 > 0.0 {
                assert_eq!(d.post, t.post);
            }
        }
    }
}

#[test]
fn models_without_units_give_none() {
    assert!(detect_relu_structure(&knapsack(30, 2, 1)).is_none());
    assert!(detect_relu_structure(&Model::new("empty")).is_none());
}

/// Arbitrary rows, bounds and kinds (with infinities) never panic, and whatever is
/// detected validates.
#[test]
fn arbitrary_models_never_panic() {
    let mut rng = SplitMix64::new(3);
    for case in 0..300 {
        let mut m = if case % 3 == 0 {
            let mut g = relu_bigm(&[2, 3, 2], case);
            g.relu = None;
            g
        } else {
            Model::new("random")
        };
        let extra = rng.below(8);
        for j in 0..extra {
            let kind = [VarKind::Continuous, VarKind::Binary, VarKind::Integer][rng.below(3)];
            let pick = |r: &mut SplitMix64| {
                [0.0, 1.0, -1.0, 2.5, f64::INFINITY, f64::NEG_INFINITY][r.below(6)]
            };
            let (lo, up) = (pick(&mut rng), pick(&mut rng));
            m.add_variable(&format!("c{j}"), kind, lo, up, 0.0);
        }
        let n = m.num_cols();
        for r in 0..rng.below(12) {
            let mut entries = Vec::new();
            for _ in 0..1 + rng.below(4) {
                let coef = [1.0, -1.0, 0.5, 3.0, -2.0, f64::INFINITY][rng.below(6)];
                entries.push((rng.below(n.max(1)), coef));
            }
            let side = [0.0, 1.0, -1.0, -2.0][rng.below(4)];
            let (lo, up) = match rng.below(3) {
                0 => (side, side),
                1 => (side, f64::INFINITY),
                _ => (f64::NEG_INFINITY, side),
            };
            m.add_row(&format!("r{r}"), lo, up, &entries);
        }
        // Perturb some generated rows.
        if !m.rows.is_empty() && rng.below(2) == 0 {
            let r = rng.below(m.rows.len());
            if let Some(e) = m.rows[r].entries.first_mut() {
                e.1 *= 1.5;
            }
        }
        if let Some(s) = detect_relu_structure(&m) {
            assert!(s.validate(&m).is_ok());
        }
    }
}

/// Forward-pass points of a detected structure are feasible for the generated
/// model's network rows.
#[test]
fn detected_forward_pass_is_feasible() {
    let mut m = relu_bigm(&[4, 8, 8, 2], 5);
    m.relu = None;
    let s = detect_relu_structure(&m).expect("detected");
    let mut rng = SplitMix64::new(1);
    for _ in 0..20 {
        let mut x: Vec<f64> = m
            .variables
            .iter()
            .map(|v| v.lower.max(0.0).min(v.upper))
            .collect();
        for &c in &s.inputs {
            x[c] = rng.uniform(-1.0, 1.0);
        }
        assert!(s.complete_point(&mut x));
        let check = check_solution(&m, &x, &Tolerances::default());
        assert!(check.is_feasible(), "{:?}", check.worst);
    }
}
