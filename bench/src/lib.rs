//! relumip-bench: the benchmark harness of relumip. It runs instance suites through
//! relumip and peer solvers on the very same MILPs and compares the answers and the
//! times.
//!
//! One concern per module: [`suite`] reads a suite (a folder of MPS files with a
//! `.solu` file, or a VNN-COMP `instances.csv` with a `groundtruth.csv`), [`config`]
//! reads the solvers asked for, configurations of relumip among them
//! (`relumip[branching=babsr]`), [`peers`] builds and runs the solver commands, [`parse_highs`], [`parse_cbc`] and
//! [`parse_relumip`] read each solver's output into a [`RunResult`], [`check`] compares
//! answers with the known ones and with each other, [`stats`] computes shifted
//! geometric means, wins, performance profiles and cactus curves, [`report`] writes
//! `results.csv` and `summary.md`, and [`plot`] draws the performance profile and the
//! cactus plot. [`run`] drives a whole benchmark as [`BenchOptions`] describe it:
//! network instances exported as MPS files, every solver run as a subprocess, then
//! the reports and the plots.

#![deny(missing_docs)]

pub mod check;
pub mod config;
mod network;
mod orchestrate;
pub mod parse_cbc;
pub mod parse_highs;
pub mod parse_relumip;
pub mod peers;
pub mod plot;
pub mod report;
mod result;
pub mod stats;
pub mod suite;

pub use orchestrate::{run, BenchOptions, BenchOutcome, DEFAULT_TIME_LIMIT};
pub use result::{RunResult, RunStatus};
