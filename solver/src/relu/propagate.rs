//! Neuron-stability propagation at a node.
//!
//! From the node's domain — input bounds, the bounds of every pre-activation column
//! (tightened by the nodes above), and the fixed indicators (`z = 1`: the unit is the
//! identity, its pre-activation `>= 0`; `z = 0`: the unit is 0, its pre-activation
//! `<= 0`) — the pre-activation bounds are recomputed layer by layer, interval and
//! symbolic (back-substitution in which fixed units are exact and the others use
//! their triangle relaxation with the node's bounds), from the first layer that the
//! node's changes can affect. Then:
//!
//! - units that became stable get their indicator fixed;
//! - tighter pre-activation, post-activation and output bounds go into the domain
//!   (and so into the node's LP and its children);
//! - rows over the outputs (the property's `c'y - d <= t`, an adversarial margin)
//!   are bounded by back-substituting each row's own linear function, which bounds
//!   the one other column such a row may hold (`t`) or proves the node infeasible.
//!
//! Every bound is the sound, outward-rounded result of [`crate::bounds`]; a unit's
//! bounds never get looser than the domain's.

use super::view::NetworkView;
use crate::bounds::{
    optimised_output_lower_bounds, output_function_backward, output_function_lower_bounds,
    symbolic_refine, AlphaOptions, NetworkBounds,
};
use crate::nn::Activation;
use crate::propagation::{BoundChange, LocalDomain, RowStructure};
use smallvec::SmallVec;

/// A continuous bound is only tightened when it improves by this share of its range.
const MIN_IMPROVEMENT: f64 = 1e-3;
/// Bounds crossing by less than this (relative to their size) count as touching.
const CROSSING_TOLERANCE: f64 = 1e-7;

/// A row whose columns are outputs of the network, except at most one (`free`) and,
/// in disjunctive models, one binary `selector` with a positive coefficient `M` on a
/// `<=` row: the row binds only when the selector is 1 (`c'y + a x <= upper - M`),
/// as in the combined verification MILP of several cases.
#[derive(Clone, Debug)]
pub(super) struct OutputRow {
    /// Coefficients over the outputs (dense).
    pub(super) coefs: Vec<f64>,
    /// The row's sides.
    pub(super) lower: f64,
    pub(super) upper: f64,
    /// The other column and its coefficient.
    pub(super) free: Option<(usize, f64)>,
    /// The selector column and its coefficient (`None` for an unconditional row).
    pub(super) selector: Option<(usize, f64)>,
}

/// What node propagation found.
#[derive(Debug, Default, PartialEq)]
pub struct ReluPropagation {
    /// No integer point of the node's domain is feasible.
    pub infeasible: bool,
    /// Bound changes applied to the domain (one entry per column, final bounds).
    pub changes: SmallVec<[BoundChange; 8]>,
    /// Indicators fixed because their unit became stable.
    pub fixed: u32,
    /// The node's network bounds (when the node is not infeasible and its inputs
    /// are bounded).
    pub bounds: Option<NetworkBounds>,
}

/// A linear function `c'y - d` of the outputs that bounds the objective
/// (minimisation form) from below at every feasible point, or, with a `group`, at
/// every feasible point whose selector column `group` is 1 (one selector is 1 at
/// every feasible point: the objective is at least the smallest over the groups of
/// the largest function of the group).
#[derive(Clone, Debug)]
pub(super) struct ObjectiveFunction {
    pub(super) coefs: Vec<f64>,
    pub(super) constant: f64,
    pub(super) group: Option<usize>,
}

/// Propagates neuron stability through a compiled structure.
#[derive(Clone, Debug)]
pub struct NodePropagator {
    view: NetworkView,
    pub(super) output_rows: Vec<OutputRow>,
    integral: Vec<bool>,
    pub(super) objective_functions: Vec<ObjectiveFunction>,
}

