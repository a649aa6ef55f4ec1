//! Browser tests of a deal's People tab (决策链): a decision chain built with the keyboard alone,
//! its 渔网图 and coverage flags, a gate ticked with the map as evidence, the score, and the
//! deal's people on the printed page.
//!
//! Run with `--test-threads=1` (see planner.rs).

use e2e::{css_escape, temp_file, tid, Browser};
use serde_json::{json, Map, Value};

const ENTER: &str = "\u{E007}";
const ESCAPE: &str = "\u{E00C}";
const DOWN: &str = "\u{E015}";
const RIGHT: &str = "\u{E014}";
const SPACE: &str = " ";

/// The default method's gate items of P0 to P3, read from the method's data file.
fn gate_ids(up_to: usize) -> Vec<String> {
    let data: Value =
        serde_json::from_str(include_str!("../../src/domain/method/default_method.json"))
            .expect("the default method is JSON");
    data["rows"].as_array().expect("rows")[..=up_to]
        .iter()
        .flat_map(|row| row["gate"].as_array().expect("gate").clone())
        .map(|item| item["id"].as_str().expect("id").to_string())
        .collect()
}

/// A plan with one deal claiming P3, every gate item up to P3 ticked with evidence except
/// `p3-mid-relations-good`, and no contacts.
fn plan() -> String {
    let mut gates = Map::new();
    for id in gate_ids(3)
        .into_iter()
        .filter(|id| id != "p3-mid-relations-good")
    {
        gates.insert(id, json!({"on": "2026-11-02", "evidence": "会议纪要"}));
    }
    json!({"format": "keyplan.plan", "version": 2, "currency": "CNY", "deals": [{
        "id": "d1", "name": "华东电网调度系统", "customer": "华东电网", "amount": "1200000.00",
        "stage": "P3", "owner": "李经理", "gates": gates,
        "created": "2026-11-01T00:00:00Z", "updated": "2026-11-01T00:00:00Z"
    }]})
    .to_string()
}

/// Opens the app on the test plan.
async fn open_plan(b: &Browser) -> tempfile::TempDir {
    b.open().await;
    b.wait_for(&tid("empty-state")).await;
    let (dir, path) = temp_file("plan.json", &plan());
    b.import_file(&path).await;
    b.click(&tid("merge-import")).await;
    b.wait_gone(&tid("import-dialog")).await;
    b.wait_for(&tid("deal-card")).await;
    dir
}

/// Focuses the element `css` from script (no click).
async fn focus(b: &Browser, css: &str) {
    b.wait_for(css).await;
    let ok = b
        .js_args(
            "const e = document.querySelector(arguments[0]); if (!e) return false; e.focus(); return document.activeElement === e;",
            vec![json!(css)],
        )
        .await;
    assert_eq!(ok, json!(true), "cannot focus `{css}`");
}

/// The id (or test id) of the focused element.
async fn focused(b: &Browser) -> String {
    b.js("const e = document.activeElement; return e ? (e.id || e.dataset.testid || e.tagName) : '';")
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
}

async fn wait_focus(b: &Browser, want: &str) {
    b.eventually(&format!("focus on {want}"), || async {
        (focused(b).await == want).then_some(())
    })
    .await;
}

/// One contact to enter: name, level (1 top … 3 operational), role code, influence (1 high … 3
/// low), attitude (1 opposed … 5 champion), relationship (1 stranger … 5 ally).
struct Person {
    name: &'static str,
    title: &'static str,
    level: usize,
    role: &'static str,
    influence: usize,
    attitude: usize,
    relationship: usize,
}

/// Chooses the `n`th option after "not known" of the select `id` with the arrow key.
async fn choose(b: &Browser, id: &str, n: usize) {
    focus(b, &format!("#{id}")).await;
    b.keys(&DOWN.repeat(n)).await;
}

