//! Checking a [`ReluStructure`] against a model: every column index in range,
//! indicators binary, units in layer order with affine maps that read only inputs,
//! constants and units of earlier layers, and points completed by a forward pass from
//! seeded random inputs that satisfy every row the structure determines.
//!
//! The rows checked are the *internal* rows: those whose columns all belong to the
//! structure (inputs, pre- and post-activations, indicators, linear units) or are
//! fixed, and that hold at least one column the forward pass computes other than an
//! output. Rows on the inputs alone (the input region) and rows on inputs and outputs
//! alone (a property) are not implied by the network and are left out.

use super::{Model, ReluStructure};
use crate::rng::SplitMix64;

/// Number of random inputs the forward-pass check tries.
const POINTS: usize = 8;
/// Seed of the forward-pass check's inputs.
const SEED: u64 = 0x5EED_0E1A;
/// Largest accepted row violation, relative to the row's magnitude at the point.
const TOLERANCE: f64 = 1e-6;

/// What a column is to the structure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    /// Not part of the structure.
    Outside,
    /// A network input.
    Input,
    /// Computed by the forward pass, at this layer.
    Computed(usize),
    /// An output column (computed, at this layer).
    Output(usize),
}

impl ReluStructure {
    /// Checks this structure against `model`: every column index in range, every
    /// indicator a binary column, every unit listed in layer order, every column
    /// computed by at most one unit, every affine map finite and reading only inputs,
    /// fixed columns and units of earlier layers, and (when the structure has a
    /// forward pass) points completed by [`ReluStructure::complete_point`] from a
    /// few seeded random inputs in the input columns' box satisfy every internal row
    /// (see the module documentation) within 1e-6 relative. The message says what
    /// is wrong, naming units by layer and neuron and columns and rows by name.
    pub fn validate(&self, model: &Model) -> Result<(), String> {
        let roles = self.roles(model)?;
        self.check_reads(model, &roles)?;
        if self.has_forward_pass() {
            self.check_forward_pass(model, &roles)?;
        }
        Ok(())
    }

    /// The role of every column, checking indices, indicators, layer order and
    /// that no column is computed twice.
    fn roles(&self, model: &Model) -> Result<Vec<Role>, String> {
        let n = model.num_cols();
        let name = |c: usize| model.variables[c].name.as_str();
        let in_range = |c: usize, what: &str| {
            if c < n {
                Ok(c)
            } else {
                Err(format!(
                    "{what}: column {c} out of range (the model has {n} columns)"
                ))
            }
        };
        let mut roles = vec![Role::Outside; n];
        for &c in &self.inputs {
            in_range(c, "input")?;
            if roles[c] != Role::Outside {
                return Err(format!("input column {} is listed twice", name(c)));
            }
            roles[c] = Role::Input;
        }
        let claim = |c: usize, role: Role, what: &str, roles: &mut Vec<Role>| {
            if roles[c] != Role::Outside {
                return Err(format!(
                    "{what}: column {} is already an input or computed by another unit",
                    name(c)
                ));
            }
            roles[c] = role;
            Ok(())
        };
        let mut last_layer = 0;
        for u in &self.units {
            let what = format!("unit (layer {}, neuron {})", u.layer, u.neuron);
            if u.layer < last_layer {
                return Err(format!("{what} is listed after a unit of a later layer"));
            }
            last_layer = u.layer;
            let (lo, up) = u.pre_bounds;
            if lo.is_nan() || up.is_nan() || lo > up {
                return Err(format!("{what}: pre-activation bounds [{lo}, {up}]"));
            }
            if let Some(p) = u.pre {
                claim(
                    in_range(p, &what)?,
                    Role::Computed(u.layer),
                    &what,
                    &mut roles,
                )?;
            }
            if let Some(y) = u.post.filter(|&y| Some(y) != u.pre) {
                claim(
                    in_range(y, &what)?,
                    Role::Computed(u.layer),
                    &what,
                    &mut roles,
                )?;
            }
            if let Some(z) = u.indicator {
                claim(
                    in_range(z, &what)?,
                    Role::Computed(u.layer),
                    &what,
                    &mut roles,
                )?;
                let v = &model.variables[z];
                if !(v.kind.is_integral() && v.lower >= 0.0 && v.upper <= 1.0) {
                    return Err(format!(
                        "{what}: indicator column {} is not binary",
                        name(z)
                    ));
                }
            }
        }
        let mut last_layer = 0;
        for u in &self.linear {
            let what = format!("linear unit (layer {}, neuron {})", u.layer, u.neuron);
            if u.layer < last_layer {
                return Err(format!("{what} is listed after a unit of a later layer"));
            }
            last_layer = u.layer;
            claim(
                in_range(u.column, &what)?,
                Role::Computed(u.layer),
                &what,
                &mut roles,
            )?;
        }
        for &c in &self.outputs {
            in_range(c, "output")?;
            match roles[c] {
                Role::Computed(layer) => roles[c] = Role::Output(layer),
                _ => {
                    return Err(format!(
                        "output column {} is computed by no unit (or listed twice)",
                        name(c)
                    ))
                }
            }
        }
        Ok(roles)
    }

