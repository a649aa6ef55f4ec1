//! Browser tests of how people's own text is shown (bidi controls, very long words) and of where
//! the keyboard focus goes. Run with `--test-threads=1`, like every browser test here.

use e2e::{card, temp_file, tid, Browser};
use serde_json::{json, Value};

/// U+202E RIGHT-TO-LEFT OVERRIDE: without isolation it turns the rest of its line around.
const RLO: &str = "\u{202E}";

/// A plan file with the given deals (each gets dates and an id if missing).
fn plan_file(deals: Vec<Value>) -> String {
    let deals: Vec<Value> = deals
        .into_iter()
        .enumerate()
        .map(|(i, mut d)| {
            let o = d.as_object_mut().unwrap();
            o.entry("id").or_insert(json!(format!("t{i}")));
            o.entry("created").or_insert(json!("2026-11-01T00:00:00Z"));
            o.entry("updated").or_insert(json!("2026-11-01T00:00:00Z"));
            d
        })
        .collect();
    json!({"format": "keyplan.plan", "version": 1, "currency": "CNY", "deals": deals}).to_string()
}

/// Opens an empty planner and merges `deals` into it.
async fn open_with(b: &Browser, deals: Vec<Value>) -> tempfile::TempDir {
    b.open().await;
    b.wait_for(&tid("empty-state")).await;
    let (dir, path) = temp_file("plan.json", &plan_file(deals));
    b.import_file(&path).await;
    b.click(&tid("merge-import")).await;
    b.wait_gone(&tid("import-dialog")).await;
    b.wait_for(&tid("deal-card")).await;
    dir
}

/// Text drawn right to left although it holds no right-to-left letters: what an unisolated
/// override elsewhere on the line does. Text nodes free of bidi controls are checked whole; in
/// a node that holds one (the test's own user text, which has no digits) every number is.
const REVERSED_TEXT: &str = r#"
const BIDI = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const out = [];
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
const range = document.createRange();
const reversed = (n, from, to) => {
  let prev = null;
  for (let i = from; i < to; i++) {
    const c = n.data.charCodeAt(i);
    if ((c >= 0xD800 && c <= 0xDFFF) || /\s/.test(n.data[i])) { prev = null; continue; }
    range.setStart(n, i); range.setEnd(n, i + 1);
    const r = range.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) { prev = null; continue; }
    if (prev && Math.abs(prev.top - r.top) < 2 && r.left < prev.left - 0.5) return true;
    prev = r;
  }
  return false;
};
for (let n = walker.nextNode(); n; n = walker.nextNode()) {
  const s = n.data;
  if (s.trim().length < 2) continue;
  if (!BIDI.test(s)) {
    if (reversed(n, 0, s.length)) out.push(s.slice(0, 80));
    continue;
  }
  for (const m of s.matchAll(/[0-9][0-9,.]*[0-9]/g)) {
    if (reversed(n, m.index, m.index + m[0].length)) { out.push(s.slice(0, 80)); break; }
  }
}
return out;
"#;

async fn reversed_text(b: &Browser, where_: &str) {
    let found = b.js(REVERSED_TEXT).await;
    assert_eq!(
        found,
        json!([]),
        "{where_}: text drawn backwards next to a user's bidi control"
    );
}

