//! Reader of the `.nnet` text format (Reluplex/Marabou, used for ACAS Xu).
//!
//! Layout: optional comment lines starting with `//`, then comma-separated lines:
//! 1. number of layers `L`, input size, output size, largest layer size;
//! 2. the `L + 1` layer sizes, input first;
//! 3. a flag (unused);
//! 4. the minimum of each input; 5. the maximum of each input;
//! 6. the mean of each input, then one output mean;
//! 7. the range of each input, then one output range;
//!
//! then for each layer its weight rows (one line per neuron, one value per input)
//! followed by its biases (one line per neuron). Every layer but the last has ReLUs.
//!
//! The network in the file works on normalised values: the network's meaning on a
//! raw input `x` is `net((x - mean) / range) * range_out + mean_out`, where the
//! reference implementation also clips `x` to `[min, max]` first.
//! [`NnetNormalisation::Fold`] folds the two affine maps into the first and last
//! layer; it does not clip (the inputs of a verification query lie in a box inside
//! `[min, max]` anyway), and the bounds are kept in [`Nnet`] for a caller who needs
//! them. [`NnetNormalisation::None`] gives the network on normalised values, which is
//! what the ACAS Xu ONNX files of VNN-COMP and their VNN-LIB properties use.
//!
//! ACAS Xu: the VNN-COMP file `ACASXU_run2a_<a>_<b>_batch_2000.onnx` is exactly
//! [`NnetNormalisation::None`] of `ACASXU_experimental_v2a_<a>_<b>.nnet` with every
//! weight and bias rounded to float32 (bit-identical after that rounding; its
//! leading `Sub` subtracts zeros). Evaluated in `f64`, the two differ by a few 1e-6
//! relative on the normalised input box because of that rounding. In raw units,
//! `folded(mean + range * x) = onnx(x) * range_out + mean_out`.

use crate::error::{Error, Result};
use crate::nn::{Activation, Layer, Network};
use std::path::Path;

/// How [`read_nnet`] treats the normalisation data in the header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NnetNormalisation {
    /// Fold `(x - mean)/range` into the first layer and `y*range_out + mean_out`
    /// into the last: the network maps raw inputs to raw outputs.
    Fold,
    /// Ignore the normalisation: the network maps normalised inputs to normalised
    /// outputs, exactly as the weights in the file do.
    None,
}

/// The contents of a `.nnet` file.
#[derive(Clone, Debug, PartialEq)]
pub struct Nnet {
    /// The network as stored (on normalised inputs and outputs).
    pub network: Network,
    /// Smallest raw value of each input.
    pub input_min: Vec<f64>,
    /// Largest raw value of each input.
    pub input_max: Vec<f64>,
    /// Mean subtracted from each raw input.
    pub input_mean: Vec<f64>,
    /// Range each raw input is divided by.
    pub input_range: Vec<f64>,
    /// Mean added to every output.
    pub output_mean: f64,
    /// Range every output is multiplied by.
    pub output_range: f64,
}

impl Nnet {
    /// The network on raw inputs and outputs (normalisation folded, no clipping).
    pub fn folded_network(&self) -> Result<Network> {
        let m = self.network.output_dim();
        self.network
            .with_input_normalisation(&self.input_mean, &self.input_range)?
            .with_output_scaling(&vec![self.output_range; m], &vec![self.output_mean; m])
    }

    /// The normalised value `(x - mean) / range` of a raw input (no clipping).
    ///
    /// # Panics
    /// If `x` has the wrong length.
    pub fn normalise_input(&self, x: &[f64]) -> Vec<f64> {
        assert_eq!(x.len(), self.input_mean.len(), "wrong input length");
        x.iter()
            .zip(self.input_mean.iter().zip(&self.input_range))
            .map(|(v, (m, r))| (v - m) / r)
            .collect()
    }
}

