//! CSV data sets through `parse_csv`, then the class labels of what it accepts.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let lines: Vec<String> = relumip_fuzz::text(data).lines().map(String::from).collect();
    if let Ok(set) = relumip_solver::data::parse_csv(&lines, "fuzz.csv") {
        assert_eq!(set.features.len(), set.targets.len());
        let _ = set.class_labels();
    }
});
