//! View models: what the page draws, computed from engine state by pure functions (no browser code), so they are
//! tested natively and the Yew components stay thin.

pub mod consumer_apps;
pub mod consumers;
pub mod generators;
pub mod lanes;
pub mod lesson_catalog;
pub mod payload;
pub mod readers;
pub mod routing;
pub mod sequence;
pub mod timeline;
