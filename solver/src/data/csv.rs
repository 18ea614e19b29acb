//! CSV data files: comma-separated numbers, one sample per line, the target last.
//!
//! Two layouts are read:
//! - **with a header line** `n_samples,n_features,class name,...` (scikit-learn's
//!   `iris.csv`, `wine_data.csv`, `breast_cancer.csv`): every row then has
//!   `n_features + 1` numbers and there must be `n_samples` rows;
//! - **plain**: every line is `features..., target` (no header), as in
//!   `digits.csv.gz` and the files `relumip gen planted` writes.
//!
//! A first line whose first two fields are whole numbers and whose other fields are
//! not all numbers is a header; a line of numbers is data. Gzip input is detected by
//! its magic bytes. Blank lines are skipped. Every error names the file and the line:
//! an empty file, rows of different lengths, a field that is not a finite number, a
//! header announcing more than 10^7 features. The counts in a header are checked
//! against the rows, never used to reserve memory.

use super::Dataset;
use crate::error::{Error, Result};
use crate::io::open_text;
use std::io::BufRead;
use std::path::Path;

/// Reads a data set from a CSV file (plain or gzip-compressed).
pub fn read_csv(path: &Path) -> Result<Dataset> {
    let label = path.display().to_string();
    let reader = open_text(path)?;
    let mut lines = Vec::new();
    for line in reader.lines() {
        lines.push(line.map_err(|e| Error::io(path, e))?);
    }
    parse_csv(&lines, &label)
}

/// Parses the lines of a CSV data file; `file` names it in errors.
pub fn parse_csv(lines: &[String], file: &str) -> Result<Dataset> {
    let mut rows = lines
        .iter()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty());
    let Some((first_no, first)) = rows.next() else {
        return Err(Error::parse(file, 1, "empty file: no data rows"));
    };
    let header = parse_header(first, first_no, file)?;
    let mut data = Dataset {
        features: Vec::new(),
        targets: Vec::new(),
        class_names: Vec::new(),
        source: file.to_string(),
    };
    let mut width = None;
    if let Some(h) = &header {
        data.class_names = h.class_names.clone();
        // Checked in `parse_header`: at most `MAX_FEATURES`, so no overflow.
        width = Some(h.features + 1);
    } else {
        push_row(&mut data, first, first_no, file, &mut width)?;
    }
    let mut last_line = first_no;
    for (no, line) in rows {
        push_row(&mut data, line, no, file, &mut width)?;
        last_line = no;
    }
    if data.is_empty() {
        return Err(Error::parse(
            file,
            last_line + 1,
            "no data rows after the header line",
        ));
    }
    if let Some(h) = header {
        if h.samples != data.len() {
            return Err(Error::parse(
                file,
                first_no,
                format!(
                    "the header announces {} samples but the file has {} rows",
                    h.samples,
                    data.len()
                ),
            ));
        }
    }
    Ok(data)
}

/// Writes `data` as a plain CSV file (`features..., target` per line, no header),
/// with every number in its shortest exact decimal form.
pub fn write_csv(data: &Dataset, path: &Path) -> Result<()> {
    let mut text = String::new();
    for (x, y) in data.features.iter().zip(&data.targets) {
        for v in x {
            text.push_str(&format!("{v},"));
        }
        text.push_str(&format!("{y}\n"));
    }
    crate::io::write_atomically(path, text.as_bytes())
}

struct Header {
    samples: usize,
    features: usize,
    class_names: Vec<String>,
}

/// Largest number of features a header may announce (a row of that many values
/// is about 80 MB of text).
const MAX_FEATURES: usize = 10_000_000;

/// The header line, if `line` is one; `None` for a line of numbers.
fn parse_header(line: &str, no: usize, file: &str) -> Result<Option<Header>> {
    let fields: Vec<&str> = line.split(',').map(str::trim).collect();
    // Numbers, finite or not, make a data line (whose non-finite fields are then
    // refused); a header has class names after its two counts.
    if fields.iter().all(|f| f.parse::<f64>().is_ok()) {
        return Ok(None);
    }
    let counts = (
        fields.first().and_then(|f| f.parse::<usize>().ok()),
        fields.get(1).and_then(|f| f.parse::<usize>().ok()),
    );
    match counts {
        (Some(_), Some(features)) if features > MAX_FEATURES => Err(Error::parse(
            file,
            no,
            format!(
                "the header announces {features} features, more than the {MAX_FEATURES} \
                 supported"
            ),
        )),
        (Some(samples), Some(features)) if features >= 1 => Ok(Some(Header {
            samples,
            features,
            class_names: fields[2..].iter().map(|s| s.to_string()).collect(),
        })),
        _ => {
            let (col, field) = fields
                .iter()
                .enumerate()
                .find(|(_, f)| number(f).is_none())
                .map_or((1, ""), |(j, f)| (j + 1, *f));
            Err(Error::parse(
                file,
                no,
                format!(
                    "column {col}: expected a number, found '{field}' (a header line must be `n_samples,n_features,class names...`)"
                ),
            ))
        }
    }
}

