//! Changing a deal's people from a form: the edit is checked by the core first and sent only
//! when accepted, and a form field's value is read from its event.
use yew::prelude::*;

use crate::domain::people::PeopleEdit;
use crate::domain::Deal;
use crate::i18n::Lang;
use crate::session::Action;
use crate::ui::common::context::Dispatch;
use crate::web::clock;

/// Sends a change to the deal's people once the core accepts it (the reducer drops a refused
/// one silently); otherwise the refusal in the person's words, and nothing is sent.
pub fn send_edit(
    dispatch: &Dispatch,
    lang: Lang,
    deal: &Deal,
    edit: PeopleEdit,
) -> Result<(), String> {
    deal.people
        .clone()
        .apply(edit.clone())
        .map_err(|e| lang.people_error(&e))?;
    dispatch.dispatch(Action::EditPeople {
        id: deal.id.clone(),
        edit,
        now: clock::now(),
    });
    Ok(())
}

/// The value of the input, select or text area an event came from.
pub fn value_of(e: &Event) -> String {
    e.target()
        .and_then(|t| js_sys::Reflect::get(&t, &wasm_bindgen::JsValue::from_str("value")).ok())
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}
