//! Reading and writing MPS files (free and fixed format, plain or gzip).
//!
//! # Reading
//!
//! [`read_mps`] and [`parse_mps`] read the sections NAME, OBJSENSE, ROWS, COLUMNS
//! (with `MARKER` `INTORG`/`INTEND` integer blocks), RHS, RANGES, BOUNDS and ENDATA.
//! The conventions:
//!
//! - **Free or fixed format** is decided line by line. A line starting in column 1
//!   is a section header; `*` in column 1 starts a comment; blank lines are skipped.
//!   A data line is first split on whitespace (free MPS). If that reading is not
//!   valid for the section (wrong number of fields, a row or column name that is not
//!   declared, text where a number belongs) and the line fits the fixed layout
//!   (fields in columns 2-3, 5-12, 15-22, 25-36, 40-47, 50-61, blanks elsewhere, no
//!   tabs), the line is read again by those fixed columns, which allows spaces inside
//!   names. So free files and classic fixed files both read, and so do fixed files
//!   whose names hold spaces.
//! - **Keywords** (sections, row and bound types, markers, OBJSENSE values) are case
//!   insensitive; names are case sensitive and kept as written.
//! - **OBJSENSE** is either a section with `MAX`, `MAXIMIZE`, `MIN` or `MINIMIZE` on
//!   the next line, or the same word on the OBJSENSE line itself.
//! - **ROWS**: the first `N` row is the objective; further `N` rows are dropped with a
//!   warning, together with their entries in COLUMNS, RHS and RANGES. Without any
//!   `N` row the objective is zero (warning).
//! - **Objective constant**: an RHS value `v` on the objective row gives the constant
//!   `-v`, as HiGHS, CBC and CPLEX read it (the objective is `c'x - v`).
//! - **RHS, RANGES and BOUNDS set names** are optional (the number of fields tells);
//!   a second, different set name in one section is refused as unsupported.
//! - **RANGES** `R` on a row with right-hand side `b`: `L` gives `[b - |R|, b]`, `G`
//!   gives `[b, b + |R|]`, `E` gives `[b, b + |R|]` for `R > 0` and `[b - |R|, b]` for
//!   `R < 0` (and `[b, b]` for `R = 0`). RHS and RANGES may come in any order.
//! - **BOUNDS** are applied in file order, so a later entry overrides an earlier one
//!   for the same side. `UP`/`UI` with a negative value on a column whose lower bound
//!   is still the default 0 set the lower bound to -infinity (warning); HiGHS 1.15
//!   does not do this, CPLEX and CBC do. `LI`, `UI` and `BV` make the column integer.
//!   Bound values of magnitude at least 1e20 mean infinity (as in HiGHS and CPLEX);
//!   `inf`/`infinity` are accepted where the infinite side makes sense. Values given
//!   to `MI`, `PL`, `FR` and `BV` must be numbers and are ignored.
//! - **Integer columns**: a column in a `MARKER` block with no BOUNDS entry at all
//!   gets bounds `[0, 1]` (as HiGHS and CBC do); with any BOUNDS entry it starts from
//!   the default `[0, +inf)`. An integer column whose final bounds lie within
//!   `[0, 1]` is [`VarKind::Binary`](crate::model::VarKind::Binary), any other
//!   integer column [`VarKind::Integer`](crate::model::VarKind::Integer).
//! - **Duplicates are errors**: the same (row, column) coefficient twice, two
//!   objective coefficients for a column, two RHS or RANGES values for a row, a
//!   repeated row name, and a column whose entries are not contiguous (its name
//!   appears again after another column or a marker). Other readers disagree on
//!   these (HiGHS keeps the first value, others add or keep the last), so no reading
//!   is silently chosen. Repeated BOUNDS entries are not duplicates: they apply in
//!   order, as above.
//! - **Zero coefficients** declare a column (a column needs at least one line) but are
//!   not stored.
//! - **Numbers**: coefficients, right-hand sides and ranges must be finite and are
//!   taken as written (a right-hand side of 1e30 stays finite); `nan` is refused
//!   everywhere. Bounds `lower > upper` are kept: the model is infeasible, which the
//!   solver reports.
//! - **ENDATA is required**: a file that ends without it is refused as probably
//!   truncated; text after it (MIPLIB 3 files carry an IMPORTANCES section there)
//!   is ignored with a warning, as HiGHS and CBC do.
//! - **Refused as unsupported** ([`Error::Unsupported`]):
//!   SOS/SETS, QUADOBJ, QMATRIX, QSECTION, QCMATRIX, CSECTION and INDICATORS
//!   sections, any unknown section, the SC and SI bound types and any unknown bound
//!   type. Every other problem is an [`Error::Parse`] naming the
//!   file, the 1-based line and what was found against what was expected.
//!
//! # Writing
//!
//! [`write_mps`] and [`write_mps_string`] write free MPS that HiGHS and CBC read;
//! see [`write_mps_string`] for the layout. Reading the written text gives back a
//! model equal to the original for every model the reader produces, except that
//! row and column names holding whitespace (possible only from fixed-format
//! files) are written with each whitespace character replaced by `_` (free MPS
//! cannot hold them), as is a model name holding both whitespace and `IEEE`.

