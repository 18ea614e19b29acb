//! The ReLU separator on random single units: its cuts hold at every point of the
//! unit, separate the LP point they come from, are the most violated of the family,
//! and never cut the convex hull.

use super::*;
use crate::lp::LpRow;
use crate::model::{Affine, ReluStructure, ReluUnit};
use crate::rng::SplitMix64;

/// A random unit `y = max(0, w'x + b)` over a random box, its columns spread over a
/// random permutation (the pre-activation has a column of its own).
struct Unit {
    weights: Vec<f64>,
    bias: f64,
    x: Vec<usize>,
    pre: usize,
    y: usize,
    z: usize,
    lower: Vec<f64>,
    upper: Vec<f64>,
}

impl Unit {
    fn random(rng: &mut SplitMix64) -> Unit {
        let n = 1 + rng.below(6);
        let mut columns: Vec<usize> = (0..n + 3).collect();
        for i in (1..columns.len()).rev() {
            columns.swap(i, rng.below(i + 1));
        }
        let weights: Vec<f64> = (0..n)
            .map(|_| match rng.below(6) {
                0 => 0.0,
                1 => rng.int(-3, 3) as f64,
                _ => rng.uniform(-2.0, 2.0),
            })
            .collect();
        let bias = if rng.below(4) == 0 {
            0.0
        } else {
            rng.uniform(-1.0, 1.0)
        };
        let mut lower = vec![0.0; n + 3];
        let mut upper = vec![1.0; n + 3];
        for &c in &columns[..n] {
            let l = if rng.below(4) == 0 {
                rng.int(-2, 1) as f64
            } else {
                rng.uniform(-2.0, 1.0)
            };
            let width = match rng.below(8) {
                0 => 0.0,
                1 => 1.0,
                _ => rng.uniform(0.1, 2.5),
            };
            lower[c] = l;
            upper[c] = l + width;
        }
        let mut unit = Unit {
            weights,
            bias,
            x: columns[..n].to_vec(),
            pre: columns[n],
            y: columns[n + 1],
            z: columns[n + 2],
            lower,
            upper,
        };
        let (lo, up) = unit.pre_range();
        (unit.lower[unit.pre], unit.upper[unit.pre]) = (lo, up);
        (unit.lower[unit.y], unit.upper[unit.y]) = (0.0, up.max(0.0));
        unit
    }

    fn pre_range(&self) -> (f64, f64) {
        let (mut lo, mut up) = (self.bias, self.bias);
        for (&w, &c) in self.weights.iter().zip(&self.x) {
            lo += (w * self.lower[c]).min(w * self.upper[c]);
            up += (w * self.lower[c]).max(w * self.upper[c]);
        }
        (lo, up)
    }

    fn structure(&self) -> ReluStructure {
        ReluStructure {
            units: vec![ReluUnit {
                layer: 0,
                neuron: 0,
                sample: None,
                pre: Some(self.pre),
                post: Some(self.y),
                indicator: Some(self.z),
                pre_bounds: self.pre_range(),
                affine: Some(Affine {
                    bias: self.bias,
                    terms: self
                        .x
                        .iter()
                        .copied()
                        .zip(self.weights.iter().copied())
                        .collect(),
                }),
            }],
            inputs: self.x.clone(),
            outputs: Vec::new(),
            linear: Vec::new(),
        }
    }

    fn pre_at(&self, inputs: &[f64]) -> f64 {
        self.weights
            .iter()
            .zip(inputs)
            .fold(self.bias, |acc, (w, v)| acc + w * v)
    }

    /// The point with inputs `inputs`, output `y` and indicator `z`.
    fn point(&self, inputs: &[f64], y: f64, z: f64) -> Vec<f64> {
        let mut point = vec![0.0; self.x.len() + 3];
        for (&c, &v) in self.x.iter().zip(inputs) {
            point[c] = v;
        }
        point[self.pre] = self.pre_at(inputs);
        point[self.y] = y;
        point[self.z] = z;
        point
    }

    /// The points of the unit at `inputs`: `z` is the activation, both values when
    /// the pre-activation is exactly 0.
    fn feasible(&self, inputs: &[f64]) -> Vec<Vec<f64>> {
        let pre = self.pre_at(inputs);
        let y = pre.max(0.0);
        match pre.partial_cmp(&0.0) {
            Some(std::cmp::Ordering::Greater) => vec![self.point(inputs, y, 1.0)],
            Some(std::cmp::Ordering::Less) => vec![self.point(inputs, y, 0.0)],
            _ => vec![self.point(inputs, y, 0.0), self.point(inputs, y, 1.0)],
        }
    }

    fn random_inputs(&self, rng: &mut SplitMix64) -> Vec<f64> {
        self.x
            .iter()
            .map(|&c| rng.uniform(self.lower[c], self.upper[c]))
            .collect()
    }

