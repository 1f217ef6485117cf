//! Tags: the stream-named calls (AddTagsToStream, RemoveTagsFromStream, ListTagsForStream) and the ARN-based ones
//! (TagResource, UntagResource, ListTagsForResource), which follow their own documentation's rules.

pub mod add_tags_to_stream;
pub mod list_tags_for_resource;
pub mod list_tags_for_stream;
pub mod remove_tags_from_stream;
pub mod tag_resource;
pub mod untag_resource;
