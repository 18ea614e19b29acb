//! ACAS Xu verification MILPs (symbolic bounds): big-M cases are recovered exactly;
//! partition formulations give fewer or no units, never a wrong one.

use super::{
    acas_milps, assert_forward_pass_feasible, assert_same_structure, common, through_mps, ACAS,
};
use relumip_solver::formulate::Formulation;
use relumip_solver::model::{detect_relu_structure, ReluUnit};
use std::time::Instant;

#[test]
fn acasxu_cases_are_recovered_exactly() {
    let Some(dir) = common::benchmarks_dir() else {
        return;
    };
    for (net, prop) in ACAS {
        for (k, model) in acas_milps(&dir, net, prop, Formulation::BigM)
            .into_iter()
            .enumerate()
        {
            let truth = model.relu.clone().expect("annotated");
            let read = through_mps(&model);
            let started = Instant::now();
            let found = detect_relu_structure(&read).expect("detected");
            let time = started.elapsed().as_secs_f64();
            let what = format!("net {net} prop {prop} case {k}");
            assert_same_structure(&found, &truth, false, &what);
            println!(
                "{what}: {} units ({} unstable) in {} layers, {} inputs, {} outputs, detected in {time:.4}s",
                found.units.len(),
                found.num_unstable(),
                found.num_layers(),
                found.inputs.len(),
                found.outputs.len()
            );
        }
    }
}

#[test]
fn partition_formulations_never_give_a_wrong_structure() {
    let Some(dir) = common::benchmarks_dir() else {
        return;
    };
    for (net, prop) in [("1_1", 3), ("2_3", 4), ("3_7", 1)] {
        for p in [1, 2, 3] {
            for (k, model) in acas_milps(&dir, net, prop, Formulation::Partition(p))
                .into_iter()
                .enumerate()
            {
                let truth = model.relu.clone().expect("annotated");
                let read = through_mps(&model);
                let what = format!("net {net} prop {prop} case {k} partition:{p}");
                let found = detect_relu_structure(&read);
                println!(
                    "{what}: {}",
                    found.as_ref().map_or("none".to_string(), |s| format!(
                        "{} units ({} unstable)",
                        s.units.len(),
                        s.num_unstable()
                    ))
                );
                if p == 1 {
                    // Partition with one group is big-M.
                    let found = found.expect("partition:1 is big-M");
                    assert_same_structure(&found, &truth, false, &what);
                    continue;
                }
                if let Some(found) = found {
                    assert_forward_pass_feasible(&read, &found, 7, &what);
                    for u in &found.units {
                        let t: Option<&ReluUnit> = truth.units.iter().find(|t| t.pre == u.pre);
                        let t = t.expect("every detected unit is a unit of the network");
                        assert_eq!(
                            (u.layer, u.neuron, u.post, u.indicator),
                            (t.layer, t.neuron, t.post, t.indicator)
                        );
                    }
                }
            }
        }
    }
}
