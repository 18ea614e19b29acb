//! Tests of the three bound methods together: soundness on sampled inputs of random
//! networks, the tightness order, hand-computed bounds and stability counts.

use super::*;
use crate::lp::LpBackend;
use crate::nn::Layer;
use crate::rng::SplitMix64;
use std::time::Duration;

/// The tests' generator: uniform reals and integers.
struct Rng(SplitMix64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(SplitMix64::new(seed))
    }

    fn range(&mut self, lo: f64, hi: f64) -> f64 {
        self.0.uniform(lo, hi)
    }

    fn int(&mut self, lo: usize, hi: usize) -> usize {
        self.0.int(lo as i64, hi as i64) as usize
    }
}

/// A random network: 1-4 inputs, 1-4 hidden ReLU layers of 1-8 neurons, 1-3
/// outputs; weights in [-1, 1], biases in [-0.5, 0.5], some weights zero.
fn random_network(rng: &mut Rng) -> Network {
    let inputs = rng.int(1, 4);
    let hidden = rng.int(1, 4);
    let mut dims = vec![inputs];
    for _ in 0..hidden {
        dims.push(rng.int(1, 8));
    }
    dims.push(rng.int(1, 3));
    let layers = dims
        .windows(2)
        .enumerate()
        .map(|(k, d)| {
            let weights = (0..d[0] * d[1])
                .map(|_| {
                    if rng.range(0.0, 1.0) < 0.15 {
                        0.0
                    } else {
                        rng.range(-1.0, 1.0)
                    }
                })
                .collect();
            let bias = (0..d[1]).map(|_| rng.range(-0.5, 0.5)).collect();
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

fn random_box(rng: &mut Rng, n: usize) -> (Vec<f64>, Vec<f64>) {
    let mut lower = Vec::with_capacity(n);
    let mut upper = Vec::with_capacity(n);
    for _ in 0..n {
        let centre = rng.range(-1.0, 1.0);
        let radius = if rng.range(0.0, 1.0) < 0.1 {
            0.0
        } else {
            rng.range(0.0, 1.5)
        };
        lower.push(centre - radius);
        upper.push(centre + radius);
    }
    (lower, upper)
}

/// Uniform samples of the box plus all its corners (for up to 10 inputs).
fn samples(rng: &mut Rng, lower: &[f64], upper: &[f64], count: usize) -> Vec<Vec<f64>> {
    let n = lower.len();
    let mut points: Vec<Vec<f64>> = (0..count)
        .map(|_| (0..n).map(|j| rng.range(lower[j], upper[j])).collect())
        .collect();
    if n <= 10 {
        for mask in 0..1usize << n {
            points.push(
                (0..n)
                    .map(|j| {
                        if mask >> j & 1 == 1 {
                            upper[j]
                        } else {
                            lower[j]
                        }
                    })
                    .collect(),
            );
        }
    }
    points
}

fn assert_sound(net: &Network, bounds: &NetworkBounds, points: &[Vec<f64>], what: &str) {
    for x in points {
        let values = net.forward_all_layers(x);
        if let Some((k, i, v)) = bounds.first_violation(&values) {
            panic!(
                "{what}: layer {k} neuron {i} value {v} outside [{}, {}] at {x:?}",
                bounds.pre_lower(k)[i],
                bounds.pre_upper(k)[i]
            );
        }
    }
}

fn all_layers() -> LpTightenOptions {
    LpTightenOptions {
        include_output_layer: true,
        ..LpTightenOptions::default()
    }
}

#[test]
fn all_methods_are_sound_and_ordered_on_random_networks() {
    let mut strictly_tighter = [0usize; 2];
    for seed in 0..300 {
        let mut rng = Rng::new(seed);
        let net = random_network(&mut rng);
        let (lower, upper) = random_box(&mut rng, net.input_dim());
        let ibp = interval_bounds(&net, &lower, &upper).unwrap();
        let sym = symbolic_bounds(&net, &lower, &upper).unwrap();
        let mut lp = sym.clone();
        let report = lp_tighten(
            &net,
            &lower,
            &upper,
            &mut lp,
            Duration::from_secs(30),
            &all_layers(),
        )
        .unwrap();
        assert!(report.completed, "seed {seed}: {report:?}");
        assert_eq!(report.lp_failures, 0, "seed {seed}: {report:?}");
        let points = samples(&mut rng, &lower, &upper, 300);
        assert_sound(&net, &ibp, &points, &format!("seed {seed} IBP"));
        assert_sound(&net, &sym, &points, &format!("seed {seed} symbolic"));
        assert_sound(&net, &lp, &points, &format!("seed {seed} LP"));
        assert!(sym.is_within(&ibp), "seed {seed}: symbolic not within IBP");
        assert!(lp.is_within(&sym), "seed {seed}: LP not within symbolic");
        assert!(!lp.is_empty());
        strictly_tighter[0] += usize::from(sym != ibp);
        strictly_tighter[1] += usize::from(lp != sym);
    }
    // The methods are not all the same: each improves on many networks.
    assert!(
        strictly_tighter.iter().all(|&c| c > 50),
        "{strictly_tighter:?}"
    );
}

#[test]
fn wider_networks_are_sound_with_both_lp_backends() {
    for seed in 0..12 {
        let mut rng = Rng::new(1000 + seed);
        let dims = [3, 12, 12, 10, 2];
        let layers = dims
            .windows(2)
            .enumerate()
            .map(|(k, d)| {
                let weights = (0..d[0] * d[1]).map(|_| rng.range(-1.0, 1.0)).collect();
                let bias = (0..d[1]).map(|_| rng.range(-0.3, 0.3)).collect();
                let act = if k == 3 {
                    Activation::Identity
                } else {
                    Activation::Relu
                };
                Layer::new(weights, bias, d[0], act).unwrap()
            })
            .collect();
        let net = Network::new(layers).unwrap();
        let (lower, upper) = random_box(&mut rng, 3);
        let sym = symbolic_bounds(&net, &lower, &upper).unwrap();
        let points = samples(&mut rng, &lower, &upper, 1000);
        for backend in LpBackend::ALL.iter().copied() {
            let mut lp = sym.clone();
            let options = LpTightenOptions {
                backend,
                ..all_layers()
            };
            let report = lp_tighten(
                &net,
                &lower,
                &upper,
                &mut lp,
                Duration::from_secs(30),
                &options,
            )
            .unwrap();
            assert!(report.completed);
            assert!(report.unstable_after <= report.unstable_before);
            assert_sound(
                &net,
                &lp,
                &points,
                &format!("seed {seed} {}", backend.name()),
            );
            assert!(lp.is_within(&sym));
        }
    }
}

/// Inputs in [0, 1]^2; hidden `h1 = x1 + x2 - 0.5` in [-0.5, 1.5] (lower slope 1,
/// chord 0.75 h1 + 0.375) and `h2 = x1 - x2` in [-1, 1] (lower slope 0, chord
/// 0.5 h2 + 0.5); outputs `o1 = y1 - y2`, `o2 = 2 y1 + y2`.
fn hand_network() -> Network {
    Network::new(vec![
        Layer::from_rows(
            &[vec![1.0, 1.0], vec![1.0, -1.0]],
            vec![-0.5, 0.0],
            Activation::Relu,
        )
        .unwrap(),
        Layer::from_rows(
            &[vec![1.0, -1.0], vec![2.0, 1.0]],
            vec![0.0, 0.0],
            Activation::Identity,
        )
        .unwrap(),
    ])
    .unwrap()
}

fn assert_bounds(bounds: &NetworkBounds, layer: usize, expected: &[(f64, f64)]) {
    for (i, &(lo, up)) in expected.iter().enumerate() {
        let (l, u) = (bounds.pre_lower(layer)[i], bounds.pre_upper(layer)[i]);
        assert!(
            l <= lo && l > lo - 1e-7 && u >= up && u < up + 1e-7,
            "layer {layer} neuron {i}: [{l}, {u}], expected [{lo}, {up}]"
        );
    }
}

#[test]
fn hand_computed_interval_and_symbolic_bounds() {
    let net = hand_network();
    let (lower, upper) = ([0.0, 0.0], [1.0, 1.0]);
    let ibp = interval_bounds(&net, &lower, &upper).unwrap();
    assert_bounds(&ibp, 0, &[(-0.5, 1.5), (-1.0, 1.0)]);
    // y1 in [0, 1.5], y2 in [0, 1]: o1 in [-1, 1.5], o2 in [0, 4].
    assert_bounds(&ibp, 1, &[(-1.0, 1.5), (0.0, 4.0)]);
    let sym = symbolic_bounds(&net, &lower, &upper).unwrap();
    assert_bounds(&sym, 0, &[(-0.5, 1.5), (-1.0, 1.0)]);
    // o1 <= (0.75 h1 + 0.375) - 0 = 0.75 x1 + 0.75 x2 <= 1.5;
    // o1 >= h1 - (0.5 h2 + 0.5) = 0.5 x1 + 1.5 x2 - 1 >= -1;
    // o2 <= 2 (0.75 h1 + 0.375) + 0.5 h2 + 0.5 = 2 x1 + x2 + 0.5 <= 3.5;
    // o2 >= 2 h1 + 0 = 2 x1 + 2 x2 - 1 >= -1, so IBP's 0 is kept.
    assert_bounds(&sym, 1, &[(-1.0, 1.5), (0.0, 3.5)]);
    assert_eq!(sym.post_lower(0), &[0.0, 0.0]);
    assert!(sym.post_upper(0)[0] >= 1.5 && sym.post_upper(0)[0] < 1.5 + 1e-7);
}

#[test]
fn lp_tightening_beats_symbolic_on_the_hand_network() {
    // max 2 y1 + y2 over the triangle relaxation: y1 <= 0.75 (x1 + x2), y2 <= 0.5
    // (x1 - x2) + 0.5; at x = (1, 1): 3 + 0.5 = 3.5, at x = (1, 0): 1.5 + 1 = 2.5.
    // So the LP gives 3.5 as well; o1's LP minimum: y1 - y2 with y1 >= h1, y1 >= 0,
    // y2 <= 0.5 h2 + 0.5: min over x of max(0, x1 + x2 - 0.5) - 0.5 (x1 - x2) - 0.5,
    // at x = (1, 0): 0.5 - 0.5 - 0.5 = -0.5; at (0.5, 0): 0 - 0.25 - 0.5 = -0.75;
    // the minimum is -0.75 (x1 = 0.5, x2 = 0), tighter than symbolic's -1.
    let net = hand_network();
    let (lower, upper) = ([0.0, 0.0], [1.0, 1.0]);
    let mut bounds = symbolic_bounds(&net, &lower, &upper).unwrap();
    let report = lp_tighten(
        &net,
        &lower,
        &upper,
        &mut bounds,
        Duration::from_secs(10),
        &all_layers(),
    )
    .unwrap();
    assert!(report.completed);
    assert_eq!(report.lps_solved, 4);
    assert_bounds(&bounds, 1, &[(-0.75, 1.5), (0.0, 3.5)]);
}

#[test]
fn stability_counts_of_a_hand_made_layer() {
    // x in [0, 1]^2: x1 + x2 + 1 in [1, 3] active, -x1 - 1 in [-2, -1] inactive,
    // x1 - x2 in [-1, 1] unstable, x1 + 0.5 in [0.5, 1.5] active, -x2 - 0.1
    // inactive; then one output.
    let net = Network::new(vec![
        Layer::from_rows(
            &[
                vec![1.0, 1.0],
                vec![-1.0, 0.0],
                vec![1.0, -1.0],
                vec![1.0, 0.0],
                vec![0.0, -1.0],
            ],
            vec![1.0, -1.0, 0.0, 0.5, -0.1],
            Activation::Relu,
        )
        .unwrap(),
        Layer::from_rows(&[vec![1.0; 5]], vec![0.0], Activation::Identity).unwrap(),
    ])
    .unwrap();
    let bounds = interval_bounds(&net, &[0.0, 0.0], &[1.0, 1.0]).unwrap();
    let expected = [
        Stability::Active,
        Stability::Inactive,
        Stability::Unstable,
        Stability::Active,
        Stability::Inactive,
    ];
    for (i, &s) in expected.iter().enumerate() {
        assert_eq!(bounds.stability(0, i), s, "neuron {i}");
    }
    let counts = bounds.counts(0);
    assert_eq!(
        counts,
        StabilityCounts {
            stable_active: 2,
            stable_inactive: 2,
            unstable: 1
        }
    );
    assert_eq!(counts.total(), 5);
    assert_eq!(bounds.relu_counts(), counts);
    // Zero bounds: lower 0 is active, upper 0 inactive.
    assert_eq!(Stability::of(0.0, 1.0), Stability::Active);
    assert_eq!(Stability::of(-1.0, 0.0), Stability::Inactive);
    assert_eq!(Stability::of(0.0, 0.0), Stability::Active);
    assert_eq!(Stability::of(-1e-12, 1e-12), Stability::Unstable);
}

#[test]
fn zero_budget_keeps_sound_bounds_and_reports_incomplete() {
    let mut rng = Rng::new(77);
    let net = random_network(&mut rng);
    let (lower, upper) = ([-1.0; 4], [1.0; 4]);
    let (lower, upper) = (&lower[..net.input_dim()], &upper[..net.input_dim()]);
    let sym = symbolic_bounds(&net, lower, upper).unwrap();
    let mut bounds = sym.clone();
    let report = lp_tighten(
        &net,
        lower,
        upper,
        &mut bounds,
        Duration::ZERO,
        &all_layers(),
    )
    .unwrap();
    assert!(!report.completed || report.lps_solved == 0);
    assert_eq!(bounds, sym);
}

#[test]
fn lp_tighten_rejects_mismatched_input() {
    let net = hand_network();
    let mut bounds = symbolic_bounds(&net, &[0.0, 0.0], &[1.0, 1.0]).unwrap();
    let budget = Duration::from_secs(1);
    let options = LpTightenOptions::default();
    // A box larger than the one of the bounds.
    assert!(lp_tighten(
        &net,
        &[0.0, 0.0],
        &[2.0, 1.0],
        &mut bounds,
        budget,
        &options
    )
    .is_err());
    // Another network shape.
    let other = Network::new(vec![Layer::from_rows(
        &[vec![1.0, 1.0]],
        vec![0.0],
        Activation::Identity,
    )
    .unwrap()])
    .unwrap();
    assert!(lp_tighten(
        &other,
        &[0.0, 0.0],
        &[1.0, 1.0],
        &mut bounds,
        budget,
        &options
    )
    .is_err());
    // A sub-box is fine and becomes the bounds' box.
    let report = lp_tighten(
        &net,
        &[0.0, 0.0],
        &[0.5, 1.0],
        &mut bounds,
        budget,
        &options,
    )
    .unwrap();
    assert!(report.completed);
    assert_eq!(bounds.input_upper(), &[0.5, 1.0]);
    let mut rng = Rng::new(9);
    let points = samples(&mut rng, &[0.0, 0.0], &[0.5, 1.0], 200);
    assert_sound(&net, &bounds, &points, "sub-box");
    // The first layer was recomputed for the sub-box: x1 + x2 - 0.5 <= 1.
    assert!(bounds.pre_upper(0)[0] < 1.0 + 1e-7);
}

/// Back-substitution for one neuron, written plainly (one coefficient vector, no
/// blocking, no margin): the reference for the matrix code.
fn reference_bound(net: &Network, b: &NetworkBounds, k: usize, i: usize, upper: bool) -> f64 {
    let mut coefs = net.layers()[k].row(i).to_vec();
    let mut constant = net.layers()[k].bias()[i];
    for j in (0..k).rev() {
        for (t, c) in coefs.iter_mut().enumerate() {
            let (l, u) = (b.pre_lower(j)[t], b.pre_upper(j)[t]);
            let (slope, intercept, lower_slope) = if l >= 0.0 {
                (1.0, 0.0, 1.0)
            } else if u <= 0.0 {
                (0.0, 0.0, 0.0)
            } else {
                let s = u / (u - l);
                (s, -s * l, if u > -l { 1.0 } else { 0.0 })
            };
            if (*c > 0.0) == upper {
                constant += *c * intercept;
                *c *= slope;
            } else {
                *c *= lower_slope;
            }
        }
        let layer = &net.layers()[j];
        let mut next = vec![0.0; layer.input_dim()];
        for (t, &c) in coefs.iter().enumerate() {
            constant += c * layer.bias()[t];
            for (n, w) in next.iter_mut().zip(layer.row(t)) {
                *n += c * w;
            }
        }
        coefs = next;
    }
    let (xl, xu) = (b.input_lower(), b.input_upper());
    constant
        + coefs
            .iter()
            .enumerate()
            .map(|(s, &c)| {
                if (c > 0.0) == upper {
                    c * xu[s]
                } else {
                    c * xl[s]
                }
            })
            .sum::<f64>()
}

#[test]
fn symbolic_matrix_code_matches_a_plain_reference() {
    // Widths not multiples of the block size; the widest products run in parallel.
    for (seed, dims) in [
        (1, vec![3, 7, 5, 9, 2]),
        (2, vec![6, 130, 131, 133, 3]),
        (3, vec![2, 1, 6, 1, 4]),
    ] {
        let mut rng = Rng::new(seed);
        let layers = dims
            .windows(2)
            .enumerate()
            .map(|(k, d)| {
                let scale = (2.0 / d[0] as f64).sqrt();
                let weights = (0..d[0] * d[1]).map(|_| rng.range(-scale, scale)).collect();
                let bias = (0..d[1]).map(|_| rng.range(-0.1, 0.1)).collect();
                let act = if k + 2 == dims.len() {
                    Activation::Identity
                } else {
                    Activation::Relu
                };
                Layer::new(weights, bias, d[0], act).unwrap()
            })
            .collect();
        let net = Network::new(layers).unwrap();
        let (lower, upper) = random_box(&mut rng, dims[0]);
        let sym = symbolic_bounds(&net, &lower, &upper).unwrap();
        for k in 1..net.layers().len() {
            let (in_lower, in_upper) = sym.layer_input(k);
            let (ibp_lower, ibp_upper) =
                interval::layer_image(&net.layers()[k], in_lower, in_upper);
            for i in 0..net.layers()[k].output_dim() {
                if k + 1 < net.layers().len() && ibp_upper[i] <= 0.0 {
                    // Inactive by interval bounds: not back-substituted.
                    assert_eq!(sym.pre_upper(k)[i], ibp_upper[i]);
                    continue;
                }
                let lo = reference_bound(&net, &sym, k, i, false).max(ibp_lower[i]);
                let up = reference_bound(&net, &sym, k, i, true).min(ibp_upper[i]);
                let (l, u) = (sym.pre_lower(k)[i], sym.pre_upper(k)[i]);
                let tol = 1e-7 * (1.0 + lo.abs().max(up.abs()));
                assert!(
                    l <= lo + 1e-15 && l >= lo - tol && u >= up - 1e-15 && u <= up + tol,
                    "seed {seed} layer {k} neuron {i}: [{l}, {u}] vs reference [{lo}, {up}]"
                );
            }
        }
    }
}

#[test]
fn lp_tighten_from_unbounded_bounds_stays_sound() {
    let net = hand_network();
    let (lower, upper) = ([0.0, 0.0], [1.0, 1.0]);
    let mut bounds = NetworkBounds::unbounded(&net, &lower, &upper).unwrap();
    let report = lp_tighten(
        &net,
        &lower,
        &upper,
        &mut bounds,
        Duration::from_secs(10),
        &all_layers(),
    )
    .unwrap();
    assert!(report.completed);
    let mut rng = Rng::new(3);
    assert_sound(
        &net,
        &bounds,
        &samples(&mut rng, &lower, &upper, 100),
        "unbounded",
    );
}

/// A split (one hidden neuron forced active or inactive) refined through the later
/// layers: the bounds hold for every sampled input that satisfies the split, and
/// never loosen.
#[test]
fn refining_after_a_split_is_sound_for_the_split_region() {
    let mut checked = 0;
    for seed in 0..200 {
        let mut rng = Rng::new(5000 + seed);
        let net = random_network(&mut rng);
        if net.layers().len() < 3 {
            continue;
        }
        let (lower, upper) = random_box(&mut rng, net.input_dim());
        let sym = symbolic_bounds(&net, &lower, &upper).unwrap();
        let Some(i) =
            (0..net.layers()[0].output_dim()).find(|&i| sym.stability(0, i) == Stability::Unstable)
        else {
            continue;
        };
        for active in [true, false] {
            let mut split = sym.clone();
            if active {
                split.tighten(0, i, 0.0, f64::INFINITY);
            } else {
                split.tighten(0, i, f64::NEG_INFINITY, 0.0);
            }
            symbolic_refine(&net, &mut split, 1).unwrap();
            assert!(split.is_within(&sym), "seed {seed}");
            let points: Vec<Vec<f64>> = samples(&mut rng, &lower, &upper, 400)
                .into_iter()
                .filter(|x| (net.layers()[0].pre_activation(x)[i] >= 0.0) == active)
                .collect();
            assert_sound(
                &net,
                &split,
                &points,
                &format!("seed {seed} split {active}"),
            );
            checked += 1;
        }
    }
    assert!(checked > 50, "{checked}");
}