/// Reads a `.nnet` file (plain or gzip) into a network, treating its normalisation
/// as `normalisation` says.
pub fn read_nnet(path: &Path, normalisation: NnetNormalisation) -> Result<Network> {
    let nnet = read_nnet_file(path)?;
    match normalisation {
        NnetNormalisation::Fold => nnet.folded_network(),
        NnetNormalisation::None => Ok(nnet.network),
    }
}

/// Reads a `.nnet` file (plain or gzip) with its normalisation data.
pub fn read_nnet_file(path: &Path) -> Result<Nnet> {
    let text = super::read_text(path)?;
    parse_nnet(&text, &path.display().to_string())
}

/// Parses the text of a `.nnet` file; `file` names it in error messages.
pub fn parse_nnet(text: &str, file: &str) -> Result<Nnet> {
    let mut lines = Lines::new(text, file);
    let header = lines.numbers("header")?;
    if header.len() < 3 {
        return Err(lines.error("header needs layer count, input size and output size"));
    }
    let num_layers = lines.count(header[0], "layer count")?;
    let num_inputs = lines.count(header[1], "input size")?;
    let num_outputs = lines.count(header[2], "output size")?;
    if num_layers == 0 || num_layers > 10_000 {
        return Err(lines.error(format!("implausible layer count {num_layers}")));
    }
    let size_values = lines.numbers("layer sizes")?;
    if size_values.len() != num_layers + 1 {
        return Err(lines.error(format!(
            "expected {} layer sizes, found {}",
            num_layers + 1,
            size_values.len()
        )));
    }
    let sizes = size_values
        .iter()
        .map(|&v| lines.count(v, "layer size"))
        .collect::<Result<Vec<_>>>()?;
    if sizes[0] != num_inputs || sizes[num_layers] != num_outputs {
        return Err(lines.error(format!(
            "layer sizes {:?} do not start with the input size {num_inputs} and end with \
             the output size {num_outputs}",
            sizes
        )));
    }
    lines.numbers("flag")?;
    let input_min = lines.exact(num_inputs, "input minimums")?;
    let input_max = lines.exact(num_inputs, "input maximums")?;
    let mut input_mean = lines.exact(num_inputs + 1, "means")?;
    let mut input_range = lines.exact(num_inputs + 1, "ranges")?;
    let output_mean = input_mean.pop().unwrap_or_default();
    let output_range = input_range.pop().unwrap_or_default();

    let mut layers = Vec::with_capacity(num_layers);
    for k in 0..num_layers {
        let (n_in, n_out) = (sizes[k], sizes[k + 1]);
        let mut weights = Vec::with_capacity(n_in.saturating_mul(n_out).min(1 << 24));
        for i in 0..n_out {
            let row = lines.exact(n_in, &format!("weight row {i} of layer {k}"))?;
            weights.extend(row);
        }
        let mut bias = Vec::with_capacity(n_out.min(1 << 24));
        for i in 0..n_out {
            bias.extend(lines.exact(1, &format!("bias {i} of layer {k}"))?);
        }
        let activation = if k + 1 == num_layers {
            Activation::Identity
        } else {
            Activation::Relu
        };
        let line = lines.line;
        let layer = Layer::new(weights, bias, n_in, activation)
            .map_err(|e| Error::parse(file, line, format!("layer {k}: {e}")))?;
        layers.push(layer);
    }
    let network = Network::new(layers)?;
    Ok(Nnet {
        network,
        input_min,
        input_max,
        input_mean,
        input_range,
        output_mean,
        output_range,
    })
}

