//! Cards drawn as they come into view: a group draws its first few cards and a marker after
//! them; once the marker comes near the viewport (or the page is printed), the group draws the
//! rest of its page. A merge of 10,000 deals then builds the cards a person can see, not 200.
use gloo_events::EventListener;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};
use yew::prelude::*;

/// How far below (and above) the viewport the marker counts as near: the next cards are drawn
/// before they scroll in.
const AHEAD: &str = "400px 0px";

/// The event that asks every group to draw all its cards (the board about to be printed).
const DRAW_ALL: &str = "keyplan-draw-all";

/// Whether the group draws all the cards of its page: once the marker `end` comes near the
/// viewport, the browser is about to print, or [`draw_all`] was called. Once set, it stays set.
/// `pending` says whether some cards of the page are not drawn, which is exactly when the group
/// draws the marker: the marker is watched from the moment it is there (a change of `pending`
/// sets up the watch again).
#[hook]
pub fn use_near_view(end: NodeRef, pending: bool) -> UseStateHandle<bool> {
    let near = use_state(|| false);
    {
        let near = near.clone();
        use_effect_with((*near, pending), move |&(is_near, pending)| {
            let mut watching = None;
            if !is_near && pending {
                let window = web_sys::window();
                let draw = |near: UseStateHandle<bool>| move |_: &Event| near.set(true);
                let printing = window.as_ref().map(|w| {
                    (
                        EventListener::new(w, "beforeprint", draw(near.clone())),
                        EventListener::new(w, DRAW_ALL, draw(near.clone())),
                    )
                });
                let observer = end.cast::<web_sys::Element>().and_then(|marker| {
                    let near = near.clone();
                    let seen =
                        Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
                            let close = entries.iter().any(|e| {
                                e.unchecked_into::<IntersectionObserverEntry>()
                                    .is_intersecting()
                            });
                            if close {
                                near.set(true);
                            }
                        });
                    let options = IntersectionObserverInit::new();
                    options.set_root_margin(AHEAD);
                    let observer = IntersectionObserver::new_with_options(
                        seen.as_ref().unchecked_ref(),
                        &options,
                    )
                    .ok()?;
                    observer.observe(&marker);
                    Some((observer, seen))
                });
                watching = Some((printing, observer));
            }
            move || {
                if let Some((_, Some((observer, _)))) = &watching {
                    observer.disconnect();
                }
                drop(watching);
            }
        });
    }
    near
}

/// Asks every group on the page to draw all the cards of its page (before printing the board,
/// from a handout: the browser's own `beforeprint` comes too late for the page to be redrawn).
pub fn draw_all() {
    if let (Some(window), Ok(event)) = (web_sys::window(), web_sys::Event::new(DRAW_ALL)) {
        let _ = window.dispatch_event(&event);
    }
}
