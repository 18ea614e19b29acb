//! The fixed table of the settings that a configuration of relumip may change, and
//! the values each accepts.
//!
//! | key | solvers | values | option of `relumip solve` / `relumip verify` |
//! |---|---|---|---|
//! | `branching` | both | `auto`, `reliability`, `pseudocost`, `most-fractional`, `babsr`, `fsb` | `--branching VALUE` |
//! | `lp` | both | `dual`, `microlp` | `--lp VALUE` |
//! | `cuts` | both | `on`/`all`, `off`/`none`; with `--cuts`: families joined by `+` (`relu`, `gomory`, `knapsack-cover`) | `--cuts VALUE` where offered, else `--no-cuts` for `off` |
//! | `relu` | both | `auto`, `off` | `--relu VALUE` where offered, else `--no-relu-propagation` for `off` |
//! | `propagation` | both | `on`, `off` | `--no-relu-propagation` for `off` |
//! | `input-splits` | both | `auto`, `on`, `off` | `--input-splits VALUE` |
//! | `unit-splits` | both | `auto`, `on`, `off` | `--unit-splits VALUE` |
//! | `input-split-unstable` | both | a non-negative integer | `--input-split-unstable VALUE` |
//! | `input-split-alpha` | both | a non-negative integer | `--input-split-alpha VALUE` |
//! | `reduced-cost-fixing` | both | `on`, `off` | `--reduced-cost-fixing VALUE` |
//! | `seed` | both | a non-negative integer | `--seed VALUE` |
//! | `deterministic` | both | `true`, `false` | `--deterministic` for `true` |
//! | `strategy` | relumip-verify | `auto`, `relu-split` (or `milp`), `input-split` | `--strategy VALUE` |
//! | `bounds` | relumip-verify | `interval`, `symbolic`, `lp` | `--bounds VALUE` |
//! | `formulation` | relumip-verify | `bigm`, `partition`, `partition:P` | `--formulation VALUE` |
//! | `disjunction` | relumip-verify | `separate`, `combined` | `--disjunction VALUE` |
//!
//! "Both" is `relumip` (`relumip solve` on the MPS files) and `relumip-verify`
//! (`relumip verify` on network suites). The MPS files of network suites are exported
//! once for every solver, so `strategy`, `bounds`, `formulation` and `disjunction`
//! belong to `relumip-verify` alone.

use anyhow::{bail, Context, Result};
use relumip_solver::formulate::Formulation;

/// The values that a key accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Values {
    /// One of these words.
    OneOf(&'static [&'static str]),
    /// A non-negative integer.
    Integer,
    /// A MILP formulation: `bigm`, `partition` or `partition:P` with P >= 1.
    Formulation,
    /// `on`, `all`, `off`, `none`, or cut families joined by `+`.
    CutFamilies,
}

/// One key of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    /// The key as written between the brackets.
    pub name: &'static str,
    /// Whether only `relumip-verify` takes it.
    pub verify_only: bool,
    /// The values it accepts.
    pub values: Values,
}

/// The words of `cuts` that switch every family on.
pub const CUTS_ON: [&str; 2] = ["on", "all"];
/// The words of `cuts` that switch every family off.
pub const CUTS_OFF: [&str; 2] = ["off", "none"];
/// The cut families that a `cuts` list may name (for a relumip with `--cuts`).
pub const CUT_FAMILIES: [&str; 3] = ["relu", "gomory", "knapsack-cover"];

/// Every key, in the order of the documentation.
pub const KEYS: [Key; 16] = [
    Key {
        name: "branching",
        verify_only: false,
        values: Values::OneOf(&[
            "auto",
            "reliability",
            "pseudocost",
            "most-fractional",
            "babsr",
            "fsb",
        ]),
    },
    Key {
        name: "lp",
        verify_only: false,
        values: Values::OneOf(&["dual", "microlp"]),
    },
    Key {
        name: "cuts",
        verify_only: false,
        values: Values::CutFamilies,
    },
    Key {
        name: "relu",
        verify_only: false,
        values: Values::OneOf(&["auto", "off"]),
    },
    Key {
        name: "propagation",
        verify_only: false,
        values: Values::OneOf(&["on", "off"]),
    },
    Key {
        name: "input-splits",
        verify_only: false,
        values: Values::OneOf(&["auto", "on", "off"]),
    },
    Key {
        name: "unit-splits",
        verify_only: false,
        values: Values::OneOf(&["auto", "on", "off"]),
    },
    Key {
        name: "input-split-unstable",
        verify_only: false,
        values: Values::Integer,
    },
    Key {
        name: "input-split-alpha",
        verify_only: false,
        values: Values::Integer,
    },
    Key {
        name: "reduced-cost-fixing",
        verify_only: false,
        values: Values::OneOf(&["on", "off"]),
    },
    Key {
        name: "seed",
        verify_only: false,
        values: Values::Integer,
    },
    Key {
        name: "deterministic",
        verify_only: false,
        values: Values::OneOf(&["true", "false"]),
    },
    Key {
        name: "strategy",
        verify_only: true,
        values: Values::OneOf(&["auto", "relu-split", "milp", "input-split"]),
    },
    Key {
        name: "bounds",
        verify_only: true,
        values: Values::OneOf(&["interval", "symbolic", "lp"]),
    },
    Key {
        name: "formulation",
        verify_only: true,
        values: Values::Formulation,
    },
    Key {
        name: "disjunction",
        verify_only: true,
        values: Values::OneOf(&["separate", "combined"]),
    },
];

