//! Optimised slopes against brute force: the exact minimum of the function over the
//! box (one LP per activation pattern), dense samples, the symbolic bound, the
//! analytic gradient against finite differences, and the rounding margin.

use super::pass::Relaxed;
use super::*;
use crate::bounds::{symbolic_bounds, ROUNDING_MARGIN};
use crate::lp::{LpBackend, LpLimits, LpProblem, LpRow, LpStatus};
use crate::nn::{Activation, Layer};
use crate::rng::SplitMix64;

/// A random network with `inputs` inputs, the given hidden widths (ReLU) and
/// `outputs` outputs; weights in [-1, 1], biases in [-0.5, 0.5].
fn random_network(
    rng: &mut SplitMix64,
    inputs: usize,
    hidden: &[usize],
    outputs: usize,
) -> Network {
    let mut dims = vec![inputs];
    dims.extend_from_slice(hidden);
    dims.push(outputs);
    let layers = dims
        .windows(2)
        .enumerate()
        .map(|(k, d)| {
            let weights = (0..d[0] * d[1]).map(|_| rng.uniform(-1.0, 1.0)).collect();
            let bias = (0..d[1]).map(|_| rng.uniform(-0.5, 0.5)).collect();
            let act = if k + 2 == dims.len() {
                Activation::Identity
            } else {
                Activation::Relu
            };
            Layer::new(weights, bias, d[0], act).unwrap()
        })
        .collect();
    Network::new(layers).unwrap()
}

/// A random small network: 1-3 inputs, 1-3 hidden layers, at most 10 hidden units.
fn small_network(rng: &mut SplitMix64) -> Network {
    let inputs = 1 + rng.below(3);
    let layers = 1 + rng.below(3);
    let mut hidden = Vec::new();
    let mut left = 10;
    for k in 0..layers {
        let w = (1 + rng.below(5)).min(left - (layers - k - 1));
        hidden.push(w);
        left -= w;
    }
    let outputs = 1 + rng.below(3);
    random_network(rng, inputs, &hidden, outputs)
}

fn random_box(rng: &mut SplitMix64, n: usize) -> (Vec<f64>, Vec<f64>) {
    (0..n)
        .map(|_| {
            let c = rng.uniform(-1.0, 1.0);
            let r = rng.uniform(0.05, 1.5);
            (c - r, c + r)
        })
        .unzip()
}

fn random_row(rng: &mut SplitMix64, outputs: usize) -> (Vec<f64>, f64) {
    let c = (0..outputs).map(|_| rng.uniform(-1.0, 1.0)).collect();
    (c, rng.uniform(-0.5, 0.5))
}

/// `(coefficients on x, constant)` of every hidden pre-activation (per layer) and
/// of the outputs, with each hidden unit fixed to its bit of `pattern`.
type Affine = (Vec<Vec<f64>>, Vec<f64>);

fn pattern_maps(net: &Network, pattern: u32) -> (Vec<Affine>, Affine) {
    let n = net.input_dim();
    let mut v: Affine = (
        (0..n)
            .map(|i| (0..n).map(|j| f64::from(u8::from(i == j))).collect())
            .collect(),
        vec![0.0; n],
    );
    let mut hidden = Vec::new();
    let mut bit = 0;
    let last = net.layers().len() - 1;
    for (k, layer) in net.layers().iter().enumerate() {
        let mut z: Affine = (Vec::new(), Vec::new());
        for t in 0..layer.output_dim() {
            let mut row = vec![0.0; n];
            let mut b = layer.bias()[t];
            for (s, &w) in layer.row(t).iter().enumerate() {
                for (r, a) in row.iter_mut().zip(&v.0[s]) {
                    *r += w * a;
                }
                b += w * v.1[s];
            }
            z.0.push(row);
            z.1.push(b);
        }
        if k == last {
            return (hidden, z);
        }
        let mut y = z.clone();
        for t in 0..layer.output_dim() {
            if (pattern >> bit) & 1 == 0 {
                y.0[t].iter_mut().for_each(|a| *a = 0.0);
                y.1[t] = 0.0;
            }
            bit += 1;
        }
        hidden.push(z);
        v = y;
    }
    unreachable!("a network has an output layer")
}