    /// Every affine map is finite and reads only inputs, fixed columns and columns
    /// of earlier layers.
    fn check_reads(&self, model: &Model, roles: &[Role]) -> Result<(), String> {
        let maps = self
            .units
            .iter()
            .filter_map(|u| {
                u.affine.as_ref().map(|a| {
                    (
                        format!("unit (layer {}, neuron {})", u.layer, u.neuron),
                        u.layer,
                        a,
                    )
                })
            })
            .chain(self.linear.iter().map(|u| {
                (
                    format!("linear unit (layer {}, neuron {})", u.layer, u.neuron),
                    u.layer,
                    &u.affine,
                )
            }));
        for (what, layer, affine) in maps {
            if !affine.bias.is_finite() {
                return Err(format!("{what}: bias {}", affine.bias));
            }
            for &(c, a) in &affine.terms {
                let Some(role) = roles.get(c) else {
                    return Err(format!(
                        "{what}: reads column {c} out of range (the model has {} columns)",
                        model.num_cols()
                    ));
                };
                if !a.is_finite() {
                    return Err(format!("{what}: coefficient {a}"));
                }
                let v = &model.variables[c];
                let ok = match *role {
                    Role::Input => true,
                    Role::Computed(l) | Role::Output(l) => l < layer,
                    Role::Outside => v.lower == v.upper,
                };
                if !ok {
                    return Err(format!(
                        "{what}: reads column {}, which is neither an input, a fixed column \
                         nor a unit of an earlier layer",
                        v.name
                    ));
                }
            }
        }
        Ok(())
    }

    /// Points completed by a forward pass from random inputs satisfy every internal
    /// row.
    fn check_forward_pass(&self, model: &Model, roles: &[Role]) -> Result<(), String> {
        let internal: Vec<usize> = (0..model.num_rows())
            .filter(|&r| is_internal(model, roles, r))
            .collect();
        let start: Vec<f64> = model
            .variables
            .iter()
            .map(|v| {
                if v.lower == v.upper {
                    v.lower
                } else {
                    0.0_f64.clamp(v.lower.min(v.upper), v.upper.max(v.lower))
                }
            })
            .collect();
        let mut rng = SplitMix64::new(SEED);
        for _ in 0..POINTS {
            let mut point = start.clone();
            for &c in &self.inputs {
                let v = &model.variables[c];
                point[c] = sample(&mut rng, v.lower, v.upper);
            }
            if !self.complete_point(&mut point) {
                return Err("the forward pass cannot complete a point".into());
            }
            for &r in &internal {
                let row = &model.rows[r];
                let (activity, scale) = row.entries.iter().fold((0.0, 0.0), |(s, m), &(j, a)| {
                    (s + a * point[j], m + (a * point[j]).abs())
                });
                let tol = TOLERANCE * scale.max(1.0);
                let below = row.lower - activity;
                let above = activity - row.upper;
                let tol_lo = tol.max(TOLERANCE * row.lower.abs());
                let tol_up = tol.max(TOLERANCE * row.upper.abs());
                if below > tol_lo || above > tol_up || activity.is_nan() {
                    let inputs: Vec<String> = self
                        .inputs
                        .iter()
                        .map(|&c| format!("{}", point[c]))
                        .collect();
                    return Err(format!(
                        "row {} is violated by the forward pass from input ({}): \
                         activity {activity} outside [{}, {}]",
                        row.name,
                        inputs.join(", "),
                        row.lower,
                        row.upper
                    ));
                }
            }
        }
        Ok(())
    }
}

/// A row all of whose columns belong to the structure or are fixed, holding a
/// computed column other than an output.
fn is_internal(model: &Model, roles: &[Role], r: usize) -> bool {
    let row = &model.rows[r];
    let mut interior = false;
    for &(c, _) in &row.entries {
        match roles.get(c) {
            Some(Role::Computed(_)) => interior = true,
            Some(Role::Input | Role::Output(_)) => {}
            Some(Role::Outside) => {
                let v = &model.variables[c];
                if v.lower != v.upper {
                    return false;
                }
            }
            None => return false,
        }
    }
    interior
}

/// A random value within `[lower, upper]` (a unit-width range beside a single finite
/// side, `[-1, 1]` when both are infinite).
fn sample(rng: &mut SplitMix64, lower: f64, upper: f64) -> f64 {
    let (lo, up) = match (lower.is_finite(), upper.is_finite()) {
        (true, true) => (lower.min(upper), upper.max(lower)),
        (true, false) => (lower, lower + 1.0),
        (false, true) => (upper - 1.0, upper),
        (false, false) => (-1.0, 1.0),
    };
    rng.uniform(lo, up)
}
