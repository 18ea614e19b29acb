//! Tests of relumip's dual simplex through the LP engine interface: hand-made LPs
//! with known answers, random LPs against microlp and the optimality certificate,
//! warm-start sequences, bases and cutoffs, MIPLIB relaxations and the big-M
//! relaxations of ReLU networks.

#![allow(clippy::needless_range_loop)]

#[path = "../common/mod.rs"]
mod common;

mod hand;
mod miplib;
mod random;
mod relu;
mod support;
mod warm;
