//! Builds a tiny network (2 inputs, 1-2 hidden layers of 1-4 ReLUs, 1-3 outputs,
//! weights from the bytes) and a one-case property (an input box and 1-2 output
//! constraints from the bytes), runs `verify` with small limits, and checks the
//! answer: a `sat` counterexample must violate the property by an f64 forward pass,
//! and a decided answer must agree with the enumeration of every activation pattern
//! (one LP per pattern, `relumip_solver::verify::enumerate::min_margin`) when the
//! optimal margin is clearly away from zero.
#![no_main]
use libfuzzer_sys::fuzz_target;
use relumip_fuzz::Bytes;
use relumip_solver::nn::property::{Case, LinearConstraint, Property};
use relumip_solver::nn::{Activation, Layer, Network};
use relumip_solver::search::Settings;
use relumip_solver::verify::enumerate::min_margin;
use relumip_solver::verify::{verify, Answer, BoundsMethod, Strategy, VerifyOptions};
use std::time::Duration;

fn network(b: &mut Bytes) -> Network {
    let hidden = b.range(1, 2);
    let mut widths = vec![2];
    widths.extend((0..hidden).map(|_| b.range(1, 4)));
    widths.push(b.range(1, 3));
    let layers = (1..widths.len())
        .map(|k| {
            let rows: Vec<Vec<f64>> = (0..widths[k])
                .map(|_| (0..widths[k - 1]).map(|_| b.uniform(-2.0, 2.0)).collect())
                .collect();
            let bias = (0..widths[k]).map(|_| b.uniform(-1.0, 1.0)).collect();
            let act = if k + 1 == widths.len() {
                Activation::Identity
            } else {
                Activation::Relu
            };
            Layer::from_rows(&rows, bias, act).expect("valid layer")
        })
        .collect();
    Network::new(layers).expect("valid network")
}

fn property(b: &mut Bytes, net: &Network) -> Property {
    let lower: Vec<f64> = (0..2).map(|_| b.uniform(-1.0, 0.5)).collect();
    let upper: Vec<f64> = lower.iter().map(|l| l + b.uniform(0.0, 1.5)).collect();
    let m = net.output_dim();
    let output_constraints = (0..b.range(1, 2))
        .map(|_| {
            let terms = (0..m)
                .map(|j| (j, b.uniform(-2.0, 2.0)))
                .filter(|t| t.1 != 0.0)
                .collect();
            LinearConstraint {
                terms,
                rhs: b.uniform(-2.0, 2.0),
            }
        })
        .filter(|c: &LinearConstraint| !c.terms.is_empty())
        .collect();
    Property {
        num_inputs: 2,
        num_outputs: m,
        cases: vec![Case {
            input_lower: lower,
            input_upper: upper,
            input_constraints: Vec::new(),
            output_constraints,
        }],
    }
}

fuzz_target!(|data: &[u8]| {
    let mut b = Bytes::new(data);
    let net = network(&mut b);
    let prop = property(&mut b, &net);
    let bounds = [
        BoundsMethod::Interval,
        BoundsMethod::Symbolic,
        BoundsMethod::Lp,
    ][b.range(0, 2)];
    let strategy = [Strategy::Auto, Strategy::ReluSplit, Strategy::InputSplit][b.range(0, 2)];
    let options = VerifyOptions {
        timeout: Some(Duration::from_secs(2)),
        search: Settings {
            threads: 1,
            node_limit: Some(500),
            ..Settings::default()
        },
        bounds,
        strategy,
        ..VerifyOptions::default()
    };
    let report = verify(&net, &prop, &options).expect("a valid network and property");
    if let Answer::Sat(cex) = &report.answer {
        let y = net.forward(&cex.input);
        assert!(
            prop.violated_case(&cex.input, &y, 1e-6).is_some(),
            "sat counterexample does not violate the property: {cex:?}, y = {y:?}"
        );
    }
    let Some(margin) = min_margin(&net, &prop.cases[0]).expect("the case fits the network") else {
        return;
    };
    match report.answer {
        Answer::Sat(_) => assert!(margin <= 1e-4, "sat, but the margin is {margin}"),
        Answer::Unsat => assert!(margin >= -1e-4, "unsat, but the margin is {margin}"),
        _ => {}
    }
});
