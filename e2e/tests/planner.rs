//! Browser tests of the built single-file app (`KEYPLAN_HTML`, normally `dist/keyplan.html`).
//!
//! Run with `--test-threads=1`: each test starts its own Chromium (fresh profile, fresh
//! localStorage); running several at once only makes them slower and timing noisier.

use e2e::faults::{catch_downloads, download_count, downloads};
use e2e::{
    card, card_ids, column_of, columns, css_escape, find_by_id, id_set, parse_amount, temp_file,
    tid, Browser, PLAN_KEY, PREFS_KEY,
};
use serde_json::{json, Value};

const STAGES: [&str; 8] = ["P0", "P1", "P2", "P3", "P4", "P5", "P6", "P7"];

fn in_card(id: &str, testid: &str) -> String {
    format!("{} {}", card(id), tid(testid))
}

fn field_error(field: &str) -> String {
    format!(
        "{}[data-field=\"{}\"]",
        tid("field-error"),
        css_escape(field)
    )
}

/// Waits until the card with `id` sits in the column of `stage` (and says so itself).
async fn wait_card_in(b: &Browser, id: &str, stage: &str) {
    b.eventually(&format!("deal {id} in column {stage}"), || async {
        (column_of(b, id).await.as_deref() == Some(stage)).then_some(())
    })
    .await;
    assert_eq!(
        b.attr(&card(id), "data-stage").await.as_deref(),
        Some(stage),
        "card {id} is in column {stage} but its data-stage disagrees"
    );
}

/// The plan as stored in localStorage.
async fn stored_plan(b: &Browser) -> Value {
    let text = b
        .storage_get(PLAN_KEY)
        .await
        .unwrap_or_else(|| panic!("localStorage has no {PLAN_KEY}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{PLAN_KEY} is not JSON ({e}): {text}"))
}

/// Checks the board's shape: 8 columns P0…P7, each count equal to its cards. Returns the total.
async fn check_board(b: &Browser) -> usize {
    let cols = columns(b).await;
    let stages: Vec<&str> = cols.iter().map(|(s, _, _)| s.as_str()).collect();
    assert_eq!(stages, STAGES, "board columns");
    let mut sum = 0;
    for (stage, count, cards) in &cols {
        let n: usize = count
            .parse()
            .unwrap_or_else(|_| panic!("column-count of {stage} is not an integer: {count:?}"));
        assert_eq!(
            n, *cards,
            "column {stage}: column-count says {n}, it holds {cards} cards"
        );
        sum += n;
    }
    sum
}

#[tokio::test]
async fn sample_plan_loads_and_no_network() {
    let b = e2e::start().await;
    b.load_sample().await;

    let total = check_board(&b).await;
    let cards = b.count(&tid("deal-card")).await;
    assert!(total > 0, "the sample plan shows no open deal");
    let outside = b
        .js(
            "return Array.from(document.querySelectorAll('[data-testid=\"deal-card\"]'))
                .filter(c => !c.closest('[data-testid=\"stage-column\"]'))
                .map(c => c.getAttribute('data-deal-id') + ' in ' +
                    (c.parentElement.closest('[data-testid]') || document.body)
                        .getAttribute('data-testid'));",
        )
        .await;
    assert_eq!(
        total, cards,
        "sum of column counts vs deal cards (deal-card is one per open deal); \
         cards outside the stage columns: {outside}"
    );
    let ids = card_ids(&b).await;
    assert!(
        ids.iter().all(|id| id.starts_with("sample-")),
        "sample deal ids: {ids:?}"
    );
    assert!(
        ids.len() < 12,
        "won and lost sample deals must not be on the board"
    );
    assert_eq!(id_set(&ids).len(), ids.len(), "duplicate card ids: {ids:?}");

    let mut amounts = Vec::new();
    for key in ["summary-open", "summary-weighted", "summary-won"] {
        let text = b.text(&tid(key)).await;
        let v = parse_amount(&text).unwrap_or_else(|| panic!("{key} shows no amount: {text:?}"));
        assert!(v >= 0.0, "{key} is negative: {text:?}");
        amounts.push(v);
    }
    // The sample's figures, computed by hand from its 13 deals (and by the core in tests/summary.rs).
    assert_eq!(b.text(&tid("summary-open")).await, "¥21,020,000.00");
    assert_eq!(b.text(&tid("summary-weighted")).await, "¥9,607,000.00");
    assert_eq!(b.text(&tid("summary-won")).await, "¥1,100,000.00");
    assert!(amounts[0] > 0.0, "open pipeline of the sample plan is zero");
    assert!(
        amounts[2] > 0.0,
        "the sample plan has won deals, won total is zero"
    );
    assert!(
        amounts[1] <= amounts[0],
        "weighted ({}) exceeds open ({})",
        amounts[1],
        amounts[0]
    );

    let lang = b.html_lang().await;
    let name = if lang.starts_with("zh") {
        "board-zh"
    } else {
        "board-en"
    };
    b.screenshot(name).await;
    b.assert_no_network().await;
    b.close().await;
}

