//! `relumip gen`: write generated instances as MPS, planted regression data as CSV
//! with its teacher network as ONNX, random networks as ONNX, and local robustness
//! properties as VNN-LIB.

use anyhow::Result;
use clap::{Args, Subcommand};
use relumip_solver::data::{planted, read_csv, write_csv, PlantedSpec};
use relumip_solver::generate;
use relumip_solver::io::mps::write_mps;
use relumip_solver::io::onnx::{write_onnx, OnnxPrecision, OnnxWriteOptions};
use relumip_solver::io::read_network;
use relumip_solver::io::vnnlib::write_vnnlib;
use relumip_solver::model::Model;
use relumip_solver::nn::robustness::local_robustness;
use relumip_solver::rng::SplitMix64;
use std::path::{Path, PathBuf};

/// Options of `relumip gen`.
#[derive(Args, Debug)]
pub struct GenArgs {
    /// The family to generate.
    #[command(subcommand)]
    pub family: Family,
    /// Output: the MPS file (MILP families), the file prefix of `planted` (writes
    /// PREFIX.csv and PREFIX.onnx), the ONNX file of `network`, the VNN-LIB file of
    /// `robustness`.
    #[arg(long, short, global = true, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Random seed.
    #[arg(long, global = true, default_value_t = 1)]
    pub seed: u64,
}

/// Instance families.
#[derive(Subcommand, Debug)]
pub enum Family {
    /// Multi-dimensional 0-1 knapsack (maximise value).
    Knapsack {
        /// Number of items.
        #[arg(long, default_value_t = 40)]
        items: usize,
        /// Number of capacity rows.
        #[arg(long, default_value_t = 3)]
        dimensions: usize,
    },
    /// Set cover (minimise cost).
    Setcover {
        /// Number of elements to cover.
        #[arg(long, default_value_t = 40)]
        elements: usize,
        /// Number of candidate sets.
        #[arg(long, default_value_t = 60)]
        sets: usize,
    },
    /// Capacitated facility location (minimise cost).
    Facility {
        /// Number of candidate sites.
        #[arg(long, default_value_t = 8)]
        facilities: usize,
        /// Number of customers.
        #[arg(long, default_value_t = 25)]
        customers: usize,
    },
    /// Big-M MILP of a random ReLU network: minimise y0 - y1 over the box [-1, 1]^d.
    Relu {
        /// Layer widths, input first and output last (at least 2 outputs).
        #[arg(long, value_delimiter = ',', default_value = "5,16,16,3")]
        widths: Vec<usize>,
    },
    /// A random ReLU network as ONNX (float64): uniform weights in
    /// [-sqrt(3/fan_in), sqrt(3/fan_in)], biases in [-0.2, 0.2], the network behind
    /// `relu`'s MILPs.
    Network {
        /// Layer widths, input first and output last (e.g. 784,256,256,10).
        #[arg(long, value_delimiter = ',', default_value = "784,256,256,10")]
        widths: Vec<usize>,
    },
    /// A local robustness property as VNN-LIB: the L-infinity ball of radius --eps
    /// around a point keeps the network's predicted class (one case per other class;
    /// unsat = robust).
    Robustness {
        /// The classifier (.onnx, .onnx.gz or .nnet).
        #[arg(long, value_name = "FILE")]
        network: PathBuf,
        /// The ball's radius, in the network's input units.
        #[arg(long)]
        eps: f64,
        /// Take the point from this CSV data set (features..., class), row --row;
        /// without it the point is uniform in the --clip range (seeded by --seed).
        #[arg(long, value_name = "CSV")]
        data: Option<PathBuf>,
        /// The data row (0-based, without the header line).
        #[arg(long, default_value_t = 0, requires = "data")]
        row: usize,
        /// Valid input range: the ball is clipped to it (default for random points:
        /// 0,1; for data rows: no clipping).
        #[arg(long, value_parser = parse_range, value_name = "LO,HI")]
        clip: Option<(f64, f64)>,
    },
    /// Regression data from a planted sparse one-hidden-layer ReLU teacher: writes
    /// PREFIX.csv (features..., target; no header) and the teacher as PREFIX.onnx.
    Planted {
        /// Number of samples.
        #[arg(long, default_value_t = 20)]
        samples: usize,
        /// Number of inputs (features), uniform in [-1, 1].
        #[arg(long, default_value_t = 3)]
        inputs: usize,
        /// Width of the teacher's hidden layer.
        #[arg(long, default_value_t = 2)]
        hidden: usize,
        /// Nonzero first-layer weights of the teacher.
        #[arg(long, default_value_t = 3)]
        nonzeros: usize,
    },
}

/// Runs `relumip gen`.
pub fn run(args: &GenArgs) -> Result<()> {
    let model: Model = match &args.family {
        Family::Network { widths } => return write_random_network(widths, args),
        Family::Robustness {
            network,
            eps,
            data,
            row,
            clip,
        } => {
            return write_robustness(network, *eps, data.as_deref(), *row, *clip, args);
        }
        Family::Planted {
            samples,
            inputs,
            hidden,
            nonzeros,
        } => {
            let spec = PlantedSpec {
                samples: *samples,
                inputs: *inputs,
                hidden: *hidden,
                nonzeros: *nonzeros,
                seed: args.seed,
            };
            return write_planted(&spec, args.output.as_deref());
        }
        Family::Knapsack { items, dimensions } => {
            anyhow::ensure!(
                *items > 0 && *dimensions > 0,
                "--items and --dimensions must be positive"
            );
            generate::knapsack(*items, *dimensions, args.seed)
        }
        Family::Setcover { elements, sets } => {
            anyhow::ensure!(
                *elements > 0 && *sets >= 2,
                "--elements must be positive and --sets at least 2"
            );
            generate::set_cover(*elements, *sets, args.seed)
        }
        Family::Facility {
            facilities,
            customers,
        } => {
            anyhow::ensure!(
                *facilities > 0 && *customers > 0,
                "--facilities and --customers must be positive"
            );
            generate::facility_location(*facilities, *customers, args.seed)
        }
        Family::Relu { widths } => {
            anyhow::ensure!(
                widths.len() >= 2 && widths.iter().all(|&w| w > 0) && widths[widths.len() - 1] >= 2,
                "--widths needs positive widths, at least an input and an output layer, and 2 or more outputs"
            );
            generate::relu_bigm(widths, args.seed)
        }
    };
    let path = args
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from(format!("{}.mps", model.name)));
    write_mps(&model, &path)?;
    let size = model.size();
    println!(
        "wrote {} ({} rows, {} columns, {} binary, {} nonzeros)",
        path.display(),
        size.rows,
        size.columns,
        size.binaries,
        size.nonzeros
    );
    Ok(())
}

