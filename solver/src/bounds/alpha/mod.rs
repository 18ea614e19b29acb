//! Optimised lower relaxation slopes (alpha-CROWN style) for lower bounds of linear
//! functions of a network's outputs.
//!
//! [`super::output_function_lower_bounds`] back-substitutes each function with every
//! unstable ReLU bounded below by `y >= a z`, `a` fixed by the adaptive rule (`1`
//! if `u > -l`, else `0`). Any `a` in `[0, 1]` gives a valid bound, and which one
//! gives the best depends on the function and on every other unit's slope.
//! [`optimised_output_lower_bounds`] treats the slopes as parameters and improves
//! them by a few steps of projected gradient ascent (Adam, `adam.rs`) on the bound,
//! with the gradient computed exactly by one backward and one forward pass
//! (`pass.rs`).
//!
//! One slope set per function: a set tuned for one function is in general poor for
//! another (the slopes that help `y_0 - y_1` are not those that help `y_0 - y_2`),
//! and a verified region needs only *one* of its functions proved positive, so
//! sharing would optimise a compromise no single function needs. The cost is one
//! pass pair per function and step, which for the few functions of a property is
//! small next to the symbolic bounds of the hidden layers.
//!
//! Every evaluated bound is sound in floating point (the rounding margin of the
//! module [`crate::bounds`] is added in every pass), so the best over all steps is
//! returned, and never less than the plain symbolic bound.

mod adam;
mod layers;
mod pass;
#[cfg(test)]
mod tests;

use super::{output_function_lower_bounds, NetworkBounds};
use crate::error::{Error, Result};
use crate::nn::Network;
use adam::Adam;
pub use layers::optimised_layer_bounds;
use pass::{Relaxed, Unit};

/// Settings of [`optimised_output_lower_bounds`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AlphaOptions {
    /// Gradient steps per function (`0`: only evaluate the starting slopes).
    pub steps: usize,
    /// Adam's learning rate (the size of the first steps on each slope).
    pub learning_rate: f64,
    /// Stop all optimisation as soon as one function's bound exceeds this value
    /// (`Some(0.0)` when one positive function decides the question).
    pub stop_above: Option<f64>,
}

impl Default for AlphaOptions {
    fn default() -> Self {
        AlphaOptions {
            steps: 10,
            learning_rate: 0.25,
            stop_above: None,
        }
    }
}

/// Lower slopes of every hidden unit, one set per output function:
/// `slope(r)[j][t]` for function `r`, hidden layer `j`, unit `t` (read only for
/// unstable units). Pass them back as a warm start, e.g. from a parent region to
/// its sub-regions.
#[derive(Clone, Debug, PartialEq)]
pub struct AlphaSlopes {
    rows: Vec<Vec<Vec<f64>>>,
}

impl AlphaSlopes {
    /// Number of functions.
    pub fn num_rows(&self) -> usize {
        self.rows.len()
    }

    /// The slopes of function `r`, per hidden layer and unit (`None` if out of
    /// range).
    pub fn row(&self, r: usize) -> Option<&[Vec<f64>]> {
        self.rows.get(r).map(Vec::as_slice)
    }
}

/// What [`optimised_output_lower_bounds`] returns.
#[derive(Clone, Debug)]
pub struct AlphaBounds {
    /// Lower bound of each function, sound, never below the symbolic bound.
    pub lower: Vec<f64>,
    /// The slopes of each function's best bound (the starting slopes for
    /// functions that were not optimised).
    pub slopes: AlphaSlopes,
    /// Back-substitution passes made (one per function and evaluated slope set).
    pub passes: usize,
}