#[tokio::test]
async fn create_move_reload_persists() {
    let b = e2e::start().await;
    b.load_sample().await;
    let before = id_set(&card_ids(&b).await);
    let close_date = b
        .js("return new Date(Date.now() + 60 * 864e5).toISOString().slice(0, 10);")
        .await
        .as_str()
        .expect("date")
        .to_string();

    b.click(&tid("new-deal")).await;
    b.wait_for(&tid("deal-editor")).await;
    assert_eq!(
        b.count(&format!("{} {}", tid("deal-editor"), tid("delete-deal")))
            .await,
        0,
        "a new deal has nothing to delete"
    );
    // the values the plan uses are offered while typing (worked out when the form opens)
    let offered = b
        .js("return Array.from(document.querySelectorAll('#kp-customers option')).map(o => o.value);")
        .await;
    let stored = stored_plan(&b).await;
    let customers: std::collections::BTreeSet<&str> = stored["deals"]
        .as_array()
        .expect("deals")
        .iter()
        .filter_map(|d| d["customer"].as_str())
        .collect();
    let offered: std::collections::BTreeSet<&str> = offered
        .as_array()
        .expect("options")
        .iter()
        .filter_map(|o| o.as_str())
        .collect();
    assert!(
        !customers.is_empty() && offered == customers,
        "customers offered {offered:?}, in the plan {customers:?}"
    );
    b.fill("#deal-name", "测试项目 E2E").await;
    b.fill("#deal-customer", "华东测试集团").await;
    b.fill("#deal-amount", "880000").await;
    b.select_value("#deal-stage", "P0").await;
    b.set_value("#deal-close", &close_date).await;
    b.screenshot("editor").await;
    b.click(&tid("save-deal")).await;
    b.wait_gone(&tid("deal-editor")).await;

    let id = b
        .eventually("the new deal's card", || async {
            let now = id_set(&card_ids(&b).await);
            let new: Vec<String> = now.difference(&before).cloned().collect();
            match new.len() {
                0 => None,
                1 => Some(new[0].clone()),
                _ => panic!("saving one deal added several cards: {new:?}"),
            }
        })
        .await;
    assert!(
        !id.is_empty() && !id.starts_with("sample-"),
        "new deal id {id:?}"
    );
    wait_card_in(&b, &id, "P0").await;
    assert!(b.text(&card(&id)).await.contains("测试项目 E2E"));

    // A new deal has no evidence: the card's forward button is refused, naming what is missing.
    b.click(&in_card(&id, "move-next")).await;
    b.wait_for(&tid("move-blocked")).await;
    let missing = b.js("return [...document.querySelectorAll('[data-testid=missing-item]')].map(e => e.dataset.item);").await;
    assert_eq!(
        missing,
        json!(["p0-info-accurate", "p0-info-verified"]),
        "P0's gate items are named"
    );
    // "先去完成验收" (back to work) opens that deal's gate checklist
    b.click(&tid("cancel-move")).await;
    b.wait_gone(&tid("move-blocked")).await;
    b.wait_for(&tid("gate-checklist")).await;
    assert_eq!(
        b.attr(&tid("tab-gates"), "aria-selected").await.as_deref(),
        Some("true")
    );
    assert!(
        b.text("#editor-title").await.contains("测试项目 E2E"),
        "the refused deal's checklist"
    );
    wait_card_in(&b, &id, "P0").await;

    // Drive it from P0 to P3 by ticking the criteria: P0 with the card's button …
    tick_stage(&b, "P0").await;
    b.click(&tid("tab-details")).await;
    let name = b.wait_for("#deal-name").await.prop("value").await.unwrap();
    assert_eq!(
        name.as_deref(),
        Some("测试项目 E2E"),
        "editor opened another deal"
    );
    b.click(&tid("close-dialog")).await;
    b.wait_gone(&tid("deal-editor")).await;
    b.click(&in_card(&id, "move-next")).await;
    wait_card_in(&b, &id, "P1").await;
    // … then P1 and P2 in the dialog, and one move to P3.
    b.click(&in_card(&id, "open-deal")).await;
    b.wait_for(&tid("deal-editor")).await;
    b.click(&tid("tab-gates")).await;
    tick_stage(&b, "P1").await;
    tick_stage(&b, "P2").await;
    b.screenshot("gates").await;
    b.select_value("#deal-move-to", "P3").await;
    b.click(&tid("move-deal")).await;
    b.wait_js(
        "claimed stage P3",
        "return document.querySelector('[data-testid=claimed-stage]').textContent.includes('P3');",
    )
    .await;
    assert_eq!(
        b.count(&tid("move-blocked")).await,
        0,
        "all gates met: no override needed"
    );
    assert_eq!(
        b.attr(
            &format!("{} {}", tid("deal-editor"), tid("verified-stage")),
            "data-verified"
        )
        .await
        .as_deref(),
        Some("P3")
    );
    b.click(&tid("close-dialog")).await;
    b.wait_gone(&tid("deal-editor")).await;
    wait_card_in(&b, &id, "P3").await;
    assert_eq!(
        b.attr(&card(&id), "data-verified").await.as_deref(),
        Some("P3")
    );
    // ¥880,000 joined the open pipeline; at P3 it weighs 30% (¥264,000) on top of the sample's ¥9,607,000.
    assert_eq!(b.text(&tid("summary-open")).await, "¥21,900,000.00");
    assert_eq!(b.text(&tid("summary-weighted")).await, "¥9,871,000.00");

    b.refresh().await;
    b.wait_for(&card(&id)).await;
    wait_card_in(&b, &id, "P3").await;
    check_board(&b).await;

    let plan = stored_plan(&b).await;
    let deal = find_by_id(&plan, &id).unwrap_or_else(|| panic!("{id} not in {PLAN_KEY}: {plan}"));
    assert_eq!(deal.get("stage"), Some(&json!("P3")), "stored deal: {deal}");
    let history: Vec<(String, String)> = deal["history"]
        .as_array()
        .expect("stage history is stored")
        .iter()
        .map(|c| {
            (
                c["from"].as_str().unwrap().to_string(),
                c["to"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let expected: Vec<(String, String)> = [("P0", "P1"), ("P1", "P3")]
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(
        history, expected,
        "one card step, then one jump over P2 with its gate met"
    );
    let gates = deal["gates"].as_object().expect("gate evidence is stored");
    assert!(
        gates.contains_key("p2-project-approved")
            && gates["p0-info-accurate"]["evidence"] == json!("E2E 证据 p0-info-accurate"),
        "{gates:?}"
    );
    let text = deal.to_string();
    for expected in ["测试项目 E2E", "华东测试集团", close_date.as_str()] {
        assert!(
            text.contains(expected),
            "stored deal lacks {expected:?}: {deal}"
        );
    }
    b.assert_no_network().await;
    b.close().await;
}

/// Ticks every unticked item of a stage's gate in the open dialog, with evidence.
async fn tick_stage(b: &Browser, stage: &str) {
    let group = format!("{}[data-stage=\"{stage}\"]", tid("gate-stage"));
    b.js(&format!(
        "document.querySelector('{}').open = true; return true;",
        group.replace('\'', "\\'")
    ))
    .await;
    let ids = b
        .js(&format!(
            "return [...document.querySelectorAll('{} [data-testid=gate-item]')].filter(li => !li.querySelector('input').checked).map(li => li.dataset.item);",
            group.replace('\'', "\\'")
        ))
        .await;
    for id in ids.as_array().expect("item ids") {
        let id = id.as_str().unwrap();
        let item = format!("{}[data-item=\"{id}\"]", tid("gate-item"));
        b.click(&format!("{item} {}", tid("gate-check"))).await;
        let evidence = b
            .wait_for(&format!("{item} {}", tid("gate-evidence")))
            .await;
        evidence
            .send_keys(&format!("E2E 证据 {id}\u{E004}"))
            .await
            .unwrap();
        b.wait_js(
            &format!("evidence of {id} saved"),
            &format!(
                "return (localStorage.getItem('{PLAN_KEY}') || '').includes('E2E 证据 {id}');"
            ),
        )
        .await;
    }
    b.wait_js(
        &format!("gate {stage} met"),
        &format!("return document.querySelector('{} [data-testid=gate-status]').textContent.includes('✓');", group.replace('\'', "\\'")),
    )
    .await;
}

#[tokio::test]
async fn language_switch() {
    let b = e2e::start().await;
    b.load_sample().await;

    async fn switch_to(b: &Browser, button: &str, html_lang: &str) {
        b.click(&tid(button)).await;
        b.wait_js(
            &format!("<html lang={html_lang}>"),
            &format!("return document.documentElement.lang === '{html_lang}';"),
        )
        .await;
        let other = if button == "lang-en" {
            "lang-zh"
        } else {
            "lang-en"
        };
        assert_eq!(
            b.attr(&tid(button), "aria-pressed").await.as_deref(),
            Some("true")
        );
        assert_eq!(
            b.attr(&tid(other), "aria-pressed").await.as_deref(),
            Some("false")
        );
    }
    async fn body_text(b: &Browser) -> String {
        b.js("return document.body.innerText;")
            .await
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    switch_to(&b, "lang-zh", "zh-CN").await;
    let zh_text = body_text(&b).await;
    switch_to(&b, "lang-en", "en").await;
    let en_text = body_text(&b).await;
    assert_ne!(zh_text, en_text, "switching language changed no text");
    assert!(
        en_text.to_lowercase().contains("weighted"),
        "English UI has no 'Weighted' label:\n{en_text}"
    );
    assert!(
        !zh_text.to_lowercase().contains("weighted"),
        "Chinese UI still says 'Weighted'"
    );
    b.screenshot("board-en").await;

    switch_to(&b, "lang-zh", "zh-CN").await;
    assert!(
        !body_text(&b).await.to_lowercase().contains("weighted"),
        "back in Chinese, the UI still says 'Weighted'"
    );
    b.screenshot("board-zh").await;

    // Each choice survives a reload (both directions, whatever the default is).
    for (button, html_lang) in [("lang-en", "en"), ("lang-zh", "zh-CN")] {
        switch_to(&b, button, html_lang).await;
        b.refresh().await;
        b.wait_for(&tid("board")).await;
        assert_eq!(b.html_lang().await, html_lang, "language after reload");
        assert_eq!(
            b.attr(&tid(button), "aria-pressed").await.as_deref(),
            Some("true")
        );
        assert!(
            b.storage_get(PREFS_KEY).await.is_some(),
            "{PREFS_KEY} not stored"
        );
    }
    b.assert_no_network().await;
    b.close().await;
}

#[tokio::test]
async fn delete_and_undo() {
    let b = e2e::start().await;
    b.load_sample().await;
    let ids = card_ids(&b).await;
    let id = ids.first().expect("a sample card").clone();
    let stage = column_of(&b, &id).await.expect("card is in a column");
    assert!(
        STAGES.contains(&stage.as_str()),
        "first card is not in a stage column"
    );
    let cards_before = ids.len();
    let open_before = check_board(&b).await;

    b.click(&in_card(&id, "open-deal")).await;
    b.wait_for(&tid("deal-editor")).await;
    b.click(&tid("delete-deal")).await;
    b.wait_gone(&tid("deal-editor")).await;
    b.eventually("the deleted card to go", || async {
        (column_of(&b, &id).await.is_none()).then_some(())
    })
    .await;
    assert_eq!(b.count(&tid("deal-card")).await, cards_before - 1);
    assert_eq!(check_board(&b).await, open_before - 1);

    b.wait_for(&tid("undo-toast")).await;
    b.click(&format!("{} {}", tid("undo-toast"), tid("undo")))
        .await;
    wait_card_in(&b, &id, &stage).await;
    assert_eq!(check_board(&b).await, open_before);

    b.refresh().await;
    b.wait_for(&card(&id)).await;
    wait_card_in(&b, &id, &stage).await;
    assert_eq!(b.count(&tid("deal-card")).await, cards_before);
    assert!(find_by_id(&stored_plan(&b).await, &id).is_some());
    b.assert_no_network().await;
    b.close().await;
}

#[tokio::test]
async fn validation_errors_keep_dialog_open() {
    let b = e2e::start().await;
    b.load_sample().await;
    let stored = b
        .eventually("the sample plan to be saved", || async {
            b.storage_get(PLAN_KEY).await
        })
        .await;
    let cards = b.count(&tid("deal-card")).await;

    b.click(&tid("new-deal")).await;
    b.wait_for(&tid("deal-editor")).await;
    b.fill("#deal-name", "").await;
    b.fill("#deal-amount", "-5").await;
    b.click(&tid("save-deal")).await;

    b.wait_for(&field_error("name")).await;
    b.wait_for(&field_error("amount")).await;
    assert!(!b.text(&field_error("name")).await.trim().is_empty());
    assert!(!b.text(&field_error("amount")).await.trim().is_empty());
    assert!(
        b.wait_for(&tid("deal-editor"))
            .await
            .is_displayed()
            .await
            .unwrap(),
        "the editor closed on invalid input"
    );
    assert_eq!(b.storage_get(PLAN_KEY).await.as_ref(), Some(&stored));
    assert_eq!(b.count(&tid("deal-card")).await, cards);

    b.click(&tid("cancel-edit")).await;
    b.wait_gone(&tid("deal-editor")).await;
    assert_eq!(b.storage_get(PLAN_KEY).await.as_ref(), Some(&stored));
    assert_eq!(b.count(&tid("deal-card")).await, cards);
    b.assert_no_network().await;
    b.close().await;
}

#[tokio::test]
async fn corrupt_storage_is_kept_and_reported() {
    const CORRUPT: &str = r#"{"format":"keyplan.plan","version":1,"deals":[oops"#;
    let b = e2e::start().await;
    b.open().await;
    b.wait_for(&tid("empty-state")).await;
    b.storage_set(PLAN_KEY, CORRUPT).await;
    b.refresh().await;

    b.wait_for(&tid("corrupt-banner")).await;
    b.wait_for(&tid("download-corrupt")).await;
    assert_eq!(
        b.storage_get(PLAN_KEY).await.as_deref(),
        Some(CORRUPT),
        "the unreadable plan was changed"
    );
    assert_eq!(
        b.backups("unreadable").await,
        [CORRUPT],
        "no byte-exact backup of the unreadable plan"
    );
    assert_eq!(b.count(&tid("deal-card")).await, 0);

    b.click(&tid("start-fresh")).await;
    b.wait_for(&tid("empty-state")).await;
    b.wait_gone(&tid("corrupt-banner")).await;
    assert_eq!(
        b.backups("unreadable").await,
        [CORRUPT],
        "starting fresh lost the backup"
    );
    b.assert_no_network().await;
    b.close().await;
}

/// Amounts of the list rows in order: `data-minor` of `row-amount` when present (exact),
/// else the parsed text.
async fn row_amounts(b: &Browser) -> Vec<f64> {
    let rows = b
        .js("return Array.from(document.querySelectorAll(
                '[data-testid=\"list\"] [data-testid=\"deal-row\"]')).map(r => {
                const c = r.querySelector('[data-testid=\"row-amount\"]');
                return c ? [c.getAttribute('data-minor'), c.textContent] : [null, null];
            });")
        .await;
    rows.as_array()
        .expect("rows")
        .iter()
        .map(|r| {
            if let Some(minor) = r[0].as_str().and_then(|m| m.parse::<f64>().ok()) {
                return minor / 100.0;
            }
            let text = r[1].as_str().expect("every deal-row has a row-amount cell");
            parse_amount(text).unwrap_or_else(|| panic!("row-amount {text:?} is not an amount"))
        })
        .collect()
}

fn direction(v: &[f64]) -> Option<&'static str> {
    if v.windows(2).all(|w| w[0] <= w[1]) {
        Some("ascending")
    } else if v.windows(2).all(|w| w[0] >= w[1]) {
        Some("descending")
    } else {
        None
    }
}

#[tokio::test]
async fn list_view_sorts() {
    let b = e2e::start().await;
    b.load_sample().await;
    let on_board = b.count(&tid("deal-card")).await;
    b.click(&tid("view-list")).await;
    b.wait_for(&tid("list")).await;
    b.wait_for(&tid("deal-row")).await;
    b.wait_gone(&tid("board")).await;
    assert_eq!(
        b.attr(&tid("view-list"), "aria-pressed").await.as_deref(),
        Some("true")
    );

    let initial = row_amounts(&b).await;
    assert!(
        initial.len() >= on_board,
        "the list shows {} deals, the board showed {on_board} open ones",
        initial.len()
    );
    let mut distinct = initial.clone();
    distinct.sort_by(f64::total_cmp);
    distinct.dedup();
    assert!(
        distinct.len() >= 2,
        "sample amounts are all equal: {initial:?}"
    );

    b.click(&tid("sort-amount")).await;
    let (first, dir) = b
        .eventually("rows sorted by amount", || async {
            let v = row_amounts(&b).await;
            let d = direction(&v)?;
            (v != initial).then_some((v, d))
        })
        .await;
    assert_eq!(first.len(), initial.len());

    b.click(&tid("sort-amount")).await;
    let second = b
        .eventually("rows sorted by amount the other way", || async {
            let v = row_amounts(&b).await;
            (direction(&v)? != dir).then_some(v)
        })
        .await;
    let mut reversed = first.clone();
    reversed.reverse();
    assert_eq!(
        second, reversed,
        "second click did not reverse the amount order"
    );

    // The other sort keys are there and keep every row.
    for key in ["sort-close", "sort-stage", "sort-name"] {
        b.click(&tid(key)).await;
        assert_eq!(
            b.count(&tid("deal-row")).await,
            initial.len(),
            "{key} lost rows"
        );
    }
    b.assert_no_network().await;
    b.close().await;
}

/// A save the browser refuses (quota) keeps the plan in the page, leaves storage as it was, and
/// shows a warning that stays, with a download.
#[tokio::test]
async fn refused_save_keeps_the_plan_and_warns() {
    let b = e2e::start().await;
    b.load_sample().await;
    let before = b
        .storage_get(PLAN_KEY)
        .await
        .expect("the sample plan was saved");
    b.js("Storage.prototype.setItem = function () {
             throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
         }; return true;")
        .await;
    // moving back needs no evidence, so it always goes through
    let id = "sample-02";
    b.click(&in_card(id, "move-prev")).await;
    wait_card_in(&b, id, "P0").await;
    b.wait_for(&tid("storage-banner")).await;
    b.wait_for(&tid("download-plan")).await;
    assert_eq!(
        b.storage_get(PLAN_KEY).await.as_deref(),
        Some(before.as_str()),
        "a refused save must not change what is stored"
    );
    b.screenshot("storage-full").await;
    b.assert_no_network().await;
    b.close().await;
}

/// A forward move past unmet criteria is refused with the missing items named; an override
/// needs a reason, and the reason stays on the deal as a flag, on the card and after a reload.
#[tokio::test]
async fn refused_move_and_override_flag() {
    let b = e2e::start().await;
    b.load_sample().await;
    // 全厂MES升级 (sample-03) sits at P2 without knowing its competitors (a P1 item).
    let id = "sample-03";
    assert_eq!(
        b.attr(&card(id), "data-verified").await.as_deref(),
        Some("P1")
    );
    assert_eq!(b.count(&in_card(id, "override-flag")).await, 0);
    b.click(&in_card(id, "move-next")).await;
    b.wait_for(&tid("move-blocked")).await;
    let missing = b.js("return [...document.querySelectorAll('[data-testid=missing-item]')].map(e => e.dataset.item);").await;
    let missing: Vec<&str> = missing
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(missing.contains(&"p1-competitors-known"), "{missing:?}");
    assert!(missing.iter().any(|m| m.starts_with("p2-")), "{missing:?}");
    assert!(
        missing
            .iter()
            .all(|m| m.starts_with("p1-") || m.starts_with("p2-")),
        "{missing:?}"
    );
    b.screenshot("move-blocked").await;
    // no reason: still refused, and the dialog says so
    b.click(&tid("confirm-override")).await;
    b.wait_for(&format!("{}[data-field=\"reason\"]", tid("field-error")))
        .await;
    assert_eq!(b.attr(&card(id), "data-stage").await.as_deref(), Some("P2"));
    b.fill("#override-reason", "客户总经理亲自要求下周演示")
        .await;
    b.click(&tid("confirm-override")).await;
    b.wait_gone(&tid("move-blocked")).await;
    wait_card_in(&b, id, "P3").await;
    b.wait_for(&in_card(id, "override-flag")).await;
    b.refresh().await;
    b.wait_for(&in_card(id, "override-flag")).await;
    b.click(&in_card(id, "open-deal")).await;
    b.wait_for(&tid("deal-editor")).await;
    let flag = b
        .text(&format!("{} {}", tid("deal-editor"), tid("override-flag")))
        .await;
    assert!(
        flag.contains("客户总经理亲自要求下周演示"),
        "the reason stays visible: {flag}"
    );
    b.click(&tid("tab-history")).await;
    b.wait_for(&tid("history-entry")).await;
    assert!(b.text(&tid("history")).await.contains("P2 → P3"));
    // moving back is always allowed
    b.select_value("#deal-move-to", "P1").await;
    b.click(&tid("move-deal")).await;
    b.wait_js(
        "claimed P1",
        "return document.querySelector('[data-testid=claimed-stage]').textContent.includes('P1');",
    )
    .await;
    assert_eq!(b.count(&tid("move-blocked")).await, 0);
    b.assert_no_network().await;
    b.close().await;
}

/// The gate checklist and the coaching view in both languages, for a person to look at.
#[tokio::test]
async fn coaching_and_gates_screens() {
    let b = e2e::start().await;
    b.load_sample().await;
    for lang in ["zh", "en"] {
        b.click(&tid(&format!("lang-{lang}"))).await;
        b.click(&in_card("sample-08", "open-deal")).await;
        b.wait_for(&tid("deal-editor")).await;
        b.wait_for(&format!("{} {}", tid("deal-editor"), tid("override-flag")))
            .await;
        b.click(&tid("tab-gates")).await;
        b.wait_for(&tid("gate-checklist")).await;
        let unmet = b.js("return [...document.querySelectorAll('[data-testid=gate-item]')].filter(li => !li.querySelector('input').checked && li.closest('[data-stage]').dataset.stage === 'P4').map(li => li.dataset.item);").await;
        assert_eq!(
            unmet,
            json!(["p4-top-level-relations"]),
            "the case's missing top-level relationship"
        );
        b.screenshot(&format!("gates-{lang}")).await;
        b.click(&tid("tab-coaching")).await;
        b.wait_for(&tid("cycles-diagram")).await;
        let items = b.count(&tid("self-check-item")).await;
        assert!(items >= 3, "self-check questions: {items}");
        b.click(&format!("{}:first-of-type", tid("self-check-item")))
            .await;
        b.wait_js(
            "self-check saved",
            &format!(
                "return (localStorage.getItem('{PLAN_KEY}') || '').includes('\"self_check\"');"
            ),
        )
        .await;
        b.screenshot(&format!("coaching-{lang}")).await;
        b.click(&tid("clear-self-check")).await;
        b.click(&tid("close-dialog")).await;
        b.wait_gone(&tid("deal-editor")).await;
        b.click(&tid("view-method")).await;
        b.wait_for(&tid("method-view")).await;
        b.screenshot(&format!("method-{lang}")).await;
        b.click(&tid("view-board")).await;
        b.wait_for(&tid("board")).await;
    }
    b.assert_no_network().await;
    b.close().await;
}

/// A trainer changes a stage's probability: the board's weighted figures follow, and the method
/// travels with the plan through a reload.
#[tokio::test]
async fn method_probability_changes_the_forecast() {
    let b = e2e::start().await;
    b.load_sample().await;
    b.click(&tid("view-method")).await;
    let p6 = format!(
        "{}[data-stage=\"P6\"] {}",
        tid("method-stage"),
        tid("method-probability")
    );
    b.wait_for(&p6).await;
    b.fill(&p6, "80").await;
    b.js(&format!("document.querySelector('{}').dispatchEvent(new Event('change', {{bubbles: true}})); return true;", p6.replace('\'', "\\'"))).await;
    b.wait_js(
        "method saved",
        &format!("return (localStorage.getItem('{PLAN_KEY}') || '').includes('\"method\"');"),
    )
    .await;
    // P6 holds ¥4,200,000: at 80% instead of 90% the weighted pipeline drops by ¥420,000.
    b.wait_js("weighted updated", "return document.querySelector('[data-testid=summary-weighted]').textContent === '¥9,187,000.00';").await;
    b.refresh().await;
    b.wait_for(&tid("summary-weighted")).await;
    assert_eq!(b.text(&tid("summary-weighted")).await, "¥9,187,000.00");
    let status = b
        .attr(&tid("method-status"), "class")
        .await
        .unwrap_or_default();
    assert!(
        status.contains("custom"),
        "the plan says its method is adapted: {status}"
    );
    b.click(&tid("reset-method")).await;
    b.click(&tid("reset-method")).await;
    b.wait_js("reset", "return document.querySelector('[data-testid=summary-weighted]').textContent === '¥9,607,000.00';").await;
    b.assert_no_network().await;
    b.close().await;
}

/// The forecast view shows the core's totals, follows a stage change, and exports CSV.
#[tokio::test]
async fn forecast_totals_follow_the_plan() {
    async fn total(b: &Browser) -> Value {
        b.js("return [...document.querySelectorAll('[data-testid=forecast-table] [data-testid=forecast-total] td')].map(td => td.textContent);")
            .await
    }
    let b = e2e::start().await;
    b.load_sample().await;
    b.click(&tid("view-forecast")).await;
    b.wait_for(&tid("forecast-table")).await;
    // Columns: won, closed, commit, best case, pipeline, weighted open, forecast, quota.
    // Hand-computed from the 13 sample deals: won ¥1,100,000 this month and ¥2,200,000 three
    // months ago (the "earlier" row, before the window); weighted open ¥9,607,000 (the summary
    // line's figure); commit P5+P6 = ¥2,980,000 + ¥4,200,000.
    let cells = total(&b).await;
    assert_eq!(cells[0], json!("¥3,300,000.00"), "{cells}");
    assert_eq!(cells[2], json!("¥7,180,000.00"), "{cells}");
    assert_eq!(cells[5], json!("¥9,607,000.00"), "{cells}");
    assert_eq!(cells[6], json!("¥12,907,000.00"), "{cells}");
    assert_eq!(
        b.text(&tid("summary-weighted")).await,
        "¥9,607,000.00",
        "the table and the summary line agree"
    );
    b.screenshot("forecast").await;

    // The CSV says what it holds, in its first rows and its name, and has the quota column.
    catch_downloads(&b).await;
    b.click(&tid("export-csv")).await;
    b.eventually("the forecast to be offered as a file", || async {
        (download_count(&b).await == 1).then_some(())
    })
    .await;
    let (name, text) = downloads(&b).await.remove(0);
    assert!(
        name.starts_with("销售小王团队-培训案例-forecast-Monthly-") && name.ends_with(".csv"),
        "{name}"
    );
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines[0], "# Filter: All", "{text}");
    assert_eq!(
        lines[1], "# Periods: Monthly; Basis: Claimed stages; Group by: No grouping",
        "{text}"
    );
    assert!(lines[2].ends_with(",Quota"), "{text}");

    // Move 产线能耗监测平台 (P1, ¥860,000) back to P0: its weight drops from 20% to 10%.
    b.click(&tid("view-board")).await;
    b.click(&in_card("sample-02", "move-prev")).await;
    wait_card_in(&b, "sample-02", "P0").await;
    b.click(&tid("view-forecast")).await;
    b.wait_for(&tid("forecast-table")).await;
    let cells = total(&b).await;
    assert_eq!(cells[5], json!("¥9,521,000.00"), "{cells}");
    assert_eq!(cells[6], json!("¥12,821,000.00"), "{cells}");

    // Verified basis: the forecast from evidence is lower (two sample deals claim ahead of it).
    b.select_value(&tid("fc-basis"), "verified").await;
    b.wait_js(
        "verified forecast",
        "return document.querySelector('[data-testid=forecast-table] [data-testid=forecast-total]').textContent.includes('¥');",
    )
    .await;
    let verified = total(&b).await;
    assert_ne!(verified[6], cells[6], "the verified forecast differs");
    b.wait_for(&tid("claimed-verified")).await;
    b.wait_for(&tid("funnel-chart")).await;
    b.wait_for(&tid("forecast-bars")).await;
    assert!(b.count(&tid("quota-row")).await >= 2, "the sample's quotas");
    b.assert_no_network().await;
    b.close().await;
}

/// Two tabs stay consistent: a change in one reaches the other through the `storage` event, and
/// a tab that finds a save it did not see does not overwrite it silently.
#[tokio::test]
async fn two_tabs_stay_consistent() {
    let b = e2e::start().await;
    b.load_sample().await;
    let first = b.client.window().await.unwrap();
    let second = b.client.new_window(true).await.unwrap().handle;
    b.client.switch_to_window(second.clone()).await.unwrap();
    b.open().await;
    b.wait_for(&card("sample-02")).await;

    // A change in the first tab shows up in the second without a reload.
    b.client.switch_to_window(first.clone()).await.unwrap();
    b.click(&in_card("sample-02", "move-prev")).await;
    wait_card_in(&b, "sample-02", "P0").await;
    b.client.switch_to_window(second.clone()).await.unwrap();
    wait_card_in(&b, "sample-02", "P0").await;

    // …and back the other way.
    b.click(&in_card("sample-05", "move-prev")).await;
    wait_card_in(&b, "sample-05", "P2").await;
    b.client.switch_to_window(first.clone()).await.unwrap();
    wait_card_in(&b, "sample-05", "P2").await;

    // Something this tab never saw was saved (another window; the stamp changed without an
    // event reaching us): the next change is not written over it.
    b.js(&format!(
        "localStorage.setItem('{}', 'written-elsewhere'); return true;",
        "keyplan.plan.v1.stamp"
    ))
    .await;
    let stored = b.storage_get(PLAN_KEY).await.unwrap();
    b.click(&in_card("sample-06", "move-prev")).await;
    b.wait_for(&tid("stale-banner")).await;
    assert_eq!(
        b.storage_get(PLAN_KEY).await.as_deref(),
        Some(stored.as_str()),
        "nothing overwritten"
    );
    b.screenshot("stale-tab").await;
    b.click(&tid("keep-mine")).await;
    b.wait_gone(&tid("stale-banner")).await;
    b.wait_js(
        "saved after the choice",
        &format!(
            "return localStorage.getItem('{PLAN_KEY}') !== {};",
            serde_json::to_string(&stored).unwrap()
        ),
    )
    .await;
    let plan = stored_plan(&b).await;
    assert_eq!(
        find_by_id(&plan, "sample-06").unwrap()["stage"],
        json!("P0")
    );
    b.assert_no_network().await;
    b.close().await;
}

/// Export, then import into an empty planner: the same plan comes back, exactly.
#[tokio::test]
async fn export_and_reimport_into_an_empty_planner() {
    let b = e2e::start().await;
    b.load_sample().await;
    // the exported file is the stored plan written out (the download itself goes to the browser)
    let original = stored_plan(&b).await;
    let (_dir, path) = temp_file(
        "销售小王团队-2026.json",
        &serde_json::to_string_pretty(&original).unwrap(),
    );
    b.js("localStorage.clear(); return true;").await;
    b.refresh().await;
    b.wait_for(&tid("empty-state")).await;
    b.import_file(&path).await;
    assert_eq!(b.text(&tid("count-new")).await, "13");
    assert_eq!(b.text(&tid("count-rejected")).await, "0");
    b.screenshot("import-preview").await;
    // into an empty planner, replacing takes the file as it is, title and settings included
    b.click(&tid("replace-import")).await;
    b.wait_gone(&tid("import-dialog")).await;
    b.wait_for(&tid("import-done")).await;
    let mut back = stored_plan(&b).await;
    let mut want = original.clone();
    for plan in [&mut back, &mut want] {
        plan.as_object_mut().unwrap().remove("exported_at");
    }
    assert_eq!(back["deals"], want["deals"], "every deal, field for field");
    assert_eq!(back, want);
    b.assert_no_network().await;
    b.close().await;
}

/// A malformed file shows its error and leaves the stored plan byte-for-byte unchanged; a file
/// with one bad deal imports the good ones and lists the bad one; the import can be undone.
#[tokio::test]
async fn malformed_import_changes_nothing() {
    let b = e2e::start().await;
    b.load_sample().await;
    let before = b.storage_get(PLAN_KEY).await.unwrap();
    let (_d1, broken) = temp_file(
        "broken.json",
        "{\"format\":\"keyplan.plan\",\"version\":1,\n\"deals\":[oops",
    );
    b.import_file(&broken).await;
    let error = b.text(&tid("import-error")).await;
    assert!(
        error.contains("broken.json") && (error.contains("第 2 行") || error.contains("line 2")),
        "{error}"
    );
    assert_eq!(
        b.attr(&tid("merge-import"), "disabled").await.as_deref(),
        Some("true")
    );
    b.click(&tid("cancel-import")).await;
    b.wait_gone(&tid("import-dialog")).await;
    assert_eq!(
        b.storage_get(PLAN_KEY).await.as_deref(),
        Some(before.as_str()),
        "byte for byte"
    );

    let mixed = r#"{"format":"keyplan.plan","version":1,"deals":[
        {"id":"x1","name":"导入项目","customer":"新客户","amount":"120000.50","stage":"P1","created":"2026-11-01T00:00:00Z","updated":"2026-11-01T00:00:00Z"},
        {"id":"x2","name":"坏项目","customer":"新客户","amount":"abc","stage":"P1","created":"2026-11-01T00:00:00Z","updated":"2026-11-01T00:00:00Z"}]}"#;
    let (_d2, mixed) = temp_file("mixed.json", mixed);
    b.import_file(&mixed).await;
    assert_eq!(b.text(&tid("count-new")).await, "1");
    let rejected = b.text(&tid("import-rejected")).await;
    assert!(
        rejected.contains("deals[1].amount") && rejected.contains("abc"),
        "{rejected}"
    );
    b.click(&tid("merge-import")).await;
    b.wait_for(&tid("import-done")).await;
    b.wait_for(&card("x1")).await;
    assert_eq!(b.count(&card("x2")).await, 0);
    let kept = b.backups("before-import").await;
    assert!(
        kept.len() == 1 && kept[0].contains("sample-01"),
        "the plan before the import is kept"
    );
    b.click(&tid("restore-import")).await;
    b.wait_gone(&card("x1")).await;
    let restored = stored_plan(&b).await;
    assert!(find_by_id(&restored, "x1").is_none());
    assert_eq!(restored["deals"].as_array().unwrap().len(), 13);
    b.assert_no_network().await;
    b.close().await;
}

