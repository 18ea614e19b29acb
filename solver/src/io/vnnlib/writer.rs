//! Writer of VNN-LIB properties: the inverse of the reader for the properties it
//! builds (numbers printed so that they read back to the same `f64`).

use crate::error::Result;
use crate::nn::property::{Case, LinearConstraint, Property};
use std::fmt::Write as _;
use std::path::Path;

/// The VNN-LIB text of `property`. `comment` lines come first, each behind `; `.
///
/// When every case has the same input box and no input constraints (local
/// robustness, most VNN-COMP files) the box is asserted once and the output cases
/// form one `(or (and ...) ...)`; otherwise every disjunct carries its own box.
pub fn format_vnnlib(property: &Property, comment: &str) -> String {
    let mut text = String::new();
    for line in comment.lines() {
        let _ = writeln!(text, "; {line}");
    }
    for i in 0..property.num_inputs {
        let _ = writeln!(text, "(declare-const X_{i} Real)");
    }
    for j in 0..property.num_outputs {
        let _ = writeln!(text, "(declare-const Y_{j} Real)");
    }
    let Some(first) = property.cases.first() else {
        // No case: nothing is unsafe.
        text.push_str("(assert false)\n");
        return text;
    };
    let shared_box = property.cases.iter().all(|c| {
        c.input_constraints.is_empty()
            && c.input_lower == first.input_lower
            && c.input_upper == first.input_upper
    });
    if shared_box {
        for (i, (l, u)) in first.input_lower.iter().zip(&first.input_upper).enumerate() {
            let _ = writeln!(text, "(assert (>= X_{i} {l}))");
            let _ = writeln!(text, "(assert (<= X_{i} {u}))");
        }
        text.push_str("(assert (or\n");
        for case in &property.cases {
            let outputs = constraints(&case.output_constraints, 'Y');
            let _ = writeln!(text, "    (and {outputs})");
        }
        text.push_str("))\n");
    } else {
        text.push_str("(assert (or\n");
        for case in &property.cases {
            let _ = writeln!(text, "    (and {})", conjunction(case));
        }
        text.push_str("))\n");
    }
    text
}

/// Writes [`format_vnnlib`]`(property, comment)` to `path`.
pub fn write_vnnlib(property: &Property, path: &Path, comment: &str) -> Result<()> {
    crate::io::write_atomically(path, format_vnnlib(property, comment).as_bytes())
}

/// All constraints of one case, box first.
fn conjunction(case: &Case) -> String {
    let mut parts: Vec<String> = Vec::new();
    for (i, (l, u)) in case.input_lower.iter().zip(&case.input_upper).enumerate() {
        parts.push(format!("(>= X_{i} {l}) (<= X_{i} {u})"));
    }
    if !case.input_constraints.is_empty() {
        parts.push(constraints(&case.input_constraints, 'X'));
    }
    parts.push(constraints(&case.output_constraints, 'Y'));
    parts.join(" ")
}

/// `c'v <= d` for each constraint, over variables named `{prefix}_{index}`; an empty
/// list is `true`.
fn constraints(list: &[LinearConstraint], prefix: char) -> String {
    if list.is_empty() {
        return "true".to_string();
    }
    list.iter()
        .map(|c| constraint(c, prefix))
        .collect::<Vec<_>>()
        .join(" ")
}

fn constraint(c: &LinearConstraint, prefix: char) -> String {
    let var = |i: usize| format!("{prefix}_{i}");
    match c.terms.as_slice() {
        [(i, a)] if *a == 1.0 => format!("(<= {} {})", var(*i), c.rhs),
        [(i, a)] if *a == -1.0 => format!("(>= {} {})", var(*i), -c.rhs),
        [(i, a), (j, b)] if c.rhs == 0.0 && *a == 1.0 && *b == -1.0 => {
            format!("(<= {} {})", var(*i), var(*j))
        }
        [(i, a), (j, b)] if c.rhs == 0.0 && *a == -1.0 && *b == 1.0 => {
            format!("(>= {} {})", var(*i), var(*j))
        }
        terms => {
            let sum = terms
                .iter()
                .map(|&(i, a)| format!("(* {a} {})", var(i)))
                .collect::<Vec<_>>()
                .join(" ");
            format!("(<= (+ {sum}) {})", c.rhs)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse_vnnlib;
    use super::*;

    fn case(lower: f64, outputs: Vec<LinearConstraint>) -> Case {
        Case {
            input_lower: vec![lower, -0.1 / 3.0],
            input_upper: vec![1.0, 2.5e-7],
            input_constraints: Vec::new(),
            output_constraints: outputs,
        }
    }

    fn roundtrip(property: &Property) {
        let text = format_vnnlib(property, "a test\nsecond line");
        let back = parse_vnnlib(&text, "roundtrip").expect("the writer's text parses");
        assert_eq!(&back, property, "{text}");
    }

    #[test]
    fn shared_box_and_separate_boxes_read_back_exactly() {
        let greater = |i: usize, j: usize| LinearConstraint {
            terms: if i < j {
                vec![(i, -1.0), (j, 1.0)]
            } else {
                vec![(j, 1.0), (i, -1.0)]
            },
            rhs: 0.0,
        };
        let shared = Property {
            num_inputs: 2,
            num_outputs: 3,
            cases: vec![
                case(0.1, vec![greater(0, 1)]),
                case(0.1, vec![greater(2, 1)]),
            ],
        };
        roundtrip(&shared);
        let general = LinearConstraint {
            terms: vec![(0, 0.5), (1, -2.0), (2, 1.0 / 7.0)],
            rhs: -0.3,
        };
        let bound = LinearConstraint {
            terms: vec![(1, -1.0)],
            rhs: 0.25,
        };
        let separate = Property {
            num_inputs: 2,
            num_outputs: 3,
            cases: vec![
                case(0.1, vec![general]),
                case(0.2, vec![bound, greater(0, 2)]),
            ],
        };
        roundtrip(&separate);
    }
}
