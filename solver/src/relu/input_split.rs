//! Input splitting: branching on the network's input columns, as spatial
//! branch-and-bound branches on continuous columns.
//!
//! For a network with few inputs (ACAS Xu has five), halving the input box tightens
//! every pre-activation bound and stabilises units much faster than fixing phases
//! one at a time, and a node of the split tree needs no LP: its bound is the node
//! propagation's (symbolic back-substitution over the sub-box). At such a node the
//! splitter
//!
//! - looks for a point of the sub-box that beats the target (a short projected
//!   sign-gradient attack from the box centre on the functions of the outputs that
//!   bound the objective, and on the rows over the outputs), and completes it to a
//!   point of the model (every network column by the forward pass, the one other
//!   column of each output row at its cheapest feasible value);
//! - chooses the input to halve by bounding both halves of every input (symbolic
//!   bounds refined from the node's over each half, the objective functions
//!   back-substituted): the input whose worse half gets the highest bound wins.
//!   This "strong" choice costs two bound computations per input but shrinks the
//!   split tree by one to two orders of magnitude on ACAS Xu (net 1_1 property 1:
//!   9171 nodes, 14.0 s with the "smear" rule, the largest `|gradient| x width` at
//!   the box centre; 53 nodes, 0.45 s by bounds). Bounding only the three inputs
//!   ranked first by `|a_i| x width_i` (`a` the input coefficients of the binding
//!   objective's linear bound) was faster on some files (2_7 property 1: 2.7 s
//!   against 3.9 s) but lost 2_3 property 1 (time-out at 15 s against 0.8 s), so
//!   every input is bounded. The smear rule remains for nodes without bounds.
//!
//! Every proposed point is checked against the model by the search before it is
//! accepted.

use super::NodePropagator;
use crate::bounds::{symbolic_refine, NetworkBounds};
use crate::model::ReluStructure;
use crate::nn::attack::{attack_in_box, gradient, margin, AttackSettings};
use crate::nn::property::{Case, LinearConstraint};

/// Networks with at most this many inputs are split on their inputs by default.
pub const INPUT_SPLIT_MAX_INPUTS: usize = 10;
/// Inputs narrower than this share of their root width (twelve halvings) are not
/// split further: a node whose inputs are all this narrow goes to the LP, which
/// decides it exactly with indicator branching (boxes that straddle a unit's
/// hyperplane near an optimum would otherwise be halved without end).
const MIN_RELATIVE_WIDTH: f64 = 1.0 / 4096.0;
/// Gradient steps of the attack at every split node (the first point is the
/// centre).
const NODE_ATTACK_STEPS: usize = 10;

/// One input split: the input column and the point where its range is halved.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct InputSplit {
    /// The input column.
    pub col: usize,
    /// The split point (strictly inside the column's node range).
    pub at: f64,
}

/// What the splitter found at a node.
#[derive(Clone, Debug, Default)]
pub struct SplitExploration {
    /// An input point whose outputs meet the target (to be completed and checked).
    pub candidate: Option<Vec<f64>>,
    /// The input to split, `None` when every input is at its smallest width.
    pub split: Option<InputSplit>,
    /// The objective bounds of the two halves (below and above the split point)
    /// when the split was chosen by bounding them; `+inf` for a half that holds no
    /// feasible point.
    pub child_bounds: Option<[f64; 2]>,
}

/// Input splitting over a compiled structure (see the module documentation).
#[derive(Clone, Debug)]
pub struct InputSplitter {
    /// The input columns, in input order.
    inputs: Vec<usize>,
    /// Width of every input at the root.
    root_width: Vec<f64>,
    /// Nodes at this depth or deeper are not split on inputs (none: no limit).
    max_depth: Option<u32>,
    /// A node whose best input split gains less than this share of its gap (from
    /// its bound to the target) in the worse half goes to the LP instead (none:
    /// input splits never stall).
    stall_share: Option<f64>,
}

impl InputSplitter {
    /// A splitter for `propagator`'s network with the root column bounds; `None`
    /// when an input is unbounded or fixed everywhere, when the network has more than
    /// `max_inputs` inputs, or when no function of the outputs bounds the objective
    /// or constrains the model (nothing would tell sub-boxes apart).
    pub fn new(
        propagator: &NodePropagator,
        root_lower: &[f64],
        root_upper: &[f64],
        max_inputs: usize,
    ) -> Option<InputSplitter> {
        let inputs = propagator.view().inputs.clone();
        if inputs.len() > max_inputs {
            return None;
        }
        let root_width: Vec<f64> = inputs
            .iter()
            .map(|&c| root_upper[c] - root_lower[c])
            .collect();
        if root_width.iter().any(|w| !w.is_finite()) || root_width.iter().all(|&w| w <= 0.0) {
            return None;
        }
        let constrained = propagator.output_rows.iter().any(|r| r.free.is_none());
        if propagator.objective_functions.is_empty() && !constrained {
            return None;
        }
        Some(InputSplitter {
            inputs,
            root_width,
            max_depth: None,
            stall_share: None,
        })
    }