/// The exact minimum of `c'y - d` over the box and the inputs whose activation
/// pattern agrees with `phases` (`None` if there are none): the least LP optimum
/// over the patterns.
fn exact_minimum(
    net: &Network,
    lower: &[f64],
    upper: &[f64],
    c: &[f64],
    d: f64,
    phases: Option<&[Vec<Option<bool>>]>,
) -> Option<f64> {
    let units: usize = net.layers()[..net.layers().len() - 1]
        .iter()
        .map(Layer::output_dim)
        .sum();
    let fixed: Vec<Option<bool>> = match phases {
        Some(p) => p.iter().flatten().copied().collect(),
        None => vec![None; units],
    };
    let mut best: Option<f64> = None;
    for pattern in 0..1u32 << units {
        if fixed
            .iter()
            .enumerate()
            .any(|(bit, f)| f.is_some_and(|on| on != ((pattern >> bit) & 1 == 1)))
        {
            continue;
        }
        let (hidden, out) = pattern_maps(net, pattern);
        let mut rows = Vec::new();
        let mut bit = 0;
        for (rows_k, consts) in &hidden {
            for (row, &b) in rows_k.iter().zip(consts) {
                let on = (pattern >> bit) & 1 == 1;
                bit += 1;
                let entries: Vec<(usize, f64)> = row.iter().copied().enumerate().collect();
                rows.push(if on {
                    LpRow {
                        entries,
                        lower: -b,
                        upper: f64::INFINITY,
                    }
                } else {
                    LpRow {
                        entries,
                        lower: f64::NEG_INFINITY,
                        upper: -b,
                    }
                });
            }
        }
        let mut costs = vec![0.0; net.input_dim()];
        let mut constant = -d;
        for (i, &ci) in c.iter().enumerate() {
            for (a, &w) in costs.iter_mut().zip(&out.0[i]) {
                *a += ci * w;
            }
            constant += ci * out.1[i];
        }
        let problem = LpProblem {
            costs,
            col_lower: lower.to_vec(),
            col_upper: upper.to_vec(),
            rows,
        };
        let mut lp = LpBackend::DualSimplex.create(&problem);
        match lp.solve(&LpLimits::default()) {
            LpStatus::Optimal => {
                let v = lp.objective() + constant;
                best = Some(best.map_or(v, |b: f64| b.min(v)));
            }
            LpStatus::Infeasible => {}
            other => panic!("LP status {other:?}"),
        }
    }
    best
}

/// The least value of `c'y - d` over uniform samples and the corners of the box.
fn sampled_minimum(
    net: &Network,
    lower: &[f64],
    upper: &[f64],
    c: &[f64],
    d: f64,
    rng: &mut SplitMix64,
    count: usize,
) -> f64 {
    let n = lower.len();
    let mut points: Vec<Vec<f64>> = (0..1usize << n)
        .map(|m| {
            (0..n)
                .map(|i| {
                    if (m >> i) & 1 == 1 {
                        upper[i]
                    } else {
                        lower[i]
                    }
                })
                .collect()
        })
        .collect();
    points.extend((0..count).map(|_| (0..n).map(|i| rng.uniform(lower[i], upper[i])).collect()));
    points
        .iter()
        .map(|x| {
            let y = net.forward(x);
            c.iter().zip(&y).map(|(a, b)| a * b).sum::<f64>() - d
        })
        .fold(f64::INFINITY, f64::min)
}

fn options(steps: usize) -> AlphaOptions {
    AlphaOptions {
        steps,
        ..AlphaOptions::default()
    }
}

