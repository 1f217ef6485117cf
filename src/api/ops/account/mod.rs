//! The account: its limits (DescribeLimits) and, as they are simulated, its settings.

pub mod describe_limits;
