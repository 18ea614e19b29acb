//! Input vectors as text: comma-separated numbers, one vector per line; empty lines
//! and lines starting with `#` are skipped.

use crate::error::{Error, Result};
use std::io::BufRead;
use std::path::Path;

/// Parses one line of comma-separated finite numbers; `file` and `line` name the
/// place in errors.
pub fn parse_vector(text: &str, file: &str, line: usize) -> Result<Vec<f64>> {
    text.split(',')
        .map(|t| {
            let t = t.trim();
            t.parse::<f64>()
                .ok()
                .filter(|v| v.is_finite())
                .ok_or_else(|| Error::parse(file, line, format!("expected a number, found '{t}'")))
        })
        .collect()
}

/// Reads the first vector of a file (its first line that is neither empty nor a
/// comment), and checks that it has `len` values.
pub fn read_vector(path: &Path, len: usize) -> Result<Vec<f64>> {
    let file = path.display().to_string();
    let reader = super::open_text(path)?;
    for (index, text) in reader.lines().enumerate() {
        let text = text.map_err(|e| Error::io(path, e))?;
        let text = text.trim();
        if text.is_empty() || text.starts_with('#') {
            continue;
        }
        let vector = parse_vector(text, &file, index + 1)?;
        if vector.len() != len {
            return Err(Error::parse(
                &file,
                index + 1,
                format!("expected {len} values, found {}", vector.len()),
            ));
        }
        return Ok(vector);
    }
    Err(Error::parse(
        &file,
        1,
        "expected a line of comma-separated numbers, found none",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_names_the_place_of_errors() {
        assert_eq!(
            parse_vector("1, -2.5,3e-1", "f", 1).ok(),
            Some(vec![1.0, -2.5, 0.3])
        );
        let err = parse_vector("1,x", "f.txt", 4).expect_err("x is no number");
        assert_eq!(err.to_string(), "f.txt:4: expected a number, found 'x'");
        assert!(parse_vector("1,inf", "f", 1).is_err());
    }

    #[test]
    fn reads_the_first_vector_of_a_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("x.txt");
        std::fs::write(&path, "# reference\n\n0.5,1\n2,3\n").expect("written");
        assert_eq!(read_vector(&path, 2).ok(), Some(vec![0.5, 1.0]));
        let err = read_vector(&path, 3).expect_err("wrong length");
        assert!(
            err.to_string().contains(":3: expected 3 values, found 2"),
            "{err}"
        );
        std::fs::write(&path, "\n# nothing\n").expect("written");
        assert!(read_vector(&path, 2).is_err());
    }
}
