//! Classification accuracy of a network.

use crate::nn::Network;

/// Index of the largest score (the first one on ties; 0 for an empty slice).
pub fn argmax(scores: &[f64]) -> usize {
    let mut best = 0;
    for (i, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = i;
        }
    }
    best
}

/// Fraction of samples whose predicted class (the argmax of the network's outputs)
/// equals the label; 0 for no samples.
///
/// # Panics
/// If a feature vector does not have the network's input dimension.
pub fn accuracy(net: &Network, features: &[Vec<f64>], labels: &[usize]) -> f64 {
    if labels.is_empty() {
        return 0.0;
    }
    let correct = features
        .iter()
        .zip(labels)
        .filter(|(x, &c)| argmax(&net.forward(x)) == c)
        .count();
    correct as f64 / labels.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nn::{Activation, Layer};

    #[test]
    fn accuracy_of_a_hand_made_classifier() {
        // Scores (x0, x1): class 0 when x0 > x1.
        let net = Network::new(vec![Layer::from_rows(
            &[vec![1.0, 0.0], vec![0.0, 1.0]],
            vec![0.0, 0.0],
            Activation::Identity,
        )
        .unwrap()])
        .unwrap();
        let x = vec![
            vec![2.0, 1.0],
            vec![0.0, 3.0],
            vec![5.0, 4.0],
            vec![1.0, 1.0],
        ];
        // predictions 0, 1, 0, 0 (tie -> first)
        assert_eq!(accuracy(&net, &x, &[0, 1, 1, 1]), 0.5);
        assert_eq!(accuracy(&net, &x, &[0, 1, 0, 0]), 1.0);
        assert_eq!(accuracy(&net, &[], &[]), 0.0);
        assert_eq!(argmax(&[1.0, 3.0, 3.0]), 1);
    }
}
