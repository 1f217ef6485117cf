//! The safe Markdown subset of lesson text, parsed into a neutral tree ([`Block`], [`Inline`]) that the page renders
//! as elements (never as raw HTML) and the terminal as plain text ([`to_text`]).
//!
//! What is understood: paragraphs (lines joined, a blank line between), fenced code blocks (```` ``` ````), lists
//! (`- `, `* ` or `1. ` at the start of a line; indented lines continue an item), and inside text `` `code` ``,
//! `**strong**`, `*emphasis*` / `_emphasis_`, `[text](https://...)` links and `\` escapes. Anything else is text:
//! `<b>` stays the four characters `<b>`. A link whose address is not `https://` or `http://` stays text too.

use super::LessonError;

/// A block of lesson text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A paragraph.
    Paragraph(Vec<Inline>),
    /// A fenced code block: its lines, as written (never interpreted).
    Code(String),
    /// A list; each item is a run of inline text.
    List {
        /// `1.` items rather than `-` items.
        ordered: bool,
        /// The items.
        items: Vec<Vec<Inline>>,
    },
}

/// Inline text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    /// Plain text.
    Text(String),
    /// `` `code` ``.
    Code(String),
    /// `*emphasis*`.
    Emphasis(Vec<Inline>),
    /// `**strong**`.
    Strong(Vec<Inline>),
    /// `[text](url)`, with an `https://` or `http://` address only.
    Link {
        /// The link's text.
        text: Vec<Inline>,
        /// The address.
        url: String,
    },
}

/// True when a line opens or closes a fenced code block.
pub(crate) fn is_fence(line: &str) -> bool {
    line.trim_start().starts_with("```")
}

/// Parses lines (with their 1-based line numbers) into blocks.
///
/// # Errors
/// A code block that is never closed.
pub fn parse_blocks(lines: &[(usize, &str)]) -> Result<Vec<Block>, LessonError> {
    let mut blocks = Vec::new();
    let mut para: Vec<&str> = Vec::new();
    let mut list: Option<(bool, Vec<String>)> = None;
    let mut i = 0;
    let flush_para = |para: &mut Vec<&str>, blocks: &mut Vec<Block>| {
        if !para.is_empty() {
            blocks.push(Block::Paragraph(parse_inline(&para.join(" "))));
            para.clear();
        }
    };
    let flush_list = |list: &mut Option<(bool, Vec<String>)>, blocks: &mut Vec<Block>| {
        if let Some((ordered, items)) = list.take() {
            blocks.push(Block::List { ordered, items: items.iter().map(|t| parse_inline(t)).collect() });
        }
    };
    while i < lines.len() {
        let (number, line) = lines[i];
        if is_fence(line) {
            flush_para(&mut para, &mut blocks);
            flush_list(&mut list, &mut blocks);
            let indent = line.len() - line.trim_start().len();
            let mut code = Vec::new();
            let mut closed = false;
            i += 1;
            while i < lines.len() {
                if is_fence(lines[i].1) {
                    closed = true;
                    break;
                }
                let l = lines[i].1;
                let strip = l.len() - l.trim_start().len();
                code.push(&l[strip.min(indent)..]);
                i += 1;
            }
            if !closed {
                return Err(LessonError::new(number, "this code block is never closed: end it with a line of ```"));
            }
            blocks.push(Block::Code(code.join("\n")));
            i += 1;
            continue;
        }
        if line.trim().is_empty() {
            flush_para(&mut para, &mut blocks);
            flush_list(&mut list, &mut blocks);
            i += 1;
            continue;
        }
        if let Some((ordered, text)) = list_item(line) {
            flush_para(&mut para, &mut blocks);
            match &mut list {
                Some((o, items)) if *o == ordered => items.push(text.to_string()),
                _ => {
                    flush_list(&mut list, &mut blocks);
                    list = Some((ordered, vec![text.to_string()]));
                }
            }
        } else if let (Some((_, items)), true) = (&mut list, line.starts_with(' ') || line.starts_with('\t')) {
            if let Some(last) = items.last_mut() {
                last.push(' ');
                last.push_str(line.trim());
            }
        } else {
            flush_list(&mut list, &mut blocks);
            para.push(line.trim());
        }
        i += 1;
    }
    flush_para(&mut para, &mut blocks);
    flush_list(&mut list, &mut blocks);
    Ok(blocks)
}

