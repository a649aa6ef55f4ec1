//! What an import would do, before anything changes: new deals, changed deals field by field,
//! conflicts to decide, rejected records with reasons, and files refused whole. Then merge,
//! replace or cancel; the current plan is backed up first and can be restored in one step.
use std::collections::BTreeMap;
use std::rc::Rc;

use yew::prelude::*;

use crate::domain::import::{merge, preview, replace, Choice, DealChange, Parsed, Rule};
use crate::domain::storage::{encode, BEFORE_IMPORT_KEY};
use crate::domain::{Deal, DealId};
use crate::i18n::Lang;
use crate::web::{clock, storage};

use super::context::use_dispatch;
use super::modal::{on_escape, use_modal};
use super::state::{Action, ImportFiles, PlanRef};

/// Reads the files (in the background) and opens the import dialog with what they hold.
pub fn start_import(dispatch: &super::context::Dispatch, files: Vec<web_sys::File>) {
    if files.is_empty() {
        return;
    }
    let dispatch = dispatch.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let mut read = Vec::with_capacity(files.len());
        for file in &files {
            read.push(crate::web::files::read_plan_file(file).await);
        }
        dispatch.dispatch(Action::ImportRead(read));
    });
}

/// Puts back the plan kept before the last import.
pub fn restore_before_import(dispatch: &super::context::Dispatch) {
    let kept = storage::read(BEFORE_IMPORT_KEY).ok().flatten();
    if let Some(Ok(plan)) = kept.as_deref().map(crate::domain::storage::decode) {
        dispatch.dispatch(Action::Restore(plan));
    }
}

/// How many deals of each kind the preview lists by name (conflicts are always all listed).
const LISTED: usize = 200;

#[derive(Properties, PartialEq)]
pub struct ImportDialogProps {
    pub lang: Lang,
    pub plan: PlanRef,
    pub files: Rc<ImportFiles>,
}