/// Lower bounds of `c_r'y - d_r` for each row `(c_r, d_r)` of `rows` (`c_r` dense
/// over the outputs) over the input box of `bounds`, by back-substitution with
/// optimised lower slopes.
///
/// `bounds` gives the pre-activation bounds of the hidden units (the chord above
/// each unstable unit, and which units are stable). `phases`, if given, fixes units
/// (`phases[j][t]`: `Some(true)` active, `y = z`; `Some(false)` inactive, `y = 0`)
/// whatever their bounds say; the bound then holds for the inputs of the box on
/// which every fixed unit has its phase. `warm` gives starting slopes (used for the
/// functions and layers whose shape fits; the adaptive rule of
/// [`super::symbolic_bounds`] elsewhere). Functions are optimised in decreasing
/// order of their symbolic bound, each for `options.steps` Adam steps.
///
/// Fails with [`Error::Invalid`] if the bounds or the phases belong to a network of
/// another shape or a row has the wrong length.
pub fn optimised_output_lower_bounds(
    net: &Network,
    bounds: &NetworkBounds,
    phases: Option<&[Vec<Option<bool>>]>,
    rows: &[(Vec<f64>, f64)],
    warm: Option<&AlphaSlopes>,
    options: &AlphaOptions,
) -> Result<AlphaBounds> {
    let mut lower = output_function_lower_bounds(net, bounds, rows)?;
    check_phases(net, phases)?;
    let relaxed = Relaxed::new(net, bounds, phases);
    let heuristic = relaxed.heuristic_alphas(bounds);
    let mut slopes: Vec<Vec<Vec<f64>>> = (0..rows.len())
        .map(|r| warm_start(&heuristic, warm.and_then(|w| w.row(r))))
        .collect();
    let mut passes = 0;
    // Without unstable units only the start is evaluated (fixed phases can still
    // make it tighter than the symbolic bound).
    let has_unstable = relaxed
        .units
        .iter()
        .flatten()
        .any(|u| matches!(u, Unit::Unstable { .. }));
    let options = AlphaOptions {
        steps: if has_unstable { options.steps } else { 0 },
        ..*options
    };
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_by(|&a, &b| lower[b].total_cmp(&lower[a]));
    let done = |lower: &[f64]| {
        options
            .stop_above
            .is_some_and(|s| lower.iter().any(|&l| l > s))
    };
    for r in order {
        if done(&lower) {
            break;
        }
        let (c, d) = &rows[r];
        let (bound, best, count) = optimise(&relaxed, c, *d, &slopes[r], &options);
        passes += count;
        if bound > lower[r] {
            lower[r] = bound;
        }
        slopes[r] = best;
    }
    Ok(AlphaBounds {
        lower,
        slopes: AlphaSlopes { rows: slopes },
        passes,
    })
}

/// Adam ascent from `start` on one function; returns the best bound, its slopes,
/// and the number of passes.
fn optimise(
    relaxed: &Relaxed,
    c: &[f64],
    d: f64,
    start: &[Vec<f64>],
    options: &AlphaOptions,
) -> (f64, Vec<Vec<f64>>, usize) {
    let mut alphas = start.to_vec();
    let mut pass = relaxed.backward(c, d, &alphas);
    let mut passes = 1;
    let mut best = (pass.bound, alphas.clone());
    let mut adam = Adam::new(&relaxed.units, options.learning_rate);
    let mut grad: Vec<Vec<f64>> = alphas.iter().map(|l| vec![0.0; l.len()]).collect();
    for _ in 0..options.steps {
        if options.stop_above.is_some_and(|s| best.0 > s) {
            break;
        }
        relaxed.gradient(&pass, &alphas, &mut grad);
        if grad.iter().flatten().all(|&g| g == 0.0) {
            break;
        }
        adam.ascend(&relaxed.units, &mut alphas, &grad);
        pass = relaxed.backward(c, d, &alphas);
        passes += 1;
        if pass.bound > best.0 {
            best = (pass.bound, alphas.clone());
        }
    }
    (best.0, best.1, passes)
}

/// The starting slopes of one function: `warm` where its layer has the right
/// length and the value is in `[0, 1]`, the heuristic elsewhere.
fn warm_start(heuristic: &[Vec<f64>], warm: Option<&[Vec<f64>]>) -> Vec<Vec<f64>> {
    let mut start = heuristic.to_vec();
    if let Some(warm) = warm {
        for (s, w) in start.iter_mut().zip(warm) {
            if s.len() == w.len() {
                for (a, &b) in s.iter_mut().zip(w) {
                    if (0.0..=1.0).contains(&b) {
                        *a = b;
                    }
                }
            }
        }
    }
    start
}

/// Checks that `phases` (if given) has one entry per hidden unit of `net`.
fn check_phases(net: &Network, phases: Option<&[Vec<Option<bool>>]>) -> Result<()> {
    let Some(phases) = phases else {
        return Ok(());
    };
    let hidden = &net.layers()[..net.layers().len() - 1];
    let fits = phases.len() == hidden.len()
        && phases
            .iter()
            .zip(hidden)
            .all(|(p, l)| p.len() == l.output_dim());
    if fits {
        Ok(())
    } else {
        Err(Error::Invalid(
            "the fixed phases were given for a network of another shape".to_string(),
        ))
    }
}
