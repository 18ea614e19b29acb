//! Walking an ONNX graph from its input to its output and building the network.

use super::ops::{self, Builder};
use super::proto::{data_type, GraphProto, ModelProto, NodeProto, ValueInfoProto};
use super::symbolic::{Affine, SKIP_CONNECTION};
use super::tensor::{self, element_count, is_vector_like, MAX_ELEMENTS};
use super::value::{OpError, Value};
use crate::error::{Error, Result};
use crate::nn::{Activation, Layer, Network};
use std::collections::{BTreeSet, HashMap, HashSet};

/// Builds the network a decoded model computes; `file` names it in errors.
pub(crate) fn network_from_model(model: &ModelProto, file: &str) -> Result<Network> {
    let graph = model
        .graph
        .as_ref()
        .ok_or_else(|| Error::Invalid(format!("{file}: the model has no graph")))?;
    Walker::new(graph, file)?.run()
}

struct Walker<'a> {
    graph: &'a GraphProto,
    file: &'a str,
    initializers: HashMap<&'a str, usize>,
    producer: HashMap<&'a str, usize>,
    input: &'a ValueInfoProto,
    output: &'a str,
}

impl<'a> Walker<'a> {
    fn new(graph: &'a GraphProto, file: &'a str) -> Result<Walker<'a>> {
        let initializers: HashMap<&str, usize> = graph
            .initializer
            .iter()
            .enumerate()
            .map(|(i, t)| (t.name.as_str(), i))
            .collect();
        let inputs: Vec<&ValueInfoProto> = graph
            .input
            .iter()
            .filter(|v| !initializers.contains_key(v.name.as_str()))
            .collect();
        let [input] = inputs.as_slice() else {
            return Err(unsupported_graph(
                file,
                format!(
                    "the graph has {} non-constant inputs; exactly one is supported",
                    inputs.len()
                ),
            ));
        };
        let [output] = graph.output.as_slice() else {
            return Err(unsupported_graph(
                file,
                format!(
                    "the graph has {} outputs; exactly one is supported",
                    graph.output.len()
                ),
            ));
        };
        let mut producer = HashMap::new();
        for (i, node) in graph.node.iter().enumerate() {
            for out in node.output.iter().filter(|o| !o.is_empty()) {
                if producer.insert(out.as_str(), i).is_some() {
                    return Err(Error::Invalid(format!(
                        "{file}: {}: tensor '{out}' is produced by more than one node",
                        describe(i, node)
                    )));
                }
            }
        }
        Ok(Walker {
            graph,
            file,
            initializers,
            producer,
            input,
            output: output.name.as_str(),
        })
    }

    fn run(&self) -> Result<Network> {
        let order = self.order()?;
        let shape = self.input_shape()?;
        let input_dim = element_count(&shape).unwrap_or(usize::MAX);
        if input_dim == 0 || input_dim > MAX_ELEMENTS {
            return Err(unsupported_graph(
                self.file,
                format!("input '{}' of shape {shape:?}", self.input.name),
            ));
        }
        let mut values: HashMap<&str, Value> = HashMap::new();
        values.insert(
            self.input.name.as_str(),
            Value::Var {
                shape,
                map: Affine::identity(0, input_dim),
            },
        );
        let mut builder = Builder::new(input_dim);
        for &i in &order {
            let node = &self.graph.node[i];
            for name in node.input.iter().filter(|n| !n.is_empty()) {
                if !values.contains_key(name.as_str()) {
                    let Some(&t) = self.initializers.get(name.as_str()) else {
                        return Err(self.node_error(
                            i,
                            OpError::Invalid(format!("input '{name}' is not defined")),
                        ));
                    };
                    let tensor = tensor::decode(&self.graph.initializer[t])
                        .map_err(|e| self.node_error(i, OpError::Invalid(e)))?;
                    values.insert(name.as_str(), Value::Const(tensor));
                }
            }
            let inputs: Vec<Option<&Value>> = node
                .input
                .iter()
                .map(|n| {
                    if n.is_empty() {
                        None
                    } else {
                        values.get(n.as_str())
                    }
                })
                .collect();
            let outputs =
                ops::eval(node, &inputs, &mut builder).map_err(|e| self.node_error(i, e))?;
            let Some(name) = node.output.first() else {
                return Err(self.node_error(i, OpError::Invalid("node has no output".into())));
            };
            for value in outputs {
                values.insert(name.as_str(), value);
            }
        }
        let result = values.remove(self.output).ok_or_else(|| {
            Error::Invalid(format!(
                "{}: graph output '{}' is not computed",
                self.file, self.output
            ))
        })?;
        self.finish(result, builder)
    }

    /// Turns the output value into the last layer and builds the network.
    fn finish(&self, result: Value, mut builder: Builder) -> Result<Network> {
        let (shape, map) = match result {
            Value::Var { shape, map } => (shape, map),
            Value::Const(_) => {
                return Err(unsupported_graph(
                    self.file,
                    format!("output '{}' does not depend on the input", self.output),
                ))
            }
        };
        if !is_vector_like(&shape) {
            return Err(unsupported_graph(
                self.file,
                format!(
                    "output '{}' of shape {shape:?} is not a vector",
                    self.output
                ),
            ));
        }
        if map.base != builder.base() {
            return Err(unsupported_graph(self.file, SKIP_CONNECTION.to_string()));
        }
        if builder.layers.is_empty() || !map.is_identity() {
            builder
                .reserve_weights(map.len(), map.base_dim)
                .map_err(|e| unsupported_graph(self.file, format!("output layer: {e}")))?;
            let weights = map.dense().map_err(|e| unsupported_graph(self.file, e))?;
            let layer = Layer::new(weights, map.bias, map.base_dim, Activation::Identity)
                .map_err(|e| Error::Invalid(format!("{}: output layer: {e}", self.file)))?;
            builder.layers.push(layer);
        }
        Network::new(builder.layers).map_err(|e| Error::Invalid(format!("{}: {e}", self.file)))
    }

    /// The nodes the output depends on, in topological order (file order among
    /// nodes that are ready together).
    fn order(&self) -> Result<Vec<usize>> {
        let nodes = &self.graph.node;
        // Nodes the output depends on.
        let mut needed = HashSet::new();
        let mut stack: Vec<usize> = self
            .producer
            .get(self.output)
            .copied()
            .into_iter()
            .collect();
        while let Some(i) = stack.pop() {
            if needed.insert(i) {
                for name in &nodes[i].input {
                    if let Some(&p) = self.producer.get(name.as_str()) {
                        stack.push(p);
                    }
                }
            }
        }
        // Kahn's algorithm restricted to those nodes.
        let mut missing: HashMap<usize, usize> = HashMap::new();
        let mut users: HashMap<usize, Vec<usize>> = HashMap::new();
        for &i in &needed {
            for name in &nodes[i].input {
                if let Some(&p) = self.producer.get(name.as_str()) {
                    *missing.entry(i).or_default() += 1;
                    users.entry(p).or_default().push(i);
                }
            }
        }
        let mut ready: BTreeSet<usize> = needed
            .iter()
            .copied()
            .filter(|i| !missing.contains_key(i))
            .collect();
        let mut order = Vec::with_capacity(needed.len());
        while let Some(i) = ready.pop_first() {
            order.push(i);
            for &u in users.get(&i).map_or(&[][..], Vec::as_slice) {
                if let Some(count) = missing.get_mut(&u) {
                    *count -= 1;
                    if *count == 0 {
                        ready.insert(u);
                    }
                }
            }
        }
        if order.len() < needed.len() {
            let stuck = needed
                .iter()
                .copied()
                .filter(|i| !order.contains(i))
                .min()
                .unwrap_or(0);
            return Err(Error::Invalid(format!(
                "{}: {}: the graph has a cycle through this node",
                self.file,
                describe(stuck, &nodes[stuck])
            )));
        }
        Ok(order)
    }

    /// The declared shape of the input; a symbolic first (batch) axis counts as 1.
    fn input_shape(&self) -> Result<Vec<usize>> {
        let name = &self.input.name;
        let tensor_type = self
            .input
            .r#type
            .as_ref()
            .and_then(|t| t.tensor_type.as_ref())
            .ok_or_else(|| {
                unsupported_graph(self.file, format!("input '{name}' is not a tensor"))
            })?;
        if ![0, data_type::FLOAT, data_type::DOUBLE].contains(&tensor_type.elem_type) {
            return Err(unsupported_graph(
                self.file,
                format!("input '{name}' has element type {}", tensor_type.elem_type),
            ));
        }
        let shape = tensor_type.shape.as_ref().ok_or_else(|| {
            unsupported_graph(self.file, format!("input '{name}' has no declared shape"))
        })?;
        shape
            .dim
            .iter()
            .enumerate()
            .map(|(k, d)| match d.dim_value {
                Some(v) if v > 0 => usize::try_from(v).map_err(|_| {
                    unsupported_graph(self.file, format!("input '{name}' dimension {v}"))
                }),
                _ if k == 0 => Ok(1),
                _ => Err(unsupported_graph(
                    self.file,
                    format!("input '{name}' has a symbolic or zero size on axis {k}"),
                )),
            })
            .collect()
    }

    fn node_error(&self, i: usize, e: OpError) -> Error {
        let node = describe(i, &self.graph.node[i]);
        match e {
            OpError::Unsupported(what) => Error::Unsupported {
                file: self.file.to_string(),
                line: 0,
                what: format!("{node}: {what}"),
            },
            OpError::Invalid(msg) => Error::Invalid(format!("{}: {node}: {msg}", self.file)),
        }
    }
}

/// `node 3 'fc1' (Gemm)`, or `node 3 (Gemm)` for an unnamed node.
fn describe(i: usize, node: &NodeProto) -> String {
    if node.name.is_empty() {
        format!("node {i} ({})", node.op_type)
    } else {
        format!("node {i} '{}' ({})", node.name, node.op_type)
    }
}

fn unsupported_graph(file: &str, what: String) -> Error {
    Error::Unsupported {
        file: file.to_string(),
        line: 0,
        what,
    }
}
