//! `.nnet` text through `parse_nnet`, then the folded network and a forward pass.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = relumip_fuzz::text(data);
    if let Ok(nnet) = relumip_solver::io::nnet::parse_nnet(&text, "fuzz.nnet") {
        let x = vec![0.5; nnet.network.input_dim()];
        let _ = nnet.network.forward(&x);
        let _ = nnet.normalise_input(&x);
        if let Ok(folded) = nnet.folded_network() {
            let _ = folded.forward(&x);
        }
    }
});