/// A bidi override typed into any field stays inside that field's text: amounts, dates and
/// labels around it read the right way on the board, the list, the forecast, the deal, the
/// import preview and the undo notice.
#[tokio::test]
async fn a_bidi_override_in_any_field_stays_in_its_field() {
    let b = e2e::start().await;
    let text = |s: &str| format!("{RLO}{s}");
    let deal = |id: &str, stage: &str| {
        json!({
            "id": id, "name": text("Project"), "customer": text("Customer"), "owner": text("Owner"),
            "product": text("Product"), "region": text("Region"), "segment": text("Segment"),
            "next_step": text("Next step"), "notes": text("Notes"), "amount": "12345.67",
            "stage": stage, "expected_close": "2026-12-30",
        })
    };
    let _plan = open_with(&b, vec![deal("r1", "P2"), deal("r2", "P4")]).await;
    reversed_text(&b, "board").await;

    b.click(&tid("view-list")).await;
    b.wait_for(&tid("deal-row")).await;
    reversed_text(&b, "list").await;

    b.click(&tid("view-forecast")).await;
    b.wait_for(&tid("forecast-view")).await;
    reversed_text(&b, "forecast").await;

    b.click(&tid("view-board")).await;
    b.click(&format!("{} {}", card("r1"), tid("open-deal")))
        .await;
    b.wait_for(&tid("deal-editor")).await;
    reversed_text(&b, "deal dialog").await;
    b.click(&tid("tab-history")).await;
    reversed_text(&b, "deal history").await;
    b.click(&tid("close-dialog")).await;
    b.wait_gone(&tid("deal-editor")).await;

    // the import preview of a file whose every text has an override
    let changed = plan_file(vec![
        json!({"id": "r1", "name": text("Renamed"), "customer": text("Customer"), "amount": "99999",
               "stage": "P3", "updated": "2026-11-20T00:00:00Z"}),
        deal("r3", "P1"),
    ]);
    let (_d, path) = temp_file(&format!("{RLO}file.json"), &changed);
    b.import_file(&path).await;
    reversed_text(&b, "import preview").await;
    b.screenshot("bidi-import-preview").await;
    b.click(&tid("cancel-import")).await;
    b.wait_gone(&tid("import-dialog")).await;

    // the undo notice names the deleted deal
    b.click(&format!("{} {}", card("r2"), tid("open-deal")))
        .await;
    b.wait_for(&tid("deal-editor")).await;
    b.click(&tid("delete-deal")).await;
    b.wait_for(&tid("undo-toast")).await;
    reversed_text(&b, "undo notice").await;
    b.close().await;
}

