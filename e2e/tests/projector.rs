//! Projector mode on the built page: on and off by key and by button, the slides by keys, a
//! deal revealed a step at a time, the slide kept in the address across a reload, the trainer's
//! plan untouched, and every slide readable from the back of a room — text measured at 28 px
//! or more, nothing wider than the window — at 1024×768 and 1366×900, in 中文 and English.
use e2e::serde_json::{json, Value};
use e2e::{tid, Browser, PLAN_KEY};

const RIGHT: &str = "\u{e014}";
const LEFT: &str = "\u{e012}";
const UP: &str = "\u{e013}";
const DOWN: &str = "\u{e015}";
const HOME: &str = "\u{e011}";
const END: &str = "\u{e010}";
const ESCAPE: &str = "\u{e00c}";
const SPACE: &str = "\u{e00d}";

/// A viewport of exactly `w`×`h` CSS pixels (the window's frame does not count).
async fn viewport(b: &Browser, w: u32, h: u32) {
    b.cdp(
        "Emulation.setDeviceMetricsOverride",
        json!({"width": w, "height": h, "deviceScaleFactor": 1, "mobile": false}),
    )
    .await;
    b.wait_js(
        &format!("a {w}×{h} viewport"),
        &format!("return window.innerWidth === {w} && window.innerHeight === {h};"),
    )
    .await;
}

/// The slide shown (its address), once projector mode is on.
async fn slide(b: &Browser) -> String {
    b.attr(&tid("projector"), "data-slide")
        .await
        .expect("projector mode is on")
}

/// Presses `key` and waits until the slide is `to`.
async fn press(b: &Browser, key: &str, to: &str) {
    b.keys(key).await;
    b.eventually(&format!("slide {to} after a key"), || async {
        (b.attr(&tid("projector"), "data-slide").await.as_deref() == Some(to)).then_some(())
    })
    .await;
}

/// Presses → and returns the slide it leads to (the same one at the end).
async fn next(b: &Browser) -> String {
    let before = slide(b).await;
    b.keys(RIGHT).await;
    // the last slide stays: give the page its frame before reading
    b.js("return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));")
        .await;
    let after = slide(b).await;
    assert!(
        after != before || after.starts_with("#projector/question/6"),
        "→ did not move from {before}"
    );
    after
}

