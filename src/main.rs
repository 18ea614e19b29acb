//! relumip command-line program.

fn main() {}
