//! Benchmark suites: what to run and what the answers should be.
//!
//! Two kinds:
//!
//! - a folder of MPS files (`*.mps`, `*.mps.gz`), with the known answers of any
//!   `*.solu` files in it (`=opt= name value`, `=inf= name`, ...; see
//!   [`relumip_solver::io::solu`]); an instance is named by its file name without `.mps` /
//!   `.mps.gz`;
//! - a VNN-COMP instance list `instances.csv` (lines `onnx,vnnlib,timeout`, paths
//!   relative to the CSV file, no header), given as the file or as its folder, with the
//!   answers of a `groundtruth.csv` beside it (a header row naming at least the columns
//!   `onnx`, `vnnlib` and `answer`, as in the ACAS Xu folder). An instance is named
//!   `<network stem>_<property stem>`.

use anyhow::{Context, Result};
use regex::Regex;
use relumip_solver::error::Error;
use relumip_solver::io::read_text;
use relumip_solver::io::solu::{read_solu, KnownAnswer};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// The known answer of an instance.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Expected {
    /// Proven optimal objective value.
    Optimal(f64),
    /// Best known objective value (optimality not proven).
    Best(f64),
    /// Proven infeasible.
    Infeasible,
    /// Network instance with a counterexample.
    Sat,
    /// Network instance without a counterexample.
    Unsat,
    /// Nothing known.
    Unknown,
}

impl Expected {
    /// A short description for reports (`opt 3089`, `inf`, `sat`, ...).
    pub fn describe(&self) -> String {
        match self {
            Expected::Optimal(v) => format!("opt {v}"),
            Expected::Best(v) => format!("best {v}"),
            Expected::Infeasible => "inf".into(),
            Expected::Sat => "sat".into(),
            Expected::Unsat => "unsat".into(),
            Expected::Unknown => "-".into(),
        }
    }
}

impl From<KnownAnswer> for Expected {
    fn from(known: KnownAnswer) -> Self {
        match known {
            KnownAnswer::Optimal(v) => Expected::Optimal(v),
            KnownAnswer::Best(v) => Expected::Best(v),
            KnownAnswer::Infeasible => Expected::Infeasible,
            KnownAnswer::Unknown => Expected::Unknown,
        }
    }
}

/// What an instance is made of.
#[derive(Clone, Debug, PartialEq)]
pub enum InstanceKind {
    /// A MILP in an MPS file.
    Mps(PathBuf),
    /// A network and a VNN-LIB property (the unsafe region).
    Network {
        /// The network (`.onnx`, `.onnx.gz`, `.nnet`).
        onnx: PathBuf,
        /// The property.
        vnnlib: PathBuf,
    },
}

/// One instance of a suite.
#[derive(Clone, Debug, PartialEq)]
pub struct Instance {
    /// Name in reports.
    pub name: String,
    /// The files.
    pub kind: InstanceKind,
    /// The known answer.
    pub expected: Expected,
    /// Time limit of the instance list (VNN-COMP `timeout` column), in seconds.
    pub time_limit: Option<f64>,
}

/// A list of instances with known answers.
#[derive(Clone, Debug, PartialEq)]
pub struct Suite {
    /// Name in reports: the folder name.
    pub name: String,
    /// The folder or file it was read from.
    pub path: PathBuf,
    /// The instances, in the order they run.
    pub instances: Vec<Instance>,
}

impl Suite {
    /// Whether the suite holds network instances (else MPS files).
    pub fn is_network(&self) -> bool {
        self.instances
            .iter()
            .any(|i| matches!(i.kind, InstanceKind::Network { .. }))
    }

    /// Keeps only the instances whose name passes `keep`.
    pub fn retain(&mut self, mut keep: impl FnMut(&str) -> bool) {
        self.instances.retain(|i| keep(&i.name));
    }
}

/// The regular expression of `--filter`, which instance names must match.
pub fn name_filter(pattern: &str) -> Result<Regex> {
    Regex::new(pattern).with_context(|| format!("bad --filter '{pattern}'"))
}

/// Reads a suite: a folder of MPS files, a folder with an `instances.csv`, or a CSV
/// instance list.
pub fn load_suite(path: &Path) -> Result<Suite> {
    if path.is_dir() {
        let csv = path.join("instances.csv");
        if csv.is_file() {
            load_network_suite(&csv)
        } else {
            load_mps_suite(path)
        }
    } else if path.is_file() {
        load_network_suite(path)
    } else {
        Err(Error::Invalid(format!(
            "{}: no such suite (expected a folder of MPS files or an instances.csv)",
            path.display()
        ))
        .into())
    }
}