/// The key of that name.
pub fn key(name: &str) -> Option<&'static Key> {
    KEYS.iter().find(|k| k.name == name)
}

/// The keys, for error messages: `branching, lp, ...; relumip-verify also strategy, ...`.
pub fn key_list() -> String {
    let names = |verify_only: bool| {
        KEYS.iter()
            .filter(|k| k.verify_only == verify_only)
            .map(|k| k.name)
            .collect::<Vec<_>>()
            .join(", ")
    };
    format!("{}; relumip-verify also {}", names(false), names(true))
}

impl Key {
    /// Checks `value` (lower case, trimmed) against the values the key accepts.
    pub fn check(&self, value: &str) -> Result<()> {
        match self.values {
            Values::OneOf(words) => {
                if !words.contains(&value) {
                    bail!(
                        "unknown value '{value}' for {} ({})",
                        self.name,
                        words.join(", ")
                    );
                }
            }
            Values::Integer => {
                value.parse::<u64>().with_context(|| {
                    format!("{} takes a non-negative integer, not '{value}'", self.name)
                })?;
            }
            Values::Formulation => {
                if Formulation::from_name(value).is_none() {
                    bail!(
                        "unknown value '{value}' for {} (bigm, partition or partition:P with P >= 1)",
                        self.name
                    );
                }
            }
            Values::CutFamilies => {
                if CUTS_ON.contains(&value) || CUTS_OFF.contains(&value) {
                    return Ok(());
                }
                let families: Vec<&str> = value.split('+').collect();
                if let Some(bad) = families.iter().find(|f| !CUT_FAMILIES.contains(f)) {
                    bail!(
                        "unknown value '{bad}' for {} (on, all, off, none, or families joined by '+': {})",
                        self.name,
                        CUT_FAMILIES.join(", ")
                    );
                }
                for (i, f) in families.iter().enumerate() {
                    if families[..i].contains(f) {
                        bail!("{} names the family '{f}' twice", self.name);
                    }
                }
            }
        }
        Ok(())
    }

    /// Values that together use every way the key maps to the command line (every
    /// word of a choice), for tests against the relumip executable.
    pub fn examples(&self) -> Vec<String> {
        let words: Vec<&str> = match self.values {
            Values::OneOf(words) => words.to_vec(),
            Values::Integer => vec!["0", "7"],
            Values::Formulation => vec!["bigm", "partition", "partition:3"],
            Values::CutFamilies => vec!["on", "all", "off", "none", "relu", "gomory+relu"],
        };
        words.into_iter().map(String::from).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_example_is_accepted() {
        for k in &KEYS {
            for v in k.examples() {
                assert!(k.check(&v).is_ok(), "{}={v}", k.name);
            }
        }
    }

    #[test]
    fn values_are_checked() {
        let check = |k: &str, v: &str| {
            key(k)
                .map(|key| key.check(v))
                .unwrap_or_else(|| panic!("key {k}"))
        };
        assert!(check("branching", "most-fractional").is_ok());
        let err = check("branching", "best").expect_err("unknown rule");
        assert!(
            err.to_string()
                .starts_with("unknown value 'best' for branching (auto, reliability,"),
            "{err}"
        );
        assert!(check("seed", "18446744073709551615").is_ok());
        for bad in ["-1", "1.5", "x", ""] {
            assert!(check("seed", bad).is_err(), "seed={bad}");
        }
        assert!(check("formulation", "partition:4").is_ok());
        assert!(check("formulation", "partition:0").is_err());
        assert!(check("cuts", "knapsack-cover+relu").is_ok());
        let err = check("cuts", "relu+clique").expect_err("unknown family");
        assert!(err.to_string().contains("'clique'"), "{err}");
        assert!(check("cuts", "relu+relu").is_err());
        assert!(check("cuts", "relu+").is_err());
        assert!(check("deterministic", "yes").is_err());
        assert!(key("opt").is_none());
        assert_eq!(
            key_list(),
            "branching, lp, cuts, relu, propagation, input-splits, unit-splits, input-split-unstable, input-split-alpha, reduced-cost-fixing, seed, deterministic; relumip-verify also strategy, bounds, formulation, disjunction"
        );
    }
}