#[component]
pub fn ImportDialog(props: &ImportDialogProps) -> Html {
    let dispatch = use_dispatch();
    let lang = props.lang;
    let t = lang.texts();
    let dialog = use_modal();
    let oncancel = on_escape(&dispatch, || Action::CancelImport);
    let rule = use_state(|| Rule::NewestWins);
    let choices = use_state(BTreeMap::<DealId, Choice>::new);
    let failure = use_state(|| None::<String>);

    let readable: Vec<(String, Parsed)> = props
        .files
        .iter()
        .filter_map(|(name, r)| r.as_ref().ok().map(|p| (name.clone(), p.clone())))
        .collect();
    let look = preview(&props.plan, &readable);
    let currency = &props.plan.currency;

    let apply = |replace_all: bool| {
        let (dispatch, plan, readable, look, rule, choices, failure) = (
            dispatch.clone(),
            props.plan.clone(),
            readable.clone(),
            look.clone(),
            rule.clone(),
            choices.clone(),
            failure.clone(),
        );
        move |_: MouseEvent| {
            // the plan as it is now is kept before anything changes
            if let Err(e) = storage::write(BEFORE_IMPORT_KEY, &encode(&plan, clock::now())) {
                failure.set(Some(format!(
                    "{} ({e:?})",
                    lang.texts().import_backup_failed
                )));
                return;
            }
            let result = if replace_all {
                replace(&readable)
            } else {
                merge(&plan, &look, *rule, &choices)
            };
            dispatch.dispatch(Action::ApplyImport(result));
        }
    };
    let cancel = {
        let dispatch = dispatch.clone();
        move |_| dispatch.dispatch(Action::CancelImport)
    };
    let on_rule = {
        let rule = rule.clone();
        move |e: Event| {
            rule.set(
                match e
                    .target_unchecked_into::<web_sys::HtmlSelectElement>()
                    .value()
                    .as_str()
                {
                    "mine" => Rule::KeepMine,
                    "theirs" => Rule::TakeTheirs,
                    _ => Rule::NewestWins,
                },
            )
        }
    };
    let deal_line = |d: &Deal| {
        format!(
            "{} · {} · {} · {}",
            d.name,
            d.customer,
            d.amount.format(currency),
            d.stage.code()
        )
    };
    let changes = |c: &DealChange| {
        html! {
            <table class="changes">
                <thead><tr><th scope="col">{ t.import_field }</th><th scope="col">{ t.import_mine }</th><th scope="col">{ t.import_theirs }</th></tr></thead>
                <tbody>
                    { for c.fields.iter().map(|f| html! {
                        <tr><th scope="row">{ f.field }</th><td>{ f.mine.clone() }</td><td>{ f.theirs.clone() }</td></tr>
                    }) }
                </tbody>
            </table>
        }
    };
    let conflict = |c: &DealChange| {
        let id = c.mine.id.clone();
        let chosen = choices.get(&id).copied();
        let pick = |choice: Choice| {
            let (choices, id) = (choices.clone(), id.clone());
            move |_: Event| {
                let mut next = (*choices).clone();
                next.insert(id.clone(), choice);
                choices.set(next);
            }
        };
        let name = format!("choice-{}", id.as_str());
        html! {
            <li data-testid="import-conflict" data-deal-id={id.as_str().to_string()}>
                <strong>{ c.mine.name.clone() }</strong>
                { changes(c) }
                <fieldset class="choice">
                    <legend class="sr-only">{ c.mine.name.clone() }</legend>
                    <label><input type="radio" name={name.clone()} checked={chosen.is_none()} onchange={
                        let (choices, id) = (choices.clone(), id.clone());
                        move |_: Event| { let mut next = (*choices).clone(); next.remove(&id); choices.set(next); }
                    } />{ t.import_by_rule }</label>
                    <label><input type="radio" name={name.clone()} data-testid="keep-mine-deal" checked={matches!(chosen, Some(Choice::Mine))} onchange={pick(Choice::Mine)} />{ t.import_keep_mine }</label>
                    <label><input type="radio" name={name} data-testid="take-theirs-deal" checked={matches!(chosen, Some(Choice::Theirs))} onchange={pick(Choice::Theirs)} />{ t.import_take_theirs }</label>
                </fieldset>
            </li>
        }
    };
    let nothing_readable = readable.is_empty();
    html! {
        <dialog ref={dialog} class="editor import" data-testid="import-dialog" aria-labelledby="import-title" {oncancel}>
            <header class="editor-head"><h2 id="import-title">{ t.import_title }</h2></header>
            <div class="import-body">
                <ul class="import-files">
                    { for props.files.iter().map(|(name, result)| match result {
                        Ok(parsed) => html! {
                            <li class="ok" data-testid="import-file">{ format!("✓ {name}{}{}", lang.colon(), lang.deal_count(parsed.plan.deals.len())) }</li>
                        },
                        Err(why) => html! {
                            <li class="error" data-testid="import-error">{ format!("✗ {name}{}{}", lang.colon(), lang.unreadable(why)) }</li>
                        },
                    }) }
                </ul>
                if let Some((mine, theirs)) = &look.currency_mismatch {
                    <p class="form-alert" role="alert">{ lang.currency_mismatch(mine.code(), theirs.code()) }</p>
                }
                <dl class="import-counts" data-testid="import-counts">
                    <div><dt>{ t.import_new }</dt><dd data-testid="count-new">{ look.new.len() }</dd></div>
                    <div><dt>{ t.import_changed }</dt><dd data-testid="count-changed">{ look.changed.len() }</dd></div>
                    <div><dt>{ t.import_conflicts }</dt><dd data-testid="count-conflicts">{ look.conflicts.len() }</dd></div>
                    <div><dt>{ t.import_unchanged }</dt><dd>{ look.unchanged }</dd></div>
                    <div><dt>{ t.import_rejected }</dt><dd data-testid="count-rejected">{ look.rejected.len() }</dd></div>
                </dl>
                if !look.new.is_empty() {
                    <details open=true><summary>{ t.import_new }</summary>
                        <ul>
                            { for look.new.iter().take(LISTED).map(|d| html! { <li data-testid="import-new">{ deal_line(d) }</li> }) }
                            if look.new.len() > LISTED { <li class="more">{ lang.and_more(look.new.len() - LISTED) }</li> }
                        </ul>
                    </details>
                }
                if !look.changed.is_empty() {
                    <details open=true><summary>{ t.import_changed }</summary>
                        <ul>
                            { for look.changed.iter().take(LISTED).map(|c| html! { <li data-testid="import-changed"><strong>{ c.mine.name.clone() }</strong>{ changes(c) }</li> }) }
                            if look.changed.len() > LISTED { <li class="more">{ lang.and_more(look.changed.len() - LISTED) }</li> }
                        </ul>
                    </details>
                }
                if !look.conflicts.is_empty() {
                    <details open=true><summary>{ t.import_conflicts }</summary>
                        <p class="note">{ t.import_conflict_note }</p>
                        <ul>{ for look.conflicts.iter().map(conflict) }</ul>
                    </details>
                }
                if !look.rejected.is_empty() {
                    <details open=true><summary>{ t.import_rejected }</summary>
                        <ul>
                            { for look.rejected.iter().take(LISTED).map(|(file, r)| html! { <li data-testid="import-rejected">{ format!("{file}{}{r}", lang.colon()) }</li> }) }
                            if look.rejected.len() > LISTED { <li class="more">{ lang.and_more(look.rejected.len() - LISTED) }</li> }
                        </ul>
                    </details>
                }
                if let Some(message) = &*failure {
                    <p class="form-alert" role="alert">{ message.clone() }</p>
                }
            </div>
            <footer class="editor-actions">
                <label for="import-rule">{ t.import_rule }</label>
                <select id="import-rule" data-testid="import-rule" onchange={on_rule}>
                    <option value="newest" selected={matches!(*rule, Rule::NewestWins)}>{ t.import_newest }</option>
                    <option value="mine" selected={matches!(*rule, Rule::KeepMine)}>{ t.import_keep_mine }</option>
                    <option value="theirs" selected={matches!(*rule, Rule::TakeTheirs)}>{ t.import_take_theirs }</option>
                </select>
                <span class="spacer"></span>
                <button type="button" data-testid="cancel-import" onclick={cancel}>{ t.cancel }</button>
                <button type="button" class="danger" data-testid="replace-import" disabled={nothing_readable} onclick={apply(true)}>{ t.import_replace }</button>
                <button type="button" class="primary" data-testid="merge-import" disabled={nothing_readable} onclick={apply(false)}>{ t.import_merge }</button>
            </footer>
        </dialog>
    }
}
