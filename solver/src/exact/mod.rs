//! Exact re-checks of reported answers in rational arithmetic.
//!
//! Every answer relumip reports is already re-checked in `f64` with tolerances: a
//! MILP solution by [`crate::model::check_solution`], a counterexample of
//! [`crate::verify()`] by [`crate::verify::check_counterexample`], an adversarial input
//! by [`crate::adversarial::check_adversarial`]. The checks here repeat them without
//! any rounding: every `f64` is a dyadic rational and is converted exactly
//! ([`rational`]), and every sum and product is computed in big rationals
//! (`num-rational` over `num-bigint`), so the reported violations and margins are the
//! exact values of the model or network *as relumip holds it* (its `f64`
//! coefficients and weights).
//!
//! Each check answers two questions:
//! - *within the tolerances*: the same test as the `f64` check (same scaling, same
//!   tolerance), decided exactly instead of in floating point;
//! - *exactly*: with no tolerance at all. For a MILP solution, integer columns are
//!   first rounded to the nearest integer (continuous values are taken as given), and
//!   the rounded point must satisfy every bound and row exactly; for a counterexample,
//!   the input must lie in the case's region and the exact output must satisfy all
//!   of the case's output constraints, with no tolerance.

use crate::adversarial::{AdversarialQuery, ADVERSARIAL_TOLERANCE};
use crate::error::{Error, Result};
use crate::formulate::Decision;
use crate::model::{Model, Tolerances};
use crate::nn::property::{LinearConstraint, Property};
use crate::nn::{Activation, Network};
use crate::verify::COUNTEREXAMPLE_TOLERANCE;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};

/// A big rational number, as the exact checks compute with.
pub type Rational = BigRational;

/// The exact value of a finite `f64` (every finite `f64` is a dyadic rational);
/// `None` for infinities and NaN.
pub fn rational(value: f64) -> Option<Rational> {
    if value.is_finite() {
        BigRational::from_float(value)
    } else {
        None
    }
}

/// The `f64` nearest to `value` (for printing), infinite when out of range.
pub fn approx(value: &Rational) -> f64 {
    value.to_f64().unwrap_or(f64::NAN)
}

fn exact(value: f64, what: impl FnOnce() -> String) -> Result<Rational> {
    rational(value).ok_or_else(|| Error::Invalid(format!("{} is not finite: {value}", what())))
}

/// `max(1, |side|)`, the scale of a violation of `side`, as the `f64` checks use it.
fn scale(side: f64) -> Rational {
    rational(side.abs().max(1.0)).unwrap_or_else(Rational::one)
}

/// The violation of `lower <= value <= upper`, each side divided by `max(1, |side|)`
/// (the scaling of [`crate::model::check_solution`]); zero when satisfied.
fn scaled_violation(value: &Rational, lower: f64, upper: f64) -> Rational {
    let mut worst = Rational::zero();
    if let Some(lo) = rational(lower) {
        let below = (&lo - value) / scale(lower);
        if below > worst {
            worst = below;
        }
    }
    if let Some(up) = rational(upper) {
        let above = (value - &up) / scale(upper);
        if above > worst {
            worst = above;
        }
    }
    worst
}

fn max_assign(target: &mut Rational, value: Rational) {
    if value > *target {
        *target = value;
    }
}

/// `sum coef * x[j]` over `entries`, exactly.
fn exact_sum(entries: &[(usize, f64)], x: &[Rational]) -> Result<Rational> {
    let mut sum = Rational::zero();
    for &(j, a) in entries {
        if a == 0.0 || x[j].is_zero() {
            continue;
        }
        sum += exact(a, || format!("coefficient of column {j}"))? * &x[j];
    }
    Ok(sum)
}

/// The exact re-check of a MILP solution ([`check_solution_exactly`]).
#[derive(Clone, Debug, PartialEq)]
pub struct ExactSolutionCheck {
    /// Largest violation of a column bound, scaled by `max(1, |bound|)`.
    pub max_bound_violation: Rational,
    /// Largest violation of a row, scaled by `max(1, |side|)`.
    pub max_row_violation: Rational,
    /// Largest distance of an integer column's value to the nearest integer.
    pub max_integrality_violation: Rational,
    /// True when the point passes the `f64` check's test, decided exactly: every
    /// scaled bound and row violation at most the feasibility tolerance, every
    /// integrality violation at most the integrality tolerance.
    pub within_tolerances: bool,
    /// True when every integer column's value is exactly an integer.
    pub integral: bool,
    /// Largest scaled bound or row violation of the point with its integer columns
    /// rounded to the nearest integer (continuous values as given).
    pub rounded_max_violation: Rational,
    /// The objective of the given point, in the model's sense, exactly.
    pub objective: Rational,
    /// The worst excess over the tolerances, described, when the point fails them.
    pub worst: Option<String>,
}

