//! `.solu` files of known answers through `parse_solu`.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = relumip_fuzz::text(data);
    let _ = relumip_solver::io::solu::parse_solu(&text, "fuzz.solu");
});
