//! Regression tests from fuzzing (see `fuzz/` and the README, "Fuzzing").
//!
//! Every input that made a fuzz target crash, hang, run out of memory or give a
//! wrong answer is kept, minimised, in `tests/fuzz-regressions/<target>/`, beside a
//! file of the same name with `.expected` appended that holds the outcome it must
//! now give: `ok`, or `err: ` and a part of the error message. Each input is fed to
//! the entry point its target fuzzes. The size bounds of the readers (sizes stated
//! in a file must not drive allocations) are tested explicitly below.

use relumip_solver::data::parse_csv;
use relumip_solver::generate::relu_bigm;
use relumip_solver::io::mps::{parse_mps, parse_mps_bytes};
use relumip_solver::io::nnet::parse_nnet;
use relumip_solver::io::onnx::parse_onnx;
use relumip_solver::io::relu::parse_relu_sidecar;
use relumip_solver::io::solu::parse_solu;
use relumip_solver::io::vectors::parse_vector;
use relumip_solver::io::vnnlib::parse_vnnlib;
use relumip_solver::search::parse_solution_file;
use relumip_solver::search::{solve, NoProgress, Settings};
use relumip_solver::verify::parse_result_file;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// `ok` and what was read, or `err: ` and the message.
fn describe<T>(result: relumip_solver::Result<T>, ok: impl FnOnce(T) -> String) -> String {
    match result {
        Ok(value) => format!("ok {}", ok(value)),
        Err(e) => format!("err: {e}"),
    }
}

/// Solves a model the MPS reader accepts as the `mps_solve` target does (200
/// nodes, 1 s, 1 thread) and checks the result as it does
/// ([`relumip_solver::search::SolveResult::inconsistency`]).
fn solve_checked(text: &str) -> String {
    let model = match parse_mps(text, "input.mps") {
        Ok(model) => model,
        Err(e) => return format!("err: {e}"),
    };
    let settings = Settings::builder()
        .threads(1)
        .node_limit(Some(200))
        .time_limit(Duration::from_secs(1))
        .build()
        .expect("settings");
    let result = match solve(&model, &settings, &NoProgress) {
        Ok(result) => result,
        Err(e) => return format!("err: {e}"),
    };
    if let Some(problem) = result.inconsistency(&model, &settings) {
        panic!("{problem}: {result:?}");
    }
    format!("ok {}", result.status.as_str())
}

/// The outcome of feeding `data` to the entry point of `target`.
fn outcome(target: &str, data: &[u8]) -> String {
    let text = String::from_utf8_lossy(data);
    let label = "input";
    match target {
        "mps_free" | "mps_fixed" => describe(parse_mps(&text, label), |m| m.name),
        "mps_gzip" => describe(parse_mps_bytes(data, label), |m| m.name),
        "mps_solve" => solve_checked(&text),
        "vnnlib" => describe(parse_vnnlib(&text, label), |p| p.cases.len().to_string()),
        "onnx" => describe(parse_onnx(data, label), |n| n.input_dim().to_string()),
        "nnet" => describe(
            parse_nnet(&text, label).and_then(|n| n.folded_network()),
            |n| n.input_dim().to_string(),
        ),
        "csv" => {
            let lines: Vec<String> = text.lines().map(String::from).collect();
            describe(parse_csv(&lines, label), |d| d.len().to_string())
        }
        "result_file" => describe(parse_result_file(&text, label), |(word, _)| word),
        "solution_file" => describe(parse_solution_file(&text, label), |s| {
            s.status.as_str().to_string()
        }),
        "solu" => describe(parse_solu(&text, label), |m| m.len().to_string()),
        "vectors" => text
            .lines()
            .enumerate()
            .map(|(i, line)| describe(parse_vector(line, label, i + 1), |v| v.len().to_string()))
            .collect::<Vec<_>>()
            .join("\n"),
        "relu_sidecar" => {
            let Some((&pick, rest)) = data.split_first() else {
                return "ok empty".into();
            };
            let model = if pick % 2 == 0 {
                relu_bigm(&[2, 3, 2], 1)
            } else {
                relu_bigm(&[3, 4, 4, 2], 2)
            };
            let text = String::from_utf8_lossy(rest);
            describe(parse_relu_sidecar(&text, label, &model), |s| {
                s.units.len().to_string()
            })
        }
        other => panic!("no entry point for fuzz target '{other}'"),
    }
}