impl ExactSolutionCheck {
    /// Largest scaled bound or row violation of the point as given.
    pub fn max_violation(&self) -> &Rational {
        if self.max_bound_violation > self.max_row_violation {
            &self.max_bound_violation
        } else {
            &self.max_row_violation
        }
    }

    /// True when the point with its integer columns rounded satisfies every bound
    /// and row with no tolerance.
    pub fn exactly_feasible(&self) -> bool {
        self.rounded_max_violation.is_zero()
    }

    /// One line for the log, e.g. `feasible within tolerances (max violation
    /// 3.2e-13, exact value), integral, exactly feasible`.
    pub fn summary(&self) -> String {
        let mut text = if self.within_tolerances {
            format!(
                "feasible within tolerances (max violation {:.1e}, exact value)",
                approx(self.max_violation())
            )
        } else {
            format!(
                "NOT feasible within tolerances: {}",
                self.worst.as_deref().unwrap_or("violation")
            )
        };
        if self.integral {
            text.push_str(", integral");
        } else {
            text.push_str(&format!(
                ", integer columns up to {:.1e} from an integer",
                approx(&self.max_integrality_violation)
            ));
        }
        if self.exactly_feasible() {
            text.push_str(if self.integral {
                ", exactly feasible"
            } else {
                ", exactly feasible with integer columns rounded"
            });
        } else {
            text.push_str(&format!(
                ", not exactly feasible (max violation {:.1e} with integer columns rounded)",
                approx(&self.rounded_max_violation)
            ));
        }
        text
    }
}

/// Re-checks `x` against every bound, row and integrality requirement of `model` in
/// exact rational arithmetic, with the scaling and tolerances of
/// [`crate::model::check_solution`] (see [`ExactSolutionCheck`] for what is
/// reported).
///
/// Fails with [`Error::Invalid`] when `x` has the wrong length or a value or
/// coefficient that is not finite.
pub fn check_solution_exactly(
    model: &Model,
    x: &[f64],
    tol: &Tolerances,
) -> Result<ExactSolutionCheck> {
    if x.len() != model.num_cols() {
        return Err(Error::Invalid(format!(
            "solution has {} values but the model has {} columns",
            x.len(),
            model.num_cols()
        )));
    }
    let feasibility = exact(tol.feasibility, || "feasibility tolerance".into())?;
    let integrality = exact(tol.integrality, || "integrality tolerance".into())?;
    let mut given = Vec::with_capacity(x.len());
    let mut rounded = Vec::with_capacity(x.len());
    let mut check = ExactSolutionCheck {
        max_bound_violation: Rational::zero(),
        max_row_violation: Rational::zero(),
        max_integrality_violation: Rational::zero(),
        within_tolerances: true,
        integral: true,
        rounded_max_violation: Rational::zero(),
        objective: Rational::zero(),
        worst: None,
    };
    // The worst excess over the tolerance so far, as a multiple of it.
    let mut worst_excess = Rational::zero();
    let mut note = |violation: &Rational, limit: &Rational, what: &dyn Fn() -> String| {
        if violation > limit {
            let excess = violation / limit;
            if excess > worst_excess {
                worst_excess = excess;
                return Some(what());
            }
        }
        None
    };
    for (v, &xj) in model.variables.iter().zip(x) {
        let value = exact(xj, || format!("value of column {}", v.name))?;
        let viol = scaled_violation(&value, v.lower, v.upper);
        if let Some(w) = note(&viol, &feasibility, &|| {
            format!(
                "column {} = {xj} outside [{}, {}]",
                v.name, v.lower, v.upper
            )
        }) {
            check.worst = Some(w);
        }
        max_assign(&mut check.max_bound_violation, viol);
        let near = if v.kind.is_integral() {
            let r = rational(xj.round()).unwrap_or_else(Rational::zero);
            let frac = (&value - &r).abs();
            if !frac.is_zero() {
                check.integral = false;
            }
            if let Some(w) = note(&frac, &integrality, &|| {
                format!("integer column {} = {xj} is fractional", v.name)
            }) {
                check.worst = Some(w);
            }
            max_assign(&mut check.max_integrality_violation, frac);
            max_assign(
                &mut check.rounded_max_violation,
                scaled_violation(&r, v.lower, v.upper),
            );
            r
        } else {
            max_assign(
                &mut check.rounded_max_violation,
                scaled_violation(&value, v.lower, v.upper),
            );
            value.clone()
        };
        if v.cost != 0.0 {
            check.objective += exact(v.cost, || format!("cost of column {}", v.name))? * &value;
        }
        given.push(value);
        rounded.push(near);
    }
    check.objective += exact(model.objective_constant, || "objective constant".into())?;
    let differs = !check.integral;
    for row in &model.rows {
        let activity = exact_sum(&row.entries, &given)?;
        let viol = scaled_violation(&activity, row.lower, row.upper);
        if let Some(w) = note(&viol, &feasibility, &|| {
            format!(
                "row {}: activity {} outside [{}, {}]",
                row.name,
                approx(&activity),
                row.lower,
                row.upper
            )
        }) {
            check.worst = Some(w);
        }
        let rounded_viol = if differs {
            let activity = exact_sum(&row.entries, &rounded)?;
            scaled_violation(&activity, row.lower, row.upper)
        } else {
            viol.clone()
        };
        max_assign(&mut check.rounded_max_violation, rounded_viol);
        max_assign(&mut check.max_row_violation, viol);
    }
    check.within_tolerances = check.worst.is_none();
    Ok(check)
}