    /// Every vertex of the input box.
    fn vertices(&self) -> Vec<Vec<f64>> {
        let n = self.x.len();
        (0..1usize << n)
            .map(|mask| {
                (0..n)
                    .map(|i| {
                        let c = self.x[i];
                        if mask >> i & 1 == 1 {
                            self.upper[c]
                        } else {
                            self.lower[c]
                        }
                    })
                    .collect()
            })
            .collect()
    }

    /// Every point of the unit at the vertices and at `samples` random inputs.
    fn sampled_points(&self, rng: &mut SplitMix64, samples: usize) -> Vec<Vec<f64>> {
        let mut inputs = self.vertices();
        inputs.extend((0..samples).map(|_| self.random_inputs(rng)));
        inputs.iter().flat_map(|x| self.feasible(x)).collect()
    }

    /// The largest violation at `point` over every inequality of the family (all
    /// subsets), with the norm of that inequality's coefficients.
    fn brute_force_violation(&self, point: &[f64]) -> (f64, f64) {
        let n = self.x.len();
        let z = point[self.z].clamp(0.0, 1.0);
        let mut best = (f64::NEG_INFINITY, 1.0);
        for mask in 0..1usize << n {
            let mut right = self.bias * z;
            let mut z_coef = self.bias;
            let mut squares = 1.0;
            for i in 0..n {
                let (w, c) = (self.weights[i], self.x[i]);
                let (low, high) = if w >= 0.0 {
                    (self.lower[c], self.upper[c])
                } else {
                    (self.upper[c], self.lower[c])
                };
                if mask >> i & 1 == 1 {
                    right += w * (point[c] - low * (1.0 - z));
                    z_coef += w * low;
                    squares += w * w;
                } else {
                    right += w * high * z;
                    z_coef += w * high;
                }
            }
            let violation = point[self.y] - right;
            if violation > best.0 {
                best = (violation, (squares + z_coef * z_coef).sqrt());
            }
        }
        best
    }

    /// A fractional LP point: inputs in the box, `z` in (0, 1), `y` between the
    /// pre-activation's positive part and its largest value.
    fn lp_point(&self, rng: &mut SplitMix64) -> Vec<f64> {
        let inputs = self.random_inputs(rng);
        let low = self.pre_at(&inputs).max(0.0);
        let high = self.upper[self.y].max(low);
        let y = rng.uniform(low, high);
        self.point(&inputs, y, rng.uniform(0.02, 0.98))
    }

    fn separate(&self, point: &[f64]) -> Vec<Cut> {
        let separator = ReluSeparator::new(&self.structure()).expect("one unstable unit");
        separator.separate_at(&self.lower, &self.upper, point)
    }
}

fn activity(row: &LpRow, point: &[f64]) -> f64 {
    row.entries.iter().map(|&(j, a)| a * point[j]).sum()
}

