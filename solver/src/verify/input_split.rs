//! Verification by branch-and-bound over the input box, for networks with few
//! inputs (ACAS Xu has five).
//!
//! A node is a sub-box of the case's input box. Its bound is the lower bound of every
//! output constraint `c_k'y - d_k` over the sub-box, from symbolic bounds of the
//! network on the sub-box with each constraint back-substituted itself. The symbolic
//! bounds of a sub-box start from its parent's bounds (valid on the larger box), so
//! they only tighten down the tree; the sub-box
//! holds no counterexample as soon as one of these lower bounds is positive. If none
//! is, and optimised slopes are on (`alpha_steps > 0`), the hidden layers' bounds
//! are tightened with optimised lower slopes ([`optimised_layer_bounds`]; the
//! children start from them) and then a few steps of gradient ascent on the lower
//! slopes of each constraint's back-substitution ([`optimised_output_lower_bounds`],
//! warm-started from the parent's slopes) try again before the box is split; the
//! slopes reached go to the children. Otherwise
//! a short attack (the centre of the sub-box, then a few sign-gradient steps from it,
//! inside the sub-box) looks for a counterexample, and the sub-box is split in
//! two along the input with the largest `|gradient| x width` of the most violated
//! constraint (the "smear" rule). Sub-boxes are processed in rounds of a fixed size,
//! in parallel, and each round's children are queued in order, so the run does not
//! depend on the thread count. Every counterexample is checked by the caller's forward
//! pass before it is reported.

use super::{check_counterexample, Answer};
use crate::bounds::{
    optimised_layer_bounds, optimised_output_lower_bounds, output_function_lower_bounds,
    symbolic_bounds, symbolic_refine, AlphaOptions, AlphaSlopes, NetworkBounds,
};
use crate::error::Result;
use crate::nn::attack::{attack_in_box, gradient, margin, AttackSettings};
use crate::nn::property::{Case, Property};
use crate::nn::Network;
use rayon::prelude::*;
use std::collections::BinaryHeap;
use std::sync::Arc;
use std::time::Instant;

/// Gradient steps of the attack from the centre of every undecided sub-box (a few
/// forward and backward passes: cheap next to the box's symbolic bounds).
const LOCAL_ATTACK_STEPS: usize = 10;
/// Sub-boxes processed per round.
const ROUND: usize = 64;
/// Sub-boxes narrower than this (relative to the case box, in every input) are
/// not split further; such a box left undecided makes the answer unknown.
const MIN_RELATIVE_WIDTH: f64 = 1e-9;

/// Counters of an input-splitting run.
#[derive(Clone, Copy, Debug, Default)]
pub struct SplitStats {
    /// Sub-boxes whose bounds were computed.
    pub boxes: u64,
    /// Deepest split.
    pub max_depth: u32,
    /// Sub-boxes proved by optimised slopes after the symbolic bound failed.
    pub alpha_proved: u64,
}

struct SubBox {
    lower: Vec<f64>,
    upper: Vec<f64>,
    depth: u32,
    /// The parent's best margin lower bound (priority: most promising first).
    priority: f64,
    /// The parent's neuron bounds (none at the root).
    parent_bounds: Option<Arc<NetworkBounds>>,
    /// The parent's optimised lower slopes (none at the root or when off).
    parent_slopes: Option<Arc<AlphaSlopes>>,
}

impl PartialEq for SubBox {
    fn eq(&self, other: &Self) -> bool {
        self.priority == other.priority && self.depth == other.depth
    }
}
impl Eq for SubBox {}
impl PartialOrd for SubBox {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for SubBox {
    /// Smallest margin bound first, then the deeper box.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        other
            .priority
            .total_cmp(&self.priority)
            .then(self.depth.cmp(&other.depth))
    }
}

enum BoxOutcome {
    Verified,
    VerifiedBySlopes,
    Counterexample(Vec<f64>),
    Split(SubBox, SubBox),
    TooSmall,
}

/// Symbolic bounds over the sub-box, intersected with its parent's bounds (sound:
/// the parent's box holds the sub-box). Should rounding make the intersection empty,
/// the sub-box's own bounds are used alone.
fn sub_box_bounds(net: &Network, b: &SubBox) -> Result<NetworkBounds> {
    if let Some(parent) = &b.parent_bounds {
        let mut bounds = NetworkBounds::clone(parent);
        bounds.set_input_box(&b.lower, &b.upper);
        symbolic_refine(net, &mut bounds, 0)?;
        if !bounds.is_empty() {
            return Ok(bounds);
        }
    }
    symbolic_bounds(net, &b.lower, &b.upper)
}

