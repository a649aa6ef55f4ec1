//! Deal lists from spreadsheets (issue 12): a CSV as Chinese Excel saves it (GBK), a range
//! pasted from Excel, the columns adjustable in the preview, and nothing stored before the
//! person confirms.

use e2e::{tid, Browser, PLAN_KEY};

/// `项目名称,客户,金额,阶段` and `智能仓储,蓝海物流,12.5,P2`, CRLF, encoded in GBK as Chinese
/// Excel writes "CSV (逗号分隔)".
const GBK_CSV: &[u8] = &[
    0xCF, 0xEE, 0xC4, 0xBF, 0xC3, 0xFB, 0xB3, 0xC6, 0x2C, 0xBF, 0xCD, 0xBB, 0xA7, 0x2C, 0xBD, 0xF0,
    0xB6, 0xEE, 0x2C, 0xBD, 0xD7, 0xB6, 0xCE, 0x0D, 0x0A, 0xD6, 0xC7, 0xC4, 0xDC, 0xB2, 0xD6, 0xB4,
    0xA2, 0x2C, 0xC0, 0xB6, 0xBA, 0xA3, 0xCE, 0xEF, 0xC1, 0xF7, 0x2C, 0x31, 0x32, 0x2E, 0x35, 0x2C,
    0x50, 0x32, 0x0D, 0x0A,
];

async fn new_text(b: &Browser) -> String {
    b.text(&tid("import-new")).await
}

async fn count(b: &Browser, what: &str) -> String {
    b.text(&tid(what)).await
}

#[tokio::test]
async fn a_gbk_csv_imports_with_chinese_intact_and_its_columns_can_be_changed() {
    let b = e2e::start().await;
    b.open().await;
    b.load_sample().await;
    let stored = b.storage_get(PLAN_KEY).await;
    assert!(stored.is_some());
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("商机.csv");
    std::fs::write(&path, GBK_CSV).expect("write the file");
    b.import_file(path.to_str().unwrap()).await;
    b.wait_for(&tid("import-dialog")).await;
    // not UTF-8: read as GB18030, and said so
    b.wait_js(
        "the encoding guessed",
        &format!(
            "return document.querySelector('{}').value === 'gb18030';",
            tid("import-encoding")
        ),
    )
    .await;
    let line = new_text(&b).await;
    assert!(
        line.contains("智能仓储") && line.contains("蓝海物流"),
        "{line}"
    );
    assert!(line.contains("12.50") && line.contains("P2"), "{line}");
    // 万元: 12.5 is 125,000
    b.select_value(&tid("import-unit"), "wan").await;
    b.eventually("the amount in 万元", || async {
        new_text(&b).await.contains("125,000.00").then_some(())
    })
    .await;
    // the name column sent to the notes: the row has no name and is rejected
    b.select_value(
        &format!("{}[data-column=\"0\"]", tid("import-map")),
        "to_notes",
    )
    .await;
    b.eventually("the row rejected", || async {
        (count(&b, "count-rejected").await == "1").then_some(())
    })
    .await;
    assert_eq!(count(&b, "count-new").await, "0");
    b.select_value(&format!("{}[data-column=\"0\"]", tid("import-map")), "name")
        .await;
    b.eventually("the row back", || async {
        (count(&b, "count-new").await == "1").then_some(())
    })
    .await;
    // the wrong encoding can be chosen, and shows what it does
    b.select_value(&tid("import-encoding"), "utf-8").await;
    b.eventually("read as UTF-8", || async {
        (!b.text(&tid("import-dialog")).await.contains("智能仓储")).then_some(())
    })
    .await;
    b.select_value(&tid("import-encoding"), "gb18030").await;
    b.eventually("read as GB18030 again", || async {
        new_text(&b).await.contains("智能仓储").then_some(())
    })
    .await;
    assert_eq!(
        b.storage_get(PLAN_KEY).await,
        stored,
        "nothing stored before confirming"
    );
    b.click(&tid("merge-import")).await;
    b.wait_gone(&tid("import-dialog")).await;
    b.eventually("the deal stored", || async {
        let plan = b.storage_get(PLAN_KEY).await?;
        (plan.contains("智能仓储") && plan.contains("\"amount\":125000,")).then_some(())
    })
    .await;
    b.assert_no_network().await;
    b.close().await;
}

