//! Cut families by name, and sets of them (what the settings switch on).

use std::fmt;
use std::str::FromStr;

/// A family of cutting planes: one separator each.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CutFamily {
    /// Inequalities of the ideal formulation of single ReLU units
    /// ([`super::ReluSeparator`]).
    Relu,
    /// Gomory mixed-integer cuts from the optimal tableau
    /// ([`super::GomorySeparator`]).
    Gomory,
    /// Extended covers of knapsack rows over binaries
    /// ([`super::KnapsackCoverSeparator`]).
    KnapsackCover,
}

impl CutFamily {
    /// Every family, in the order a round separates them.
    pub const ALL: [CutFamily; 3] = [CutFamily::Relu, CutFamily::Gomory, CutFamily::KnapsackCover];

    /// The name used on the command line, in logs and in statistics files.
    pub fn name(self) -> &'static str {
        match self {
            CutFamily::Relu => "relu",
            CutFamily::Gomory => "gomory",
            CutFamily::KnapsackCover => "knapsack-cover",
        }
    }

    /// The family of a name (as [`CutFamily::name`] writes it).
    pub fn from_name(name: &str) -> Option<CutFamily> {
        CutFamily::ALL.into_iter().find(|f| f.name() == name)
    }

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

impl fmt::Display for CutFamily {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A set of cut families. The default is every family.
///
/// Written as `all`, `none`, or a comma-separated list of family names:
///
/// ```
/// use relumip_solver::cuts::{CutFamilies, CutFamily};
///
/// let families: CutFamilies = "relu,gomory".parse().expect("known names");
/// assert!(families.contains(CutFamily::Relu) && !families.contains(CutFamily::KnapsackCover));
/// assert_eq!(families.to_string(), "relu,gomory");
/// assert_eq!("all".parse::<CutFamilies>(), Ok(CutFamilies::all()));
/// assert!("none".parse::<CutFamilies>().expect("known").is_empty());
/// assert!("relu,lift".parse::<CutFamilies>().is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CutFamilies {
    bits: u8,
}

impl CutFamilies {
    /// Every family.
    pub fn all() -> CutFamilies {
        CutFamily::ALL
            .into_iter()
            .fold(CutFamilies::none(), CutFamilies::with)
    }

    /// No family: no cuts.
    pub fn none() -> CutFamilies {
        CutFamilies { bits: 0 }
    }

    /// This set and `family`.
    pub fn with(self, family: CutFamily) -> CutFamilies {
        CutFamilies {
            bits: self.bits | family.bit(),
        }
    }

    /// This set without `family`.
    pub fn without(self, family: CutFamily) -> CutFamilies {
        CutFamilies {
            bits: self.bits & !family.bit(),
        }
    }

    /// True when `family` is in the set.
    pub fn contains(self, family: CutFamily) -> bool {
        self.bits & family.bit() != 0
    }

    /// True when no family is in the set.
    pub fn is_empty(self) -> bool {
        self.bits == 0
    }

    /// The families of the set, in separation order.
    pub fn iter(self) -> impl Iterator<Item = CutFamily> {
        CutFamily::ALL
            .into_iter()
            .filter(move |&f| self.contains(f))
    }
}

impl Default for CutFamilies {
    fn default() -> Self {
        CutFamilies::all()
    }
}

impl From<CutFamily> for CutFamilies {
    fn from(family: CutFamily) -> Self {
        CutFamilies::none().with(family)
    }
}

/// `true` is every family, `false` none.
impl From<bool> for CutFamilies {
    fn from(on: bool) -> Self {
        if on {
            CutFamilies::all()
        } else {
            CutFamilies::none()
        }
    }
}

impl FromStr for CutFamilies {
    type Err = String;

    /// Parses `all`, `none`, or comma-separated family names (spaces around names
    /// are ignored; an empty list or an unknown name is an error).
    fn from_str(text: &str) -> Result<Self, String> {
        match text.trim() {
            "all" => return Ok(CutFamilies::all()),
            "none" => return Ok(CutFamilies::none()),
            _ => {}
        }
        let known = || {
            CutFamily::ALL
                .iter()
                .map(|f| f.name())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut set = CutFamilies::none();
        for name in text.split(',').map(str::trim) {
            match CutFamily::from_name(name) {
                Some(family) => set = set.with(family),
                None => {
                    return Err(format!(
                        "unknown cut family '{name}' (expected all, none, or a comma-separated list of: {})",
                        known()
                    ))
                }
            }
        }
        Ok(set)
    }
}

impl fmt::Display for CutFamilies {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if *self == CutFamilies::all() {
            return f.write_str("all");
        }
        if self.is_empty() {
            return f.write_str("none");
        }
        let names: Vec<&str> = self.iter().map(CutFamily::name).collect();
        f.write_str(&names.join(","))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for family in CutFamily::ALL {
            assert_eq!(CutFamily::from_name(family.name()), Some(family));
            let set = CutFamilies::from(family);
            assert_eq!(set.to_string().parse::<CutFamilies>(), Ok(set));
        }
        let two = CutFamilies::all().without(CutFamily::Gomory);
        assert_eq!(two.to_string(), "relu,knapsack-cover");
        assert_eq!(" knapsack-cover , relu ".parse::<CutFamilies>(), Ok(two));
        assert_eq!(CutFamilies::from(false), CutFamilies::none());
        assert_eq!(CutFamilies::default(), CutFamilies::all());
    }

    #[test]
    fn bad_lists_are_refused() {
        for text in ["", "relu,", "Relu", "gomory,none", "knapsack"] {
            assert!(text.parse::<CutFamilies>().is_err(), "{text:?}");
        }
    }
}
