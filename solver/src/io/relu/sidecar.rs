//! Reading the JSON sidecar that `relumip export` writes beside each MPS file: its
//! `"relu"` key holds the [`ReluStructure`] the formulation built, with column
//! indices in the MPS file's column order.

use crate::error::{Error, Result};
use crate::model::{Model, ReluStructure};
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The keys of a sidecar that matter here (others are ignored).
#[derive(Deserialize)]
struct Sidecar {
    /// The structure.
    #[serde(default)]
    relu: Option<ReluStructure>,
    /// Number of columns of the model it was written for.
    #[serde(default)]
    columns: Option<usize>,
}

/// The sidecar file beside a model file: the same name with `.mps` or `.mps.gz`
/// (any case) replaced by `.json` (`.json` appended to other names).
pub fn sidecar_path(model_file: &Path) -> PathBuf {
    let name = model_file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let lower = name.to_ascii_lowercase();
    let stem = [".mps.gz", ".mps"]
        .iter()
        .find(|s| lower.ends_with(*s))
        .map_or(name.as_str(), |s| &name[..name.len() - s.len()]);
    model_file.with_file_name(format!("{stem}.json"))
}

/// Reads the sidecar at `path` (plain or gzip) and returns its ReLU structure,
/// checked against `model` by [`ReluStructure::validate`]. Errors name the file: a
/// JSON syntax or type error with its line and column, a missing `"relu"` key, a
/// structure written for a model with another number of columns, or what the
/// validation found wrong.
pub fn read_relu_sidecar(path: &Path, model: &Model) -> Result<ReluStructure> {
    read_optional_sidecar(path, model)?.ok_or_else(|| {
        Error::Invalid(format!(
            "{}: no ReLU structure (the \"relu\" key is missing or null)",
            path.display()
        ))
    })
}

/// Parses the text of a sidecar as [`read_relu_sidecar`] reads a file; `file` names
/// it in error messages.
pub fn parse_relu_sidecar(text: &str, file: &str, model: &Model) -> Result<ReluStructure> {
    parse_optional_sidecar(text, file, model)?.ok_or_else(|| {
        Error::Invalid(format!(
            "{file}: no ReLU structure (the \"relu\" key is missing or null)"
        ))
    })
}

/// As [`read_relu_sidecar`], but a JSON document without a `"relu"` key (or with
/// `null` there) gives `Ok(None)`: it is some other file, not a sidecar.
pub(super) fn read_optional_sidecar(path: &Path, model: &Model) -> Result<Option<ReluStructure>> {
    let text = super::super::read_text(path)?;
    parse_optional_sidecar(&text, &path.display().to_string(), model)
}

/// [`read_optional_sidecar`] on the text of the file `file`.
fn parse_optional_sidecar(text: &str, file: &str, model: &Model) -> Result<Option<ReluStructure>> {
    let sidecar: Sidecar = serde_json::from_str(text).map_err(|e| json_error(file, &e))?;
    let Some(structure) = sidecar.relu else {
        return Ok(None);
    };
    if let Some(columns) = sidecar.columns.filter(|&c| c != model.num_cols()) {
        return Err(Error::Invalid(format!(
            "{file}: written for a model with {columns} columns, but the model has {}",
            model.num_cols()
        )));
    }
    structure.validate(model).map_err(|why| {
        Error::Invalid(format!(
            "{file}: the ReLU structure does not fit the model: {why}"
        ))
    })?;
    Ok(Some(structure))
}

/// A serde_json error as a parse error at its line, with its column in the message.
fn json_error(file: &str, e: &serde_json::Error) -> Error {
    let text = e.to_string();
    let position = format!(" at line {} column {}", e.line(), e.column());
    let message = text.strip_suffix(&position).unwrap_or(&text);
    Error::parse(file, e.line(), format!("column {}: {message}", e.column()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sidecar_names() {
        for (model, sidecar) in [
            ("dir/a_case0.mps", "dir/a_case0.json"),
            ("dir/a.MPS.gz", "dir/a.json"),
            ("a.mps.gz", "a.json"),
            ("a.lp", "a.lp.json"),
            ("a", "a.json"),
        ] {
            assert_eq!(sidecar_path(Path::new(model)), PathBuf::from(sidecar));
        }
    }
}