#[test]
fn optimised_bounds_are_sound_and_never_below_symbolic() {
    let mut rng = SplitMix64::new(11);
    let mut improved = 0;
    let trials = 150;
    for trial in 0..trials {
        let net = small_network(&mut rng);
        let (lower, upper) = random_box(&mut rng, net.input_dim());
        let bounds = symbolic_bounds(&net, &lower, &upper).unwrap();
        let rows: Vec<(Vec<f64>, f64)> = (0..2)
            .map(|_| random_row(&mut rng, net.output_dim()))
            .collect();
        let symbolic = output_function_lower_bounds(&net, &bounds, &rows).unwrap();
        let result =
            optimised_output_lower_bounds(&net, &bounds, None, &rows, None, &options(20)).unwrap();
        for (r, (c, d)) in rows.iter().enumerate() {
            let exact =
                exact_minimum(&net, &lower, &upper, c, *d, None).expect("the box is not empty");
            let sampled = sampled_minimum(&net, &lower, &upper, c, *d, &mut rng, 300);
            assert!(
                exact <= sampled + 1e-7,
                "trial {trial}: LP enumeration {exact} above a sample {sampled}"
            );
            assert!(
                result.lower[r] <= exact,
                "trial {trial} row {r}: bound {} above the minimum {exact}",
                result.lower[r]
            );
            assert!(
                result.lower[r] >= symbolic[r],
                "trial {trial} row {r}: {} below symbolic {}",
                result.lower[r],
                symbolic[r]
            );
            if result.lower[r] > symbolic[r] + 1e-6 {
                improved += 1;
            }
        }
    }
    // Ascent must pay on a good share of random cases (a descent would not).
    assert!(
        improved >= trials / 5,
        "improved only {improved} of {} bounds",
        2 * trials
    );
}

#[test]
fn wider_networks_are_sound_on_samples() {
    let mut rng = SplitMix64::new(5);
    for trial in 0..20 {
        let net = random_network(&mut rng, 3, &[12, 12, 12], 3);
        let (lower, upper) = random_box(&mut rng, 3);
        let bounds = symbolic_bounds(&net, &lower, &upper).unwrap();
        let rows: Vec<(Vec<f64>, f64)> = (0..3).map(|_| random_row(&mut rng, 3)).collect();
        let result =
            optimised_output_lower_bounds(&net, &bounds, None, &rows, None, &options(30)).unwrap();
        for (r, (c, d)) in rows.iter().enumerate() {
            let sampled = sampled_minimum(&net, &lower, &upper, c, *d, &mut rng, 3000);
            assert!(
                result.lower[r] <= sampled,
                "trial {trial} row {r}: {} above a sample {sampled}",
                result.lower[r]
            );
        }
    }
}

#[test]
fn fixed_phases_are_respected_and_sound_for_their_region() {
    let mut rng = SplitMix64::new(23);
    let mut tighter = 0;
    for trial in 0..120 {
        let net = small_network(&mut rng);
        let (lower, upper) = random_box(&mut rng, net.input_dim());
        let bounds = symbolic_bounds(&net, &lower, &upper).unwrap();
        let phases: Vec<Vec<Option<bool>>> = net.layers()[..net.layers().len() - 1]
            .iter()
            .map(|l| {
                (0..l.output_dim())
                    .map(|_| match rng.below(3) {
                        0 => Some(true),
                        1 => Some(false),
                        _ => None,
                    })
                    .collect()
            })
            .collect();
        let rows = vec![random_row(&mut rng, net.output_dim())];
        let (c, d) = &rows[0];
        let Some(exact) = exact_minimum(&net, &lower, &upper, c, *d, Some(&phases)) else {
            continue;
        };
        let free =
            optimised_output_lower_bounds(&net, &bounds, None, &rows, None, &options(20)).unwrap();
        let fixed =
            optimised_output_lower_bounds(&net, &bounds, Some(&phases), &rows, None, &options(20))
                .unwrap();
        assert!(
            fixed.lower[0] <= exact,
            "trial {trial}: {} above the phases' minimum {exact}",
            fixed.lower[0]
        );
        if fixed.lower[0] > free.lower[0] + 1e-6 {
            tighter += 1;
        }
    }
    assert!(tighter >= 5, "phases tightened only {tighter} bounds");
}

