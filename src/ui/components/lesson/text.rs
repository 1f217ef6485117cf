//! Lesson text (the lesson module's safe Markdown tree) as Yew nodes: text nodes only, never HTML; links only to
//! `http(s)` addresses, opened in a new tab with `rel="noopener noreferrer"`.

use crate::lesson::{Block, Inline};
use crate::ui::components::markup::{el, text_el};
use yew::prelude::*;

/// Blocks: paragraphs, code blocks, lists.
pub fn blocks(blocks: &[Block]) -> Html {
    blocks
        .iter()
        .map(|b| match b {
            Block::Paragraph(i) => el("p", "", vec![inlines(i)]),
            Block::Code(code) => html! { <pre class="lesson__code">{ text_el("code", "", code.clone().into()) }</pre> },
            Block::List { ordered: true, items } => {
                html! { <ol>{ for items.iter().map(|i| el("li", "", vec![inlines(i)])) }</ol> }
            }
            Block::List { ordered: false, items } => {
                html! { <ul>{ for items.iter().map(|i| el("li", "", vec![inlines(i)])) }</ul> }
            }
        })
        .collect()
}

/// Inline text: plain, `code`, emphasis, strong, links.
pub fn inlines(inlines: &[Inline]) -> Html {
    inlines
        .iter()
        .map(|i| match i {
            Inline::Text(t) => html! { { t.clone() } },
            Inline::Code(c) => text_el("code", "", c.clone().into()),
            Inline::Emphasis(i) => el("em", "", vec![self::inlines(i)]),
            Inline::Strong(i) => el("strong", "", vec![self::inlines(i)]),
            Inline::Link { text, url } if is_web_address(url) => html! {
                <a href={url.clone()} target="_blank" rel="noopener noreferrer">{ self::inlines(text) }</a>
            },
            Inline::Link { text, .. } => self::inlines(text),
        })
        .collect()
}

/// Only `https://` and `http://` addresses become links (the parser keeps to them too; this holds whatever it does).
fn is_web_address(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")) && !url.chars().any(char::is_control)
}
