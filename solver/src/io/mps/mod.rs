//! MPS files: reader (free and fixed format, gzip) and writer (free format).
//!
//! Conventions, chosen to agree with HiGHS and CBC:
//! - The first `N` row is the objective; further `N` rows are dropped with a warning.
//! - An RHS entry on the objective row sets the objective constant to minus the value.
//! - An integer column (inside `MARKER INTORG/INTEND`) with no entry in `BOUNDS` gets
//!   bounds `[0, 1]`; with any bound entry, its other bound keeps the default
//!   (`0` or `+inf`). An integer column whose bounds lie within `[0, 1]` is binary.
//! - `UP` with a negative value on a column whose lower bound was not set makes the
//!   lower bound `-inf` (with a warning).
//! - Values of magnitude `1e30` or more in RHS, RANGES and BOUNDS are infinite.
//! - A column's entries must be contiguous, and a (row, column) pair may appear once.
//! - Fields are split on whitespace (free MPS). A data line that does not fit its
//!   section that way is read by the fixed-MPS column positions (2-3, 5-12, 15-22,
//!   25-36, 40-47, 50-61), which allows names with spaces.
//! - An integer block still open at the end of COLUMNS ends there.
//! - `ENDATA` is required; anything but comments after it is an error.
//! - SOS, quadratic sections, indicator constraints and semi-continuous bounds are
//!   refused as unsupported.

mod reader;
mod writer;

pub use reader::{parse_mps, read_mps};
pub use writer::{write_mps, write_mps_string};

/// Magnitude from which a number in RHS, RANGES or BOUNDS means infinity.
pub const MPS_INFINITY: f64 = 1e30;
