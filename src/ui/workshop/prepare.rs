//! "Prepare the case for N tables": choose how many, name them, set the exercise, then download
//! each table's plan file (or all of them, one after another).
use std::rc::Rc;

use yew::prelude::*;

use crate::domain::plan_file::encode_pretty;
use crate::domain::workshop::copies::{
    table_copies, CopiesError, TableCopy, MAX_TABLES, MIN_TABLES,
};
use crate::i18n::Lang;
use crate::session::{Action, PlanRef};
use crate::ui::common::context::use_dispatch;
use crate::web::{clock, download};

#[derive(Properties, PartialEq)]
pub struct PrepareProps {
    pub lang: Lang,
    pub plan: PlanRef,
}

/// What the person set, and what came of the last "prepare" (one state: one hook).
#[derive(Clone, PartialEq)]
struct Form {
    names: Vec<String>,
    exercise: String,
    prepared: Result<Option<Rc<[TableCopy]>>, CopiesError>,
}

fn default_name(lang: Lang, n: usize) -> String {
    lang.texts().ws_table_default.replace("{n}", &n.to_string())
}

fn offer(copy: &TableCopy) {
    let text = encode_pretty(&copy.plan, clock::now());
    let _ = download::download_text(&copy.file_name, "application/json", &text);
}

#[component]
pub fn PreparePanel(props: &PrepareProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let dispatch = use_dispatch();
    let form = use_state(|| Form {
        names: (1..=3).map(|n| default_name(lang, n)).collect(),
        exercise: t.ws_exercise_default.to_string(),
        prepared: Ok(None),
    });
    // every edit drops what was prepared: the files must match what is shown
    let edit = |change: fn(&mut Form, String)| {
        let form = form.clone();
        Callback::from(move |value: String| {
            let mut next = (*form).clone();
            change(&mut next, value);
            next.prepared = Ok(None);
            form.set(next);
        })
    };
    let value_of = |e: &Event| {
        e.target_unchecked_into::<web_sys::HtmlInputElement>()
            .value()
    };
    let set_count = {
        let form = form.clone();
        move |e: Event| {
            let Ok(count) = value_of(&e).trim().parse::<usize>() else {
                return;
            };
            let mut next = (*form).clone();
            next.names.truncate(count.clamp(MIN_TABLES, MAX_TABLES));
            while next.names.len() < count.clamp(MIN_TABLES, MAX_TABLES) {
                next.names.push(default_name(lang, next.names.len() + 1));
            }
            next.prepared = Ok(None);
            form.set(next);
        }
    };
    let bad = match &form.prepared {
        Err(CopiesError::NoName(at)) | Err(CopiesError::SameName(at)) => Some(*at),
        _ => None,
    };
    let name_input = |i: usize, name: &String| {
        let form = form.clone();
        let oninput = move |e: InputEvent| {
            let mut next = (*form).clone();
            next.names[i] = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .value();
            next.prepared = Ok(None);
            form.set(next);
        };
        html! {
            <li>
                <input type="text" value={name.clone()} data-testid={format!("ws-name-{i}")}
                    aria-label={format!("{} {}", t.ws_table_name, i + 1)} aria-invalid={(bad == Some(i)).to_string()} {oninput} />
            </li>
        }
    };
    let set_exercise = edit(|form, value| form.exercise = value);
    let prepare = {
        let (form, plan) = (form.clone(), props.plan.clone());
        move |_| {
            let mut next = (*form).clone();
            next.prepared = table_copies(
                &plan,
                &clock::new_workshop_id(),
                &form.names,
                &form.exercise,
            )
            .map(|copies| Some(copies.into()));
            form.set(next);
        }
    };
    let files = match &form.prepared {
        Ok(Some(copies)) => {
            let all = {
                let copies = copies.clone();
                move |_| {
                    // one after another: browsers refuse a burst of downloads
                    for (i, copy) in copies.iter().enumerate() {
                        let copy = copy.clone();
                        gloo_timers::callback::Timeout::new(i as u32 * 400, move || offer(&copy))
                            .forget();
                    }
                }
            };
            html! {
                <div class="ws-files" data-testid="ws-files">
                    <ul>
                        { for copies.iter().enumerate().map(|(i, copy)| {
                            let one = copy.clone();
                            html! {
                                <li data-testid="ws-file">
                                    <bdi>{ copy.file_name.clone() }</bdi>
                                    <button type="button" class="ghost" data-testid={format!("ws-download-{i}")}
                                        onclick={move |_| offer(&one)}>{ t.ws_download }</button>
                                </li>
                            }
                        }) }
                    </ul>
                    <button type="button" class="primary" data-testid="ws-download-all" onclick={all}>{ t.ws_download_all }</button>
                </div>
            }
        }
        Ok(None) => html! {},
        Err(why) => html! {
            <p class="error" role="alert" data-testid="ws-error">{ match why {
                CopiesError::TableCount(_) => t.ws_count_error,
                CopiesError::NoName(_) => t.ws_name_missing,
                CopiesError::SameName(_) => t.ws_name_twice,
            } }</p>
        },
    };
    let load_case = move |_| {
        dispatch.dispatch(Action::LoadSample {
            today: clock::today(),
            now: clock::now(),
        })
    };
    html! {
        <section class="ws-panel ws-prepare" aria-labelledby="ws-prepare-title">
            <h2 id="ws-prepare-title">{ t.ws_prepare_title }</h2>
            <p class="hint">{ t.ws_prepare_intro }</p>
            if props.plan.deals.is_empty() {
                <p class="hint" data-testid="ws-needs-case">{ t.ws_needs_case }
                    { " " }<button type="button" class="ghost" onclick={load_case}>{ t.load_sample }</button></p>
            } else {
                <label class="ws-count">{ t.ws_tables }
                    <input type="number" min={MIN_TABLES.to_string()} max={MAX_TABLES.to_string()}
                        value={form.names.len().to_string()} data-testid="ws-count"
                        onchange={set_count} />
                </label>
                <ol class="ws-names">{ for form.names.iter().enumerate().map(|(i, n)| name_input(i, n)) }</ol>
                <label class="ws-exercise">{ t.ws_exercise }
                    <textarea rows="3" data-testid="ws-exercise" value={form.exercise.clone()}
                        oninput={set_exercise.reform(|e: InputEvent| e.target_unchecked_into::<web_sys::HtmlTextAreaElement>().value())} />
                </label>
                <button type="button" class="primary" data-testid="ws-prepare" onclick={prepare}>{ t.ws_prepare }</button>
                { files }
            }
        </section>
    }
}
