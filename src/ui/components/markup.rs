//! Out-of-line builders for plain markup, so repeated elements cost a call rather than a copy of `html!`'s
//! expansion each.
//!
//! Every `html!` element is built inline where it is written (a `VTag`'s fields, its attributes, its child list:
//! about 150 B of wasm per element). For static elements with a class and children, one call to [`el`] or [`text_el`]
//! builds the same virtual DOM (the same tag, the same `class` attribute, the same children) from one copy of that
//! code. Keep `html!` for elements with listeners, keys or several dynamic attributes.

use yew::virtual_dom::{AttrValue, AttributeOrProperty, Attributes, Listeners, VList, VNode, VTag, VText};
use yew::{Html, NodeRef};

/// `<tag class={class}>{ children }</tag>` (no `class` attribute when `class` is empty).
#[inline(never)]
pub fn el(tag: &'static str, class: &'static str, children: Vec<Html>) -> Html {
    let attributes = if class.is_empty() {
        Attributes::Static(&[])
    } else {
        Attributes::Dynamic { keys: &["class"], values: Box::new([Some(AttributeOrProperty::Static(class))]) }
    };
    let children = VNode::from(VList::with_children(children, None));
    VTag::__new_other(AttrValue::Static(tag), NodeRef::default(), None, attributes, Listeners::None, children).into()
}

/// `<tag class={class}>{ text }</tag>`: an element holding one text.
#[inline(never)]
pub fn text_el(tag: &'static str, class: &'static str, text: AttrValue) -> Html {
    el(tag, class, vec![VNode::VText(VText::new(text))])
}

/// A text node (what `{ string }` makes in `html!`), without `html!`'s `to_string` copy of a `String`.
#[inline(never)]
pub fn txt(text: impl Into<AttrValue>) -> Html {
    VNode::VText(VText::new(text))
}

/// One entry of a facts list: `<dt>{ label }</dt><dd>{ value }</dd>`.
#[inline(never)]
pub fn fact(label: &'static str, value: Vec<Html>) -> Html {
    VList::with_children(vec![text_el("dt", "", AttrValue::Static(label)), el("dd", "", value)], None).into()
}

/// `<button type="button" class={class} onclick={onclick}>{ label }</button>`.
#[inline(never)]
pub fn button(class: &'static str, onclick: yew::Callback<yew::MouseEvent>, label: AttrValue) -> Html {
    let attributes = Attributes::Dynamic {
        keys: &["type", "class"],
        values: Box::new([Some(AttributeOrProperty::Static("button")), Some(AttributeOrProperty::Static(class))]),
    };
    let listeners = Listeners::Pending(Box::new([yew::html::onclick::Wrapper::__macro_new(onclick)]));
    let children = VNode::from(VList::with_children(vec![VNode::VText(VText::new(label))], None));
    VTag::__new_other(AttrValue::Static("button"), NodeRef::default(), None, attributes, listeners, children).into()
}

/// The classes `base` and, when there is one, `extra` (what `classes!(base, extra)` builds, from one copy of the
/// code instead of one per site).
#[inline(never)]
pub fn cls(base: &'static str, extra: Option<&'static str>) -> yew::Classes {
    let mut c = yew::Classes::from(base);
    if let Some(e) = extra {
        c.push(e);
    }
    c
}

/// The classes `base` and the shard's colour (`classes!(base, shard_class(index))`, from one copy of the code).
#[inline(never)]
pub fn shard_cls(base: &'static str, index: u32) -> yew::Classes {
    let mut c = yew::Classes::from(base);
    c.push(super::views::shard_class(index));
    c
}
