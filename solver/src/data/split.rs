//! Seeded train/test splits and standardisation.

use super::Dataset;
use crate::rng::SplitMix64;

/// Sample indices of a train/test split.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Split {
    /// Training samples, in a seeded random order.
    pub train: Vec<usize>,
    /// Test samples, in a seeded random order.
    pub test: Vec<usize>,
}

/// Shuffles `items` in place (Fisher–Yates with the given generator).
pub(crate) fn shuffle<T>(items: &mut [T], rng: &mut SplitMix64) {
    for i in (1..items.len()).rev() {
        let j = (rng.next_u64() % (i as u64 + 1)) as usize;
        items.swap(i, j);
    }
}

/// Splits `n` samples into train and test sets with about `test_fraction` of them
/// in the test set, reproducibly for a seed.
///
/// With `labels`, the split is stratified: each class contributes
/// `round(test_fraction * count)` samples to the test set (at least one sample of
/// each class with two or more samples stays in the training set). The fraction is
/// clamped to `[0, 1]`.
pub fn train_test_split(
    n: usize,
    labels: Option<&[usize]>,
    test_fraction: f64,
    seed: u64,
) -> Split {
    let fraction = if test_fraction.is_nan() {
        0.0
    } else {
        test_fraction.clamp(0.0, 1.0)
    };
    let mut rng = SplitMix64::new(seed);
    let groups: Vec<Vec<usize>> = match labels {
        Some(labels) => {
            let classes = labels.iter().map(|&c| c + 1).max().unwrap_or(0);
            let mut groups = vec![Vec::new(); classes];
            for (i, &c) in labels.iter().enumerate().take(n) {
                groups[c].push(i);
            }
            groups
        }
        None => vec![(0..n).collect()],
    };
    let (mut train, mut test) = (Vec::new(), Vec::new());
    for mut group in groups {
        shuffle(&mut group, &mut rng);
        let mut k = (fraction * group.len() as f64).round() as usize;
        if labels.is_some() && group.len() >= 2 {
            k = k.min(group.len() - 1);
        }
        test.extend_from_slice(&group[..k]);
        train.extend_from_slice(&group[k..]);
    }
    shuffle(&mut train, &mut rng);
    shuffle(&mut test, &mut rng);
    Split { train, test }
}

/// Per-feature standardisation `(x - mean) / scale`, fitted on training data.
///
/// `scale` is the population standard deviation; a constant feature gets scale 1
/// (it becomes 0 everywhere), so the map is always defined.
#[derive(Clone, Debug, PartialEq)]
pub struct Standardizer {
    /// Mean of each feature.
    pub mean: Vec<f64>,
    /// Scale of each feature (standard deviation, or 1 for a constant feature).
    pub scale: Vec<f64>,
}

impl Standardizer {
    /// Fits the means and scales of `data`'s features.
    pub fn fit(data: &Dataset) -> Standardizer {
        let d = data.num_features();
        let n = data.len().max(1) as f64;
        let mut mean = vec![0.0; d];
        for x in &data.features {
            for (m, v) in mean.iter_mut().zip(x) {
                *m += v / n;
            }
        }
        let mut var = vec![0.0; d];
        for x in &data.features {
            for ((s, v), m) in var.iter_mut().zip(x).zip(&mean) {
                *s += (v - m) * (v - m) / n;
            }
        }
        let scale = var
            .iter()
            .map(|&v| {
                let s = v.sqrt();
                if s > 1e-12 {
                    s
                } else {
                    1.0
                }
            })
            .collect();
        Standardizer { mean, scale }
    }

    /// One standardised feature vector.
    pub fn transform(&self, x: &[f64]) -> Vec<f64> {
        x.iter()
            .zip(&self.mean)
            .zip(&self.scale)
            .map(|((v, m), s)| (v - m) / s)
            .collect()
    }

    /// A copy of `data` with standardised features.
    pub fn apply(&self, data: &Dataset) -> Dataset {
        Dataset {
            features: data.features.iter().map(|x| self.transform(x)).collect(),
            ..data.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stratified_split_is_seeded_and_complete() {
        let labels: Vec<usize> = (0..30).map(|i| i % 3).collect();
        let a = train_test_split(30, Some(&labels), 0.2, 7);
        let b = train_test_split(30, Some(&labels), 0.2, 7);
        assert_eq!(a, b);
        assert_eq!(a.test.len(), 6);
        for c in 0..3 {
            assert_eq!(a.test.iter().filter(|&&i| labels[i] == c).count(), 2);
        }
        let mut all: Vec<usize> = a.train.iter().chain(&a.test).copied().collect();
        all.sort_unstable();
        assert_eq!(all, (0..30).collect::<Vec<_>>());
        assert_ne!(a, train_test_split(30, Some(&labels), 0.2, 8));
        let plain = train_test_split(10, None, 0.3, 1);
        assert_eq!((plain.train.len(), plain.test.len()), (7, 3));
    }

    #[test]
    fn standardizer_centres_and_scales() {
        let d = Dataset {
            features: vec![vec![1.0, 5.0], vec![3.0, 5.0]],
            targets: vec![0.0, 1.0],
            class_names: vec![],
            source: String::new(),
        };
        let s = Standardizer::fit(&d);
        assert_eq!(s.mean, vec![2.0, 5.0]);
        assert_eq!(s.scale, vec![1.0, 1.0]);
        assert_eq!(s.apply(&d).features, vec![vec![-1.0, 0.0], vec![1.0, 0.0]]);
    }
}
