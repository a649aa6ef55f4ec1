//! Browser tests of what goes on paper (issue 11, items 4 and 6): every handout printed to PDF
//! as the browser would (A4, the page's own page sizes), its pages counted and its text read;
//! the board on A4 landscape with all eight stages; the open deal printed instead of the board
//! behind its dialog; forms printed as text. Each PDF is also rendered to PNG next to the
//! screenshots (`pdftoppm`), to be looked at.
//!
//! Run with `--test-threads=1` (see planner.rs).

use std::path::PathBuf;
use std::process::Command;

use base64::Engine as _;
use e2e::{screenshot_dir, tid, Browser, PLAN_KEY};
use serde_json::{json, Value};

/// A printed PDF: its pages, whether they lie landscape, and its text.
struct Pdf {
    path: PathBuf,
    pages: usize,
    landscape: bool,
    text: String,
}

impl Pdf {
    /// The text holds `what`, whatever the line breaks and spaces between its words.
    fn has(&self, what: &str) -> bool {
        let squeeze = |s: &str| s.split_whitespace().collect::<String>();
        squeeze(&self.text).contains(&squeeze(what))
    }

    /// Every occurrence of `word` lies inside its page, left to right (none is cut off).
    fn on_page(&self, word: &str) -> bool {
        let out = Command::new("pdftotext")
            .arg("-bbox")
            .arg(&self.path)
            .arg("-")
            .output()
            .expect("pdftotext (poppler-utils)");
        let boxes = String::from_utf8_lossy(&out.stdout).into_owned();
        let attr = |line: &str, name: &str| -> f64 {
            let from = line.find(&format!("{name}=\"")).expect("attribute") + name.len() + 2;
            line[from..]
                .split('"')
                .next()
                .expect("value")
                .parse()
                .expect("number")
        };
        let mut width = 0.0;
        let mut found = false;
        for line in boxes.lines() {
            if line.trim_start().starts_with("<page ") {
                width = attr(line, "width");
            } else if line.ends_with(&format!(">{word}</word>")) {
                found = true;
                if attr(line, "xMin") < 0.0 || attr(line, "xMax") > width {
                    return false;
                }
            }
        }
        found
    }
}

/// Prints the page to PDF with its own page sizes, saves it (and its pages as PNG) under
/// `name` in the screenshot folder, and reads it.
async fn print(b: &Browser, name: &str) -> Pdf {
    let out = b
        .cdp(
            "Page.printToPDF",
            json!({"preferCSSPageSize": true, "printBackground": true}),
        )
        .await;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(out["data"].as_str().expect("PDF data"))
        .expect("base64 PDF");
    let dir = screenshot_dir();
    std::fs::create_dir_all(&dir).expect("screenshot folder");
    let path: PathBuf = dir.join(format!("{name}.pdf"));
    std::fs::write(&path, &bytes).expect("write the PDF");
    let raw = String::from_utf8_lossy(&bytes);
    let pages = raw.matches("/Type /Page").count() - raw.matches("/Type /Pages").count();
    let media = raw
        .split("/MediaBox [")
        .nth(1)
        .and_then(|rest| rest.split(']').next())
        .expect("a MediaBox");
    let size: Vec<f64> = media
        .split_whitespace()
        .map(|n| n.parse().expect("a number"))
        .collect();
    // in drawing order: a table cell's lines stay together
    let text = Command::new("pdftotext")
        .arg("-raw")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    let rendered = Command::new("pdftoppm")
        .args(["-r", "50", "-png"])
        .arg(&path)
        .arg(dir.join(name))
        .status()
        .expect("pdftoppm (poppler-utils)");
    assert!(rendered.success(), "pdftoppm {name}");
    let pdf = Pdf {
        path,
        pages,
        landscape: size[2] > size[3],
        text: String::from_utf8_lossy(&text.stdout).into_owned(),
    };
    eprintln!("{name}: {} page(s), landscape {}", pdf.pages, pdf.landscape);
    pdf
}

