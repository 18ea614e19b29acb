//! Interval bound propagation (IBP): interval arithmetic through each affine map,
//! the activation applied to the interval ends.

use super::{max_abs, outward, NetworkBounds};
use crate::error::Result;
use crate::nn::{Layer, Network};

/// Interval bounds of every neuron of `net` over the input box `[lower, upper]`.
///
/// Each pre-activation `w'y + b` is bounded by `b + sum_j min/max(w_j l_j, w_j u_j)`
/// over the bounds `[l, u]` of the layer's inputs, widened by the rounding margin
/// (see [`crate::bounds`]). Exact for the first layer; loose after a few layers,
/// since it forgets how neurons of a layer depend on each other.
///
/// Fails with [`crate::Error::Invalid`] if the box does not fit the network
/// ([`super::check_input_box`]).
pub fn interval_bounds(net: &Network, lower: &[f64], upper: &[f64]) -> Result<NetworkBounds> {
    let mut bounds = NetworkBounds::unbounded(net, lower, upper)?;
    for k in 0..net.layers().len() {
        tighten_layer(net, &mut bounds, k);
    }
    Ok(bounds)
}

/// Intersects the bounds of layer `k` with the interval image of the current
/// bounds of its inputs.
pub(crate) fn tighten_layer(net: &Network, bounds: &mut NetworkBounds, k: usize) {
    let (in_lower, in_upper) = bounds.layer_input(k);
    let (lo, up) = layer_image(&net.layers()[k], in_lower, in_upper);
    for (i, (l, u)) in lo.into_iter().zip(up).enumerate() {
        bounds.tighten(k, i, l, u);
    }
}

/// The interval image of the box `[in_lower, in_upper]` under the affine part of
/// `layer`, widened by the rounding margin.
///
/// Monotone: a smaller input box gives a result inside the result for a larger
/// one, also in floating point (rounding to nearest is monotone, and so is the
/// margin), which makes bounds computed from tighter inputs never looser.
pub(crate) fn layer_image(
    layer: &Layer,
    in_lower: &[f64],
    in_upper: &[f64],
) -> (Vec<f64>, Vec<f64>) {
    let n = layer.output_dim();
    let mut lower = Vec::with_capacity(n);
    let mut upper = Vec::with_capacity(n);
    for (i, &b) in layer.bias().iter().enumerate() {
        let (mut lo, mut up, mut magnitude) = (b, b, b.abs());
        for ((&w, &l), &u) in layer.row(i).iter().zip(in_lower).zip(in_upper) {
            if w >= 0.0 {
                lo += w * l;
                up += w * u;
            } else {
                lo += w * u;
                up += w * l;
            }
            magnitude += w.abs() * max_abs(l, u);
        }
        let (lo, up) = outward(lo, up, magnitude);
        lower.push(lo);
        upper.push(up);
    }
    (lower, upper)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nn::Activation;

    #[test]
    fn image_of_a_box() {
        // [x - 2y + 1, 3x] over x in [-1, 2], y in [0, 1]
        let layer = Layer::from_rows(
            &[vec![1.0, -2.0], vec![3.0, 0.0]],
            vec![1.0, 0.0],
            Activation::Relu,
        )
        .unwrap();
        let (lo, up) = layer_image(&layer, &[-1.0, 0.0], &[2.0, 1.0]);
        let expect = [(-2.0, 3.0), (-3.0, 6.0)];
        for i in 0..2 {
            assert!(lo[i] <= expect[i].0 && lo[i] > expect[i].0 - 1e-7);
            assert!(up[i] >= expect[i].1 && up[i] < expect[i].1 + 1e-7);
        }
    }

    #[test]
    fn rejects_a_bad_box() {
        let net = Network::new(vec![Layer::from_rows(
            &[vec![1.0, 1.0]],
            vec![0.0],
            Activation::Identity,
        )
        .unwrap()])
        .unwrap();
        assert!(interval_bounds(&net, &[0.0], &[1.0]).is_err());
        assert!(interval_bounds(&net, &[0.0, 2.0], &[1.0, 1.0]).is_err());
        assert!(interval_bounds(&net, &[0.0, f64::NAN], &[1.0, 1.0]).is_err());
        assert!(interval_bounds(&net, &[0.0, 0.0], &[1.0, f64::INFINITY]).is_err());
        assert!(interval_bounds(&net, &[0.0, 0.0], &[1.0, 1.0]).is_ok());
    }
}