/// One deal with a lone surrogate escape (`"\ud800"`, half a character) costs that deal only:
/// the preview lists the others as importable and names the damaged one with its field; merged
/// into an empty planner, the file brings its title and currency too.
#[tokio::test]
async fn a_lone_surrogate_rejects_only_its_deal() {
    let b = e2e::start().await;
    b.open().await;
    b.wait_for(&tid("empty-state")).await;
    let deal = |id: &str, name: &str, notes: &str| {
        format!(
            r#"{{"id":"{id}","name":"{name}","customer":"客户","amount":1000,"stage":"P2","notes":"{notes}","created":"2026-11-01T00:00:00Z","updated":"2026-11-01T00:00:00Z"}}"#
        )
    };
    let text = format!(
        r#"{{"format":"keyplan.plan","version":1,"title":"华东团队","currency":"USD","deals":[{},{},{}]}}"#,
        deal("s1", "好项目一", "ok"),
        deal("s2", "坏项目", r"前\ud800后"),
        deal("s3", "好项目二", r"\ud83d\ude00"),
    );
    let (_dir, path) = temp_file("damaged.json", &text);
    b.import_file(&path).await;
    assert!(
        b.text(&tid("import-file"))
            .await
            .contains("damaged.json: 2 deals"),
        "the file is read, not refused"
    );
    assert_eq!(b.text(&tid("count-new")).await, "2");
    assert_eq!(b.text(&tid("count-rejected")).await, "1");
    let listed = b
        .js("return Array.from(document.querySelectorAll('[data-testid=import-new]')).map(e => e.textContent);")
        .await;
    let listed: Vec<String> = serde_json::from_value(listed).unwrap();
    assert!(
        listed.len() == 2 && listed[0].contains("好项目一") && listed[1].contains("好项目二"),
        "{listed:?}"
    );
    let rejected = b.text(&tid("import-rejected")).await;
    assert!(
        rejected.contains("damaged.json")
            && rejected.contains("deals[1].notes")
            && rejected.contains("broken character"),
        "{rejected}"
    );
    b.screenshot("import-lone-surrogate").await;
    b.click(&tid("merge-import")).await;
    b.wait_for(&card("s1")).await;
    b.wait_for(&card("s3")).await;
    assert_eq!(b.count(&card("s2")).await, 0);
    assert_eq!(b.text(".plan-title").await, "华东团队");
    let stored = stored_plan(&b).await;
    assert_eq!(stored["title"], json!("华东团队"));
    assert_eq!(stored["currency"], json!("USD"));
    assert_eq!(find_by_id(&stored, "s3").unwrap()["notes"], json!("😀"));
    b.assert_no_network().await;
    b.close().await;
}

