//! The keys of projector mode and the page address that keeps its slide across a reload.
use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::session::projector::{key_verb, Slide};
use crate::session::{Action, Session};
use crate::web::place;

/// Hears `p` (when no field has the focus), Esc, the arrows, Space, Page Up/Down, Home and End,
/// and writes the slide into the page address (`#projector/…`) whenever it changes.
#[hook]
pub fn use_projector(state: &UseReducerHandle<Session>) {
    let on = state.projector.is_some();
    let dispatch = state.dispatcher();
    use_effect_with(on, move |on| {
        let on = *on;
        let listener = web_sys::window().map(|window| {
            let options = EventListenerOptions::enable_prevent_default();
            EventListener::new_with_options(&window, "keydown", options, move |event| {
                let Some(key) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                    return;
                };
                if key.ctrl_key() || key.meta_key() || key.alt_key() || typing(event) {
                    return;
                }
                if let Some(verb) = key_verb(&key.key(), on) {
                    event.prevent_default();
                    dispatch.dispatch(Action::Present(verb));
                }
            })
        });
        move || drop(listener)
    });
    use_effect_with(state.projector.clone(), |slide| {
        place::show_hash(slide.as_ref().map(Slide::to_hash));
    });
}

/// Whether the key went to a field being typed in.
fn typing(event: &web_sys::Event) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || el.is_content_editable()
        })
}
