//! Data sets for training MILPs: reading and writing CSV files, seeded train/test
//! splits, standardisation, and generated regression data from a planted sparse
//! teacher network.
//!
//! A [`Dataset`] holds one row of features and one target per sample. For
//! classification the target is the class index (`0, 1, ...`); for regression it is
//! any real number.

mod csv;
mod planted;
mod split;

pub use csv::{parse_csv, read_csv, write_csv};
pub use planted::{planted, PlantedSpec};
pub use split::{train_test_split, Split, Standardizer};

use crate::error::{Error, Result};

/// Samples with real features and one target each.
#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    /// One feature vector per sample, all of the same length.
    pub features: Vec<Vec<f64>>,
    /// One target per sample (a class index for classification data).
    pub targets: Vec<f64>,
    /// Class names from the file's header line (empty when the file has none).
    pub class_names: Vec<String>,
    /// Where the data came from (the file name as given), for messages.
    pub source: String,
}

impl Dataset {
    /// Number of samples.
    pub fn len(&self) -> usize {
        self.targets.len()
    }

    /// True when there is no sample.
    pub fn is_empty(&self) -> bool {
        self.targets.is_empty()
    }

    /// Number of features per sample.
    pub fn num_features(&self) -> usize {
        self.features.first().map_or(0, Vec::len)
    }

    /// The targets as class indices, and the number of classes (the largest index
    /// plus one, at least the number of class names in the header).
    ///
    /// Fails with [`Error::Invalid`] naming the first sample whose target is not a
    /// non-negative integer, or when fewer than two classes occur.
    pub fn class_labels(&self) -> Result<(Vec<usize>, usize)> {
        let mut labels = Vec::with_capacity(self.len());
        for (n, &t) in self.targets.iter().enumerate() {
            if !(t >= 0.0 && t.fract() == 0.0 && t < 1e9) {
                return Err(Error::Invalid(format!(
                    "{}: sample {} has target {t}, which is not a class index (0, 1, 2, ...)",
                    self.source,
                    n + 1
                )));
            }
            labels.push(t as usize);
        }
        let classes = labels
            .iter()
            .map(|&c| c + 1)
            .max()
            .unwrap_or(0)
            .max(self.class_names.len());
        if classes < 2 {
            return Err(Error::Invalid(format!(
                "{}: classification needs at least two classes, found {classes}",
                self.source
            )));
        }
        Ok((labels, classes))
    }

    /// The samples at `indices`, in that order.
    ///
    /// # Panics
    /// If an index is out of range.
    pub fn subset(&self, indices: &[usize]) -> Dataset {
        Dataset {
            features: indices.iter().map(|&i| self.features[i].clone()).collect(),
            targets: indices.iter().map(|&i| self.targets[i]).collect(),
            class_names: self.class_names.clone(),
            source: self.source.clone(),
        }
    }
}
