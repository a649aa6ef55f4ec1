//! Browser tests of the workshop kit (issue 11, items 1 and 2): the trainer prepares the case
//! for three tables and downloads their files; each table's copy is changed differently; the
//! trainer opens the three (and a broken file) into the comparison, sees the disagreements,
//! sorts, exports the CSV, and the trainer's own stored plan stays byte-for-byte the same.
//! Run with `--test-threads=1`, like every browser test here.

use std::path::{Path, PathBuf};
use std::time::Instant;

use e2e::{tid, Browser, PLAN_KEY};
use serde_json::{json, Value};

fn read_json(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).expect("read download")).expect("JSON")
}

fn deal_mut(plan: &mut Value, index: usize) -> &mut Value {
    &mut plan["deals"][index]
}

/// Chooses these files in the comparison's file input and waits for the comparison.
async fn compare(b: &Browser, files: &[PathBuf]) {
    let input = b
        .client
        .find(e2e::fantoccini::Locator::Css(&tid("ws-input")))
        .await
        .expect("the comparison's file input");
    let paths: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
    input
        .send_keys(&paths.join("\n"))
        .await
        .expect("choose the files");
    b.wait_for(&tid("ws-comparison")).await;
}

/// What under the projector is smaller than 28 px or wider than its box or the window.
async fn readable(b: &Browser) -> serde_json::Value {
    b.js(r#"
const bad = [];
const root = document.querySelector('[data-testid=projector]');
if (document.scrollingElement.scrollWidth > window.innerWidth + 1) bad.push('page too wide');
for (const e of root.querySelectorAll('*')) {
  if (!e.getClientRects().length) continue;
  if (e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0) bad.push(`${e.tagName} ${e.scrollWidth} > ${e.clientWidth}`);
  if (e.getBoundingClientRect().right > window.innerWidth + 1) bad.push(`${e.tagName} leaves the window`);
  const own = [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
  const size = parseFloat(getComputedStyle(e).fontSize);
  if (own && size < 28) bad.push(`${e.tagName} "${e.textContent.trim().slice(0, 20)}" at ${size}px`);
}
return bad.slice(0, 8);
"#)
    .await
}

async fn texts(b: &Browser, script: &str) -> Vec<String> {
    serde_json::from_value(b.js(script).await).expect("a list of texts")
}

#[tokio::test]
async fn three_tables_are_prepared_changed_and_compared_without_touching_the_trainers_plan() {
    let b = e2e::start().await;
    b.load_sample().await;
    b.keep_downloads().await;
    b.click(&tid("lang-zh")).await;
    let trainer = b
        .storage_get(PLAN_KEY)
        .await
        .expect("the trainer's plan is stored");

    // 1. prepare the case for three tables, with the exercise, and download every file
    b.click(&tid("view-workshop")).await;
    b.wait_for(&tid("workshop-view")).await;
    b.fill(&tid("ws-exercise"), "P2 的验收节点；讨论题 1–3")
        .await;
    b.click(&tid("ws-prepare")).await;
    b.wait_for(&tid("ws-files")).await;
    assert_eq!(b.count(&tid("ws-file")).await, 3);
    b.click(&tid("ws-download-all")).await;
    let files = b.saved_downloads("json", 3).await;
    let names: Vec<String> = files
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        [
            "第1组-销售小王团队-培训案例.json",
            "第2组-销售小王团队-培训案例.json",
            "第3组-销售小王团队-培训案例.json"
        ]
    );
    let mut copies: Vec<Value> = files.iter().map(|p| read_json(p)).collect();
    let workshop = copies[0]["workshop"]["id"].as_str().unwrap().to_string();
    for (i, copy) in copies.iter().enumerate() {
        assert_eq!(copy["workshop"]["id"], json!(workshop), "one workshop");
        assert_eq!(copy["workshop"]["table"], json!(format!("第{}组", i + 1)));
        assert_eq!(
            copy["workshop"]["exercise"],
            json!("P2 的验收节点；讨论题 1–3")
        );
        assert_eq!(
            copy["title"],
            json!(format!("第{}组 · 销售小王团队 · 培训案例", i + 1))
        );
        assert_eq!(
            copy["deals"], copies[0]["deals"],
            "the same case for every table"
        );
    }

    // 2. each table changes its copy differently: table 1 claims deal 0 two stages further,
    // table 2 moves deal 1 back to P0, table 3 takes the evidence of deal 2 away
    let ids: Vec<String> = (0..3)
        .map(|i| copies[0]["deals"][i]["id"].as_str().unwrap().to_string())
        .collect();
    let stage_of = |v: &Value| v["stage"].as_str().unwrap().to_string();
    let further = |stage: &str| format!("P{}", (stage[1..].parse::<u8>().unwrap() + 2).min(6));
    let first_stage = stage_of(&copies[0]["deals"][0]);
    deal_mut(&mut copies[0], 0)["stage"] = json!(further(&first_stage));
    deal_mut(&mut copies[1], 1)["stage"] = json!("P0");
    deal_mut(&mut copies[1], 1)["strategies"] =
        json!({"P0": ["先约技术评估者", "请高层参观样板客户"]});
    assert!(
        copies[2]["deals"][2]["gates"]
            .as_object()
            .is_some_and(|g| !g.is_empty()),
        "deal 2 of the case has evidence to take away"
    );
    deal_mut(&mut copies[2], 2)
        .as_object_mut()
        .unwrap()
        .remove("gates");
    let dir = tempfile::tempdir().unwrap();
    let mut changed: Vec<PathBuf> = Vec::new();
    for (name, copy) in names.iter().zip(&copies) {
        let path = dir.path().join(name);
        std::fs::write(&path, serde_json::to_string_pretty(copy).unwrap()).unwrap();
        changed.push(path);
    }
    let broken = dir.path().join("坏文件.json");
    std::fs::write(
        &broken,
        "{\"format\": \"keyplan.plan\", \"version\": 2, \"deals\": [",
    )
    .unwrap();
    changed.push(broken);

    // 3. the trainer opens all four: the broken one is named with why, the three are compared
    compare(&b, &changed).await;
    let errors = texts(
        &b,
        "return [...document.querySelectorAll('[data-testid=ws-unreadable]')].map(e => e.textContent);",
    )
    .await;
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].contains("坏文件.json"), "{errors:?}");
    let heads = texts(
        &b,
        "return [...document.querySelectorAll('[data-testid=ws-table-head] > bdi')].map(e => e.textContent);",
    )
    .await;
    assert_eq!(heads, ["第1组", "第2组", "第3组"]);
    assert_eq!(b.count(&tid("ws-stray")).await, 0, "all of this workshop");
    let disagree = texts(
        &b,
        "return [...document.querySelectorAll('[data-testid=ws-deal][data-disagree=true]')].map(e => e.dataset.id);",
    )
    .await;
    assert_eq!(disagree, ids, "the three changed deals, and only those");
    assert_eq!(b.text(&tid("ws-points")).await, "3");
    // how each table staged deal 0
    let stages = texts(
        &b,
        &format!("return [...document.querySelectorAll('[data-id=\"{}\"] td')].map(e => e.dataset.stage);", ids[0]),
    )
    .await;
    assert_eq!(
        stages,
        [
            further(&first_stage),
            first_stage.clone(),
            first_stage.clone()
        ]
    );
    // table 3 has deal 2 verified at P0 now; the others as the case has it
    let verified = texts(
        &b,
        &format!("return [...document.querySelectorAll('[data-id=\"{}\"] td')].map(e => e.dataset.verified);", ids[2]),
    )
    .await;
    assert_eq!(verified[2], "P0");
    assert_ne!(verified[0], "P0");
    // table 2's strategies for the stage it claims, in its cell
    let strategies = texts(
        &b,
        &format!("return [...document.querySelectorAll('[data-id=\"{}\"] td')[1].querySelectorAll('.ws-strategies li')].map(e => e.textContent);", ids[1]),
    )
    .await;
    assert_eq!(strategies, ["先约技术评估者", "请高层参观样板客户"]);
    // the differing part of a cell is marked
    assert!(
        b.count(&format!("[data-id=\"{}\"] .ws-stage.differs", ids[0]))
            .await
            >= 1
    );

    // 4. sorting: discussion points first; the tables by weighted (claimed) pipeline
    b.click(&tid("ws-rows-disagreement")).await;
    b.wait_js(
        "the discussion points on top",
        "const r = [...document.querySelectorAll('[data-testid=ws-deal]')]; \
         return r.slice(0, 3).every(e => e.dataset.disagree === 'true') && r[3].dataset.disagree === 'false';",
    )
    .await;
    b.click(&tid("ws-sort-claimed")).await;
    b.wait_js(
        "the table claiming most first",
        "return document.querySelector('[data-testid=ws-table-head] > bdi').textContent === '第1组' && \
         document.querySelector('[data-testid=ws-sort-claimed]').getAttribute('aria-pressed') === 'true';",
    )
    .await;

    // 5. the CSV for Excel
    b.click(&tid("ws-csv")).await;
    let csv = b.saved_downloads("csv", 1).await;
    let text = std::fs::read_to_string(&csv[0]).unwrap();
    assert!(text.starts_with('\u{feff}'), "the BOM Excel needs");
    assert!(
        text.contains("第2组 阶段"),
        "{}",
        &text[..200.min(text.len())]
    );

    // printed on A4: the comparison alone (the preparing and opening panels are left out), no
    // row cut by a page break; the PDF is kept for a look (its page count printed)
    b.cdp("Emulation.setEmulatedMedia", json!({"media": "print"}))
        .await;
    let hidden = b
        .js("return getComputedStyle(document.querySelector('.ws-prepare')).display;")
        .await;
    assert_eq!(hidden, json!("none"));
    let pdf = b
        .cdp(
            "Page.printToPDF",
            json!({"paperWidth": 8.27, "paperHeight": 11.69, "printBackground": true}),
        )
        .await;
    b.cdp("Emulation.setEmulatedMedia", json!({"media": ""}))
        .await;
    use base64::Engine as _;
    let pdf = base64::engine::general_purpose::STANDARD
        .decode(pdf["data"].as_str().expect("a PDF"))
        .expect("base64");
    let pages = pdf
        .windows(12)
        .filter(|w| w.starts_with(b"/Type /Page") && w[11] != b's')
        .count();
    let path = e2e::screenshot_dir().join("workshop-compare.pdf");
    std::fs::write(&path, &pdf).unwrap();
    eprintln!(
        "comparison printed: {} bytes, about {pages} A4 pages: {}",
        pdf.len(),
        path.display()
    );

    // screenshots in both languages at both sizes (looked at by hand)
    for (w, h) in [(1366, 900), (1024, 768)] {
        b.client.set_window_size(w, h).await.expect("resize");
        b.screenshot(&format!("workshop-compare-zh-{w}")).await;
        b.js("document.querySelector('[data-testid=ws-deals]').scrollIntoView();")
            .await;
        b.screenshot(&format!("workshop-deals-zh-{w}")).await;
        b.js("window.scrollTo(0, 0);").await;
    }
    b.click(&tid("lang-en")).await;
    b.wait_js("English", "return document.documentElement.lang === 'en';")
        .await;
    for (w, h) in [(1024, 768), (1366, 900)] {
        b.client.set_window_size(w, h).await.expect("resize");
        b.screenshot(&format!("workshop-compare-en-{w}")).await;
        b.js("document.querySelector('[data-testid=ws-deals]').scrollIntoView();")
            .await;
        b.screenshot(&format!("workshop-deals-en-{w}")).await;
        b.js("window.scrollTo(0, 0);").await;
    }

    // 5b. projector mode: `p`, then ↓ to the comparison's part after the deck's questions; its
    // figures, then the discussion points, readable at 1024×768 (text 28 px or more, nothing
    // wider than the window), in English and 中文
    b.cdp(
        "Emulation.setDeviceMetricsOverride",
        json!({"width": 1024, "height": 768, "deviceScaleFactor": 1, "mobile": false}),
    )
    .await;
    for lang in ["en", "zh"] {
        b.js("window.scrollTo(0, 0); document.activeElement.blur();")
            .await;
        b.keys("p").await;
        b.wait_for(&tid("projector")).await;
        for _ in 0..4 {
            b.keys("\u{e015}").await;
        }
        b.wait_js(
            "the comparison's first slide",
            "return document.querySelector('[data-testid=projector]').dataset.slide === '#projector/compare/1';",
        )
        .await;
        assert_eq!(
            b.count(&tid("projector-compare")).await,
            1,
            "the tables' figures"
        );
        assert_eq!(
            b.count("[data-testid=projector-compare] tr").await,
            4,
            "a heading and the three tables"
        );
        assert_eq!(readable(&b).await, json!([]), "{lang} figures");
        b.screenshot(&format!("projector-compare-{lang}-1024"))
            .await;
        b.keys("\u{e014}").await;
        b.wait_for(&tid("projector-point")).await;
        assert_eq!(
            b.attr(&tid("projector"), "data-slide").await.as_deref(),
            Some("#projector/compare/2")
        );
        assert_eq!(readable(&b).await, json!([]), "{lang} discussion point");
        let rows = b.count("[data-testid=projector-compare] tr").await;
        assert_eq!(
            rows, 4,
            "each table's stage, verified stage, score, strategies"
        );
        b.screenshot(&format!("projector-point-{lang}-1024")).await;
        // every discussion point has its slide, then the part ends
        for n in 3..=4 {
            b.keys("\u{e014}").await;
            b.wait_js(
                "the next discussion point",
                &format!("return document.querySelector('[data-testid=projector]').dataset.slide === '#projector/compare/{n}';"),
            )
            .await;
            assert_eq!(b.count(&tid("projector-point")).await, 1);
        }
        b.keys("\u{e00c}").await;
        b.wait_gone(&tid("projector")).await;
        if lang == "en" {
            b.click(&tid("lang-zh")).await;
            b.wait_js(
                "中文",
                "return document.documentElement.lang.startsWith('zh');",
            )
            .await;
        }
    }
    b.cdp("Emulation.clearDeviceMetricsOverride", json!({}))
        .await;

    // 6. the trainer's own plan: byte-for-byte the same, before and after closing the comparison
    assert_eq!(
        b.storage_get(PLAN_KEY).await.as_deref(),
        Some(trainer.as_str())
    );
    b.click(&tid("ws-close")).await;
    b.wait_gone(&tid("ws-comparison")).await;
    b.refresh().await;
    b.wait_for(&tid("workshop-view")).await;
    assert_eq!(
        b.storage_get(PLAN_KEY).await.as_deref(),
        Some(trainer.as_str())
    );
    // a comparison slide's address after a reload: the comparison is gone, the first slide shows
    b.js("location.hash = '#projector/compare/2';").await;
    b.refresh().await;
    b.wait_for(&tid("projector")).await;
    assert_eq!(
        b.attr(&tid("projector"), "data-slide").await.as_deref(),
        Some("#projector")
    );
}

