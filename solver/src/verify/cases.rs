//! The cases of a property as MILPs: grouping by input region and the feasibility
//! MILP of every case, as `export` writes them and the benchmark harness gives them to
//! other solvers.

use super::{case_bounds, pre_bounds, BoundsMethod};
use crate::error::Result;
use crate::formulate::{verification_milp, Formulation, NetworkMilp};
use crate::nn::property::{Case, Property};
use crate::nn::Network;
use std::time::Duration;

/// Groups of case indices with identical input regions (box and input constraints),
/// in order of first occurrence.
pub fn group_by_region(cases: &[Case]) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (i, c) in cases.iter().enumerate() {
        let same = groups.iter_mut().find(|g| {
            let f = &cases[g[0]];
            f.input_lower == c.input_lower
                && f.input_upper == c.input_upper
                && f.input_constraints == c.input_constraints
        });
        match same {
            Some(g) => g.push(i),
            None => groups.push(vec![i]),
        }
    }
    groups
}

/// How [`case_milps`] builds the MILPs.
#[derive(Clone, Copy, Debug)]
pub struct CaseMilpOptions {
    /// Pre-activation bounds.
    pub bounds: BoundsMethod,
    /// Seconds that LP tightening may use per input region.
    pub budget: Duration,
    /// MILP formulation.
    pub formulation: Formulation,
}

/// The verification MILP of every case of `property`, in the property's order, in
/// feasibility form (`t <= 0`: feasible exactly when the case has a
/// counterexample). Bounds are computed once per input region and shared by its
/// cases. Model names are `case<k>`.
pub fn case_milps(
    net: &Network,
    property: &Property,
    options: &CaseMilpOptions,
) -> Result<Vec<NetworkMilp>> {
    property.check_network(net)?;
    let mut milps: Vec<Option<NetworkMilp>> = vec![None; property.cases.len()];
    for group in group_by_region(&property.cases) {
        let first = &property.cases[group[0]];
        let bounds = case_bounds(net, first, options.bounds, options.budget)?;
        let pre = pre_bounds(&bounds);
        for k in group {
            let mut milp = verification_milp(net, &property.cases[k], &pre, options.formulation)?;
            milp.restrict_to_counterexamples();
            milp.model.name = format!("case{k}");
            milps[k] = Some(milp);
        }
    }
    Ok(milps.into_iter().flatten().collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nn::property::LinearConstraint;
    use crate::nn::{Activation, Layer};
    use crate::search::{solve, NoProgress, Settings, Status};

    fn case(lo: f64, output_rhs: f64) -> Case {
        Case {
            input_lower: vec![lo],
            input_upper: vec![1.0],
            input_constraints: Vec::new(),
            // y0 <= rhs
            output_constraints: vec![LinearConstraint {
                terms: vec![(0, 1.0)],
                rhs: output_rhs,
            }],
        }
    }

    #[test]
    fn one_milp_per_case_feasible_exactly_for_counterexamples() {
        // y = relu(x) - 0.5 relu(-x) over x in [lo, 1].
        let hidden =
            Layer::new(vec![1.0, -1.0], vec![0.0, 0.0], 1, Activation::Relu).expect("layer");
        let out = Layer::new(vec![1.0, -0.5], vec![0.0], 2, Activation::Identity).expect("layer");
        let net = Network::new(vec![hidden, out]).expect("network");
        // Case 0: y <= -0.6 has no point over [-1, 1] (min y = -0.5).
        // Case 1: y <= -0.4 has one (x = -1). Case 2: another region, y <= 0.
        let property = Property {
            num_inputs: 1,
            num_outputs: 1,
            cases: vec![case(-1.0, -0.6), case(-1.0, -0.4), case(0.0, 0.0)],
        };
        assert_eq!(group_by_region(&property.cases), vec![vec![0, 1], vec![2]]);
        let options = CaseMilpOptions {
            bounds: BoundsMethod::Symbolic,
            budget: Duration::ZERO,
            formulation: Formulation::BigM,
        };
        let milps = case_milps(&net, &property, &options).expect("built");
        assert_eq!(milps.len(), 3);
        let settings = Settings {
            threads: 1,
            ..Settings::default()
        };
        let statuses: Vec<Status> = milps
            .iter()
            .map(|m| {
                solve(&m.model, &settings, &NoProgress)
                    .expect("solves")
                    .status
            })
            .collect();
        assert_eq!(
            statuses,
            vec![Status::Infeasible, Status::Optimal, Status::Optimal]
        );
        assert_eq!(milps[2].model.name, "case2");
    }
}
