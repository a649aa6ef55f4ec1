//! The form of one contact (重点客户档案): every field of the model. Enter saves, Escape cancels
//! the form (not the dialog); the core's refusal is shown next to the field it is about.
use chrono::NaiveDate;
use yew::prelude::*;

use crate::domain::people::{
    Attitude, Contact, ContactId, Influence, Level, People, PeopleEdit, PeopleError, Relationship,
    Role,
};
use crate::domain::DealId;
use crate::i18n::Lang;
use crate::session::Action;
use crate::ui::common::context::Dispatch;
use crate::web::clock;

/// What the form is drawn from. It is part of the People tab rather than a component of its
/// own (every component costs the download its share of Yew's machinery): the tab holds its
/// state, the core's last refusal.
pub struct ContactFormProps<'a> {
    pub lang: Lang,
    pub deal: &'a DealId,
    pub people: &'a People,
    /// The contact edited; none for a new one.
    pub contact: Option<&'a Contact>,
    /// The form is done: saved (with the contact's id) or cancelled (none).
    pub on_done: &'a Callback<Option<ContactId>>,
    pub error: &'a UseStateHandle<Option<PeopleError>>,
    pub dispatch: &'a Dispatch,
}

/// A labelled text input.
fn text(id: &'static str, label: &'static str, value: &str) -> Html {
    html! {
        <div class="form-field">
            <label for={id}>{ label }</label>
            <input type="text" {id} data-testid={id} value={value.to_string()} />
        </div>
    }
}

/// A select of a closed set (by position in `names`), with "not known" first.
fn choice(
    id: &'static str,
    label: &'static str,
    lang: Lang,
    names: Vec<&'static str>,
    value: Option<u8>,
) -> Html {
    html! {
        <div class="form-field">
            <label for={id}>{ label }</label>
            <select {id} data-testid={id}>
                <option value="" selected={value.is_none()}>{ lang.texts().not_known }</option>
                { for names.iter().enumerate().map(|(i, name)| html! {
                    <option value={i.to_string()} selected={value == Some(i as u8)}>{ *name }</option>
                }) }
            </select>
        </div>
    }
}

/// A property of the form's element `id` (`value`, `checked`).
fn read(id: &str, property: &str) -> wasm_bindgen::JsValue {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| js_sys::Reflect::get(&e, &property.into()).ok())
        .unwrap_or_default()
}

/// The value of the page's form element `id` (empty when there is none).
pub fn value(id: &str) -> String {
    read(id, "value").as_string().unwrap_or_default()
}

/// The chosen position of a select, none for "not known".
fn chosen<T: Copy>(id: &str, all: &[T]) -> Option<T> {
    value(id)
        .parse::<usize>()
        .ok()
        .and_then(|i| all.get(i).copied())
}

/// `contact` with what the form holds.
fn from_form(mut c: Contact) -> Contact {
    c.name = value("contact-name").trim().to_string();
    c.title = value("contact-title").trim().to_string();
    c.department = value("contact-department").trim().to_string();
    c.level = chosen("contact-level", Level::ALL);
    c.roles = Role::ALL
        .iter()
        .copied()
        .filter(|r| read(&format!("contact-role-{}", r.code()), "checked").is_truthy())
        .collect();
    c.influence = chosen("contact-influence", Influence::ALL);
    c.attitude = chosen("contact-attitude", Attitude::ALL);
    c.relationship = chosen("contact-relationship", Relationship::ALL);
    c.owner = value("contact-owner").trim().to_string();
    c.last_contact = NaiveDate::parse_from_str(&value("contact-last"), "%Y-%m-%d").ok();
    c.wants_result = value("contact-wants-result").trim().to_string();
    c.wants_win = value("contact-wants-win").trim().to_string();
    c.notes = value("contact-notes").trim().to_string();
    c
}

