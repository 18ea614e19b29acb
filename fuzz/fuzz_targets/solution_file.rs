//! `relumip solve --solution` files through `parse_solution_file` and `for_model`.
#![no_main]
use libfuzzer_sys::fuzz_target;
use relumip_solver::search::parse_solution_file;

fuzz_target!(|data: &[u8]| {
    let text = relumip_fuzz::text(data);
    if let Ok(sol) = parse_solution_file(&text, "fuzz.sol") {
        let model = relumip_solver::generate::knapsack(3, 1, 1);
        if let Ok(x) = sol.for_model(&model, "fuzz.sol") {
            assert_eq!(x.len(), model.num_cols());
        }
    }
});
