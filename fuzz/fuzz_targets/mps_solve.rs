//! Solves whatever small model the MPS reader accepts (200 nodes, 1 s, 1 thread) and
//! checks the result: a reported solution is feasible for the model within the
//! solver's tolerances and has the reported objective, and the status agrees with
//! the solution, objective, bound and gap.
#![no_main]
use libfuzzer_sys::fuzz_target;
use relumip_solver::io::mps::parse_mps;
use relumip_solver::model::{check_solution, ObjSense};
use relumip_solver::search::{solve, NoProgress, Settings, Status};
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
    assert_eq!(
        result.objective.is_some(),
        result.solution.is_some(),
        "{result:?}"
    );
    match result.status {
        Status::Optimal => assert!(result.solution.is_some(), "optimal without a solution"),
        Status::Infeasible => assert!(result.solution.is_none(), "infeasible with a solution"),
        _ => {}
    }
    if let Some(x) = &result.solution {
        let check = check_solution(&model, x, &settings.tolerances);
        assert!(
            check.is_feasible(),
            "infeasible solution: {:?}",
            check.worst
        );
        let obj = result.objective.unwrap_or(f64::NAN);
        assert!(
            (check.objective - obj).abs() <= 1e-6 * obj.abs().max(1.0),
            "objective {obj} but the solution gives {}",
            check.objective
        );
        // The bound is on the right side of the objective.
        let slack = 1e-6 * obj.abs().max(1.0);
        match model.sense {
            ObjSense::Minimize => assert!(result.best_bound <= obj + slack, "{result:?}"),
            ObjSense::Maximize => assert!(result.best_bound >= obj - slack, "{result:?}"),
        }
        if result.status == Status::Optimal {
            let closed = (obj - result.best_bound).abs()
                <= settings.absolute_gap.max(settings.relative_gap * obj.abs()) + slack;
            assert!(closed, "optimal with an open gap: {result:?}");
        }
    }
});
