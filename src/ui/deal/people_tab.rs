//! The deal's People tab (决策链): its score, its coverage flags, the 渔网图 (or the same as a
//! table), the contacts with their form, and the links.
use std::rc::Rc;

use chrono::Local;
use yew::prelude::*;

use super::contact_form::{contact_form, focus_soon, ContactFormProps};
use super::contact_list::contact_list;
use super::coverage_flags::coverage_flags;
use super::link_editor::{link_editor, Refused};
use super::people_cards::{cards, vocab};
use super::people_map::{people_map, people_table, PeopleProps};
use super::score_panel::score_panel;
use crate::domain::coverage::Flag;
use crate::domain::method::Method;
use crate::domain::people::ContactId;
use crate::domain::score::score;
use crate::domain::Deal;
use crate::i18n::Lang;
use crate::ui::common::shared::Shared;
use crate::web::clock;

#[derive(Properties, PartialEq)]
pub struct PeopleTabProps {
    pub lang: Lang,
    pub deal: Rc<Deal>,
    pub method: Shared<Method>,
    pub flags: Rc<Vec<Flag>>,
}

/// Which contact the form is open for.
#[derive(Clone, PartialEq)]
enum Editing {
    Nobody,
    New,
    Contact(ContactId),
}

#[component]
pub fn PeopleTab(props: &PeopleTabProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let deal = &props.deal;
    let editing = use_state(|| Editing::Nobody);
    let removing = use_state(|| None::<ContactId>);
    let error = use_state(|| None::<crate::domain::people::PeopleError>);
    let refused = use_state(|| None::<Refused>);
    let dispatch = crate::ui::common::context::use_dispatch();
    let as_table = use_state(|| false);
    let score = score(&props.method, deal, clock::today(), &Local);
    let (people, links) = cards(lang, &deal.people);
    let map = PeopleProps {
        lang,
        people,
        links,
        vocab: vocab(lang),
        ids: "",
    };
    let on_done = {
        let editing = editing.clone();
        Callback::from(move |_saved: Option<ContactId>| {
            // the focus goes back where the form was opened from
            focus_soon(match &*editing {
                Editing::Contact(id) => format!(
                    "[data-contact-id=\"{}\"] [data-testid=contact-edit]",
                    id.as_str()
                ),
                _ => "[data-testid=people-add]".to_string(),
            });
            editing.set(Editing::Nobody);
        })
    };
    let on_edit = {
        let (editing, error) = (editing.clone(), error.clone());
        Callback::from(move |id: ContactId| {
            error.set(None);
            editing.set(Editing::Contact(id));
            focus_soon("#contact-name");
        })
    };
    let add = {
        let (editing, error) = (editing.clone(), error.clone());
        move |_| {
            error.set(None);
            editing.set(Editing::New);
            focus_soon("#contact-name");
        }
    };
    let switch = |table: bool, label: &'static str, testid: &'static str| {
        let as_table = as_table.clone();
        let pressed = *as_table == table;
        html! {
            <button type="button" class="ghost small" aria-pressed={pressed.to_string()} data-testid={testid}
                onclick={move |_| as_table.set(table)}>{ label }</button>
        }
    };
    let form = |contact| {
        contact_form(ContactFormProps {
            lang,
            deal: &deal.id,
            people: &deal.people,
            contact,
            on_done: &on_done,
            error: &error,
            dispatch: &dispatch,
        })
    };
    html! {
        <div class="people-tab" data-testid="people-tab">
            { score_panel(lang, &score, &props.method) }
            { coverage_flags(lang, deal, &props.method, &props.flags) }
            if map.people.is_empty() {
                <p class="note" data-testid="people-empty">{ t.people_empty }</p>
            } else {
                <div class="map-switch" role="group" aria-label={t.map_title}>
                    { switch(false, t.view_map, "view-map") }
                    { switch(true, t.view_table, "view-table") }
                </div>
                { if *as_table { people_table(&map) } else { people_map(&map) } }
            }
            { contact_list(lang, &deal.id, &deal.people.contacts, &on_edit, &removing, &dispatch) }
            { match &*editing {
                Editing::New => form(None),
                Editing::Contact(id) => form(deal.people.contact(id)),
                Editing::Nobody => html! {
                    <button type="button" data-testid="people-add" onclick={add}>{ t.people_add }</button>
                },
            } }
            { link_editor(lang, &deal.id, &deal.people, &refused, &dispatch) }
        </div>
    }
}
