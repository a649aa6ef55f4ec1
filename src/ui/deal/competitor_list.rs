//! A deal's competitors: each with its price and relationship with the customer, its strengths
//! and weaknesses; added, edited and removed in place.
use std::rc::Rc;

use yew::prelude::*;

use super::competitor_form::CompetitorForm;
use super::people_edit::send_edit;
use crate::domain::people::{Competitor, PeopleEdit};
use crate::domain::Deal;
use crate::i18n::Lang;
use crate::ui::common::context::use_dispatch;

#[derive(Properties, PartialEq)]
pub struct CompetitorListProps {
    pub lang: Lang,
    pub deal: Rc<Deal>,
}

/// What the list is editing: nothing, a new competitor, or the one at a position.
#[derive(Clone, Copy, PartialEq)]
enum Editing {
    None,
    New,
    At(usize),
}

#[component]
pub fn CompetitorList(props: &CompetitorListProps) -> Html {
    let dispatch = use_dispatch();
    let lang = props.lang;
    let t = lang.texts();
    let editing = use_state(|| Editing::None);
    let competitors = &props.deal.people.competitors;
    let form = |at: Option<usize>| {
        let start = at.map(|i| competitors[i].clone()).unwrap_or_default();
        // the competitor is found by the name it had when the form opened
        let was = at.map(|_| start.name.clone());
        let on_save = {
            let (dispatch, deal, editing) = (dispatch.clone(), props.deal.clone(), editing.clone());
            Callback::from(move |c: Competitor| {
                let edit = match &was {
                    Some(name) => PeopleEdit::UpdateCompetitor(name.clone(), c),
                    None => PeopleEdit::AddCompetitor(c),
                };
                let sent = send_edit(&dispatch, lang, &deal, edit);
                if sent.is_ok() {
                    editing.set(Editing::None);
                }
                sent
            })
        };
        let on_cancel = {
            let editing = editing.clone();
            Callback::from(move |()| editing.set(Editing::None))
        };
        html! { <CompetitorForm {lang} {start} {on_save} {on_cancel} /> }
    };
    let item = |(i, c): (usize, &Competitor)| {
        if *editing == Editing::At(i) {
            return html! { <li key={i}>{ form(Some(i)) }</li> };
        }
        let edit = {
            let editing = editing.clone();
            move |_| editing.set(Editing::At(i))
        };
        let remove = {
            let (dispatch, deal, name) = (dispatch.clone(), props.deal.clone(), c.name.clone());
            move |_| {
                let _ = send_edit(
                    &dispatch,
                    lang,
                    &deal,
                    PeopleEdit::RemoveCompetitor(name.clone()),
                );
            }
        };
        let unknown = || t.not_known.to_string();
        html! {
            <li key={i} class="competitor" data-testid="competitor">
                <div class="competitor-head">
                    <strong class="clamp" data-testid="competitor-name">{ c.name.clone() }</strong>
                    <span class="tag">{ format!("{}{}{}", t.competitor_price, lang.colon(), c.price.map_or_else(unknown, |p| lang.price(p).to_string())) }</span>
                    <span class="tag">{ format!("{}{}{}", t.competitor_relationship, lang.colon(), c.relationship.map_or_else(unknown, |r| lang.relationship(r).to_string())) }</span>
                    <span class="item-actions">
                        <button type="button" class="ghost small" data-testid="edit-competitor" aria-label={format!("{} {}", t.edit, c.name)} onclick={edit}>{ t.edit }</button>
                        <button type="button" class="ghost small" data-testid="remove-competitor" aria-label={format!("{} {}", t.remove, c.name)} onclick={remove}>{ t.remove }</button>
                    </span>
                </div>
                if !c.strengths.is_empty() { <p><b>{ t.competitor_strengths }{ lang.colon() }</b>{ c.strengths.clone() }</p> }
                if !c.weaknesses.is_empty() { <p><b>{ t.competitor_weaknesses }{ lang.colon() }</b>{ c.weaknesses.clone() }</p> }
            </li>
        }
    };
    let add = {
        let editing = editing.clone();
        move |_| editing.set(Editing::New)
    };
    html! {
        <section class="panel-part" aria-labelledby="competitors-title">
            <h3 id="competitors-title">{ t.competitors_title }</h3>
            if competitors.is_empty() && *editing != Editing::New {
                <p class="muted">{ t.no_competitors }</p>
            }
            <ul class="competitors">
                { for competitors.iter().enumerate().map(item) }
            </ul>
            if *editing == Editing::New {
                { form(None) }
            } else {
                <button type="button" data-testid="add-competitor" onclick={add}>{ t.add_competitor }</button>
            }
        </section>
    }
}
