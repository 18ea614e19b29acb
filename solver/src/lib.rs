//! relumip-solver: a parallel branch-and-bound MILP solver specialised for ReLU
//! networks.
//!
//! # Entry points
//!
//! | to | call |
//! |---|---|
//! | read a MILP (MPS, free or fixed, plain or gzip) | [`read_mps`], [`parse_mps`] |
//! | solve it | [`solve`] with [`Settings`] (built by [`Settings::builder`]) |
//! | read the outcome | [`SolveResult`], [`Status`] |
//! | read a network (ONNX, `.nnet`) and a VNN-LIB property | [`read_network`], [`read_vnnlib`], [`parse_vnnlib`] |
//! | answer the property | [`verify()`] with [`VerifyOptions`] |
//! | find a minimal adversarial example | [`adversarial()`] |
//!
//! Solving a small MILP (`max 5x + 4y + 3z` subject to `2x + 3y + z <= 5`,
//! `4x + y + 2z <= 11`, `3x + 4y + 2z <= 8`, binaries):
//!
//! ```
//! use relumip_solver::model::{Model, ObjSense, VarKind};
//! use relumip_solver::{solve, NoProgress, Settings, Status};
//!
//! let mut model = Model::new("example");
//! model.sense = ObjSense::Maximize;
//! let x = model.add_variable("x", VarKind::Binary, 0.0, 1.0, 5.0);
//! let y = model.add_variable("y", VarKind::Binary, 0.0, 1.0, 4.0);
//! let z = model.add_variable("z", VarKind::Binary, 0.0, 1.0, 3.0);
//! model.add_row("c1", f64::NEG_INFINITY, 5.0, &[(x, 2.0), (y, 3.0), (z, 1.0)]);
//! model.add_row("c2", f64::NEG_INFINITY, 11.0, &[(x, 4.0), (y, 1.0), (z, 2.0)]);
//! model.add_row("c3", f64::NEG_INFINITY, 8.0, &[(x, 3.0), (y, 4.0), (z, 2.0)]);
//! let settings = Settings::builder().threads(2).build()?;
//! let result = solve(&model, &settings, &NoProgress)?;
//! assert_eq!(result.status, Status::Optimal);
//! assert_eq!(result.objective, Some(9.0)); // x = y = 1
//! # Ok::<(), relumip_solver::Error>(())
//! ```
//!
//! Verifying a property of a small network: `y = relu(x) - relu(-x) = x` over
//! `x in [-1, 1]` never exceeds 1 (`unsat`), but reaches 0.5 (`sat`, with a
//! counterexample checked by a forward pass):
//!
//! ```
//! use relumip_solver::nn::{Activation, Layer, Network};
//! use relumip_solver::{parse_vnnlib, verify, Answer, VerifyOptions};
//!
//! let hidden = Layer::new(vec![1.0, -1.0], vec![0.0, 0.0], 1, Activation::Relu)?;
//! let output = Layer::new(vec![1.0, -1.0], vec![0.0], 2, Activation::Identity)?;
//! let net = Network::new(vec![hidden, output])?;
//! let property = |bound: f64| {
//!     let text = format!(
//!         "(declare-const X_0 Real) (declare-const Y_0 Real)
//!          (assert (>= X_0 -1.0)) (assert (<= X_0 1.0))
//!          (assert (>= Y_0 {bound}))"
//!     );
//!     parse_vnnlib(&text, "example.vnnlib")
//! };
//! let options = VerifyOptions::default();
//! let report = verify(&net, &property(1.5)?, &options)?;
//! assert!(matches!(report.answer, Answer::Unsat));
//! let report = verify(&net, &property(0.5)?, &options)?;
//! let Answer::Sat(counterexample) = report.answer else { panic!("sat expected") };
//! assert!(counterexample.output[0] >= 0.5 - 1e-6);
//! # Ok::<(), relumip_solver::Error>(())
//! ```
//!
//! # Modules
//!
//! The pipeline, one folder per stage, imports pointing down: [`io`] reads instances
//! into a [`model::Model`] (with an optional [`model::ReluStructure`]) or a network
//! ([`nn`]) and its property; [`bounds`] computes pre-activation bounds over input
//! boxes; [`formulate`] turns a network and a question into a MILP; [`lp`] solves LP
//! relaxations behind the [`lp::LpEngine`] trait; [`propagation`] tightens a node's
//! bounds; [`branch`] holds the branching rules, [`cuts`] the cutting planes and
//! [`heur`] the primal heuristics; [`search`] runs the parallel branch-and-bound.
//! On top: [`mod@verify`] and [`mod@adversarial`] answer questions about networks, [`data`]
//! and [`train`] build the MILPs whose unknowns are a network's weights, and
//! [`generate`] writes small instances. Topmost, [`exact`] re-checks the answers of
//! all of them in exact rational arithmetic. [`rng`] is the seeded generator every
//! randomised part uses.

#![deny(missing_docs)]

pub mod adversarial;
pub mod bounds;
pub mod branch;
pub mod cuts;
pub mod data;
pub mod error;
pub mod exact;
pub mod formulate;
pub mod generate;
pub mod heur;
pub mod interrupt;
pub mod io;
pub mod lp;
pub mod model;
pub mod nn;
pub mod propagation;
pub mod relu;
pub mod rng;
pub mod search;
pub mod train;
pub mod verify;

pub use adversarial::adversarial;
pub use error::{Error, Result};
pub use io::mps::{parse_mps, read_mps};
pub use io::read_network;
pub use io::vnnlib::{parse_vnnlib, read_vnnlib};
pub use search::{solve, NoProgress, Settings, SettingsBuilder, SolveResult, Status};
pub use verify::{
    verify, verify_with_progress, verify_with_search_log, Answer, VerifyOptions, VerifyReport,
};
