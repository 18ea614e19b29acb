//! S-expressions with line numbers: the syntax layer of VNN-LIB (SMT-LIB).

use crate::error::{Error, Result};

/// An atom or a parenthesised list, with the line it starts on.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Sexpr {
    /// A symbol or number.
    Atom {
        /// Its text.
        text: String,
        /// 1-based line.
        line: usize,
    },
    /// `( ... )`.
    List {
        /// The elements.
        items: Vec<Sexpr>,
        /// 1-based line of the opening parenthesis.
        line: usize,
    },
}

impl Sexpr {
    /// The line the expression starts on.
    pub fn line(&self) -> usize {
        match self {
            Sexpr::Atom { line, .. } | Sexpr::List { line, .. } => *line,
        }
    }

    /// The text of an atom.
    pub fn atom(&self) -> Option<&str> {
        match self {
            Sexpr::Atom { text, .. } => Some(text),
            Sexpr::List { .. } => None,
        }
    }

    /// A short rendering for error messages.
    pub fn describe(&self) -> String {
        match self {
            Sexpr::Atom { text, .. } => format!("'{text}'"),
            Sexpr::List { items, .. } => match items.first().and_then(Sexpr::atom) {
                Some(head) => format!("'({head} ...)'"),
                None => "a list".to_string(),
            },
        }
    }
}

/// Largest nesting depth accepted (deeper input is an error, not a stack overflow).
const MAX_DEPTH: usize = 1000;

/// Parses the whole text into its top-level expressions. `;` starts a comment that
/// runs to the end of the line.
pub(crate) fn parse(text: &str, file: &str) -> Result<Vec<Sexpr>> {
    // Open lists: (items, line of the opening parenthesis).
    let mut stack: Vec<(Vec<Sexpr>, usize)> = Vec::new();
    let mut top = Vec::new();
    for (index, raw_line) in text.lines().enumerate() {
        let line = index + 1;
        let code = raw_line.split(';').next().unwrap_or("");
        let mut rest = code;
        while let Some(c) = rest.chars().next() {
            if c.is_whitespace() {
                rest = &rest[c.len_utf8()..];
                continue;
            }
            let expr = match c {
                '(' => {
                    if stack.len() >= MAX_DEPTH {
                        return Err(Error::parse(file, line, "expressions nested too deeply"));
                    }
                    stack.push((Vec::new(), line));
                    rest = &rest[1..];
                    continue;
                }
                ')' => {
                    let Some((items, open)) = stack.pop() else {
                        return Err(Error::parse(file, line, "unbalanced ')'"));
                    };
                    rest = &rest[1..];
                    Sexpr::List { items, line: open }
                }
                '"' | '|' => {
                    return Err(Error::Unsupported {
                        file: file.to_string(),
                        line,
                        what: format!("quoted symbol or string starting with {c}"),
                    })
                }
                _ => {
                    let end = rest
                        .find(|ch: char| ch.is_whitespace() || ch == '(' || ch == ')')
                        .unwrap_or(rest.len());
                    let text = rest[..end].to_string();
                    rest = &rest[end..];
                    Sexpr::Atom { text, line }
                }
            };
            match stack.last_mut() {
                Some((items, _)) => items.push(expr),
                None => top.push(expr),
            }
        }
    }
    if let Some((_, open)) = stack.last() {
        return Err(Error::parse(
            file,
            *open,
            "unbalanced '(': not closed before the end of the file",
        ));
    }
    Ok(top)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_with_lines_and_comments() {
        let e = parse("; c\n(a (b 1.5) ; x ( )\n c)\nd", "f").unwrap();
        assert_eq!(e.len(), 2);
        let Sexpr::List { items, line } = &e[0] else {
            panic!()
        };
        assert_eq!(*line, 2);
        assert_eq!(items.len(), 3);
        assert_eq!(items[1].line(), 2);
        assert_eq!(items[2].atom(), Some("c"));
        assert_eq!(items[2].line(), 3);
        assert_eq!(e[1].line(), 4);
    }

    #[test]
    fn unbalanced_parentheses_name_the_line() {
        assert!(matches!(
            parse("(a\n(b)\n", "f"),
            Err(Error::Parse { line: 1, .. })
        ));
        assert!(matches!(
            parse("(a)\n\n)", "f"),
            Err(Error::Parse { line: 3, .. })
        ));
        let deep = "(".repeat(5000);
        assert!(matches!(parse(&deep, "f"), Err(Error::Parse { .. })));
    }
}
