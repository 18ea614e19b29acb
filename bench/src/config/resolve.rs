//! From a configuration to options of the relumip executable that runs it.
//!
//! Most keys are the option of the same name with the value (`branching=babsr` is
//! `--branching babsr`). `cuts` and `relu` depend on what the executable offers,
//! read from the help of `relumip solve` and `relumip verify`: `--cuts VALUE` and
//! `--relu VALUE` where they exist, else `--no-cuts` and `--no-relu-propagation` for
//! `off`. Every option produced must be one that the command lists, so a
//! configuration that the executable cannot run is refused before any run.

use super::keys::{CUTS_OFF, CUTS_ON};
use super::{Setting, SolverSpec};
use crate::peers::SolverKind;
use anyhow::{bail, ensure, Context, Result};
use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Stdio};

/// The options that the commands of a relumip executable offer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CliOptions {
    solve: BTreeSet<String>,
    verify: BTreeSet<String>,
}

impl CliOptions {
    /// The options listed by the help texts of `relumip solve` and `relumip verify`
    /// (the lines that start with an option, as clap prints them).
    pub fn from_help(solve_help: &str, verify_help: &str) -> Self {
        CliOptions {
            solve: listed_options(solve_help),
            verify: listed_options(verify_help),
        }
    }

    /// Reads the options from the `--help` of the `solve` and `verify` commands of
    /// the executable `relumip`.
    pub fn probe(relumip: &Path) -> Result<Self> {
        let help = |command: &str| -> Result<String> {
            let output = Command::new(relumip)
                .args([command, "--help"])
                .stdin(Stdio::null())
                .output()
                .with_context(|| format!("cannot run {}", relumip.display()))?;
            ensure!(
                output.status.success(),
                "`{} {command} --help` failed: {}",
                relumip.display(),
                String::from_utf8_lossy(&output.stderr).trim()
            );
            Ok(String::from_utf8_lossy(&output.stdout).into_owned())
        };
        Ok(Self::from_help(&help("solve")?, &help("verify")?))
    }

    /// The command that runs solvers of `kind` (`solve` or `verify`).
    pub fn command(kind: SolverKind) -> &'static str {
        match kind {
            SolverKind::RelumipVerify => "verify",
            _ => "solve",
        }
    }

    /// Whether the command that runs solvers of `kind` offers `option` (`--lp`).
    pub fn offers(&self, kind: SolverKind, option: &str) -> bool {
        let options = match kind {
            SolverKind::RelumipVerify => &self.verify,
            _ => &self.solve,
        };
        options.contains(option)
    }

    /// The options that the settings of `spec` add to its command, in the order of
    /// the settings (a switch that two settings ask for appears once). Fails when the
    /// command does not offer an option that a setting needs.
    pub fn arguments(&self, spec: &SolverSpec) -> Result<Vec<String>> {
        let mut groups: Vec<Vec<String>> = Vec::new();
        for setting in &spec.settings {
            let group = self
                .setting_arguments(spec.kind, setting)
                .with_context(|| format!("{}: {}={}", spec.name(), setting.key, setting.value))?;
            if group.is_empty() || groups.contains(&group) {
                continue;
            }
            if let Some(option) = group.first() {
                ensure!(
                    self.offers(spec.kind, option),
                    "{}: `relumip {}` has no {option} option",
                    spec.name(),
                    Self::command(spec.kind)
                );
            }
            groups.push(group);
        }
        Ok(groups.concat())
    }

    /// The options of one setting (possibly none: a value that is the default).
    fn setting_arguments(&self, kind: SolverKind, setting: &Setting) -> Result<Vec<String>> {
        let value = setting.value.as_str();
        let option = |name: &str, value: &str| vec![format!("--{name}"), value.to_string()];
        let switch = |on: bool, name: &str| {
            if on {
                vec![name.to_string()]
            } else {
                Vec::new()
            }
        };
        Ok(match setting.key {
            "branching"
            | "lp"
            | "seed"
            | "strategy"
            | "bounds"
            | "formulation"
            | "disjunction"
            | "input-splits"
            | "unit-splits"
            | "input-split-unstable"
            | "input-split-alpha"
            | "reduced-cost-fixing" => option(setting.key, value),
            "deterministic" => switch(value == "true", "--deterministic"),
            "propagation" => switch(value == "off", "--no-relu-propagation"),
            "relu" if self.offers(kind, "--relu") => option("relu", value),
            "relu" => switch(value == "off", "--no-relu-propagation"),
            "cuts" if self.offers(kind, "--cuts") => {
                let families = if CUTS_ON.contains(&value) {
                    "all".to_string()
                } else if CUTS_OFF.contains(&value) {
                    "none".to_string()
                } else {
                    value.replace('+', ",")
                };
                option("cuts", &families)
            }
            "cuts" if CUTS_ON.contains(&value) => Vec::new(),
            "cuts" if CUTS_OFF.contains(&value) => vec!["--no-cuts".to_string()],
            "cuts" => bail!(
                "`relumip {}` has no --cuts option, so cuts is on or off",
                Self::command(kind)
            ),
            other => bail!("unknown key '{other}'"),
        })
    }
}

