//! Browser tests of the competition, the post-mortem and the score across views (issue 10):
//! competitors and a SWOT by keyboard and the golden triangle; a loss with its post-mortem; the
//! list sorted by score; the forecast filtered by score; a score weight changed in Method view.
//! Run with `--test-threads=1`, like every browser test here.

use e2e::{card, card_ids, find_by_id, tid, Browser, PLAN_KEY};
use serde_json::Value;

const ENTER: &str = "\u{E007}";
const TAB: &str = "\u{E004}";
const DOWN: &str = "\u{E015}";
const RIGHT: &str = "\u{E014}";

/// The `data-testid` of the focused element.
async fn focused(b: &Browser) -> String {
    b.js("return document.activeElement.getAttribute('data-testid') || document.activeElement.id;")
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
}

async fn focus(b: &Browser, testid: &str) {
    b.wait_for(&tid(testid)).await;
    b.js(&format!(
        "document.querySelector('[data-testid=\"{testid}\"]').focus();"
    ))
    .await;
}

fn stored_deal(text: &str, id: &str) -> Value {
    let plan: Value = serde_json::from_str(text).expect("stored plan is JSON");
    find_by_id(&plan, id)
        .cloned()
        .unwrap_or_else(|| panic!("no deal {id} stored"))
}

/// Adds a competitor by keyboard alone: Enter on "add", the name, then Tab through price
/// (`price_steps` arrow presses), relationship (`rel_steps`), strengths, weaknesses, to Save.
async fn add_competitor(
    b: &Browser,
    name: &str,
    price_steps: usize,
    rel_steps: usize,
    strengths: &str,
) {
    focus(b, "add-competitor").await;
    b.keys(ENTER).await;
    b.wait_for(&tid("competitor-form")).await;
    assert_eq!(
        focused(b).await,
        "competitor-name-input",
        "the name takes the focus"
    );
    b.keys(&format!(
        "{name}{TAB}{}{TAB}{}{TAB}{strengths}{TAB}{TAB}",
        DOWN.repeat(price_steps),
        DOWN.repeat(rel_steps)
    ))
    .await;
    assert_eq!(focused(b).await, "save-competitor");
    b.keys(ENTER).await;
}

