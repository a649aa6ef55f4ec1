//! Closing a period: the reminder of ended periods nobody closed, and the period's choice and
//! the button that closes it.
use yew::prelude::*;

use crate::domain::month_close::unclosed;
use crate::domain::period::{month_start, Granularity, Period};
use crate::i18n::Lang;
use crate::session::{Action, PlanRef};
use crate::ui::common::context::Dispatch;
use crate::web::clock;

/// The periods one may close today: the month, quarter and year now and before.
fn choices(today: chrono::NaiveDate) -> Vec<Period> {
    [Granularity::Month, Granularity::Quarter, Granularity::Year]
        .into_iter()
        .flat_map(|g| {
            let now = g.period_of(today);
            [g.period_of(month_start(now.first_month() - 1)), now]
        })
        .collect()
}

/// The ended periods nobody closed, for the top of the forecast view (nothing when none).
pub fn close_reminder(lang: Lang, plan: &PlanRef) -> Html {
    let missing = unclosed(plan, clock::today(), &chrono::Local);
    if missing.is_empty() {
        return Html::default();
    }
    let names: Vec<String> = missing.iter().map(|p| lang.period(*p)).collect();
    let names = names.join(if lang == Lang::Zh { "、" } else { ", " });
    html! {
        <p class="reminder no-print" role="status" data-testid="close-reminder">
            { format!("{} {names} · {}", lang.texts().snap_unclosed, lang.texts().snap_title) }
        </p>
    }
}

/// The period to close (`picked`, else the first ended one nobody closed, else this month) and
/// the button that closes it.
pub fn close_bar(
    lang: Lang,
    plan: &PlanRef,
    picked: &UseStateHandle<Option<Period>>,
    dispatch: &Dispatch,
) -> Html {
    let t = lang.texts();
    let today = clock::today();
    let missing = unclosed(plan, today, &chrono::Local);
    let choices = choices(today);
    let selected = picked.or(missing.first().copied()).unwrap_or(choices[1]);
    let onchange = {
        let (picked, choices) = (picked.clone(), choices.clone());
        Callback::from(move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            picked.set(
                value
                    .parse::<usize>()
                    .ok()
                    .and_then(|i| choices.get(i).copied()),
            );
        })
    };
    let dispatch = dispatch.clone();
    let close = Callback::from(move |_| {
        dispatch.dispatch(Action::ClosePeriod {
            period: selected,
            now: clock::now(),
        })
    });
    html! {
        <div class="close-bar no-print" data-testid="close-bar">
            <label class="control" for="close-period"><span>{ t.snap_period }</span>
                <select id="close-period" data-testid="close-period" {onchange}>
                    { for choices.iter().enumerate().map(|(i, p)| html! {
                        <option value={i.to_string()} selected={*p == selected}>{ lang.period(*p) }</option>
                    }) }
                </select>
            </label>
            <button type="button" class="primary" data-testid="close-period-button" onclick={close}>{ t.snap_close }</button>
        </div>
    }
}
