//! Tiny hand-built ONNX models with known outputs, and the errors of unsupported
//! or malformed models.

use super::build::*;
use crate::io::onnx::parse_onnx;
use crate::nn::{Activation, Network};
use crate::Error;

fn load(
    input_dims: &[i64],
    nodes: Vec<crate::io::onnx::proto::NodeProto>,
    inits: Vec<crate::io::onnx::proto::TensorProto>,
) -> Network {
    parse_onnx(&model_bytes(input_dims, nodes, inits), "test.onnx").unwrap()
}

fn assert_close(a: &[f64], b: &[f64]) {
    assert_eq!(a.len(), b.len(), "{a:?} vs {b:?}");
    for (x, y) in a.iter().zip(b) {
        assert!((x - y).abs() < 1e-9, "{a:?} vs {b:?}");
    }
}

/// W (2x3), values exact in float32.
const W: [f64; 6] = [1.0, -2.0, 0.5, 3.0, 0.25, -1.0];
const X: [f64; 3] = [1.0, 2.0, -4.0];
/// W x = (1 - 4 - 2, 3 + 0.5 + 4) = (-5, 7.5)
const WX: [f64; 2] = [-5.0, 7.5];

fn transposed(w: &[f64], rows: usize, cols: usize) -> Vec<f64> {
    let mut t = vec![0.0; w.len()];
    for i in 0..rows {
        for j in 0..cols {
            t[j * rows + i] = w[i * cols + j];
        }
    }
    t
}

#[test]
fn gemm_with_trans_b_alpha_beta() {
    let net = load(
        &[1, 3],
        vec![node(
            "Gemm",
            &["x", "W", "C"],
            "y",
            vec![
                attr_int("transB", 1),
                attr_float("alpha", 2.0),
                attr_float("beta", 0.5),
            ],
        )],
        vec![f32_raw("W", &[2, 3], &W), f32_raw("C", &[2], &[1.0, -2.0])],
    );
    assert_eq!(net.layers().len(), 1);
    assert_eq!((net.input_dim(), net.output_dim()), (3, 2));
    assert_close(&net.forward(&X), &[2.0 * WX[0] + 0.5, 2.0 * WX[1] - 1.0]);
}

#[test]
fn gemm_without_transposes_and_c_as_row() {
    let wt = transposed(&W, 2, 3);
    let net = load(
        &[1, 3],
        vec![node("Gemm", &["x", "W", "C"], "y", vec![])],
        vec![
            f32_typed("W", &[3, 2], &wt),
            f32_typed("C", &[1, 2], &[1.0, -2.0]),
        ],
    );
    assert_close(&net.forward(&X), &[WX[0] + 1.0, WX[1] - 2.0]);
}

#[test]
fn gemm_with_trans_a_on_a_column_input() {
    // x is [3, 1]; op(A) = x^T is [1, 3].
    let wt = transposed(&W, 2, 3);
    let net = load(
        &[3, 1],
        vec![node("Gemm", &["x", "W"], "y", vec![attr_int("transA", 1)])],
        vec![f64_typed("W", &[3, 2], &wt)],
    );
    assert_close(&net.forward(&X), &WX);
}

#[test]
fn gemm_with_constant_a_and_input_as_column() {
    // y = alpha * op(A) x + beta * C with A stored transposed ([3, 2], transA = 1).
    let wt = transposed(&W, 2, 3);
    let net = load(
        &[3, 1],
        vec![node(
            "Gemm",
            &["A", "x", "C"],
            "y",
            vec![
                attr_int("transA", 1),
                attr_float("alpha", -1.0),
                attr_float("beta", 3.0),
            ],
        )],
        vec![
            f64_raw("A", &[3, 2], &wt),
            f64_raw("C", &[2, 1], &[1.0, 2.0]),
        ],
    );
    assert_close(&net.forward(&X), &[-WX[0] + 3.0, -WX[1] + 6.0]);
}