/// Adds a contact with the keyboard alone: Enter on "Add contact", the fields, Enter to save.
async fn add_person(b: &Browser, p: &Person) {
    focus(b, &tid("people-add")).await;
    b.keys(ENTER).await;
    wait_focus(b, "contact-name").await;
    b.keys(p.name).await;
    // Tab goes on to the title
    b.keys("\u{E004}").await;
    wait_focus(b, "contact-title").await;
    b.keys(p.title).await;
    choose(b, "contact-level", p.level).await;
    focus(b, &format!("#contact-role-{}", p.role)).await;
    b.keys(SPACE).await;
    choose(b, "contact-influence", p.influence).await;
    choose(b, "contact-attitude", p.attitude).await;
    choose(b, "contact-relationship", p.relationship).await;
    focus(b, "#contact-owner").await;
    b.keys("李经理").await;
    b.keys(ENTER).await;
    b.wait_gone(&tid("contact-form")).await;
    // the focus is back on "Add contact"
    wait_focus(b, "people-add").await;
    b.wait_for(&format!("{} [data-contact-id] th", tid("contact-list")))
        .await;
}

async fn rules(b: &Browser) -> Vec<String> {
    let v = b
        .js("return [...document.querySelectorAll('[data-testid=deal-editor] [data-testid=coverage-flag]')].map(e => e.dataset.rule);")
        .await;
    serde_json::from_value(v).expect("rules")
}

async fn score(b: &Browser) -> u32 {
    b.text(&format!("{} {}", tid("deal-editor"), tid("score-total")))
        .await
        .trim()
        .parse()
        .expect("a score")
}

fn in_dialog(testid: &str) -> String {
    format!("{} {}", tid("deal-editor"), tid(testid))
}