#[test]
fn a_fixed_phase_is_exact_on_a_hand_network() {
    // y = -relu(x1 + x2) - relu(x1 - x2) over [-1, 1]^2: minimum -2. Both units
    // are unstable and take their chords, so the free bound is -x1 - 2 >= -3.
    let net = Network::new(vec![
        Layer::from_rows(
            &[vec![1.0, 1.0], vec![1.0, -1.0]],
            vec![0.0, 0.0],
            Activation::Relu,
        )
        .unwrap(),
        Layer::from_rows(&[vec![-1.0, -1.0]], vec![0.0], Activation::Identity).unwrap(),
    ])
    .unwrap();
    let bounds = symbolic_bounds(&net, &[-1.0, -1.0], &[1.0, 1.0]).unwrap();
    let rows = vec![(vec![1.0], 0.0)];
    let free =
        optimised_output_lower_bounds(&net, &bounds, None, &rows, None, &options(5)).unwrap();
    assert!(
        free.lower[0] <= -3.0 && free.lower[0] > -3.0 - 1e-6,
        "{}",
        free.lower[0]
    );
    // First active, second inactive: y = -(x1 + x2) exactly, bound -2 over the box
    // (also the minimum over the region of the phases, at (1, 1)).
    let phases = vec![vec![Some(true), Some(false)]];
    let fixed =
        optimised_output_lower_bounds(&net, &bounds, Some(&phases), &rows, None, &options(5))
            .unwrap();
    assert!(
        fixed.lower[0] <= -2.0 && fixed.lower[0] > -2.0 - 1e-6,
        "{}",
        fixed.lower[0]
    );
    // Wrong shapes are refused.
    assert!(optimised_output_lower_bounds(
        &net,
        &bounds,
        Some(&[vec![None]]),
        &rows,
        None,
        &options(5)
    )
    .is_err());
    assert!(optimised_output_lower_bounds(
        &net,
        &bounds,
        None,
        &[(vec![1.0, 0.0], 0.0)],
        None,
        &options(5)
    )
    .is_err());
}

