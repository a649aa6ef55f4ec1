//! Browser tests of issue 11's housekeeping and the deck's exercise: the team's strategies per
//! stage in the deal dialog; renaming the plan; reloading the training case and clearing the
//! plan, each with a backup; two copies of the case loaded at different times are no conflict.
//!
//! Run with `--test-threads=1` (see planner.rs).

use e2e::{card, temp_file, tid, Browser, PLAN_KEY};
use serde_json::{json, Value};

const ENTER: &str = "\u{E007}";
const ESCAPE: &str = "\u{E00C}";

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
        json!(["先约技术评估者", "请高层参观样板客户"]),
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

/// The stored plan's title (`null` when it has none).
async fn stored_title(b: &Browser) -> Value {
    let plan: Value =
        serde_json::from_str(&b.storage_get(PLAN_KEY).await.expect("a saved plan")).unwrap();
    plan.get("title").cloned().unwrap_or(Value::Null)
}

/// The title in the header is renamed in place with the keyboard: Enter saves, Esc cancels, an
/// empty title removes it.
#[tokio::test]
async fn the_plan_is_renamed_in_the_header() {
    let b = e2e::start().await;
    b.load_sample().await;
    b.click(&tid("lang-zh")).await;
    assert_eq!(stored_title(&b).await, json!("销售小王团队 · 培训案例"));
    b.click(&tid("plan-title")).await;
    b.wait_js(
        "the box has the focus",
        "return document.activeElement?.dataset.testid === 'plan-title-input';",
    )
    .await;
    b.keys(&format!("第3组 · 销售小王案例{ENTER}")).await;
    b.wait_for(&tid("plan-title")).await;
    b.wait_js(
        "the title saved",
        &format!(
            "return (localStorage.getItem('{PLAN_KEY}') || '').includes('第3组 · 销售小王案例');"
        ),
    )
    .await;
    assert_eq!(b.text(&tid("plan-title")).await, "第3组 · 销售小王案例");
    b.screenshot("title-renamed").await;
    // Esc leaves it as it was
    b.click(&tid("plan-title")).await;
    b.wait_for(&tid("plan-title-input")).await;
    b.keys(&format!("别的名字{ESCAPE}")).await;
    b.wait_for(&tid("plan-title")).await;
    assert_eq!(b.text(&tid("plan-title")).await, "第3组 · 销售小王案例");
    assert_eq!(stored_title(&b).await, json!("第3组 · 销售小王案例"));
    // empty: no title
    b.click(&tid("plan-title")).await;
    b.fill(&tid("plan-title-input"), "").await;
    b.keys(ENTER).await;
    b.wait_for(&tid("plan-title")).await;
    b.wait_js(
        "the title removed",
        &format!("return !('title' in JSON.parse(localStorage.getItem('{PLAN_KEY}')));"),
    )
    .await;
    assert_eq!(b.text(&tid("plan-title")).await, "未命名计划");
    b.assert_no_network().await;
    b.close().await;
}

/// Between sessions, a trainer reloads the case over a worked plan and then clears it: each asks
/// first, saying what it replaces, and keeps the plan before it as a backup.
#[tokio::test]
async fn reloading_the_case_and_clearing_the_plan_keep_a_backup_each() {
    let b = e2e::start().await;
    b.load_sample().await;
    b.click(&tid("lang-zh")).await;
    b.new_deal("第3组的新项目", "某客户", "1000").await;
    let worked = b.storage_get(PLAN_KEY).await.unwrap();
    b.click(&tid("open-backups")).await;
    b.wait_for(&tid("reset")).await;
    b.click(&tid("reset-sample")).await;
    let warning = b.text(&tid("reset-warning")).await;
    assert!(
        warning.contains("13") && warning.contains("培训案例"),
        "{warning}"
    );
    b.screenshot("reset-confirm").await;
    b.click(&tid("reset-cancel")).await;
    assert_eq!(b.count(&tid("reset-warning")).await, 0);
    assert_eq!(
        b.storage_get(PLAN_KEY).await.unwrap(),
        worked,
        "cancel changes nothing"
    );
    b.click(&tid("reset-sample")).await;
    b.click(&tid("reset-confirm")).await;
    b.wait_gone(&tid("backups-dialog")).await;
    b.wait_js(
        "the case again",
        &format!("return !(localStorage.getItem('{PLAN_KEY}') || '').includes('第3组的新项目');"),
    )
    .await;
    let plan: Value = serde_json::from_str(&b.storage_get(PLAN_KEY).await.unwrap()).unwrap();
    assert_eq!(plan["deals"].as_array().unwrap().len(), 13);
    let kept = b.backups("before-reset").await;
    assert_eq!(kept.len(), 1);
    assert!(kept[0].contains("第3组的新项目"), "the worked plan is kept");
    b.click(&tid("open-backups")).await;
    b.wait_for(&tid("backup")).await;
    b.click(&tid("reset-clear")).await;
    assert!(b.text(&tid("reset-warning")).await.contains("空计划"));
    b.click(&tid("reset-confirm")).await;
    b.wait_for(&tid("empty-state")).await;
    let kept = b.backups("before-reset").await;
    assert_eq!(kept.len(), 2);
    let plan: Value = serde_json::from_str(&b.storage_get(PLAN_KEY).await.unwrap()).unwrap();
    assert_eq!(plan["deals"], json!([]), "an empty plan is saved");
    b.refresh().await;
    b.wait_for(&tid("empty-state")).await;
    b.assert_no_network().await;
    b.close().await;
}