impl NodePropagator {
    /// A propagator for the view of a model whose rows are `rows` and whose
    /// minimisation-form objective is `costs`.
    pub fn new(view: NetworkView, rows: &RowStructure, costs: &[f64]) -> NodePropagator {
        let outputs = view.output_columns();
        let position = |c: usize| outputs.iter().position(|&o| o == Some(c));
        let mut output_rows = Vec::new();
        for (r, entries) in rows.rows.iter().enumerate() {
            let mut coefs = vec![0.0; outputs.len()];
            let mut others: SmallVec<[(usize, f64); 2]> = SmallVec::new();
            let mut valid = !entries.is_empty();
            for &(c, a) in entries {
                match position(c) {
                    Some(i) => coefs[i] += a,
                    None if others.len() < 2 => others.push((c, a)),
                    None => valid = false,
                }
            }
            let (lower, upper) = (rows.row_lower[r], rows.row_upper[r]);
            let is_selector = |&(c, a): &(usize, f64)| {
                rows.integral[c] && a > 0.0 && lower == f64::NEG_INFINITY && upper.is_finite()
            };
            let (free, selector) = match others.as_slice() {
                [] => (None, None),
                [one] => (Some(*one), None),
                [x, y] if is_selector(y) && !rows.integral[x.0] => (Some(*x), Some(*y)),
                [x, y] if is_selector(x) && !rows.integral[y.0] => (Some(*y), Some(*x)),
                _ => {
                    valid = false;
                    (None, None)
                }
            };
            if valid && coefs.iter().any(|&a| a != 0.0) {
                output_rows.push(OutputRow {
                    coefs,
                    lower,
                    upper,
                    free,
                    selector,
                });
            }
        }
        let objective_functions = objective_functions(&outputs, &output_rows, costs);
        NodePropagator {
            view,
            output_rows,
            integral: rows.integral.clone(),
            objective_functions,
        }
    }

    /// For every neuron `(layer, neuron)` of the hidden layers, the coefficient of
    /// its post-activation in the back-substitution of the objective function whose
    /// lower bound is largest at the node (see
    /// [`crate::bounds::output_function_backward`]); `None` when the objective is
    /// no linear function of the outputs.
    pub fn objective_coefficients(&self, bounds: &NetworkBounds) -> Option<Vec<Vec<f64>>> {
        let functions: Vec<(Vec<f64>, f64)> = self
            .objective_functions
            .iter()
            .map(|f| (f.coefs.clone(), f.constant))
            .collect();
        let best = match functions.len() {
            0 => return None,
            1 => 0,
            _ => {
                let values =
                    output_function_lower_bounds(&self.view.net, bounds, &functions).ok()?;
                // In a disjunctive model, the group that bounds the objective (the
                // weakest), and in it the strongest function.
                let group = self.weakest_group(&values).map(|(g, _)| g);
                (0..values.len())
                    .filter(|&f| group.is_none() || self.objective_functions[f].group == group)
                    .max_by(|&a, &b| values[a].total_cmp(&values[b]))?
            }
        };
        let f = &self.objective_functions[best];
        output_function_backward(&self.view.net, bounds, &f.coefs, f.constant)
            .ok()
            .map(|(_, coefficients)| coefficients)
    }

    /// The compiled network view.
    pub fn view(&self) -> &NetworkView {
        &self.view
    }

    /// The first layer whose bounds a change of `column` can affect: 0 for an
    /// input, the next layer for a neuron's column, `None` for other columns.
    pub fn first_affected_layer(&self, column: usize) -> Option<usize> {
        if self.view.inputs.contains(&column) {
            return Some(0);
        }
        self.view.neuron_of(column).map(|(k, _)| k + 1)
    }

    /// The network bounds of the node: the domain's input box, and every neuron's
    /// pre-activation bounds from its columns and its fixed phase. `None` when an
    /// input is unbounded.
    pub fn node_bounds(&self, dom: &LocalDomain) -> Option<NetworkBounds> {
        let lower: Vec<f64> = self.view.inputs.iter().map(|&c| dom.lower[c]).collect();
        let upper: Vec<f64> = self.view.inputs.iter().map(|&c| dom.upper[c]).collect();
        if lower.iter().chain(&upper).any(|v| !v.is_finite()) {
            return None;
        }
        let mut bounds = NetworkBounds::unbounded(&self.view.net, &lower, &upper).ok()?;
        for (k, layer) in self.view.layers.iter().enumerate() {
            let relu = self.view.net.layers()[k].activation() == Activation::Relu;
            for (i, n) in layer.iter().enumerate() {
                let (mut lo, mut up) = n.pre.map_or((f64::NEG_INFINITY, f64::INFINITY), |p| {
                    (dom.lower[p], dom.upper[p])
                });
                if relu {
                    if let Some(z) = n.indicator {
                        if dom.lower[z] > 0.5 {
                            lo = lo.max(0.0);
                        }
                        if dom.upper[z] < 0.5 {
                            up = up.min(0.0);
                        }
                    }
                    if let Some(post) = n.post.filter(|&p| Some(p) != n.pre) {
                        // post = max(0, pre): a positive upper bound of post bounds
                        // pre, a positive lower bound of post makes pre equal to it.
                        if dom.upper[post] >= 0.0 {
                            up = up.min(dom.upper[post]);
                        }
                        if dom.lower[post] > 0.0 {
                            lo = lo.max(dom.lower[post]);
                        }
                    }
                } else if n.indicator.is_none() && n.post != n.pre {
                    if let Some(post) = n.post {
                        lo = lo.max(dom.lower[post]);
                        up = up.min(dom.upper[post]);
                    }
                }
                bounds.tighten(k, i, lo, up);
            }
        }
        Some(bounds)
    }

