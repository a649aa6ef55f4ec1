//! The lines of the map: reports-to and influences, added by choosing two people and removed
//! one by one.
use yew::prelude::*;

use crate::domain::people::{ContactId, Link, LinkKind, People, PeopleEdit, PeopleError};
use crate::domain::DealId;
use crate::i18n::Lang;
use crate::session::Action;
use crate::ui::common::context::Dispatch;
use crate::web::clock;

/// Why a link was not added: the core's refusal, or that it is there already.
#[derive(Clone, PartialEq)]
pub enum Refused {
    Core(PeopleError),
    Twice,
}

/// The links and their form (part of the People tab, which holds `refused`: why the last link
/// was not added).
pub fn link_editor(
    lang: Lang,
    deal: &DealId,
    people: &People,
    refused: &UseStateHandle<Option<Refused>>,
    dispatch: &Dispatch,
) -> Html {
    let t = lang.texts();
    // the selects keep what the person chose; the form reads them when it is sent
    let select = |id: &'static str, label: &'static str, chosen: usize, names: Vec<String>| {
        html! {
            <div class="form-field">
                <label for={id}>{ label }</label>
                <select {id} data-testid={id}>
                    { for names.into_iter().enumerate().map(|(i, name)| html! {
                        <option value={i.to_string()} selected={i == chosen}>{ name }</option>
                    }) }
                </select>
            </div>
        }
    };
    let names: Vec<String> = people.contacts.iter().map(|c| c.name.clone()).collect();
    let kinds: Vec<String> = LinkKind::ALL
        .iter()
        .map(|k| lang.link_kind(*k).to_string())
        .collect();
    let add = {
        let (dispatch, deal, people, refused) = (
            dispatch.clone(),
            deal.clone(),
            people.clone(),
            refused.clone(),
        );
        move |e: SubmitEvent| {
            e.prevent_default();
            let at = |id: &str| super::contact_form::value(id).parse::<usize>().unwrap_or(0);
            let id = |i: usize| people.contacts.get(i).map(|c| c.id.clone());
            let (Some(a), Some(b)) = (id(at("link-from")), id(at("link-to"))) else {
                return;
            };
            let edit = PeopleEdit::AddLink(Link {
                from: a,
                to: b,
                kind: LinkKind::ALL[at("link-kind").min(1)],
            });
            match people.clone().apply(edit.clone()) {
                Err(e) => refused.set(Some(Refused::Core(e))),
                Ok(false) => refused.set(Some(Refused::Twice)),
                Ok(true) => {
                    refused.set(None);
                    dispatch.dispatch(Action::EditPeople {
                        id: deal.clone(),
                        edit,
                        now: clock::now(),
                    });
                }
            }
        }
    };
    let name_of = |id: &ContactId| people.contact(id).map_or(String::new(), |c| c.name.clone());
    let link_row = |link: &Link| {
        let remove = {
            let (dispatch, deal, link) = (dispatch.clone(), deal.clone(), link.clone());
            move |_| {
                dispatch.dispatch(Action::EditPeople {
                    id: deal.clone(),
                    edit: PeopleEdit::RemoveLink(link.clone()),
                    now: clock::now(),
                });
                super::contact_form::focus_soon("#link-from");
            }
        };
        let words = format!(
            "{} {} {}",
            name_of(&link.from),
            lang.link_kind(link.kind),
            name_of(&link.to)
        );
        html! {
            <li data-testid="link-row" class={link.kind.code()}>
                <span>{ words.clone() }</span>
                <button type="button" class="ghost small" data-testid="link-remove"
                    aria-label={format!("{} {}", t.remove, words)} onclick={remove}>{ t.remove }</button>
            </li>
        }
    };
    let error = refused.as_ref().map(|r| match r {
        Refused::Core(e) => lang.people_error(e),
        Refused::Twice => t.link_twice.to_string(),
    });
    html! {
        <section class="link-editor" aria-labelledby="links-title">
            <h3 id="links-title">{ t.links_title }</h3>
            if !people.links.is_empty() {
                <ul class="link-list" data-testid="link-list">{ for people.links.iter().map(link_row) }</ul>
            }
            if people.contacts.len() >= 2 {
                <form class="link-form" data-testid="link-form" onsubmit={add} novalidate=true>
                    { select("link-from", t.link_from, 0, names.clone()) }
                    { select("link-kind", t.link_kind, 0, kinds) }
                    { select("link-to", t.link_to, 1, names) }
                    <button type="submit" data-testid="link-add" aria-describedby={error.as_ref().map(|_| "link-error")}>{ t.link_add }</button>
                    if let Some(error) = error {
                        <p class="field-error" id="link-error" role="alert" data-testid="field-error" data-field="link">{ error }</p>
                    }
                </form>
            }
        </section>
    }
}