/// Text under the projector smaller than 28 px, ink that is not near-black or not on white,
/// anything wider than its box or than the window, and the page chrome left on screen.
const UNREADABLE: &str = r#"
const bad = [];
const root = document.querySelector('[data-testid=projector]');
if (!root) return ['no projector'];
const page = document.scrollingElement;
if (page.scrollWidth > window.innerWidth + 1) bad.push(`page ${page.scrollWidth}px wide`);
const r = root.getBoundingClientRect();
if (r.width > window.innerWidth + 1 || r.height > window.innerHeight + 1) bad.push('projector beyond the window');
let texts = 0, smallest = 1e9;
for (const e of root.querySelectorAll('*')) {
  if (e.closest('svg')) continue;
  if (!e.getClientRects().length) continue;
  const cs = getComputedStyle(e);
  if (e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0) bad.push(`${e.tagName} ${e.className} ${e.scrollWidth} > ${e.clientWidth}`);
  const b = e.getBoundingClientRect();
  if (b.right > window.innerWidth + 1 || b.left < -1) bad.push(`${e.tagName} ${e.className} leaves the window`);
  const own = [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
  if (!own) continue;
  texts++;
  const size = parseFloat(cs.fontSize);
  smallest = Math.min(smallest, size);
  if (size < 28) bad.push(`${e.tagName} "${e.textContent.trim().slice(0, 20)}" at ${size}px`);
  const [cr, cg, cb] = cs.color.match(/\d+/g).map(Number);
  if (Math.max(cr, cg, cb) > 130) bad.push(`${e.tagName} "${e.textContent.trim().slice(0, 20)}" in ${cs.color}`);
}
if (getComputedStyle(root).backgroundColor !== 'rgb(255, 255, 255)') bad.push('not on white');
for (const id of ['new-deal', 'summary-line', 'footer']) {
  if (document.querySelector(`[data-testid=${id}]`)) bad.push(`${id} shown`);
}
if (document.querySelector('header.topbar, footer')) bad.push('chrome shown');
const slide = root.querySelector('.slide');
return {bad: bad.slice(0, 8), texts, smallest, scrolls: slide.scrollHeight > slide.clientHeight + 1};
"#;

/// The sample deal that has ticked gates with evidence and contacts, by the stored plan.
async fn deal_with_evidence_and_people(b: &Browser) -> String {
    let stored = b.storage_get(PLAN_KEY).await.expect("the case is saved");
    let plan: Value = e2e::serde_json::from_str(&stored).unwrap();
    let deals = plan["deals"].as_array().unwrap();
    let found = deals.iter().find(|d| {
        let gates = d["gates"].as_object().map_or(0, |g| g.len());
        let evidence = d["gates"].as_object().is_some_and(|g| {
            g.values()
                .any(|c| c["evidence"].as_str().is_some_and(|e| !e.is_empty()))
        });
        let people = d["contacts"].as_array().map_or(0, |c| c.len());
        gates > 0 && evidence && people > 0
    });
    found.expect("the case has such a deal")["id"]
        .as_str()
        .unwrap()
        .to_string()
}

/// On by `p` and by the header's button, off by Esc and by its own button; the keys move
/// through the parts and reveal a deal in order (facts, gates, evidence, map); a reload keeps
/// the slide; the trainer's stored plan is the same byte for byte; `p` typed in a field types.
#[tokio::test]
async fn projector_mode_by_keys_and_buttons_reveals_in_order_and_survives_a_reload() {
    let b = e2e::start().await;
    b.load_sample().await;
    b.click(&tid("lang-zh")).await;
    viewport(&b, 1024, 768).await;
    let stored = b.storage_get(PLAN_KEY).await;

    // `p` in a field is a letter of the name, not the projector
    b.click(&tid("new-deal")).await;
    b.wait_for(&tid("deal-editor")).await;
    b.fill("#deal-name", "").await;
    b.keys("p").await;
    assert_eq!(b.count(&tid("projector")).await, 0, "p in a field toggled");
    b.keys(ESCAPE).await;
    b.wait_gone(&tid("deal-editor")).await;

    b.js("document.activeElement.blur();").await;
    b.keys("p").await;
    b.wait_for(&tid("projector")).await;
    assert_eq!(slide(&b).await, "#projector");
    assert_eq!(b.count(&tid("new-deal")).await, 0, "the header is hidden");
    assert_eq!(b.js("return location.hash;").await, json!("#projector"));
    b.screenshot("projector-cycles-1024-zh").await;

    press(&b, RIGHT, "#projector/stage/P0").await;
    assert!(b.count(&tid("projector-gate-items")).await == 1);
    press(&b, SPACE, "#projector/stage/P1").await;
    press(&b, END, "#projector/stage/P7").await;
    press(&b, HOME, "#projector/stage/P0").await;
    press(&b, LEFT, "#projector").await;
    press(&b, DOWN, "#projector/stage/P0").await;
    b.keys(DOWN).await;
    b.wait_js(
        "the first deal",
        "return document.querySelector('[data-testid=projector-deal]') !== null;",
    )
    .await;
    press(&b, UP, "#projector/stage/P0").await;

    // the deal with evidence and contacts, straight from the address
    let id = deal_with_evidence_and_people(&b).await;
    // the team's strategies for the deal's stage (and one for another stage, not shown)
    let mut plan: Value = e2e::serde_json::from_str(&stored.clone().unwrap()).unwrap();
    let deal = plan["deals"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|d| d["id"] == json!(id))
        .unwrap();
    let stage = deal["stage"].as_str().unwrap().to_string();
    let other = if stage == "P7" { "P0" } else { "P7" };
    deal["strategies"] = json!({ stage.as_str(): ["先约技术评估者", "请高层参观样板客户", "<b>带尖括号</b> & 引号\""], other: ["别处的策略"] });
    let stored = Some(plan.to_string());
    b.storage_set(PLAN_KEY, stored.as_deref().unwrap()).await;
    let url = format!("{}#projector/deal/{id}/0", e2e::page_url());
    b.open_url(&url).await;
    // the same page with another fragment is not loaded again: reload it
    b.refresh().await;
    b.wait_for(&tid("projector-deal")).await;
    let at = |step: usize| format!("#projector/deal/{id}/{step}");
    assert_eq!(slide(&b).await, at(0));
    assert_eq!(b.count(&tid("projector-gates")).await, 0, "facts first");
    assert_eq!(b.count(&tid("people-map")).await, 0);
    b.screenshot("projector-deal-facts-1024-zh").await;
    press(&b, RIGHT, &at(1)).await;
    assert_eq!(b.count(&tid("projector-gates")).await, 1, "then the gates");
    assert_eq!(
        b.count(&tid("projector-evidence")).await,
        0,
        "evidence later"
    );
    press(&b, RIGHT, &at(2)).await;
    assert!(
        b.count(&tid("projector-evidence")).await > 0,
        "then the evidence"
    );
    b.screenshot("projector-deal-evidence-1024-zh").await;
    press(&b, RIGHT, &at(3)).await;
    assert_eq!(b.count(&tid("people-map")).await, 1, "then the map");
    assert_eq!(b.count(&tid("projector-gates")).await, 0);
    b.screenshot("projector-deal-map-1024-zh").await;
    press(&b, RIGHT, &at(4)).await;
    assert_eq!(b.count(&tid("people-map")).await, 0);
    let shown = b.text(&tid("projector-strategies")).await;
    assert!(
        shown.contains("先约技术评估者") && shown.contains("请高层参观样板客户"),
        "then the strategies: {shown}"
    );
    assert!(!shown.contains("别处的策略"), "only the deal's stage's");
    assert!(
        shown.contains("<b>带尖括号</b> & 引号\""),
        "shown as typed: {shown}"
    );
    assert_eq!(
        b.count(&format!("{} b", tid("projector-strategies"))).await,
        0
    );
    b.screenshot("projector-deal-strategies-1024-zh").await;
    b.keys(RIGHT).await;
    b.eventually("the next deal's facts", || async {
        let s = slide(&b).await;
        (s.starts_with("#projector/deal/") && s.ends_with("/0") && s != at(0)).then_some(())
    })
    .await;
    press(&b, LEFT, &at(4)).await;
    press(&b, LEFT, &at(3)).await;
    press(&b, LEFT, &at(2)).await;
    assert_eq!(b.js("return location.hash;").await, json!(at(2)));

    // a reload keeps the slide
    b.refresh().await;
    b.wait_for(&tid("projector-deal")).await;
    assert_eq!(slide(&b).await, at(2));

    // off by Esc (the hash goes), on by the header's button, off by the projector's own
    b.keys(ESCAPE).await;
    b.wait_gone(&tid("projector")).await;
    b.wait_for(&tid("board")).await;
    assert_eq!(b.js("return location.hash;").await, json!(""));
    b.click(&tid("projector-toggle")).await;
    b.wait_for(&tid("projector")).await;
    b.click(&tid("projector-next")).await;
    b.eventually("next by button", || async {
        (slide(&b).await == "#projector/stage/P0").then_some(())
    })
    .await;
    b.click(&tid("projector-leave")).await;
    b.wait_gone(&tid("projector")).await;
    b.wait_for(&tid("board")).await;
    assert_eq!(
        b.storage_get(PLAN_KEY).await,
        stored,
        "the plan is not changed"
    );
    b.close().await;
}

/// Every slide, in both languages, at 1024×768 and 1366×900: text at 28 px or more in
/// near-black on white, nothing wider than the window, no chrome of the page.
#[tokio::test]
async fn every_slide_is_readable_and_fits_at_1024_and_1366_in_both_languages() {
    let b = e2e::start().await;
    b.load_sample().await;
    for lang in ["zh", "en"] {
        b.click(&tid(&format!("lang-{lang}"))).await;
        b.wait_js(
            "the language",
            &format!("return document.documentElement.lang.startsWith('{lang}');"),
        )
        .await;
        for (w, h) in [(1024, 768), (1366, 900)] {
            viewport(&b, w, h).await;
            b.click(&tid("projector-toggle")).await;
            b.wait_for(&tid("projector")).await;
            let mut seen = vec![slide(&b).await];
            let mut smallest = f64::MAX;
            let mut map_shot = false;
            let mut scrolling = Vec::new();
            loop {
                let found = b.js(UNREADABLE).await;
                let at = seen.last().unwrap();
                assert_eq!(found["bad"], json!([]), "{lang} {w}×{h} {at}");
                assert!(found["texts"].as_u64().unwrap() > 0, "{at} shows text");
                smallest = smallest.min(found["smallest"].as_f64().unwrap());
                if found["scrolls"] == json!(true) {
                    scrolling.push(at.clone());
                    let name = at.trim_start_matches("#projector/").replace('/', "-");
                    b.screenshot(&format!("projector-tall-{name}-{w}-{lang}"))
                        .await;
                }
                let shot = match at.as_str() {
                    "#projector" => Some("cycles"),
                    "#projector/stage/P2" => Some("stage-p2"),
                    "#projector/question/1" => Some("question"),
                    s if s.starts_with("#projector/deal/") && s.ends_with("/3") && !map_shot => {
                        map_shot = true;
                        Some("deal-map")
                    }
                    _ => None,
                };
                if let Some(name) = shot {
                    b.screenshot(&format!("projector-{name}-{w}-{lang}")).await;
                }
                let to = next(&b).await;
                if &to == at {
                    break;
                }
                seen.push(to);
            }
            eprintln!(
                "{lang} {w}×{h}: {} slides, smallest text {smallest}px, taller than the window: {scrolling:?}",
                seen.len()
            );
            assert!(smallest >= 28.0);
            assert!(seen.len() > 1 + 8 + 6, "every part was shown: {seen:?}");
            b.keys(ESCAPE).await;
            b.wait_gone(&tid("projector")).await;
        }
    }
    b.close().await;
}