    /// The splitter that leaves nodes at depth `depth` and deeper to the LP.
    pub fn with_max_depth(mut self, depth: u32) -> InputSplitter {
        self.max_depth = Some(depth);
        self
    }

    /// The splitter that leaves a node to the LP when its best split gains less
    /// than `share` of the node's gap in the worse half (see
    /// [`InputSplitter::stalls`]).
    pub fn with_stall_share(mut self, share: f64) -> InputSplitter {
        self.stall_share = Some(share);
        self
    }

    /// Whether input splitting has stalled at a node with objective bound `bound`
    /// and target `target` (minimisation form) whose best split bounds its halves
    /// by `halves`: the worse half gains less than the stall share of the gap.
    /// Never with no stall share, no half bounds or an infinite gap.
    pub fn stalls(&self, bound: f64, target: f64, halves: Option<[f64; 2]>) -> bool {
        match (self.stall_share, halves) {
            (Some(share), Some([below, above])) if target.is_finite() && bound.is_finite() => {
                below.min(above) - bound < share * (target - bound)
            }
            _ => false,
        }
    }

    /// The depth from which nodes are left to the LP, if any.
    pub fn max_depth(&self) -> Option<u32> {
        self.max_depth
    }

    /// The input columns.
    pub fn inputs(&self) -> &[usize] {
        &self.inputs
    }

    /// The output constraints a point must meet to reach an objective below
    /// `target` (minimisation form): every objective function below the target and
    /// every row over the outputs alone.
    fn case(&self, propagator: &NodePropagator, lower: &[f64], upper: &[f64], target: f64) -> Case {
        let sparse = |coefs: &[f64], sign: f64| -> Vec<(usize, f64)> {
            coefs
                .iter()
                .enumerate()
                .filter(|(_, &a)| a != 0.0)
                .map(|(i, &a)| (i, sign * a))
                .collect()
        };
        let mut output_constraints: Vec<LinearConstraint> = propagator
            .objective_functions
            .iter()
            .filter(|f| f.group.is_none())
            .map(|f| LinearConstraint {
                terms: sparse(&f.coefs, 1.0),
                rhs: f.constant + target,
            })
            .collect();
        for row in propagator.output_rows.iter().filter(|r| r.free.is_none()) {
            if row.upper.is_finite() {
                output_constraints.push(LinearConstraint {
                    terms: sparse(&row.coefs, 1.0),
                    rhs: row.upper,
                });
            }
            if row.lower.is_finite() {
                output_constraints.push(LinearConstraint {
                    terms: sparse(&row.coefs, -1.0),
                    rhs: -row.lower,
                });
            }
        }
        Case {
            input_lower: lower.to_vec(),
            input_upper: upper.to_vec(),
            input_constraints: Vec::new(),
            output_constraints,
        }
    }

    /// Chooses the input by bounding both halves of every input's split (symbolic
    /// bounds refined from the node's `bounds` over the half box): with a finite
    /// `target`, the one whose halves' bounds, each capped at the target, have the
    /// largest sum (ties broken by the worse half); without, the one whose worse
    /// half has the highest bound (ties broken by the better half). Returns the
    /// split and the halves' bounds.
    ///
    /// The worse half alone misleads once a box is small: a linear relaxation's
    /// minimum sits at a corner, the half holding that corner barely moves whatever
    /// input is halved, and the narrowest input (whose halves are nearly the
    /// parent) won again and again. On ACAS Xu net 1_1 property 5 case 3 that kept
    /// halving one input down to its smallest width with the bound stuck at -0.062
    /// for 60 s; by the sum (with the stall rule) the case is refuted in 4 s.
    fn split_by_bounds(
        &self,
        propagator: &NodePropagator,
        bounds: &NetworkBounds,
        target: f64,
    ) -> Option<(InputSplit, [f64; 2])> {
        let net = &propagator.view().net;
        let (lo, up) = (bounds.input_lower().to_vec(), bounds.input_upper().to_vec());
        let mut best: Option<(InputSplit, [f64; 2])> = None;
        for (i, &col) in self.inputs.iter().enumerate() {
            let (width, root) = (up[i] - lo[i], self.root_width[i]);
            let at = 0.5 * (lo[i] + up[i]);
            if root <= 0.0 || width <= MIN_RELATIVE_WIDTH * root || at <= lo[i] || at >= up[i] {
                continue;
            }
            let half = |below: bool| -> f64 {
                let (mut l, mut u) = (lo.clone(), up.clone());
                if below {
                    u[i] = at;
                } else {
                    l[i] = at;
                }
                let mut child = bounds.clone();
                child.set_input_box(&l, &u);
                if symbolic_refine(net, &mut child, 0).is_err() {
                    return f64::NEG_INFINITY;
                }
                if child.is_empty() {
                    return f64::INFINITY;
                }
                propagator.objective_bound(&child).unwrap_or(f64::INFINITY)
            };
            let values = [half(true), half(false)];
            let key = |v: &[f64; 2]| {
                if target.is_finite() {
                    (v[0].min(target) + v[1].min(target), v[0].min(v[1]))
                } else {
                    (v[0].min(v[1]), v[0].max(v[1]))
                }
            };
            let better = best.as_ref().is_none_or(|(_, b)| {
                let (new, old) = (key(&values), key(b));
                new.0 > old.0 || (new.0 == old.0 && new.1 > old.1)
            });
            if better {
                best = Some((InputSplit { col, at }, values));
            }
        }
        best
    }

