//! LP-based tightening: each unstable pre-activation minimised and maximised over
//! the triangle relaxation of the layers before it.
//!
//! Layers are done first to last, since a layer's relaxation uses the bounds of the
//! layers before it. Per layer, two [`LpEngine`]s (one for minima, one for maxima)
//! hold that layer's relaxation and are re-solved warm for each objective
//! ([`LpEngine::set_objective`]). A bound is
//! taken from the LP duals by a rigorous dual bound ([`super::dual_bound`]), so an
//! inexact LP solution can only weaken it. After a layer, the later layers are
//! refined symbolically from the new bounds. Every update is an intersection with
//! sound bounds, so the bounds are sound at any moment and the budget can stop the
//! work anywhere.

use super::lp_relaxation::PrefixRelaxation;
use super::{check_input_box, dual_bound, outward, symbolic, NetworkBounds, Stability};
use crate::error::{Error, Result};
use crate::lp::{LpBackend, LpEngine, LpLimits, LpStatus};
use crate::nn::{Activation, Network};
use std::time::{Duration, Instant};

/// Relative margin on an LP objective used as a bound when the backend gives no
/// duals ([`LpBackend::MicroLp`]): covers the LP's feasibility tolerances in
/// practice, but is not a proof.
const PRIMAL_OBJECTIVE_MARGIN: f64 = 1e-6;

/// Options of [`lp_tighten`].
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct LpTightenOptions {
    /// LP backend. The default, [`LpBackend::DualSimplex`], provides duals and so
    /// rigorous bounds; backends without duals fall back to the primal objective
    /// with a small margin.
    pub backend: LpBackend,
    /// Also tighten the output layer (no ReLU; every neuron is tightened). Off by
    /// default: output bounds do not affect the MILP's big-M values.
    pub include_output_layer: bool,
    /// After each layer, refine the later layers by back-substitution from the new
    /// bounds (default on; cheap next to the LPs).
    pub refine_later_layers: bool,
    /// Simplex iteration limit of one LP solve (a warm solve that hits it is
    /// retried once from scratch; a neuron side whose retry hits it too is left
    /// as it was).
    pub max_iterations_per_lp: u64,
}

impl Default for LpTightenOptions {
    fn default() -> Self {
        LpTightenOptions {
            backend: LpBackend::DualSimplex,
            include_output_layer: false,
            refine_later_layers: true,
            max_iterations_per_lp: 20_000,
        }
    }
}

/// What [`lp_tighten`] did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LpTightenReport {
    /// Unstable ReLUs before tightening.
    pub unstable_before: usize,
    /// Unstable ReLUs after tightening (and the symbolic refinement of later
    /// layers).
    pub unstable_after: usize,
    /// Neurons whose bounds were changed by an LP.
    pub neurons_tightened: usize,
    /// LPs solved to optimality (two per neuron: minimum and maximum).
    pub lps_solved: usize,
    /// LP solves that ended without an optimum (numerical failure, iteration
    /// limit) and left their bound unchanged.
    pub lp_failures: usize,
    /// Simplex iterations over all LPs.
    pub lp_iterations: u64,
    /// False when the budget ran out before every neuron was done.
    pub completed: bool,
    /// Wall-clock time spent.
    pub elapsed: Duration,
}

impl LpTightenReport {
    /// ReLUs that became stable.
    pub fn newly_stable(&self) -> usize {
        self.unstable_before.saturating_sub(self.unstable_after)
    }
}

/// Tightens `bounds` (computed by [`super::interval_bounds`] or
/// [`super::symbolic_bounds`] over a box containing `[lower, upper]`) by LP, for
/// at most about `budget` of wall-clock time.
///
/// For every unstable ReLU of layers `1..` (earlier layers first; layer 0 is exact
/// already), the pre-activation is minimised and maximised over the triangle
/// relaxation of the layers before it and the bounds are intersected with the
/// results; with [`LpTightenOptions::refine_later_layers`], later layers are then
/// refined symbolically. Stops when the budget is spent, keeping every bound
/// tightened so far (all intermediate states are sound); the budget bounds the
/// LP work, and one symbolic refinement may follow it. The bounds' input box
/// becomes `[lower, upper]` (a smaller box than before is first propagated
/// symbolically).
///
/// Fails with [`Error::Invalid`] if the box does not fit the network, the bounds
/// belong to a network of another shape, or the box is not inside the bounds' box
/// (the bounds would not hold on it).
pub fn lp_tighten(
    net: &Network,
    lower: &[f64],
    upper: &[f64],
    bounds: &mut NetworkBounds,
    budget: Duration,
    options: &LpTightenOptions,
) -> Result<LpTightenReport> {
    let start = Instant::now();
    let deadline = start.checked_add(budget);
    check_input_box(net, lower, upper)?;
    bounds.check_shape(net)?;
    let inside = lower
        .iter()
        .zip(upper)
        .zip(bounds.input_lower().iter().zip(bounds.input_upper()))
        .all(|((l, u), (bl, bu))| l >= bl && u <= bu);
    if !inside {
        return Err(Error::Invalid(
            "the input box is not inside the box the bounds were computed for".to_string(),
        ));
    }
    if lower != bounds.input_lower() || upper != bounds.input_upper() {
        bounds.set_input_box(lower, upper);
        symbolic::refine(net, bounds, 0);
    }
    let mut report = LpTightenReport {
        unstable_before: bounds.relu_counts().unstable,
        completed: true,
        ..LpTightenReport::default()
    };
    let out_of_time = || crate::interrupt::past(deadline);
    for k in 1..net.layers().len() {
        let relu = net.layers()[k].activation() == Activation::Relu;
        if !relu && !options.include_output_layer {
            continue;
        }
        let neurons: Vec<usize> = (0..net.layers()[k].output_dim())
            .filter(|&i| !relu || bounds.stability(k, i) == Stability::Unstable)
            .collect();
        if neurons.is_empty() {
            continue;
        }
        if out_of_time() {
            report.completed = false;
            break;
        }
        let changed = tighten_layer(net, bounds, k, &neurons, deadline, options, &mut report);
        if changed && options.refine_later_layers && k + 1 < net.layers().len() {
            symbolic::refine(net, bounds, k + 1);
        }
        log::debug!(
            "LP tightening: layer {k} done, {} unstable ReLUs left",
            bounds.relu_counts().unstable
        );
        if !report.completed {
            break;
        }
    }
    report.unstable_after = bounds.relu_counts().unstable;
    report.elapsed = start.elapsed();
    Ok(report)
}

