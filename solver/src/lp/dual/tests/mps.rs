//! A small MPS reader for the tests (free and fixed format with whitespace-separated
//! fields, no names with spaces). Returns the LP relaxation in minimisation form.

use crate::lp::{LpProblem, LpRow};
use std::collections::HashMap;
use std::io::Read;

pub(in crate::lp::dual) fn read_lp(path: &std::path::Path) -> Result<LpProblem, String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    let text = if path.extension().is_some_and(|e| e == "gz") {
        let mut s = String::new();
        flate2::read::GzDecoder::new(&bytes[..])
            .read_to_string(&mut s)
            .map_err(|e| e.to_string())?;
        s
    } else {
        String::from_utf8_lossy(&bytes).into_owned()
    };
    parse(&text)
}

fn parse(text: &str) -> Result<LpProblem, String> {
    let mut section = String::new();
    let mut obj_row: Option<String> = None;
    let mut row_index: HashMap<String, usize> = HashMap::new();
    let mut row_kind: Vec<char> = Vec::new();
    let mut rhs: Vec<f64> = Vec::new();
    let mut range: Vec<Option<f64>> = Vec::new();
    let mut col_index: HashMap<String, usize> = HashMap::new();
    let mut costs: Vec<f64> = Vec::new();
    let mut lower: Vec<f64> = Vec::new();
    let mut upper: Vec<f64> = Vec::new();
    let mut integer: Vec<bool> = Vec::new();
    let mut entries: Vec<Vec<(usize, f64)>> = Vec::new();
    let mut in_int = false;
    let mut maximize = false;
    let num = |s: &str| s.parse::<f64>().map_err(|e| format!("bad number {s}: {e}"));
    for line in text.lines() {
        if line.starts_with('*') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split_whitespace().collect();
        if !line.starts_with(' ') && !line.starts_with('\t') {
            section = f[0].to_uppercase();
            if section == "OBJSENSE" && f.len() > 1 {
                maximize =
                    f[1].eq_ignore_ascii_case("MAX") || f[1].eq_ignore_ascii_case("MAXIMIZE");
            }
            continue;
        }
        match section.as_str() {
            "OBJSENSE" => {
                maximize =
                    f[0].eq_ignore_ascii_case("MAX") || f[0].eq_ignore_ascii_case("MAXIMIZE");
            }
            "ROWS" => {
                let kind = f[0].to_uppercase().chars().next().unwrap_or('N');
                if kind == 'N' {
                    if obj_row.is_none() {
                        obj_row = Some(f[1].to_string());
                    }
                    continue;
                }
                row_index.insert(f[1].to_string(), row_kind.len());
                row_kind.push(kind);
                rhs.push(0.0);
                range.push(None);
                entries.push(Vec::new());
            }
            "COLUMNS" => {
                if f.len() >= 3 && f[1].contains("'MARKER'") {
                    in_int = f[2].contains("'INTORG'");
                    continue;
                }
                let j = *col_index.entry(f[0].to_string()).or_insert_with(|| {
                    costs.push(0.0);
                    lower.push(0.0);
                    upper.push(f64::INFINITY);
                    integer.push(in_int);
                    costs.len() - 1
                });
                for pair in f[1..].chunks(2) {
                    if pair.len() < 2 {
                        continue;
                    }
                    let v = num(pair[1])?;
                    if Some(pair[0]) == obj_row.as_deref() {
                        costs[j] = v;
                    } else if let Some(&i) = row_index.get(pair[0]) {
                        entries[i].push((j, v));
                    }
                }
            }
            "RHS" | "RANGES" => {
                let start = if f.len() % 2 == 1 { 1 } else { 0 };
                for pair in f[start..].chunks(2) {
                    if pair.len() < 2 {
                        continue;
                    }
                    let v = num(pair[1])?;
                    if let Some(&i) = row_index.get(pair[0]) {
                        if section == "RHS" {
                            rhs[i] = v;
                        } else {
                            range[i] = Some(v);
                        }
                    }
                }
            }
            "BOUNDS" => {
                let kind = f[0].to_uppercase();
                let (name, value) = match f.len() {
                    4 => (f[2], Some(num(f[3])?)),
                    3 if matches!(kind.as_str(), "FR" | "MI" | "PL" | "BV") => (f[2], None),
                    3 => (f[1], Some(num(f[2])?)),
                    _ => (f[1], None),
                };
                let Some(&j) = col_index.get(name) else {
                    continue;
                };
                let v = value.unwrap_or(0.0);
                match kind.as_str() {
                    "UP" | "UI" => {
                        upper[j] = v;
                        if v < 0.0 && lower[j] == 0.0 {
                            lower[j] = f64::NEG_INFINITY;
                        }
                    }
                    "LO" | "LI" => lower[j] = v,
                    "FX" => {
                        lower[j] = v;
                        upper[j] = v;
                    }
                    "FR" => {
                        lower[j] = f64::NEG_INFINITY;
                        upper[j] = f64::INFINITY;
                    }
                    "MI" => lower[j] = f64::NEG_INFINITY,
                    "PL" => upper[j] = f64::INFINITY,
                    "BV" => {
                        lower[j] = 0.0;
                        upper[j] = 1.0;
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }
    let rows = row_kind
        .iter()
        .enumerate()
        .map(|(i, &k)| {
            let b = rhs[i];
            let (lo, hi) = match (k, range[i]) {
                ('E', None) => (b, b),
                ('E', Some(r)) if r >= 0.0 => (b, b + r),
                ('E', Some(r)) => (b + r, b),
                ('L', None) => (f64::NEG_INFINITY, b),
                ('L', Some(r)) => (b - r.abs(), b),
                ('G', None) => (b, f64::INFINITY),
                ('G', Some(r)) => (b, b + r.abs()),
                _ => (f64::NEG_INFINITY, f64::INFINITY),
            };
            let mut e = entries[i].clone();
            e.sort_by_key(|x| x.0);
            LpRow {
                entries: e,
                lower: lo,
                upper: hi,
            }
        })
        .collect();
    if maximize {
        costs.iter_mut().for_each(|c| *c = -*c);
    }
    Ok(LpProblem {
        costs,
        col_lower: lower,
        col_upper: upper,
        rows,
    })
}
