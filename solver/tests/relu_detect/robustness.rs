//! Permuted rows and columns give the permuted structure; a broken big-M row never
//! gives a structure that the rows contradict.

use super::{acas_milps, assert_forward_pass_feasible, common, through_mps};
use relumip_solver::formulate::Formulation;
use relumip_solver::generate::relu_bigm;
use relumip_solver::model::{detect_relu_structure, Model, ReluStructure};
use relumip_solver::rng::SplitMix64;

/// Applies a column permutation (`perm[old] = new`) and a row permutation.
fn permuted(model: &Model, perm: &[usize], row_order: &[usize]) -> Model {
    let mut out = model.clone();
    for (old, v) in model.variables.iter().enumerate() {
        out.variables[perm[old]] = v.clone();
    }
    out.rows = row_order
        .iter()
        .map(|&r| {
            let mut row = model.rows[r].clone();
            row.entries = row.entries.iter().map(|&(c, a)| (perm[c], a)).collect();
            row.entries.sort_by_key(|e| e.0);
            row
        })
        .collect();
    out.relu = None;
    out
}

fn shuffle(rng: &mut SplitMix64, n: usize) -> Vec<usize> {
    let mut v: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        v.swap(i, rng.below(i + 1));
    }
    v
}

/// The structure with every column renamed by `perm`, as comparable entries:
/// (layer, pre, post, indicator, affine terms sorted, bias).
type UnitKey = (
    usize,
    Option<usize>,
    Option<usize>,
    Option<usize>,
    Vec<(usize, f64)>,
    f64,
);

fn unit_keys(s: &ReluStructure, perm: &dyn Fn(usize) -> usize) -> Vec<UnitKey> {
    let mut keys: Vec<UnitKey> = s
        .units
        .iter()
        .map(|u| {
            let affine = u.affine.clone().unwrap_or_default();
            let mut terms: Vec<(usize, f64)> =
                affine.terms.iter().map(|&(c, w)| (perm(c), w)).collect();
            terms.sort_by_key(|t| t.0);
            (
                u.layer,
                u.pre.map(perm),
                u.post.map(perm),
                u.indicator.map(perm),
                terms,
                affine.bias,
            )
        })
        .collect();
    keys.sort_by_key(|a| (a.0, a.1, a.2));
    keys
}

#[test]
fn permuted_models_give_the_permuted_structure() {
    let mut rng = SplitMix64::new(11);
    let mut models = vec![
        relu_bigm(&[5, 16, 16, 3], 4),
        relu_bigm(&[3, 8, 8, 8, 2], 5),
    ];
    if let Some(dir) = common::benchmarks_dir() {
        models.extend(acas_milps(&dir, "2_3", 4, Formulation::BigM));
    }
    for model in models {
        let original = detect_relu_structure(&through_mps(&model)).expect("detected");
        for _ in 0..3 {
            let perm = shuffle(&mut rng, model.num_cols());
            let rows = shuffle(&mut rng, model.num_rows());
            let found = detect_relu_structure(&permuted(&model, &perm, &rows)).expect("detected");
            assert_eq!(
                unit_keys(&found, &|c| c),
                unit_keys(&original, &|c| perm[c])
            );
            let mut inputs: Vec<usize> = original.inputs.iter().map(|&c| perm[c]).collect();
            let mut outputs: Vec<usize> = original.outputs.iter().map(|&c| perm[c]).collect();
            inputs.sort_unstable();
            outputs.sort_unstable();
            assert_eq!(found.inputs, inputs);
            assert_eq!(found.outputs, outputs);
            assert_eq!(found.linear.len(), original.linear.len());
        }
    }
}

#[test]
fn a_broken_big_m_row_never_gives_a_contradicted_structure() {
    let mut models = vec![relu_bigm(&[5, 16, 16, 3], 4)];
    if let Some(dir) = common::benchmarks_dir() {
        models.extend(acas_milps(&dir, "1_1", 3, Formulation::BigM));
    }
    for model in models {
        let truth = model.relu.clone().expect("annotated");
        let mut model = through_mps(&model);
        // Every 7th unstable unit: U divided by 100 in its gate row `y - U z <= 0`.
        let mut broken = 0;
        for u in truth
            .units
            .iter()
            .filter(|u| u.indicator.is_some())
            .step_by(7)
        {
            let (Some(y), Some(z)) = (u.post, u.indicator) else {
                continue;
            };
            let gate = model.rows.iter_mut().find(|r| {
                r.entries.len() == 2
                    && r.entries.iter().any(|e| e.0 == y)
                    && r.entries.iter().any(|e| e.0 == z)
            });
            let gate = gate.expect("gate row");
            for e in gate.entries.iter_mut().filter(|e| e.0 == z) {
                e.1 /= 100.0;
            }
            broken += 1;
        }
        assert!(broken > 0);
        if let Some(found) = detect_relu_structure(&model) {
            assert_forward_pass_feasible(&model, &found, 3, &model.name);
        }
    }
}