/// The exact output of `net` on `input`: every affine map and ReLU evaluated in
/// rational arithmetic on the network's `f64` weights.
///
/// Fails with [`Error::Invalid`] when the input has the wrong length or a value that
/// is not finite.
pub fn exact_forward(net: &Network, input: &[f64]) -> Result<Vec<Rational>> {
    if input.len() != net.input_dim() {
        return Err(Error::Invalid(format!(
            "the input has {} values, the network {} inputs",
            input.len(),
            net.input_dim()
        )));
    }
    let mut values = input
        .iter()
        .enumerate()
        .map(|(j, &v)| exact(v, || format!("input {j}")))
        .collect::<Result<Vec<_>>>()?;
    for layer in net.layers() {
        let mut next = Vec::with_capacity(layer.output_dim());
        for (i, &b) in layer.bias().iter().enumerate() {
            let mut sum = exact(b, || format!("bias {i}"))?;
            for (w, v) in layer.row(i).iter().zip(&values) {
                if *w != 0.0 && !v.is_zero() {
                    sum += exact(*w, || "weight".into())? * v;
                }
            }
            if layer.activation() == Activation::Relu && sum.is_negative() {
                sum = Rational::zero();
            }
            next.push(sum);
        }
        values = next;
    }
    Ok(values)
}

/// `rhs - sum coef * v[index]` of a constraint, exactly: non-negative when it holds.
fn slack(c: &LinearConstraint, v: &[Rational]) -> Result<Rational> {
    let mut lhs = Rational::zero();
    for &(i, a) in &c.terms {
        let value = v
            .get(i)
            .ok_or_else(|| Error::Invalid(format!("constraint on variable {i}, out of range")))?;
        lhs += exact(a, || "constraint coefficient".into())? * value;
    }
    Ok(exact(c.rhs, || "constraint right-hand side".into())? - lhs)
}

/// How one case of a property fares on the input, exactly.
#[derive(Clone, Debug, PartialEq)]
pub struct ExactCaseCheck {
    /// Largest amount by which the input leaves the case's box or violates one of
    /// its input constraints (zero when the input lies in the region).
    pub input_excess: Rational,
    /// `min_k (rhs_k - c_k'y)` over the case's output constraints at the exact output
    /// `y`: non-negative when all of them hold.
    pub margin: Rational,
    /// True when the case holds with the tolerance of the `f64` counterexample check
    /// (input within it of the region, each output constraint within it scaled by
    /// `max(1, |rhs|)`).
    pub within_tolerance: bool,
}

impl ExactCaseCheck {
    /// True when the input lies in the region and every output constraint holds,
    /// with no tolerance.
    pub fn holds_exactly(&self) -> bool {
        self.input_excess.is_zero() && !self.margin.is_negative()
    }
}

