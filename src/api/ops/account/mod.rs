//! The account: its limits (DescribeLimits) and settings (Describe/UpdateAccountSettings).

pub mod describe_account_settings;
pub mod describe_limits;
pub mod update_account_settings;
