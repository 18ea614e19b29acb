//! Training MILPs against independent answers: the sparsity MILP on planted
//! instances (fits every sample, never more nonzeros than the teacher), its optimum
//! against exhaustive search over supports, signs and activation patterns, and
//! against a solve of its MPS file in another configuration; ONNX round trips of
//! trained networks.

use relumip_solver::data::{planted, Dataset, PlantedSpec};
use relumip_solver::io::mps::{read_mps, write_mps};
use relumip_solver::io::onnx::{read_onnx, write_onnx, OnnxPrecision, OnnxWriteOptions};
use relumip_solver::lp::{LpBackend, LpLimits, LpProblem, LpRow, LpStatus};
use relumip_solver::nn::Network;
use relumip_solver::search::{solve, NoProgress, Schedule, Settings, Status};
use relumip_solver::train::sparsity::{
    count_nonzeros, fit_sparse, max_residual, sparsity_milp, SparsityOptions,
};
use std::time::Duration;

fn settings() -> Settings {
    Settings {
        threads: 2,
        time_limit: Some(Duration::from_secs(60)),
        ..Settings::default()
    }
}

fn spec(samples: usize, inputs: usize, hidden: usize, nonzeros: usize, seed: u64) -> PlantedSpec {
    PlantedSpec {
        samples,
        inputs,
        hidden,
        nonzeros,
        seed,
    }
}

#[test]
fn planted_instances_are_fitted_with_at_most_the_planted_nonzeros() {
    for (s, hidden) in [
        (spec(12, 3, 2, 3, 1), 2),
        (spec(15, 3, 2, 4, 2), 2),
        (spec(10, 4, 1, 2, 3), 1),
        (spec(10, 3, 2, 2, 4), 3),
    ] {
        let (data, teacher) = planted(&s).unwrap();
        let options = SparsityOptions {
            hidden,
            ..SparsityOptions::default()
        };
        let out = fit_sparse(&data, &options, &settings(), &NoProgress).unwrap();
        assert_eq!(out.result.status, Status::Optimal, "{s:?}");
        let net = out.network.expect("a network");
        let nonzeros = out.nonzeros.unwrap();
        assert_eq!(nonzeros, count_nonzeros(&net));
        assert!(nonzeros <= count_nonzeros(&teacher), "{s:?}: {nonzeros}");
        assert!(max_residual(&net, &data) <= out.residual_limit);
        assert!(max_residual(&net, &data) < 1e-6, "{s:?}");
        let outer = net.layers()[1].weights();
        assert!(outer.iter().all(|v| [-1.0, 0.0, 1.0].contains(v)));
    }
}

/// Is there a one-neuron network `v relu(w.x + b)` with `w` supported on `support`,
/// `|w| <= m`, `b` in `bias`, sign `v` and activation pattern `active` that fits
/// every sample within `eps`? (An LP feasibility problem.)
fn feasible(
    data: &Dataset,
    support: &[usize],
    v: f64,
    active: &[bool],
    m: f64,
    bias: (f64, f64),
    eps: f64,
) -> bool {
    let d = data.num_features();
    let mut col_lower = vec![0.0; d + 1];
    let mut col_upper = vec![0.0; d + 1];
    for &j in support {
        col_lower[j] = -m;
        col_upper[j] = m;
    }
    col_lower[d] = bias.0;
    col_upper[d] = bias.1;
    let mut rows = Vec::new();
    for ((x, &y), &on) in data.features.iter().zip(&data.targets).zip(active) {
        let mut entries: Vec<(usize, f64)> = (0..d).map(|j| (j, x[j])).collect();
        entries.push((d, 1.0));
        if on {
            // a >= 0 and |v a - y| <= eps
            rows.push(LpRow {
                entries: entries.clone(),
                lower: 0.0,
                upper: f64::INFINITY,
            });
            let scaled = entries.iter().map(|&(j, a)| (j, v * a)).collect();
            rows.push(LpRow {
                entries: scaled,
                lower: y - eps,
                upper: y + eps,
            });
        } else {
            if y.abs() > eps {
                return false;
            }
            rows.push(LpRow {
                entries,
                lower: f64::NEG_INFINITY,
                upper: 0.0,
            });
        }
    }
    let problem = LpProblem {
        costs: vec![0.0; d + 1],
        col_lower,
        col_upper,
        rows,
    };
    let mut engine = LpBackend::default().create(&problem);
    engine.solve(&LpLimits::default()) == LpStatus::Optimal
}