    /// The objective's lower bound (minimisation form) of a child of the node whose
    /// network bounds are `bounds`, in which neuron `(layer, neuron)` is active
    /// (pre-activation `>= 0`) or inactive (`<= 0`): the bounds are refined from the
    /// next layer and the objective functions back-substituted. `None` when the
    /// child is infeasible; `-inf` when the objective is no function of the outputs.
    pub fn child_objective_bound(
        &self,
        bounds: &NetworkBounds,
        layer: usize,
        neuron: usize,
        active: bool,
    ) -> Option<f64> {
        let mut child = bounds.clone();
        if active {
            child.tighten(layer, neuron, 0.0, f64::INFINITY);
        } else {
            child.tighten(layer, neuron, f64::NEG_INFINITY, 0.0);
        }
        if child.is_empty() || symbolic_refine(&self.view.net, &mut child, layer + 1).is_err() {
            return None;
        }
        if child.is_empty() {
            return None;
        }
        self.objective_bound(&child)
    }

    /// The objective's lower bound over network bounds: the largest lower bound of
    /// the objective functions (`-inf` without any); `None` when a row over the
    /// outputs alone cannot be met.
    pub fn objective_bound(&self, bounds: &NetworkBounds) -> Option<f64> {
        let mut functions: Vec<(Vec<f64>, f64)> = self
            .objective_functions
            .iter()
            .map(|f| (f.coefs.clone(), f.constant))
            .collect();
        let closed: Vec<&OutputRow> = self
            .output_rows
            .iter()
            .filter(|r| r.free.is_none())
            .collect();
        for row in &closed {
            functions.push((row.coefs.clone(), 0.0));
            functions.push((row.coefs.iter().map(|a| -a).collect(), 0.0));
        }
        if functions.is_empty() {
            return Some(f64::NEG_INFINITY);
        }
        let values = output_function_lower_bounds(&self.view.net, bounds, &functions).ok()?;
        let count = self.objective_functions.len();
        for (row, pair) in closed.iter().zip(values[count..].chunks(2)) {
            let (min, max) = (pair[0], -pair[1]);
            let tol = |v: f64| CROSSING_TOLERANCE * v.abs().max(1.0);
            if min > row.upper + tol(row.upper) || max < row.lower - tol(row.lower) {
                return None;
            }
        }
        Some(self.combine(&values[..count]))
    }

    /// The objective bound from the lower bounds of the objective functions: the
    /// largest over the unconditional functions and over the smallest group bound
    /// (a group's bound being its largest function).
    fn combine(&self, values: &[f64]) -> f64 {
        let plain = self
            .objective_functions
            .iter()
            .zip(values)
            .filter(|(f, _)| f.group.is_none())
            .map(|(_, &v)| v)
            .fold(f64::NEG_INFINITY, f64::max);
        match self.weakest_group(values) {
            Some((_, weakest)) => plain.max(weakest),
            None => plain,
        }
    }

    /// The selector of the group with the smallest bound (a group's bound being its
    /// largest function) and that bound, given the lower bound of every objective
    /// function; `None` without groups.
    fn weakest_group(&self, values: &[f64]) -> Option<(usize, f64)> {
        let mut groups: SmallVec<[(usize, f64); 8]> = SmallVec::new();
        for (f, &v) in self.objective_functions.iter().zip(values) {
            if let Some(g) = f.group {
                match groups.iter_mut().find(|e| e.0 == g) {
                    Some(e) => e.1 = e.1.max(v),
                    None => groups.push((g, v)),
                }
            }
        }
        groups.into_iter().min_by(|a, b| a.1.total_cmp(&b.1))
    }

    /// True when the objective is bounded by linear functions of the outputs.
    pub fn bounds_objective(&self) -> bool {
        !self.objective_functions.is_empty()
    }