/// The instance name of an MPS file: its file name without `.gz` and `.mps`, or `None`
/// when the file is not an MPS file.
pub fn mps_instance_name(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_str()?;
    let base = name.strip_suffix(".gz").unwrap_or(name);
    let lower = base.to_ascii_lowercase();
    lower
        .ends_with(".mps")
        .then(|| base[..base.len() - 4].to_string())
        .filter(|n| !n.is_empty())
}

fn list_dir(dir: &Path) -> Result<Vec<PathBuf>> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let path = entry.path();
        if path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

fn folder_name(path: &Path) -> String {
    path.canonicalize()
        .ok()
        .as_deref()
        .unwrap_or(path)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("suite")
        .to_string()
}

/// Reads a folder of MPS files and the answers of its `.solu` files.
pub fn load_mps_suite(dir: &Path) -> Result<Suite> {
    let files = list_dir(dir)?;
    let mut known: BTreeMap<String, (KnownAnswer, PathBuf)> = BTreeMap::new();
    for solu in files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "solu"))
    {
        for (name, answer) in read_solu(solu)? {
            if let Some((previous, other)) = known.get(&name) {
                if *previous != answer {
                    return Err(Error::Invalid(format!(
                        "{}: answer for '{name}' differs from the one in {}",
                        solu.display(),
                        other.display()
                    ))
                    .into());
                }
            }
            known.insert(name, (answer, solu.clone()));
        }
    }
    let mut instances = Vec::new();
    let mut seen: HashMap<String, PathBuf> = HashMap::new();
    for file in files {
        let Some(name) = mps_instance_name(&file) else {
            continue;
        };
        if let Some(other) = seen.insert(name.clone(), file.clone()) {
            return Err(Error::Invalid(format!(
                "{} and {} are both instance '{name}'",
                other.display(),
                file.display()
            ))
            .into());
        }
        let expected = known
            .get(&name)
            .map_or(Expected::Unknown, |(a, _)| Expected::from(*a));
        instances.push(Instance {
            name,
            kind: InstanceKind::Mps(file),
            expected,
            time_limit: None,
        });
    }
    if instances.is_empty() {
        return Err(Error::Invalid(format!("{}: no .mps or .mps.gz files", dir.display())).into());
    }
    Ok(Suite {
        name: folder_name(dir),
        path: dir.to_path_buf(),
        instances,
    })
}

/// Splits a CSV line into trimmed fields (no quoting beyond surrounding quotes).
fn fields(line: &str) -> Vec<String> {
    line.split(',')
        .map(|f| f.trim().trim_matches('"').trim().to_string())
        .collect()
}

/// A path as written in a CSV file, compared without a leading `./`.
fn normalise(rel: &str) -> String {
    rel.trim_start_matches("./").replace('\\', "/")
}

/// The stem of a file name without `.gz` and the last extension.
pub fn file_stem(path: &str) -> String {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let name = name.strip_suffix(".gz").unwrap_or(name);
    name.rsplit_once('.').map_or(name, |(s, _)| s).to_string()
}

/// Reads a VNN-COMP `instances.csv` and the `groundtruth.csv` beside it (if any).
pub fn load_network_suite(csv: &Path) -> Result<Suite> {
    let text = read_text(csv)?;
    let label = csv.display().to_string();
    let dir = csv.parent().unwrap_or(Path::new("."));
    let truth = {
        let gt = dir.join("groundtruth.csv");
        if gt.is_file() {
            read_groundtruth(&gt)?
        } else {
            HashMap::new()
        }
    };
    let mut instances = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        if raw.trim().is_empty() || raw.trim_start().starts_with('#') {
            continue;
        }
        let f = fields(raw);
        if f.len() < 2 || f.len() > 3 || f[0].is_empty() || f[1].is_empty() {
            return Err(Error::parse(
                &label,
                line,
                format!("expected 'onnx,vnnlib,timeout', found {} field(s)", f.len()),
            )
            .into());
        }
        let time_limit = match f.get(2).filter(|t| !t.is_empty()) {
            None => None,
            Some(t) => match t.parse::<f64>() {
                Ok(v) if v.is_finite() && v > 0.0 => Some(v),
                // A header row (VNN-COMP files have none, other lists may).
                _ if instances.is_empty() && line == 1 => continue,
                _ => {
                    return Err(Error::parse(
                        &label,
                        line,
                        format!("expected a positive timeout in seconds, found '{t}'"),
                    )
                    .into())
                }
            },
        };
        let name = format!("{}_{}", file_stem(&f[0]), file_stem(&f[1]));
        if let Some(first) = seen.insert(name.clone(), line) {
            return Err(Error::parse(
                &label,
                line,
                format!("instance '{name}' is listed twice (first at line {first})"),
            )
            .into());
        }
        let expected = lookup_truth(&truth, &f[0], &f[1]);
        instances.push(Instance {
            name,
            kind: InstanceKind::Network {
                onnx: dir.join(&f[0]),
                vnnlib: dir.join(&f[1]),
            },
            expected,
            time_limit,
        });
    }
    if instances.is_empty() {
        return Err(Error::Invalid(format!("{label}: no instances")).into());
    }
    Ok(Suite {
        name: folder_name(dir),
        path: csv.to_path_buf(),
        instances,
    })
}

