//! Tags of a stream by name: AddTagsToStream and RemoveTagsFromStream, with the service's character rules (the
//! ARN-based TagResource follows its own rules, in [`super::resources`]).

use super::control::{too_many_tags, MAX_TAGS_PER_STREAM};
use super::{Engine, KinesisError, KinesisResult};
use std::collections::BTreeMap;

impl Engine {
    /// AddTagsToStream: adds or overwrites tags. The stream is looked up first: an unknown stream is
    /// ResourceNotFoundException whatever the tags hold.
    ///
    /// # Errors
    /// `ResourceNotFoundException`; `InvalidArgumentException` for characters tags may not hold or more than 50
    /// tags on the stream; `ResourceInUseException` unless ACTIVE.
    pub fn add_tags(&mut self, name: &str, tags: &BTreeMap<String, String>) -> KinesisResult<()> {
        let account = self.config.account_id.clone();
        self.existing(name)?;
        check_tag_texts(tags.iter().flat_map(|(k, v)| [k, v]), "add tags to", name, &account)?;
        let stream = self.active_mut(name)?;
        let total = stream.tags.len() + tags.keys().filter(|k| !stream.tags.contains_key(*k)).count();
        if total > MAX_TAGS_PER_STREAM {
            return Err(too_many_tags(name, &account));
        }
        stream.tags.extend(tags.iter().map(|(k, v)| (k.clone(), v.clone())));
        self.touch();
        Ok(())
    }

    /// RemoveTagsFromStream: removes the named tags (names that are not there are ignored).
    ///
    /// # Errors
    /// `ResourceNotFoundException` (first); `InvalidArgumentException` for characters tag keys may not hold;
    /// `ResourceInUseException` unless ACTIVE.
    pub fn remove_tags(&mut self, name: &str, keys: &[String]) -> KinesisResult<()> {
        let account = self.config.account_id.clone();
        self.existing(name)?;
        check_tag_texts(keys.iter(), "remove tags from", name, &account)?;
        let stream = self.active_mut(name)?;
        for k in keys {
            stream.tags.remove(k);
        }
        self.touch();
        Ok(())
    }
}

/// The two character checks of AddTagsToStream and RemoveTagsFromStream, in the service's order: first the
/// pattern (whose message lists `%` but not `:`), then `%`, which the pattern's message offers yet the service
/// refuses with a message of its own. `verb` is `add tags to` or `remove tags from`.
fn check_tag_texts<'a>(
    mut texts: impl Iterator<Item = &'a String> + Clone,
    verb: &str,
    name: &str,
    account: &str,
) -> KinesisResult<()> {
    if texts.clone().any(|t| !valid_tag_text(t)) {
        return Err(KinesisError::invalid(
            "Some tags contain invalid characters. Valid characters: Unicode letters, digits, white space, _ . / = + - % @.",
        ));
    }
    if texts.any(|t| t.contains('%')) {
        return Err(KinesisError::invalid(format!(
            "Failed to {verb} stream {name} under account {account} because some tags contained illegal characters. The allowed characters are Unicode letters, white-spaces, '_',',','/','=','+','-','@'."
        )));
    }
    Ok(())
}

/// Tag keys and values hold letters, digits, spaces and `_ . / = + - % @`, where "letters" are the character ranges
/// the service accepts (as recorded against AWS by kinesalite: ASCII word characters, U+00C0..U+1FFF and
/// U+2C00..U+D7FF), not Unicode's letter tables.
fn valid_tag_text(text: &str) -> bool {
    text.chars().all(|c| {
        c.is_ascii_alphanumeric()
            || "_./=+-%@ ".contains(c)
            || ('\u{C0}'..='\u{1FFF}').contains(&c)
            || ('\u{2C00}'..='\u{D7FF}').contains(&c)
    })
}
