//! When the page fetches its deferred parts ([`crate::parts`]): all of them on the learner's first interaction (a
//! key or a pointer press anywhere, not a focus the page makes itself), and any one a change to the session needs
//! (every console line needs the command interpreter) before that change runs. Changes wait in order: one that
//! comes while an earlier one waits for a part waits behind it.

use crate::parts::{self, Part};
use crate::ui::{Playground, PlaygroundHandle};
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;

thread_local! {
    /// Parts known to be in (a load finished).
    static LOADED: RefCell<Vec<Part>> = const { RefCell::new(Vec::new()) };
    /// Changes waiting for parts, in the order they came.
    static WAITING: RefCell<VecDeque<(PlaygroundHandle, Vec<Part>, Change)>> = const { RefCell::new(VecDeque::new()) };
    static DRAINING: Cell<bool> = const { Cell::new(false) };
}

/// Fetches every part on the learner's first key or pointer press.
pub fn load_on_first_interaction() {
    let Some(window) = web_sys::window() else { return };
    let fired = std::rc::Rc::new(Cell::new(false));
    for event in ["keydown", "pointerdown"] {
        let fired = fired.clone();
        let listener = Closure::<dyn FnMut()>::new(move || {
            if !fired.replace(true) {
                spawn_local(async {
                    for part in parts::ALL {
                        load(part).await;
                    }
                });
            }
        });
        let _ = window.add_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
        // The listeners live as long as the page (two, each a few bytes; after the first press they do nothing).
        listener.forget();
    }
}

/// Fetches a part (once) and notes it in.
pub async fn load(part: Part) -> bool {
    if is_loaded(part) {
        return true;
    }
    let ok = parts::load(part).await;
    if ok {
        LOADED.with(|l| l.borrow_mut().push(part));
    }
    ok
}

/// True once a part is in (always, outside the page build).
pub fn is_loaded(part: Part) -> bool {
    cfg!(not(feature = "split")) || LOADED.with(|l| l.borrow().contains(&part))
}

/// A change to the session waiting for parts.
type Change = Box<dyn FnOnce(&mut Playground)>;

/// Changes the session now, or, when the change needs a part that is not in yet (or an earlier change is still
/// waiting), after the parts arrive (in order): `None` then. A part that cannot be fetched does not hold the change
/// back for good: it runs, and whatever needed the part says so.
pub fn after<R>(
    handle: &PlaygroundHandle,
    needs: &[Part],
    change: impl FnOnce(&mut Playground) -> R + 'static,
) -> Option<R> {
    let waiting = WAITING.with(|w| !w.borrow().is_empty());
    if !waiting && needs.iter().copied().all(is_loaded) {
        return handle.update(change);
    }
    let change: Change = Box::new(move |p| {
        change(p);
    });
    WAITING.with(|w| w.borrow_mut().push_back((handle.clone(), needs.to_vec(), change)));
    if !DRAINING.replace(true) {
        spawn_local(async {
            while let Some(needs) = WAITING.with(|w| w.borrow().front().map(|(_, needs, _)| needs.clone())) {
                for part in needs {
                    load(part).await;
                }
                if let Some((handle, _, change)) = WAITING.with(|w| w.borrow_mut().pop_front()) {
                    handle.update(change);
                }
            }
            DRAINING.set(false);
        });
    }
    None
}

/// The parts a console line needs: the command interpreter, and what the line itself asks for.
pub fn for_line(line: &str) -> Vec<Part> {
    let mut needs = vec![Part::Console];
    needs.extend(parts::needed_by(line));
    needs
}