/// A deal created in a column that already shows its first 20 cards is shown too (after them),
/// and so is its row in a list of more than 50: the person sees what they just made. Also when
/// the column draws only the cards in view: it is drawn at once, in its place.
#[tokio::test]
async fn a_deal_just_created_is_shown_beyond_the_first_cards_and_rows() {
    let b = e2e::start().await;
    b.open().await;
    b.wait_for(&tid("empty-state")).await;
    let deals: Vec<Value> = (0..60)
        .map(|i| {
            json!({"id": format!("p{i:02}"), "name": format!("项目 {i}"), "customer": "客户",
                   "amount": 1000 + i, "stage": "P0",
                   "created": "2026-11-01T00:00:00Z", "updated": "2026-11-01T00:00:00Z"})
        })
        .collect();
    let plan = json!({"format": "keyplan.plan", "version": 1, "deals": deals});
    b.storage_set(PLAN_KEY, &plan.to_string()).await;
    b.refresh().await;
    b.wait_for(&tid("board")).await;
    let p0 = "[data-testid=stage-column][data-stage=P0]";
    assert_eq!(b.count(&format!("{p0} [data-deal-id]")).await, 6);
    b.new_deal("刚建的项目", "新客户", "5").await;
    let names = || async {
        let names = b
            .js(&format!(
                "return Array.from(document.querySelectorAll('{p0} [data-deal-id] .deal-name')).map(c => c.textContent);"
            ))
            .await;
        serde_json::from_value::<Vec<String>>(names).unwrap()
    };
    // drawn at once in its place, after the column's first 20 (which are then drawn too: a card
    // never moves once drawn, so that the focus stays on it)
    b.eventually("the new card drawn after the first 20", || async {
        let names = names().await;
        (names.len() == 21 && names[20] == "刚建的项目").then_some(())
    })
    .await;
    assert_eq!(b.count(&format!("{p0} .cards-end")).await, 0);
    let last = b
        .js(&format!(
            "const cards = document.querySelectorAll('{p0} [data-deal-id]'); return cards[cards.length - 1].textContent;"
        ))
        .await;
    assert!(
        last.as_str().unwrap_or_default().contains("刚建的项目"),
        "{last}"
    );
    assert_eq!(
        b.text(&format!("{p0} {}", tid("show-more"))).await,
        "Show 20 more (40 not shown)"
    );
    // the list, largest amount first: the new deal (the smallest) is row 61 of 61, shown after 50
    b.click(&tid("view-list")).await;
    b.wait_for(&tid("list")).await;
    assert_eq!(b.count(&tid("deal-row")).await, 51);
    let rows = b
        .js("const rows = document.querySelectorAll('[data-testid=deal-row]'); return rows[rows.length - 1].textContent;")
        .await;
    assert!(
        rows.as_str().unwrap_or_default().contains("刚建的项目"),
        "{rows}"
    );
}

