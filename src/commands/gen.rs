//! `relumip gen`: write generated instances as MPS.

use anyhow::Result;
use clap::{Args, Subcommand};
use relumip_solver::gen;
use relumip_solver::io::mps::write_mps;
use relumip_solver::model::Model;
use std::path::PathBuf;

/// Options of `relumip gen`.
#[derive(Args, Debug)]
pub struct GenArgs {
    /// The family to generate.
    #[command(subcommand)]
    pub family: Family,
    /// Output MPS file.
    #[arg(long, short, global = true, value_name = "FILE.mps")]
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
}

/// Runs `relumip gen`.
pub fn run(args: &GenArgs) -> Result<()> {
    let model: Model = match &args.family {
        Family::Knapsack { items, dimensions } => {
            anyhow::ensure!(
                *items > 0 && *dimensions > 0,
                "--items and --dimensions must be positive"
            );
            gen::knapsack(*items, *dimensions, args.seed)
        }
        Family::Setcover { elements, sets } => {
            anyhow::ensure!(
                *elements > 0 && *sets >= 2,
                "--elements must be positive and --sets at least 2"
            );
            gen::set_cover(*elements, *sets, args.seed)
        }
        Family::Facility {
            facilities,
            customers,
        } => {
            anyhow::ensure!(
                *facilities > 0 && *customers > 0,
                "--facilities and --customers must be positive"
            );
            gen::facility_location(*facilities, *customers, args.seed)
        }
        Family::Relu { widths } => {
            anyhow::ensure!(
                widths.len() >= 2 && widths.iter().all(|&w| w > 0) && widths[widths.len() - 1] >= 2,
                "--widths needs positive widths, at least an input and an output layer, and 2 or more outputs"
            );
            gen::relu_bigm(widths, args.seed)
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
