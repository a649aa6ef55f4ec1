//! What an import would do, before anything changes: new deals, changed deals field by field,
//! conflicts to decide, rejected records with reasons, and files refused whole. Then merge,
//! replace or cancel; the current plan is backed up first and can be restored in one step.
use std::collections::BTreeMap;

use yew::prelude::*;

use crate::domain::import::table::{
    self, guess, guess_encoding, Encoding, Table, TableRead, Target, Unit,
};
use crate::domain::import::{merge, preview, replace, Choice, DealChange, Preview, Rule};
use crate::domain::method::content;
use crate::domain::plan_file::Parsed;
use crate::domain::{Deal, DealId};
use crate::i18n::{table_words, Lang, Shown};
use crate::session::{Action, ImportFiles, PlanRef, TableFile};
use crate::ui::common::context::use_dispatch;
use crate::ui::common::modal::{on_escape, use_modal};
use crate::ui::common::shared::Shared;
use crate::ui::common::show_more::show_more;
use crate::ui::common::store::use_store;
use crate::web::{bench, clock, files::decode};

/// How many deals of each kind the preview lists by name at first, and adds on each "show
/// more" (conflicts, each to decide, are always all listed): about what the dialog shows
/// without scrolling, so that a file of 10,000 deals draws a few dozen lines, not 10,000.
const PAGE: usize = 20;

/// The lists of the preview shown a page at a time, as indexes of their page counts.
#[derive(Clone, Copy)]
enum Paged {
    New,
    Changed,
    Rejected,
    BadSnapshots,
}

#[derive(Properties, PartialEq)]
pub struct ImportDialogProps {
    pub lang: Lang,
    pub plan: PlanRef,
    pub files: Shared<ImportFiles>,
    /// A spreadsheet (or a paste box) to read with the columns, encoding and unit chosen here.
    #[prop_or_default]
    pub table: Option<Shared<TableFile>>,
}

/// How the person reads a table: the encoding, each column's target (`None`: as guessed from
/// the headers), the unit of amounts, and what was pasted.
#[derive(Clone, PartialEq, Default)]
struct Reading {
    encoding: Encoding,
    targets: Option<Vec<Target>>,
    unit: Unit,
    pasted: String,
}

/// A table as read with a [`Reading`]: its headers, their targets, and the deals.
struct TableLook {
    name: String,
    headers: Vec<String>,
    targets: Vec<Target>,
    read: TableRead,
}

/// The readable files and what importing them would do, derived once per plan and files.
struct Look {
    readable: Vec<(String, Parsed)>,
    preview: Preview,
}

