//! Reading node attributes.

use crate::io::onnx::proto::{attribute_type, AttributeProto, NodeProto};
use crate::io::onnx::tensor::{decode, Tensor};
use crate::io::onnx::value::{invalid, unsupported, OpError};

/// The attributes of one node.
pub(crate) struct Attributes<'a> {
    list: &'a [AttributeProto],
}

impl<'a> Attributes<'a> {
    pub fn new(node: &'a NodeProto) -> Self {
        Attributes {
            list: &node.attribute,
        }
    }

    fn get(&self, name: &str) -> Option<&'a AttributeProto> {
        self.list.iter().find(|a| a.name == name)
    }

    /// An integer attribute, `default` when absent.
    pub fn int(&self, name: &str, default: i64) -> Result<i64, OpError> {
        match self.get(name) {
            None => Ok(default),
            Some(a) if a.r#type == attribute_type::INT || a.r#type == 0 => Ok(a.i),
            Some(a) => invalid(format!(
                "attribute {name} has type {}, expected INT",
                a.r#type
            )),
        }
    }

    /// A float attribute, `default` when absent.
    pub fn float(&self, name: &str, default: f64) -> Result<f64, OpError> {
        match self.get(name) {
            None => Ok(default),
            Some(a) if a.r#type == attribute_type::FLOAT || a.r#type == 0 => Ok(f64::from(a.f)),
            Some(a) => invalid(format!(
                "attribute {name} has type {}, expected FLOAT",
                a.r#type
            )),
        }
    }

    /// The value of a `Constant` node.
    pub fn constant_value(&self) -> Result<Tensor, OpError> {
        let Some(a) = self.list.first() else {
            return invalid("Constant node without a value attribute");
        };
        if self.list.len() > 1 {
            return invalid("Constant node with more than one attribute");
        }
        match (a.name.as_str(), a.r#type) {
            ("value", attribute_type::TENSOR | 0) => match &a.t {
                Some(t) => Ok(decode(t)?),
                None => invalid("Constant value attribute without a tensor"),
            },
            ("value_float", attribute_type::FLOAT | 0) => Ok(Tensor::scalar(f64::from(a.f))),
            ("value_int", attribute_type::INT | 0) => Ok(Tensor::scalar(a.i as f64)),
            ("value_floats", attribute_type::FLOATS | 0) => Ok(Tensor::new(
                vec![a.floats.len()],
                a.floats.iter().map(|&v| f64::from(v)).collect(),
            )),
            ("value_ints", attribute_type::INTS | 0) => Ok(Tensor::new(
                vec![a.ints.len()],
                a.ints.iter().map(|&v| v as f64).collect(),
            )),
            (name, attribute_type::STRING) | (name @ "value_string", _) => {
                unsupported(format!("string constant ({name})"))
            }
            (name, t) => unsupported(format!("Constant attribute {name} of type {t}")),
        }
    }
}
