//! Every MPS file of the shared small MIPLIB set reads with the sizes its README
//! states, and writing then reading it gives the same model.

use relumip_solver::io::mps::{parse_mps, read_mps, write_mps, write_mps_string};
use std::path::{Path, PathBuf};

/// The small MIPLIB folder: `$RELUMIP_BENCHMARKS/miplib-small`, else
/// `shared/benchmarks/miplib-small` beside the repository (or beside the folder of
/// work trees that holds it).
fn benchmark_dir() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let candidates: Vec<PathBuf> = match std::env::var_os("RELUMIP_BENCHMARKS") {
        Some(dir) => vec![PathBuf::from(dir)],
        None => vec![
            root.join("../shared/benchmarks"),
            root.join("../../shared/benchmarks"),
        ],
    };
    let found = candidates
        .iter()
        .map(|d| d.join("miplib-small"))
        .find(|d| d.is_dir());
    if found.is_none() {
        eprintln!(
            "skipped: benchmark folder miplib-small not found in {candidates:?} \
             (set RELUMIP_BENCHMARKS)"
        );
    }
    found
}

/// `(file, rows, columns, integer columns)` from the README table.
fn table(dir: &Path) -> Vec<(String, usize, usize, usize)> {
    let readme = std::fs::read_to_string(dir.join("README.md")).expect("README.md");
    let mut rows = Vec::new();
    for line in readme.lines() {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        // | name | `file` | source | rows | cols | int vars | ...
        if cells.len() < 8 || !cells[2].starts_with('`') {
            continue;
        }
        let file = cells[2].trim_matches('`').to_string();
        let (Ok(r), Ok(c), Ok(i)) = (cells[4].parse(), cells[5].parse(), cells[6].parse()) else {
            continue;
        };
        rows.push((file, r, c, i));
    }
    rows
}

#[test]
fn benchmark_files_read_with_the_stated_sizes_and_round_trip() {
    let Some(dir) = benchmark_dir() else { return };
    let expected = table(&dir);
    assert!(expected.len() >= 16, "README table not found");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.ends_with(".mps") || name.ends_with(".mps.gz")
        })
        .collect();
    files.sort();
    assert_eq!(files.len(), expected.len(), "every file is in the table");
    let tmp = std::env::temp_dir().join(format!("relumip-mps-bench-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    for path in &files {
        let file = path.file_name().unwrap().to_string_lossy().to_string();
        let model = read_mps(path).unwrap_or_else(|e| panic!("{e}"));
        let (_, rows, cols, ints) = expected
            .iter()
            .find(|t| t.0 == file)
            .unwrap_or_else(|| panic!("{file} is not in the README table"));
        let size = model.size();
        assert_eq!(size.rows, *rows, "{file}: rows");
        assert_eq!(size.columns, *cols, "{file}: columns");
        assert_eq!(
            size.binaries + size.integers,
            *ints,
            "{file}: integer columns"
        );

        // Round trip through text and through a (gzip) file.
        let text = write_mps_string(&model);
        let again = parse_mps(&text, "written").unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(again, model, "{file}: text round trip");
        let out = tmp.join(format!("{file}.out.mps.gz"));
        write_mps(&model, &out).unwrap();
        assert_eq!(read_mps(&out).unwrap(), model, "{file}: file round trip");
    }
    std::fs::remove_dir_all(&tmp).ok();
}
