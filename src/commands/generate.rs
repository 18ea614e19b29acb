//! `relumip gen`: write generated instances as MPS, or planted regression data as CSV
//! with its teacher network as ONNX.

use anyhow::Result;
use clap::{Args, Subcommand};
use relumip_solver::data::{planted, write_csv, PlantedSpec};
use relumip_solver::generate;
use relumip_solver::io::mps::write_mps;
use relumip_solver::io::onnx::{write_onnx, OnnxPrecision, OnnxWriteOptions};
use relumip_solver::model::Model;
use std::path::{Path, PathBuf};

/// Options of `relumip gen`.
#[derive(Args, Debug)]
pub struct GenArgs {
    /// The family to generate.
    #[command(subcommand)]
    pub family: Family,
    /// Output: the MPS file (MILP families), or the file prefix of `planted` (writes
    /// PREFIX.csv and PREFIX.onnx).
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
