//! Descent over the linear regions of a ReLU network: a local search for a
//! counterexample that goes on where the gradient attack stops.
//!
//! On the region of the input box where every ReLU keeps its phase (an activation
//! pattern), the network is affine and the margin `t(x) = max_k (c_k'f(x) - d_k)` of
//! a case is minimised exactly by one LP. The descent starts from the pattern of a
//! point (an attack's end point), solves that LP, and looks at the units whose
//! pre-activation is zero at the optimum: the optimum lies on the border of the
//! regions where such a unit has the other phase, so flipping the unit keeps the
//! point feasible and its LP can only go lower. The first flip that lowers the
//! margin is taken, until a point with margin `<= 0` is found or no flip helps (a
//! local minimum of the piecewise-linear margin over the box).
//!
//! The attack's sign-gradient steps stall on counterexample regions that are thin
//! slivers (ACAS Xu 5_3 property 2: the smallest margin is about `-3e-5`, 2000
//! restarts end at `+3e-4` at best); the LP walks along region borders exactly.
//!
//! One LP holds every pattern, so a flip changes only column bounds and the dual
//! simplex re-solves warm: per ReLU unit a pre-activation column `z`, a
//! post-activation column `y` and a slack `s` with the row `y - z + s = 0`;
//! active: `z >= 0`, `s = 0` (so `y = z`); inactive: `z <= 0`, `y = 0`, `s` free.

use super::enumerate::constraint_row;
use crate::error::{Error, Result};
use crate::lp::{LpBackend, LpEngine, LpLimits, LpProblem, LpRow, LpStatus};
use crate::nn::attack::margin;
use crate::nn::property::Case;
use crate::nn::{Activation, Network};
use std::time::Instant;

const INF: f64 = f64::INFINITY;

/// A pre-activation this close to zero (scaled by `max(1, |bias|)`) marks a unit
/// on whose border the LP optimum lies.
const TIGHT: f64 = 1e-7;

/// An LP value must drop by at least this much for a flip to be taken.
const MIN_GAIN: f64 = 1e-9;

/// The columns of one ReLU unit in the region LP.
#[derive(Clone, Copy, Debug)]
struct UnitColumns {
    /// Pre-activation.
    pre: usize,
    /// Post-activation.
    post: usize,
    /// Slack of `post - pre + slack = 0`.
    slack: usize,
    /// Scale of the tightness test (`max(1, |bias|)`).
    scale: f64,
}

/// The region LP of one case (see the module documentation) and the phase of
/// every unit it currently holds.
pub struct RegionDescent<'a> {
    net: &'a Network,
    case: &'a Case,
    lp: Box<dyn LpEngine>,
    units: Vec<UnitColumns>,
    active: Vec<bool>,
    /// LPs solved so far.
    lps: usize,
}

/// What one descent ended with.
#[derive(Clone, Debug)]
pub struct DescentEnd {
    /// The last LP point's input (inside the case's box).
    pub input: Vec<f64>,
    /// Its margin by the forward pass (`<= 0`: a counterexample candidate).
    pub margin: f64,
}

impl<'a> RegionDescent<'a> {
    /// The region LP of `case` on `net`. Fails with [`Error::Invalid`] when the
    /// case has no output constraints (no margin to minimise), does not fit the
    /// network, or the last layer is not affine.
    pub fn new(net: &'a Network, case: &'a Case) -> Result<Self> {
        let d = net.input_dim();
        if case.input_lower.len() != d || case.input_upper.len() != d {
            return Err(Error::Invalid(format!(
                "a case box of {} inputs for a network of {d}",
                case.input_lower.len()
            )));
        }
        if case.output_constraints.is_empty() {
            return Err(Error::Invalid("a case without output constraints".into()));
        }
        if net
            .layers()
            .last()
            .is_some_and(|layer| layer.activation() != Activation::Identity)
        {
            return Err(Error::Invalid(
                "region descent needs an affine last layer".into(),
            ));
        }
        let mut p = LpProblem {
            costs: vec![0.0; d],
            col_lower: case.input_lower.clone(),
            col_upper: case.input_upper.clone(),
            rows: Vec::new(),
        };
        let add_col = |p: &mut LpProblem, lower: f64, upper: f64| {
            p.costs.push(0.0);
            p.col_lower.push(lower);
            p.col_upper.push(upper);
            p.costs.len() - 1
        };
        let mut values: Vec<usize> = (0..d).collect();
        let mut units = Vec::new();
        for layer in net.layers() {
            let mut next = Vec::with_capacity(layer.output_dim());
            for (i, &bias) in layer.bias().iter().enumerate() {
                // All units start active: z >= 0, y free, s = 0.
                let pre = add_col(
                    &mut p,
                    if layer.activation() == Activation::Relu {
                        0.0
                    } else {
                        -INF
                    },
                    INF,
                );
                let mut entries: Vec<(usize, f64)> = layer
                    .row(i)
                    .iter()
                    .zip(&values)
                    .filter(|(&w, _)| w != 0.0)
                    .map(|(&w, &c)| (c, -w))
                    .collect();
                entries.push((pre, 1.0));
                p.rows.push(LpRow {
                    entries,
                    lower: bias,
                    upper: bias,
                });
                match layer.activation() {
                    Activation::Relu => {
                        let post = add_col(&mut p, -INF, INF);
                        let slack = add_col(&mut p, 0.0, 0.0);
                        p.rows.push(LpRow {
                            entries: vec![(pre, -1.0), (post, 1.0), (slack, 1.0)],
                            lower: 0.0,
                            upper: 0.0,
                        });
                        units.push(UnitColumns {
                            pre,
                            post,
                            slack,
                            scale: bias.abs().max(1.0),
                        });
                        next.push(post);
                    }
                    Activation::Identity => next.push(pre),
                }
            }
            values = next;
        }
        let inputs: Vec<usize> = (0..d).collect();
        for c in &case.input_constraints {
            p.rows.push(constraint_row(c, &inputs, None, "input")?);
        }
        let t = add_col(&mut p, -INF, INF);
        p.costs[t] = 1.0;
        for c in &case.output_constraints {
            p.rows.push(constraint_row(c, &values, Some(t), "output")?);
        }
        for row in &mut p.rows {
            row.entries.sort_by_key(|e| e.0);
        }
        let active = vec![true; units.len()];
        Ok(RegionDescent {
            net,
            case,
            lp: LpBackend::DualSimplex.create(&p),
            units,
            active,
            lps: 0,
        })
    }