#[test]
fn gemm_with_constant_a_and_trans_b_on_a_row_input() {
    let net = load(
        &[1, 3],
        vec![node("Gemm", &["A", "x"], "y", vec![attr_int("transB", 1)])],
        vec![f32_raw("A", &[2, 3], &W)],
    );
    assert_close(&net.forward(&X), &WX);
}

#[test]
fn normalisation_matmul_add_fold_into_one_layer() {
    // y = ((x - mean) / std * 2) @ W^T + b, then Mul by a scalar from a Constant node.
    let mean = [1.0, -1.0, 0.5];
    let std = [2.0, 4.0, 0.5];
    let net = load(
        &[1, 3],
        vec![
            node("Sub", &["x", "mean"], "centred", vec![]),
            node("Div", &["centred", "std"], "scaled", vec![]),
            node("Mul", &["two", "scaled"], "doubled", vec![]),
            node("MatMul", &["doubled", "Wt"], "prod", vec![]),
            node("Add", &["b", "prod"], "sum", vec![]),
            node(
                "Constant",
                &[],
                "half",
                vec![attr_float("value_float", 0.5)],
            ),
            node("Mul", &["sum", "half"], "y", vec![]),
        ],
        vec![
            f32_raw("mean", &[1, 3], &mean),
            f32_raw("std", &[3], &std),
            f32_raw("two", &[], &[2.0]),
            f32_raw("Wt", &[3, 2], &transposed(&W, 2, 3)),
            f32_raw("b", &[2], &[0.5, 1.0]),
        ],
    );
    assert_eq!(net.layers().len(), 1);
    assert_eq!(net.layers()[0].activation(), Activation::Identity);
    let z: Vec<f64> = (0..3).map(|i| (X[i] - mean[i]) / std[i] * 2.0).collect();
    let expected: Vec<f64> = (0..2)
        .map(|r| 0.5 * ((0..3).map(|j| W[r * 3 + j] * z[j]).sum::<f64>() + [0.5, 1.0][r]))
        .collect();
    assert_close(&net.forward(&X), &expected);
}

#[test]
fn constant_minus_input_and_input_plus_input() {
    // y = (c - x) + x * 3 = c + 2x, elementwise
    let net = load(
        &[1, 3],
        vec![
            node("Sub", &["c", "x"], "a", vec![]),
            node("Mul", &["x", "three"], "b", vec![]),
            node("Add", &["a", "b"], "y", vec![]),
        ],
        vec![
            f32_raw("c", &[3], &[1.0, 2.0, 3.0]),
            f32_raw("three", &[1], &[3.0]),
        ],
    );
    assert_close(&net.forward(&X), &[3.0, 6.0, -5.0]);
}

#[test]
fn relu_layers_and_network_ending_in_relu() {
    // hidden = relu(W x), out = relu(hidden - 1)
    let net = load(
        &[1, 3],
        vec![
            node("Gemm", &["x", "W"], "h", vec![attr_int("transB", 1)]),
            node("Relu", &["h"], "r", vec![]),
            node("Sub", &["r", "one"], "s", vec![]),
            node("Relu", &["s"], "y", vec![]),
        ],
        vec![f32_raw("W", &[2, 3], &W), f32_raw("one", &[], &[1.0])],
    );
    assert_eq!(net.layers().len(), 2);
    assert_eq!(net.num_relus(), 4);
    assert_eq!(net.layers()[1].activation(), Activation::Relu);
    assert_close(&net.forward(&X), &[0.0, 6.5]);
    let all = net.forward_all_layers(&X);
    assert_close(&all[0].pre, &WX);
    assert_close(&all[0].post, &[0.0, 7.5]);
    assert_close(&all[1].pre, &[-1.0, 6.5]);
}

