//! Stages P0–P7: order, codes, names and the deck's default probabilities.
use keyplan::domain::Stage;
use keyplan::i18n::Lang;

#[test]
fn stages_are_ordered_with_the_decks_probabilities() {
    let probabilities: Vec<u8> = Stage::ALL.iter().map(|s| s.default_probability()).collect();
    assert_eq!(probabilities, [10, 20, 25, 30, 50, 75, 90, 100]);
    assert!(Stage::ALL.windows(2).all(|w| w[0] < w[1]));
    for (i, stage) in Stage::ALL.iter().enumerate() {
        assert_eq!(stage.index(), i);
        assert_eq!(Stage::from_index(i), Some(*stage));
        assert_eq!(stage.code(), format!("P{i}"));
        assert_eq!(Stage::parse(stage.code()), Some(*stage));
    }
    assert_eq!(Stage::from_index(8), None);
}

#[test]
fn next_and_prev_stop_at_the_ends() {
    assert_eq!(Stage::P0.prev(), None);
    assert_eq!(Stage::P0.next(), Some(Stage::P1));
    assert_eq!(Stage::P7.next(), None);
    assert_eq!(Stage::P7.prev(), Some(Stage::P6));
}

#[test]
fn names_are_the_decks_in_each_language() {
    assert_eq!(Lang::Zh.stage_name(Stage::P0), "市场规划·客户开发");
    assert_eq!(Lang::Zh.stage_name(Stage::P3), "设计交流·中层把握");
    assert_eq!(Lang::Zh.stage_name(Stage::P7), "实施结案·升级扩容");
    assert_eq!(Lang::En.stage_name(Stage::P0), "Identification");
    assert_eq!(Lang::En.stage_name(Stage::P5), "Business negotiation");
    assert_eq!(
        Lang::En.stage_title(Stage::P4),
        "Requirements research · top-level breakthrough"
    );
    let zh: std::collections::HashSet<_> =
        Stage::ALL.iter().map(|s| Lang::Zh.stage_name(*s)).collect();
    let en: std::collections::HashSet<_> =
        Stage::ALL.iter().map(|s| Lang::En.stage_name(*s)).collect();
    assert_eq!((zh.len(), en.len()), (8, 8));
}

#[test]
fn parsing_is_lenient_about_case_and_space_only() {
    assert_eq!(Stage::parse(" p3 "), Some(Stage::P3));
    for bad in ["P8", "P", "3", "P33", "", "阶段3", "Q1"] {
        assert_eq!(Stage::parse(bad), None, "{bad}");
    }
}

#[test]
fn stages_serialize_as_their_codes() {
    assert_eq!(serde_json::to_string(&Stage::P4).unwrap(), "\"P4\"");
    assert_eq!(serde_json::from_str::<Stage>("\"P6\"").unwrap(), Stage::P6);
    assert!(serde_json::from_str::<Stage>("\"P9\"").is_err());
}
