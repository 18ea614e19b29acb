//! Simple rounding: round each fractional integer column in a direction in which no
//! row can become violated (a direction without locks). Runs at every node; costs one
//! pass over the fractional columns.

use super::{locks, HeuristicInput, PrimalHeuristic};
use crate::lp::LpEngine;

/// Lock-based rounding of the LP solution.
#[derive(Default)]
pub struct SimpleRounding {
    locks: Option<(Vec<u32>, Vec<u32>)>,
}

impl PrimalHeuristic for SimpleRounding {
    fn name(&self) -> &'static str {
        "simple-rounding"
    }

    fn should_run(&self, _input: &HeuristicInput<'_>) -> bool {
        true
    }

    fn uses_lp(&self) -> bool {
        false
    }

    fn completes(&self) -> bool {
        false
    }

    fn run(&mut self, input: &HeuristicInput<'_>, _lp: &mut dyn LpEngine) -> Option<Vec<f64>> {
        let (down, up) = self.locks.get_or_insert_with(|| locks(input.structure));
        let tol = input.integrality_tolerance;
        let mut x = input.x.to_vec();
        for (j, value) in x.iter_mut().enumerate() {
            if !input.structure.integral[j] {
                continue;
            }
            let frac = *value - value.floor();
            if frac <= tol || frac >= 1.0 - tol {
                *value = value.round();
                continue;
            }
            if down[j] == 0 {
                *value = value.floor();
            } else if up[j] == 0 {
                *value = value.ceil();
            } else {
                return None;
            }
        }
        Some(x)
    }
}
