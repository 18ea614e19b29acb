//! ReluStructure::validate on generated structures, and on broken ones whose error
//! names what is wrong.

use relumip_solver::generate::relu_bigm;
use relumip_solver::model::VarKind;

#[test]
fn formulation_structures_validate() {
    let m = relu_bigm(&[3, 6, 6, 2], 7);
    let s = m.relu.as_ref().expect("annotated");
    assert_eq!(s.validate(&m), Ok(()));
}

#[test]
fn wrong_structures_are_named() {
    let m = relu_bigm(&[3, 6, 6, 2], 7);
    let base = m.relu.clone().expect("annotated");
    let unstable = base
        .units
        .iter()
        .position(|u| u.indicator.is_some())
        .expect("an unstable unit");
    let fails =
        |s: &relumip_solver::model::ReluStructure, m: &relumip_solver::model::Model, what: &str| {
            let message = s.validate(m).expect_err(what);
            assert!(message.contains(what), "{message}");
        };
    let mut s = base.clone();
    s.inputs.push(1000);
    fails(&s, &m, "out of range");
    let mut s = base.clone();
    s.units[unstable].indicator = Some(s.inputs[0]);
    fails(&s, &m, "already an input");
    let mut s = base.clone();
    let last = s.units.len() - 1;
    let late = s.units[last].post.expect("post");
    if let Some(a) = s.units[0].affine.as_mut() {
        a.terms.push((late, 1.0));
    }
    fails(&s, &m, "earlier layer");
    let mut s = base.clone();
    if let Some(a) = s.units[unstable].affine.as_mut() {
        a.bias += 0.5;
    }
    fails(&s, &m, "violated by the forward pass");
    let mut model = m.clone();
    model.variables[s.units[unstable].indicator.expect("z")].kind = VarKind::Continuous;
    fails(&base, &model, "not binary");
}
