//! The shared suites load with every instance and its known answer.

use relumip_bench::suite::{load_suite, Expected};
use std::path::{Path, PathBuf};

/// The shared benchmark folder (`RELUMIP_BENCHMARKS`, else the first `shared/benchmarks`
/// folder beside the crate or one of its ancestors).
fn benchmarks() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = match std::env::var_os("RELUMIP_BENCHMARKS") {
        Some(d) => PathBuf::from(d),
        None => root
            .ancestors()
            .map(|a| a.join("shared/benchmarks"))
            .find(|d| d.is_dir())?,
    };
    dir.is_dir().then_some(dir)
}

#[test]
fn reads_the_shared_suites() {
    let Some(bench) = benchmarks() else {
        eprintln!("skipped: shared/benchmarks not found (set RELUMIP_BENCHMARKS)");
        return;
    };
    let miplib = load_suite(&bench.join("miplib-small")).expect("miplib-small");
    assert_eq!(miplib.instances.len(), 16);
    assert!(miplib
        .instances
        .iter()
        .all(|i| i.expected != Expected::Unknown));
    let acas = load_suite(&bench.join("acasxu")).expect("acasxu");
    assert_eq!(acas.instances.len(), 186);
    let sat = acas
        .instances
        .iter()
        .filter(|i| i.expected == Expected::Sat)
        .count();
    let unsat = acas
        .instances
        .iter()
        .filter(|i| i.expected == Expected::Unsat)
        .count();
    assert_eq!((sat, unsat), (47, 139));
    assert_eq!(acas.instances[0].name, "ACASXU_run2a_1_1_batch_2000_prop_1");
}