/// A column lists its first cards in plan order and more on request; its count and total stay
/// those of all its deals. Of those listed it draws the first few at once and the rest when they
/// come into view. The closed deals and the list view likewise.
#[tokio::test]
async fn long_lists_show_their_first_cards_and_more_on_request() {
    let b = e2e::start().await;
    b.open().await;
    b.wait_for(&tid("empty-state")).await;
    let deal = |id: String, status: &str| {
        json!({"id": id, "name": format!("项目 {id}"), "customer": "客户", "amount": 100,
               "stage": "P1", "status": status, "closed_on": (status == "won").then_some("2026-11-02"),
               "created": "2026-11-01T00:00:00Z", "updated": "2026-11-01T00:00:00Z"})
    };
    let deals: Vec<Value> = (0..45)
        .map(|i| deal(format!("p{i:02}"), "open"))
        .chain((0..25).map(|i| deal(format!("w{i:02}"), "won")))
        .collect();
    let plan = json!({"format": "keyplan.plan", "version": 1, "deals": deals});
    b.storage_set(PLAN_KEY, &plan.to_string()).await;
    b.refresh().await;
    b.wait_for(&tid("board")).await;
    let p1 = "[data-testid=stage-column][data-stage=P1]";
    let ids = || async {
        let ids = b
            .js(&format!(
                "return Array.from(document.querySelectorAll('{p1} [data-deal-id]')).map(c => c.getAttribute('data-deal-id'));"
            ))
            .await;
        serde_json::from_value::<Vec<String>>(ids).unwrap()
    };
    let want = |n: usize| -> Vec<String> { (0..n).map(|i| format!("p{i:02}")).collect() };
    // the cards a person can see are drawn at once; those further down are not drawn yet
    assert_eq!(ids().await, want(6), "the first 6 drawn, in plan order");
    scroll_to_end(&b, &format!("{p1} .cards-end")).await;
    b.eventually("the first 20 drawn once in view", || async {
        (ids().await == want(20)).then_some(())
    })
    .await;
    assert_eq!(b.count(&format!("{p1} .cards-end")).await, 0);
    assert_eq!(b.text(&format!("{p1} {}", tid("column-count"))).await, "45");
    assert_eq!(
        b.attr(&format!("{p1} {}", tid("column-total")), "title")
            .await
            .as_deref(),
        Some("¥4,500.00"),
        "the total of all 45"
    );
    let more = format!("{p1} {}", tid("show-more"));
    assert_eq!(b.text(&more).await, "Show 20 more (25 not shown)");
    b.click(&more).await;
    b.eventually("40 cards", || async {
        (b.count(&format!("{p1} [data-deal-id]")).await == 40).then_some(())
    })
    .await;
    assert_eq!(b.text(&more).await, "Show 5 more (5 not shown)");
    b.click(&more).await;
    b.wait_gone(&more).await;
    assert_eq!(b.count(&format!("{p1} [data-deal-id]")).await, 45);
    // the won deals: 20 of 25 (drawn once in view), and the group says all 25
    let won = "[data-testid=closed-won]";
    scroll_to_end(&b, &format!("{won} .cards-end")).await;
    b.eventually("20 won cards", || async {
        (b.count(&format!("{won} [data-deal-id]")).await == 20).then_some(())
    })
    .await;
    assert!(b.text(&format!("{won} h2")).await.contains("25 deals"));
    b.click(&tid("lang-zh")).await;
    assert_eq!(
        b.text(&format!("{won} {}", tid("show-more"))).await,
        "再显示 5 个（还有 5 个未显示）"
    );
    b.js("document.querySelector('[data-testid=closed-won] [data-testid=show-more]').scrollIntoView({ block: 'center' }); return true;")
        .await;
    b.screenshot("board-show-more").await;
    // the list: a page of 50 rows of 70, then the rest
    b.click(&tid("view-list")).await;
    b.wait_for(&tid("list")).await;
    assert_eq!(b.count(&tid("deal-row")).await, 50);
    assert_eq!(
        b.text(&format!("{} {}", ".list-wrap", tid("show-more")))
            .await,
        "再显示 20 个（还有 20 个未显示）"
    );
    b.click(&format!(".list-wrap {}", tid("show-more"))).await;
    b.eventually("70 rows", || async {
        (b.count(&tid("deal-row")).await == 70).then_some(())
    })
    .await;
    assert_eq!(
        b.count(&format!(".list-wrap {}", tid("show-more"))).await,
        0
    );
    b.assert_no_network().await;
    b.close().await;
}

