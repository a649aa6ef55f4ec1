//! Browser tests of issue 11's housekeeping and the deck's exercise: the team's strategies per
//! stage in the deal dialog.
//!
//! Run with `--test-threads=1` (see planner.rs).

use e2e::{card, tid, Browser, PLAN_KEY};
use serde_json::Value;

fn in_card(id: &str, testid: &str) -> String {
    format!("{} {}", card(id), tid(testid))
}

/// The deal `id` as the browser's storage holds it.
async fn stored_deal(b: &Browser, id: &str) -> Value {
    let plan: Value =
        serde_json::from_str(&b.storage_get(PLAN_KEY).await.expect("a saved plan")).unwrap();
    plan["deals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == id)
        .cloned()
        .expect("the deal")
}

async fn open_coaching(b: &Browser, id: &str) {
    b.click(&in_card(id, "open-deal")).await;
    b.wait_for(&tid("deal-editor")).await;
    b.click(&tid("tab-coaching")).await;
    b.wait_for(&tid("strategies")).await;
}

async fn textarea(b: &Browser) -> String {
    b.js("return document.querySelector('[data-testid=strategies-text]').value;")
        .await
        .as_str()
        .unwrap()
        .to_string()
}

/// Strategies typed one per line for the deal's stage are saved in the plan, another stage's are
/// its own, and both are there after a reload.
#[tokio::test]
async fn strategies_are_kept_per_stage_of_a_deal() {
    let b = e2e::start().await;
    b.load_sample().await;
    let stage = stored_deal(&b, "sample-01").await["stage"]
        .as_str()
        .unwrap()
        .to_string();
    open_coaching(&b, "sample-01").await;
    assert_eq!(textarea(&b).await, "", "no strategies yet");
    b.fill(
        &tid("strategies-text"),
        "先约技术评估者\n\n 请高层参观样板客户 ",
    )
    .await;
    b.click(&tid("save-strategies")).await;
    b.wait_js(
        "strategies saved",
        &format!(
            "return (localStorage.getItem('{PLAN_KEY}') || '').includes('请高层参观样板客户');"
        ),
    )
    .await;
    let deal = stored_deal(&b, "sample-01").await;
    assert_eq!(
        deal["strategies"][&stage],
        serde_json::json!(["先约技术评估者", "请高层参观样板客户"]),
        "{deal}"
    );
    let other = if stage == "P0" { "P1" } else { "P0" };
    b.select_value(&tid("strategies-stage"), other).await;
    assert_eq!(textarea(&b).await, "", "{other} has none");
    b.fill(&tid("strategies-text"), "另一个阶段的策略").await;
    b.click(&tid("save-strategies")).await;
    b.wait_js(
        "second stage saved",
        &format!("return (localStorage.getItem('{PLAN_KEY}') || '').includes('另一个阶段的策略');"),
    )
    .await;
    b.screenshot("strategies").await;
    b.refresh().await;
    b.wait_for(&tid("deal-card")).await;
    open_coaching(&b, "sample-01").await;
    assert_eq!(
        textarea(&b).await,
        "先约技术评估者\n请高层参观样板客户",
        "the current stage's, after a reload"
    );
    b.select_value(&tid("strategies-stage"), other).await;
    assert_eq!(textarea(&b).await, "另一个阶段的策略");
    b.assert_no_network().await;
    b.close().await;
}
