//! Configurations of relumip as solvers of their own: `relumip[branching=babsr]`
//! runs `relumip solve ... --branching babsr` and is reported, plotted and
//! cross-checked as one more solver.
//!
//! [`parse_solvers`] reads the `--solvers` list, [`keys`] is the fixed table of the
//! settings a configuration may change and the values each accepts, and
//! [`CliOptions`] turns a configuration into options of the relumip executable that
//! runs it (reading which options it offers from its `--help`).

pub mod keys;
mod list;
mod resolve;

pub use list::parse_solvers;
pub use resolve::CliOptions;

use crate::peers::SolverKind;

/// One setting of a configuration: a key of [`keys::KEYS`] and a value it accepts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Setting {
    /// The key.
    pub key: &'static str,
    /// The value (lower case).
    pub value: String,
}

/// A solver as `--solvers` names it: a kind, with settings for a configuration of
/// relumip (none for the plain solver).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SolverSpec {
    /// Which solver.
    pub kind: SolverKind,
    /// The settings between the brackets, in the order written.
    pub settings: Vec<Setting>,
}

impl SolverSpec {
    /// The plain solver of a kind.
    pub fn plain(kind: SolverKind) -> Self {
        SolverSpec {
            kind,
            settings: Vec::new(),
        }
    }

    /// The name in reports: the kind's name, followed for a configuration by its
    /// settings in brackets, separated by `;` (`relumip[branching=babsr;seed=1]`).
    pub fn name(&self) -> String {
        if self.settings.is_empty() {
            return self.kind.name().to_string();
        }
        format!("{}[{}]", self.kind.name(), self.joined(";"))
    }

    /// The folder of the solver's logs: the name with the settings after a `-`,
    /// separated by `_`, and any other character than letters, digits and `.=+-`
    /// replaced by `-` (`relumip-branching=babsr_seed=1`).
    pub fn folder(&self) -> String {
        if self.settings.is_empty() {
            return self.kind.name().to_string();
        }
        let settings: String = self
            .joined("_")
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || "._=+-".contains(c) {
                    c
                } else {
                    '-'
                }
            })
            .collect();
        format!("{}-{settings}", self.kind.name())
    }

    /// Whether `other` is the same solver: the same kind and settings, in any order.
    pub fn same_as(&self, other: &SolverSpec) -> bool {
        self.kind == other.kind
            && self.settings.len() == other.settings.len()
            && self.settings.iter().all(|s| other.settings.contains(s))
    }

    fn joined(&self, separator: &str) -> String {
        self.settings
            .iter()
            .map(|s| format!("{}={}", s.key, s.value))
            .collect::<Vec<_>>()
            .join(separator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(kind: SolverKind, settings: &[(&'static str, &str)]) -> SolverSpec {
        SolverSpec {
            kind,
            settings: settings
                .iter()
                .map(|&(key, value)| Setting {
                    key,
                    value: value.into(),
                })
                .collect(),
        }
    }

    #[test]
    fn names_and_folders() {
        let plain = SolverSpec::plain(SolverKind::Highs);
        assert_eq!(
            (plain.name(), plain.folder()),
            ("highs".into(), "highs".into())
        );
        let babsr = spec(SolverKind::Relumip, &[("branching", "babsr")]);
        assert_eq!(babsr.name(), "relumip[branching=babsr]");
        assert_eq!(babsr.folder(), "relumip-branching=babsr");
        let two = spec(
            SolverKind::Relumip,
            &[("branching", "most-fractional"), ("seed", "3")],
        );
        assert_eq!(two.name(), "relumip[branching=most-fractional;seed=3]");
        assert_eq!(two.folder(), "relumip-branching=most-fractional_seed=3");
        let verify = spec(
            SolverKind::RelumipVerify,
            &[("formulation", "partition:3"), ("cuts", "relu+gomory")],
        );
        assert_eq!(
            verify.folder(),
            "relumip-verify-formulation=partition-3_cuts=relu+gomory"
        );
        let swapped = spec(
            SolverKind::Relumip,
            &[("seed", "3"), ("branching", "most-fractional")],
        );
        assert!(two.same_as(&swapped) && swapped.same_as(&two));
        assert!(!two.same_as(&babsr));
        assert!(!babsr.same_as(&spec(SolverKind::RelumipVerify, &[("branching", "babsr")])));
    }
}