/// A card just created or moved is drawn in its place in the column, never out of plan order,
/// and every other card of the page is drawn once the column comes into view: after two new
/// deals fill a column past its first cards, and after a move into a column whose cards are
/// not all drawn (focus stays on the moved card's button).
#[tokio::test]
async fn new_and_moved_cards_are_drawn_in_place_and_none_is_left_out() {
    let b = e2e::start().await;
    b.open().await;
    b.wait_for(&tid("empty-state")).await;
    let deal = |id: String, stage: &str| {
        json!({"id": id, "name": format!("项目 {id}"), "customer": "客户", "amount": 100,
               "stage": stage, "created": "2026-11-01T00:00:00Z", "updated": "2026-11-01T00:00:00Z"})
    };
    // P0 holds six; P1 holds q00-q09, then P2 p00-p19, then P1 again q10-q19 (plan order)
    let deals: Vec<Value> = (0..6)
        .map(|i| deal(format!("a{i}"), "P0"))
        .chain((0..10).map(|i| deal(format!("q{i:02}"), "P1")))
        .chain((0..20).map(|i| deal(format!("p{i:02}"), "P2")))
        .chain((10..20).map(|i| deal(format!("q{i:02}"), "P1")))
        .collect();
    let plan = json!({"format": "keyplan.plan", "version": 1, "deals": deals});
    b.storage_set(PLAN_KEY, &plan.to_string()).await;
    b.refresh().await;
    b.wait_for(&tid("board")).await;
    let names = |stage: &'static str| {
        let b = &b;
        async move {
            let names = b
                .js(&format!(
                    "return Array.from(document.querySelectorAll('[data-testid=stage-column][data-stage={stage}] [data-deal-id] .deal-name')).map(c => c.textContent);"
                ))
                .await;
            serde_json::from_value::<Vec<String>>(names).unwrap()
        }
    };
    b.new_deal("新一", "客户", "100").await;
    b.new_deal("新二", "客户", "100").await;
    scroll_to_end(&b, "[data-testid=stage-column][data-stage=P0] .cards-end").await;
    b.eventually("all 8 cards of P0 drawn", || async {
        (names("P0").await.len() == 8).then_some(())
    })
    .await;
    let p0 = names("P0").await;
    assert!(
        p0.contains(&"新一".to_string()) && p0.contains(&"新二".to_string()),
        "{p0:?}"
    );
    // a move into P1, whose first 6 are drawn: p00 comes after q00-q09 in plan order
    b.js("window.scrollTo(0, 0); return true;").await;
    let p00 =
        "[data-testid=stage-column][data-stage=P2] [data-deal-id=p00] [data-testid=move-prev]";
    b.wait_for(p00).await;
    b.js("document.querySelector('[data-deal-id=p00] [data-testid=move-prev]').focus(); return true;")
        .await;
    b.keys("\u{e007}").await;
    b.eventually("p00 in P1", || async {
        (b.count("[data-testid=stage-column][data-stage=P1] [data-deal-id=p00]")
            .await
            == 1)
            .then_some(())
    })
    .await;
    let p1 = names("P1").await;
    let at = p1.iter().position(|n| n == "项目 p00");
    assert_eq!(at, Some(10), "drawn in its place after q00-q09: {p1:?}");
    scroll_to_end(&b, "[data-testid=stage-column][data-stage=P1] .cards-end").await;
    b.eventually("P1 draws its page", || async {
        (names("P1").await.len() == 20).then_some(())
    })
    .await;
    assert_eq!(
        names("P1").await.iter().position(|n| n == "项目 p00"),
        Some(10)
    );
    let focused = b
        .js("const a = document.activeElement; return a && a.closest('[data-deal-id]') ? a.closest('[data-deal-id]').getAttribute('data-deal-id') : a.tagName;")
        .await;
    assert_eq!(focused, json!("p00"), "focus stays on the moved card");
    b.close().await;
}