#[test]
fn analytic_gradient_matches_finite_differences() {
    let mut rng = SplitMix64::new(3);
    let mut checked = 0;
    for _ in 0..40 {
        let net = random_network(&mut rng, 3, &[8, 8], 2);
        let (lower, upper) = random_box(&mut rng, 3);
        let bounds = symbolic_bounds(&net, &lower, &upper).unwrap();
        let (c, d) = random_row(&mut rng, 2);
        let relaxed = Relaxed::new(&net, &bounds, None);
        let alphas: Vec<Vec<f64>> = relaxed
            .units
            .iter()
            .map(|l| l.iter().map(|_| rng.uniform(0.2, 0.8)).collect())
            .collect();
        let pass = relaxed.backward(&c, d, &alphas);
        // The bound is the relaxed network's value at the pass's corner.
        let value = relaxed.relaxed_value(&pass, &alphas, &c, d);
        assert!(
            pass.bound <= value && value - pass.bound < 1e-6,
            "{} vs {value}",
            pass.bound
        );
        let mut grad: Vec<Vec<f64>> = alphas.iter().map(|l| vec![0.0; l.len()]).collect();
        relaxed.gradient(&pass, &alphas, &mut grad);
        let h = 1e-6;
        for j in 0..alphas.len() {
            for t in 0..alphas[j].len() {
                if !matches!(relaxed.units[j][t], Unit::Unstable { .. }) {
                    continue;
                }
                let mut up = alphas.clone();
                up[j][t] += h;
                let mut down = alphas.clone();
                down[j][t] -= h;
                let fd = (relaxed.backward(&c, d, &up).bound
                    - relaxed.backward(&c, d, &down).bound)
                    / (2.0 * h);
                // Skip the rare kink between the two points.
                if (fd - grad[j][t]).abs() > 1e-3 * (1.0 + fd.abs()) {
                    let one_sided = (relaxed.backward(&c, d, &up).bound - pass.bound) / h;
                    let other = (pass.bound - relaxed.backward(&c, d, &down).bound) / h;
                    assert!(
                        (one_sided - other).abs() > 1e-3,
                        "gradient {} against finite difference {fd}",
                        grad[j][t]
                    );
                    continue;
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "only {checked} derivatives checked");
}

#[test]
fn bounds_carry_the_rounding_margin() {
    // A network that is linear on the box (every unit stably active): the bound is
    // attained at a corner, so only the margin keeps it below the computed value.
    let net = Network::new(vec![
        Layer::from_rows(
            &[vec![0.3, 0.7], vec![-0.1, 0.9]],
            vec![5.0, 5.0],
            Activation::Relu,
        )
        .unwrap(),
        Layer::from_rows(&[vec![1.1, -0.6]], vec![0.1], Activation::Identity).unwrap(),
    ])
    .unwrap();
    let (lower, upper) = (vec![-1.0, -1.0], vec![1.0, 1.0]);
    let bounds = symbolic_bounds(&net, &lower, &upper).unwrap();
    let rows = vec![(vec![1.0], 0.2)];
    let result =
        optimised_output_lower_bounds(&net, &bounds, None, &rows, None, &options(5)).unwrap();
    let attained = sampled_minimum(
        &net,
        &lower,
        &upper,
        &rows[0].0,
        rows[0].1,
        &mut SplitMix64::new(1),
        0,
    );
    let relaxed = Relaxed::new(&net, &bounds, None);
    let pass = relaxed.backward(&rows[0].0, rows[0].1, &relaxed.heuristic_alphas(&bounds));
    for bound in [result.lower[0], pass.bound] {
        assert!(
            bound <= attained - 0.5 * ROUNDING_MARGIN,
            "{bound} vs {attained}"
        );
        assert!(bound >= attained - 1e-6);
    }
}

#[test]
fn warm_start_is_returned_and_reused() {
    let mut rng = SplitMix64::new(8);
    let net = random_network(&mut rng, 2, &[10, 10], 2);
    let (lower, upper) = (vec![-1.0, -1.0], vec![1.0, 1.0]);
    let bounds = symbolic_bounds(&net, &lower, &upper).unwrap();
    let rows = vec![random_row(&mut rng, 2), random_row(&mut rng, 2)];
    let first =
        optimised_output_lower_bounds(&net, &bounds, None, &rows, None, &options(10)).unwrap();
    assert_eq!(first.slopes.num_rows(), 2);
    // Zero steps from the returned slopes reproduce at least the bound reached.
    let again =
        optimised_output_lower_bounds(&net, &bounds, None, &rows, Some(&first.slopes), &options(0))
            .unwrap();
    for r in 0..2 {
        assert!(
            again.lower[r] >= first.lower[r],
            "{} < {}",
            again.lower[r],
            first.lower[r]
        );
    }
    // Slopes of another shape are ignored, not an error.
    let other = random_network(&mut rng, 2, &[3], 2);
    let other_bounds = symbolic_bounds(&other, &lower, &upper).unwrap();
    let foreign =
        optimised_output_lower_bounds(&other, &other_bounds, None, &rows, None, &options(2))
            .unwrap();
    assert!(optimised_output_lower_bounds(
        &net,
        &bounds,
        None,
        &rows,
        Some(&foreign.slopes),
        &options(2)
    )
    .is_ok());
}

/// The sub-network ending at the pre-activations of layer `k`.
fn truncated(net: &Network, k: usize) -> Network {
    let mut layers: Vec<Layer> = net.layers()[..k].to_vec();
    let l = &net.layers()[k];
    let rows: Vec<Vec<f64>> = (0..l.output_dim()).map(|i| l.row(i).to_vec()).collect();
    layers.push(Layer::from_rows(&rows, l.bias().to_vec(), Activation::Identity).unwrap());
    Network::new(layers).unwrap()
}

#[test]
fn optimised_layer_bounds_are_sound_and_within_symbolic() {
    let mut rng = SplitMix64::new(31);
    let mut tighter = 0;
    for trial in 0..80 {
        let net = small_network(&mut rng);
        let (lower, upper) = random_box(&mut rng, net.input_dim());
        let symbolic = symbolic_bounds(&net, &lower, &upper).unwrap();
        let mut optimised = symbolic.clone();
        optimised_layer_bounds(&net, &mut optimised, None, &options(10)).unwrap();
        assert!(
            optimised.is_within(&symbolic),
            "trial {trial}: looser than symbolic"
        );
        for k in 1..net.layers().len() - 1 {
            let sub = truncated(&net, k);
            for i in 0..net.layers()[k].output_dim() {
                let mut c = vec![0.0; net.layers()[k].output_dim()];
                c[i] = 1.0;
                let min = exact_minimum(&sub, &lower, &upper, &c, 0.0, None).unwrap();
                c[i] = -1.0;
                let max = -exact_minimum(&sub, &lower, &upper, &c, 0.0, None).unwrap();
                let (lo, up) = (optimised.pre_lower(k)[i], optimised.pre_upper(k)[i]);
                assert!(
                    lo <= min && up >= max,
                    "trial {trial} unit ({k}, {i}): [{lo}, {up}] misses [{min}, {max}]"
                );
                if lo > symbolic.pre_lower(k)[i] + 1e-6 || up < symbolic.pre_upper(k)[i] - 1e-6 {
                    tighter += 1;
                }
            }
        }
    }
    assert!(tighter >= 10, "only {tighter} bounds tightened");
}
