//! ReLU structure detection against the structures the formulations build: the
//! verification MILPs of ACAS Xu cases and generated networks are written as MPS,
//! read back (which drops the structure), and detection must recover the units,
//! inputs, outputs and affine maps the formulation recorded. Models without the
//! pattern give nothing; permuted models give the permuted structure; a broken
//! big-M row never yields a structure that the rows contradict.

#[path = "../common/mod.rs"]
mod common;

mod acasxu;
mod generated;
mod robustness;
mod rows;
mod validate;

use relumip_solver::formulate::Formulation;
use relumip_solver::io::mps::{parse_mps, write_mps_string};
use relumip_solver::io::read_network;
use relumip_solver::io::vnnlib::read_vnnlib;
use relumip_solver::model::{check_solution, Affine, Model, ReluStructure, Tolerances, VarKind};
use relumip_solver::rng::SplitMix64;
use relumip_solver::verify::{case_milps, BoundsMethod, CaseMilpOptions};
use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

/// The model as an MPS file would give it: no structure.
pub fn through_mps(model: &Model) -> Model {
    parse_mps(&write_mps_string(model), "roundtrip.mps").expect("reads back")
}

fn same_affine(a: &Option<Affine>, b: &Option<Affine>) -> bool {
    let (Some(a), Some(b)) = (a, b) else {
        return a.is_none() && b.is_none();
    };
    let terms = |x: &Affine| x.terms.iter().copied().collect::<BTreeMap<usize, f64>>();
    let (ta, tb) = (terms(a), terms(b));
    (a.bias - b.bias).abs() <= 1e-12
        && ta.len() == tb.len()
        && ta
            .iter()
            .all(|(c, w)| tb.get(c).is_some_and(|v| (v - w).abs() <= 1e-12))
}

/// Compares units one by one; `loose` stable units (the generator's post columns)
/// only need the same layer, neuron, pre-activation column and affine map.
pub fn assert_same_structure(
    found: &ReluStructure,
    truth: &ReluStructure,
    loose: bool,
    what: &str,
) {
    assert_eq!(found.inputs, truth.inputs, "{what}: inputs");
    assert_eq!(found.outputs, truth.outputs, "{what}: outputs");
    assert_eq!(found.units.len(), truth.units.len(), "{what}: unit count");
    for (f, t) in found.units.iter().zip(&truth.units) {
        let at = format!("{what}: unit layer {} neuron {}", t.layer, t.neuron);
        assert_eq!(
            (f.layer, f.neuron, f.pre),
            (t.layer, t.neuron, t.pre),
            "{at}"
        );
        assert_eq!(f.indicator, t.indicator, "{at}");
        if !(loose && t.indicator.is_none()) {
            assert_eq!(f.post, t.post, "{at}");
        }
        assert!(same_affine(&f.affine, &t.affine), "{at}: affine map");
        assert_eq!(f.pre_bounds, t.pre_bounds, "{at}: bounds");
    }
    assert_eq!(
        found.linear.len(),
        truth.linear.len(),
        "{what}: linear units"
    );
    for (f, t) in found.linear.iter().zip(&truth.linear) {
        assert_eq!(
            (f.layer, f.neuron, f.column),
            (t.layer, t.neuron, t.column),
            "{what}"
        );
        assert!(
            same_affine(&Some(f.affine.clone()), &Some(t.affine.clone())),
            "{what}"
        );
    }
}

/// The verification MILPs of `net` and `prop` with symbolic bounds.
pub fn acas_milps(dir: &Path, net: &str, prop: usize, formulation: Formulation) -> Vec<Model> {
    let net = read_network(
        &dir.join(format!("acasxu/onnx/ACASXU_run2a_{net}_batch_2000.onnx")),
        false,
    )
    .expect("network reads");
    let property =
        read_vnnlib(&dir.join(format!("acasxu/vnnlib/prop_{prop}.vnnlib"))).expect("property");
    let options = CaseMilpOptions {
        bounds: BoundsMethod::Symbolic,
        budget: Duration::ZERO,
        formulation,
    };
    case_milps(&net, &property, &options)
        .expect("case MILPs")
        .into_iter()
        .map(|m| m.model)
        .collect()
}

pub const ACAS: [(&str, usize); 12] = [
    ("1_1", 1),
    ("1_1", 2),
    ("1_1", 3),
    ("1_1", 4),
    ("2_3", 1),
    ("2_3", 2),
    ("2_3", 3),
    ("2_3", 4),
    ("3_7", 1),
    ("3_7", 2),
    ("3_7", 3),
    ("3_7", 4),
];

/// Points completed by `s` from random inputs satisfy every row of `model` that
/// holds only columns of the structure (and fixed columns), except input-only rows.
pub fn assert_forward_pass_feasible(model: &Model, s: &ReluStructure, seed: u64, what: &str) {
    assert!(s.validate(model).is_ok(), "{what}: {:?}", s.validate(model));
    let mut rng = SplitMix64::new(seed);
    let mut network = vec![false; model.num_cols()];
    for u in &s.units {
        for c in [u.pre, u.post, u.indicator].into_iter().flatten() {
            network[c] = true;
        }
    }
    for u in &s.linear {
        network[u.column] = true;
    }
    let inputs: Vec<bool> = (0..model.num_cols())
        .map(|c| s.inputs.contains(&c))
        .collect();
    let mut restricted = model.clone();
    restricted.rows.retain(|r| {
        r.entries.iter().any(|e| network[e.0])
            && r.entries.iter().all(|e| {
                let v = &model.variables[e.0];
                network[e.0] || inputs[e.0] || v.lower == v.upper
            })
    });
    restricted.variables.iter_mut().for_each(|v| {
        v.lower = f64::NEG_INFINITY;
        v.upper = f64::INFINITY;
        v.kind = VarKind::Continuous;
    });
    for _ in 0..200 {
        let mut x: Vec<f64> = model
            .variables
            .iter()
            .map(|v| if v.lower == v.upper { v.lower } else { 0.0 })
            .collect();
        for &c in &s.inputs {
            let v = &model.variables[c];
            x[c] = rng.uniform(v.lower, v.upper);
        }
        assert!(s.complete_point(&mut x), "{what}");
        let check = check_solution(&restricted, &x, &Tolerances::default());
        assert!(check.is_feasible(), "{what}: {:?}", check.worst);
    }
}
