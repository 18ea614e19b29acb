//! The dual ratio test with bound flipping and Harris tolerances.
//!
//! The leaving variable moves to its violated bound; the dual step `t >= 0` changes
//! each nonbasic reduced cost by `-t * alpha_j` (with `alpha` oriented by the leaving
//! direction). A candidate `j` limits `t` at `d_j / alpha_j`. Passing the breakpoint of
//! a boxed candidate is allowed while the dual objective still improves: the
//! candidate is then flipped to its other bound, and the slope (initially the primal
//! infeasibility) drops by `|alpha_j| * (u_j - l_j)`. At the final breakpoint a Harris
//! pass chooses, among candidates within the dual tolerance, the one with the largest
//! `|alpha_j|`.

use super::VarState;

/// Pivot entries smaller than this are not candidates.
pub const PIVOT_TOLERANCE: f64 = 1e-7;

/// Outcome of the ratio test.
#[derive(Debug, PartialEq)]
pub enum RatioResult {
    /// Variable `entering` enters; the variables in `flips` move to their other bound.
    Enter {
        /// Entering variable.
        entering: usize,
        /// Boxed variables to flip.
        flips: Vec<usize>,
    },
    /// No candidate: the dual is unbounded, the LP is infeasible.
    Infeasible,
}

/// Inputs of the ratio test.
pub struct RatioInput<'a> {
    /// Pivot row entries of nonbasic variables, by variable (already oriented: positive
    /// means the reduced cost decreases with the step).
    pub alpha: &'a [(usize, f64)],
    /// Reduced costs.
    pub d: &'a [f64],
    /// Variable states.
    pub state: &'a [VarState],
    /// Working bounds.
    pub lower: &'a [f64],
    /// Working bounds.
    pub upper: &'a [f64],
    /// Primal infeasibility of the leaving variable (positive).
    pub slope: f64,
    /// Dual feasibility tolerance.
    pub dual_tolerance: f64,
    /// A slope at or below this counts as zero (primal feasibility tolerance).
    pub primal_tolerance: f64,
}

/// Runs the ratio test.
pub fn ratio_test(input: &RatioInput<'_>) -> RatioResult {
    // Candidates: (ratio, variable, |alpha|).
    let mut cands: Vec<(f64, usize, f64)> = Vec::new();
    for &(j, a) in input.alpha {
        if a.abs() < PIVOT_TOLERANCE {
            continue;
        }
        let dj = input.d[j];
        let ratio = match input.state[j] {
            VarState::Basic => continue,
            VarState::AtLower if a > 0.0 => dj.max(0.0) / a,
            VarState::AtUpper if a < 0.0 => dj.min(0.0) / a,
            VarState::Free => dj.abs() / a.abs(),
            _ => continue,
        };
        if input.lower[j] == input.upper[j] {
            continue;
        }
        cands.push((ratio, j, a.abs()));
    }
    if cands.is_empty() {
        return RatioResult::Infeasible;
    }
    cands.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let mut slope = input.slope;
    let mut flips = Vec::new();
    let mut k = 0;
    while k < cands.len() {
        let (_, j, abs_a) = cands[k];
        let range = input.upper[j] - input.lower[j];
        let boxed = range.is_finite() && input.state[j] != VarState::Free;
        let passes = boxed && slope - abs_a * range > input.primal_tolerance;
        if passes && k + 1 < cands.len() {
            slope -= abs_a * range;
            flips.push(j);
            k += 1;
            continue;
        }
        if passes {
            // Every candidate can be flipped and the row is still infeasible.
            return RatioResult::Infeasible;
        }
        break;
    }
    // Harris pass over the remaining candidates.
    let remaining = &cands[k..];
    let bound = remaining
        .iter()
        .map(|&(r, _, abs_a)| r + input.dual_tolerance / abs_a)
        .fold(f64::INFINITY, f64::min);
    let mut best: Option<(usize, f64)> = None;
    for &(r, j, abs_a) in remaining {
        if r > bound {
            break;
        }
        if best.is_none_or(|(_, a)| abs_a > a) {
            best = Some((j, abs_a));
        }
    }
    match best {
        Some((entering, _)) => RatioResult::Enter { entering, flips },
        None => RatioResult::Infeasible,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flips_boxed_candidates_while_the_slope_stays_positive() {
        // Three at-lower candidates, the first two boxed with range 1.
        let alpha = [(0, 1.0), (1, 1.0), (2, 1.0)];
        let d = [0.1, 0.2, 0.3];
        let state = [VarState::AtLower; 3];
        let lower = [0.0; 3];
        let upper = [1.0, 1.0, f64::INFINITY];
        let input = RatioInput {
            alpha: &alpha,
            d: &d,
            state: &state,
            lower: &lower,
            upper: &upper,
            slope: 2.5,
            dual_tolerance: 1e-9,
            primal_tolerance: 1e-9,
        };
        assert_eq!(
            ratio_test(&input),
            RatioResult::Enter {
                entering: 2,
                flips: vec![0, 1]
            }
        );
        let input = RatioInput {
            slope: 0.5,
            ..input
        };
        assert_eq!(
            ratio_test(&input),
            RatioResult::Enter {
                entering: 0,
                flips: vec![]
            }
        );
    }

    #[test]
    fn no_candidate_means_infeasible() {
        let alpha = [(0, -1.0)];
        let d = [0.5];
        let state = [VarState::AtLower];
        let input = RatioInput {
            alpha: &alpha,
            d: &d,
            state: &state,
            lower: &[0.0],
            upper: &[1.0],
            slope: 1.0,
            dual_tolerance: 1e-9,
            primal_tolerance: 1e-9,
        };
        assert_eq!(ratio_test(&input), RatioResult::Infeasible);
    }
}
