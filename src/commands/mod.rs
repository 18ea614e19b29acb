//! One module per subcommand.

pub mod gen;
pub mod solve;