/// Tightens the given neurons of layer `k`; returns true if a bound changed. Sets
/// `report.completed = false` when the deadline stops it.
///
/// Two engines hold the layer's relaxation, one for the minima and one for the
/// maxima: the optimal basis for one neuron's minimum is a much better start for
/// the next neuron's minimum than its own maximum's basis (measured on ACAS Xu:
/// 10-20% fewer simplex iterations than one engine, and 2-7 times fewer than cold
/// starts, except on the widest boxes).
fn tighten_layer(
    net: &Network,
    bounds: &mut NetworkBounds,
    k: usize,
    neurons: &[usize],
    deadline: Option<Instant>,
    options: &LpTightenOptions,
    report: &mut LpTightenReport,
) -> bool {
    let relaxation = PrefixRelaxation::build(net, bounds, k);
    let mut engines = [
        options.backend.create(&relaxation.problem),
        options.backend.create(&relaxation.problem),
    ];
    let limits = LpLimits {
        max_iterations: options.max_iterations_per_lp,
        deadline,
        objective_cutoff: f64::INFINITY,
    };
    let layer = &net.layers()[k];
    let mut changed = false;
    'neurons: for &i in neurons {
        let mut neuron_changed = false;
        for (engine, sign) in engines.iter_mut().zip([1.0, -1.0]) {
            let costs = relaxation.objective(layer.row(i), sign);
            engine.set_objective(&costs);
            match solve(engine.as_mut(), &limits) {
                LpStatus::Optimal => report.lps_solved += 1,
                LpStatus::TimeLimit => {
                    report.completed = false;
                    break 'neurons;
                }
                status => {
                    log::debug!("LP tightening: layer {k} neuron {i}: {status:?}");
                    report.lp_failures += 1;
                    continue;
                }
            }
            let (minimum, magnitude) = objective_bound(&relaxation, engine.as_ref(), &costs);
            // sign * (w'y) >= minimum, so w'y + b lies on one side of b + sign * minimum.
            let bias = layer.bias()[i];
            let (lo, up) = outward(
                bias + minimum,
                bias - minimum,
                magnitude + bias.abs() + minimum.abs(),
            );
            let (lo, up) = if sign > 0.0 {
                (lo, f64::INFINITY)
            } else {
                (f64::NEG_INFINITY, up)
            };
            if lo > bounds.pre_upper(k)[i] || up < bounds.pre_lower(k)[i] {
                // Cannot happen with sound bounds and a rigorous LP bound.
                log::warn!(
                    "LP tightening: layer {k} neuron {i}: LP bound crosses the other bound, ignored"
                );
                report.lp_failures += 1;
                continue;
            }
            neuron_changed |= bounds.tighten(k, i, lo, up);
        }
        if neuron_changed {
            report.neurons_tightened += 1;
            changed = true;
        }
        if crate::interrupt::past(deadline) {
            report.completed = false;
            break;
        }
    }
    report.lp_iterations += engines.iter().map(|e| e.iterations()).sum::<u64>();
    changed
}

/// Solves warm; after a failure (numerical trouble, iteration limit) retries once
/// from a fresh basis.
fn solve(engine: &mut dyn LpEngine, limits: &LpLimits) -> LpStatus {
    let status = engine.solve(limits);
    if !matches!(
        status,
        LpStatus::IterationLimit | LpStatus::NumericalFailure
    ) {
        return status;
    }
    engine.reset_basis();
    let retry = engine.solve(limits);
    if retry.is_failure() {
        engine.reset_basis();
    }
    retry
}

/// A lower bound on the last LP's minimum of `costs'x` and its magnitude: the
/// rigorous dual bound when the engine gives duals, the primal objective minus a
/// margin otherwise.
fn objective_bound(
    relaxation: &PrefixRelaxation,
    engine: &dyn LpEngine,
    costs: &[f64],
) -> (f64, f64) {
    match engine.row_duals() {
        Some(duals) => dual_bound::lower_bound(&relaxation.problem, costs, duals),
        None => {
            let v = engine.objective();
            (v - PRIMAL_OBJECTIVE_MARGIN * (1.0 + v.abs()), v.abs())
        }
    }
}