/// Replaces the print dialog with a counter, so that a handout stays drawn for the PDF.
async fn count_prints(b: &Browser) {
    b.js("window.__printed = 0; window.print = () => { window.__printed += 1; };")
        .await;
}

async fn printed(b: &Browser, times: u64) {
    b.wait_js(
        &format!("the print dialog opened {times} time(s)"),
        &format!("return window.__printed === {times};"),
    )
    .await;
}

/// Opens the handouts menu and picks `testid`.
async fn handout(b: &Browser, testid: &str) {
    if b.attr(&tid("handouts"), "open").await.is_none() {
        b.click(&format!("{} > summary", tid("handouts"))).await;
    }
    b.click(&tid(testid)).await;
}

/// Opens the sample deal called `name`.
async fn open_deal(b: &Browser, name: &str) {
    b.js_args(
        "[...document.querySelectorAll('[data-testid=deal-card]')]
            .find(c => c.textContent.includes(arguments[0]))
            .querySelector('[data-testid=open-deal]').click();",
        vec![json!(name)],
    )
    .await;
    b.wait_for(&tid("deal-editor")).await;
}

/// The default method's gate items of a stage, in 中文 and English.
fn gate_texts(stage: usize) -> Vec<(String, String)> {
    let data: Value =
        serde_json::from_str(include_str!("../../src/domain/method/default_method.json"))
            .expect("the default method is JSON");
    data["rows"][stage]["gate"]
        .as_array()
        .expect("gate")
        .iter()
        .map(|item| {
            let text = |l: &str| item["text"][l].as_str().expect("text").to_string();
            (text("zh"), text("en"))
        })
        .collect()
}

const ZH_STAGES: [&str; 8] = [
    "市场规划·客户开发",
    "挖掘需求·锁定目标",
    "方案立项·客户公关",
    "设计交流·中层把握",
    "需求调研·高层突破",
    "方案评估·项目承诺",
    "协议谈判·签约成交",
    "实施结案·升级扩容",
];

/// Without a dialog or a handout, the page prints the board: A4 landscape, all eight stages.
#[tokio::test]
async fn the_board_prints_on_a4_landscape_with_all_eight_stages() {
    let b = e2e::start().await;
    b.load_sample().await;
    b.click(&tid("lang-zh")).await;
    let pdf = print(&b, "print-board-zh").await;
    assert!(pdf.landscape, "the board prints on A4 landscape");
    assert_eq!(pdf.pages, 1);
    for (k, name) in ZH_STAGES.iter().enumerate() {
        assert!(
            pdf.has(&format!("P{k}")) && pdf.has(name),
            "column P{k} {name} printed:\n{}",
            pdf.text
        );
    }
    for k in 0..8 {
        assert!(pdf.on_page(&format!("P{k}")), "column P{k} within the page");
    }
    assert!(pdf.has("二期扩容：AGV调度") && pdf.has("智能仓储系统一期"));
    // the same from the handouts menu, from another view, in English
    b.click(&tid("lang-en")).await;
    b.click(&tid("view-forecast")).await;
    count_prints(&b).await;
    handout(&b, "print-board").await;
    printed(&b, 1).await;
    b.wait_for(&tid("board")).await;
    let pdf = print(&b, "print-board-en").await;
    assert!(pdf.landscape);
    assert_eq!(pdf.pages, 1);
    assert!(pdf.has("P6") && pdf.has("P7") && pdf.has("Agreement") && pdf.has("Delivery"));
    b.close().await;
}

