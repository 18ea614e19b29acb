//! The `--solvers` list: names separated by commas, each optionally followed by
//! settings in brackets (`relumip[branching=babsr;seed=1]`; `,` also separates the
//! settings inside the brackets).

use super::keys::{key, key_list};
use super::{Setting, SolverSpec};
use crate::peers::SolverKind;
use anyhow::{bail, ensure, Context, Result};

/// Parses the `--solvers` list: every name known, every setting a key of the table
/// with a value it accepts, no key set twice and no solver named twice. Empty entries
/// are skipped.
pub fn parse_solvers(list: &str) -> Result<Vec<SolverSpec>> {
    let mut specs: Vec<SolverSpec> = Vec::new();
    for entry in split_top_level(list)? {
        let spec = parse_entry(entry)?;
        if let Some(earlier) = specs.iter().find(|s| s.same_as(&spec)) {
            if earlier.name() == spec.name() {
                bail!("the solver {} is named twice", spec.name());
            }
            bail!(
                "{} and {} are the same solver: name each once",
                earlier.name(),
                spec.name()
            );
        }
        specs.push(spec);
    }
    Ok(specs)
}

/// The entries of the list: split on the commas outside brackets, trimmed, the
/// empty ones dropped.
fn split_top_level(list: &str) -> Result<Vec<&str>> {
    let mut entries = Vec::new();
    let mut open = false;
    let mut start = 0;
    for (i, c) in list.char_indices() {
        match c {
            '[' => {
                ensure!(
                    !open,
                    "'{}': brackets inside brackets",
                    list[start..].trim()
                );
                open = true;
            }
            ']' => {
                ensure!(open, "'{}': ']' without '['", list[start..=i].trim());
                open = false;
            }
            ',' if !open => {
                entries.push(list[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    if open {
        bail!("'{}': '[' without ']'", list[start..].trim());
    }
    entries.push(list[start..].trim());
    entries.retain(|e| !e.is_empty());
    Ok(entries)
}

/// One entry: `NAME` or `NAME[key=value;key=value]` (brackets balanced, none nested).
fn parse_entry(entry: &str) -> Result<SolverSpec> {
    let (name, inside) = match entry.split_once('[') {
        None => (entry, None),
        Some((name, rest)) => {
            let inside = rest
                .strip_suffix(']')
                .with_context(|| format!("'{entry}': text after ']'"))?;
            (name, Some(inside))
        }
    };
    let kind = SolverKind::from_name(name).with_context(|| {
        format!(
            "unknown solver '{}' (relumip, relumip-verify, highs, cbc)",
            name.trim()
        )
    })?;
    let Some(inside) = inside else {
        return Ok(SolverSpec::plain(kind));
    };
    ensure!(
        kind.is_relumip(),
        "'{entry}': settings in brackets are for relumip and relumip-verify only"
    );
    let settings = parse_settings(kind, inside).with_context(|| format!("'{entry}'"))?;
    Ok(SolverSpec { kind, settings })
}

/// The settings between the brackets of a solver of `kind`, separated by `;` or `,`.
fn parse_settings(kind: SolverKind, inside: &str) -> Result<Vec<Setting>> {
    let mut settings: Vec<Setting> = Vec::new();
    for piece in inside.split([';', ',']).map(str::trim) {
        if piece.is_empty() {
            continue;
        }
        let (name, value) = piece
            .split_once('=')
            .with_context(|| format!("'{piece}' is not key=value"))?;
        let (name, value) = (
            name.trim().to_ascii_lowercase(),
            value.trim().to_ascii_lowercase(),
        );
        let key =
            key(&name).with_context(|| format!("unknown key '{name}' (keys: {})", key_list()))?;
        ensure!(
            !key.verify_only || kind == SolverKind::RelumipVerify,
            "{} is a key of relumip-verify only",
            key.name
        );
        ensure!(
            settings.iter().all(|s| s.key != key.name),
            "{} is set twice",
            key.name
        );
        key.check(&value)?;
        settings.push(Setting {
            key: key.name,
            value,
        });
    }
    ensure!(!settings.is_empty(), "no settings between the brackets");
    Ok(settings)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &str) -> Vec<String> {
        parse_solvers(list)
            .unwrap_or_else(|e| panic!("{list}: {e:#}"))
            .iter()
            .map(SolverSpec::name)
            .collect()
    }

    fn error(list: &str) -> String {
        match parse_solvers(list) {
            Ok(specs) => panic!("{list} parsed as {specs:?}"),
            Err(e) => format!("{e:#}"),
        }
    }

    #[test]
    fn plain_names() {
        assert_eq!(names("relumip, HiGHS,,cbc"), ["relumip", "highs", "cbc"]);
        assert!(names(" , ").is_empty());
        assert_eq!(
            error("relumip,scipp"),
            "unknown solver 'scipp' (relumip, relumip-verify, highs, cbc)"
        );
    }

    #[test]
    fn brackets_and_commas() {
        assert_eq!(
            names("relumip[branching=babsr],relumip[branching=fsb],relumip[relu=off],highs,cbc"),
            [
                "relumip[branching=babsr]",
                "relumip[branching=fsb]",
                "relumip[relu=off]",
                "highs",
                "cbc"
            ]
        );
        // `,` and `;` both separate settings; spaces and case do not matter.
        assert_eq!(
            names("relumip[branching=babsr, Seed = 2],relumip [ lp=microlp; ],cbc"),
            [
                "relumip[branching=babsr;seed=2]",
                "relumip[lp=microlp]",
                "cbc"
            ]
        );
        let specs = parse_solvers("relumip-verify[strategy=milp,formulation=partition:3]")
            .expect("verify keys");
        assert_eq!(specs[0].kind, SolverKind::RelumipVerify);
        assert_eq!(specs[0].settings[1].value, "partition:3");
    }

    #[test]
    fn malformed_lists() {
        assert_eq!(
            error("relumip[branching=babsr,highs"),
            "'relumip[branching=babsr,highs': '[' without ']'"
        );
        assert_eq!(error("relumip],highs"), "'relumip]': ']' without '['");
        assert!(error("relumip[a[b]]").contains("brackets inside brackets"));
        assert_eq!(
            error("relumip[seed=1]x"),
            "'relumip[seed=1]x': text after ']'"
        );
        assert_eq!(
            error("relumip[]"),
            "'relumip[]': no settings between the brackets"
        );
        assert_eq!(
            error("highs[seed=1]"),
            "'highs[seed=1]': settings in brackets are for relumip and relumip-verify only"
        );
        assert_eq!(
            error("relumip[branching]"),
            "'relumip[branching]': 'branching' is not key=value"
        );
    }

    #[test]
    fn unknown_keys_and_values() {
        let e = error("relumip[opt=--no-cuts]");
        assert!(
            e.starts_with("'relumip[opt=--no-cuts]': unknown key 'opt' (keys: branching, lp,"),
            "{e}"
        );
        assert_eq!(
            error("relumip[strategy=milp]"),
            "'relumip[strategy=milp]': strategy is a key of relumip-verify only"
        );
        let e = error("relumip[branching=best]");
        assert!(
            e.starts_with("'relumip[branching=best]': unknown value 'best' for branching"),
            "{e}"
        );
        assert_eq!(
            error("relumip[seed=1;seed=2]"),
            "'relumip[seed=1;seed=2]': seed is set twice"
        );
    }

    #[test]
    fn duplicates_are_refused() {
        assert_eq!(
            error("relumip[branching=babsr],highs,relumip[branching=babsr]"),
            "the solver relumip[branching=babsr] is named twice"
        );
        assert_eq!(error("highs,highs"), "the solver highs is named twice");
        assert_eq!(
            error("relumip[seed=1;lp=dual],relumip[lp=dual,seed=1]"),
            "relumip[seed=1;lp=dual] and relumip[lp=dual;seed=1] are the same solver: name each once"
        );
        // The same settings on the two relumip solvers are two solvers.
        assert_eq!(names("relumip[seed=1],relumip-verify[seed=1]").len(), 2);
    }
}