/// Elements whose content is wider than they are (and not clipped on purpose), and clipped text
/// whose full wording is nowhere to be read (no `title` on it or around it).
const OVERFLOWS: &str = r#"
const bad = [];
const page = document.scrollingElement;
if (page.scrollWidth > window.innerWidth + 1) bad.push(`page is ${page.scrollWidth}px wide in a ${window.innerWidth}px window`);
const name = e => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`;
for (const e of document.body.querySelectorAll('*')) {
  if (e.closest('svg, .sr-only') || e.clientWidth <= 1) continue;
  const cs = getComputedStyle(e);
  const wide = e.scrollWidth > e.clientWidth + 1, tall = e.scrollHeight > e.clientHeight + 1;
  if (wide && cs.overflowX === 'visible') bad.push(`${name(e)} overflows: ${e.scrollWidth} > ${e.clientWidth}`);
  const clipped = (wide && cs.overflowX === 'hidden') || (tall && cs.overflowY === 'hidden');
  const text = e.textContent.trim();
  if (clipped && text) {
    const titled = e.closest('[title]');
    if (!(titled && titled.getAttribute('title').includes(text.slice(0, 40)))) {
      bad.push(`${name(e)} is cut without its full text in a title`);
    }
  }
  if ((e.tagName === 'TD' || e.tagName === 'TH') && e.getBoundingClientRect().width > window.innerWidth / 2) {
    bad.push(`${name(e)} is ${Math.round(e.getBoundingClientRect().width)}px wide`);
  }
}
return bad.slice(0, 10);
"#;

/// Chart labels that leave their chart or sit on top of each other.
const CHART_LABEL_CLASHES: &str = r#"
const bad = [];
for (const svg of document.querySelectorAll('svg')) {
  const box = svg.getBoundingClientRect();
  if (box.width === 0) continue;
  const labels = [...svg.querySelectorAll('text')].map(t => [t, t.getBoundingClientRect()]).filter(([, r]) => r.width > 0);
  for (const [t, r] of labels) {
    if (r.left < box.left - 1 || r.right > box.right + 1) bad.push(`"${t.textContent.slice(0, 30)}" leaves its chart`);
  }
  for (let i = 0; i < labels.length; i++) for (let j = i + 1; j < labels.length; j++) {
    const [a, ra] = labels[i], [c, rc] = labels[j];
    const overlap = Math.min(ra.right, rc.right) - Math.max(ra.left, rc.left) > 1 && Math.min(ra.bottom, rc.bottom) - Math.max(ra.top, rc.top) > 1;
    if (overlap) bad.push(`"${a.textContent.slice(0, 30)}" overlaps "${c.textContent.slice(0, 30)}"`);
  }
}
return bad.slice(0, 10);
"#;

async fn nothing_overflows(b: &Browser, where_: &str) {
    let found = b.js(OVERFLOWS).await;
    assert_eq!(found, json!([]), "{where_}: text breaks the layout");
    let found = b.js(CHART_LABEL_CLASHES).await;
    assert_eq!(found, json!([]), "{where_}: chart labels clash");
}

/// A 200-character word in a name, a customer and an owner wraps or is cut with its full text
/// at hand: no view grows wider than the window and no chart label leaves its chart or covers
/// another, at 1366×900 and 1024×768.
#[tokio::test]
async fn long_words_never_widen_the_page() {
    let b = e2e::start().await;
    let long = |c: &str| c.repeat(200);
    let deal = |id: &str, owner: String, stage: &str, amount: &str| {
        json!({
            "id": id, "name": long("N"), "customer": long("C"), "owner": owner,
            "product": long("P"), "next_step": long("S"), "notes": long("n"),
            "amount": amount, "stage": stage, "expected_close": "2026-12-30",
        })
    };
    let _plan = open_with(
        &b,
        vec![
            deal("l1", long("O"), "P2", "1234567.89"),
            deal("l2", format!("{}2", long("O")), "P4", "1234567.89"),
            // the largest amount a deal may have: wider than a board column
            deal("l3", "王".repeat(120), "P5", "999999999999.99"),
        ],
    )
    .await;
    for (w, h) in [(1366, 900), (1024, 768)] {
        b.client.set_window_size(w, h).await.expect("resize");
        let at = format!("{w}×{h}");
        b.click(&tid("view-board")).await;
        b.wait_for(&tid("board")).await;
        nothing_overflows(&b, &format!("board at {at}")).await;
        // a card clips what overflows it (it is painted only near the screen): every amount
        // stays whole inside its card
        let clipped = b
            .js("return [...document.querySelectorAll('[data-testid=deal-card]')].filter(c => {
                   const a = c.querySelector('.amount');
                   return a && (a.getBoundingClientRect().right > c.getBoundingClientRect().right + 0.5
                     || a.scrollWidth > a.clientWidth + 0.5);
                 }).map(c => c.dataset.dealId);")
            .await;
        assert_eq!(clipped, json!([]), "board at {at}: an amount is cut off");
        b.screenshot(&format!("long-board-{w}")).await;

        b.click(&tid("view-list")).await;
        b.wait_for(&tid("deal-row")).await;
        nothing_overflows(&b, &format!("list at {at}")).await;

        b.click(&tid("view-forecast")).await;
        b.wait_for(&tid("forecast-view")).await;
        nothing_overflows(&b, &format!("forecast at {at}")).await;
        b.screenshot(&format!("long-forecast-{w}")).await;
        b.select_value(&tid("fc-group"), "owner").await;
        b.wait_js(
            "a table per owner",
            "return document.querySelectorAll('[data-testid=group-table]').length > 1;",
        )
        .await;
        nothing_overflows(&b, &format!("forecast by owner at {at}")).await;
        b.select_value(&tid("fc-group"), "").await;

        b.click(&tid("view-board")).await;
        b.click(&format!("{} {}", card("l1"), tid("open-deal")))
            .await;
        b.wait_for(&tid("deal-editor")).await;
        nothing_overflows(&b, &format!("deal dialog at {at}")).await;
        b.click(&tid("close-dialog")).await;
        b.wait_gone(&tid("deal-editor")).await;
    }
    b.close().await;
}

/// `data-testid` (and deal id, if any) of the focused element, or "body".
async fn focused(b: &Browser) -> String {
    b.js("const e = document.activeElement;
         if (!e || e === document.body) return 'body';
         const deal = e.closest('[data-deal-id]');
         return (e.dataset.testid || e.id || e.tagName.toLowerCase())
           + (deal ? '@' + deal.dataset.dealId : '');")
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
}

async fn wait_focus(b: &Browser, want: &str) {
    b.eventually(&format!("focus on {want}"), || async {
        let now = focused(b).await;
        (now == want).then_some(())
    })
    .await;
}

async fn press(b: &Browser, key: &str) {
    use fantoccini::actions::{InputSource, KeyAction, KeyActions};
    let key = key.chars().next().expect("a key");
    let actions = KeyActions::new("keys".into())
        .then(KeyAction::Down { value: key })
        .then(KeyAction::Up { value: key });
    b.client.perform_actions(actions).await.expect("press");
}

/// Dialogs open on their first field and give the focus back to what opened them on save,
/// Escape and close; a card moved with its arrows keeps the focus; a merge gives it back to
/// Import.
#[tokio::test]
async fn focus_follows_the_person() {
    const ESCAPE: &str = "\u{E00C}";
    let b = e2e::start().await;
    let _plan = open_with(
        &b,
        vec![
            json!({"id": "f1", "name": "First", "customer": "A", "amount": "100", "stage": "P2"}),
            json!({"id": "f2", "name": "Second", "customer": "B", "amount": "200", "stage": "P3"}),
        ],
    )
    .await;
    let open = format!("{} {}", card("f1"), tid("open-deal"));

    // a deal opens on its first field; Escape returns to the card
    b.click(&open).await;
    b.wait_for(&tid("deal-editor")).await;
    wait_focus(&b, "deal-name").await;
    press(&b, ESCAPE).await;
    b.wait_gone(&tid("deal-editor")).await;
    wait_focus(&b, "open-deal@f1").await;

    // save returns to the card too
    b.click(&open).await;
    b.wait_for(&tid("deal-editor")).await;
    b.fill("#deal-next-step", "Call the CIO").await;
    b.click(&tid("save-deal")).await;
    b.wait_gone(&tid("deal-editor")).await;
    wait_focus(&b, "open-deal@f1").await;

    // a new deal opens on its name and returns to "New deal"
    b.click(&tid("new-deal")).await;
    b.wait_for(&tid("deal-editor")).await;
    wait_focus(&b, "deal-name").await;
    b.click(&tid("close-dialog")).await;
    b.wait_gone(&tid("deal-editor")).await;
    wait_focus(&b, "new-deal").await;

    // moving a card with its arrow keeps the focus on that arrow in the card's new column
    b.click(&format!("{} {}", card("f2"), tid("move-prev")))
        .await;
    b.eventually("f2 in P2", || async {
        (b.attr(&card("f2"), "data-stage").await.as_deref() == Some("P2")).then_some(())
    })
    .await;
    wait_focus(&b, "move-prev@f2").await;

    // deleting a deal leaves the focus on its Undo
    b.click(&format!("{} {}", card("f2"), tid("open-deal")))
        .await;
    b.wait_for(&tid("deal-editor")).await;
    b.click(&tid("delete-deal")).await;
    b.wait_gone(&tid("deal-editor")).await;
    wait_focus(&b, "undo").await;
    b.click(&tid("undo")).await;
    b.wait_for(&card("f2")).await;

    // a merge gives the focus back to Import
    b.click(&tid("import-plan")).await;
    let (_d, path) = temp_file(
        "more.json",
        &plan_file(vec![
            json!({"id": "f3", "name": "Third", "customer": "C", "amount": "300", "stage": "P1"}),
        ]),
    );
    b.import_file(&path).await;
    let first = focused(&b).await;
    assert_ne!(first, "close-dialog", "the import dialog opened on its ×");
    assert_ne!(
        first, "body",
        "the import dialog opened with nothing focused"
    );
    b.click(&tid("merge-import")).await;
    b.wait_gone(&tid("import-dialog")).await;
    wait_focus(&b, "import-plan").await;
    b.close().await;
}