/// A long column draws only its first cards until the others come into view; the board printed
/// from the handouts menu, or by the browser's own print, has every card the columns list.
#[tokio::test]
async fn the_printed_board_has_the_cards_out_of_view() {
    let b = e2e::start().await;
    b.open().await;
    b.wait_for(&tid("empty-state")).await;
    let deals: Vec<Value> = (0..30)
        .map(|i| {
            json!({"id": format!("p{i:02}"), "name": format!("项目 {i:02}"), "customer": "客户",
                   "amount": 100, "stage": "P1", "created": "2026-11-01T00:00:00Z",
                   "updated": "2026-11-01T00:00:00Z"})
        })
        .collect();
    let plan = json!({"format": "keyplan.plan", "version": 1, "deals": deals});
    b.storage_set(PLAN_KEY, &plan.to_string()).await;
    let p1 = "[data-stage=P1] [data-deal-id]";
    b.refresh().await;
    b.wait_for(&tid("board")).await;
    assert_eq!(b.count(p1).await, 6, "the cards out of view are not drawn");
    b.js_args(
        "window.__printed = 0;
         window.print = () => {
           window.__printed += 1;
           window.__cards = document.querySelectorAll(arguments[0]).length;
         };
         return true;",
        vec![json!(p1)],
    )
    .await;
    handout(&b, "print-board").await;
    printed(&b, 1).await;
    assert_eq!(
        b.js("return window.__cards;").await,
        json!(20),
        "drawn before printing"
    );
    // the browser's own print (Ctrl+P) says so first
    b.refresh().await;
    b.wait_for(&tid("board")).await;
    assert_eq!(b.count(p1).await, 6);
    let pdf = print(&b, "print-board-long").await;
    assert!(pdf.has("项目 19") && !pdf.has("项目 20"), "{}", pdf.text);
    assert_eq!(b.count(p1).await, 20);
    b.close().await;
}

/// Ctrl+P with a deal open prints that deal's account plan, not the board behind the dialog.
#[tokio::test]
async fn printing_with_a_deal_open_prints_the_deals_account_plan() {
    let b = e2e::start().await;
    b.load_sample().await;
    b.click(&tid("lang-zh")).await;
    open_deal(&b, "变电站在线监测").await;
    // the team's strategies for the deal's stage go on paper too
    b.click(&tid("tab-coaching")).await;
    b.fill(
        &tid("strategies-text"),
        "请王工组织技术交流\n争取总工办支持",
    )
    .await;
    b.click(&tid("save-strategies")).await;
    b.wait_js(
        "the strategies on the account plan",
        "return document.querySelector('body > [data-testid=account-plan]')
            .textContent.includes('争取总工办支持');",
    )
    .await;
    let pdf = print(&b, "account-plan-zh").await;
    assert!(!pdf.landscape);
    assert_eq!(pdf.pages, 3);
    for part in [
        "客户计划：变电站在线监测",
        "江南电力设计院",
        "决策链图：总工办牵头，技术部王工为关键人，公开招标",
        "安排技术交流会，邀请中层技术骨干参加",
        "拜访前自检",
        "P3 我们的策略",
        "请王工组织技术交流",
        "☐",
        "☑",
    ] {
        assert!(pdf.has(part), "{part} printed:\n{}", pdf.text);
    }
    for other in ["智能仓储系统一期", "二期扩容：AGV调度", "P7"] {
        assert!(!pdf.has(other), "{other} is not this deal's:\n{}", pdf.text);
    }
    b.screenshot("account-plan-dialog").await;
    // the dialog's own button opens the print dialog
    count_prints(&b).await;
    b.click(&tid("print-deal")).await;
    printed(&b, 1).await;
    // in English
    b.click(&tid("close-dialog")).await;
    b.wait_gone(&tid("deal-editor")).await;
    b.click(&tid("lang-en")).await;
    open_deal(&b, "变电站在线监测").await;
    let pdf = print(&b, "account-plan-en").await;
    assert_eq!(pdf.pages, 3);
    assert!(pdf.has("Account plan: 变电站在线监测") && pdf.has("Next step"));
    b.close().await;
}