/// Writes PREFIX.csv and PREFIX.onnx of a planted instance.
fn write_planted(spec: &PlantedSpec, prefix: Option<&Path>) -> Result<()> {
    let (data, teacher) = planted(spec)?;
    let prefix = prefix.map(Path::to_path_buf).unwrap_or_else(|| {
        PathBuf::from(format!(
            "planted-{}x{}x{}-k{}-s{}",
            spec.samples, spec.inputs, spec.hidden, spec.nonzeros, spec.seed
        ))
    });
    let path = |ext: &str| {
        let mut name = prefix.as_os_str().to_owned();
        name.push(ext);
        PathBuf::from(name)
    };
    let (csv, onnx) = (path(".csv"), path(".onnx"));
    write_csv(&data, &csv)?;
    let options = OnnxWriteOptions {
        precision: OnnxPrecision::Float64,
        ..OnnxWriteOptions::default()
    };
    write_onnx(&teacher, &onnx, &options)?;
    println!(
        "wrote {} ({} samples, {} inputs) and the teacher {} ({} hidden, {} nonzero weights)",
        csv.display(),
        spec.samples,
        spec.inputs,
        onnx.display(),
        spec.hidden,
        spec.nonzeros
    );
    Ok(())
}

/// Parses `LO,HI` (finite, `LO <= HI`).
fn parse_range(text: &str) -> std::result::Result<(f64, f64), String> {
    let parts: Vec<&str> = text.split(',').map(str::trim).collect();
    let numbers: Vec<f64> = parts.iter().filter_map(|p| p.parse::<f64>().ok()).collect();
    match numbers.as_slice() {
        [low, high] if parts.len() == 2 && low.is_finite() && high.is_finite() && low <= high => {
            Ok((*low, *high))
        }
        _ => Err(format!("expected LO,HI with finite LO <= HI, got '{text}'")),
    }
}

/// Writes a random network as ONNX.
fn write_random_network(widths: &[usize], args: &GenArgs) -> Result<()> {
    let network = generate::random_network(widths, args.seed)?;
    let name: Vec<String> = widths.iter().map(|w| w.to_string()).collect();
    let path = args
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from(format!("random-{}-s{}.onnx", name.join("-"), args.seed)));
    let options = OnnxWriteOptions {
        precision: OnnxPrecision::Float64,
        ..OnnxWriteOptions::default()
    };
    write_onnx(&network, &path, &options)?;
    println!(
        "wrote {} ({} inputs, {} ReLUs in {} hidden layers, {} outputs)",
        path.display(),
        network.input_dim(),
        network.num_relus(),
        network.layers().len() - 1,
        network.output_dim()
    );
    Ok(())
}

/// Writes the local robustness property of a network around a data row or a random
/// point as VNN-LIB.
fn write_robustness(
    network_path: &Path,
    eps: f64,
    data: Option<&Path>,
    row: usize,
    clip: Option<(f64, f64)>,
    args: &GenArgs,
) -> Result<()> {
    let network = read_network(network_path, false)?;
    let (point, origin, clip) = match data {
        Some(path) => {
            let dataset = read_csv(path)?;
            let point = dataset.features.get(row).cloned().ok_or_else(|| {
                anyhow::anyhow!("{}: no row {row} ({} rows)", path.display(), dataset.len())
            })?;
            let class = dataset.targets[row];
            (
                point,
                format!("{} row {row} (class {class})", path.display()),
                clip,
            )
        }
        None => {
            let (low, high) = clip.unwrap_or((0.0, 1.0));
            let mut rng = SplitMix64::new(args.seed);
            let point = (0..network.input_dim())
                .map(|_| (rng.uniform(low, high) * 1e4).round() / 1e4)
                .collect();
            (
                point,
                format!("uniform point in [{low}, {high}], seed {}", args.seed),
                Some((low, high)),
            )
        }
    };
    let robustness = local_robustness(&network, &point, eps, clip)?;
    let path = args.output.clone().unwrap_or_else(|| {
        let stem = network_path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "network".to_string());
        PathBuf::from(format!("{stem}-robust-eps{eps}.vnnlib"))
    });
    let comment = format!(
        "Local robustness of {} around {origin}\nL-infinity radius {eps}; predicted class {} (margin {:.6}); unsafe: another output >= Y_{}",
        network_path.display(),
        robustness.label,
        robustness.margin,
        robustness.label
    );
    write_vnnlib(&robustness.property, &path, &comment)?;
    println!(
        "wrote {} ({} inputs, {} cases; predicted class {}, margin {:.6} at the point)",
        path.display(),
        robustness.property.num_inputs,
        robustness.property.cases.len(),
        robustness.label,
        robustness.margin
    );
    Ok(())
}
