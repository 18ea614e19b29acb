//! One module per subcommand.

pub mod eval;
pub mod gen;
pub mod solve;