/// A copy of the case loaded a moment earlier (another table's) is no conflict with the case
/// loaded again now: the import finds every deal unchanged.
#[tokio::test]
async fn copies_of_the_case_loaded_at_different_times_are_no_conflict() {
    let b = e2e::start().await;
    b.load_sample().await;
    let earlier = b.storage_get(PLAN_KEY).await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    b.click(&tid("open-backups")).await;
    b.click(&tid("reset-clear")).await;
    b.click(&tid("reset-confirm")).await;
    b.wait_for(&tid("empty-state")).await;
    b.click(&tid("load-sample")).await;
    b.wait_for(&tid("deal-card")).await;
    let (_dir, path) = temp_file("第2组-销售小王案例.json", &earlier);
    b.import_file(&path).await;
    assert_eq!(b.text(&tid("count-conflicts")).await, "0");
    assert_eq!(b.text(&tid("count-changed")).await, "0");
    assert_eq!(b.text(&tid("count-new")).await, "0");
    b.assert_no_network().await;
    b.close().await;
}

/// The id of the case's open deal in `stage`.
async fn case_deal_in(b: &Browser, stage: &str) -> String {
    let plan: Value =
        serde_json::from_str(&b.storage_get(PLAN_KEY).await.expect("a saved plan")).unwrap();
    plan["deals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["stage"] == stage && d.get("status").is_none_or(|s| s == "open"))
        .and_then(|d| d["id"].as_str())
        .expect("a deal in the stage")
        .to_string()
}

/// How many "ours" marks the coaching tab shows inside `css`.
async fn marks(b: &Browser, css: &str) -> usize {
    b.count(&format!("{} {css} .tag", tid("coaching"))).await
}

/// The coaching tab tells keyplan's words from the deck's: P1's mistakes are the deck's but for
/// keyplan's one; P6's English name and summary are keyplan's; P3's customer step reads 制定标准.
#[tokio::test]
async fn the_coaching_tab_marks_keyplans_words() {
    let b = e2e::start().await;
    b.load_sample().await;
    b.click(&tid("lang-en")).await;
    let p1 = case_deal_in(&b, "P1").await;
    open_coaching(&b, &p1).await;
    assert_eq!(
        marks(&b, ".mistakes").await,
        1,
        "the deck's three and keyplan's one"
    );
    assert_eq!(marks(&b, ".row-summary").await, 0);
    b.click(&tid("close-dialog")).await;
    let p6 = case_deal_in(&b, "P6").await;
    open_coaching(&b, &p6).await;
    assert_eq!(
        marks(&b, ".row-summary h3").await,
        1,
        "Agreement is keyplan's name"
    );
    assert_eq!(marks(&b, ".row-summary p").await, 1, "keyplan's summary");
    assert_eq!(marks(&b, ".steps").await, 0, "收场's steps are the deck's");
    b.screenshot("coaching-p6-en").await;
    b.click(&tid("close-dialog")).await;
    b.click(&tid("lang-zh")).await;
    let p3 = case_deal_in(&b, "P3").await;
    open_coaching(&b, &p3).await;
    let rings = b.text(&tid("cycles-diagram")).await;
    assert!(rings.contains("制定标准"), "{rings}");
    assert_eq!(marks(&b, ".row-summary").await, 0);
    b.screenshot("coaching-p3-zh").await;
    b.assert_no_network().await;
    b.close().await;
}
