//! Indicator splits without an LP: at a node that still has more than
//! [`LP_FREE_MAX_UNSTABLE`] unstable units (on models where
//! [`crate::search::Settings::unit_splits`] applies), the node is bounded by its
//! propagation and by optimised lower slopes instead of an LP. If that does not
//! close it, it is split on an unstable unit: of the [`CANDIDATES`] units with the
//! best BaBSR score, the one whose children's propagated bounds are best (the
//! weaker child first, the stronger on ties); the children start with those bounds.

use super::{Processed, Processor};
use crate::branch::{babsr_score, UnitInfo};
use crate::propagation::BoundChange;
use crate::search::node::Node;
use crate::search::settings::LP_FREE_MAX_UNSTABLE;
use smallvec::SmallVec;
use std::time::Instant;

/// BaBSR candidates whose children are bounded by propagation.
const CANDIDATES: usize = 3;

/// Adam steps on the lower slopes at a node.
const ALPHA_STEPS: usize = 8;

impl Processor<'_, '_> {
    /// Bounds the node without an LP and splits it on a unit indicator; `None` when
    /// the node is for the LP (LP-free splits off for the model, few unstable units,
    /// or no unit to split).
    pub(super) fn split_unit(
        &mut self,
        node: &Node,
        derived: &SmallVec<[BoundChange; 4]>,
        bound: f64,
        incumbent: f64,
    ) -> Option<Processed> {
        if !self.ctx.lp_free_unit_splits {
            return None;
        }
        let propagator = self.ctx.relu.as_ref()?;
        let bounds = self.node_bounds.as_ref()?;
        if bounds.relu_counts().unstable <= LP_FREE_MAX_UNSTABLE {
            return None;
        }
        let started = Instant::now();
        let cutoff = self.ctx.cutoff(incumbent);
        // Optimised slopes first: they may close the node.
        let optimised = propagator
            .optimised_objective_bound(bounds, ALPHA_STEPS, cutoff)
            .unwrap_or(f64::INFINITY);
        let bound = bound.max(optimised);
        if bound >= cutoff {
            self.stats.pruned_before_lp += 1;
            self.stats.time_unit_splits += started.elapsed().as_secs_f64();
            return Some(Processed::closed(bound));
        }
        let coefficients = propagator.objective_coefficients(bounds)?;
        let view = propagator.view();
        let mut ranked: Vec<(f64, usize, usize, usize)> = Vec::new();
        for (k, layer) in view.layers.iter().enumerate() {
            let Some(coefs) = coefficients.get(k) else {
                continue;
            };
            for (i, unit) in layer.iter().enumerate() {
                let Some(z) = unit.indicator else { continue };
                if self.dom.lower[z] > 0.5 || self.dom.upper[z] < 0.5 {
                    continue;
                }
                let (lower, upper) = (bounds.pre_lower(k)[i], bounds.pre_upper(k)[i]);
                let info = UnitInfo {
                    layer: k,
                    neuron: i,
                    lower,
                    upper,
                    objective_coefficient: coefs.get(i).copied().unwrap_or(0.0),
                };
                let score = babsr_score(&info);
                if score > 0.0 {
                    ranked.push((score, k, i, z));
                }
            }
        }
        // Best score first; ties by position, so that runs repeat.
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
        let mut best: Option<(usize, usize, [f64; 2])> = None;
        for &(_, k, i, z) in ranked.iter().take(CANDIDATES) {
            let child_bound = |active: bool| {
                propagator
                    .child_objective_bound(bounds, k, i, active)
                    .unwrap_or(f64::INFINITY)
            };
            self.stats.propagation_probes += 2;
            let values = [child_bound(false), child_bound(true)];
            let key = |v: &[f64; 2]| (v[0].min(v[1]), v[0].max(v[1]));
            if best.as_ref().is_none_or(|b| key(&values) > key(&b.2)) {
                best = Some((z, k, values));
            }
        }
        let (z, layer, values) = best?;
        self.stats.record_unit_split(layer);
        self.stats.lp_free_unit_splits += 1;
        let processed = self.branch_without_lp(
            node,
            derived,
            z,
            [(0.0, 0.0, values[0]), (1.0, 1.0, values[1])],
            bound,
            Vec::new(),
        );
        self.stats.time_unit_splits += started.elapsed().as_secs_f64();
        Some(processed)
    }
}
