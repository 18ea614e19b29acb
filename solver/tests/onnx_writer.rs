//! Writing networks as ONNX and reading them back.

mod common;

use common::Rng;
use relumip_solver::io::onnx::{
    onnx_bytes, parse_onnx, read_onnx, write_onnx, OnnxPrecision, OnnxStyle, OnnxWriteOptions,
};
use relumip_solver::nn::{Activation, Layer, Network};

fn random_network(rng: &mut Rng, sizes: &[usize], last_relu: bool) -> Network {
    let layers = sizes
        .windows(2)
        .enumerate()
        .map(|(k, w)| {
            let weights = (0..w[0] * w[1]).map(|_| rng.uniform(-1.0, 1.0)).collect();
            let bias = (0..w[1]).map(|_| rng.uniform(-0.5, 0.5)).collect();
            let act = if k + 2 < sizes.len() || last_relu {
                Activation::Relu
            } else {
                Activation::Identity
            };
            Layer::new(weights, bias, w[0], act).unwrap()
        })
        .collect();
    Network::new(layers).unwrap()
}

fn rounded_to_f32(net: &Network) -> Network {
    let r = |v: &[f64]| v.iter().map(|&x| f64::from(x as f32)).collect::<Vec<_>>();
    Network::new(
        net.layers()
            .iter()
            .map(|l| {
                Layer::new(r(l.weights()), r(l.bias()), l.input_dim(), l.activation()).unwrap()
            })
            .collect(),
    )
    .unwrap()
}

const ALL_OPTIONS: [OnnxWriteOptions; 4] = [
    OnnxWriteOptions {
        precision: OnnxPrecision::Float64,
        style: OnnxStyle::Gemm,
    },
    OnnxWriteOptions {
        precision: OnnxPrecision::Float64,
        style: OnnxStyle::MatMulAdd,
    },
    OnnxWriteOptions {
        precision: OnnxPrecision::Float32,
        style: OnnxStyle::Gemm,
    },
    OnnxWriteOptions {
        precision: OnnxPrecision::Float32,
        style: OnnxStyle::MatMulAdd,
    },
];

#[test]
fn write_then_read_gives_the_same_network() {
    let mut rng = Rng::new(3);
    for last_relu in [false, true] {
        let net = random_network(&mut rng, &[4, 8, 6, 3], last_relu);
        for options in ALL_OPTIONS {
            let back = parse_onnx(&onnx_bytes(&net, &options), "w.onnx").unwrap();
            let expected = match options.precision {
                OnnxPrecision::Float64 => net.clone(),
                OnnxPrecision::Float32 => rounded_to_f32(&net),
            };
            assert_eq!(back, expected, "{options:?}");
            for _ in 0..10 {
                let x: Vec<f64> = (0..4).map(|_| rng.uniform(-2.0, 2.0)).collect();
                assert_eq!(back.forward(&x), expected.forward(&x));
            }
        }
    }
}

#[test]
fn write_files_plain_and_gzip() {
    let mut rng = Rng::new(5);
    let net = random_network(&mut rng, &[3, 5, 2], false);
    let dir = tempfile::tempdir().unwrap();
    for name in ["net.onnx", "net.onnx.gz"] {
        let path = dir.path().join(name);
        let options = OnnxWriteOptions {
            precision: OnnxPrecision::Float64,
            ..Default::default()
        };
        write_onnx(&net, &path, &options).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        assert_eq!(name.ends_with(".gz"), bytes.starts_with(&[0x1f, 0x8b]));
        assert_eq!(read_onnx(&path).unwrap(), net);
    }
}

#[test]
fn single_affine_layer_round_trips() {
    let net = Network::new(vec![Layer::new(
        vec![2.0, -1.0],
        vec![0.5],
        2,
        Activation::Identity,
    )
    .unwrap()])
    .unwrap();
    let back = parse_onnx(&onnx_bytes(&net, &OnnxWriteOptions::default()), "w.onnx").unwrap();
    assert_eq!(back, net);
}
