//! The deal's contacts, one row each, with edit and a two-step remove (the second press
//! removes the contact and its links).
use yew::prelude::*;

use crate::domain::people::{Contact, ContactId, PeopleEdit};
use crate::domain::DealId;
use crate::i18n::Lang;
use crate::session::Action;
use crate::ui::common::context::Dispatch;
use crate::web::clock;

/// The list (a function of the People tab, whose state `removing` holds the contact whose
/// removal waits for its confirmation).
pub fn contact_list(
    lang: Lang,
    deal: &DealId,
    contacts: &[Contact],
    on_edit: &Callback<ContactId>,
    removing: &UseStateHandle<Option<ContactId>>,
    dispatch: &Dispatch,
) -> Html {
    let t = lang.texts();
    let row = |c: &Contact| {
        let id = c.id.clone();
        let edit = {
            let (on_edit, id) = (on_edit.clone(), id.clone());
            move |_| on_edit.emit(id.clone())
        };
        let asking = removing.as_ref() == Some(&id);
        let remove = {
            let (removing, id) = (removing.clone(), id.clone());
            move |_| {
                removing.set(Some(id.clone()));
                super::contact_form::focus_soon("[data-testid=contact-remove-sure]");
            }
        };
        let sure = {
            let (removing, dispatch, deal, id) =
                (removing.clone(), dispatch.clone(), deal.clone(), id.clone());
            move |_| {
                removing.set(None);
                dispatch.dispatch(Action::EditPeople {
                    id: deal.clone(),
                    edit: PeopleEdit::RemoveContact(id.clone()),
                    now: clock::now(),
                });
                super::contact_form::focus_soon("[data-testid=people-add]");
            }
        };
        let keep = {
            let removing = removing.clone();
            move |_| removing.set(None)
        };
        let roles: Vec<&str> = c.roles.iter().map(|r| lang.role(*r)).collect();
        html! {
            <tr data-testid="contact-row" data-contact-id={id.as_str().to_string()}>
                <th scope="row">{ c.name.clone() }</th>
                <td>{ c.title.clone() }</td>
                <td>{ c.level.map_or(t.not_known, |l| lang.level(l)) }</td>
                <td>{ roles.join(" · ") }</td>
                <td>{ c.attitude.map_or(t.not_known, |a| lang.attitude(a)) }</td>
                <td>{ lang.relationship(c.relationship_or_none()) }</td>
                <td>{ c.owner.clone() }</td>
                <td class="actions">
                    if asking {
                        <button type="button" class="danger small" data-testid="contact-remove-sure" onclick={sure}>{ t.remove_sure }</button>
                        <button type="button" class="ghost small" onclick={keep}>{ t.cancel }</button>
                    } else {
                        <button type="button" class="ghost small" data-testid="contact-edit"
                            aria-label={format!("{} {}", t.edit, c.name)} onclick={edit}>{ t.edit }</button>
                        <button type="button" class="ghost small" data-testid="contact-remove"
                            aria-label={format!("{} {}", t.remove, c.name)} onclick={remove}>{ t.remove }</button>
                    }
                </td>
            </tr>
        }
    };
    html! {
        <div class="table-wrap">
            <table class="forecast-table contact-list" data-testid="contact-list">
                <thead>
                    <tr>
                        <th scope="col">{ t.map_name }</th>
                        <th scope="col">{ t.map_job_title }</th>
                        <th scope="col">{ t.map_level }</th>
                        <th scope="col">{ t.map_roles }</th>
                        <th scope="col">{ t.map_attitude }</th>
                        <th scope="col">{ t.map_relationship }</th>
                        <th scope="col">{ t.map_owner }</th>
                        <th scope="col"><span class="sr-only">{ t.edit }</span></th>
                    </tr>
                </thead>
                <tbody>{ for contacts.iter().map(row) }</tbody>
            </table>
        </div>
    }
}