/// The chain with the keyboard alone: the tab by arrow keys, five contacts, Escape and a refused
/// form, links; the map draws five cards, "no coach" goes when a coach is added; a P3 item
/// ticked with the map as evidence raises the verified stage and the score.
#[tokio::test]
async fn a_decision_chain_built_by_keyboard_shows_on_the_map_and_in_the_gates() {
    let b = e2e::start().await;
    let _plan = open_plan(&b).await;
    focus(&b, &format!("[data-deal-id=\"d1\"] {}", tid("open-deal"))).await;
    b.keys(ENTER).await;
    b.wait_for(&tid("deal-editor")).await;
    // Details → Gates → People with the arrow keys
    focus(&b, &tid("tab-details")).await;
    b.keys(&RIGHT.repeat(2)).await;
    b.wait_for(&tid("people-tab")).await;
    wait_focus(&b, "tab-people").await;
    assert!(
        b.count(&in_dialog("people-map")).await == 0,
        "no map without contacts"
    );
    assert_eq!(
        rules(&b).await,
        ["decision_maker_unknown", "no_coach", "single_threaded"]
    );
    assert_eq!(b.text(&tid("flag-count")).await.trim(), "3");
    let before = score(&b).await;

    // an empty name is refused by the core, next to the field; Escape closes the form only
    focus(&b, &tid("people-add")).await;
    b.keys(ENTER).await;
    wait_focus(&b, "contact-name").await;
    b.keys(ENTER).await;
    let error = b
        .text("[data-testid=field-error][data-field=contact-name]")
        .await;
    assert!(!error.is_empty(), "an empty name says why");
    b.keys(ESCAPE).await;
    b.wait_gone(&tid("contact-form")).await;
    wait_focus(&b, "people-add").await;
    assert_eq!(
        b.count(&tid("deal-editor")).await,
        1,
        "Escape kept the dialog open"
    );

    let chain = [
        Person {
            name: "王总",
            title: "副总经理",
            level: 1,
            role: "decision_maker",
            influence: 1,
            attitude: 4,
            relationship: 3,
        },
        Person {
            name: "张处长",
            title: "调度处处长",
            level: 2,
            role: "technical",
            influence: 2,
            attitude: 3,
            relationship: 3,
        },
        Person {
            name: "刘工",
            title: "调度工程师",
            level: 3,
            role: "user",
            influence: 3,
            attitude: 4,
            relationship: 2,
        },
        Person {
            name: "陈主任",
            title: "采购中心主任",
            level: 2,
            role: "buyer",
            influence: 2,
            attitude: 2,
            relationship: 2,
        },
    ];
    for p in &chain {
        add_person(&b, p).await;
    }
    assert_eq!(b.count(&in_dialog("contact-row")).await, 4);
    assert!(rules(&b).await.contains(&"no_coach".to_string()));
    add_person(
        &b,
        &Person {
            name: "赵工",
            title: "信息中心工程师",
            level: 3,
            role: "coach",
            influence: 3,
            attitude: 5,
            relationship: 4,
        },
    )
    .await;
    b.eventually("no coach gone", || async {
        (!rules(&b).await.contains(&"no_coach".to_string())).then_some(())
    })
    .await;
    let cards = in_dialog("people-map") + " svg .person";
    b.eventually("five cards on the map", || async {
        (b.count(&cards).await == 5).then_some(())
    })
    .await;

    // the table is the map's text alternative
    focus(&b, &tid("view-table")).await;
    b.keys(ENTER).await;
    b.wait_for(&in_dialog("people-table")).await;
    assert_eq!(
        b.count(&format!("{} tbody tr", in_dialog("people-table")))
            .await,
        5
    );
    focus(&b, &tid("view-map")).await;
    b.keys(ENTER).await;
    b.wait_for(&in_dialog("people-map")).await;

    // links by choosing two people: 张处长 reports to 王总; a self-link is refused
    choose(&b, "link-from", 1).await; // 张处长
    focus(&b, "#link-to").await;
    b.keys("\u{E013}").await; // up: 王总
    focus(&b, &tid("link-add")).await;
    b.keys(ENTER).await;
    b.wait_for(&tid("link-row")).await;
    assert!(b.text(&tid("link-row")).await.contains("张处长"));
    focus(&b, &tid("link-add")).await;
    b.keys(ENTER).await;
    b.wait_for("[data-testid=field-error][data-field=link]")
        .await;
    choose(&b, "link-to", 1).await; // 张处长 → 张处长
    focus(&b, &tid("link-add")).await;
    b.keys(ENTER).await;
    b.wait_for("[data-testid=field-error][data-field=link]")
        .await;
    assert_eq!(b.count(&tid("link-row")).await, 1);
    assert!(
        b.count(&format!("{} svg .reports", in_dialog("people-map")))
            .await
            >= 1,
        "the reports-to line is drawn"
    );

    // editing gives the focus back to the edited row
    let edit = format!("[data-contact-id] {}", tid("contact-edit"));
    focus(&b, &edit).await;
    b.keys(ENTER).await;
    wait_focus(&b, "contact-name").await;
    b.keys(ESCAPE).await;
    b.wait_gone(&tid("contact-form")).await;
    wait_focus(&b, "contact-edit").await;

    let with_chain = score(&b).await;
    assert!(
        with_chain > before,
        "the chain raised the score: {before} → {with_chain}"
    );

    // the gate the map supports: tick it with the map as evidence
    focus(&b, &tid("tab-people")).await;
    b.keys("\u{E012}").await; // left: Gates
    let item = "[data-testid=gate-item][data-item=p3-mid-relations-good]";
    let says = format!("{item} {}", tid("map-says"));
    assert_eq!(
        b.attr(&says, "data-verdict").await.as_deref(),
        Some("supports")
    );
    assert!(b.text(&says).await.contains("张处长"));
    focus(&b, &format!("{item} {}", tid("tick-with-map"))).await;
    b.keys(ENTER).await;
    b.eventually("ticked with the map's reason", || async {
        let v = b
            .js(&format!(
                "const e = document.querySelector('{} [data-testid=gate-evidence]'); return e ? e.value : '';",
                css_escape(item).replace('\'', "\\'")
            ))
            .await;
        v.as_str().filter(|s| s.contains("张处长")).map(|_| ())
    })
    .await;
    focus(&b, &tid("tab-gates")).await;
    b.keys(RIGHT).await;
    b.wait_for(&tid("people-tab")).await;
    let after = score(&b).await;
    assert!(
        after > with_chain,
        "the verified P3 raised the score: {with_chain} → {after}"
    );

    // the contacts are in the saved plan
    let stored: Value =
        serde_json::from_str(&b.storage_get(e2e::PLAN_KEY).await.expect("plan")).unwrap();
    assert_eq!(
        stored["deals"][0]["contacts"].as_array().map(Vec::len),
        Some(5)
    );
    assert_eq!(
        stored["deals"][0]["links"].as_array().map(Vec::len),
        Some(1)
    );
    b.close().await;
}

