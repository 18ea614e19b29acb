//! Optimised slopes for the hidden layers' own bounds.
//!
//! Each unstable pre-activation `z_{k,i}` of a hidden ReLU layer `k > 0` is bounded
//! below (function `e_i`) and above (function `-e_i`) over the sub-network that
//! ends at layer `k`, each with its own slopes optimised as for the output
//! functions, starting from the adaptive rule (so each side is never looser than
//! the symbolic back-substitution from the same bounds). Layers are done in order,
//! so every layer's chords use the bounds just tightened before it. One slope set
//! per bound makes this `2 * unstable * (steps + 1)` passes per layer, each
//! through the `k` layers before: far more than the output functions.

use super::pass::{Relaxed, Unit};
use super::{check_phases, optimise, AlphaOptions};
use crate::bounds::{NetworkBounds, Stability};
use crate::error::Result;
use crate::nn::{Activation, Network};

/// Tightens the pre-activation bounds of the unstable units of the hidden ReLU
/// layers `1..` of `bounds` by back-substitution with optimised lower slopes (see
/// the module documentation of [`super`]; `phases` as there). Returns the number
/// of back-substitution passes made.
///
/// Fails with [`crate::Error::Invalid`] if the bounds or the phases belong to a
/// network of another shape.
pub fn optimised_layer_bounds(
    net: &Network,
    bounds: &mut NetworkBounds,
    phases: Option<&[Vec<Option<bool>>]>,
    options: &AlphaOptions,
) -> Result<usize> {
    bounds.check_shape(net)?;
    check_phases(net, phases)?;
    let mut passes = 0;
    let options = AlphaOptions {
        stop_above: None,
        ..*options
    };
    for k in 1..net.layers().len() - 1 {
        if net.layers()[k].activation() != Activation::Relu {
            continue;
        }
        let relaxed = Relaxed::up_to(net, bounds, phases, k);
        if !relaxed
            .units
            .iter()
            .flatten()
            .any(|u| matches!(u, Unit::Unstable { .. }))
        {
            continue;
        }
        let start = relaxed.heuristic_alphas(bounds);
        let n = net.layers()[k].output_dim();
        let mut tightened = Vec::new();
        for i in 0..n {
            let fixed = phases
                .and_then(|p| p.get(k))
                .and_then(|p| p.get(i).copied())
                .flatten()
                .is_some();
            if fixed || bounds.stability(k, i) != Stability::Unstable {
                continue;
            }
            let mut c = vec![0.0; n];
            c[i] = 1.0;
            let (lower, _, lower_passes) = optimise(&relaxed, &c, 0.0, &start, &options);
            c[i] = -1.0;
            let (negated_upper, _, upper_passes) = optimise(&relaxed, &c, 0.0, &start, &options);
            passes += lower_passes + upper_passes;
            tightened.push((i, lower, -negated_upper));
        }
        for (i, lower, upper) in tightened {
            bounds.tighten(k, i, lower, upper);
        }
    }
    Ok(passes)
}
