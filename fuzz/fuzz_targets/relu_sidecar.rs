//! ReLU sidecar JSON through `parse_relu_sidecar`, against one of two small models
//! (chosen by the first byte).
#![no_main]
use libfuzzer_sys::fuzz_target;
use relumip_solver::generate::relu_bigm;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let model = if pick % 2 == 0 {
        relu_bigm(&[2, 3, 2], 1)
    } else {
        relu_bigm(&[3, 4, 4, 2], 2)
    };
    let text = relumip_fuzz::text(rest);
    let _ = relumip_solver::io::relu::parse_relu_sidecar(&text, "fuzz.json", &model);
});