/// `- text`, `* text` or `12. text` -> (ordered, text).
pub(crate) fn list_item(line: &str) -> Option<(bool, &str)> {
    if let Some(rest) = line.strip_prefix("- ").or_else(|| line.strip_prefix("* ")) {
        return Some((false, rest.trim()));
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        if let Some(rest) = line[digits..].strip_prefix(". ") {
            return Some((true, rest.trim()));
        }
    }
    None
}

/// Parses inline text.
pub fn parse_inline(text: &str) -> Vec<Inline> {
    let chars: Vec<char> = text.chars().collect();
    parse_span(&chars, 0)
}

const MAX_NESTING: usize = 4;

fn parse_span(c: &[char], depth: usize) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut i = 0;
    let push_text = |text: &mut String, out: &mut Vec<Inline>| {
        if !text.is_empty() {
            out.push(Inline::Text(std::mem::take(text)));
        }
    };
    while i < c.len() {
        let ch = c[i];
        if ch == '\\' && i + 1 < c.len() && c[i + 1].is_ascii_punctuation() {
            text.push(c[i + 1]);
            i += 2;
            continue;
        }
        if ch == '`' {
            if let Some(end) = find(c, i + 1, &['`']) {
                push_text(&mut text, &mut out);
                out.push(Inline::Code(c[i + 1..end].iter().collect()));
                i = end + 1;
                continue;
            }
        }
        if depth < MAX_NESTING && ch == '*' && c.get(i + 1) == Some(&'*') {
            if let Some(end) = find(c, i + 2, &['*', '*']).filter(|&e| e > i + 2) {
                push_text(&mut text, &mut out);
                out.push(Inline::Strong(parse_span(&c[i + 2..end], depth + 1)));
                i = end + 2;
                continue;
            }
        }
        if depth < MAX_NESTING && (ch == '*' || ch == '_') && c.get(i + 1).is_some_and(|n| !n.is_whitespace()) {
            // `_` inside a word (snake_case, trans_id) is text.
            let in_word = ch == '_' && i > 0 && c[i - 1].is_alphanumeric();
            if !in_word {
                if let Some(end) = find(c, i + 1, &[ch]).filter(|&e| e > i + 1) {
                    let closes_word = ch == '_' && c.get(end + 1).is_some_and(|n| n.is_alphanumeric());
                    if !closes_word {
                        push_text(&mut text, &mut out);
                        out.push(Inline::Emphasis(parse_span(&c[i + 1..end], depth + 1)));
                        i = end + 1;
                        continue;
                    }
                }
            }
        }
        if depth < MAX_NESTING && ch == '[' {
            if let Some(close) = find(c, i + 1, &[']']) {
                if c.get(close + 1) == Some(&'(') {
                    if let Some(paren) = find(c, close + 2, &[')']) {
                        let url: String = c[close + 2..paren].iter().collect();
                        if safe_url(&url) {
                            push_text(&mut text, &mut out);
                            out.push(Inline::Link { text: parse_span(&c[i + 1..close], depth + 1), url });
                            i = paren + 1;
                            continue;
                        }
                    }
                }
            }
        }
        text.push(ch);
        i += 1;
    }
    push_text(&mut text, &mut out);
    out
}

/// The longest span (code, emphasis, link) looked for, in characters: it keeps a hostile paragraph of a thousand
/// unclosed `[` linear.
const MAX_SPAN: usize = 600;

/// The first index at or after `from` (and within [`MAX_SPAN`]) where `pat` starts.
fn find(c: &[char], from: usize, pat: &[char]) -> Option<usize> {
    (from..c.len().min(from.saturating_add(MAX_SPAN))).find(|&j| c[j..].starts_with(pat))
}

/// Only web addresses become links.
fn safe_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !url.chars().any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>')
}

