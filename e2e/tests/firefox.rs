//! The built page in headless Firefox (ESR) through geckodriver, with Firefox's default
//! `security.fileuri.strict_origin_policy` (each `file://` path keeps its own storage): opened
//! from `file://`, the training case, a reload, a new deal, an export and its import back, and
//! a copy of the file at another path that opens on its own, empty plan and says where it is.
//!
//! Firefox has no performance log: the network check reads the Resource Timing API
//! ([`Browser::network_requests`]); `firefox_network_check_catches_an_outside_request` proves it
//! can fail. Run with `--test-threads=1`, as every browser test.

use std::path::{Path, PathBuf};

use e2e::{card_ids, file_url, find_by_id, id_set, page_url, tid, Browser, PLAN_KEY};
use serde_json::Value;

/// Checks the artefact exists (failing before any browser starts if not), then starts Firefox.
async fn start() -> Browser {
    page_url();
    Browser::start_firefox().await
}

fn built_page() -> PathBuf {
    url::Url::parse(&page_url())
        .unwrap()
        .to_file_path()
        .expect("KEYPLAN_HTML is a file")
}

async fn load_sample(b: &Browser) {
    b.wait_for(&tid("empty-state")).await;
    b.click(&tid("load-sample")).await;
    b.wait_for(&tid("deal-card")).await;
    b.wait_gone(&tid("empty-state")).await;
}

async fn stored_plan(b: &Browser) -> Value {
    let text = b
        .storage_get(PLAN_KEY)
        .await
        .unwrap_or_else(|| panic!("localStorage has no {PLAN_KEY}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{PLAN_KEY} is not JSON ({e}): {text}"))
}

/// The one file in `dir`, once it is completely written (Firefox writes `<name>.part` first).
async fn downloaded(b: &Browser, dir: &Path) -> (String, String) {
    b.eventually("the download to finish", || async {
        let files: Vec<PathBuf> = std::fs::read_dir(dir)
            .ok()?
            .map(|e| e.unwrap().path())
            .collect();
        let [file] = files.as_slice() else {
            return None;
        };
        let name = file.file_name()?.to_str()?.to_string();
        let text = std::fs::read_to_string(file).ok()?;
        (!name.ends_with(".part") && !text.is_empty()).then_some((name, text))
    })
    .await
}

#[tokio::test]
async fn firefox_opens_from_a_file_loads_reloads_and_creates() {
    let b = start().await;
    b.open().await;
    b.wait_for(&tid("empty-state")).await;
    assert_eq!(b.html_lang().await, "en");
    // Firefox keeps a plan per file path: the empty state and the footer name this one
    let here = built_page().display().to_string();
    assert_eq!(
        b.text(&format!("{} {}", tid("plan-place"), tid("plan-location")))
            .await,
        here
    );
    let place = b.text(&tid("plan-place")).await;
    assert!(
        place.starts_with("Firefox keeps a plan for each file location")
            && place.contains("Open the file from where it was, or import an export"),
        "{place}"
    );
    assert_eq!(
        b.attr(&format!("footer {}", tid("plan-location")), "title")
            .await
            .as_deref(),
        Some(here.as_str())
    );

    load_sample(&b).await;
    let sample = id_set(&card_ids(&b).await);
    assert!(!sample.is_empty());
    b.refresh().await;
    b.wait_for(&tid("deal-card")).await;
    assert_eq!(
        id_set(&card_ids(&b).await),
        sample,
        "the plan is back after a reload"
    );

    b.new_deal("火狐测试项目", "华南测试集团", "120000").await;
    let id = b
        .eventually("the new deal's card", || async {
            let now = id_set(&card_ids(&b).await);
            now.difference(&sample).next().cloned()
        })
        .await;
    b.refresh().await;
    b.wait_for(&format!("[data-deal-id=\"{id}\"]")).await;
    let plan = stored_plan(&b).await;
    let deal = find_by_id(&plan, &id).unwrap_or_else(|| panic!("{id} not stored: {plan}"));
    assert_eq!(deal["name"], "火狐测试项目");
    assert_eq!(deal["stage"], "P0");
    b.screenshot("firefox-board").await;
    b.assert_no_network().await;
    b.close().await;
}

