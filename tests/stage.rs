//! Stages P0–P7: order, codes, names and the deck's default probabilities.
use keyplan::domain::Stage;

#[test]
fn stages_are_ordered_with_the_decks_probabilities() {
    let probabilities: Vec<u8> = Stage::ALL.iter().map(|s| s.default_probability()).collect();
    assert_eq!(probabilities, [10, 20, 25, 30, 50, 75, 90, 100]);
    assert!(Stage::ALL.windows(2).all(|w| w[0] < w[1]));
    for (i, stage) in Stage::ALL.iter().enumerate() {
        assert_eq!(stage.index(), i);
        assert_eq!(Stage::from_index(i), Some(*stage));
        assert_eq!(stage.code(), format!("P{i}"));
        assert_eq!(Stage::parse(stage.code()), Ok(*stage));
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
fn names_come_from_the_method() {
    assert_eq!(Stage::P0.name_zh(), "市场规划·客户开发");
    assert_eq!(Stage::P3.name_zh(), "设计交流·中层把握");
    assert_eq!(Stage::P7.name_zh(), "实施结案·升级扩容");
    assert_eq!(Stage::P0.name_en(), "Identification");
    assert_eq!(Stage::P5.name_en(), "Business negotiation");
    let zh: std::collections::HashSet<_> = Stage::ALL.iter().map(|s| s.name_zh()).collect();
    let en: std::collections::HashSet<_> = Stage::ALL.iter().map(|s| s.name_en()).collect();
    assert_eq!((zh.len(), en.len()), (8, 8));
}

#[test]
fn parsing_is_lenient_about_case_and_space_only() {
    assert_eq!(Stage::parse(" p3 "), Ok(Stage::P3));
    for bad in ["P8", "P", "3", "P33", "", "阶段3", "Q1"] {
        let err = Stage::parse(bad).unwrap_err();
        assert_eq!(err.0, bad.trim());
        assert!(err.to_string().contains("expected P0 to P7"));
    }
}

#[test]
fn stages_serialize_as_their_codes() {
    assert_eq!(serde_json::to_string(&Stage::P4).unwrap(), "\"P4\"");
    assert_eq!(serde_json::from_str::<Stage>("\"P6\"").unwrap(), Stage::P6);
    assert!(serde_json::from_str::<Stage>("\"P9\"").is_err());
}
