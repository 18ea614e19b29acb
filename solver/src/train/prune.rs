//! Layer-wise training (placeholder while being written).