/// Every regression input: (target, input file).
fn regression_inputs() -> Vec<(String, PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions");
    let mut inputs = Vec::new();
    for target in std::fs::read_dir(&root).expect("tests/fuzz-regressions") {
        let target = target.expect("entry").path();
        let name = target
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        for file in std::fs::read_dir(&target).expect("target folder") {
            let file = file.expect("entry").path();
            if file.extension().is_some_and(|e| e == "expected") {
                continue;
            }
            inputs.push((name.clone(), file));
        }
    }
    inputs.sort();
    inputs
}

#[test]
fn every_kept_fuzz_input_gives_its_expected_outcome() {
    let inputs = regression_inputs();
    assert!(!inputs.is_empty(), "no regression inputs found");
    for (target, file) in inputs {
        let data = std::fs::read(&file).expect("input");
        let mut expected_path = file.clone().into_os_string();
        expected_path.push(".expected");
        let expected = std::fs::read_to_string(&expected_path)
            .unwrap_or_else(|_| panic!("{} has no .expected file", file.display()));
        let expected = expected.trim();
        let got = outcome(&target, &data);
        let matches = match expected.strip_prefix("err: ") {
            Some(part) => got.starts_with("err: ") && got.contains(part),
            None => got.starts_with(expected),
        };
        assert!(
            matches,
            "{}: expected '{expected}', got '{got}'",
            file.display()
        );
    }
}

/// A protobuf field: key, then a varint or length-delimited payload.
fn field(out: &mut Vec<u8>, tag: u64, payload: Payload) {
    fn varint(out: &mut Vec<u8>, mut v: u64) {
        while v >= 0x80 {
            out.push((v as u8) | 0x80);
            v >>= 7;
        }
        out.push(v as u8);
    }
    match payload {
        Payload::Int(v) => {
            varint(out, tag << 3);
            varint(out, v);
        }
        Payload::Bytes(bytes) => {
            varint(out, tag << 3 | 2);
            varint(out, bytes.len() as u64);
            out.extend_from_slice(bytes);
        }
    }
}

/// The payload of a protobuf field.
enum Payload<'a> {
    Int(u64),
    Bytes(&'a [u8]),
}

/// A message made of `fields`.
fn message(fields: &[(u64, Payload)]) -> Vec<u8> {
    let mut out = Vec::new();
    for (tag, payload) in fields {
        let payload = match payload {
            Payload::Int(v) => Payload::Int(*v),
            Payload::Bytes(b) => Payload::Bytes(b),
        };
        field(&mut out, *tag, payload);
    }
    out
}

/// An ONNX model `Y = MatMul(X, W)` whose input `X` has shape `[1, input]` and whose
/// stored weight `W` claims shape `weight` without holding any value.
fn onnx_claiming(input: u64, weight: [u64; 2]) -> Vec<u8> {
    use Payload::{Bytes, Int};
    let dim = |v: u64| message(&[(1, Int(v))]);
    let shape = message(&[(1, Bytes(&dim(1))), (1, Bytes(&dim(input)))]);
    let tensor_type = message(&[(1, Int(1)), (2, Bytes(&shape))]);
    let type_proto = message(&[(1, Bytes(&tensor_type))]);
    let x = message(&[(1, Bytes(b"X")), (2, Bytes(&type_proto))]);
    let y = message(&[(1, Bytes(b"Y"))]);
    let w = message(&[
        (1, Int(weight[0])),
        (1, Int(weight[1])),
        (2, Int(1)),
        (8, Bytes(b"W")),
    ]);
    let node = message(&[
        (1, Bytes(b"X")),
        (1, Bytes(b"W")),
        (2, Bytes(b"Y")),
        (4, Bytes(b"MatMul")),
    ]);
    let graph = message(&[
        (1, Bytes(&node)),
        (5, Bytes(&w)),
        (11, Bytes(&x)),
        (12, Bytes(&y)),
    ]);
    let opset = message(&[(2, Int(13))]);
    message(&[(1, Int(8)), (8, Bytes(&opset)), (7, Bytes(&graph))])
}

