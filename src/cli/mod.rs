//! AWS CLI v2 emulation on top of [`crate::api`] (to be built).