#[component]
pub fn ImportDialog(props: &ImportDialogProps) -> Html {
    let dispatch = use_dispatch();
    let store = use_store();
    let lang = props.lang;
    let t = lang.texts();
    let dialog = use_modal();
    let oncancel = on_escape(&dispatch, || Action::CloseDialog);
    let rule = use_state(|| Rule::NewestWins);
    let choices = use_state(BTreeMap::<DealId, Choice>::new);
    let failure = use_state(|| None::<String>);
    let confirming_replace = use_state(|| false);
    // how many pages of each paged list are shown
    let pages = use_state(|| [1usize; 4]);
    let reading = use_state(|| Reading {
        encoding: props
            .table
            .as_ref()
            .map(|t| guess_encoding(&t.bytes))
            .unwrap_or_default(),
        ..Reading::default()
    });
    // the table is decoded and parsed once per file, encoding or paste; a change of the columns
    // or the unit only reads its rows again
    let parsed_table = use_memo(
        (
            props.table.clone(),
            reading.encoding,
            reading.pasted.clone(),
        ),
        |(table, encoding, pasted)| {
            let file = table.as_ref()?;
            bench::mark("keyplan-table-read");
            let text = if file.pasted {
                pasted.clone()
            } else {
                decode(&file.bytes, *encoding)
            };
            let table = Table::of(&text);
            bench::mark("keyplan-table-parsed");
            Some(table)
        },
    );
    let table_look = use_memo(
        (
            props.plan.clone(),
            props.table.clone(),
            Shared(parsed_table.clone()),
            reading.targets.clone(),
            reading.unit,
        ),
        |(plan, file, table, targets, unit)| {
            let (file, table) = (file.as_ref()?, (**table).as_ref()?);
            let words = table_words();
            let targets = match targets {
                Some(targets) => targets.clone(),
                None => guess(&table.headers, &words),
            };
            let read = table::read(table, &targets, *unit, plan, &words, clock::now());
            bench::mark("keyplan-table-mapped");
            Some(TableLook {
                name: if file.pasted {
                    t.import_paste.to_string()
                } else {
                    file.name.clone()
                },
                headers: table.headers.clone(),
                targets,
                read,
            })
        },
    );
    let look = use_memo(
        (
            props.plan.clone(),
            props.files.clone(),
            Shared(table_look.clone()),
        ),
        |(plan, files, table_look)| {
            let mut readable: Vec<(String, Parsed)> = files
                .iter()
                .filter_map(|(name, r)| r.as_ref().ok().map(|p| (name.clone(), p.clone())))
                .collect();
            if let Some(table) = &**table_look {
                readable.push((table.name.clone(), table.read.parsed.clone()));
            }
            let preview = preview(plan, &readable);
            bench::mark("keyplan-import-previewed");
            Look { readable, preview }
        },
    );
    // the currency of the deals listed: the plan's, or the file's for an empty planner
    let currency = &look.preview.currency;

    let apply = |replace_all: bool| {
        let (plan, look, rule, choices, failure, store, confirming) = (
            props.plan.clone(),
            look.clone(),
            rule.clone(),
            choices.clone(),
            failure.clone(),
            store.clone(),
            confirming_replace.clone(),
        );
        move |_: MouseEvent| {
            // replacing removes the plan's deals: it is said, and asked, first
            if replace_all && !*confirming && !plan.deals.is_empty() {
                confirming.set(true);
                return;
            }
            bench::mark("keyplan-import-apply");
            let result = if replace_all {
                replace(&look.readable)
            } else {
                merge(&plan, &look.preview, *rule, &choices)
            };
            if let Err(e) = store.apply_import(&plan, result) {
                failure.set(Some(format!(
                    "{}{}{}",
                    lang.texts().import_backup_failed,
                    lang.colon(),
                    lang.storage_error(&e)
                )));
            }
        }
    };
    let cancel = {
        let dispatch = dispatch.clone();
        move |_| dispatch.dispatch(Action::CloseDialog)
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
        html! {
            <>
                <bdi>{ d.name.clone() }</bdi>{ " · " }<bdi>{ d.customer.clone() }</bdi>{ " · " }
                { d.amount.format(currency) }{ " · " }{ d.stage.code() }
            </>
        }
    };
    let name = |id: &str| -> Option<String> {
        let item = props
            .plan
            .method
            .find_item(&crate::domain::method::GateId(id.to_string()));
        if let Some((_, item)) = item {
            return Some(lang.pick(&item.text).to_string());
        }
        content()
            .rows
            .iter()
            .flat_map(|row| &row.sales.self_check)
            .find(|q| q.id == id)
            .map(|q| lang.pick(&q.text).to_string())
    };
    let shown = Shown {
        currency,
        local: &clock::local_time,
        name: &name,
    };
    let changes = |c: &DealChange| {
        html! {
            <table class="changes">
                <thead><tr><th scope="col">{ t.import_field }</th><th scope="col">{ t.import_mine }</th><th scope="col">{ t.import_theirs }</th></tr></thead>
                <tbody>
                    { for c.fields.iter().map(|f| html! {
                        <tr data-field={f.field.key()}>
                            <th scope="row">{ lang.field_label(f.field) }</th>
                            <td><bdi>{ lang.field_value(&f.mine, &shown) }</bdi></td>
                            <td><bdi>{ lang.field_value(&f.theirs, &shown) }</bdi>
                                if f.details_differ { { t.details_differ } }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        }
    };
    let conflict = |c: &DealChange| {
        let id = c.mine.id.clone();
        let chosen = choices.get(&id).copied();
        let pick = |choice: Option<Choice>| {
            let (choices, id) = (choices.clone(), id.clone());
            move |_: Event| {
                let mut next = (*choices).clone();
                match choice {
                    Some(choice) => next.insert(id.clone(), choice),
                    None => next.remove(&id),
                };
                choices.set(next);
            }
        };
        let name = format!("choice-{}", id.as_str());
        html! {
            <li data-testid="import-conflict" data-deal-id={id.as_str().to_string()}>
                <strong><bdi>{ c.mine.name.clone() }</bdi></strong>
                { changes(c) }
                <fieldset class="choice">
                    <legend class="sr-only">{ c.mine.name.clone() }</legend>
                    <label><input type="radio" name={name.clone()} checked={chosen.is_none()} onchange={pick(None)} />{ t.import_by_rule }</label>
                    <label><input type="radio" name={name.clone()} data-testid="keep-mine-deal" checked={matches!(chosen, Some(Choice::Mine))} onchange={pick(Some(Choice::Mine))} />{ t.import_keep_mine }</label>
                    <label><input type="radio" name={name} data-testid="take-theirs-deal" checked={matches!(chosen, Some(Choice::Theirs))} onchange={pick(Some(Choice::Theirs))} />{ t.import_take_theirs }</label>
                </fieldset>
            </li>
        }
    };
    let listed = |list: Paged| pages[list as usize] * PAGE;
    let more = |list: Paged, len: usize| {
        let hidden = len.saturating_sub(listed(list));
        let pages = pages.clone();
        let onclick = move |_: MouseEvent| {
            let mut next = *pages;
            next[list as usize] += 1;
            pages.set(next);
        };
        html! {
            if hidden > 0 {
                <li class="more">{ show_more(lang, hidden, PAGE, Callback::from(onclick)) }</li>
            }
        }
    };
    let p = &look.preview;
    let replaced_targets = p.replaced_targets(&props.plan, *rule);
    let importable: usize = look.readable.iter().map(|(_, f)| f.plan.deals.len()).sum();
    let nothing_readable = importable == 0;
    let table_section = match (&props.table, &*table_look) {
        (Some(file), Some(tl)) => {
            let change = |edit: fn(&mut Reading, String, usize), column: usize| {
                let reading = reading.clone();
                move |e: Event| {
                    let value = e
                        .target_unchecked_into::<web_sys::HtmlSelectElement>()
                        .value();
                    let mut next = (*reading).clone();
                    edit(&mut next, value, column);
                    reading.set(next);
                }
            };
            let oninput = {
                let reading = reading.clone();
                move |e: InputEvent| {
                    let pasted = e
                        .target_unchecked_into::<web_sys::HtmlTextAreaElement>()
                        .value();
                    reading.set(Reading {
                        pasted,
                        targets: None,
                        ..(*reading).clone()
                    });
                }
            };
            let targets = tl.targets.clone();
            let column = |(i, header): (usize, &String)| {
                let chosen = tl.targets.get(i).copied().unwrap_or(Target::Ignore);
                let targets = targets.clone();
                let reading = reading.clone();
                let onchange = move |e: Event| {
                    let value = e
                        .target_unchecked_into::<web_sys::HtmlSelectElement>()
                        .value();
                    let mut next = (*reading).clone();
                    let mut chosen = targets.clone();
                    chosen[i] = Target::parse(&value).unwrap_or(Target::Ignore);
                    next.targets = Some(chosen);
                    reading.set(next);
                };
                html! {
                    <tr>
                        <th scope="row"><bdi>{ header.clone() }</bdi></th>
                        <td><select data-testid="import-map" data-column={i.to_string()} aria-label={header.clone()} {onchange}>
                            { for Target::ALL.into_iter().map(|target| html! {
                                <option value={target.key()} selected={target == chosen}>{ lang.target_label(target) }</option>
                            }) }
                        </select></td>
                    </tr>
                }
            };
            html! {
                <div class="import-table">
                    if !file.left.is_empty() {
                        <p class="form-alert" role="alert" data-testid="import-left">{ lang.files_left(&file.left) }</p>
                    }
                    if file.pasted {
                        <textarea data-testid="import-paste-box" rows="6" placeholder={t.import_paste_hint}
                            aria-label={t.import_paste} value={reading.pasted.clone()} {oninput} />
                    } else {
                        <label>{ t.import_encoding }{ " " }
                            <select data-testid="import-encoding" onchange={change(|r, v, _| {
                                r.encoding = if v == "gb18030" { Encoding::Gb18030 } else { Encoding::Utf8 };
                                // other text, other headers: guessed again
                                r.targets = None;
                            }, 0)}>
                                <option value="utf-8" selected={reading.encoding == Encoding::Utf8}>{ "UTF-8" }</option>
                                <option value="gb18030" selected={reading.encoding == Encoding::Gb18030}>{ "GB18030 (GBK)" }</option>
                            </select>
                        </label>
                    }
                    <label>{ " " }{ t.import_unit }{ " " }
                        <select data-testid="import-unit" onchange={change(|r, v, _| {
                            r.unit = if v == "wan" { Unit::TenThousand } else { Unit::Yuan }
                        }, 0)}>
                            <option value="yuan" selected={reading.unit == Unit::Yuan}>{ t.unit_yuan }</option>
                            <option value="wan" selected={reading.unit == Unit::TenThousand}>{ t.unit_wan }</option>
                        </select>
                    </label>
                    if !tl.headers.is_empty() {
                        <details open=true><summary>{ t.import_mapping }</summary>
                            <table class="changes" data-testid="import-mapping">
                                <tbody>{ for tl.headers.iter().enumerate().map(column) }</tbody>
                            </table>
                        </details>
                    }
                    if !tl.read.duplicates.is_empty() {
                        <details open=true><summary>{ t.import_duplicates }</summary>
                            <ul>
                                { for tl.read.duplicates.iter().map(|d| html! {
                                    <li data-testid="import-duplicate">{ lang.row_at(d.row, "") }<bdi>{ d.name.clone() }</bdi>{ " · " }<bdi>{ d.customer.clone() }</bdi></li>
                                }) }
                            </ul>
                        </details>
                    }
                </div>
            }
        }
        _ => html! {},
    };
    html! {
        <dialog ref={dialog} class="editor import" data-testid="import-dialog" aria-labelledby="import-title" {oncancel}>
            <header class="editor-head"><h2 id="import-title">{ t.import_title }</h2></header>
            <div class="import-body">
                { table_section }
                <ul class="import-files">
                    { for props.files.iter().map(|(name, result)| match result {
                        Ok(parsed) => html! {
                            <li class="ok" data-testid="import-file">{ "✓ " }<bdi>{ name.clone() }</bdi>{ lang.colon() }{ lang.deal_count(parsed.plan.deals.len()) }</li>
                        },
                        Err(why) => html! {
                            <li class="error" data-testid="import-error">{ "✗ " }<bdi>{ name.clone() }</bdi>{ lang.colon() }{ lang.unreadable(why) }</li>
                        },
                    }) }
                </ul>
                if let Some((mine, theirs)) = &p.currency_mismatch {
                    <p class="form-alert" role="alert">{ lang.currency_mismatch(mine.code(), theirs.code()) }</p>
                }
                if p.stamped > 0 {
                    <p class="note" data-testid="import-stamped">{ lang.stamped_note(p.stamped) }</p>
                }
                <dl class="import-counts" data-testid="import-counts">
                    <div><dt>{ t.import_new }</dt><dd data-testid="count-new">{ p.new.len() }</dd></div>
                    <div><dt>{ t.import_changed }</dt><dd data-testid="count-changed">{ p.changed.len() }</dd></div>
                    <div><dt>{ t.import_conflicts }</dt><dd data-testid="count-conflicts">{ p.conflicts.len() }</dd></div>
                    <div><dt>{ t.import_unchanged }</dt><dd>{ p.unchanged }</dd></div>
                    <div><dt>{ t.import_rejected }</dt><dd data-testid="count-rejected">{ p.rejected.len() }</dd></div>
                </dl>
                if !p.new.is_empty() {
                    <details open=true><summary>{ t.import_new }</summary>
                        <ul>
                            { for p.new.iter().take(listed(Paged::New)).map(|d| html! { <li data-testid="import-new">{ deal_line(d) }</li> }) }
                            { more(Paged::New, p.new.len()) }
                        </ul>
                    </details>
                }
                if !p.changed.is_empty() {
                    <details open=true><summary>{ t.import_changed }</summary>
                        <ul>
                            { for p.changed.iter().take(listed(Paged::Changed)).map(|c| html! { <li data-testid="import-changed"><strong><bdi>{ c.mine.name.clone() }</bdi></strong>{ changes(c) }</li> }) }
                            { more(Paged::Changed, p.changed.len()) }
                        </ul>
                    </details>
                }
                if !p.conflicts.is_empty() {
                    <details open=true><summary>{ t.import_conflicts }</summary>
                        <p class="note">{ t.import_conflict_note }</p>
                        <ul>{ for p.conflicts.iter().map(conflict) }</ul>
                    </details>
                }
                if !p.rejected.is_empty() {
                    <details open=true><summary>{ t.import_rejected }</summary>
                        <ul>
                            { for p.rejected.iter().take(listed(Paged::Rejected)).map(|(file, r)| html! {
                                <li data-testid="import-rejected"><bdi>{ file.clone() }</bdi>{ lang.colon() }<bdi>{ lang.rejected(r) }</bdi></li>
                            }) }
                            { more(Paged::Rejected, p.rejected.len()) }
                        </ul>
                    </details>
                }
                if !p.left_out.is_empty() {
                    <details open=true><summary>{ t.import_left_out }</summary>
                        <ul>
                            { for p.left_out.iter().map(|(file, problem)| html! {
                                <li data-testid="import-left-out"><bdi>{ file.clone() }</bdi>{ lang.colon() }<bdi>{ format!("{}: {}", problem.path, lang.read_problem(&problem.kind)) }</bdi></li>
                            }) }
                        </ul>
                    </details>
                }
                if !p.bad_snapshots.is_empty() {
                    <details open=true><summary>{ t.import_bad_snapshots }</summary>
                        <ul>
                            { for p.bad_snapshots.iter().take(listed(Paged::BadSnapshots)).map(|(file, problem)| html! {
                                <li data-testid="import-bad-snapshot"><bdi>{ file.clone() }</bdi>{ lang.colon() }<bdi>{ format!("{}: {}", problem.path, lang.read_problem(&problem.kind)) }</bdi></li>
                            }) }
                            { more(Paged::BadSnapshots, p.bad_snapshots.len()) }
                        </ul>
                    </details>
                }
                if !replaced_targets.is_empty() {
                    <details open=true><summary>{ t.import_targets_replaced }</summary>
                        <ul>
                            { for replaced_targets.iter().map(|(mine, theirs)| html! {
                                <li data-testid="import-target-replaced">
                                    { format!("{} · {}{}", lang.period(mine.period.period()), lang.split_to(mine.to), lang.colon()) }
                                    { format!("{} → {}", mine.split.total.format(&props.plan.currency), theirs.split.total.format(&props.plan.currency)) }
                                </li>
                            }) }
                        </ul>
                    </details>
                }
                if nothing_readable && !props.files.is_empty() {
                    <p class="form-alert" role="alert" data-testid="nothing-to-import">{ t.nothing_to_import }</p>
                }
                if *confirming_replace {
                    <p class="form-alert" role="alert" data-testid="replace-warning">
                        { lang.replace_warning(props.plan.deals.len(), replace(&look.readable).deals.len()) }
                    </p>
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
                <button type="button" class="danger" data-testid="replace-import" disabled={nothing_readable} onclick={apply(true)}>
                    { if *confirming_replace { t.replace_confirm_button } else { t.import_replace } }
                </button>
                <button type="button" class="primary" data-testid="merge-import" disabled={nothing_readable} onclick={apply(false)}>{ t.import_merge }</button>
            </footer>
        </dialog>
    }
}