pub fn contact_form(props: ContactFormProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let error = props.error;
    let submit = {
        let (error, people, contact) =
            (error.clone(), props.people.clone(), props.contact.cloned());
        let (deal, on_done, dispatch) = (
            props.deal.clone(),
            props.on_done.clone(),
            props.dispatch.clone(),
        );
        move |e: SubmitEvent| {
            e.prevent_default();
            let edit = match &contact {
                Some(c) => PeopleEdit::UpdateContact(from_form(c.clone())),
                None => {
                    PeopleEdit::AddContact(from_form(Contact::named(clock::new_contact_id(), "")))
                }
            };
            // the core decides; what it refuses stays in the form with its reason
            if let Err(refused) = people.clone().apply(edit.clone()) {
                error.set(Some(refused));
                focus_soon("#contact-name");
                return;
            }
            let id = match &edit {
                PeopleEdit::AddContact(c) | PeopleEdit::UpdateContact(c) => c.id.clone(),
                _ => return,
            };
            dispatch.dispatch(Action::EditPeople {
                id: deal.clone(),
                edit,
                now: clock::now(),
            });
            on_done.emit(Some(id));
        }
    };
    let onkeydown = {
        let on_done = props.on_done.clone();
        move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                e.stop_propagation();
                on_done.emit(None);
            }
        }
    };
    let cancel = {
        let on_done = props.on_done.clone();
        move |_| on_done.emit(None)
    };
    let empty = Contact::named(ContactId::new(""), "");
    let c = props.contact.unwrap_or(&empty);
    let name_error = error.as_ref().filter(|e| **e == PeopleError::NameRequired);
    let other_error = error.as_ref().filter(|e| **e != PeopleError::NameRequired);
    let key = c.id.as_str().to_string();
    let heading = if props.contact.is_some() {
        t.people_editing
    } else {
        t.people_new
    };
    let names = |all: &[u8], name: &dyn Fn(u8) -> &'static str| {
        all.iter().map(|i| name(*i)).collect::<Vec<_>>()
    };
    html! {
        <form {key} class="contact-form" data-testid="contact-form" aria-label={heading}
            onsubmit={submit} {onkeydown} novalidate=true>
            <h4>{ heading }</h4>
            if let Some(e) = other_error {
                <p class="form-alert" role="alert">{ lang.people_error(e) }</p>
            }
            <div class={classes!("form-field", name_error.is_some().then_some("invalid"))}>
                <label for="contact-name">{ t.map_name }<span class="required" aria-hidden="true">{ " *" }</span></label>
                <input type="text" id="contact-name" data-testid="contact-name" required=true
                    aria-invalid={name_error.is_some().to_string()}
                    aria-describedby={name_error.map(|_| "contact-name-error")}
                    value={c.name.clone()} />
                if let Some(e) = name_error {
                    <p class="field-error" id="contact-name-error" data-testid="field-error" data-field="contact-name">{ lang.people_error(e) }</p>
                }
            </div>
            { text("contact-title", t.map_job_title, &c.title) }
            { text("contact-department", t.contact_department, &c.department) }
            { choice("contact-level", t.map_level, lang, names(&[0, 1, 2], &|i| lang.level(Level::ALL[usize::from(i)])), c.level.map(Level::rank)) }
            <fieldset class="roles">
                <legend>{ t.map_roles }</legend>
                { for Role::ALL.iter().map(|r| {
                    let id = format!("contact-role-{}", r.code());
                    html! {
                        <label class="check" for={id.clone()}>
                            <input type="checkbox" id={id.clone()} data-testid={id} checked={c.has(*r)} />
                            { lang.role(*r) }
                        </label>
                    }
                }) }
            </fieldset>
            { choice("contact-influence", t.map_influence, lang, names(&[0, 1, 2], &|i| lang.influence(Influence::ALL[usize::from(i)])), c.influence.map(Influence::rank)) }
            { choice("contact-attitude", t.map_attitude, lang, names(&[0, 1, 2, 3, 4], &|i| lang.attitude(Attitude::ALL[usize::from(i)])), c.attitude.map(Attitude::rank)) }
            { choice("contact-relationship", t.map_relationship, lang, names(&[0, 1, 2, 3, 4], &|i| lang.relationship(Relationship::ALL[usize::from(i)])), c.relationship.map(Relationship::rank)) }
            { text("contact-owner", t.map_owner, &c.owner) }
            <div class="form-field">
                <label for="contact-last">{ t.contact_last }</label>
                <input type="date" id="contact-last" data-testid="contact-last"
                    value={c.last_contact.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default()} />
            </div>
            { text("contact-wants-result", t.contact_wants_result, &c.wants_result) }
            { text("contact-wants-win", t.contact_wants_win, &c.wants_win) }
            <div class="form-field wide">
                <label for="contact-notes">{ t.contact_notes }</label>
                <textarea id="contact-notes" data-testid="contact-notes" rows="2" value={c.notes.clone()} />
            </div>
            <div class="form-actions">
                <button type="submit" class="primary" data-testid="contact-save">{ t.save }</button>
                <button type="button" data-testid="contact-cancel" onclick={cancel}>{ t.cancel }</button>
            </div>
        </form>
    }
}

/// Focuses the element `css` once the page is drawn again.
pub fn focus_soon(css: impl Into<String>) {
    let css = css.into();
    gloo_timers::callback::Timeout::new(0, move || {
        let found = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(&css).ok().flatten())
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
        if let Some(e) = found {
            let _ = e.focus();
        }
    })
    .forget();
}
