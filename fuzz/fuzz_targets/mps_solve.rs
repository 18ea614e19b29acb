//! Solves whatever small model the MPS reader accepts (200 nodes, 1 s, 1 thread) and
//! checks the result: a reported solution is feasible for the model within the
//! solver's tolerances and has the reported objective, and the status agrees with
//! the solution, objective, bound and gap.
#![no_main]
use libfuzzer_sys::fuzz_target;
use relumip_solver::io::mps::parse_mps;
use relumip_solver::search::{solve, NoProgress, Settings};
use std::time::Duration;

fuzz_target!(|data: &[u8]| {
    let text = relumip_fuzz::text(data);
    let Ok(model) = parse_mps(&text, "fuzz.mps") else {
        return;
    };
    if model.num_cols() > 60 || model.rows.len() > 60 {
        return;
    }
    let settings = Settings::builder()
        .threads(1)
        .node_limit(Some(200))
        .time_limit(Duration::from_secs(1))
        .build()
        .expect("valid settings");
    let result = match solve(&model, &settings, &NoProgress) {
        Ok(r) => r,
        Err(e) => panic!("solve refused a model the reader accepted: {e}"),
    };
    if let Some(problem) = result.inconsistency(&model, &settings) {
        panic!("{problem}: {result:?}");
    }
});