fn push_row(
    data: &mut Dataset,
    line: &str,
    no: usize,
    file: &str,
    width: &mut Option<usize>,
) -> Result<()> {
    // The width comes from the file (its header or first row): reserve no more
    // than a row of ordinary length, the row itself grows the vector as needed.
    let mut values = Vec::with_capacity(width.unwrap_or(8).min(1024));
    for (j, field) in line.split(',').map(str::trim).enumerate() {
        let v = number(field).ok_or_else(|| {
            Error::parse(
                file,
                no,
                format!("column {}: expected a number, found '{field}'", j + 1),
            )
        })?;
        values.push(v);
    }
    match *width {
        Some(w) if w != values.len() => {
            return Err(Error::parse(
                file,
                no,
                format!(
                    "ragged row: {} columns, but {w} expected (features and the target)",
                    values.len()
                ),
            ))
        }
        None if values.len() < 2 => {
            return Err(Error::parse(
                file,
                no,
                "a row needs at least one feature and a target (2 columns or more)",
            ))
        }
        _ => *width = Some(values.len()),
    }
    let target = values.pop().unwrap_or_default();
    data.features.push(values);
    data.targets.push(target);
    Ok(())
}

fn number(field: &str) -> Option<f64> {
    field.parse::<f64>().ok().filter(|v| v.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Dataset> {
        let lines: Vec<String> = text.lines().map(str::to_string).collect();
        parse_csv(&lines, "d.csv")
    }

    #[test]
    fn header_and_plain_layouts() {
        let d = parse("3,2,a,b\n1,2,0\n3,4,1\n\n5,6.5,1\n").unwrap();
        assert_eq!(d.len(), 3);
        assert_eq!(d.num_features(), 2);
        assert_eq!(d.class_names, vec!["a", "b"]);
        assert_eq!(d.features[2], vec![5.0, 6.5]);
        assert_eq!(d.class_labels().unwrap(), (vec![0, 1, 1], 2));
        let p = parse("0.5,-1,2.25\n1e-3,2,-7\n").unwrap();
        assert!(p.class_names.is_empty());
        assert_eq!(p.targets, vec![2.25, -7.0]);
        assert!(p.class_labels().is_err());
    }

    #[test]
    fn errors_name_file_and_line() {
        let msg = |t: &str| parse(t).unwrap_err().to_string();
        assert_eq!(msg(""), "d.csv:1: empty file: no data rows");
        assert_eq!(msg("\n  \n"), "d.csv:1: empty file: no data rows");
        assert!(msg("1,2,3\n4,5\n").starts_with("d.csv:2: ragged row: 2 columns, but 3"));
        assert!(
            msg("1,2,3\n4,x,5\n").starts_with("d.csv:2: column 2: expected a number, found 'x'")
        );
        assert!(msg("1,2,nan\n").starts_with("d.csv:1: column 3: expected a number"));
        assert!(msg("a,b,c\n1,2,3\n").starts_with("d.csv:1: column 1: expected a number"));
        assert!(msg("2,1,a,b\n1,0\n").contains("announces 2 samples but the file has 1"));
        assert!(msg("2,1,a,b\n").starts_with("d.csv:2: no data rows after the header"));
        assert!(msg("2,2,a,b\n1,0\n2,1\n").starts_with("d.csv:2: ragged row"));
        assert!(msg("1\n").contains("at least one feature and a target"));
    }

    #[test]
    fn write_then_read_is_exact() {
        let d = Dataset {
            features: vec![vec![0.1, -1.0 / 3.0], vec![1e-17, 12345.678]],
            targets: vec![std::f64::consts::PI, -2.0],
            class_names: vec![],
            source: String::new(),
        };
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.csv");
        write_csv(&d, &path).unwrap();
        let back = read_csv(&path).unwrap();
        assert_eq!(back.features, d.features);
        assert_eq!(back.targets, d.targets);
    }
}