/// Scrolls the element `css` (when there is one) to the bottom of the viewport.
async fn scroll_to_end(b: &Browser, css: &str) {
    b.js_args(
        "document.querySelector(arguments[0])?.scrollIntoView({ block: 'end' }); return true;",
        vec![json!(css)],
    )
    .await;
}

/// The import preview lists a page of each kind of deal and more on request; its counts are those
/// of the whole file.
#[tokio::test]
async fn a_long_preview_lists_a_page_and_more_on_request() {
    let b = e2e::start().await;
    b.open().await;
    b.wait_for(&tid("empty-state")).await;
    let deals: Vec<Value> = (0..45)
        .map(|i| {
            json!({"id": format!("n{i:02}"), "name": format!("新项目 {i:02}"), "customer": "客户",
                   "amount": 100, "stage": "P0", "created": "2026-11-01T00:00:00Z",
                   "updated": "2026-11-01T00:00:00Z"})
        })
        .collect();
    let plan = json!({"format": "keyplan.plan", "version": 1, "deals": deals});
    let (_dir, path) = temp_file("many.json", &plan.to_string());
    b.import_file(&path).await;
    assert_eq!(b.text(&tid("count-new")).await, "45");
    let listed = || async {
        let names = b
            .js("return Array.from(document.querySelectorAll('[data-testid=import-new] bdi:first-child')).map(e => e.textContent);")
            .await;
        serde_json::from_value::<Vec<String>>(names).unwrap()
    };
    let want = |n: usize| -> Vec<String> { (0..n).map(|i| format!("新项目 {i:02}")).collect() };
    assert_eq!(listed().await, want(20), "the first 20, in file order");
    let more = format!("{} {}", tid("import-dialog"), tid("show-more"));
    assert_eq!(b.text(&more).await, "Show 20 more (25 not shown)");
    b.click(&more).await;
    b.eventually("40 listed", || async {
        (listed().await == want(40)).then_some(())
    })
    .await;
    assert_eq!(b.text(&more).await, "Show 5 more (5 not shown)");
    b.click(&more).await;
    b.wait_gone(&more).await;
    assert_eq!(listed().await, want(45));
    // all of them are merged, listed or not
    b.click(&tid("merge-import")).await;
    b.wait_gone(&tid("import-dialog")).await;
    assert_eq!(
        b.text(&format!("[data-stage=P0] {}", tid("column-count")))
            .await,
        "45"
    );
    b.close().await;
}