    /// The objective's lower bound over network bounds with optimised lower slopes
    /// (`steps` Adam steps per objective function, stopped once a function's bound
    /// reaches `target`): never below [`NodePropagator::objective_bound`]'s value
    /// for the functions alone. `None` as there.
    pub fn optimised_objective_bound(
        &self,
        bounds: &NetworkBounds,
        steps: usize,
        target: f64,
    ) -> Option<f64> {
        if self.objective_functions.is_empty() {
            return self.objective_bound(bounds);
        }
        let functions: Vec<(Vec<f64>, f64)> = self
            .objective_functions
            .iter()
            .map(|f| (f.coefs.clone(), f.constant))
            .collect();
        let options = AlphaOptions {
            steps,
            stop_above: (!self.has_groups() && target.is_finite()).then_some(target),
            ..AlphaOptions::default()
        };
        let alpha =
            optimised_output_lower_bounds(&self.view.net, bounds, None, &functions, None, &options)
                .ok()?;
        let plain = self.objective_bound(bounds)?;
        Some(plain.max(self.combine(&alpha.lower)))
    }

    /// True when some objective function holds only under a selector (a
    /// disjunctive model).
    pub(super) fn has_groups(&self) -> bool {
        self.objective_functions.iter().any(|f| f.group.is_some())
    }

    /// Recomputes the node's bounds from `first_layer` on and applies what they
    /// prove to `dom`.
    pub fn propagate(&self, dom: &mut LocalDomain, first_layer: usize) -> ReluPropagation {
        let mut outcome = ReluPropagation::default();
        let Some(mut bounds) = self.node_bounds(dom) else {
            return outcome;
        };
        // Layers before `first_layer` keep the domain's bounds: every neuron there
        // needs finite bounds from its columns, else it is recomputed too.
        let first = (0..first_layer.min(self.view.layers.len()))
            .find(|&k| {
                bounds
                    .pre_lower(k)
                    .iter()
                    .chain(bounds.pre_upper(k))
                    .any(|v| !v.is_finite())
            })
            .unwrap_or(first_layer);
        if symbolic_refine(&self.view.net, &mut bounds, first).is_err() {
            return outcome;
        }
        if bounds.is_empty() {
            outcome.infeasible = true;
            return outcome;
        }
        for (k, layer) in self.view.layers.iter().enumerate() {
            let relu = self.view.net.layers()[k].activation() == Activation::Relu;
            for (i, n) in layer.iter().enumerate() {
                let (lo, up) = (bounds.pre_lower(k)[i], bounds.pre_upper(k)[i]);
                if let Some(p) = n.pre {
                    if self.tighten(dom, p, lo, up, &mut outcome) {
                        return outcome;
                    }
                }
                if !relu {
                    continue;
                }
                if let Some(post) = n.post.filter(|&p| Some(p) != n.pre) {
                    if self.tighten(dom, post, lo.max(0.0), up.max(0.0), &mut outcome) {
                        return outcome;
                    }
                }
                if let Some(z) = n.indicator {
                    let phase = if lo >= 0.0 {
                        Some(1.0)
                    } else if up <= 0.0 {
                        Some(0.0)
                    } else {
                        None
                    };
                    if let Some(v) = phase.filter(|_| dom.lower[z] < dom.upper[z]) {
                        if self.tighten(dom, z, v, v, &mut outcome) {
                            return outcome;
                        }
                        outcome.fixed += 1;
                    }
                }
            }
        }
        self.bound_output_rows(dom, &bounds, &mut outcome);
        if !outcome.infeasible {
            outcome.bounds = Some(bounds);
        }
        outcome
    }

    /// Bounds each output row's linear function by back-substitution: proves the
    /// node infeasible or bounds the row's other column.
    fn bound_output_rows(
        &self,
        dom: &mut LocalDomain,
        bounds: &NetworkBounds,
        outcome: &mut ReluPropagation,
    ) {
        if self.output_rows.is_empty() {
            return;
        }
        let functions: Vec<(Vec<f64>, f64)> = self
            .output_rows
            .iter()
            .flat_map(|r| {
                [
                    (r.coefs.clone(), 0.0),
                    (r.coefs.iter().map(|a| -a).collect(), 0.0),
                ]
            })
            .collect();
        let Ok(lower_bounds) = output_function_lower_bounds(&self.view.net, bounds, &functions)
        else {
            return;
        };
        for (row, pair) in self.output_rows.iter().zip(lower_bounds.chunks(2)) {
            let (min, max) = (pair[0], -pair[1]);
            if row.selector.is_some() {
                // Binds only under its selector: nothing to conclude for the node.
                continue;
            }
            match row.free {
                None => {
                    let tol = |v: f64| CROSSING_TOLERANCE * v.abs().max(1.0);
                    if min > row.upper + tol(row.upper) || max < row.lower - tol(row.lower) {
                        outcome.infeasible = true;
                        return;
                    }
                }
                Some((c, a)) => {
                    // lower <= expr + a x <= upper  =>  a x in [lower - max, upper - min]
                    let (lo, up) = (row.lower - max, row.upper - min);
                    let (lo, up) = if a > 0.0 {
                        (lo / a, up / a)
                    } else {
                        (up / a, lo / a)
                    };
                    if self.tighten(dom, c, lo, up, outcome) {
                        return;
                    }
                }
            }
        }
    }

