//! The method content tells the deck's words from keyplan's (issue 11): only what the deck says
//! goes unmarked, and where keyplan differs from the deck's wording, the deck's wording is back.
use keyplan::domain::method::content;
use keyplan::domain::Stage;
use keyplan::i18n::Lang;

/// The deck lists common mistakes ("此阶段常见策略错误") for 分析 (P1) alone: those three are
/// its words, every other mistake is keyplan's.
#[test]
fn only_the_decks_three_common_mistakes_of_p1_are_unmarked() {
    let unmarked: Vec<(Stage, &str)> = content()
        .rows
        .iter()
        .flat_map(|row| {
            row.sales
                .mistakes
                .iter()
                .filter(|m| !m.ours)
                .map(move |m| (row.stage, m.text.zh.as_str()))
        })
        .collect();
    assert_eq!(
        unmarked,
        [
            (Stage::P1, "没能查出原因。"),
            (Stage::P1, "没能发展客户的不满。"),
            (Stage::P1, "过早向客户做产品介绍。"),
        ]
    );
    let marked: usize = content()
        .rows
        .iter()
        .map(|row| row.sales.mistakes.iter().filter(|m| m.ours).count())
        .sum();
    assert!(marked >= 22, "{marked}");
}

/// P0's second self-check question in the deck's words: "这个问题是不是避开了主题?", under the id
/// it always had (ticks saved in plans keep their meaning).
#[test]
fn p0s_second_self_check_question_is_the_decks() {
    let question = &content().row(Stage::P0).sales.self_check[1];
    assert_eq!(question.id, "p0-sc-avoid-difficulty");
    assert_eq!(question.text.zh, "这个问题是不是避开了主题？");
    assert_eq!(question.text.en, "Does it steer clear of the topic?");
}

/// The deck's extract stops in P5: the summaries of P5–P7 are keyplan's, P0–P4's the deck's;
/// the steps of 维护 (P7) are only named by the deck, keyplan wrote what they say.
#[test]
fn summaries_and_steps_carry_the_mark_where_keyplan_wrote_them() {
    for row in &content().rows {
        assert_eq!(row.summary_ours, row.stage >= Stage::P5, "{:?}", row.stage);
        for step in &row.sales.steps {
            assert_eq!(
                step.ours,
                row.stage == Stage::P7,
                "{:?} {}",
                row.stage,
                step.title.zh
            );
        }
    }
}

/// The deck names P0–P5 in English; P6 and P7 are keyplan's names. Every Chinese stage name is
/// the deck's.
#[test]
fn the_english_names_of_p6_and_p7_are_marked_as_keyplans() {
    let ours: Vec<Stage> = Stage::ALL
        .into_iter()
        .filter(|s| Lang::En.stage_name_ours(*s))
        .collect();
    assert_eq!(ours, [Stage::P6, Stage::P7]);
    assert!(Stage::ALL.into_iter().all(|s| !Lang::Zh.stage_name_ours(s)));
}

/// P3's step of the customer's cycle is the deck's 制定标准, so that 定标 means one thing only:
/// the award in P6's 选择.
#[test]
fn the_customer_cycle_of_p3_is_setting_standards_not_the_award() {
    let c = content();
    assert_eq!(c.row(Stage::P3).customer.name.zh, "制定标准");
    assert!(c.rows.iter().all(|row| row.customer.name.zh != "定标"));
    assert!(c.row(Stage::P6).customer.insight.zh.contains("定标"));
}