#[tokio::test]
async fn competitors_and_swot_by_keyboard_make_the_golden_triangle() {
    let b = e2e::start().await;
    b.load_sample().await;
    let id = card_ids(&b).await[0].clone();
    b.click(&format!("{} {}", card(&id), tid("open-deal")))
        .await;
    b.wait_for(&tid("deal-editor")).await;
    // Details → Gates → People → Competition with the arrow keys
    focus(&b, "tab-details").await;
    b.keys(&format!("{RIGHT}{RIGHT}{RIGHT}")).await;
    b.wait_for(&tid("competition")).await;
    assert_eq!(
        b.attr(&tid("tab-competition"), "aria-selected")
            .await
            .as_deref(),
        Some("true")
    );
    let before = b.count(&tid("competitor")).await;

    add_competitor(&b, "甲对手科技", 1, 4, "渠道强").await;
    b.eventually("the first competitor listed", || async {
        (b.count(&tid("competitor")).await == before + 1).then_some(())
    })
    .await;
    add_competitor(&b, "乙对手集团", 3, 0, "").await;
    b.eventually("the second competitor listed", || async {
        (b.count(&tid("competitor")).await == before + 2).then_some(())
    })
    .await;

    // the same name again: a clear error, and nothing added
    focus(&b, "add-competitor").await;
    b.keys(ENTER).await;
    b.wait_for(&tid("competitor-form")).await;
    b.keys(&format!("甲对手科技{ENTER}")).await;
    let error = b
        .text(&format!(
            "{} {}",
            tid("competitor-form"),
            tid("field-error")
        ))
        .await;
    assert!(
        error.contains("甲对手科技"),
        "the error names the competitor: {error:?}"
    );
    assert_eq!(b.count(&tid("competitor")).await, before + 2);
    focus(&b, "cancel-competitor").await;
    b.keys(ENTER).await;
    b.wait_gone(&tid("competitor-form")).await;

    // the SWOT and its four strategies, Tab from field to field, Enter on Save
    focus(&b, "swot-s").await;
    let swot = [
        "本地服务团队",
        "价格偏高",
        "二期扩容",
        "对手低价",
        "以服务换二期",
        "服务对冲低价",
        "借二期分摊成本",
        "控制报价风险",
    ];
    b.keys(&format!("{}{TAB}", swot.join(TAB))).await;
    assert_eq!(focused(&b).await, "save-swot");
    b.keys(ENTER).await;

    let triangle = b.text(&tid("triangle")).await;
    for seen in ["甲对手科技", "乙对手集团", "本地服务团队"] {
        assert!(
            triangle.contains(seen),
            "the triangle shows {seen}: {triangle}"
        );
    }
    let stored = b
        .eventually("competitors and SWOT stored", || async {
            let deal = stored_deal(&b.storage_get(PLAN_KEY).await?, &id);
            (deal["swot"]["wt"] == "控制报价风险").then_some(deal)
        })
        .await;
    let competitors = stored["competitors"]
        .as_array()
        .expect("competitors stored");
    let first = competitors
        .iter()
        .find(|c| c["name"] == "甲对手科技")
        .expect("first stored");
    assert_eq!(first["price"], "lower");
    assert_eq!(first["relationship"], "trusted");
    assert_eq!(first["strengths"], "渠道强");
    let second = competitors
        .iter()
        .find(|c| c["name"] == "乙对手集团")
        .expect("second stored");
    assert_eq!(second["price"], "higher");
    assert_eq!(stored["swot"]["strengths"], "本地服务团队");
    assert_eq!(stored["swot"]["so"], "以服务换二期");

    // remove one with the keyboard
    let remove = format!(
        "[data-testid=competitor]:last-child {}",
        tid("remove-competitor")
    );
    b.wait_for(&remove).await;
    b.js(&format!("document.querySelector('{remove}').focus();"))
        .await;
    b.keys(ENTER).await;
    b.eventually("one competitor removed", || async {
        (b.count(&tid("competitor")).await == before + 1).then_some(())
    })
    .await;
    b.assert_no_network().await;
}

#[tokio::test]
async fn a_loss_keeps_its_post_mortem() {
    let b = e2e::start().await;
    b.load_sample().await;
    let id = card_ids(&b).await[1].clone();
    b.click(&format!("{} {}", card(&id), tid("open-deal")))
        .await;
    b.click(&tid("mark-lost")).await;
    b.wait_for(&tid("lose-dialog")).await;
    b.fill(&tid("close-reason"), "预算被砍，对手报价低三成")
        .await;
    b.fill(&tid("close-competitor"), "丙对手").await;
    b.fill(&tid("close-learned"), "早点接触财务总监").await;
    b.click(&tid("confirm-close")).await;
    b.wait_gone(&tid("lose-dialog")).await;

    // reopen the closed deal's dialog: the post-mortem is there
    let closed = format!(
        "[data-testid=closed-card][data-deal-id=\"{id}\"] {}",
        tid("open-deal")
    );
    b.wait_for(&closed).await;
    b.js(&format!("document.querySelector('{closed}').click();"))
        .await;
    b.wait_for(&tid("review")).await;
    assert_eq!(b.text(&tid("review-why")).await, "预算被砍，对手报价低三成");
    assert_eq!(b.text(&tid("review-competitor")).await, "丙对手");
    assert_eq!(b.text(&tid("review-learned")).await, "早点接触财务总监");
    let deal = stored_deal(&b.storage_get(PLAN_KEY).await.expect("stored"), &id);
    assert_eq!(deal["review"]["learned"], "早点接触财务总监");
    assert_eq!(deal["review"]["competitor"], "丙对手");
}

async fn row_scores(b: &Browser) -> Vec<u32> {
    b.js("return [...document.querySelectorAll('[data-testid=row-score]')].map(td => td.textContent);")
        .await
        .as_array()
        .expect("scores")
        .iter()
        .map(|s| s.as_str().unwrap().trim().parse().expect("a whole score"))
        .collect()
}