fn process(
    net: &Network,
    case: &Case,
    rows: &[(Vec<f64>, f64)],
    root_width: &[f64],
    alpha_steps: usize,
    b: SubBox,
) -> Result<BoxOutcome> {
    let mut bounds = sub_box_bounds(net, &b)?;
    let lows = output_function_lower_bounds(net, &bounds, rows)?;
    let mut best = lows.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if best > 0.0 {
        return Ok(BoxOutcome::Verified);
    }
    let mut slopes = None;
    if alpha_steps > 0 {
        // The hidden layers first (the children inherit these bounds), then the
        // constraints over the tightened relaxation.
        let options = AlphaOptions {
            steps: alpha_steps,
            stop_above: Some(0.0),
            ..AlphaOptions::default()
        };
        optimised_layer_bounds(net, &mut bounds, None, &options)?;
        let warm = b.parent_slopes.as_deref();
        let optimised = optimised_output_lower_bounds(net, &bounds, None, rows, warm, &options)?;
        best = optimised.lower.iter().copied().fold(best, f64::max);
        if best > 0.0 {
            return Ok(BoxOutcome::VerifiedBySlopes);
        }
        slopes = Some(Arc::new(optimised.slopes));
    }
    let centre: Vec<f64> = b
        .lower
        .iter()
        .zip(&b.upper)
        .map(|(l, u)| 0.5 * (l + u))
        .collect();
    // The attack's first point is the centre itself.
    let local = AttackSettings {
        restarts: 1,
        steps: LOCAL_ATTACK_STEPS,
        seed: 0,
    };
    if let Some(x) = attack_in_box(net, case, &b.lower, &b.upper, &local) {
        return Ok(BoxOutcome::Counterexample(x));
    }
    let (_, k) = margin(net, case, &centre);
    let g = gradient(net, &centre, &case.output_constraints[k].terms);
    let mut dim = None;
    let mut best_smear = -1.0;
    for i in 0..centre.len() {
        let width = b.upper[i] - b.lower[i];
        if width <= MIN_RELATIVE_WIDTH * root_width[i].max(1e-300) {
            continue;
        }
        // A zero gradient still allows splitting the widest input.
        let smear = (g[i].abs() + 1e-12) * width / root_width[i].max(1e-300);
        if smear > best_smear {
            best_smear = smear;
            dim = Some(i);
        }
    }
    let Some(i) = dim else {
        return Ok(BoxOutcome::TooSmall);
    };
    let mid = 0.5 * (b.lower[i] + b.upper[i]);
    let bounds = Arc::new(bounds);
    let mut left_upper = b.upper.clone();
    left_upper[i] = mid;
    let mut right_lower = b.lower.clone();
    right_lower[i] = mid;
    Ok(BoxOutcome::Split(
        SubBox {
            lower: b.lower,
            upper: left_upper,
            depth: b.depth + 1,
            priority: best,
            parent_bounds: Some(Arc::clone(&bounds)),
            parent_slopes: slopes.clone(),
        },
        SubBox {
            lower: right_lower,
            upper: b.upper,
            depth: b.depth + 1,
            priority: best,
            parent_bounds: Some(bounds),
            parent_slopes: slopes,
        },
    ))
}

/// Decides one case of `property` by input splitting with `threads` threads and
/// `alpha_steps` steps of slope optimisation on sub-boxes the symbolic bounds
/// leave open (0: none); stops at `deadline`.
pub fn split_case(
    net: &Network,
    property: &Property,
    case_index: usize,
    deadline: Option<Instant>,
    threads: usize,
    alpha_steps: usize,
) -> Result<(Answer, SplitStats)> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads.max(1))
        .build()
        .ok();
    let case = &property.cases[case_index];
    let mut stats = SplitStats::default();
    if case.output_constraints.is_empty() || !case.input_constraints.is_empty() {
        return Ok((
            Answer::Unknown(
                "input splitting needs output constraints and a plain input box".into(),
            ),
            stats,
        ));
    }
    let rows: Vec<(Vec<f64>, f64)> = case
        .output_constraints
        .iter()
        .map(|c| {
            let mut dense = vec![0.0; net.output_dim()];
            for &(i, a) in &c.terms {
                dense[i] += a;
            }
            (dense, c.rhs)
        })
        .collect();
    let root_width: Vec<f64> = case
        .input_lower
        .iter()
        .zip(&case.input_upper)
        .map(|(l, u)| u - l)
        .collect();
    let mut heap = BinaryHeap::new();
    heap.push(SubBox {
        lower: case.input_lower.clone(),
        upper: case.input_upper.clone(),
        depth: 0,
        priority: f64::NEG_INFINITY,
        parent_bounds: None,
        parent_slopes: None,
    });
    let mut too_small = false;
    while !heap.is_empty() {
        if deadline.is_some_and(|d| Instant::now() >= d) {
            return Ok((Answer::Timeout, stats));
        }
        let batch: Vec<SubBox> = (0..ROUND).map_while(|_| heap.pop()).collect();
        stats.boxes += batch.len() as u64;
        let run = || -> Vec<Result<BoxOutcome>> {
            batch
                .into_par_iter()
                .map(|b| process(net, case, &rows, &root_width, alpha_steps, b))
                .collect()
        };
        let outcomes = match &pool {
            Some(p) => p.install(run),
            None => run(),
        };
        for outcome in outcomes {
            match outcome? {
                BoxOutcome::Verified => {}
                BoxOutcome::VerifiedBySlopes => stats.alpha_proved += 1,
                BoxOutcome::Counterexample(x) => {
                    if let Some(cex) = check_counterexample(net, property, case_index, &x) {
                        return Ok((Answer::Sat(cex), stats));
                    }
                    too_small = true;
                }
                BoxOutcome::Split(a, b) => {
                    stats.max_depth = stats.max_depth.max(a.depth);
                    heap.push(a);
                    heap.push(b);
                }
                BoxOutcome::TooSmall => too_small = true,
            }
        }
    }
    if too_small {
        return Ok((
            Answer::Unknown("some sub-boxes could not be decided at the smallest width".into()),
            stats,
        ));
    }
    Ok((Answer::Unsat, stats))
}