#[test]
fn flatten_and_reshape_of_an_image_input() {
    // x: [1, 1, 2, 3] image; Flatten -> [1, 6]; Reshape(0, -1) keeps [1, 6];
    // Reshape to [6] via a Constant shape; MatMul with [6, 2].
    let w: Vec<f64> = (0..12).map(|v| v as f64 - 5.0).collect();
    let net = load(
        &[1, 1, 2, 3],
        vec![
            node("Flatten", &["x"], "f", vec![attr_int("axis", 1)]),
            node("Reshape", &["f", "shape1"], "r1", vec![]),
            node(
                "Constant",
                &[],
                "shape2",
                vec![attr_tensor("value", i64_tensor("", &[6]))],
            ),
            node("Reshape", &["r1", "shape2"], "r2", vec![]),
            node("Identity", &["r2"], "id", vec![]),
            node("MatMul", &["id", "W"], "y", vec![]),
        ],
        vec![i64_tensor("shape1", &[0, -1]), f32_raw("W", &[6, 2], &w)],
    );
    assert_eq!((net.input_dim(), net.output_dim()), (6, 2));
    let x = [1.0, 0.0, 2.0, -1.0, 0.5, 3.0];
    let expected: Vec<f64> = (0..2)
        .map(|j| (0..6).map(|i| x[i] * w[i * 2 + j]).sum())
        .collect();
    assert_close(&net.forward(&x), &expected);
}

#[test]
fn flatten_with_axis_zero_and_negative_axis() {
    let net = load(
        &[1, 2, 2],
        vec![
            node("Flatten", &["x"], "f", vec![attr_int("axis", -2)]),
            node("Flatten", &["f"], "g", vec![attr_int("axis", 0)]),
            node("MatMul", &["g", "W"], "y", vec![]),
        ],
        vec![f32_raw("W", &[4, 1], &[1.0, 2.0, 3.0, 4.0])],
    );
    assert_close(&net.forward(&[1.0, 1.0, 1.0, -1.0]), &[2.0]);
}

#[test]
fn unused_branches_are_ignored() {
    let net = load(
        &[1, 3],
        vec![
            node("Sigmoid", &["x"], "unused", vec![]),
            node("Gemm", &["x", "W"], "y", vec![attr_int("transB", 1)]),
        ],
        vec![f32_raw("W", &[2, 3], &W)],
    );
    assert_close(&net.forward(&X), &WX);
}

#[test]
fn nodes_out_of_order_are_sorted() {
    let net = load(
        &[1, 3],
        vec![
            node("Relu", &["h"], "y", vec![]),
            node("Gemm", &["x", "W"], "h", vec![attr_int("transB", 1)]),
        ],
        vec![f32_raw("W", &[2, 3], &W)],
    );
    assert_close(&net.forward(&X), &[0.0, 7.5]);
}

// ---- errors ----

fn error(
    input_dims: &[i64],
    nodes: Vec<crate::io::onnx::proto::NodeProto>,
    inits: Vec<crate::io::onnx::proto::TensorProto>,
) -> Error {
    match parse_onnx(&model_bytes(input_dims, nodes, inits), "bad.onnx") {
        Ok(_) => panic!("expected an error"),
        Err(e) => e,
    }
}

fn assert_unsupported(e: Error, needles: &[&str]) {
    match &e {
        Error::Unsupported { file, what, .. } => {
            assert_eq!(file, "bad.onnx");
            for n in needles {
                assert!(what.contains(n), "'{what}' lacks '{n}'");
            }
        }
        other => panic!("expected Unsupported, got {other:?}"),
    }
}

fn assert_invalid(e: Error, needles: &[&str]) {
    match &e {
        Error::Invalid(msg) => {
            assert!(msg.starts_with("bad.onnx: "), "{msg}");
            for n in needles {
                assert!(msg.contains(n), "'{msg}' lacks '{n}'");
            }
        }
        other => panic!("expected Invalid, got {other:?}"),
    }
}