/// The method card: the three cycles and every stage's gate on at most two pages, in both
/// languages; the sheet goes once printing is over.
#[tokio::test]
async fn the_method_card_prints_every_stages_gate() {
    let b = e2e::start().await;
    b.load_sample().await;
    b.click(&tid("lang-zh")).await;
    count_prints(&b).await;
    handout(&b, "print-method-card").await;
    printed(&b, 1).await;
    let pdf = print(&b, "method-card-zh").await;
    assert_eq!(pdf.pages, 2);
    assert!(pdf.has("客户决策循环") && pdf.has("销售活动循环") && pdf.has("项目推进循环"));
    for (k, name) in ZH_STAGES.iter().enumerate() {
        assert!(pdf.has(name), "{name}:\n{}", pdf.text);
        for (zh, _) in gate_texts(k) {
            assert!(pdf.has(&zh), "P{k} {zh}:\n{}", pdf.text);
        }
    }
    assert!(!pdf.has("变电站在线监测"), "no deal on the card");
    b.js("window.dispatchEvent(new Event('afterprint'));").await;
    b.wait_gone(&format!("body > {}", tid("method-card"))).await;
    b.click(&tid("lang-en")).await;
    handout(&b, "print-method-card").await;
    printed(&b, 2).await;
    let pdf = print(&b, "method-card-en").await;
    assert_eq!(pdf.pages, 2);
    for (_, en) in gate_texts(7) {
        assert!(pdf.has(&en), "P7 {en}:\n{}", pdf.text);
    }
    b.close().await;
}

/// The blank exercise sheets: a chosen stage's gate checklist with room for the day and the
/// evidence, and the decision-chain template on A4 landscape.
#[tokio::test]
async fn the_blank_sheets_print_empty() {
    let b = e2e::start().await;
    b.load_sample().await;
    b.click(&tid("lang-zh")).await;
    count_prints(&b).await;
    b.click(&format!("{} > summary", tid("handouts"))).await;
    b.select_value(&tid("blank-gates-stage"), "P3").await;
    b.screenshot("handouts-menu").await;
    handout(&b, "print-blank-gates").await;
    printed(&b, 1).await;
    let pdf = print(&b, "blank-gates-zh").await;
    assert_eq!(pdf.pages, 1);
    assert!(pdf.has("空白验收清单：P3 设计交流·中层把握") && pdf.has("证据"));
    for (zh, _) in gate_texts(3) {
        assert!(pdf.has(&zh), "{zh}:\n{}", pdf.text);
    }
    for (zh, _) in gate_texts(2) {
        assert!(!pdf.has(&zh), "P2's {zh} is not on P3's sheet");
    }
    assert!(!pdf.has("拜访纪要"), "blank: no evidence");
    assert!(pdf.has("P3 我们的策略"), "room for the team's strategies");
    handout(&b, "print-blank-chain").await;
    printed(&b, 2).await;
    let pdf = print(&b, "blank-chain-zh").await;
    assert!(pdf.landscape);
    assert_eq!(pdf.pages, 1);
    assert!(pdf.has("空白决策链模板") && pdf.has("高层") && pdf.has("基层") && pdf.has("决策者"));
    b.click(&tid("lang-en")).await;
    handout(&b, "print-blank-gates").await;
    printed(&b, 3).await;
    let pdf = print(&b, "blank-gates-en").await;
    assert_eq!(pdf.pages, 1);
    for (_, en) in gate_texts(3) {
        assert!(pdf.has(&en), "{en}:\n{}", pdf.text);
    }
    handout(&b, "print-blank-chain").await;
    printed(&b, 4).await;
    let pdf = print(&b, "blank-chain-en").await;
    assert!(pdf.landscape && pdf.has("Decision maker"));
    assert_eq!(pdf.pages, 1);
    b.close().await;
}

/// On paper a form reads as text: no input boxes, no placeholders.
#[tokio::test]
async fn forms_print_as_text() {
    let b = e2e::start().await;
    b.load_sample().await;
    b.click(&tid("lang-zh")).await;
    b.click(&tid("view-method")).await;
    let input = tid("method-probability");
    b.wait_for(&input).await;
    let looks = format!(
        "const s = getComputedStyle(document.querySelector('{}'));
         return [s.borderTopStyle, s.appearance];",
        input.replace('\'', "\\'")
    );
    assert_ne!(b.js(&looks).await[0], json!("none"), "a box on screen");
    b.cdp("Emulation.setEmulatedMedia", json!({"media": "print"}))
        .await;
    assert_eq!(b.js(&looks).await, json!(["none", "none"]));
    b.cdp("Emulation.setEmulatedMedia", json!({"media": ""}))
        .await;
    print(&b, "method-view-zh").await;
    b.close().await;
}

