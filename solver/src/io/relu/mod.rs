//! Where a model read from a file gets its ReLU structure: the JSON sidecar beside
//! it, a sidecar named by the user, or detection in its rows
//! ([`detect_relu_structure`]).
//!
//! ```
//! use relumip_solver::generate::relu_bigm;
//! use relumip_solver::io::relu::{attach_relu_structure, ReluOrigin, ReluSource};
//! use std::path::Path;
//!
//! let mut model = relu_bigm(&[3, 8, 2], 1);
//! model.relu = None; // as an MPS file gives it
//! let report = attach_relu_structure(&mut model, Path::new("none.mps"), &ReluSource::Auto)?;
//! assert_eq!(report.origin, ReluOrigin::Detected);
//! assert!(model.relu.is_some());
//! println!("ReLU structure: {report}"); // 8 units in 1 layers (..) ...
//! # Ok::<(), relumip_solver::Error>(())
//! ```

mod sidecar;

pub use sidecar::{parse_relu_sidecar, read_relu_sidecar, sidecar_path};

use sidecar::read_optional_sidecar;

use crate::error::Result;
use crate::model::{detect_relu_structure, Model, ReluStructure};
use std::collections::BTreeSet;
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Where to take a model's ReLU structure from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum ReluSource {
    /// The sidecar beside the model file ([`sidecar_path`]) when it exists, else
    /// detection in the rows.
    #[default]
    Auto,
    /// No structure.
    Off,
    /// This sidecar file.
    Sidecar(PathBuf),
}

impl ReluSource {
    /// `auto`, `off`, or the path of a sidecar file.
    pub fn from_arg(arg: &str) -> Self {
        match arg {
            "auto" => ReluSource::Auto,
            "off" => ReluSource::Off,
            path => ReluSource::Sidecar(PathBuf::from(path)),
        }
    }
}

/// Where the structure came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReluOrigin {
    /// Detected in the model's rows.
    Detected,
    /// Read from this sidecar file.
    Sidecar(PathBuf),
    /// Detection found none.
    NotFound,
    /// Not asked for.
    Off,
}

/// What [`attach_relu_structure`] did.
#[derive(Clone, Debug, PartialEq)]
pub struct ReluReport {
    /// Where the structure came from.
    pub origin: ReluOrigin,
    /// Number of ReLU units (stable and unstable).
    pub units: usize,
    /// Number of unstable units (with an indicator binary).
    pub unstable: usize,
    /// Number of layers holding ReLU units.
    pub layers: usize,
    /// Number of input columns.
    pub inputs: usize,
    /// Time spent detecting or reading and checking the sidecar.
    pub time: Duration,
}

impl ReluReport {
    fn new(origin: ReluOrigin, structure: Option<&ReluStructure>, time: Duration) -> Self {
        let (units, unstable, layers, inputs) = structure.map_or((0, 0, 0, 0), |s| {
            let layers: BTreeSet<usize> = s.units.iter().map(|u| u.layer).collect();
            (
                s.units.len(),
                s.num_unstable(),
                layers.len(),
                s.inputs.len(),
            )
        });
        ReluReport {
            origin,
            units,
            unstable,
            layers,
            inputs,
            time,
        }
    }

    /// `detected`, `sidecar`, `none` or `off`, as the statistics file writes it.
    pub fn source_name(&self) -> &'static str {
        match self.origin {
            ReluOrigin::Detected => "detected",
            ReluOrigin::Sidecar(_) => "sidecar",
            ReluOrigin::NotFound => "none",
            ReluOrigin::Off => "off",
        }
    }
}

impl fmt::Display for ReluReport {
    /// `300 units in 6 layers (186 unstable), 5 inputs (detected in 0.004s)`, or
    /// `... (from sidecar FILE)`, `none found`, `off`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let counts = || {
            format!(
                "{} units in {} layers ({} unstable), {} inputs",
                self.units, self.layers, self.unstable, self.inputs
            )
        };
        match &self.origin {
            ReluOrigin::Detected => write!(
                f,
                "{} (detected in {:.3}s)",
                counts(),
                self.time.as_secs_f64()
            ),
            ReluOrigin::Sidecar(path) => {
                write!(f, "{} (from sidecar {})", counts(), path.display())
            }
            ReluOrigin::NotFound => write!(f, "none found"),
            ReluOrigin::Off => write!(f, "off"),
        }
    }
}

/// Sets `model.relu` (replacing what it held) from `source`: for
/// [`ReluSource::Auto`], the sidecar beside `file` ([`sidecar_path`]) when it
/// exists and holds a `"relu"` key, else [`detect_relu_structure`]; for
/// [`ReluSource::Sidecar`], that file; for [`ReluSource::Off`], nothing. A JSON file
/// beside the model without a `"relu"` key is some other file (such as the report
/// of `relumip sparse --export`) and is passed over. A sidecar that cannot be read,
/// is not JSON, or does not fit the model is an error (naming the file), also when
/// found beside the model: detection never silently replaces a broken sidecar.
pub fn attach_relu_structure(
    model: &mut Model,
    file: &Path,
    source: &ReluSource,
) -> Result<ReluReport> {
    let started = Instant::now();
    let sidecar = match source {
        ReluSource::Off => {
            model.relu = None;
            return Ok(ReluReport::new(ReluOrigin::Off, None, Duration::ZERO));
        }
        ReluSource::Sidecar(path) => Some((path.clone(), read_relu_sidecar(path, model)?)),
        ReluSource::Auto => {
            let path = sidecar_path(file);
            if path.is_file() {
                read_optional_sidecar(&path, model)?.map(|s| (path, s))
            } else {
                None
            }
        }
    };
    let (origin, structure) = match sidecar {
        Some((path, structure)) => (ReluOrigin::Sidecar(path), Some(structure)),
        None => match detect_relu_structure(model) {
            Some(structure) => (ReluOrigin::Detected, Some(structure)),
            None => (ReluOrigin::NotFound, None),
        },
    };
    let report = ReluReport::new(origin, structure.as_ref(), started.elapsed());
    model.relu = structure;
    Ok(report)
}