/// The ground truth of an instance: by its paths as written, else by the file names
/// alone when exactly one entry has them (lists with absolute paths).
fn lookup_truth(truth: &HashMap<(String, String), Expected>, onnx: &str, vnnlib: &str) -> Expected {
    if let Some(e) = truth.get(&(normalise(onnx), normalise(vnnlib))) {
        return *e;
    }
    let base = |p: &str| p.rsplit(['/', '\\']).next().unwrap_or(p).to_string();
    let key = (base(onnx), base(vnnlib));
    let mut found = truth
        .iter()
        .filter(|((o, v), _)| base(o) == key.0 && base(v) == key.1)
        .map(|(_, e)| *e);
    match (found.next(), found.next()) {
        (Some(e), None) => e,
        _ => Expected::Unknown,
    }
}

/// Reads a `groundtruth.csv`: a header naming `onnx`, `vnnlib` and `answer` (or
/// `result`); answers `sat` / `unsat` (anything else is unknown). Keys are the paths
/// as written, without a leading `./`.
pub fn read_groundtruth(path: &Path) -> Result<HashMap<(String, String), Expected>> {
    let text = read_text(path)?;
    let label = path.display().to_string();
    let mut lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty());
    let Some((_, header)) = lines.next() else {
        return Err(Error::parse(&label, 1, "empty file, expected a header row").into());
    };
    let header = fields(header);
    let column = |names: &[&str]| header.iter().position(|h| names.contains(&h.as_str()));
    let (Some(onnx), Some(vnnlib), Some(answer)) = (
        column(&["onnx", "onnx_path"]),
        column(&["vnnlib", "vnnlib_path"]),
        column(&["answer", "result"]),
    ) else {
        return Err(Error::parse(
            &label,
            1,
            "the header must name the columns onnx, vnnlib and answer",
        )
        .into());
    };
    let mut truth = HashMap::new();
    for (i, raw) in lines {
        let f = fields(raw);
        let get = |k: usize| {
            f.get(k).ok_or_else(|| {
                Error::parse(
                    &label,
                    i + 1,
                    format!("expected {} fields, found {}", header.len(), f.len()),
                )
            })
        };
        let expected = match get(answer)?.to_ascii_lowercase().as_str() {
            "sat" | "violated" => Expected::Sat,
            "unsat" | "holds" => Expected::Unsat,
            _ => Expected::Unknown,
        };
        truth.insert((normalise(get(onnx)?), normalise(get(vnnlib)?)), expected);
    }
    Ok(truth)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, text).expect("write");
        path
    }

    #[test]
    fn mps_folder_with_solu() {
        let dir = tempfile::tempdir().expect("temp dir");
        write(dir.path(), "b.mps", "NAME b\n");
        write(dir.path(), "a.mps.gz", "");
        write(dir.path(), "c.MPS", "");
        write(dir.path(), "notes.txt", "");
        write(
            dir.path(),
            "known.solu",
            "=opt= a 12.5\n=inf= b\n=opt= zz 1\n",
        );
        let suite = load_suite(dir.path()).expect("suite");
        let names: Vec<&str> = suite.instances.iter().map(|i| i.name.as_str()).collect();
        assert_eq!(names, ["a", "b", "c"]);
        assert_eq!(suite.instances[0].expected, Expected::Optimal(12.5));
        assert_eq!(suite.instances[1].expected, Expected::Infeasible);
        assert_eq!(suite.instances[2].expected, Expected::Unknown);
        assert!(!suite.is_network());
        assert!(
            matches!(&suite.instances[0].kind, InstanceKind::Mps(p) if p.ends_with("a.mps.gz"))
        );
    }

    #[test]
    fn mps_folder_errors() {
        let dir = tempfile::tempdir().expect("temp dir");
        assert!(load_suite(dir.path()).is_err(), "empty folder");
        write(dir.path(), "a.mps", "");
        write(dir.path(), "a.mps.gz", "");
        let err = load_suite(dir.path()).expect_err("two files, one name");
        assert!(err.to_string().contains("instance 'a'"), "{err}");
        assert!(load_suite(&dir.path().join("missing")).is_err());
    }

    #[test]
    fn instances_csv_with_groundtruth() {
        let dir = tempfile::tempdir().expect("temp dir");
        let csv = write(
            dir.path(),
            "instances.csv",
            "onnx/net_1.onnx,vnnlib/prop_1.vnnlib,116\n\
             onnx/net_1.onnx,vnnlib/prop_2.vnnlib.gz,20.5\n\
             \n\
             ./onnx/net_2.onnx,vnnlib/prop_1.vnnlib\n",
        );
        write(
            dir.path(),
            "groundtruth.csv",
            "benchmark,onnx,vnnlib,timeout_s,answer,answer_source\n\
             acasxu,onnx/net_1.onnx,vnnlib/prop_1.vnnlib,116.0,unsat,x\n\
             acasxu,onnx/net_1.onnx,vnnlib/prop_2.vnnlib.gz,116.0,sat,x\n\
             acasxu,onnx/net_2.onnx,vnnlib/prop_1.vnnlib,116.0,unknown,x\n",
        );
        for suite in [load_suite(dir.path()), load_suite(&csv)] {
            let suite = suite.expect("suite");
            assert!(suite.is_network());
            let i = &suite.instances;
            assert_eq!(i.len(), 3);
            assert_eq!(i[0].name, "net_1_prop_1");
            assert_eq!(i[0].expected, Expected::Unsat);
            assert_eq!(i[0].time_limit, Some(116.0));
            assert_eq!(i[1].name, "net_1_prop_2");
            assert_eq!(i[1].expected, Expected::Sat);
            assert_eq!(i[1].time_limit, Some(20.5));
            assert_eq!(i[2].expected, Expected::Unknown);
            assert_eq!(i[2].time_limit, None);
            let InstanceKind::Network { onnx, vnnlib } = &i[0].kind else {
                panic!("network instance expected");
            };
            assert_eq!(onnx, &dir.path().join("onnx/net_1.onnx"));
            assert_eq!(vnnlib, &dir.path().join("vnnlib/prop_1.vnnlib"));
        }
    }

    #[test]
    fn groundtruth_found_by_file_names_for_absolute_paths() {
        let mut truth = HashMap::new();
        truth.insert(
            ("onnx/a.onnx".into(), "vnnlib/p.vnnlib".into()),
            Expected::Sat,
        );
        truth.insert(
            ("onnx/b.onnx".into(), "vnnlib/p.vnnlib".into()),
            Expected::Unsat,
        );
        truth.insert(("x/c.onnx".into(), "vnnlib/p.vnnlib".into()), Expected::Sat);
        truth.insert(
            ("y/c.onnx".into(), "vnnlib/p.vnnlib".into()),
            Expected::Unsat,
        );
        assert_eq!(
            lookup_truth(&truth, "/data/onnx/a.onnx", "/data/vnnlib/p.vnnlib"),
            Expected::Sat
        );
        assert_eq!(
            lookup_truth(&truth, "onnx/b.onnx", "vnnlib/p.vnnlib"),
            Expected::Unsat
        );
        // Two entries with the same file names: no guess.
        assert_eq!(
            lookup_truth(&truth, "/z/c.onnx", "/z/p.vnnlib"),
            Expected::Unknown
        );
    }

    #[test]
    fn instances_csv_errors_name_the_line() {
        let dir = tempfile::tempdir().expect("temp dir");
        let csv = write(dir.path(), "list.csv", "a.onnx,p.vnnlib,10\na.onnx\n");
        let err = load_suite(&csv).expect_err("one field");
        assert!(err.to_string().contains("list.csv:2:"), "{err}");
        let csv = write(
            dir.path(),
            "list.csv",
            "a.onnx,p.vnnlib,10\nb.onnx,p.vnnlib,-3\n",
        );
        let err = load_suite(&csv).expect_err("negative timeout");
        assert!(err.to_string().contains(":2:"), "{err}");
        let csv = write(
            dir.path(),
            "list.csv",
            "a.onnx,p.vnnlib,10\na.onnx,p.vnnlib,10\n",
        );
        let err = load_suite(&csv).expect_err("duplicate");
        assert!(err.to_string().contains("listed twice"), "{err}");
        // A header row is skipped.
        let csv = write(
            dir.path(),
            "list.csv",
            "onnx,vnnlib,timeout\na.onnx,p.vnnlib,10\n",
        );
        assert_eq!(load_suite(&csv).expect("suite").instances.len(), 1);
    }

    #[test]
    fn groundtruth_needs_its_columns() {
        let dir = tempfile::tempdir().expect("temp dir");
        write(dir.path(), "instances.csv", "a.onnx,p.vnnlib,10\n");
        write(
            dir.path(),
            "groundtruth.csv",
            "net,prop,answer\na.onnx,p.vnnlib,sat\n",
        );
        let err = load_suite(dir.path()).expect_err("no onnx column");
        assert!(err.to_string().contains("groundtruth.csv:1:"), "{err}");
    }
}