mod fields;
mod reader;
mod writer;

pub use writer::{check_writable, write_mps, write_mps_string};

use crate::error::{Error, Result};
use crate::model::Model;
use std::collections::HashSet;
use std::path::Path;

/// Reads an MPS file, plain or gzip-compressed (detected by its magic bytes).
///
/// Errors name the file as `path` displays. Text that is not valid UTF-8 is read
/// with the invalid bytes replaced (warning), since names are only labels.
pub fn read_mps(path: &Path) -> Result<Model> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    parse_mps_bytes(&bytes, &path.display().to_string())
}

/// Parses the bytes of an MPS file, plain or gzip-compressed (detected by its magic
/// bytes), as [`read_mps`] does for a file; `file_label` names the input in error
/// messages. A corrupt or truncated gzip stream is an [`Error::Io`] naming it.
pub fn parse_mps_bytes(bytes: &[u8], file_label: &str) -> Result<Model> {
    let plain;
    let bytes = if bytes.starts_with(&[0x1f, 0x8b]) {
        plain = super::gunzip_bounded(bytes, file_label, super::MAX_DECOMPRESSED_BYTES)?;
        plain.as_slice()
    } else {
        bytes
    };
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        Err(_) => {
            log::warn!("{file_label}: not valid UTF-8; invalid bytes replaced");
            String::from_utf8_lossy(bytes)
        }
    };
    parse_mps(&text, file_label)
}

/// Parses MPS text; `file_label` names the input in error messages.
pub fn parse_mps(text: &str, file_label: &str) -> Result<Model> {
    let mut reader = reader::Reader::new(file_label);
    for (i, line) in text.lines().enumerate() {
        reader.line(i + 1, line)?;
        if reader.ended() {
            // What follows ENDATA (MIPLIB 3 files carry an IMPORTANCES section
            // there) is ignored, as HiGHS and CBC do.
            let rest = text.lines().skip(i + 1).position(|l| {
                let t = l.trim();
                !t.is_empty() && !l.starts_with('*')
            });
            if let Some(k) = rest {
                log::warn!("{file_label}:{}: text after ENDATA ignored", i + 2 + k);
            }
            break;
        }
    }
    reader.finish()
}

/// `base`, or `base_1`, `base_2`, ... : the first that is not one of `taken`.
fn unique_name<'a>(base: &str, taken: impl Iterator<Item = &'a str>) -> String {
    let taken: HashSet<&str> = taken.collect();
    if !taken.contains(base) {
        return base.to_string();
    }
    (1..)
        .map(|k| format!("{base}_{k}"))
        .find(|name| !taken.contains(name.as_str()))
        .unwrap_or_default()
}
