//! Streams: create, delete, describe and list them.

pub mod create_stream;
pub mod delete_stream;
pub mod describe_stream;
pub mod describe_stream_summary;
pub mod list_streams;