#[test]
fn cuts_hold_at_every_point_of_random_units() {
    let mut rng = SplitMix64::new(11);
    let mut checked = 0;
    for _ in 0..300 {
        let unit = Unit::random(&mut rng);
        let points = unit.sampled_points(&mut rng, 300);
        for _ in 0..20 {
            let lp_point = unit.lp_point(&mut rng);
            for cut in unit.separate(&lp_point) {
                let row = &cut.row;
                assert!(
                    activity(row, &lp_point) < row.lower,
                    "not violated: {row:?}"
                );
                assert!(cut.efficacy >= MIN_EFFICACY_FOR_TESTS);
                assert!(row.entries.windows(2).all(|w| w[0].0 < w[1].0));
                assert!(row.entries.iter().all(|e| e.0 != unit.pre));
                for p in &points {
                    let lhs = activity(row, p);
                    assert!(
                        lhs >= row.lower,
                        "cut {row:?} violated by {:e} at {p:?}",
                        row.lower - lhs
                    );
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 1000, "only {checked} cuts");
}

const MIN_EFFICACY_FOR_TESTS: f64 = crate::cuts::MIN_EFFICACY;

#[test]
fn the_separated_cut_is_the_most_violated_inequality() {
    let mut rng = SplitMix64::new(12);
    let (mut found, mut none) = (0, 0);
    for _ in 0..300 {
        let unit = Unit::random(&mut rng);
        for _ in 0..10 {
            let point = unit.lp_point(&mut rng);
            let (best, norm) = unit.brute_force_violation(&point);
            let cuts = unit.separate(&point);
            assert!(cuts.len() <= 1);
            match cuts.first() {
                Some(cut) => {
                    // Back to the scale where y has coefficient -1.
                    let scale = cut
                        .row
                        .entries
                        .iter()
                        .find(|e| e.0 == unit.y)
                        .map(|e| -1.0 / e.1)
                        .expect("y in the cut");
                    let violation = scale * (cut.row.lower - activity(&cut.row, &point));
                    let tolerance = 1e-6 * (1.0 + best.abs());
                    assert!(
                        (violation - best).abs() < tolerance,
                        "{violation} vs {best}"
                    );
                    found += 1;
                }
                None => {
                    assert!(best <= 1e-6 || best / norm < 1.5 * MIN_EFFICACY_FOR_TESTS);
                    none += 1;
                }
            }
        }
    }
    assert!(found > 500 && none > 50, "found {found}, none {none}");
}

#[test]
fn points_of_the_convex_hull_are_not_cut() {
    let mut rng = SplitMix64::new(13);
    for _ in 0..200 {
        let unit = Unit::random(&mut rng);
        // Vertices with integral z: points of the hull's facets.
        for p in unit.vertices().iter().flat_map(|x| unit.feasible(x)) {
            assert!(unit.separate(&p).is_empty(), "vertex {p:?} cut");
        }
        // Convex combinations of two points of the unit.
        for _ in 0..30 {
            let a = &unit.feasible(&unit.random_inputs(&mut rng))[0];
            let b = &unit.feasible(&unit.random_inputs(&mut rng))[0];
            let t = rng.unit();
            let mixed: Vec<f64> = a
                .iter()
                .zip(b)
                .map(|(u, v)| t * u + (1.0 - t) * v)
                .collect();
            assert!(unit.separate(&mixed).is_empty(), "hull point {mixed:?} cut");
        }
    }
}

#[test]
fn fixed_indicators_and_unbounded_sources_are_not_separated() {
    let mut rng = SplitMix64::new(14);
    let mut unit = Unit::random(&mut rng);
    while unit.weights.iter().all(|&w| w == 0.0) {
        unit = Unit::random(&mut rng);
    }
    let point = (0..100)
        .map(|_| unit.lp_point(&mut rng))
        .find(|p| !unit.separate(p).is_empty())
        .expect("a separable point");
    let separator = ReluSeparator::new(&unit.structure()).expect("one unit");
    for fixed in [0.0, 1.0] {
        let (mut lower, mut upper) = (unit.lower.clone(), unit.upper.clone());
        (lower[unit.z], upper[unit.z]) = (fixed, fixed);
        assert!(separator.separate_at(&lower, &upper, &point).is_empty());
    }
    let source = unit.x[unit
        .weights
        .iter()
        .position(|&w| w != 0.0)
        .expect("a weight")];
    let mut upper = unit.upper.clone();
    upper[source] = f64::INFINITY;
    assert!(separator
        .separate_at(&unit.lower, &upper, &point)
        .is_empty());
    // Slices shorter than the unit's columns: skipped, no panic.
    assert!(separator
        .separate_at(&unit.lower[..1], &unit.upper[..1], &point[..1])
        .is_empty());
}

#[test]
fn only_units_with_an_indicator_and_a_map_are_kept() {
    let mut rng = SplitMix64::new(15);
    let unit = Unit::random(&mut rng);
    let mut structure = unit.structure();
    assert_eq!(
        ReluSeparator::new(&structure).map(|s| s.num_units()),
        Some(1)
    );
    structure.units[0].affine = None;
    assert!(ReluSeparator::new(&structure).is_none());
    let mut structure = unit.structure();
    structure.units[0].indicator = None;
    assert!(ReluSeparator::new(&structure).is_none());
    // A map that reads the unit's own output is refused.
    let mut structure = unit.structure();
    if let Some(affine) = structure.units[0].affine.as_mut() {
        affine.terms.push((unit.y, 1.0));
    }
    assert!(ReluSeparator::new(&structure).is_none());
}

/// Repeated columns in a map are merged: the cut of `w x + w x` is that of `2 w x`.
#[test]
fn repeated_terms_are_merged() {
    let mut rng = SplitMix64::new(16);
    let unit = Unit::random(&mut rng);
    let mut doubled = unit.structure();
    if let Some(affine) = doubled.units[0].affine.as_mut() {
        let half: Vec<(usize, f64)> = affine.terms.iter().map(|&(c, w)| (c, w / 2.0)).collect();
        affine.terms = half.iter().chain(&half).copied().collect();
    }
    let plain = ReluSeparator::new(&unit.structure()).expect("unit");
    let merged = ReluSeparator::new(&doubled).expect("unit");
    for _ in 0..50 {
        let point = unit.lp_point(&mut rng);
        let a = plain.separate_at(&unit.lower, &unit.upper, &point);
        let b = merged.separate_at(&unit.lower, &unit.upper, &point);
        assert_eq!(a.len(), b.len());
        for (x, y) in a.iter().zip(&b) {
            assert_eq!(x.row.entries.len(), y.row.entries.len());
            assert!((x.efficacy - y.efficacy).abs() < 1e-9);
        }
    }
}
