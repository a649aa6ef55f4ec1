//! Where the plan lives and when it was last exported, in Chromium: the empty state says the plan
//! is kept in this browser (Chromium shares it among all `file://` pages, so no file is named),
//! the footer shows the last export of the whole plan, and after a week of changes in no export
//! it offers a backup export. The week passes by setting the stored times.

use e2e::{tid, Browser};
use serde_json::{json, Value};

/// localStorage key of the export record (see docs/plan-format.md).
const EXPORTED_KEY: &str = "keyplan.exported.v1";
const DAY_MS: i64 = 86_400_000;

async fn start() -> Browser {
    e2e::page_url();
    let b = Browser::start().await;
    b.keep_downloads().await;
    b
}

/// The names of the files downloaded so far, once none is still being written (nor an empty
/// placeholder Chromium makes before it writes).
async fn downloads(b: &Browser) -> Vec<String> {
    b.eventually("downloads to finish", || async {
        let mut names: Vec<String> = std::fs::read_dir(b.downloads_dir())
            .ok()?
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        let empty =
            |n: &String| std::fs::metadata(b.downloads_dir().join(n)).is_ok_and(|m| m.len() == 0);
        (!names.iter().any(|n| n.ends_with(".crdownload") || empty(n))).then_some(names)
    })
    .await
}

async fn record(b: &Browser) -> Value {
    let text = b
        .storage_get(EXPORTED_KEY)
        .await
        .unwrap_or_else(|| panic!("localStorage has no {EXPORTED_KEY}"));
    serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("{EXPORTED_KEY} is not JSON ({e}): {text}"))
}

async fn now_ms(b: &Browser) -> i64 {
    b.js("return Date.now();").await.as_i64().expect("a number")
}

/// `Last exported 3 Nov 2026` for the browser's local day of `ms`.
async fn last_exported(b: &Browser, ms: i64) -> String {
    b.js_args(
        "const d = new Date(arguments[0]);
         const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct',
                        'Nov', 'Dec'][d.getMonth()];
         return 'Last exported ' + d.getDate() + ' ' + month + ' ' + d.getFullYear();",
        vec![json!(ms)],
    )
    .await
    .as_str()
    .expect("text")
    .to_string()
}

/// Stores the record and reloads the page, as if that much time had passed.
async fn set_record(b: &Browser, exported: i64, changed: i64) {
    b.storage_set(
        EXPORTED_KEY,
        &json!({"exported": exported, "changed": changed}).to_string(),
    )
    .await;
    b.refresh().await;
    b.wait_for(&tid("deal-card")).await;
}

async fn wait_last_export(b: &Browser, want: &str) {
    b.eventually(&format!("the footer to say {want:?}"), || async {
        (b.text(&tid("last-export")).await == want).then_some(())
    })
    .await;
}

#[tokio::test]
async fn the_footer_shows_the_last_export_and_offers_a_backup_after_a_week() {
    let b = start().await;
    b.open().await;
    b.wait_for(&tid("empty-state")).await;
    assert_eq!(
        b.text(&tid("plan-place")).await,
        "Your plan is kept in this browser. To bring one from another browser, export it there \
         and import it here."
    );
    assert_eq!(b.count(&tid("plan-location")).await, 0, "no file is named");
    assert_eq!(b.text(&tid("last-export")).await, "Never exported");

    // the first change is noted; no week has passed
    let before = now_ms(&b).await;
    b.click(&tid("load-sample")).await;
    b.wait_for(&tid("deal-card")).await;
    let noted = b
        .eventually("the first change to be noted", || async {
            let text = b.storage_get(EXPORTED_KEY).await?;
            let value: Value = serde_json::from_str(&text).ok()?;
            value["changed"].as_i64().filter(|ms| *ms > 0)
        })
        .await;
    assert!(noted >= before && noted <= now_ms(&b).await, "{noted}");
    assert_eq!(record(&b).await["exported"], 0);
    assert_eq!(b.count(&tid("backup-export")).await, 0);

    // eight days of changes in no export: a backup is offered, and taken
    let now = now_ms(&b).await;
    set_record(&b, 0, now - 8 * DAY_MS).await;
    assert_eq!(b.text(&tid("backup-export")).await, "Export a backup");
    assert_eq!(b.text(&tid("last-export")).await, "Never exported");
    b.js("document.querySelector('footer').scrollIntoView(); return true;")
        .await;
    b.screenshot("backup-reminder").await;
    let clicked = now_ms(&b).await;
    b.click(&tid("backup-export")).await;
    b.wait_gone(&tid("backup-export")).await;
    wait_last_export(&b, &last_exported(&b, clicked).await).await;
    let after = record(&b).await;
    assert!(
        after["exported"].as_i64().unwrap() >= clicked && after["changed"] == 0,
        "{after}"
    );
    let files = b
        .eventually("the backup file", || async {
            let files = downloads(&b).await;
            (!files.is_empty()).then_some(files)
        })
        .await;
    assert_eq!(files.len(), 1, "{files:?}");
    let text = std::fs::read_to_string(b.downloads_dir().join(&files[0])).unwrap();
    let file: Value = serde_json::from_str(&text).expect("the backup is a plan file");
    assert_eq!(file["format"], "keyplan.plan", "{}", files[0]);

    // exported ten days ago, nothing changed since: nothing is offered …
    let ten_days_ago = now - 10 * DAY_MS;
    set_record(&b, ten_days_ago, 0).await;
    let old_export = last_exported(&b, ten_days_ago).await;
    assert_eq!(b.text(&tid("last-export")).await, old_export);
    assert_eq!(b.count(&tid("backup-export")).await, 0);
    // … until the plan changes: then at once, the last export being older than a week
    let card = b
        .wait_for(&format!(
            "{}[data-stage=\"P1\"] {}",
            tid("deal-card"),
            tid("move-prev")
        ))
        .await;
    card.click().await.expect("move a P1 deal back");
    b.wait_for(&tid("backup-export")).await;

    // a CSV is no export of the plan (it cannot bring it back); the whole plan is
    b.click(&tid("export-plan")).await;
    b.click(&tid("export-deals-csv")).await;
    b.click(&tid("close-export")).await;
    b.wait_gone(&tid("export-dialog")).await;
    assert_eq!(b.text(&tid("last-export")).await, old_export);
    assert_eq!(b.count(&tid("backup-export")).await, 1);
    let exported_at = now_ms(&b).await;
    b.click(&tid("export-plan")).await;
    b.click(&tid("export-whole")).await;
    b.click(&tid("close-export")).await;
    b.wait_gone(&tid("export-dialog")).await;
    wait_last_export(&b, &last_exported(&b, exported_at).await).await;
    assert_eq!(b.count(&tid("backup-export")).await, 0);
    b.assert_no_network().await;
    b.close().await;
}
