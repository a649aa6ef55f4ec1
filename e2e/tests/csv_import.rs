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