    /// LPs solved so far.
    pub fn lps(&self) -> usize {
        self.lps
    }

    /// Sets unit `j`'s phase in the LP.
    fn set_phase(&mut self, j: usize, active: bool) {
        let u = self.units[j];
        if active {
            self.lp.set_col_bounds(u.pre, 0.0, INF);
            self.lp.set_col_bounds(u.post, -INF, INF);
            self.lp.set_col_bounds(u.slack, 0.0, 0.0);
        } else {
            self.lp.set_col_bounds(u.pre, -INF, 0.0);
            self.lp.set_col_bounds(u.post, 0.0, 0.0);
            self.lp.set_col_bounds(u.slack, -INF, INF);
        }
        self.active[j] = active;
    }

    /// Solves the LP of the current pattern; its value, or `None` when it is not
    /// optimal (infeasible only through rounding, or past the deadline).
    fn solve(&mut self, deadline: Option<Instant>) -> Option<f64> {
        self.lps += 1;
        let limits = LpLimits {
            deadline,
            ..LpLimits::default()
        };
        (self.lp.solve(&limits) == LpStatus::Optimal).then(|| self.lp.objective())
    }

    /// The current LP point's input, clamped into the box.
    fn lp_input(&self) -> Vec<f64> {
        let primal = self.lp.primal();
        (0..self.net.input_dim())
            .map(|i| {
                primal
                    .get(i)
                    .copied()
                    .unwrap_or(0.0)
                    .clamp(self.case.input_lower[i], self.case.input_upper[i])
            })
            .collect()
    }

    /// Descends from the pattern of `start` (see the module documentation), solving
    /// at most `max_lps` LPs and stopping at `deadline`. Returns the last point and
    /// its margin; `None` when the first LP fails.
    pub fn descend(
        &mut self,
        start: &[f64],
        max_lps: usize,
        deadline: Option<Instant>,
    ) -> Option<DescentEnd> {
        let values = self.net.forward_all_layers(start);
        let pattern: Vec<bool> = self
            .net
            .layers()
            .iter()
            .zip(&values)
            .filter(|(layer, _)| layer.activation() == Activation::Relu)
            .flat_map(|(_, v)| v.pre.iter().map(|&z| z > 0.0))
            .collect();
        for (j, &a) in pattern.iter().enumerate() {
            if self.active.get(j) != Some(&a) {
                self.set_phase(j, a);
            }
        }
        let budget_end = self.lps + max_lps;
        let mut value = self.solve(deadline)?;
        let mut input = self.lp_input();
        loop {
            let margin = margin(self.net, self.case, &input).0;
            if margin <= 0.0 || self.lps >= budget_end || crate::interrupt::past(deadline) {
                return Some(DescentEnd { input, margin });
            }
            let primal = self.lp.primal().to_vec();
            let tight: Vec<usize> = (0..self.units.len())
                .filter(|&j| {
                    let u = self.units[j];
                    primal
                        .get(u.pre)
                        .is_some_and(|z| z.abs() <= TIGHT * u.scale)
                })
                .collect();
            let mut improved = false;
            for j in tight {
                if self.lps >= budget_end {
                    break;
                }
                let phase = self.active[j];
                self.set_phase(j, !phase);
                match self.solve(deadline) {
                    Some(v) if v < value - MIN_GAIN => {
                        value = v;
                        input = self.lp_input();
                        improved = true;
                        break;
                    }
                    _ => self.set_phase(j, phase),
                }
            }
            if !improved {
                // A local minimum; `input` is the kept pattern's point (the LP may
                // hold a rejected flip's solution, which the next descent replaces).
                return Some(DescentEnd { input, margin });
            }
        }
    }
}
