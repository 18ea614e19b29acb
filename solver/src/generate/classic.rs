//! Knapsack, set cover and capacitated facility location instances.

use crate::model::{Model, ObjSense, VarKind};
use crate::rng::SplitMix64;

/// A multi-dimensional 0-1 knapsack with `items` items and `dimensions` capacity
/// rows (weights in [10, 60], capacities half of the total weight, values correlated
/// with the weights), maximising value.
pub fn knapsack(items: usize, dimensions: usize, seed: u64) -> Model {
    let mut rng = SplitMix64::new(seed);
    let mut m = Model::new(&format!("knapsack{items}x{dimensions}_{seed}"));
    m.sense = ObjSense::Maximize;
    m.objective_name = "value".into();
    let weights: Vec<Vec<f64>> = (0..dimensions)
        .map(|_| (0..items).map(|_| rng.int(10, 60) as f64).collect())
        .collect();
    for i in 0..items {
        let mean = weights.iter().map(|w| w[i]).sum::<f64>() / dimensions.max(1) as f64;
        let value = (mean + rng.int(-5, 15) as f64).round().max(1.0);
        m.add_variable(&format!("x{i}"), VarKind::Binary, 0.0, 1.0, value);
    }
    for (d, w) in weights.iter().enumerate() {
        let total: f64 = w.iter().sum();
        let entries: Vec<(usize, f64)> = w.iter().copied().enumerate().collect();
        m.add_row(
            &format!("capacity{d}"),
            f64::NEG_INFINITY,
            (total / 2.0).floor(),
            &entries,
        );
    }
    m
}

/// A set cover: `elements` elements, `sets` sets each covering each element with
/// probability 0.15 (every element is covered at least twice), costs in [1, 20].
pub fn set_cover(elements: usize, sets: usize, seed: u64) -> Model {
    let mut rng = SplitMix64::new(seed);
    let mut m = Model::new(&format!("setcover{elements}x{sets}_{seed}"));
    m.objective_name = "cost".into();
    for s in 0..sets {
        m.add_variable(
            &format!("s{s}"),
            VarKind::Binary,
            0.0,
            1.0,
            rng.int(1, 20) as f64,
        );
    }
    for e in 0..elements {
        let mut covering: Vec<usize> = (0..sets).filter(|_| rng.unit() < 0.15).collect();
        while covering.len() < 2 {
            let s = rng.int(0, sets as i64 - 1) as usize;
            if !covering.contains(&s) {
                covering.push(s);
            }
        }
        let entries: Vec<(usize, f64)> = covering.into_iter().map(|s| (s, 1.0)).collect();
        m.add_row(&format!("cover{e}"), 1.0, f64::INFINITY, &entries);
    }
    m
}

/// Capacitated facility location: `facilities` sites with opening costs and
/// capacities, `customers` with demands; continuous shipments, binary openings.
pub fn facility_location(facilities: usize, customers: usize, seed: u64) -> Model {
    let mut rng = SplitMix64::new(seed);
    let mut m = Model::new(&format!("facility{facilities}x{customers}_{seed}"));
    m.objective_name = "cost".into();
    let sites: Vec<(f64, f64)> = (0..facilities).map(|_| (rng.unit(), rng.unit())).collect();
    let places: Vec<(f64, f64)> = (0..customers).map(|_| (rng.unit(), rng.unit())).collect();
    let demand: Vec<f64> = (0..customers).map(|_| rng.int(5, 35) as f64).collect();
    let total: f64 = demand.iter().sum();
    let open: Vec<usize> = (0..facilities)
        .map(|f| {
            m.add_variable(
                &format!("open{f}"),
                VarKind::Binary,
                0.0,
                1.0,
                rng.int(300, 700) as f64,
            )
        })
        .collect();
    let capacity: Vec<f64> = (0..facilities)
        .map(|_| (total * rng.uniform(0.25, 0.5)).round())
        .collect();
    let mut ship = vec![vec![0usize; customers]; facilities];
    for f in 0..facilities {
        for c in 0..customers {
            let (dx, dy) = (sites[f].0 - places[c].0, sites[f].1 - places[c].1);
            let unit_cost = (100.0 * (dx * dx + dy * dy).sqrt()).round() / 10.0;
            ship[f][c] = m.add_variable(
                &format!("ship{f}_{c}"),
                VarKind::Continuous,
                0.0,
                demand[c],
                unit_cost,
            );
        }
    }
    for c in 0..customers {
        let entries: Vec<(usize, f64)> = (0..facilities).map(|f| (ship[f][c], 1.0)).collect();
        m.add_row(&format!("demand{c}"), demand[c], demand[c], &entries);
    }
    for f in 0..facilities {
        let mut entries: Vec<(usize, f64)> = (0..customers).map(|c| (ship[f][c], 1.0)).collect();
        entries.push((open[f], -capacity[f]));
        m.add_row(&format!("capacity{f}"), f64::NEG_INFINITY, 0.0, &entries);
        for c in 0..customers {
            m.add_row(
                &format!("link{f}_{c}"),
                f64::NEG_INFINITY,
                0.0,
                &[(ship[f][c], 1.0), (open[f], -demand[c])],
            );
        }
    }
    m
}
