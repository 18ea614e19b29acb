//! Writing a [`Network`] as an ONNX model.
//!
//! The model has one input `input` of shape `[1, n]` and one output `output` of
//! shape `[1, m]`; each layer is a `Gemm` (weights `[out, in]`, `transB = 1`) or a
//! `MatMul` (weights `[in, out]`) followed by an `Add`, then a `Relu` for ReLU
//! layers. IR version 8, default operator set 13.

use super::proto::{
    attribute_type, data_type, AttributeProto, Dimension, GraphProto, ModelProto, NodeProto,
    OperatorSetIdProto, TensorProto, TensorShapeProto, TensorTypeProto, TypeProto, ValueInfoProto,
};
use crate::error::Result;
use crate::nn::{Activation, Network};
use prost::Message;
use std::path::Path;

/// Element type of the written tensors.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum OnnxPrecision {
    /// float32 (weights rounded to the nearest float32).
    #[default]
    Float32,
    /// float64 (exact).
    Float64,
}

/// Operators used for the affine maps.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum OnnxStyle {
    /// One `Gemm` per layer.
    #[default]
    Gemm,
    /// `MatMul` then `Add` per layer.
    MatMulAdd,
}

/// Options of [`write_onnx`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OnnxWriteOptions {
    /// Element type of inputs, outputs and weights.
    pub precision: OnnxPrecision,
    /// Operators for the affine maps.
    pub style: OnnxStyle,
}

/// Writes `net` as an ONNX file; gzip-compressed if the name ends in `.gz`.
pub fn write_onnx(net: &Network, path: &Path, options: &OnnxWriteOptions) -> Result<()> {
    let bytes = onnx_bytes(net, options);
    crate::io::write_atomically(path, &crate::io::maybe_gzip(path, &bytes)?)
}

/// The encoded bytes of the ONNX model of `net`.
pub fn onnx_bytes(net: &Network, options: &OnnxWriteOptions) -> Vec<u8> {
    model_from_network(net, options).encode_to_vec()
}

/// The ONNX model of `net`.
pub(crate) fn model_from_network(net: &Network, options: &OnnxWriteOptions) -> ModelProto {
    let elem = match options.precision {
        OnnxPrecision::Float32 => data_type::FLOAT,
        OnnxPrecision::Float64 => data_type::DOUBLE,
    };
    let mut graph = GraphProto {
        name: "relumip_network".to_string(),
        input: vec![value_info("input", elem, net.input_dim())],
        output: vec![value_info("output", elem, net.output_dim())],
        ..Default::default()
    };
    let mut current = "input".to_string();
    let last = net.layers().len() - 1;
    for (k, layer) in net.layers().iter().enumerate() {
        let (n_in, n_out) = (layer.input_dim(), layer.output_dim());
        let w_name = format!("W{k}");
        let b_name = format!("B{k}");
        let relu = layer.activation() == Activation::Relu;
        let affine_out = if k == last && !relu {
            "output".to_string()
        } else {
            format!("affine{k}")
        };
        match options.style {
            OnnxStyle::Gemm => {
                graph
                    .initializer
                    .push(tensor(&w_name, elem, &[n_out, n_in], layer.weights()));
                graph
                    .initializer
                    .push(tensor(&b_name, elem, &[n_out], layer.bias()));
                let mut gemm = node(
                    &format!("gemm{k}"),
                    "Gemm",
                    &[&current, &w_name, &b_name],
                    &affine_out,
                );
                gemm.attribute.push(AttributeProto {
                    name: "transB".to_string(),
                    r#type: attribute_type::INT,
                    i: 1,
                    ..Default::default()
                });
                graph.node.push(gemm);
            }
            OnnxStyle::MatMulAdd => {
                let mut transposed = vec![0.0; n_in * n_out];
                for i in 0..n_out {
                    for (j, w) in layer.row(i).iter().enumerate() {
                        transposed[j * n_out + i] = *w;
                    }
                }
                graph
                    .initializer
                    .push(tensor(&w_name, elem, &[n_in, n_out], &transposed));
                graph
                    .initializer
                    .push(tensor(&b_name, elem, &[n_out], layer.bias()));
                let product = format!("matmul{k}_out");
                graph.node.push(node(
                    &format!("matmul{k}"),
                    "MatMul",
                    &[&current, &w_name],
                    &product,
                ));
                graph.node.push(node(
                    &format!("add{k}"),
                    "Add",
                    &[&product, &b_name],
                    &affine_out,
                ));
            }
        }
        current = affine_out;
        if relu {
            let out = if k == last {
                "output".to_string()
            } else {
                format!("relu{k}")
            };
            graph
                .node
                .push(node(&format!("relu{k}"), "Relu", &[&current], &out));
            current = out;
        }
    }
    ModelProto {
        ir_version: 8,
        opset_import: vec![OperatorSetIdProto {
            domain: String::new(),
            version: 13,
        }],
        producer_name: "relumip".to_string(),
        producer_version: env!("CARGO_PKG_VERSION").to_string(),
        graph: Some(graph),
        ..Default::default()
    }
}

fn node(name: &str, op: &str, inputs: &[&str], output: &str) -> NodeProto {
    NodeProto {
        name: name.to_string(),
        op_type: op.to_string(),
        input: inputs.iter().map(|s| s.to_string()).collect(),
        output: vec![output.to_string()],
        ..Default::default()
    }
}

fn value_info(name: &str, elem: i32, n: usize) -> ValueInfoProto {
    let dim = |v: usize| Dimension {
        dim_value: Some(v as i64),
        dim_param: None,
    };
    ValueInfoProto {
        name: name.to_string(),
        r#type: Some(TypeProto {
            tensor_type: Some(TensorTypeProto {
                elem_type: elem,
                shape: Some(TensorShapeProto {
                    dim: vec![dim(1), dim(n)],
                }),
            }),
        }),
        ..Default::default()
    }
}

fn tensor(name: &str, elem: i32, dims: &[usize], values: &[f64]) -> TensorProto {
    let raw_data = if elem == data_type::DOUBLE {
        values.iter().flat_map(|v| v.to_le_bytes()).collect()
    } else {
        values
            .iter()
            .flat_map(|&v| (v as f32).to_le_bytes())
            .collect()
    };
    TensorProto {
        name: name.to_string(),
        dims: dims.iter().map(|&d| d as i64).collect(),
        data_type: elem,
        raw_data,
        ..Default::default()
    }
}