#[tokio::test]
async fn a_tables_copy_opens_in_an_empty_planner_with_its_table_and_exercise() {
    let b = e2e::start().await;
    b.load_sample().await;
    b.keep_downloads().await;
    b.click(&tid("lang-zh")).await;
    b.click(&tid("view-workshop")).await;
    b.fill(&tid("ws-name-1"), "第1组").await;
    b.click(&tid("ws-prepare")).await;
    b.wait_for(&tid("ws-error")).await;
    assert_eq!(
        b.attr(&tid("ws-name-1"), "aria-invalid").await.as_deref(),
        Some("true")
    );
    assert_eq!(b.text(&tid("ws-error")).await, "组名不能重复");
    b.fill(&tid("ws-name-1"), "蓝队").await;
    b.click(&tid("ws-prepare")).await;
    b.click(&tid("ws-download-1")).await;
    let file = b.saved_downloads("json", 1).await.remove(0);
    assert!(
        file.ends_with("蓝队-销售小王团队-培训案例.json"),
        "{file:?}"
    );

    let table = e2e::start().await;
    table.open().await;
    table.wait_for(&tid("empty-state")).await;
    table.click(&tid("lang-zh")).await;
    table.import_file(&file.display().to_string()).await;
    table.click(&tid("merge-import")).await;
    table.wait_for(&tid("ws-exercise-banner")).await;
    let banner = table.text(&tid("ws-exercise-banner")).await;
    assert!(
        banner.contains("蓝队") && banner.contains("练习"),
        "{banner}"
    );
    let stored: Value = serde_json::from_str(&table.storage_get(PLAN_KEY).await.unwrap()).unwrap();
    assert_eq!(
        stored["workshop"]["table"],
        json!("蓝队"),
        "kept in the table's plan"
    );
}

