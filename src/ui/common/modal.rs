//! Modal dialogs: a native `<dialog>` opened with `showModal()` (focus trap, Esc, backdrop) on its
//! first field, whose closing goes through the reducer like every other change and gives the
//! focus back to what opened it.
use web_sys::HtmlDialogElement;
use yew::prelude::*;

use super::context::Dispatch;
use super::focus::{first_field, Opener};
use crate::session::Action;

/// A ref for a `<dialog>`, which is opened as a modal once mounted.
#[hook]
pub fn use_modal() -> NodeRef {
    let dialog = use_node_ref();
    {
        let dialog = dialog.clone();
        use_effect_with((), move |_| {
            let opener = Opener::now();
            if let Some(dialog) = dialog.cast::<HtmlDialogElement>() {
                let _ = dialog.show_modal();
                first_field(&dialog);
            }
            move || opener.give_back()
        });
    }
    dialog
}

/// The `oncancel` handler (Esc): the browser does not close the dialog; `action` is dispatched.
pub fn on_escape(dispatch: &Dispatch, action: fn() -> Action) -> Callback<Event> {
    let dispatch = dispatch.clone();
    Callback::from(move |e: Event| {
        e.prevent_default();
        dispatch.dispatch(action());
    })
}