#[tokio::test]
async fn a_range_pasted_from_excel_imports() {
    let b = e2e::start().await;
    b.open().await;
    b.wait_for(&tid("empty-state")).await;
    b.click(&tid("import-paste")).await;
    b.wait_for(&tid("import-dialog")).await;
    // as a paste would: the whole range at once (typed, a tab would leave the box)
    b.set_value(
        &tid("import-paste-box"),
        "客户\t商机名称\t预计金额\t阶段\t预计签约日期\n中原化工\t能耗平台\t880000\t方案立项·客户公关\t2027/3/1\n",
    )
    .await;
    b.eventually("the pasted row", || async {
        (count(&b, "count-new").await == "1").then_some(())
    })
    .await;
    let line = new_text(&b).await;
    assert!(line.contains("能耗平台") && line.contains("P2"), "{line}");
    assert_eq!(
        b.storage_get(PLAN_KEY).await,
        None,
        "nothing stored before confirming"
    );
    b.click(&tid("merge-import")).await;
    b.wait_gone(&tid("import-dialog")).await;
    b.eventually("the deal stored", || async {
        let plan = b.storage_get(PLAN_KEY).await?;
        (plan.contains("能耗平台") && plan.contains("2027-03-01")).then_some(())
    })
    .await;
    b.close().await;
}

/// Drops `files` (name and text) on the page as a person drags them from a folder: a synthesised
/// `drop` event with a `DataTransfer` holding them, on the element the app listens on.
async fn drop_files(b: &Browser, files: &[(&str, &str)]) {
    let files = serde_json::to_string(files).expect("names and texts");
    b.js(&format!(
        "const dt = new DataTransfer();
         for (const [name, text] of {files}) dt.items.add(new File([text], name));
         const target = document.querySelector('.app');
         target.dispatchEvent(new DragEvent('dragover', {{ bubbles: true, cancelable: true, dataTransfer: dt }}));
         target.dispatchEvent(new DragEvent('drop', {{ bubbles: true, cancelable: true, dataTransfer: dt }}));
         return true;"
    ))
    .await;
}

const DROPPED_CSV: &str = "项目名称,客户,金额,阶段,状态,签约日期\r\n\
                           智能仓储,蓝海物流,880000,P5,赢单,2027-01-03\r\n\
                           能耗平台,中原化工,120000,P2,,\r\n";

#[tokio::test]
async fn a_dropped_csv_shows_its_preview_and_a_won_row_is_closed() {
    let b = e2e::start().await;
    b.open().await;
    b.wait_for(&tid("empty-state")).await;
    drop_files(&b, &[("商机.csv", DROPPED_CSV)]).await;
    b.wait_for(&tid("import-dialog")).await;
    b.wait_for(&tid("import-mapping")).await;
    b.eventually("both rows", || async {
        (count(&b, "count-new").await == "2").then_some(())
    })
    .await;
    let dialog = b.text(&tid("import-dialog")).await;
    assert!(
        dialog.contains("智能仓储") && dialog.contains("能耗平台"),
        "{dialog}"
    );
    assert!(
        b.js(&format!(
            "return !document.querySelector('{}');",
            tid("import-left")
        ))
        .await
        .as_bool()
        .unwrap_or(false),
        "one file: nothing left"
    );
    b.click(&tid("merge-import")).await;
    b.wait_gone(&tid("import-dialog")).await;
    // the won row closed as the editor closes a deal: P7, its signing day, a close entry
    b.eventually("the won deal stored", || async {
        let plan = b.storage_get(PLAN_KEY).await?;
        let plan: serde_json::Value = serde_json::from_str(&plan).ok()?;
        let deals = plan["deals"].as_array()?;
        let won = deals.iter().find(|d| d["name"] == "智能仓储")?;
        let entry = won["history"].as_array()?.last()?.clone();
        (won["status"] == "won"
            && won["stage"] == "P7"
            && won["closed_on"] == "2027-01-03"
            && entry["status"] == "won"
            && entry["from"] == "P5")
            .then_some(())
    })
    .await;
    b.close().await;
}

#[tokio::test]
async fn a_plan_dropped_with_a_csv_is_named_as_left_in_both_languages() {
    let b = e2e::start().await;
    b.open().await;
    b.wait_for(&tid("empty-state")).await;
    let plan = r#"{"format":"keyplan.plan","version":1,"deals":[]}"#;
    for (lang, words) in [("zh", "以下文件未导入"), ("en", "Not imported")] {
        b.click(&tid(&format!("lang-{lang}"))).await;
        drop_files(&b, &[("计划.json", plan), ("商机.csv", DROPPED_CSV)]).await;
        b.wait_for(&tid("import-dialog")).await;
        b.eventually("the table read", || async {
            (count(&b, "count-new").await == "2").then_some(())
        })
        .await;
        let left = b.text(&tid("import-left")).await;
        assert!(
            left.contains(words) && left.contains("计划.json") && !left.contains("商机.csv"),
            "{lang}: {left}"
        );
        b.click(&tid("cancel-import")).await;
        b.wait_gone(&tid("import-dialog")).await;
    }
    assert_eq!(b.storage_get(PLAN_KEY).await, None, "nothing imported");
    b.close().await;
}
