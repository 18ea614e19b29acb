//! The separators by family: adding a family is one variant of [`CutFamily`] and
//! one line here.

use super::{
    CutFamilies, CutFamily, GomorySeparator, KnapsackCoverSeparator, ReluSeparator, Separator,
};
use crate::model::ReluStructure;

/// What separators may be built from.
#[derive(Clone, Copy, Debug, Default)]
pub struct SeparatorSources<'a> {
    /// The model's ReLU structure, when it has one.
    pub relu: Option<&'a ReluStructure>,
}

/// The separator of `family`, when the sources allow one.
fn create<'a>(
    family: CutFamily,
    sources: &SeparatorSources<'a>,
) -> Option<Box<dyn Separator + 'a>> {
    match family {
        CutFamily::Relu => Some(Box::new(ReluSeparator::new(sources.relu?)?)),
        CutFamily::Gomory => Some(Box::new(GomorySeparator)),
        CutFamily::KnapsackCover => Some(Box::new(KnapsackCoverSeparator)),
    }
}

/// The separators of `families` that `sources` allow, in separation order
/// ([`CutFamily::ALL`]).
pub fn separators<'a>(
    families: CutFamilies,
    sources: &SeparatorSources<'a>,
) -> Vec<Box<dyn Separator + 'a>> {
    families.iter().filter_map(|f| create(f, sources)).collect()
}