/// The exact re-check of a counterexample ([`check_counterexample_exactly`]).
#[derive(Clone, Debug, PartialEq)]
pub struct ExactCounterexampleCheck {
    /// The case the counterexample was reported for.
    pub case: usize,
    /// The network's exact output on the input.
    pub output: Vec<Rational>,
    /// Every case of the property, in order.
    pub cases: Vec<ExactCaseCheck>,
}

impl ExactCounterexampleCheck {
    /// The reported case's check.
    pub fn reported(&self) -> &ExactCaseCheck {
        &self.cases[self.case]
    }

    /// A case that holds exactly (the reported one first), if any: then the input is
    /// a counterexample with no tolerance at all.
    pub fn exact_case(&self) -> Option<usize> {
        if self.reported().holds_exactly() {
            return Some(self.case);
        }
        self.cases.iter().position(ExactCaseCheck::holds_exactly)
    }

    /// True when the input is a counterexample of the property (the disjunction of
    /// its cases), exactly.
    pub fn holds_exactly(&self) -> bool {
        self.exact_case().is_some()
    }

    /// True when the input passes the `f64` check's test for the reported case,
    /// decided exactly, or is a counterexample exactly.
    pub fn within_tolerance(&self) -> bool {
        self.reported().within_tolerance || self.holds_exactly()
    }

    /// One line for the log, e.g. `counterexample confirmed exactly (case 0: input in
    /// the region, margin 1.2e-2)`.
    pub fn summary(&self) -> String {
        let r = self.reported();
        match self.exact_case() {
            Some(k) => format!(
                "counterexample confirmed exactly (case {k}: input in the region, margin {:.3e} >= 0)",
                approx(&self.cases[k].margin)
            ),
            None if r.within_tolerance => format!(
                "counterexample holds only within the tolerance {COUNTEREXAMPLE_TOLERANCE:e} (case {}: input {:.1e} outside the region, margin {:.3e} < 0)",
                self.case,
                approx(&r.input_excess),
                approx(&r.margin)
            ),
            None => format!(
                "counterexample REJECTED (case {}: input {:.1e} outside the region, margin {:.3e})",
                self.case,
                approx(&r.input_excess),
                approx(&r.margin)
            ),
        }
    }
}

/// Re-checks a counterexample of `property` on `net` exactly: an exact forward pass
/// ([`exact_forward`]), then, for every case, whether the input lies in its region
/// and how far the exact output is inside its output constraints (see
/// [`ExactCounterexampleCheck`]).
///
/// Fails with [`Error::Invalid`] when the case index, the input's length or a value
/// does not fit.
pub fn check_counterexample_exactly(
    net: &Network,
    property: &Property,
    case: usize,
    input: &[f64],
) -> Result<ExactCounterexampleCheck> {
    property.check_network(net)?;
    if case >= property.cases.len() {
        return Err(Error::Invalid(format!(
            "case {case} out of range ({} cases)",
            property.cases.len()
        )));
    }
    let output = exact_forward(net, input)?;
    let x: Vec<Rational> = input.iter().filter_map(|&v| rational(v)).collect();
    let tol = exact(COUNTEREXAMPLE_TOLERANCE, || "tolerance".into())?;
    let mut cases = Vec::with_capacity(property.cases.len());
    for c in &property.cases {
        let mut excess = Rational::zero();
        for (j, v) in x.iter().enumerate() {
            let lo = exact(c.input_lower[j], || format!("lower bound of input {j}"))?;
            let up = exact(c.input_upper[j], || format!("upper bound of input {j}"))?;
            max_assign(&mut excess, &lo - v);
            max_assign(&mut excess, v - &up);
        }
        for k in &c.input_constraints {
            max_assign(&mut excess, -slack(k, &x)?);
        }
        let mut margin: Option<Rational> = None;
        let mut outputs_within = true;
        for k in &c.output_constraints {
            let s = slack(k, &output)?;
            if s < -(&tol * scale(k.rhs)) {
                outputs_within = false;
            }
            if margin.as_ref().is_none_or(|m| s < *m) {
                margin = Some(s);
            }
        }
        cases.push(ExactCaseCheck {
            within_tolerance: outputs_within && excess <= tol,
            input_excess: excess,
            margin: margin.unwrap_or_else(Rational::zero),
        });
    }
    Ok(ExactCounterexampleCheck {
        case,
        output,
        cases,
    })
}

