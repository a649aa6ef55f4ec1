//! Browser tests of issue 13's second half: the matrix's drill-down (a cell's deals, each opening
//! the deal), a target split edited with its remainder shown, and a bonus split on a won deal
//! saved and read back after a reload. Run with `--test-threads=1`, like every browser test here.

use e2e::{tid, Browser, PLAN_KEY};
use serde_json::Value;

const TAB: &str = "\u{E004}";
/// How an empty value is shown, in either language.
const NONE: [&str; 2] = ["（未填写）", "(none)"];

async fn stored(b: &Browser) -> Value {
    let text = b.storage_get(PLAN_KEY).await.expect("a stored plan");
    serde_json::from_str(&text).expect("stored plan is JSON")
}

async fn forecast(b: &Browser) {
    b.click(&tid("view-forecast")).await;
    b.wait_for(&tid("matrix")).await;
}

/// The element `part` (`split-total`, `split-name` …) of the split editor `editor` (`target`,
/// `bonus`).
fn part(editor: &str, part: &str) -> String {
    format!("{} {}", tid(editor), tid(part))
}

/// Types `text` into the `n`th (from 0) element matching `css` and leaves it, so that its change
/// is taken.
async fn type_nth(b: &Browser, css: &str, n: usize, text: &str) {
    b.eventually(&format!("{css} #{n}"), || async {
        (b.count(css).await > n).then_some(())
    })
    .await;
    b.js_args(
        "const el = document.querySelectorAll(arguments[0])[arguments[1]]; el.focus(); el.select();",
        vec![css.into(), n.into()],
    )
    .await;
    b.keys(&format!("{text}{TAB}")).await;
}

#[tokio::test]
async fn a_matrix_cell_lists_its_deals_and_each_opens_its_deal() {
    let b = Browser::start().await;
    b.load_sample().await;
    forecast(&b).await;
    b.select_value(&tid("matrix-rows"), "product").await;
    b.select_value(&tid("matrix-columns"), "region").await;
    let plan = stored(&b).await;
    let deals = plan["deals"].as_array().unwrap();
    let kept = deals.iter().filter(|d| d["status"] != "lost").count();

    // the grand total lists every deal that is not lost
    b.click(&format!("{} button", tid("matrix-grand-total")))
        .await;
    b.wait_for(&tid("matrix-deals")).await;
    assert_eq!(b.count(&tid("matrix-deal")).await, kept);

    // the first cell of the first row: its deals are those of that product and region
    let row = b.text(&tid("matrix-row")).await;
    let column = b.text(&tid("matrix-column")).await;
    b.js("document.querySelector('[data-testid=\"matrix-table\"] tbody tr td button').click();")
        .await;
    let none = |v: &Value| v.as_str().unwrap_or("").to_string();
    let expected: Vec<String> = deals
        .iter()
        .filter(|d| d["status"] != "lost")
        .filter(|d| {
            let product = none(&d["product"]);
            let region = none(&d["region"]);
            (product == row || product.is_empty() && NONE.contains(&row.as_str()))
                && (region == column || region.is_empty() && NONE.contains(&column.as_str()))
        })
        .map(|d| none(&d["name"]))
        .collect();
    assert!(
        !expected.is_empty(),
        "the first cell of the first row holds deals"
    );
    b.eventually("the cell's deals", || async {
        (b.count(&tid("matrix-deal")).await == expected.len()).then_some(())
    })
    .await;
    let listed = b.text(&tid("matrix-deals")).await;
    for name in &expected {
        assert!(listed.contains(name.as_str()), "{name} in {listed}");
    }
    b.click(&tid("matrix-deal")).await;
    let title = b.text("#editor-title").await;
    assert!(expected.contains(&title), "the deal {title} opens");
    b.close().await;
}