/// A ticked item the map contradicts is flagged; a tick without the evidence the method
/// requires says it does not count.
#[tokio::test]
async fn the_gates_flag_a_tick_the_map_contradicts() {
    let b = e2e::start().await;
    let _plan = open_plan(&b).await;
    b.click(&format!("[data-deal-id=\"d1\"] {}", tid("open-deal")))
        .await;
    b.click(&tid("tab-gates")).await;
    // no contacts: the map says nothing about the decision chain
    let known = "[data-testid=gate-item][data-item=p3-approval-process-known]";
    assert_eq!(
        b.attr(&format!("{known} {}", tid("map-says")), "data-verdict")
            .await
            .as_deref(),
        Some("silent")
    );
    // one contact, no decision maker: the map contradicts the ticked item
    b.click(&tid("tab-people")).await;
    b.click(&tid("people-add")).await;
    b.fill("#contact-name", "孙科长").await;
    b.click(&tid("contact-save")).await;
    b.wait_for(&tid("contact-row")).await;
    b.click(&tid("tab-gates")).await;
    b.wait_for(&format!("{known} {}", tid("tick-contradicted")))
        .await;
    // untick and tick again without evidence: the tick does not count until evidence is given
    let p3 = "[data-testid=gate-item][data-item=p3-mid-relations-good]";
    b.click(&format!("{p3} {}", tid("gate-check"))).await;
    b.wait_for(&format!("{p3} {}", tid("evidence-needed")))
        .await;
    b.close().await;
}

/// While the deal is open, the printed page is its account plan, which holds the deal's people:
/// the map, the table and the flags, outside the (hidden) dialog.
#[tokio::test]
async fn the_deals_people_print() {
    let b = e2e::start().await;
    let _plan = open_plan(&b).await;
    b.click(&format!("[data-deal-id=\"d1\"] {}", tid("open-deal")))
        .await;
    b.click(&tid("tab-people")).await;
    b.click(&tid("people-add")).await;
    b.fill("#contact-name", "王总").await;
    b.click(&tid("contact-save")).await;
    b.wait_for(&tid("contact-row")).await;
    let print = format!("body > {} {}", tid("account-plan"), tid("people-print"));
    b.eventually("the print view holds the card", || async {
        (b.count(&format!("{print} svg .person")).await == 1).then_some(())
    })
    .await;
    assert_eq!(
        b.count(&format!("{print} {}", tid("people-table"))).await,
        1
    );
    // hidden on screen, alone on paper
    let shown = "const p = document.querySelector('body > [data-testid=account-plan]');
                 const app = [...document.body.children].find(e => e !== p && e.tagName !== 'SCRIPT' && e.tagName !== 'STYLE');
                 return [getComputedStyle(p).display, app ? getComputedStyle(app).display : 'none'];";
    assert_eq!(b.js(shown).await[0], json!("none"));
    b.cdp("Emulation.setEmulatedMedia", json!({"media": "print"}))
        .await;
    assert_eq!(b.js(shown).await, json!(["block", "none"]));
    let pdf = b.cdp("Page.printToPDF", json!({})).await;
    assert!(
        pdf["data"].as_str().is_some_and(|d| d.len() > 1000),
        "a PDF"
    );
    b.close().await;
}