/// An ONNX tensor or input claiming a huge shape is an error naming it, reached
/// without allocating what the shape claims.
#[test]
fn onnx_sizes_in_the_file_are_bounded() {
    let err = parse_onnx(&onnx_claiming(4, [1 << 40, 1 << 40]), "big.onnx")
        .expect_err("weight of 2^80 elements");
    let text = err.to_string();
    assert!(text.contains("big.onnx") && text.contains("'W'"), "{text}");
    let err = parse_onnx(&onnx_claiming(1 << 40, [1 << 40, 2]), "wide.onnx")
        .expect_err("input of 2^40 elements");
    assert!(err.to_string().contains("wide.onnx"), "{err}");
}

/// A `.nnet` header with absurd layer sizes is an error at its line.
#[test]
fn nnet_header_sizes_are_bounded() {
    for (text, part) in [
        ("2,1000000000000,1,5,\n1000000000000,5,1,\n", "input size"),
        ("2,5,1,5,\n5,1000000000,1,\n0,\n", "input minimums"),
        ("100000,5,1,5,\n", "implausible layer count"),
        ("2,5,1,5,\n5,1e300,1,\n", "layer size"),
    ] {
        let err = parse_nnet(text, "big.nnet").expect_err(text);
        let message = err.to_string();
        assert!(
            message.starts_with("big.nnet:") && message.contains(part),
            "{text:?}: {message}"
        );
    }
}

/// A CSV header announcing a huge number of features is an error at line 1.
#[test]
fn csv_header_counts_are_bounded() {
    for header in ["1,1000000000000,a,b", "1,18446744073709551615,a,b"] {
        let lines = vec![header.to_string(), "1,2".to_string()];
        let err = parse_csv(&lines, "big.csv").expect_err(header);
        assert!(err.to_string().starts_with("big.csv:1:"), "{err}");
    }
    // A header announcing more samples than there are rows only fails the count.
    let lines = vec!["1000000000000,1,a,b".to_string(), "1,0".to_string()];
    let err = parse_csv(&lines, "many.csv").expect_err("count");
    assert!(err.to_string().contains("announces"), "{err}");
}

/// VNN-LIB: a variable index beyond the bound, a disjunction expanding to too many
/// cases, and nesting deeper than the bound are errors (not a stack overflow).
#[test]
fn vnnlib_sizes_are_bounded() {
    let err =
        parse_vnnlib("(declare-const X_99999999999 Real)\n", "big.vnnlib").expect_err("index");
    assert!(err.to_string().starts_with("big.vnnlib:1:"), "{err}");
    let mut text = String::from("(declare-const X_0 Real)\n(declare-const Y_0 Real)\n");
    text.push_str("(assert (<= X_0 1))\n(assert (>= X_0 0))\n");
    for _ in 0..20 {
        text.push_str("(assert (or (<= Y_0 1) (>= Y_0 2)))\n");
    }
    let err = parse_vnnlib(&text, "cases.vnnlib").expect_err("2^20 cases");
    assert!(err.to_string().contains("cases"), "{err}");
    // 256 inputs in 2^15 cases: 2^23 box bounds (128 MiB) from a file of 8 KiB.
    let mut wide: String = (0..256)
        .map(|i| format!("(declare-const X_{i} Real)\n"))
        .collect();
    wide.push_str("(declare-const Y_0 Real)\n");
    for _ in 0..15 {
        wide.push_str("(assert (or (<= Y_0 1) (>= Y_0 2)))\n");
    }
    let err = parse_vnnlib(&wide, "wide.vnnlib").expect_err("box bounds");
    assert!(err.to_string().contains("box bounds"), "{err}");
    let deep = format!("(assert {}", "(".repeat(100_000));
    let err = parse_vnnlib(&deep, "deep.vnnlib").expect_err("nesting");
    assert!(err.to_string().starts_with("deep.vnnlib:1:"), "{err}");
}

/// A gzip stream that is cut short is an error naming the input.
#[test]
fn truncated_gzip_mps_is_an_error() {
    let err = parse_mps_bytes(&[0x1f, 0x8b, 8, 0, 0, 0], "cut.mps.gz").expect_err("cut");
    assert!(err.to_string().starts_with("cut.mps.gz:"), "{err}");
}