/// The period report (月报 / 季报 / 年报, issue 13): chosen in the forecast view for a period of
/// the forecast's size, it prints won against quota, the outlook by category, the risks and the
/// largest deals on A4 portrait, in 中文 and English; the sheet goes once printing is over.
#[tokio::test]
async fn the_period_report_prints_won_against_quota_the_outlook_risks_and_top_deals() {
    let b = e2e::start().await;
    b.load_sample().await;
    b.click(&tid("lang-zh")).await;
    b.click(&tid("view-forecast")).await;
    b.wait_for(&tid("forecast-table")).await;
    count_prints(&b).await;
    // by month, the report is for the month that ended; by quarter, pick this quarter (the case
    // signed its win on the first of this month, against the team's quarterly quota)
    let months = offered(&b).await;
    assert_eq!(months.as_array().unwrap().len(), 8, "{months}");
    assert_eq!(
        months[1][1],
        json!(true),
        "the last month that ended: {months}"
    );
    // the monthly report of the month that ended: what moved from the case's snapshot of the
    // month before to the one that closed it
    b.click(&tid("print-period-report")).await;
    printed(&b, 1).await;
    let pdf = print(&b, "period-report-month-zh").await;
    assert!(!pdf.landscape && pdf.pages <= 3, "{} pages", pdf.pages);
    for words in [
        "月报",
        "上次报告以来管道的变化",
        "期初管道",
        "期末管道",
        "起点",
    ] {
        assert!(pdf.has(words), "{words}:\n{}", pdf.text);
    }
    assert!(
        !pdf.has("没有上一期结账时的快照"),
        "the case has snapshots:\n{}",
        pdf.text
    );
    b.js("window.dispatchEvent(new Event('afterprint')); return true;")
        .await;
    b.wait_gone(&tid("period-report")).await;
    b.select_value(&tid("fc-granularity"), "quarter").await;
    let quarters = offered(&b).await;
    assert!(
        quarters[0][0].as_str().unwrap().contains("-Q"),
        "{quarters}"
    );
    let this_quarter = quarters[0][0].as_str().unwrap().to_string();
    b.select_value(&tid("report-period"), &this_quarter).await;
    b.click(&tid("print-period-report")).await;
    printed(&b, 2).await;
    let pdf = print(&b, "period-report-zh").await;
    assert!(!pdf.landscape, "A4 portrait");
    assert!(pdf.pages <= 3, "{} pages", pdf.pages);
    for words in [
        "季报",
        "本期赢单与任务完成",
        "二期扩容：AGV调度",
        "¥12,000,000.00",
        "9.2%",
        "后续各期预测（按类别）",
        "加权（已验证阶段）",
        "风险项目",
        "重点项目（按加权金额）",
        "上次报告以来管道的变化",
        "期初管道",
        "期末管道",
    ] {
        assert!(pdf.has(words), "{words}:\n{}", pdf.text);
    }
    assert!(pdf.on_page("¥12,000,000.00"), "amounts within the page");
    b.screenshot("period-report-forecast-view").await;
    // printing over: the sheet goes
    b.js("window.dispatchEvent(new Event('afterprint')); return true;")
        .await;
    b.wait_gone(&tid("period-report")).await;
    b.click(&tid("lang-en")).await;
    b.click(&tid("print-period-report")).await;
    printed(&b, 3).await;
    let pdf = print(&b, "period-report-en").await;
    for words in [
        "Quarterly report",
        "Won against quota",
        "Forecast for the next periods, by category",
        "Weighted (verified)",
        "Largest open deals by weighted amount",
        "What moved since the last report",
    ] {
        assert!(pdf.has(words), "{words}:\n{}", pdf.text);
    }
    b.close().await;
}

/// The periods a report is offered for: `[code, selected]` each.
async fn offered(b: &Browser) -> Value {
    b.js(
        "return [...document.querySelectorAll('[data-testid=report-period] option')]
            .map(o => [o.value, o.selected]);",
    )
    .await
}