/// Inline text as plain text: code in backquotes, links as `text (url)`.
pub fn inline_text(inlines: &[Inline]) -> String {
    let mut s = String::new();
    for i in inlines {
        match i {
            Inline::Text(t) => s.push_str(t),
            Inline::Code(t) => {
                s.push('`');
                s.push_str(t);
                s.push('`');
            }
            Inline::Emphasis(x) | Inline::Strong(x) => s.push_str(&inline_text(x)),
            Inline::Link { text, url } => {
                let t = inline_text(text);
                s.push_str(&t);
                if t != *url {
                    s.push_str(" (");
                    s.push_str(url);
                    s.push(')');
                }
            }
        }
    }
    s
}

/// Blocks as plain text for a terminal: paragraphs wrapped at 100 columns, code indented by four spaces, list
/// items with `-` or their number.
pub fn to_text(blocks: &[Block]) -> String {
    let mut parts = Vec::new();
    for b in blocks {
        parts.push(match b {
            Block::Paragraph(x) => wrap(&inline_text(x), 100, ""),
            Block::Code(code) => code.lines().map(|l| format!("    {l}")).collect::<Vec<_>>().join("\n"),
            Block::List { ordered, items } => items
                .iter()
                .enumerate()
                .map(|(n, item)| {
                    let mark = if *ordered { format!("{}. ", n + 1) } else { "- ".to_string() };
                    let body = wrap(&inline_text(item), 100 - mark.len(), &" ".repeat(mark.len()));
                    format!("{mark}{body}")
                })
                .collect::<Vec<_>>()
                .join("\n"),
        });
    }
    parts.join("\n\n")
}

/// Greedy word wrap; continuation lines start with `indent`.
fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut out = String::new();
    let mut col = 0;
    for word in text.split_whitespace() {
        let len = word.chars().count();
        if col > 0 && col + 1 + len > width {
            out.push('\n');
            out.push_str(indent);
            col = 0;
        } else if col > 0 {
            out.push(' ');
            col += 1;
        }
        out.push_str(word);
        col += len;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<(usize, &str)> {
        text.lines().enumerate().map(|(i, l)| (i + 1, l)).collect()
    }

    #[test]
    fn blocks_and_inlines() {
        let b = parse_blocks(&lines(
            "Run `aws kinesis list-streams`,\nthen **look**.\n\n- one\n  more\n- *two*\n\n```\naws kinesis help\n```\n1. [AWS](https://aws.amazon.com)",
        ))
        .unwrap();
        assert_eq!(
            b,
            vec![
                Block::Paragraph(vec![
                    Inline::Text("Run ".into()),
                    Inline::Code("aws kinesis list-streams".into()),
                    Inline::Text(", then ".into()),
                    Inline::Strong(vec![Inline::Text("look".into())]),
                    Inline::Text(".".into()),
                ]),
                Block::List {
                    ordered: false,
                    items: vec![
                        vec![Inline::Text("one more".into())],
                        vec![Inline::Emphasis(vec![Inline::Text("two".into())])]
                    ]
                },
                Block::Code("aws kinesis help".into()),
                Block::List {
                    ordered: true,
                    items: vec![vec![Inline::Link {
                        text: vec![Inline::Text("AWS".into())],
                        url: "https://aws.amazon.com".into()
                    }]]
                },
            ]
        );
    }

    #[test]
    fn html_and_unsafe_links_stay_text() {
        assert_eq!(parse_inline("<b>x</b>"), vec![Inline::Text("<b>x</b>".into())]);
        assert_eq!(parse_inline("[x](javascript:alert(1))"), vec![Inline::Text("[x](javascript:alert(1))".into())]);
        assert_eq!(parse_inline("trans_id and amt_x"), vec![Inline::Text("trans_id and amt_x".into())]);
        assert_eq!(parse_inline("\\*not\\*"), vec![Inline::Text("*not*".into())]);
    }

    #[test]
    fn an_unclosed_fence_is_refused_at_its_line() {
        let e = parse_blocks(&lines("text\n\n```\naws")).unwrap_err();
        assert_eq!(e.line, 3);
    }

    #[test]
    fn text_rendering() {
        let b = parse_blocks(&lines("See `x` and [docs](https://a.b).\n\n```\nls\n```\n- a")).unwrap();
        assert_eq!(to_text(&b), "See `x` and docs (https://a.b).\n\n    ls\n\n- a");
    }
}