/// Fewest nonzeros of a one-neuron network fitting `data`, by enumeration.
fn exhaustive_one_neuron(data: &Dataset, m: f64, bias: (f64, f64), eps: f64) -> Option<usize> {
    let (d, n) = (data.num_features(), data.len());
    let mut best: Option<usize> = None;
    if data.targets.iter().all(|y| y.abs() <= eps) {
        return Some(0);
    }
    for mask in 0u32..(1 << d) {
        let support: Vec<usize> = (0..d).filter(|j| mask & (1 << j) != 0).collect();
        if best.is_some_and(|b| support.len() >= b) {
            continue;
        }
        let found = [1.0, -1.0].iter().any(|&v| {
            (0u32..(1 << n)).any(|pattern| {
                let active: Vec<bool> = (0..n).map(|k| pattern & (1 << k) != 0).collect();
                feasible(data, &support, v, &active, m, bias, eps)
            })
        });
        if found {
            best = Some(support.len());
        }
    }
    best
}

#[test]
fn one_neuron_optimum_equals_exhaustive_search() {
    for (seed, nonzeros, eps) in [(11, 3, 0.0), (12, 2, 0.0), (13, 3, 0.05), (14, 1, 0.0)] {
        let (data, _) = planted(&spec(6, 3, 1, nonzeros, seed)).unwrap();
        let options = SparsityOptions {
            hidden: 1,
            tolerance: eps,
            ..SparsityOptions::default()
        };
        let milp = sparsity_milp(&data, &options).unwrap();
        let out = milp.solve(&data, &settings(), &NoProgress).unwrap();
        let expected = exhaustive_one_neuron(&data, 1.0, milp.bias_range, eps);
        assert_eq!(out.result.status, Status::Optimal);
        assert_eq!(
            out.result.objective.map(|v| v.round() as usize),
            expected,
            "seed {seed}"
        );
    }
}

#[test]
fn exported_mps_gives_the_same_optimum_in_another_configuration() {
    let dir = tempfile::tempdir().unwrap();
    for (s, hidden, symmetry) in [
        (spec(8, 3, 2, 3, 21), 2, true),
        (spec(8, 3, 2, 4, 22), 2, false),
        (spec(7, 2, 2, 2, 23), 3, true),
    ] {
        let (data, _) = planted(&s).unwrap();
        let options = SparsityOptions {
            hidden,
            symmetry_breaking: symmetry,
            ..SparsityOptions::default()
        };
        let milp = sparsity_milp(&data, &options).unwrap();
        let direct = solve(&milp.model, &settings(), &NoProgress).unwrap();
        let path = dir.path().join("sparse.mps");
        write_mps(&milp.model, &path).unwrap();
        let other = Settings {
            threads: 1,
            schedule: Schedule::Deterministic,
            branching: relumip_solver::branch::RuleKind::MostFractional,
            cuts: relumip_solver::cuts::CutFamilies::none(),
            ..settings()
        };
        let from_file = solve(&read_mps(&path).unwrap(), &other, &NoProgress).unwrap();
        assert_eq!(direct.status, Status::Optimal);
        assert_eq!(from_file.status, Status::Optimal);
        assert_eq!(direct.objective, from_file.objective, "{s:?}");
    }
}

fn round_trip(net: &Network, inputs: &[Vec<f64>]) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("net.onnx");
    let options = OnnxWriteOptions {
        precision: OnnxPrecision::Float64,
        ..OnnxWriteOptions::default()
    };
    write_onnx(net, &path, &options).unwrap();
    let back = read_onnx(&path).unwrap();
    for x in inputs {
        assert_eq!(net.forward(x), back.forward(x));
    }
}

#[test]
fn trained_networks_round_trip_through_onnx() {
    let (data, _) = planted(&spec(10, 3, 2, 3, 31)).unwrap();
    let out = fit_sparse(&data, &SparsityOptions::default(), &settings(), &NoProgress).unwrap();
    round_trip(&out.network.unwrap(), &data.features);

    use relumip_solver::train::adam::{train_adam, AdamOptions};
    use relumip_solver::train::classify::ClassificationTask;
    let labelled = Dataset {
        targets: (0..data.len()).map(|n| (n % 2) as f64).collect(),
        ..data.clone()
    };
    let task = ClassificationTask::new(&labelled, 0.2, 1).unwrap();
    let trained = train_adam(
        &task,
        &AdamOptions {
            widths: vec![3, 4, 4, 2],
            epochs: 5,
            batch: 4,
            learning_rate: 0.01,
            seed: 1,
            deadline: None,
        },
    )
    .unwrap();
    let raw = task
        .raw_network(&trained.params.network().unwrap())
        .unwrap();
    round_trip(&raw, &data.features);
    // Folding the standardisation in: raw features give the standardised network's
    // outputs.
    let net = trained.params.network().unwrap();
    for x in &data.features {
        let z = task.standardizer.transform(x);
        for (a, b) in raw.forward(x).iter().zip(net.forward(&z)) {
            assert!((a - b).abs() < 1e-9);
        }
    }
}
