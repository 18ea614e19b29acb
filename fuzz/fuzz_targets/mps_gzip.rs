//! MPS file bytes, plain or gzip-compressed, through `parse_mps_bytes`.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = relumip_solver::io::mps::parse_mps_bytes(data, "fuzz.mps.gz");
});
