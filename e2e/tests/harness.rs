//! Self-test of the harness against small fixture pages written into a temp dir at run time
//! (not the app): proves the driving helpers work and that the network check can fail.

use e2e::{columns, foreign_requests, median, page_url_from, parse_amount, tid, Browser};

/// A page that mimics a few of keyplan's testids. `extra_script` runs on load.
fn fixture(dir: &std::path::Path, name: &str, extra_script: &str) -> String {
    let html = format!(
        r#"<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>keyplan fixture</title></head>
<body>
<div data-testid="empty-state"><p>还没有项目</p><button data-testid="load-sample">载入示例</button></div>
<script>
document.querySelector('[data-testid="load-sample"]').addEventListener('click', () => {{
  document.querySelector('[data-testid="empty-state"]').remove();
  const board = document.createElement('div');
  board.dataset.testid = 'board';
  for (let i = 0; i < 8; i++) {{
    const col = document.createElement('section');
    col.dataset.testid = 'stage-column';
    col.dataset.stage = 'P' + i;
    const n = i % 3;
    col.innerHTML = '<h2>P' + i + ' <span data-testid="column-count">' + n + '</span></h2>';
    for (let k = 0; k < n; k++) {{
      const card = document.createElement('article');
      card.dataset.testid = 'deal-card';
      card.dataset.dealId = 'sample-' + i + '-' + k;
      card.dataset.stage = 'P' + i;
      card.textContent = '项目 ' + i + '-' + k;
      col.appendChild(card);
    }}
    board.appendChild(col);
  }}
  document.body.appendChild(board);
  localStorage.setItem('keyplan.plan.v1', JSON.stringify({{deals: [{{id: 'sample-0-0', stage: 'P0'}}]}}));
  performance.mark('keyplan-board');
}});
// Inline resources like the real app's wasm: allowed by the network check.
fetch('data:application/octet-stream;base64,AGFzbQEAAAA=').then(r => r.arrayBuffer())
  .then(() => fetch(URL.createObjectURL(new Blob(['x']))))
  .then(() => {{ document.body.dataset.inlineDone = '1'; }});
{extra_script}
</script>
</body></html>"#
    );
    let path = dir.join(name);
    std::fs::write(&path, html).expect("write fixture");
    e2e::file_url(&path).expect("fixture url")
}

#[tokio::test]
async fn harness_drives_a_fixture_page_offline() {
    let dir = tempfile::tempdir().unwrap();
    let url = fixture(dir.path(), "offline.html", "");
    let b = Browser::start().await;
    b.open_url(&url).await;
    b.wait_for(&tid("empty-state")).await;
    assert_eq!(b.html_lang().await, "zh-CN");
    b.wait_js(
        "inline fetches",
        "return document.body.dataset.inlineDone === '1';",
    )
    .await;
    assert_eq!(b.time_to_board_ms().await, None, "no mark before the board");

    b.click(&tid("load-sample")).await;
    b.wait_for(&tid("deal-card")).await;
    b.wait_gone(&tid("empty-state")).await;
    let cols = columns(&b).await;
    assert_eq!(cols.len(), 8);
    let sum: usize = cols
        .iter()
        .map(|(_, n, _)| n.parse::<usize>().unwrap())
        .sum();
    assert_eq!(sum, b.count(&tid("deal-card")).await);
    assert!(sum > 0);
    assert!(b.time_to_board_ms().await.is_some());
    assert!(b
        .text(&format!("{} h2", tid("stage-column")))
        .await
        .starts_with("P0"));
    let shot = b.screenshot("harness-fixture").await;
    assert!(std::fs::metadata(&shot).unwrap().len() > 1000);

    // localStorage of file:// pages survives a reload.
    b.refresh().await;
    b.wait_for(&tid("empty-state")).await;
    let stored = b.storage_get("keyplan.plan.v1").await.expect("stored plan");
    let plan: serde_json::Value = serde_json::from_str(&stored).unwrap();
    assert_eq!(e2e::find_by_id(&plan, "sample-0-0").unwrap()["stage"], "P0");

    let requests = b.network_requests().await;
    assert!(
        requests.iter().any(|u| u.starts_with("data:")),
        "the inline data: fetch should be in the log: {requests:?}"
    );
    assert!(
        requests.iter().filter(|u| **u == url).count() >= 2,
        "page + reload: {requests:?}"
    );
    b.assert_no_network().await;
    b.close().await;
}

#[tokio::test]
async fn network_check_catches_an_outside_request() {
    let dir = tempfile::tempdir().unwrap();
    // Port 9 (discard) on loopback: nothing listens, the request fails fast and stays local.
    let url = fixture(
        dir.path(),
        "leaky.html",
        "fetch('http://127.0.0.1:9/x').catch(() => {}).finally(() => { document.body.dataset.fetched = '1'; });",
    );
    let b = Browser::start().await;
    b.open_url(&url).await;
    b.wait_js(
        "the outside fetch to settle",
        "return document.body.dataset.fetched === '1';",
    )
    .await;
    let bad = b.network_violations(&url).await;
    assert!(
        bad.iter().any(|u| u.contains("127.0.0.1:9/x")),
        "the network check missed the fetch: {bad:?}"
    );
    b.close().await;
}

#[test]
fn missing_artefact_is_an_error_not_a_skip() {
    let err = page_url_from(None).unwrap_err();
    assert!(err.contains("make dist"), "{err}");
    let err = page_url_from(Some("/nonexistent/keyplan.html".into())).unwrap_err();
    assert!(
        err.contains("does not exist") && err.contains("make dist"),
        "{err}"
    );
    let err = page_url_from(Some("".into())).unwrap_err();
    assert!(err.contains("not set"), "{err}");
}

#[test]
fn pure_helpers() {
    assert_eq!(parse_amount("¥1,250,000.00"), Some(1_250_000.0));
    assert_eq!(parse_amount("-¥5.00"), Some(-5.0));
    assert_eq!(parse_amount("88万"), Some(880_000.0));
    assert_eq!(parse_amount("1.5亿"), Some(150_000_000.0));
    assert_eq!(parse_amount("USD 1,000.00"), Some(1000.0));
    assert_eq!(parse_amount("—"), None);
    assert_eq!(median(&[5.0, 1.0, 3.0]), 3.0);
    assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), 2.5);
    let own = "file:///x/keyplan.html";
    let reqs = vec![
        own.to_string(),
        format!("{own}#list"),
        "data:application/wasm;base64,AAAA".to_string(),
        "blob:null/1234".to_string(),
        "http://127.0.0.1:9/x".to_string(),
        "file:///x/other.js".to_string(),
    ];
    assert_eq!(
        foreign_requests(&reqs, own),
        vec!["http://127.0.0.1:9/x", "file:///x/other.js"]
    );
    assert_eq!(tid("deal-card"), "[data-testid=\"deal-card\"]");
    assert_eq!(e2e::css_escape(r#"a"b\c"#), r#"a\"b\\c"#);
}
