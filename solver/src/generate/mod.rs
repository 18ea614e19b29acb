//! Generators of small instances with seeded randomness: the classic families used by
//! the shipped `instances/` folder, and a ReLU big-M verification MILP.

mod classic;
mod network;
mod relu;

pub use classic::{facility_location, knapsack, set_cover};
pub use network::random_network;
pub use relu::relu_bigm;