#[tokio::test]
async fn a_target_split_shows_its_remainder_and_is_saved_only_when_it_adds_up() {
    let b = Browser::start().await;
    b.load_sample().await;
    forecast(&b).await;
    b.fill(&tid("target-period"), "2026-Q4").await;
    b.keys(TAB).await;
    type_nth(&b, &part("target", "split-total"), 0, "1000000").await;
    b.click(&part("target", "split-add")).await;
    b.click(&part("target", "split-add")).await;
    type_nth(&b, &part("target", "split-name"), 0, "销售小王").await;
    type_nth(&b, &part("target", "split-value"), 0, "60").await;
    type_nth(&b, &part("target", "split-name"), 1, "销售小李").await;
    type_nth(&b, &part("target", "split-value"), 1, "30").await;
    b.eventually("the remainder", || async {
        let text = b.text(&part("target", "split-remainder")).await;
        (text.contains("90 %") && text.contains("100,000.00")).then_some(())
    })
    .await;
    b.click(&part("target", "split-save")).await;
    b.wait_for("[data-field=\"split-sum\"]").await;
    assert_eq!(b.count(&tid("target-standing")).await, 0, "nothing saved");

    type_nth(&b, &part("target", "split-value"), 1, "40").await;
    b.eventually("the split adds up", || async {
        let class = b.attr(&part("target", "split-remainder"), "class").await?;
        (!class.contains("warn")).then_some(())
    })
    .await;
    let gets = b.text(&part("target", "split-gets")).await;
    assert!(gets.contains("600,000.00"), "{gets}");
    b.click(&part("target", "split-save")).await;
    b.wait_for(&tid("target-standing")).await;
    assert_eq!(b.count(&tid("target-part")).await, 2);
    assert_eq!(b.count(&tid("target-team")).await, 1);
    let plan = stored(&b).await;
    let mut target = plan["targets"][0].clone();
    // stamped when set, so that two tabs keep the later
    let updated = target["updated"].take();
    assert!(
        updated
            .as_str()
            .is_some_and(|t| t.len() >= 20 && t.as_bytes()[10] == b'T' && t.ends_with('Z')),
        "{updated}"
    );
    target.as_object_mut().unwrap().remove("updated");
    assert_eq!(
        target,
        serde_json::json!({"period": "2026-Q4", "to": "owner", "amount": 1000000, "by": "share",
            "parts": [{"name": "销售小王", "share": 60}, {"name": "销售小李", "share": 40}]})
    );

    // a colleague's file with a later version of that target: the preview says the merge
    // replaces it (newest wins), and keeping mine replaces nothing
    let mut theirs = plan.clone();
    theirs["targets"][0]["amount"] = serde_json::json!(2000000);
    theirs["targets"][0]["parts"][0]["share"] = serde_json::json!(50);
    theirs["targets"][0]["parts"][1]["share"] = serde_json::json!(50);
    theirs["targets"][0]["updated"] = serde_json::json!("2099-01-01T00:00:00Z");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("colleague.json");
    std::fs::write(&path, theirs.to_string()).unwrap();
    b.import_file(path.to_str().unwrap()).await;
    b.wait_for(&tid("import-target-replaced")).await;
    let line = b.text(&tid("import-target-replaced")).await;
    assert!(
        line.contains("1,000,000.00") && line.contains("2,000,000.00"),
        "{line}"
    );
    b.select_value(&tid("import-rule"), "mine").await;
    b.wait_gone(&tid("import-target-replaced")).await;
    b.click(&tid("cancel-import")).await;
    b.wait_gone(&tid("import-dialog")).await;
    b.close().await;
}

/// Opens the deal named `name` from the matrix's list of every deal.
async fn open_from_matrix(b: &Browser, name: &str) {
    forecast(b).await;
    b.click(&format!("{} button", tid("matrix-grand-total")))
        .await;
    b.wait_for(&tid("matrix-deal")).await;
    b.js(&format!(
        "[...document.querySelectorAll('[data-testid=\"matrix-deal\"]')].find(e => e.textContent.startsWith({name:?})).click();"
    ))
    .await;
    b.wait_for(&tid("bonus-panel")).await;
}

#[tokio::test]
async fn a_bonus_split_on_a_won_deal_is_saved_and_read_back_after_a_reload() {
    let b = Browser::start().await;
    b.load_sample().await;
    let plan = stored(&b).await;
    let won = plan["deals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["status"] == "won")
        .expect("the sample has a won deal");
    let (id, name) = (
        won["id"].as_str().unwrap().to_string(),
        won["name"].as_str().unwrap().to_string(),
    );
    open_from_matrix(&b, &name).await;
    type_nth(&b, &part("bonus", "split-total"), 0, "100000").await;
    for (i, (member, share)) in [("张三", "33.33"), ("李四", "33.33"), ("王五", "33.34")]
        .into_iter()
        .enumerate()
    {
        b.click(&part("bonus", "split-add")).await;
        type_nth(&b, &part("bonus", "split-name"), i, member).await;
        type_nth(&b, &part("bonus", "split-value"), i, share).await;
    }
    b.eventually("the split adds up", || async {
        let class = b.attr(&part("bonus", "split-remainder"), "class").await?;
        (!class.contains("warn")).then_some(())
    })
    .await;
    b.click(&part("bonus", "split-save")).await;
    b.eventually("the bonus stored", || async {
        let plan = stored(&b).await;
        let deal = plan["deals"]
            .as_array()?
            .iter()
            .find(|d| d["id"] == id.as_str())?
            .clone();
        (deal["bonus"]["parts"][2]["share"] == serde_json::json!(33.34)).then_some(())
    })
    .await;

    b.refresh().await;
    b.wait_for(&tid("view-forecast")).await;
    open_from_matrix(&b, &name).await;
    let gets: Vec<String> = b
        .js("return [...document.querySelectorAll('[data-testid=\"bonus\"] [data-testid=\"split-gets\"]')].map(e => e.textContent);")
        .await
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    assert_eq!(gets.len(), 3);
    assert!(
        gets[0].contains("33,330.00") && gets[2].contains("33,340.00"),
        "{gets:?}"
    );
    let names: Vec<String> = b
        .js("return [...document.querySelectorAll('[data-testid=\"bonus\"] [data-testid=\"split-name\"]')].map(e => e.value);")
        .await
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    assert_eq!(names, ["张三", "李四", "王五"]);
    b.close().await;
}
