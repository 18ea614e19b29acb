//! One module per subcommand.

pub mod adversarial;
pub mod args;
pub mod bench;
pub mod eval;
pub mod export;
pub mod generate;
pub mod solve;
pub mod sparse;
pub mod train;
pub mod verify;
