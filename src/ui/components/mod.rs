//! Page components, one per file, each well under 150 lines.

mod console;
mod consumers;
pub mod controls;
mod hash_key_space;
mod header;
pub mod lesson;
pub mod markup;
mod readers;
mod region;
mod shards;
mod stream_details;
pub mod views;

pub use console::ConsoleRegion;
pub use consumers::ConsumersRegion;
pub use hash_key_space::HashKeySpaceRegion;
pub use header::{site_header, SiteHeaderProps};
pub use readers::ReadersRegion;
pub use region::region;
pub use shards::ShardsRegion;
pub use stream_details::stream_details_region;