/// The exact re-check of an adversarial input ([`check_adversarial_exactly`]).
#[derive(Clone, Debug, PartialEq)]
pub struct ExactAdversarialCheck {
    /// The exact L1 distance to the reference.
    pub distance: Rational,
    /// Largest amount by which the input leaves the domain or the distance exceeds
    /// the largest allowed one (zero when inside).
    pub input_excess: Rational,
    /// `min_j (larger_j - smaller_j)` over the other classes `j` (for argmax,
    /// `y_t - margin * y_j`; for argmin, `y_j - margin * y_t`): non-negative when the
    /// classification with the margin holds exactly.
    pub margin: Rational,
    /// True when the input passes the `f64` check's test
    /// ([`crate::adversarial::check_adversarial`]), decided exactly.
    pub within_tolerance: bool,
}

impl ExactAdversarialCheck {
    /// True when the input lies in the domain, within the largest distance, and is
    /// classified as the target with the margin, with no tolerance.
    pub fn holds_exactly(&self) -> bool {
        self.input_excess.is_zero() && !self.margin.is_negative()
    }

    /// One line for the log.
    pub fn summary(&self) -> String {
        let what = if self.holds_exactly() {
            "adversarial input confirmed exactly"
        } else if self.within_tolerance {
            "adversarial input holds only within the tolerance"
        } else {
            "adversarial input REJECTED"
        };
        format!(
            "{what} (distance {:?}, margin {:.3e}, outside the domain by {:.1e})",
            approx(&self.distance),
            approx(&self.margin),
            approx(&self.input_excess)
        )
    }
}

/// Re-checks an adversarial input exactly: the domain, the L1 distance, and the
/// classification with the margin on the exact output (see
/// [`ExactAdversarialCheck`]).
///
/// Fails with [`Error::Invalid`] when the input's length, the target or a value does
/// not fit.
pub fn check_adversarial_exactly(
    net: &Network,
    query: &AdversarialQuery,
    input: &[f64],
) -> Result<ExactAdversarialCheck> {
    if input.len() != query.reference.len() {
        return Err(Error::Invalid(format!(
            "the input has {} values, the reference {}",
            input.len(),
            query.reference.len()
        )));
    }
    let output = exact_forward(net, input)?;
    if query.target >= output.len() {
        return Err(Error::Invalid(format!(
            "target class {} out of range ({} outputs)",
            query.target,
            output.len()
        )));
    }
    let tol = exact(ADVERSARIAL_TOLERANCE, || "tolerance".into())?;
    let tol_at = |v: f64| &tol * scale(v);
    let mut within = true;
    let mut excess = Rational::zero();
    let mut distance = Rational::zero();
    for (j, &v) in input.iter().enumerate() {
        let x = exact(v, || format!("input {j}"))?;
        let (lo, up) = (query.lower[j], query.upper[j]);
        let below = exact(lo, || "domain bound".into())? - &x;
        let above = &x - exact(up, || "domain bound".into())?;
        if below > tol_at(lo) || above > tol_at(up) {
            within = false;
        }
        max_assign(&mut excess, below);
        max_assign(&mut excess, above);
        distance += (x - exact(query.reference[j], || "reference".into())?).abs();
    }
    if let Some(limit) = query.max_distance {
        let over = &distance - exact(limit, || "largest distance".into())?;
        if over > tol_at(limit) {
            within = false;
        }
        max_assign(&mut excess, over);
    }
    let factor = exact(query.margin, || "margin".into())?;
    let target = &output[query.target];
    let mut margin: Option<Rational> = None;
    for (j, yj) in output.iter().enumerate() {
        if j == query.target {
            continue;
        }
        let (larger, smaller) = match query.decision {
            Decision::Argmax => (target.clone(), &factor * yj),
            Decision::Argmin => (yj.clone(), &factor * target),
        };
        // The f64 check: larger >= smaller - tol * max(1, |smaller|).
        let scale_smaller = if smaller.abs() > Rational::one() {
            smaller.abs()
        } else {
            Rational::one()
        };
        let gap = larger - &smaller;
        if gap < -(&tol * scale_smaller) {
            within = false;
        }
        if margin.as_ref().is_none_or(|m| gap < *m) {
            margin = Some(gap);
        }
    }
    Ok(ExactAdversarialCheck {
        distance,
        input_excess: excess,
        margin: margin.unwrap_or_else(Rational::zero),
        within_tolerance: within,
    })
}

#[cfg(test)]
mod tests;