/// 10 tables × 50 deals: how long the comparison takes in the browser, from the files read to
/// the tables on screen (reported, not asserted).
#[tokio::test]
async fn ten_tables_of_fifty_deals_are_compared_in_the_browser() {
    let b = e2e::start().await;
    b.load_sample().await;
    // timing marks are made only with `?bench` in the address
    b.open_url(&format!("{}?bench", e2e::page_url())).await;
    b.keep_downloads().await;
    b.click(&tid("view-workshop")).await;
    b.click(&tid("ws-prepare")).await;
    b.click(&tid("ws-download-0")).await;
    let copy = read_json(&b.saved_downloads("json", 1).await[0]);
    let dir = tempfile::tempdir().unwrap();
    let case: Vec<Value> = copy["deals"].as_array().unwrap().clone();
    let mut files = Vec::new();
    for t in 0..10 {
        let mut plan = copy.clone();
        let deals: Vec<Value> = (0..50)
            .map(|i| {
                let mut deal = case[i % case.len()].clone();
                deal["id"] = json!(format!("{}-{i}", deal["id"].as_str().unwrap()));
                if i % 10 == t {
                    deal["stage"] = json!("P0");
                }
                deal
            })
            .collect();
        plan["deals"] = json!(deals);
        plan["workshop"]["table"] = json!(format!("第{}组", t + 1));
        let path = dir.path().join(format!("t{t}.json"));
        std::fs::write(&path, serde_json::to_string(&plan).unwrap()).unwrap();
        files.push(path);
    }
    let started = Instant::now();
    compare(&b, &files).await;
    b.wait_js(
        "500 cells",
        "return document.querySelectorAll('[data-testid=ws-deal]').length === 50;",
    )
    .await;
    let wall = started.elapsed();
    let computed = b
        .js(
            "const m = n => performance.getEntriesByName(n)[0].startTime; \
             return m('keyplan-compare-done') - m('keyplan-compare-read');",
        )
        .await;
    let rendered = b
        .js("return performance.now() - performance.getEntriesByName('keyplan-compare-done')[0].startTime;")
        .await;
    eprintln!(
        "10 tables x 50 deals: compare {computed} ms, compare to visible (upper bound) {rendered} ms, \
         from choosing the files {} ms",
        wall.as_millis()
    );
    assert_eq!(b.count(&tid("ws-table-head")).await, 10);
}