#[test]
fn unsupported_operators_name_node_and_op() {
    let e = error(
        &[1, 1, 2, 2],
        vec![
            node("Conv", &["x", "K"], "c", vec![]),
            node("Flatten", &["c"], "y", vec![]),
        ],
        vec![f32_raw("K", &[1, 1, 1, 1], &[1.0])],
    );
    assert_unsupported(e, &["node 0 'Conv_c' (Conv)", "operator Conv"]);
    let e = error(
        &[1, 3],
        vec![
            node("Gemm", &["x", "W"], "h", vec![attr_int("transB", 1)]),
            node("Sigmoid", &["h"], "y", vec![]),
        ],
        vec![f32_raw("W", &[2, 3], &W)],
    );
    assert_unsupported(e, &["node 1 'Sigmoid_y' (Sigmoid)"]);
    assert!(e_display_has_file(&error(
        &[1],
        vec![node("Tanh", &["x"], "y", vec![])],
        vec![]
    )));
}

fn e_display_has_file(e: &Error) -> bool {
    e.to_string().starts_with("bad.onnx:")
}

#[test]
fn non_linear_products_are_unsupported() {
    let e = error(&[1, 3], vec![node("Mul", &["x", "x"], "y", vec![])], vec![]);
    assert_unsupported(e, &["(Mul)", "not linear"]);
    let e = error(
        &[1, 3],
        vec![node("Div", &["c", "x"], "y", vec![])],
        vec![f32_raw("c", &[3], &[1.0; 3])],
    );
    assert_unsupported(e, &["(Div)", "not linear"]);
    let e = error(
        &[1, 3],
        vec![
            node("Flatten", &["x"], "t", vec![]),
            node("Gemm", &["x", "t"], "y", vec![attr_int("transB", 1)]),
        ],
        vec![],
    );
    assert_unsupported(e, &["(Gemm)", "not linear"]);
}

#[test]
fn batch_above_one_is_unsupported() {
    let e = error(
        &[2, 3],
        vec![node("Gemm", &["x", "W"], "y", vec![attr_int("transB", 1)])],
        vec![f32_raw("W", &[2, 3], &W)],
    );
    assert_unsupported(e, &["(Gemm)", "not a row vector"]);
    let e = error(
        &[1, 3],
        vec![node("Add", &["x", "c"], "y", vec![])],
        vec![f32_raw("c", &[2, 3], &[0.0; 6])],
    );
    assert_unsupported(e, &["(Add)", "batch size above 1"]);
    let e = error(&[1, 2, 3], vec![node("Relu", &["x"], "y", vec![])], vec![]);
    assert_unsupported(e, &["not a vector"]);
}

#[test]
fn skip_connections_are_unsupported() {
    let e = error(
        &[1, 2],
        vec![
            node("Relu", &["x"], "r", vec![]),
            node("Add", &["r", "x"], "y", vec![]),
        ],
        vec![],
    );
    assert_unsupported(e, &["(Add)", "skip connections"]);
}

#[test]
fn missing_initializer_and_bad_shapes_are_invalid() {
    let e = error(
        &[1, 3],
        vec![node("Gemm", &["x", "W"], "y", vec![attr_int("transB", 1)])],
        vec![],
    );
    assert_invalid(e, &["node 0 'Gemm_y' (Gemm)", "'W' is not defined"]);
    let e = error(
        &[1, 3],
        vec![node("Gemm", &["x", "W"], "y", vec![])],
        vec![f32_raw("W", &[2, 3], &W)],
    );
    assert_invalid(e, &["(Gemm)", "inner dimensions"]);
    let mut w = f32_raw("W", &[2, 3], &W);
    w.raw_data.truncate(20);
    let e = error(
        &[1, 3],
        vec![node("Gemm", &["x", "W"], "y", vec![attr_int("transB", 1)])],
        vec![w],
    );
    assert_invalid(e, &["(Gemm)", "20 bytes"]);
    let e = error(
        &[1, 3],
        vec![node("Reshape", &["x", "s"], "y", vec![])],
        vec![i64_tensor("s", &[4])],
    );
    assert_invalid(e, &["(Reshape)", "element counts differ"]);
    let e = error(
        &[1, 3],
        vec![node("Div", &["x", "z"], "y", vec![])],
        vec![f32_raw("z", &[], &[0.0])],
    );
    assert_invalid(e, &["(Div)", "division by zero"]);
}