#[tokio::test]
async fn firefox_exports_and_imports_back() {
    let b = start().await;
    b.open().await;
    load_sample(&b).await;
    assert_eq!(b.text(&tid("last-export")).await, "Never exported");
    let original = stored_plan(&b).await;

    b.click(&tid("export-plan")).await;
    b.click(&tid("export-whole")).await;
    let (name, text) = downloaded(&b, &b.downloads_dir()).await;
    assert!(name.ends_with(".json"), "{name}");
    b.click(&tid("close-export")).await;
    b.wait_gone(&tid("export-dialog")).await;
    assert!(
        b.text(&tid("last-export"))
            .await
            .starts_with("Last exported "),
        "the footer shows the export"
    );
    let exported: Value = serde_json::from_str(&text).expect("the export is JSON");

    // into an empty planner: the same plan comes back
    b.js("localStorage.clear(); return true;").await;
    b.refresh().await;
    b.wait_for(&tid("empty-state")).await;
    let path = b.downloads_dir().join(&name);
    let input = b
        .client
        .find(fantoccini::Locator::Css(&tid("import-input")))
        .await
        .expect("the file input");
    input
        .send_keys(path.to_str().unwrap())
        .await
        .expect("choose the file");
    b.wait_for(&tid("import-dialog")).await;
    b.click(&tid("replace-import")).await;
    b.wait_gone(&tid("import-dialog")).await;
    b.wait_for(&tid("deal-card")).await;
    let mut back = stored_plan(&b).await;
    let mut want = original.clone();
    let mut file = exported.clone();
    for plan in [&mut back, &mut want, &mut file] {
        plan.as_object_mut().unwrap().remove("exported_at");
    }
    assert_eq!(file, want, "the export is the stored plan");
    assert_eq!(back, want, "the import brings it back, exactly");
    b.assert_no_network().await;
    b.close().await;
}

#[tokio::test]
async fn firefox_keeps_one_plan_per_file_path() {
    let b = start().await;
    b.open().await;
    load_sample(&b).await;
    let sample = id_set(&card_ids(&b).await);

    // a copy saved elsewhere, under a name a second download gets
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("销售 计划");
    std::fs::create_dir(&folder).unwrap();
    let copy = folder.join("keyplan (1).html");
    std::fs::copy(built_page(), &copy).unwrap();
    let copy_url = file_url(&copy).unwrap();
    assert!(copy_url.contains("%20"), "{copy_url}");
    b.open_url(&copy_url).await;
    b.wait_for(&tid("empty-state")).await;
    assert_eq!(
        b.text(&format!("{} {}", tid("plan-place"), tid("plan-location")))
            .await,
        copy.display().to_string(),
        "the hint names where this file is, decoded"
    );
    assert_eq!(
        b.storage_get(PLAN_KEY).await,
        None,
        "this path's own storage"
    );
    b.screenshot("firefox-other-path").await;
    b.assert_no_network().await;

    // the plan waited at the original path
    b.open().await;
    b.wait_for(&tid("deal-card")).await;
    assert_eq!(id_set(&card_ids(&b).await), sample);
    let bad: Vec<String> = b
        .network_violations(&page_url())
        .await
        .into_iter()
        .filter(|u| *u != copy_url)
        .collect();
    assert!(bad.is_empty(), "the page made network requests: {bad:?}");
    b.close().await;
}

/// A page that fetches from outside: the network check must see it (the request goes to the
/// recording proxy, which answers; without it, offline, it would fail and leave no timing entry).
#[tokio::test]
async fn firefox_network_check_catches_an_outside_request() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("leaky.html");
    std::fs::write(
        &page,
        "<!doctype html><title>leaky</title><script>
         fetch('http://keyplan-leak.invalid/x').catch(() => {})
           .finally(() => { document.title = 'fetched'; });
         </script>",
    )
    .unwrap();
    let url = file_url(&page).unwrap();
    let b = Browser::start_firefox().await;
    b.open_url(&url).await;
    b.wait_js(
        "the outside fetch to settle",
        "return document.title === 'fetched';",
    )
    .await;
    b.eventually("the network check to see the fetch", || async {
        let bad = b.network_violations(&url).await;
        bad.iter()
            .any(|u| u == "http://keyplan-leak.invalid/x")
            .then_some(())
    })
    .await;
    b.close().await;
}