/// Text from a file is shown as text, never as markup; and ordinary use sets no timing marks
/// (only a page opened with `?bench` measures itself, for `make bench`).
#[tokio::test]
async fn imported_text_is_shown_as_text_and_nothing_is_measured() {
    let b = e2e::start().await;
    b.open().await;
    b.wait_for(&tid("empty-state")).await;
    // Text from a file is shown as text, never as markup.
    let hostile = r#"{"format":"keyplan.plan","version":1,"deals":[{"id":"h1","name":"<img src=x onerror=alert(1)><b>粗体</b>","customer":"<script>x</script>","amount":1,"stage":"P0","created":"2026-11-01T00:00:00Z","updated":"2026-11-01T00:00:00Z"}]}"#;
    let (_dir, path) = temp_file("hostile.json", hostile);
    b.import_file(&path).await;
    b.click(&tid("merge-import")).await;
    b.wait_for(&card("h1")).await;
    assert_eq!(
        b.count(&format!(
            "{} img, {} b, {} script",
            card("h1"),
            card("h1"),
            card("h1")
        ))
        .await,
        0
    );
    assert!(b.text(&card("h1")).await.contains("<b>粗体</b>"));
    assert_eq!(
        b.js("return performance.getEntriesByType('mark').length;")
            .await,
        json!(0),
        "no performance marks without ?bench"
    );
    b.assert_no_network().await;
    b.close().await;
}

fn closed_card(id: &str) -> String {
    format!(
        "{}[data-deal-id=\"{}\"]",
        tid("closed-card"),
        css_escape(id)
    )
}

/// Winning asks the signing date and the contract amount, checks the remaining gates like any
/// forward move, and is kept in the history; the win counts on its signing date, which the card
/// shows and the editor can correct. Losing asks why and to whom.
#[tokio::test]
async fn winning_and_losing_are_real_closes() {
    let b = e2e::start().await;
    b.load_sample().await;
    b.click(&tid("lang-zh")).await;
    b.wait_js(
        "Chinese",
        "return document.documentElement.lang === 'zh-CN';",
    )
    .await;
    // 全厂MES升级 (sample-03) at P2: most gates before P7 are unmet.
    b.click(&in_card("sample-03", "open-deal")).await;
    b.wait_for(&tid("deal-editor")).await;
    b.click(&tid("mark-won")).await;
    b.wait_for(&tid("win-dialog")).await;
    assert!(
        b.count(&format!("{} {}", tid("win-dialog"), tid("missing-item")))
            .await
            > 5,
        "the unmet gates before P7 are listed"
    );
    b.set_value("#close-day", "2026-11-03").await;
    b.fill("#close-amount", "352万元").await;
    b.click(&tid("confirm-close")).await;
    b.wait_for(&field_error("close-reason-error")).await;
    assert_eq!(
        b.count(&closed_card("sample-03")).await,
        0,
        "no reason, no win"
    );
    b.fill("#close-reason", "客户提前签约，验收资料后补").await;
    b.click(&tid("confirm-close")).await;
    b.wait_gone(&tid("win-dialog")).await;
    b.wait_for(&tid("deal-editor")).await;
    assert_eq!(b.text(&tid("deal-status")).await, "已赢单");
    b.wait_for(&format!("{} {}", tid("deal-editor"), tid("override-flag")))
        .await;
    b.click(&tid("tab-history")).await;
    b.wait_for("[data-testid=history-entry][data-status=won]")
        .await;
    b.click(&tid("close-dialog")).await;
    b.wait_for(&closed_card("sample-03")).await;
    let date = b
        .text(&format!(
            "{} {}",
            closed_card("sample-03"),
            tid("card-date")
        ))
        .await;
    assert!(
        date.contains("签约") && date.contains("2026年11月3日"),
        "{date}"
    );
    let stored = stored_plan(&b).await;
    let deal = find_by_id(&stored, "sample-03").unwrap();
    assert_eq!(deal["status"], json!("won"));
    assert_eq!(deal["stage"], json!("P7"));
    assert_eq!(deal["closed_on"], json!("2026-11-03"));
    assert_eq!(deal["amount"], json!(3520000));
    let signing = deal["history"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(signing["status"], json!("won"));
    assert!(
        !signing["missing"].as_array().unwrap().is_empty(),
        "{signing}"
    );

    // the signing date is corrected in the editor; the win moves with it
    b.click(&format!(
        "{} {}",
        closed_card("sample-03"),
        tid("open-deal")
    ))
    .await;
    b.wait_for(&tid("deal-editor")).await;
    b.set_value("#deal-closed-on", "2026-10-30").await;
    b.click(&tid("save-deal")).await;
    b.wait_gone(&tid("deal-editor")).await;
    b.wait_js(
        "the corrected date is stored",
        &format!("return JSON.parse(localStorage.getItem('{PLAN_KEY}')).deals.find(d => d.id === 'sample-03').closed_on === '2026-10-30';"),
    )
    .await;

    // losing: why is required, to whom is kept
    b.click(&in_card("sample-02", "open-deal")).await;
    b.wait_for(&tid("deal-editor")).await;
    b.click(&tid("mark-lost")).await;
    b.wait_for(&tid("lose-dialog")).await;
    b.click(&tid("confirm-close")).await;
    b.wait_for(&field_error("close-reason-error")).await;
    b.fill("#close-reason", "预算取消").await;
    b.fill("#close-competitor", "本地供应商").await;
    b.click(&tid("confirm-close")).await;
    b.wait_gone(&tid("lose-dialog")).await;
    b.click(&tid("tab-history")).await;
    let history = b.text(&tid("history")).await;
    assert!(
        history.contains("预算取消") && history.contains("本地供应商"),
        "{history}"
    );
    b.screenshot("history-lost").await;
    b.assert_no_network().await;
    b.close().await;
}

/// The summary, the funnel's data, the quota table and the title follow the forecast's owner
/// filter; grouped by region, no region shows an owner's quota.
#[tokio::test]
async fn an_owner_filter_applies_to_every_figure() {
    let b = e2e::start().await;
    b.load_sample().await;
    b.click(&tid("view-forecast")).await;
    b.wait_for(&tid("forecast-table")).await;
    let everyone = b.text(&tid("summary-open")).await;
    b.select_value("#filter-owner", "王晓明").await;
    b.wait_for(&tid("forecast-filter")).await;
    let wang_open = b
        .js(&format!(
            "return JSON.parse(localStorage.getItem('{PLAN_KEY}')).deals
               .filter(d => d.owner === '王晓明' && (d.status || 'open') === 'open')
               .reduce((sum, d) => sum + Math.round(d.amount * 100), 0);"
        ))
        .await
        .as_f64()
        .unwrap();
    b.eventually("the summary follows the filter", || async {
        let shown = parse_amount(&b.text(&tid("summary-open")).await)?;
        ((shown * 100.0).round() == wang_open).then_some(())
    })
    .await;
    assert_ne!(b.text(&tid("summary-open")).await, everyone);
    let wang_total = b.text(&tid("summary-open")).await;
    let funnel = b
        .js("return document.querySelector('[data-testid=funnel-chart] desc').textContent;")
        .await;
    assert!(
        funnel.as_str().unwrap_or_default().contains(&wang_total),
        "the funnel adds up the filtered deals: {funnel} / {wang_total}"
    );
    let owners = b
        .js("return [...document.querySelectorAll('[data-testid=quota-row] th')].map(e => e.textContent);")
        .await;
    assert_eq!(owners, json!(["王晓明"]), "only the filtered owner's quota");
    assert!(b.text(&tid("forecast-filter")).await.contains("王晓明"));
    b.select_value("#fc-group", "region").await;
    b.wait_for(&tid("group-table")).await;
    let quotas_in_groups = b.count(&format!("{} td.quota", tid("group-table"))).await;
    assert_eq!(quotas_in_groups, 0, "a region has no owner's quota");
    b.click(&tid("view-board")).await;
    b.wait_for(&tid("board")).await;
    assert_eq!(
        b.text(&tid("summary-open")).await,
        everyone,
        "the board is not filtered"
    );
    b.assert_no_network().await;
    b.close().await;
}
