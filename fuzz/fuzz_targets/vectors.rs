//! Input vectors (comma-separated numbers) through `parse_vector`, line by line.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for (i, line) in relumip_fuzz::text(data).lines().enumerate() {
        if let Ok(v) = relumip_solver::io::vectors::parse_vector(line, "fuzz.txt", i + 1) {
            assert!(v.iter().all(|x| x.is_finite()));
        }
    }
});