#[test]
fn cycles_are_invalid() {
    let e = error(
        &[1, 2],
        vec![
            node("Add", &["x", "b"], "a", vec![]),
            node("Relu", &["a"], "b", vec![]),
            node("Identity", &["b"], "y", vec![]),
        ],
        vec![],
    );
    assert_invalid(e, &["cycle", "node 0 'Add_a' (Add)"]);
}

#[test]
fn graph_level_problems() {
    // Two non-constant inputs.
    let mut m = model(&[1, 2], vec![node("Add", &["x", "z"], "y", vec![])], vec![]);
    if let Some(g) = m.graph.as_mut() {
        g.input.push(value_info("z", &[1, 2]));
    }
    let e = parse_onnx(&prost::Message::encode_to_vec(&m), "bad.onnx").unwrap_err();
    assert_unsupported(e, &["2 non-constant inputs"]);
    // Output that does not depend on the input.
    let e = error(
        &[1, 2],
        vec![node("Identity", &["c"], "y", vec![])],
        vec![f32_raw("c", &[2], &[1.0, 2.0])],
    );
    assert_unsupported(e, &["does not depend on the input"]);
    // Output never computed.
    let e = error(&[1, 2], vec![node("Relu", &["x"], "z", vec![])], vec![]);
    assert_invalid(e, &["'y' is not computed"]);
    // No graph at all (an empty file is a valid, empty protobuf).
    let e = parse_onnx(&[], "bad.onnx").unwrap_err();
    assert_invalid(e, &["no graph"]);
}

#[test]
fn truncated_and_garbage_files_are_invalid() {
    let bytes = model_bytes(
        &[1, 3],
        vec![node("Gemm", &["x", "W"], "y", vec![attr_int("transB", 1)])],
        vec![f32_raw("W", &[2, 3], &W)],
    );
    for cut in [1, 7, bytes.len() / 2, bytes.len() - 1] {
        let e = parse_onnx(&bytes[..cut], "bad.onnx").unwrap_err();
        assert_invalid(e, &[]);
    }
    let e = parse_onnx(b"this is not protobuf at all", "bad.onnx").unwrap_err();
    assert_invalid(e, &["not a valid ONNX model"]);
}

/// The ACAS Xu networks start with `Sub(input, c)`, and `c` is all zeros (so the
/// ONNX network is the `.nnet` network without its input normalisation).
#[test]
fn acasxu_graphs_subtract_zeros_first() {
    let Some(dir) = super::benchmarks_dir() else {
        eprintln!("skipped: no shared benchmarks");
        return;
    };
    for (a, b) in [(1, 1), (3, 7), (5, 9)] {
        let path = dir.join(format!("acasxu/onnx/ACASXU_run2a_{a}_{b}_batch_2000.onnx"));
        let bytes = std::fs::read(&path).unwrap();
        let model = crate::io::onnx::decode_model(&bytes, "acas").unwrap();
        let graph = model.graph.unwrap();
        let sub = &graph.node[0];
        assert_eq!(sub.op_type, "Sub");
        let c = graph
            .initializer
            .iter()
            .find(|t| t.name == sub.input[1])
            .unwrap();
        assert_eq!(c.dims, vec![1, 1, 1, 5]);
        assert_eq!(c.raw_data.len(), 20);
        assert!(c.raw_data.iter().all(|&b| b == 0));
    }
}
