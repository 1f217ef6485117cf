//! Tags: the stream-named calls (AddTagsToStream, RemoveTagsFromStream, ListTagsForStream) and, as they are simulated, the ARN-based ones (TagResource, UntagResource, ListTagsForResource).

pub mod add_tags_to_stream;
pub mod list_tags_for_stream;
pub mod remove_tags_from_stream;
