//! The JSON sidecar of `relumip export` read back and checked against its model, and
//! the choice between sidecar, detection and nothing that `solve --relu` makes.

use relumip_solver::generate::relu_bigm;
use relumip_solver::io::mps::{parse_mps, write_mps_string};
use relumip_solver::io::relu::{
    attach_relu_structure, read_relu_sidecar, sidecar_path, ReluOrigin, ReluSource,
};
use relumip_solver::model::Model;
use serde_json::json;
use std::path::Path;

/// A generated model as an MPS file gives it, and its structure as a sidecar would
/// hold it.
fn model_and_sidecar() -> (Model, serde_json::Value) {
    let built = relu_bigm(&[4, 10, 10, 3], 2);
    let sidecar = json!({
        "case": 0,
        "columns": built.num_cols(),
        "relu": built.relu,
    });
    let model = parse_mps(&write_mps_string(&built), "model.mps").expect("reads back");
    (model, sidecar)
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).expect("writes");
}

#[test]
fn a_sidecar_reads_back_and_validates() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (model, sidecar) = model_and_sidecar();
    let path = dir.path().join("model.json");
    write(
        &path,
        &serde_json::to_string_pretty(&sidecar).expect("encodes"),
    );
    let structure = read_relu_sidecar(&path, &model).expect("valid sidecar");
    assert_eq!(
        serde_json::to_value(&structure).expect("encodes"),
        sidecar["relu"]
    );
}

#[test]
fn broken_sidecars_name_the_file_and_the_fault() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (model, sidecar) = model_and_sidecar();
    let path = dir.path().join("broken.json");
    let name = path.display().to_string();
    let fails = |text: &str, expected: &str| {
        write(&path, text);
        let message = read_relu_sidecar(&path, &model)
            .expect_err(expected)
            .to_string();
        assert!(message.contains(&name), "{message}");
        assert!(message.contains(expected), "{message}");
    };
    fails(
        "{\n  \"relu\": {\n    \"units\": [,]\n  }\n}\n",
        ":3: column 15",
    );
    fails("{\n  \"relu\": {\"units\": \"many\"}\n}\n", ":2: column");
    fails("{\"case\": 0}", "\"relu\" key is missing");
    let mut wrong = sidecar.clone();
    wrong["columns"] = json!(3);
    fails(&wrong.to_string(), "written for a model with 3 columns");
    let mut wrong = sidecar.clone();
    wrong["relu"]["units"][0]["affine"]["bias"] = json!(5.0);
    fails(&wrong.to_string(), "violated by the forward pass");
    let mut wrong = sidecar.clone();
    wrong["relu"]["inputs"][0] = json!(100000);
    fails(&wrong.to_string(), "out of range");
    let missing = dir.path().join("missing.json");
    let message = read_relu_sidecar(&missing, &model)
        .expect_err("missing")
        .to_string();
    assert!(message.contains("missing.json"), "{message}");
}

#[test]
fn solve_takes_the_sidecar_beside_the_file_else_detects() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut model, sidecar) = model_and_sidecar();
    let file = dir.path().join("model.mps.gz");
    assert_eq!(sidecar_path(&file), dir.path().join("model.json"));
    // No sidecar: detection.
    let report = attach_relu_structure(&mut model, &file, &ReluSource::Auto).expect("attach");
    assert_eq!(report.origin, ReluOrigin::Detected);
    assert_eq!(report.source_name(), "detected");
    let detected = model.relu.clone().expect("structure");
    assert_eq!((report.units, report.layers, report.inputs), (20, 2, 4));
    assert_eq!(report.unstable, detected.num_unstable());
    assert!(report.to_string().starts_with("20 units in 2 layers ("));
    assert!(report.to_string().contains("4 inputs (detected in "));
    // A sidecar beside the file wins.
    write(&sidecar_path(&file), &sidecar.to_string());
    let report = attach_relu_structure(&mut model, &file, &ReluSource::Auto).expect("attach");
    assert_eq!(report.origin, ReluOrigin::Sidecar(sidecar_path(&file)));
    assert!(report.to_string().ends_with(
        "(from sidecar {})"
            .replace("{}", &sidecar_path(&file).display().to_string())
            .as_str()
    ));
    // Off clears it.
    let report = attach_relu_structure(&mut model, &file, &ReluSource::Off).expect("attach");
    assert_eq!(
        (report.source_name(), report.to_string()),
        ("off", "off".to_string())
    );
    assert!(model.relu.is_none());
    // A named sidecar, and a broken one beside the file is an error, not a fallback.
    let named = dir.path().join("other.json");
    write(&named, &sidecar.to_string());
    let report = attach_relu_structure(
        &mut model,
        &file,
        &ReluSource::from_arg(&named.display().to_string()),
    )
    .expect("attach");
    assert_eq!(report.source_name(), "sidecar");
    write(&sidecar_path(&file), "{");
    assert!(attach_relu_structure(&mut model, &file, &ReluSource::Auto).is_err());
    // A JSON file without a "relu" key beside the model is not a sidecar.
    write(&sidecar_path(&file), "{\"objective\": 3.5}");
    let report = attach_relu_structure(&mut model, &file, &ReluSource::Auto).expect("attach");
    assert_eq!(report.origin, ReluOrigin::Detected);
    // Nothing to detect.
    let mut plain = relumip_solver::generate::knapsack(10, 2, 1);
    let report =
        attach_relu_structure(&mut plain, &file.with_file_name("k.mps"), &ReluSource::Auto)
            .expect("attach");
    assert_eq!(
        (report.source_name(), report.to_string()),
        ("none", "none found".to_string())
    );
}
