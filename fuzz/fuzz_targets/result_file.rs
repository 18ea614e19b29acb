//! VNN-COMP result files through `parse_result_file`.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = relumip_fuzz::text(data);
    let _ = relumip_solver::verify::parse_result_file(&text, "fuzz.txt");
});