/// The long options at the start of the lines of a clap help text (`--lp` of
/// `      --lp <ENGINE>` and of `  -l, --lp <ENGINE>`); descriptions are indented
/// further.
fn listed_options(help: &str) -> BTreeSet<String> {
    help.lines()
        .filter_map(|line| {
            let text = line.trim_start();
            if line.len() - text.len() > 6 {
                return None;
            }
            let line = text;
            let line = match line.split_once(", ") {
                Some((short, rest)) if short.len() == 2 && short.starts_with('-') => rest,
                _ => line,
            };
            let name = line.strip_prefix("--")?;
            let end = name
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
                .unwrap_or(name.len());
            (end > 0).then(|| format!("--{}", &name[..end]))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::parse_solvers;

    /// The options of `relumip solve` with `--no-cuts` and `--no-relu-propagation`
    /// only, as clap prints them.
    const SOLVE: &str = "Solve a MILP\n\nUsage: relumip solve [OPTIONS] <FILE>\n\nOptions:\n      --time-limit <S>\n          Wall-clock time limit in seconds\n      --deterministic\n          Same answer\n      --branching <RULE>\n          Branching rule [default: auto]\n      --lp <ENGINE>\n      --seed <N>\n      --no-cuts\n          Do not separate cutting planes (as\n          --cuts-of-another-command)\n      --no-relu-propagation\n  -h, --help\n          Print help\n";

    fn verify_help(solve: &str) -> String {
        format!("{solve}      --strategy <STRATEGY>\n      --bounds <METHOD>\n      --formulation <F>\n      --disjunction <DISJUNCTION>\n")
    }

    fn with_cuts_and_relu(help: &str) -> String {
        format!("{help}      --cuts <FAMILIES>\n      --relu <auto|off|FILE>\n")
    }

    fn args(cli: &CliOptions, list: &str) -> Vec<String> {
        let specs = parse_solvers(list).unwrap_or_else(|e| panic!("{list}: {e:#}"));
        specs
            .iter()
            .map(|s| match cli.arguments(s) {
                Ok(a) => a.join(" "),
                Err(e) => format!("error: {e:#}"),
            })
            .collect()
    }

    #[test]
    fn options_listed_by_help() {
        let cli = CliOptions::from_help(SOLVE, &verify_help(SOLVE));
        for option in ["--time-limit", "--branching", "--no-cuts", "--help"] {
            assert!(cli.offers(SolverKind::Relumip, option), "{option}");
        }
        // Options mentioned in a description are not listed.
        assert!(!cli.offers(SolverKind::Relumip, "--cuts-of-another-command"));
        assert!(!cli.offers(SolverKind::Relumip, "--strategy"));
        assert!(cli.offers(SolverKind::RelumipVerify, "--strategy"));
    }

    #[test]
    fn command_lines_of_every_key() {
        let cli = CliOptions::from_help(SOLVE, &verify_help(SOLVE));
        assert_eq!(
            args(
                &cli,
                "relumip[branching=babsr;lp=microlp;seed=3;deterministic=true],\
                 relumip[deterministic=false;propagation=on;relu=auto;cuts=on],\
                 relumip[cuts=none;propagation=off],relumip[relu=off;propagation=off],\
                 relumip[cuts=relu+gomory],\
                 relumip-verify[strategy=input-split;bounds=symbolic;formulation=partition:3;disjunction=combined;cuts=off]"
            ),
            [
                "--branching babsr --lp microlp --seed 3 --deterministic",
                "",
                "--no-cuts --no-relu-propagation",
                "--no-relu-propagation",
                "error: relumip[cuts=relu+gomory]: cuts=relu+gomory: `relumip solve` has no --cuts option, so cuts is on or off",
                "--strategy input-split --bounds symbolic --formulation partition:3 --disjunction combined --no-cuts",
            ]
        );
    }

    #[test]
    fn cuts_and_relu_options_where_offered() {
        let solve = with_cuts_and_relu(SOLVE);
        let cli = CliOptions::from_help(&solve, &verify_help(&with_cuts_and_relu(SOLVE)));
        assert_eq!(
            args(
                &cli,
                "relumip[cuts=on],relumip[cuts=none],relumip[cuts=knapsack-cover+relu],\
                 relumip[relu=off;propagation=off],relumip[relu=auto]"
            ),
            [
                "--cuts all",
                "--cuts none",
                "--cuts knapsack-cover,relu",
                "--relu off --no-relu-propagation",
                "--relu auto",
            ]
        );
    }

    #[test]
    fn an_option_the_command_lacks_is_refused() {
        let cli = CliOptions::from_help(SOLVE, SOLVE);
        assert_eq!(
            args(&cli, "relumip-verify[strategy=milp]"),
            ["error: relumip-verify[strategy=milp]: `relumip verify` has no --strategy option"]
        );
        let empty = CliOptions::default();
        assert_eq!(
            args(&empty, "relumip,relumip[branching=fsb]"),
            [
                "",
                "error: relumip[branching=fsb]: `relumip solve` has no --branching option"
            ]
        );
    }

    #[cfg(unix)]
    #[test]
    fn probing_a_missing_program_fails() {
        let err = CliOptions::probe(Path::new("/nonexistent/relumip")).expect_err("missing");
        assert!(err.to_string().contains("cannot run"), "{err}");
    }
}