/// The non-comment lines of a file, with their line numbers.
struct Lines<'a> {
    iter: std::iter::Enumerate<std::str::Lines<'a>>,
    file: &'a str,
    /// 1-based number of the last line returned.
    line: usize,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str, file: &'a str) -> Self {
        Lines {
            iter: text.lines().enumerate(),
            file,
            line: 0,
        }
    }

    fn error(&self, message: impl Into<String>) -> Error {
        Error::parse(self.file, self.line, message)
    }

    /// The numbers on the next line that is neither a comment nor blank.
    fn numbers(&mut self, what: &str) -> Result<Vec<f64>> {
        loop {
            let Some((index, raw)) = self.iter.next() else {
                self.line += 1;
                return Err(self.error(format!("unexpected end of file, expected {what}")));
            };
            self.line = index + 1;
            let text = raw.trim();
            if text.is_empty() || text.starts_with("//") {
                continue;
            }
            return text
                .split(',')
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(|t| {
                    t.parse::<f64>()
                        .map_err(|_| self.error(format!("'{t}' is not a number (in {what})")))
                })
                .collect();
        }
    }

    /// The next line's numbers, which must be exactly `n`.
    fn exact(&mut self, n: usize, what: &str) -> Result<Vec<f64>> {
        let v = self.numbers(what)?;
        if v.len() != n {
            return Err(self.error(format!("expected {n} values for {what}, found {}", v.len())));
        }
        Ok(v)
    }

    /// `v` as a non-negative integer count.
    fn count(&self, v: f64, what: &str) -> Result<usize> {
        if v.fract() == 0.0 && (0.0..=1e9).contains(&v) {
            Ok(v as usize)
        } else {
            Err(self.error(format!("{what} {v} is not a valid count")))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TINY: &str = "// a tiny network\n\
        2,2,1,3,\n\
        2,3,1,\n\
        0,\n\
        -1.0,0.0,\n\
        1.0,10.0,\n\
        0.5,5.0,2.0,\n\
        2.0,10.0,4.0,\n\
        1.0,0.0,\n\
        0.0,1.0,\n\
        1.0,-1.0,\n\
        0.0,\n\
        0.5,\n\
        -0.5,\n\
        1.0,2.0,-1.0,\n\
        0.25,\n";

    #[test]
    fn parses_tiny_network_and_folds_normalisation() {
        let nnet = parse_nnet(TINY, "tiny.nnet").unwrap();
        assert_eq!(nnet.network.input_dim(), 2);
        assert_eq!(nnet.network.output_dim(), 1);
        assert_eq!(nnet.input_mean, vec![0.5, 5.0]);
        assert_eq!(nnet.output_mean, 2.0);
        assert_eq!(nnet.output_range, 4.0);
        // normalised input (0.5, 0.2): hidden relu(0.5, 0.7, -0.2) = (0.5, 0.7, 0)
        let y = nnet.network.forward(&[0.5, 0.2]);
        assert!((y[0] - (0.5 + 1.4 + 0.25)).abs() < 1e-12);
        let raw = [1.5, 7.0];
        let folded = nnet.folded_network().unwrap();
        let expected = nnet.network.forward(&nnet.normalise_input(&raw))[0] * 4.0 + 2.0;
        assert!((folded.forward(&raw)[0] - expected).abs() < 1e-12);
    }

    #[test]
    fn errors_name_the_line() {
        let bad = TINY.replace("0.0,1.0,\n", "0.0,x,\n");
        match parse_nnet(&bad, "t.nnet") {
            Err(Error::Parse { line, message, .. }) => {
                assert_eq!(line, 10);
                assert!(message.contains("'x'"), "{message}");
            }
            other => panic!("unexpected {other:?}"),
        }
        let short = TINY.replace("1.0,-1.0,\n", "1.0,\n");
        assert!(matches!(
            parse_nnet(&short, "t"),
            Err(Error::Parse { line: 11, .. })
        ));
        let truncated = &TINY[..TINY.len() - 7];
        assert!(matches!(
            parse_nnet(truncated, "t"),
            Err(Error::Parse { .. })
        ));
        assert!(matches!(parse_nnet("", "t"), Err(Error::Parse { .. })));
        let sizes = TINY.replace("2,3,1,\n", "2,3,2,\n");
        assert!(matches!(
            parse_nnet(&sizes, "t"),
            Err(Error::Parse { line: 3, .. })
        ));
    }
}