    /// Tightens column `c` to `[lo, up]` where that improves it enough (integer
    /// columns rounded); records the change. Returns true when the bounds cross
    /// (the node is infeasible; `outcome.infeasible` is set).
    fn tighten(
        &self,
        dom: &mut LocalDomain,
        c: usize,
        lo: f64,
        up: f64,
        outcome: &mut ReluPropagation,
    ) -> bool {
        let (cur_lo, cur_up) = (dom.lower[c], dom.upper[c]);
        let (mut new_lo, mut new_up) = (cur_lo, cur_up);
        if self.integral[c] {
            if lo.is_finite() {
                new_lo = new_lo.max((lo - 1e-6).ceil());
            }
            if up.is_finite() {
                new_up = new_up.min((up + 1e-6).floor());
            }
        } else {
            let range = if cur_lo.is_finite() && cur_up.is_finite() {
                cur_up - cur_lo
            } else {
                f64::INFINITY
            };
            let min_gain = (MIN_IMPROVEMENT * range).max(1e-7);
            if lo > cur_lo + min_gain || (cur_lo.is_infinite() && lo.is_finite()) {
                new_lo = lo;
            }
            if up < cur_up - min_gain || (cur_up.is_infinite() && up.is_finite()) {
                new_up = up;
            }
        }
        if new_lo == cur_lo && new_up == cur_up {
            return false;
        }
        if new_lo > new_up {
            let scale = new_lo.abs().max(new_up.abs()).max(1.0);
            if self.integral[c] || new_lo - new_up > CROSSING_TOLERANCE * scale {
                outcome.infeasible = true;
                return true;
            }
            let mid = 0.5 * (new_lo + new_up);
            (new_lo, new_up) = (mid, mid);
        }
        dom.set(c, new_lo, new_up);
        match outcome.changes.iter_mut().find(|ch| ch.col == c) {
            Some(ch) => {
                ch.lower = new_lo;
                ch.upper = new_up;
            }
            None => outcome.changes.push(BoundChange {
                col: c,
                lower: new_lo,
                upper: new_up,
            }),
        }
        false
    }
}

/// The linear functions of the outputs that bound the objective from below: the
/// objective itself when its costs are all on outputs, and for every output row
/// whose other column `t` has a positive cost `w`, the bound `w t >= w f(y)` the row
/// implies (`c'y + a t <= u` with `a < 0` gives `t >= (c'y - u) / |a|`; `l <= c'y +
/// a t` with `a > 0` gives `t >= (l - c'y) / a`), when `t` is the only other column
/// with a cost.
fn objective_functions(
    outputs: &[Option<usize>],
    rows: &[OutputRow],
    costs: &[f64],
) -> Vec<ObjectiveFunction> {
    let is_output = |c: usize| outputs.contains(&Some(c));
    let costed: Vec<usize> = (0..costs.len()).filter(|&j| costs[j] != 0.0).collect();
    if !costed.is_empty() && costed.iter().all(|&j| is_output(j)) {
        let coefs = outputs
            .iter()
            .map(|o| o.map_or(0.0, |c| costs[c]))
            .collect();
        return vec![ObjectiveFunction {
            coefs,
            constant: 0.0,
            group: None,
        }];
    }
    let [t] = costed[..] else {
        return Vec::new();
    };
    let w = costs[t];
    if w <= 0.0 {
        return Vec::new();
    }
    rows.iter()
        .filter_map(|row| {
            let (c, a) = row.free?;
            if c != t {
                return None;
            }
            // Under its selector the row reads `c'y + a t <= upper - M`.
            let (group, upper) = match row.selector {
                Some((s, m)) => (Some(s), row.upper - m),
                None => (None, row.upper),
            };
            if a < 0.0 && upper.is_finite() {
                let scale = w / -a;
                Some(ObjectiveFunction {
                    coefs: row.coefs.iter().map(|v| v * scale).collect(),
                    constant: upper * scale,
                    group,
                })
            } else if a > 0.0 && row.lower.is_finite() && group.is_none() {
                let scale = w / a;
                Some(ObjectiveFunction {
                    coefs: row.coefs.iter().map(|v| -v * scale).collect(),
                    constant: -row.lower * scale,
                    group,
                })
            } else {
                None
            }
        })
        .collect()
}
