//! Damaged ONNX files never make the reader panic.

use super::build::*;
use crate::io::onnx::parse_onnx;
use proptest::prelude::*;
use std::sync::OnceLock;

/// A valid model using most supported operators.
fn valid_model() -> Vec<u8> {
    let w1: Vec<f64> = (0..24).map(|v| (v as f64 - 12.0) / 7.0).collect();
    let w2: Vec<f64> = (0..18).map(|v| (v as f64 - 9.0) / 5.0).collect();
    model_bytes(
        &[1, 1, 2, 2],
        vec![
            node("Sub", &["x", "mean"], "a", vec![]),
            node("Div", &["a", "std"], "b", vec![]),
            node("Flatten", &["b"], "c", vec![attr_int("axis", 1)]),
            node("MatMul", &["c", "W1"], "d", vec![]),
            node("Add", &["d", "B1"], "e", vec![]),
            node("Relu", &["e"], "f", vec![]),
            node(
                "Constant",
                &[],
                "shape",
                vec![attr_tensor("value", i64_tensor("", &[1, -1]))],
            ),
            node("Reshape", &["f", "shape"], "g", vec![]),
            node(
                "Gemm",
                &["g", "W2", "B2"],
                "h",
                vec![
                    attr_int("transB", 1),
                    attr_float("alpha", 0.5),
                    attr_float("beta", 2.0),
                ],
            ),
            node("Relu", &["h"], "i", vec![]),
            node("Mul", &["i", "scale"], "y", vec![]),
        ],
        vec![
            f32_raw("mean", &[1, 1, 2, 2], &[0.1, 0.2, 0.3, 0.4]),
            f32_typed("std", &[1], &[2.0]),
            f32_raw("W1", &[4, 6], &w1),
            f64_typed("B1", &[6], &[0.1, -0.1, 0.2, -0.2, 0.3, -0.3]),
            f64_raw("W2", &[3, 6], &w2),
            f32_raw("B2", &[3], &[1.0, 0.0, -1.0]),
            f32_raw("scale", &[], &[3.0]),
        ],
    )
}

#[test]
fn the_fuzzed_model_is_valid() {
    let net = parse_onnx(&valid_model(), "fuzz.onnx").unwrap();
    assert_eq!((net.input_dim(), net.output_dim()), (4, 3));
    assert_eq!(net.layers().len(), 3);
}

/// An ACAS Xu network file, read once, if the benchmarks are present.
fn acasxu_bytes() -> Option<&'static [u8]> {
    static BYTES: OnceLock<Option<Vec<u8>>> = OnceLock::new();
    BYTES
        .get_or_init(|| {
            let dir = super::benchmarks_dir()?;
            std::fs::read(dir.join("acasxu/onnx/ACASXU_run2a_1_1_batch_2000.onnx")).ok()
        })
        .as_deref()
}

fn exercise(bytes: &[u8]) {
    if let Ok(net) = parse_onnx(bytes, "fuzz.onnx") {
        let _ = net.forward(&vec![0.5; net.input_dim()]);
    }
}

proptest! {
    #[test]
    fn truncated_models_never_panic(cut in 0usize..2000) {
        let bytes = valid_model();
        exercise(&bytes[..cut.min(bytes.len())]);
    }

    #[test]
    fn flipped_bytes_never_panic(flips in prop::collection::vec((any::<usize>(), 1u8..=255), 1..6)) {
        let mut bytes = valid_model();
        let n = bytes.len();
        for (at, mask) in flips {
            bytes[at % n] ^= mask;
        }
        exercise(&bytes);
    }

    #[test]
    fn flipped_bytes_of_an_acasxu_network_never_panic(
        flips in prop::collection::vec((any::<usize>(), 1u8..=255), 1..4),
    ) {
        if let Some(bytes) = acasxu_bytes() {
            let mut bytes = bytes.to_vec();
            let n = bytes.len();
            for (at, mask) in flips {
                bytes[at % n] ^= mask;
            }
            exercise(&bytes);
        }
    }

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        exercise(&bytes);
    }
}
