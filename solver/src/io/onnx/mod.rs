//! Reader and writer of ONNX networks (the fully connected subset).
//!
//! The reader decodes the protobuf with hand-declared message structs
//! (module `proto`), then walks the graph from its single non-constant input to its
//! single output in topological order. Every tensor that depends on the input is
//! kept as an affine function of the current base (the input, or the output of the
//! last ReLU), so chains such as `Sub(x, mean)`, `Div(., std)`, `MatMul`, `Add` fold
//! into one affine map; each `Relu` turns the current map into a ReLU layer of the
//! [`Network`]. Supported operators: `Gemm`, `MatMul`, `Add`, `Sub`, `Mul` and
//! `Div` by constants, `Relu`, `Flatten`, `Reshape`, `Identity`, `Constant`;
//! float32 and float64 tensors (raw or typed data) and int32/int64 shape tensors.
//! Values are computed in `f64` (float32 weights are converted exactly).
//! Inputs of any shape are flattened in row-major order; a matrix product needs an
//! input-dependent operand that is a vector (axes of size 1 allowed).
//!
//! Errors (never panics): an operator or construct outside this subset gives
//! [`Error::Unsupported`] naming the file, the node
//! (index, name, operator) and the reason, with line 0; a model that is not valid
//! protobuf or breaks ONNX rules (shapes, undefined tensors, cycles) gives
//! [`Error::Invalid`] with the file and the node in the
//! message.
//!
//! Sizes are bounded before anything is allocated: a stored tensor must hold as
//! many values as its shape claims, the input and tensors built by broadcasting
//! have at most 2^22 elements, a dense map at most 2^25 entries, and the layers of
//! the network at most 2^25 weights in all (a layer built from the identity on a
//! wide input is dense although the file holds none of its weights).

mod graph;
mod ops;
pub(crate) mod proto;
mod symbolic;
mod tensor;
mod value;
mod writer;

#[cfg(test)]
mod tests;

pub(crate) use graph::network_from_model;
pub use writer::{onnx_bytes, write_onnx, OnnxPrecision, OnnxStyle, OnnxWriteOptions};

use crate::error::{Error, Result};
use crate::nn::Network;
use prost::Message;
use std::path::Path;

/// Reads an ONNX file (plain or gzip) into a network.
pub fn read_onnx(path: &Path) -> Result<Network> {
    let bytes = super::read_bytes(path)?;
    parse_onnx(&bytes, &path.display().to_string())
}

/// Decodes the bytes of an ONNX model into a network; `file` names it in errors.
pub fn parse_onnx(bytes: &[u8], file: &str) -> Result<Network> {
    let model = decode_model(bytes, file)?;
    network_from_model(&model, file)
}

/// Decodes the bytes of an ONNX model into its protobuf structure.
pub(crate) fn decode_model(bytes: &[u8], file: &str) -> Result<proto::ModelProto> {
    proto::ModelProto::decode(bytes)
        .map_err(|e| Error::Invalid(format!("{file}: not a valid ONNX model: {e}")))
}
