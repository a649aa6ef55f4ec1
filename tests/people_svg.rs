//! The 渔网图's markup: people's text escaped and fitted to their cards, one card and one tooltip
//! per person, solid and dashed lines, readable without colour.
use keyplan::chart::label::width;
use keyplan::chart::people_map::{layout, LinkKind, MapLink, CARD_W};
use keyplan::chart::people_svg::{
    badges, escape, people_svg, MapCard, MapVocab, MapWords, SMALL_PX,
};
use proptest::prelude::*;

const VOCAB: MapVocab = MapVocab {
    levels: ["高层", "中层", "基层"],
    attitudes: ["反对", "不支持", "中立", "支持", "支持者"],
    attitude_unknown: "未知",
    degrees: ["陌生", "认识", "熟悉", "信任", "同盟"],
    influences: ["高", "中", "低"],
};

const WORDS: MapWords = MapWords {
    title: "重点客户渔网图",
    desc: "3 人",
    colon: "：",
    influence: "影响力",
    attitude: "态度",
    relationship: "关系程度",
    owner: "我方负责人",
    no_value: "（未填写）",
    ids: "",
};

fn card(key: &str, name: &str, level: u8) -> MapCard {
    MapCard {
        key: key.to_string(),
        name: name.to_string(),
        title: "总经理".to_string(),
        level,
        roles: vec!["决策者".to_string()],
        influence: 0,
        attitude: Some(4),
        degree: 2,
        owner: "李明".to_string(),
    }
}

fn svg(people: &[MapCard], links: &[MapLink]) -> String {
    let persons: Vec<_> = people.iter().map(MapCard::person).collect();
    people_svg(people, &layout(&persons, links), &VOCAB, &WORDS)
}

#[test]
fn people_text_is_escaped_so_a_name_cannot_become_markup() {
    let mut p = card("a", "<script>alert(1)</script> & \"Co\"", 0);
    p.roles = vec!["<b>".to_string()];
    p.owner = "</svg>".to_string();
    let markup = svg(&[p], &[]);
    assert!(
        !markup.contains("<script") && !markup.contains("<b>"),
        "{markup}"
    );
    assert_eq!(markup.matches("</svg>").count(), 1, "{markup}");
    assert!(markup.contains("&lt;script&gt;"), "{markup}");
    assert_eq!(escape(r#"a<&>"b"#), "a&lt;&amp;&gt;&quot;b");
}

#[test]
fn every_card_has_a_tooltip_with_every_fact_and_lines_are_solid_or_dashed() {
    let people = [
        card("a", "王建国", 0),
        card("b", "李明", 1),
        card("c", "张伟", 2),
    ];
    let links = [
        MapLink {
            from: "b".into(),
            to: "a".into(),
            kind: LinkKind::ReportsTo,
        },
        MapLink {
            from: "c".into(),
            to: "a".into(),
            kind: LinkKind::Influences,
        },
        MapLink {
            from: "c".into(),
            to: "gone".into(),
            kind: LinkKind::ReportsTo,
        },
    ];
    let markup = svg(&people, &links);
    assert_eq!(markup.matches(r#"<g class="person "#).count(), 3);
    // the map's own title and one per card
    assert_eq!(markup.matches("<title").count(), 4);
    assert!(markup.contains("<title>王建国\n总经理\n高层\n决策者\n影响力：高\n态度：支持者\n关系程度：熟悉\n我方负责人：李明</title>"), "{markup}");
    assert_eq!(markup.matches(r#"class="reports""#).count(), 1);
    assert_eq!(markup.matches(r#"class="influences""#).count(), 1);
    // attitude as a glyph and relationship as filled steps: readable in black and white
    assert_eq!(markup.matches(">++</text>").count(), 3);
    assert_eq!(markup.matches(r#"class="step on""#).count(), 3 * 3);
    assert_eq!(markup.matches(r#"class="step""#).count(), 3 * 2);
}

#[test]
fn long_text_is_cut_to_its_card_and_kept_whole_in_the_tooltip() {
    let mut p = card("a", "阿尔卑斯山脉南麓特别长的名字某某某某某某", 0);
    p.title = "Deputy Head of Production and Digital Transformation Office".to_string();
    let markup = svg(&[p.clone()], &[]);
    assert!(markup.contains(&format!("<title>{}\n{}", p.name, p.title)));
    let name = markup
        .split(r#"class="name" x="10" y="21">"#)
        .nth(1)
        .unwrap();
    let name = &name[..name.find('<').unwrap()];
    assert!(
        name.ends_with('…') && width(name, 14.0 * 1.15) <= f64::from(CARD_W - 20 - 28),
        "{name}"
    );
}

proptest! {
    #[test]
    fn badges_stay_inside_their_card_left_to_right(
        roles in proptest::collection::vec("[a-zA-Z决策者技术评估内线 ]{0,24}", 0..8)
    ) {
        let shown = badges(&roles);
        let mut right = 0;
        for (x, w, text) in &shown {
            prop_assert!(*x >= right && x + w <= CARD_W - 10, "{:?}", shown);
            prop_assert!(width(text, SMALL_PX) <= f64::from(*w), "{:?}", shown);
            right = x + w;
        }
        // blank roles take no badge; the rest are counted, never silently dropped
        let named = roles.iter().filter(|r| !r.trim().is_empty()).count();
        let counted = match shown.last().and_then(|b| b.2.strip_prefix('+')) {
            Some(more) => shown.len() - 1 + more.parse::<usize>().unwrap(),
            None => shown.len(),
        };
        prop_assert_eq!(counted, named, "{:?}", shown);
    }
}

/// The `id="…"` values of a map's markup, and the ids its `url(#…)` and `aria-labelledby` name.
fn ids_of(markup: &str) -> (Vec<String>, Vec<String>) {
    let values = |from: &str, to: char| -> Vec<String> {
        markup
            .split(from)
            .skip(1)
            .filter_map(|rest| rest.split(to).next().map(str::to_string))
            .collect()
    };
    let mut named = values("url(#", ')');
    for list in values("aria-labelledby=\"", '"') {
        named.extend(list.split(' ').map(str::to_string));
    }
    (values(" id=\"", '"'), named)
}

#[test]
fn two_maps_on_one_page_share_no_id_and_each_names_its_own() {
    let people = [card("a", "甲", 0), card("b", "乙", 1)];
    let links = [MapLink {
        from: "a".to_string(),
        to: "b".to_string(),
        kind: LinkKind::Influences,
    }];
    let persons: Vec<_> = people.iter().map(MapCard::person).collect();
    let map = layout(&persons, &links);
    let tab = people_svg(&people, &map, &VOCAB, &WORDS);
    let print = people_svg(
        &people,
        &map,
        &VOCAB,
        &MapWords {
            ids: "-print",
            ..WORDS
        },
    );
    let (tab_ids, tab_named) = ids_of(&tab);
    let (print_ids, print_named) = ids_of(&print);
    assert!(tab_ids.len() >= 3, "{tab_ids:?}");
    assert!(
        tab_ids.iter().all(|id| !print_ids.contains(id)),
        "{tab_ids:?} {print_ids:?}"
    );
    assert!(
        tab_named.iter().all(|id| tab_ids.contains(id)),
        "{tab_named:?}"
    );
    assert!(
        print_named.iter().all(|id| print_ids.contains(id)),
        "{print_named:?}"
    );
    assert!(print_named
        .iter()
        .any(|id| id.starts_with("people-map-arrow")));
}
