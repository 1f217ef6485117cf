//! Tab completion on the console's line: complete the last word to what every candidate shares.

/// The line after Tab, and the choices to show (none when one candidate was completed in full).
pub fn apply_completion(value: &str, found: Vec<String>) -> (String, Vec<String>) {
    let cut = if value.ends_with(char::is_whitespace) { value.len() } else { word_start(value) };
    let mut line = format!("{}{}", &value[..cut], common_prefix(&found));
    if found.len() == 1 {
        line.push(' ');
        (line, Vec::new())
    } else {
        (line, found)
    }
}

/// Where the last word of `line` starts.
fn word_start(line: &str) -> usize {
    line.char_indices().rev().find(|(_, c)| c.is_whitespace()).map_or(0, |(i, c)| i + c.len_utf8())
}

/// The longest prefix every choice shares.
fn common_prefix(choices: &[String]) -> String {
    let Some(first) = choices.first() else { return String::new() };
    let mut len = first.len();
    for c in &choices[1..] {
        len = len.min(first.bytes().zip(c.bytes()).take_while(|(a, b)| a == b).count());
    }
    while !first.is_char_boundary(len) {
        len -= 1;
    }
    first[..len].to_owned()
}
