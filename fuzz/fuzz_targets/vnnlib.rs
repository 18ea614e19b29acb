//! VNN-LIB text through `parse_vnnlib`.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = relumip_fuzz::text(data);
    if let Ok(p) = relumip_solver::io::vnnlib::parse_vnnlib(&text, "fuzz.vnnlib") {
        for case in &p.cases {
            assert_eq!(case.input_lower.len(), p.num_inputs);
            assert!(case
                .input_lower
                .iter()
                .zip(&case.input_upper)
                .all(|(l, u)| l.is_finite() && u.is_finite() && l <= u));
        }
    }
});