#[tokio::test]
async fn the_list_sorts_by_score() {
    let b = e2e::start().await;
    b.load_sample().await;
    b.click(&tid("view-list")).await;
    b.wait_for(&tid("deal-row")).await;
    b.click(&tid("sort-score")).await;
    let down = b
        .eventually("rows by score, best first", || async {
            let v = row_scores(&b).await;
            v.windows(2).all(|w| w[0] >= w[1]).then_some(v)
        })
        .await;
    assert!(
        down[0] > down[down.len() - 1],
        "the sample's scores differ: {down:?}"
    );
    b.click(&tid("sort-score")).await;
    let up = b
        .eventually("rows by score, lowest first", || async {
            let v = row_scores(&b).await;
            v.windows(2).all(|w| w[0] <= w[1]).then_some(v)
        })
        .await;
    assert_eq!(up.len(), down.len());
}

async fn forecast_total(b: &Browser) -> String {
    b.text(&format!(
        "{} {}",
        tid("forecast-table"),
        tid("forecast-total")
    ))
    .await
}

#[tokio::test]
async fn the_forecast_filters_by_score() {
    let b = e2e::start().await;
    b.load_sample().await;
    b.click(&tid("view-forecast")).await;
    let all = forecast_total(&b).await;
    let summary = b.text(&tid("summary")).await;
    b.select_value(&tid("filter-score"), "50").await;
    b.wait_for(&tid("forecast-filter")).await;
    assert!(b.text(&tid("forecast-filter")).await.contains("≥ 50"));
    let floored = b
        .eventually("the totals change", || async {
            let now = forecast_total(&b).await;
            (now != all).then_some(now)
        })
        .await;
    assert_ne!(
        b.text(&tid("summary")).await,
        summary,
        "the summary line follows the filter"
    );
    b.select_value(&tid("filter-score"), "").await;
    b.eventually("the totals come back", || async {
        (forecast_total(&b).await == all).then_some(())
    })
    .await;
    assert_ne!(floored, all);
}

async fn card_scores(b: &Browser) -> Vec<(String, String)> {
    b.js("return [...document.querySelectorAll('[data-testid=deal-card]')].map(c => [c.dataset.dealId, c.querySelector('[data-testid=score-badge]').dataset.score]);")
        .await
        .as_array()
        .expect("cards")
        .iter()
        .map(|p| (p[0].as_str().unwrap().to_string(), p[1].as_str().unwrap().to_string()))
        .collect()
}

#[tokio::test]
async fn a_score_weight_changes_the_cards_scores() {
    let b = e2e::start().await;
    b.load_sample().await;
    let before = card_scores(&b).await;
    b.click(&tid("view-method")).await;
    b.wait_for(&tid("people-rules")).await;
    b.set_value(&tid("weight-0"), "0").await;
    b.eventually("the method is customised", || async {
        (b.attr(&tid("reset-method"), "disabled").await.is_none()).then_some(())
    })
    .await;
    b.click(&tid("view-board")).await;
    b.wait_for(&tid("score-badge")).await;
    let after = card_scores(&b).await;
    let changed: Vec<_> = before.iter().zip(&after).filter(|(x, y)| x != y).collect();
    assert!(!changed.is_empty(), "no card's score changed: {after:?}");
    let (id, _) = &changed[0].1;
    let title = b
        .attr(&format!("{} {}", card(id), tid("score-badge")), "title")
        .await
        .unwrap_or_default();
    assert!(
        title.contains("/0"),
        "the badge's title shows the weight 0: {title}"
    );

    // Reset brings the default weights and scores back
    b.click(&tid("view-method")).await;
    b.click(&tid("reset-method")).await;
    b.click(&tid("reset-method")).await;
    b.click(&tid("view-board")).await;
    b.wait_for(&tid("score-badge")).await;
    assert_eq!(card_scores(&b).await, before);
}
