//! ONNX protobuf bytes through `parse_onnx`, and a forward pass of what it accepts.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(net) = relumip_solver::io::onnx::parse_onnx(data, "fuzz.onnx") {
        if net.input_dim() <= 10_000 {
            let _ = net.forward(&vec![0.5; net.input_dim()]);
        }
    }
});