    /// Attacks the node's input box (from the domain bounds `lower`, `upper`) for
    /// a point below `target` and chooses the input to split: by bounding the
    /// halves when the node's network `bounds` are given, else by the smear rule.
    pub fn explore(
        &self,
        propagator: &NodePropagator,
        lower: &[f64],
        upper: &[f64],
        target: f64,
        bounds: Option<&NetworkBounds>,
    ) -> SplitExploration {
        let lo: Vec<f64> = self.inputs.iter().map(|&c| lower[c]).collect();
        let up: Vec<f64> = self.inputs.iter().map(|&c| upper[c]).collect();
        let net = &propagator.view().net;
        let case = self.case(propagator, &lo, &up, target);
        let centre: Vec<f64> = lo.iter().zip(&up).map(|(l, u)| 0.5 * (l + u)).collect();
        let settings = AttackSettings {
            restarts: 1,
            skip: 0,
            steps: NODE_ATTACK_STEPS,
            seed: 0,
            deadline: None,
        };
        // Disjunctive models (objective functions under selectors) get no attack
        // here: the verification attack has tried every case over the whole box.
        let candidate = if case.output_constraints.is_empty() || propagator.has_groups() {
            None
        } else {
            attack_in_box(net, &case, &lo, &up, &settings)
        };
        if let Some((split, values)) =
            bounds.and_then(|b| self.split_by_bounds(propagator, b, target))
        {
            return SplitExploration {
                candidate,
                split: Some(split),
                child_bounds: Some(values),
            };
        }
        let g = if case.output_constraints.is_empty() {
            vec![0.0; lo.len()]
        } else {
            let (_, k) = margin(net, &case, &centre);
            gradient(net, &centre, &case.output_constraints[k].terms)
        };
        let mut split = None;
        let mut best_smear = -1.0;
        for (i, &col) in self.inputs.iter().enumerate() {
            let width = up[i] - lo[i];
            let root = self.root_width[i];
            if root <= 0.0 || width <= MIN_RELATIVE_WIDTH * root {
                continue;
            }
            // A zero gradient still lets the widest input be split.
            let smear = (g[i].abs() + 1e-12) * width / root;
            let at = 0.5 * (lo[i] + up[i]);
            if smear > best_smear && at > lo[i] && at < up[i] {
                best_smear = smear;
                split = Some(InputSplit { col, at });
            }
        }
        SplitExploration {
            candidate,
            split,
            child_bounds: None,
        }
    }

    /// The model point of input `x`: every column of `structure` by its forward pass,
    /// the other column of each output row at its cheapest value that meets the
    /// row (by its cost in `costs`, within `lower`, `upper`), other columns at the
    /// bound nearest to zero. `None` when the forward pass or an output row fails.
    pub fn complete(
        &self,
        propagator: &NodePropagator,
        structure: &ReluStructure,
        x: &[f64],
        costs: &[f64],
        lower: &[f64],
        upper: &[f64],
    ) -> Option<Vec<f64>> {
        let mut point: Vec<f64> = lower
            .iter()
            .zip(upper)
            .map(|(&l, &u)| 0.0f64.clamp(l, u.max(l)))
            .collect();
        for (&c, &v) in self.inputs.iter().zip(x) {
            point[c] = v;
        }
        if !structure.complete_point(&mut point) {
            return None;
        }
        let y = propagator.view().net.forward(x);
        let mut ranges: Vec<(usize, f64, f64)> = Vec::new();
        for row in &propagator.output_rows {
            let Some((c, a)) = row.free.filter(|_| row.selector.is_none()) else {
                continue;
            };
            let e: f64 = row.coefs.iter().zip(&y).map(|(a, v)| a * v).sum();
            let (lo, up) = ((row.lower - e) / a, (row.upper - e) / a);
            let (lo, up) = if a > 0.0 { (lo, up) } else { (up, lo) };
            match ranges.iter_mut().find(|r| r.0 == c) {
                Some(r) => {
                    r.1 = r.1.max(lo);
                    r.2 = r.2.min(up);
                }
                None => ranges.push((c, lo.max(lower[c]), up.min(upper[c]))),
            }
        }
        for (c, lo, up) in ranges {
            let value = if costs[c] >= 0.0 { lo } else { up };
            if !value.is_finite() {
                return None;
            }
            point[c] = value;
        }
        Some(point)
    }
}
