//! MPS text (free or fixed format, decided line by line) through `parse_mps`; what
//! it accepts must be writable, and read back as the same model (the reader's
//! documented promise, for names without whitespace).
#![no_main]
use libfuzzer_sys::fuzz_target;
use relumip_solver::io::mps::{check_writable, parse_mps, write_mps_string};

fuzz_target!(|data: &[u8]| {
    let text = relumip_fuzz::text(data);
    let Ok(model) = parse_mps(&text, "fuzz.mps") else {
        return;
    };
    if let Err(e) = check_writable(&model) {
        panic!("the reader accepted a model it cannot write: {e}");
    }
    let written = write_mps_string(&model);
    let back = match parse_mps(&written, "written.mps") {
        Ok(back) => back,
        Err(e) => panic!("written MPS does not read back: {e}\n{written}"),
    };
    let plain = |s: &str| !s.chars().any(char::is_whitespace);
    if plain(&model.name)
        && plain(&model.objective_name)
        && model.variables.iter().all(|v| plain(&v.name))
        && model.rows.iter().all(|r| plain(&r.name))
    {
        assert_eq!(model, back, "round trip changed the model:\n{written}");
    }
});
