//! Cuts from the ideal formulation of a single ReLU unit (Anderson, Huchette, Ma,
//! Tjandraatmadja and Vielma, "Strong mixed-integer programming formulations for
//! trained neural networks", 2020).
//!
//! For a unit `y = max(0, w'x + b)` with indicator `z` (1 = active) whose inputs lie
//! in a box `[L, U]`, let `L̆_i = L_i, Ŭ_i = U_i` when `w_i >= 0` and
//! `L̆_i = U_i, Ŭ_i = L_i` otherwise (the bounds at which `w_i x_i` is smallest and
//! largest). For every subset `I` of the inputs,
//!
//! `y <= sum_{i in I} w_i (x_i - L̆_i (1 - z)) + (b + sum_{i not in I} w_i Ŭ_i) z`
//!
//! holds at every point of the unit: at `z = 1` the right side is at least
//! `w'x + b = y`, at `z = 0` it is at least `0 = y`. Together with the box,
//! `y >= 0` and `y >= w'x + b` these inequalities describe the convex hull of the
//! unit. The most violated one at an LP point `(x*, y*, z*)` is found in one pass:
//! `i` belongs to `I` exactly when its contribution `w_i (x*_i - L̆_i (1 - z*))` is
//! smaller than the other one, `w_i Ŭ_i z*`.
//!
//! The separator works on the model's columns: `x` are the columns of the unit's
//! affine map ([`crate::model::ReluUnit::affine`], the previous layer's
//! post-activations or the network inputs, even when the pre-activation has a column
//! of its own), `y` its post-activation and `z` its indicator. Only unstable units
//! (with an indicator that the bounds leave free) whose sources all have finite
//! bounds are separated. The inequality needs nothing but `z = 1 => y = w'x + b` and
//! `z = 0 => y = 0` at feasible points and the bounds of the sources, so it is valid
//! wherever those bounds are: at the root for the whole tree, at a node for its
//! subtree.
//!
//! Floating point: the right-hand side is relaxed by [`SAFETY`] times the magnitude
//! of the terms it sums (`|b| + sum |w_i| max(|L_i|, |U_i|)`), far above the
//! rounding error of the sums, before [`super::finish_sparse_cut`] adds its own
//! margin.

use super::{finish_sparse_cut, Cut, CutFamily, SeparationInput, Separator};
use crate::lp::LpEngine;
use crate::model::{ReluStructure, ReluUnit};

/// Relative outward margin of the right-hand side (see the module documentation).
pub const SAFETY: f64 = 1e-9;

/// One separable unit: its columns and its affine map with merged, non-zero terms.
#[derive(Clone, Debug, PartialEq)]
struct UnitMap {
    post: usize,
    indicator: usize,
    bias: f64,
    /// `(column, weight)`, columns strictly increasing.
    terms: Vec<(usize, f64)>,
}

impl UnitMap {
    /// The map of `unit`, when it has an indicator, a post-activation column and a
    /// finite affine map that reads neither of them.
    fn of(unit: &ReluUnit) -> Option<UnitMap> {
        let (post, indicator, affine) = (unit.post?, unit.indicator?, unit.affine.as_ref()?);
        if post == indicator || !affine.bias.is_finite() {
            return None;
        }
        let mut terms = affine.terms.clone();
        terms.sort_by_key(|t| t.0);
        let mut merged: Vec<(usize, f64)> = Vec::with_capacity(terms.len());
        for (c, w) in terms {
            match merged.last_mut() {
                Some(last) if last.0 == c => last.1 += w,
                _ => merged.push((c, w)),
            }
        }
        merged.retain(|t| t.1 != 0.0);
        let own = [Some(post), Some(indicator), unit.pre];
        if merged
            .iter()
            .any(|&(c, w)| !w.is_finite() || own.contains(&Some(c)))
        {
            return None;
        }
        Some(UnitMap {
            post,
            indicator,
            bias: affine.bias,
            terms: merged,
        })
    }

    /// The largest column the map reads or writes.
    fn max_column(&self) -> usize {
        let last = self.terms.last().map_or(0, |t| t.0);
        last.max(self.post).max(self.indicator)
    }

    /// The most violated inequality of the unit at `point` within the bounds, as a
    /// `>=` cut; `None` when none is violated or the unit cannot be separated.
    fn cut(&self, lower: &[f64], upper: &[f64], point: &[f64]) -> Option<Cut> {
        let z = self.indicator;
        let free = lower[z] < upper[z];
        if !free {
            return None;
        }
        let z_value = point[z].clamp(0.0, 1.0);
        // The inequality is `y <= sum_I w_i x_i + z_coef z + constant`.
        let mut z_coef = self.bias;
        let mut constant = 0.0;
        let mut right_side = self.bias * z_value;
        let mut magnitude = self.bias.abs();
        let mut entries: Vec<(usize, f64)> = Vec::with_capacity(self.terms.len() + 2);
        for &(c, w) in &self.terms {
            let (l, u) = (lower[c], upper[c]);
            if !(l.is_finite() && u.is_finite() && l <= u) {
                return None;
            }
            let (low, high) = if w >= 0.0 { (l, u) } else { (u, l) };
            magnitude += w.abs() * l.abs().max(u.abs());
            let inside = w * (point[c] - low * (1.0 - z_value));
            let outside = w * high * z_value;
            if inside < outside {
                entries.push((c, w));
                z_coef += w * low;
                constant -= w * low;
                right_side += inside;
            } else {
                z_coef += w * high;
                right_side += outside;
            }
        }
        let margin = SAFETY * (1.0 + magnitude);
        let violated = point[self.post] - right_side > margin;
        if !violated {
            return None;
        }
        // As a `>=` row: sum_I w_i x_i + z_coef z - y >= -constant, relaxed.
        entries.push((z, z_coef));
        entries.push((self.post, -1.0));
        entries.sort_by_key(|e| e.0);
        finish_sparse_cut(entries, -constant - margin, lower, upper, point)
    }
}

/// The separator of ReLU cuts over the units of a [`ReluStructure`] (family
/// [`CutFamily::Relu`]).
#[derive(Clone, Debug)]
pub struct ReluSeparator {
    units: Vec<UnitMap>,
}

impl ReluSeparator {
    /// The separator of the structure's unstable units with an affine map; `None`
    /// when there is none.
    pub fn new(structure: &ReluStructure) -> Option<ReluSeparator> {
        let units: Vec<UnitMap> = structure.units.iter().filter_map(UnitMap::of).collect();
        (!units.is_empty()).then_some(ReluSeparator { units })
    }

    /// Number of units the separator covers.
    pub fn num_units(&self) -> usize {
        self.units.len()
    }

    /// For every unit, its most violated inequality at `point` under the column
    /// bounds `lower`, `upper` (the bounds the cuts are valid for), when it is
    /// violated enough to be a cut. Units reading columns beyond the slices are
    /// skipped.
    pub fn separate_at(&self, lower: &[f64], upper: &[f64], point: &[f64]) -> Vec<Cut> {
        let len = point.len().min(lower.len()).min(upper.len());
        self.units
            .iter()
            .filter(|u| u.max_column() < len)
            .filter_map(|u| u.cut(lower, upper, point))
            .collect()
    }
}

impl Separator for ReluSeparator {
    fn family(&self) -> CutFamily {
        CutFamily::Relu
    }

    fn separate(&mut self, _lp: &mut dyn LpEngine, input: &SeparationInput<'_>) -> Vec<Cut> {
        let problem = input.problem;
        self.separate_at(&problem.col_lower, &problem.col_upper, input.point)
    }
}

#[cfg(test)]
mod tests;
