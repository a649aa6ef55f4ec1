//! The people who decide (issue 10): file format, lenient reading, merge, coverage flags, what
//! the map says about gate items, evidence, the deal score and the reducer's verbs.
mod common;

use std::collections::BTreeMap;
use std::rc::Rc;

use chrono::Utc;
use common::{date, later, now, plan_with, today};
use keyplan::domain::coverage::{contradicted, flags, gate_map, map_says, Flag, MapWhy, Verdict};
use keyplan::domain::deal::{Deal, GateCheck};
use keyplan::domain::gates::{met, verified_stage};
use keyplan::domain::import::{merge, preview, Rule};
use keyplan::domain::method::{MapRule, Method, ScorePart};
use keyplan::domain::people::{
    Attitude, Competitor, Contact, ContactId, Influence, Level, Link, LinkKind, People, PeopleEdit,
    PricePosition, Relationship, Review, Role, Swot,
};
use keyplan::domain::plan_file::{decode, encode, read, Mode};
use keyplan::domain::sample::sample_plan;
use keyplan::domain::score::{score, Raise, ScoreWhy};
use keyplan::domain::{DealId, Plan, Stage};
use keyplan::i18n::Lang;
use keyplan::session::{Action, MethodEdit, Session};

fn contact(id: &str, name: &str, level: Level, roles: &[Role]) -> Contact {
    let mut c = Contact::named(ContactId::new(id), name);
    c.level = Some(level);
    c.roles = roles.to_vec();
    c
}

fn with(mut c: Contact, attitude: Attitude, rel: Relationship, influence: Influence) -> Contact {
    c.attitude = Some(attitude);
    c.relationship = Some(rel);
    c.influence = Some(influence);
    c
}

/// One open deal `a` at `stage` with these contacts, on the default method.
fn deal_at(stage: Stage, contacts: Vec<Contact>) -> Deal {
    let plan = plan_with(&[("a", 100, stage)]);
    let mut deal = (*plan.deals[0]).clone();
    deal.people.contacts = contacts;
    deal
}

#[test]
fn a_plan_without_people_writes_byte_for_byte_as_before_and_people_round_trip() {
    let text = std::fs::read_to_string("tests/fixtures/plan-v1-foundation.json").unwrap();
    let plan = decode(&text).unwrap();
    let once = encode(&plan, now());
    assert!(!once.contains("\"contacts\"") && !once.contains("\"people\""));
    assert_eq!(encode(&decode(&once).unwrap(), now()), once);

    let mut plan = sample_plan(today(), now());
    let deal = Rc::make_mut(&mut plan.deals[7]);
    deal.people.swot.so = "用技术优势抢占评估排名".into();
    deal.people.review = Review {
        why: "w".into(),
        competitor: "c".into(),
        learned: "l".into(),
        ..Review::default()
    };
    deal.people.contacts[0]
        .extra
        .insert("x_future".into(), serde_json::json!(1));
    let text = encode(&plan, now());
    let back = decode(&text).unwrap();
    assert_eq!(back.deals, plan.deals);
    assert_eq!(encode(&back, now()), text);
    assert!(text.contains(r#""roles":["decision_maker"]"#));
}

fn import_one(deal: serde_json::Value) -> keyplan::domain::plan_file::Parsed {
    let file = serde_json::json!({
        "format": "keyplan.plan", "version": 1,
        "deals": [
            {"id": "ok", "name": "n", "customer": "c", "amount": 1, "stage": "P1"},
            deal
        ]
    });
    read(&file.to_string(), Mode::Lenient { now: Utc::now() }).unwrap()
}

#[test]
fn a_bad_contact_leaves_its_deal_out_with_the_path_in_both_languages() {
    let base = |contacts: serde_json::Value, links: serde_json::Value| {
        serde_json::json!({"id": "b", "name": "n", "customer": "c", "amount": 1, "stage": "P2",
            "contacts": contacts, "links": links})
    };
    let good = serde_json::json!({"id": "c1", "name": "张总"});
    let cases = [
        (
            base(serde_json::json!([good, {"id": "c2", "name": "李工", "attitude": "angry"}]), serde_json::json!([])),
            "deals[1].contacts[1].attitude: unknown value \"angry\" (expected opposed, doubtful, neutral, supportive, champion)",
            "未知取值",
        ),
        (
            base(serde_json::json!([good, {"id": "c1", "name": "x"}]), serde_json::json!([])),
            "deals[1].contacts[1].id: contact id \"c1\" is used twice in this deal",
            "重复",
        ),
        (
            base(serde_json::json!([good]), serde_json::json!([{"from": "c1", "to": "c9", "kind": "reports_to"}])),
            "deals[1].links[0].to: no contact of this deal has the id \"c9\"",
            "联系人",
        ),
        (
            base(serde_json::json!([{"id": "c3", "name": " "}]), serde_json::json!([])),
            "deals[1].contacts[0].name: ",
            "不能为空",
        ),
    ];
    for (deal, en, zh) in cases {
        let parsed = import_one(deal);
        assert_eq!(parsed.plan.deals.len(), 1, "the good deal stays");
        let rejected = &parsed.rejected[0];
        let english = Lang::En.rejected(rejected);
        assert!(english.starts_with(en), "{english}");
        assert!(Lang::Zh.rejected(rejected).contains(zh));
    }
}

#[test]
fn a_merge_keeps_every_contact_by_id_and_the_chosen_version_of_each() {
    let mut mine = plan_with(&[("a", 100, Stage::P2)]);
    let mut theirs = mine.clone();
    let m = Rc::make_mut(&mut mine.deals[0]);
    m.people.contacts = vec![
        contact("c1", "张总 (mine)", Level::Top, &[Role::DecisionMaker]),
        contact("c2", "李工", Level::Middle, &[]),
    ];
    let t = Rc::make_mut(&mut theirs.deals[0]);
    t.people.contacts = vec![
        contact("c1", "张总 (theirs)", Level::Top, &[Role::DecisionMaker]),
        contact("c3", "王工", Level::Operational, &[]),
    ];
    t.people.links = vec![Link {
        from: ContactId::new("c3"),
        to: ContactId::new("c1"),
        kind: LinkKind::ReportsTo,
    }];
    t.updated = later(5);
    let files = vec![(
        "f".to_string(),
        keyplan::domain::plan_file::Parsed {
            plan: theirs,
            ..Default::default()
        },
    )];
    let p = preview(&mine, &files);
    let merged = merge(&mine, &p, Rule::NewestWins, &BTreeMap::new());
    let names: Vec<&str> = merged.deals[0]
        .people
        .contacts
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(names, ["张总 (theirs)", "王工", "李工"]);
    assert_eq!(merged.deals[0].people.links.len(), 1);
    let kept = merge(&mine, &p, Rule::KeepMine, &BTreeMap::new());
    let names: Vec<&str> = kept.deals[0]
        .people
        .contacts
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(names, ["张总 (mine)", "李工", "王工"]);
}

fn rules(fl: &[Flag]) -> Vec<&'static str> {
    fl.iter().map(Flag::rule).collect()
}

#[test]
fn every_coverage_flag_fires_on_its_case_only() {
    let method = Method::default();
    let boss = with(
        contact("c1", "张总", Level::Top, &[Role::DecisionMaker]),
        Attitude::Supportive,
        Relationship::Trusted,
        Influence::High,
    );
    let mut coach = with(
        contact("c2", "王工", Level::Middle, &[Role::Coach]),
        Attitude::Champion,
        Relationship::Ally,
        Influence::Medium,
    );
    coach.last_contact = Some(today());
    let mut boss_seen = boss.clone();
    boss_seen.last_contact = Some(date("2026-11-20"));
    let good = deal_at(Stage::P4, vec![boss_seen.clone(), coach.clone()]);
    assert_eq!(flags(&method, &good, today()), vec![]);

    let lead = deal_at(Stage::P0, vec![]);
    assert_eq!(
        flags(&method, &lead, today()),
        vec![],
        "P0 is before chain_from"
    );
    let empty = deal_at(Stage::P4, vec![]);
    assert_eq!(
        rules(&flags(&method, &empty, today())),
        [
            "decision_maker_unknown",
            "no_coach",
            "single_threaded",
            "top_not_reached"
        ]
    );
    let mut neutral = boss_seen.clone();
    neutral.attitude = None;
    let d = deal_at(Stage::P3, vec![neutral, coach.clone()]);
    assert_eq!(
        flags(&method, &d, today()),
        vec![Flag::DecisionMakerNotFor {
            name: "张总".into(),
            attitude: Attitude::Neutral
        }]
    );
    let d = deal_at(Stage::P4, vec![boss.clone(), coach.clone()]);
    assert_eq!(
        flags(&method, &d, today()),
        vec![Flag::NotContacted {
            name: "张总".into(),
            days: None
        }]
    );
    let mut old = boss_seen.clone();
    old.last_contact = Some(date("2026-10-27"));
    assert_eq!(
        flags(
            &method,
            &deal_at(Stage::P4, vec![old, coach.clone()]),
            today()
        ),
        vec![Flag::NotContacted {
            name: "张总".into(),
            days: Some(31)
        }]
    );
    let mut blocker = with(
        contact("c3", "潘总监", Level::Middle, &[Role::Technical]),
        Attitude::Opposed,
        Relationship::Acquainted,
        Influence::High,
    );
    blocker.last_contact = Some(today());
    let d = deal_at(
        Stage::P4,
        vec![boss_seen.clone(), coach.clone(), blocker.clone()],
    );
    assert_eq!(
        rules(&flags(&method, &d, today())),
        ["blocker_without_plan"]
    );
    blocker.notes = "请杜总监出面做技术澄清".into();
    let d = deal_at(Stage::P4, vec![boss_seen.clone(), coach.clone(), blocker]);
    assert_eq!(flags(&method, &d, today()), vec![]);
    let mut lone = coach.clone();
    lone.relationship = Some(Relationship::Acquainted);
    let d = deal_at(Stage::P3, vec![boss_seen.clone(), lone]);
    assert_eq!(
        flags(&method, &d, today()),
        vec![Flag::SingleThreaded { close: 1 }]
    );
    let mut middle_boss = boss_seen.clone();
    middle_boss.level = Some(Level::Middle);
    let d = deal_at(Stage::P5, vec![middle_boss, coach]);
    assert_eq!(
        flags(&method, &d, today()),
        vec![Flag::TopNotReached { stage: Stage::P5 }]
    );
    assert!(!Lang::Zh.flag(&Flag::NoCoach).is_empty());
}

#[test]
fn the_map_supports_or_contradicts_linked_gate_items_and_ticks_need_evidence() {
    let method = Method::default();
    let mut deal = deal_at(Stage::P3, vec![]);
    assert_eq!(
        map_says(&deal, MapRule::DecisionChain),
        Verdict::Silent(MapWhy::NoContacts)
    );
    deal.people.contacts = vec![with(
        contact("c1", "李工", Level::Operational, &[Role::User]),
        Attitude::Supportive,
        Relationship::Familiar,
        Influence::Low,
    )];
    let chain = keyplan::domain::method::GateId("p2-decision-chain-known".into());
    deal.gates.insert(
        chain.clone(),
        GateCheck {
            on: today(),
            evidence: String::new(),
        },
    );
    let item = method.find_item(&chain).unwrap().1;
    assert!(
        item.evidence && !met(item, &deal),
        "a tick without evidence is not met"
    );
    assert_eq!(contradicted(&method, &deal), vec![]);
    deal.gates.get_mut(&chain).unwrap().evidence = "决策链图".into();
    assert!(met(item, &deal));
    assert_eq!(contradicted(&method, &deal), vec![chain.clone()]);
    let map = gate_map(&method, &deal);
    assert_eq!(
        map.iter().map(|g| g.item.as_str()).collect::<Vec<_>>(),
        [
            "p2-decision-chain-known",
            "p3-mid-relations-good",
            "p3-approval-process-known",
            "p3-mid-level-backing",
            "p4-top-level-relations",
            "p4-fishnet-map"
        ]
    );
    assert_eq!(
        map[0].verdict,
        Verdict::Contradicts(MapWhy::NoDecisionMaker)
    );
    deal.people.contacts[0].roles.push(Role::DecisionMaker);
    assert_eq!(
        map_says(&deal, MapRule::DecisionChain),
        Verdict::Supports(MapWhy::DecisionMaker("李工".into()))
    );
    assert_eq!(
        map_says(&deal, MapRule::MapComplete),
        Verdict::Contradicts(MapWhy::LevelEmpty(Level::Top))
    );
    assert_eq!(contradicted(&method, &deal), vec![]);
}

#[test]
fn the_score_adds_up_by_hand() {
    // default weights: gates 35, chain 30, competition 15, freshness 10, slips 10
    let mut plan = plan_with(&[("a", 100, Stage::P2)]);
    plan.method = Rc::new(Method::default());
    let method = plan.method.clone();
    let mut deal = (*plan.deals[0]).clone();
    for stage in [Stage::P0, Stage::P1] {
        for item in method.active_gate(stage) {
            deal.gates.insert(
                item.id.clone(),
                GateCheck {
                    on: today(),
                    evidence: "纪要".into(),
                },
            );
        }
    }
    assert_eq!(verified_stage(&method, &deal), Stage::P2);
    deal.people.contacts = vec![
        with(
            contact("c1", "张总", Level::Top, &[Role::DecisionMaker]),
            Attitude::Neutral,
            Relationship::Familiar,
            Influence::High,
        ),
        with(
            contact("c2", "王工", Level::Middle, &[Role::Coach]),
            Attitude::Champion,
            Relationship::Trusted,
            Influence::Medium,
        ),
    ];
    deal.people.competitors = vec![Competitor {
        name: "A".into(),
        relationship: Some(Relationship::Trusted),
        price: Some(PricePosition::Lower),
        ..Competitor::default()
    }];
    // P2 stale limit in the default method
    let limit = method.rules(Stage::P2).stale_days;
    deal.updated = now() - chrono::Duration::days(i64::from(limit) + limit as i64 / 2);
    deal.expected_close = Some(date("2026-11-27"));
    let s = score(&method, &deal, today(), &Utc);
    let points: Vec<(u32, u32)> = s.parts.iter().map(|p| (p.points, p.max)).collect();
    // gates 35·2/7 = 10; chain 30·3/4 = 22.5 → 23; competition: level (2/3) less a third
    // for the cheaper rival = 15·1/3 = 5; freshness: half past the limit = 10·1/2 = 5; slips 10
    assert_eq!(points, [(10, 35), (23, 30), (5, 15), (5, 10), (10, 10)]);
    assert_eq!(s.total, 53);
    assert_eq!(
        s.parts[2].why,
        ScoreWhy::Position {
            ours: Relationship::Trusted,
            theirs: Relationship::Trusted,
            cheaper: true
        }
    );
    assert!(
        matches!(s.raise_most(), Some(Raise::MeetGate(_))),
        "{:?}",
        s.raise_most()
    );
    assert!(Lang::En.score_why(&s.parts[0].why).contains("P2"));
    assert!(!Lang::Zh.raise(s.raise_most().unwrap(), &method).is_empty());
    // 14 days past a close date with a 21-day limit: slips 10·7/21 = 3.3 → 3
    assert_eq!(limit, 21);
    let mut late = deal.clone();
    late.expected_close = Some(date("2026-11-13"));
    let slips = &score(&method, &late, today(), &Utc).parts[4];
    assert_eq!(
        (slips.points, &slips.why),
        (3, &ScoreWhy::Overdue { days: 14, slips: 0 })
    );
    assert_eq!(slips.raise, Some(Raise::Redate));

    let mut weights_only_chain = (*method).clone();
    for part in ScorePart::ALL
        .into_iter()
        .filter(|p| *p != ScorePart::Chain)
    {
        weights_only_chain.set_weight(part, 0).unwrap();
    }
    assert!(weights_only_chain.set_weight(ScorePart::Chain, 0).is_err());
    // 23 of 30 → 76.7 → 77
    assert_eq!(score(&weights_only_chain, &deal, today(), &Utc).total, 77);
}

fn session(plan: Plan) -> Rc<Session> {
    common::session_with(plan)
}

#[test]
fn the_reducer_edits_people_and_the_method_rules_about_them() {
    let mut plan = plan_with(&[("a", 100, Stage::P2)]);
    plan.method = Rc::new(Method::default());
    let state = session(plan);
    let a = DealId::new("a");
    let edit = |state: &Rc<Session>, edit| {
        state.clone().reduce(Action::EditPeople {
            id: a.clone(),
            edit,
            now: later(1),
        })
    };
    let one = edit(
        &state,
        PeopleEdit::AddContact(contact("c1", "张总", Level::Top, &[])),
    );
    assert_eq!(one.revision, state.revision + 1);
    assert_eq!(one.plan.deals[0].updated, later(1));
    let two = edit(
        &one,
        PeopleEdit::AddContact(contact("c2", "王工", Level::Middle, &[])),
    );
    let refused = edit(
        &two,
        PeopleEdit::AddContact(contact("c2", "x", Level::Middle, &[])),
    );
    assert!(
        Rc::ptr_eq(&refused, &two),
        "an id used twice changes nothing"
    );
    let link = Link {
        from: ContactId::new("c2"),
        to: ContactId::new("c1"),
        kind: LinkKind::ReportsTo,
    };
    let linked = edit(&two, PeopleEdit::AddLink(link.clone()));
    assert_eq!(linked.plan.deals[0].people.links, vec![link]);
    let removed = edit(&linked, PeopleEdit::RemoveContact(ContactId::new("c1")));
    assert!(removed.plan.deals[0].people.links.is_empty());
    let rivals = edit(
        &removed,
        PeopleEdit::AddCompetitor(Competitor {
            name: "A".into(),
            ..Competitor::default()
        }),
    );
    assert!(Rc::ptr_eq(
        &edit(
            &rivals,
            PeopleEdit::AddCompetitor(Competitor {
                name: " a ".into(),
                ..Competitor::default()
            })
        ),
        &rivals
    ));
    let text = encode(&rivals.plan, now());
    assert_eq!(decode(&text).unwrap().deals, rivals.plan.deals);

    let method = rivals.reduce(Action::EditMethod(MethodEdit::ContactDays(14)));
    assert_eq!(method.plan.method.people.contact_days, 14);
    let method = method.reduce(Action::EditMethod(MethodEdit::Weight(ScorePart::Slips, 0)));
    assert_eq!(method.plan.method.people.weights.slips, 0);
    let bad = method
        .clone()
        .reduce(Action::EditMethod(MethodEdit::ContactDays(0)));
    assert!(bad.method_error.is_some());
    let chain = keyplan::domain::method::GateId("p2-decision-chain-known".into());
    let off = method.reduce(Action::EditMethod(MethodEdit::Evidence(
        chain.clone(),
        false,
    )));
    assert!(!off.plan.method.find_item(&chain).unwrap().1.evidence);
    let saved = decode(&encode(&off.plan, now())).unwrap();
    assert_eq!(
        saved.method, off.plan.method,
        "the rules save and read back"
    );
}

#[test]
fn closing_a_deal_records_its_post_mortem() {
    let mut plan = plan_with(&[("a", 100, Stage::P3)]);
    let review = Review {
        why: "价格".into(),
        competitor: "本地供应商".into(),
        learned: "高层要早突破".into(),
        ..Review::default()
    };
    plan.lose(
        &DealId::new("a"),
        keyplan::domain::plan::Loss {
            lost_on: today(),
            reason: "价格".into(),
            competitor: "本地供应商".into(),
            review: review.clone(),
        },
        later(1),
    )
    .unwrap();
    assert_eq!(plan.deals[0].people.review, review);
}

#[test]
fn the_training_case_has_the_cases_a_trainer_discusses() {
    let plan = sample_plan(today(), now());
    let method = plan.method.clone();
    for deal in &plan.deals {
        let n = deal.people.contacts.len();
        assert!((4..=10).contains(&n), "{}: {n}", deal.name);
        let people: &People = &deal.people;
        for link in &people.links {
            assert!(people.contact(&link.to).is_some());
        }
    }
    let rules_of = |i: usize| rules(&flags(&method, &plan.deals[i], today()));
    assert!(rules_of(3).contains(&"single_threaded"));
    assert!(rules_of(6).contains(&"top_not_reached"));
    assert!(rules_of(7).contains(&"blocker_without_plan"));
    assert!(plan.deals[10].people.review.learned.contains("高层"));
    // ticked items carry the evidence the method asks for
    for deal in &plan.deals {
        for (id, check) in &deal.gates {
            let item = method.find_item(id).unwrap().1;
            assert!(!item.evidence || !check.evidence.is_empty());
        }
    }
}

/// A contact with a blank id is refused by the editor as it is by the file's reader: a plan
/// holding one could not be read back (the stored text would be unreadable).
#[test]
fn a_contact_without_an_id_is_refused_so_the_plan_always_reads_back() {
    use keyplan::domain::people::{PeopleEdit, PeopleError};
    let mut deal = deal_at(Stage::P1, vec![]);
    let blank = contact(" ", "王总", Level::Top, &[Role::DecisionMaker]);
    assert_eq!(
        deal.people.apply(PeopleEdit::AddContact(blank.clone())),
        Err(PeopleError::IdRequired)
    );
    assert!(deal.people.contacts.is_empty());
    assert!(!Lang::Zh.people_error(&PeopleError::IdRequired).is_empty());
    assert!(!Lang::En.people_error(&PeopleError::IdRequired).is_empty());
}

/// A file's method rules about people meet the same limits as the method editor's: a file cannot
/// set a zero-day contact limit (everyone flagged) or weigh every part of the score 0.
#[test]
fn method_rules_from_a_file_meet_the_editors_limits() {
    let file = |people: serde_json::Value| {
        let mut method = serde_json::to_value(Method::default()).unwrap();
        method["people"] = people;
        serde_json::json!({"format": "keyplan.plan", "version": 2, "method": method, "deals": []})
            .to_string()
    };
    let refused = |text: String| match read(&text, Mode::Lenient { now: now() }) {
        Err(why) => (
            common::said(&why),
            keyplan::i18n::Lang::Zh.problem_at(match &why {
                keyplan::domain::plan_file::Unreadable::Invalid(p) => p,
                other => panic!("{other:?}"),
            }),
        ),
        Ok(_) => panic!("expected {text} to be refused"),
    };
    let (en, zh) = refused(file(serde_json::json!({"contact_days": 0})));
    assert_eq!(en, "method.people.contact_days: 0 is less than 1");
    assert!(zh.contains("低于下限"), "{zh}");
    let zero =
        serde_json::json!({"gates": 0, "chain": 0, "competition": 0, "freshness": 0, "slips": 0});
    let (en, zh) = refused(file(serde_json::json!({ "weights": zero })));
    assert_eq!(
        en,
        "method.people.weights: the score's weights cannot all be 0"
    );
    assert!(zh.contains("权重"), "{zh}");
    let fine = file(serde_json::json!({"contact_days": 1, "weights": {"gates": 1, "chain": 0}}));
    let read = read(&fine, Mode::Lenient { now: now() }).unwrap();
    assert_eq!(read.plan.method.people.contact_days, 1);
}

/// A map is complete only when every profile says its level; a deal closer to the customer than
/// a cheaper competitor is told to answer the price, not to get closer still.
#[test]
fn a_profile_without_a_level_leaves_the_map_incomplete_and_a_lead_is_told_to_answer_the_price() {
    let full = |c: Contact| {
        let mut c = with(c, Attitude::Supportive, Relationship::Ally, Influence::High);
        c.owner = "王晓明".into();
        c
    };
    let mut deal = deal_at(
        Stage::P4,
        vec![
            full(contact("t", "张总", Level::Top, &[Role::DecisionMaker])),
            full(contact("m", "李工", Level::Middle, &[Role::Coach])),
            full(contact("o", "赵工", Level::Operational, &[Role::User])),
        ],
    );
    assert_eq!(
        map_says(&deal, MapRule::MapComplete),
        Verdict::Supports(MapWhy::Complete(3))
    );
    let mut unplaced = full(contact("x", "钱工", Level::Middle, &[Role::User]));
    unplaced.level = None;
    deal.people.contacts.push(unplaced);
    assert_eq!(
        map_says(&deal, MapRule::MapComplete),
        Verdict::Contradicts(MapWhy::Incomplete("钱工".into()))
    );

    deal.people.competitors = vec![Competitor {
        name: "A".into(),
        relationship: Some(Relationship::Familiar),
        price: Some(PricePosition::Lower),
        ..Competitor::default()
    }];
    let method = Method::default();
    let s = score(&method, &deal, today(), &Utc);
    let competition = &s.parts[2];
    assert_eq!((competition.points, competition.max), (10, 15));
    assert_eq!(competition.raise, Some(Raise::AnswerPrice));
    assert!(Lang::Zh
        .raise(&Raise::AnswerPrice, &method)
        .contains("报价"));
}

/// Competitors are changed and removed by name, so that an edit made on a list another tab has
/// since reordered changes the competitor the person meant, or none.
#[test]
fn competitors_are_changed_and_removed_by_name_not_position() {
    use keyplan::domain::people::{PeopleEdit, PeopleError};
    let named = |name: &str| Competitor {
        name: name.into(),
        ..Competitor::default()
    };
    let mut deal = deal_at(Stage::P2, vec![]);
    for name in ["甲公司", "乙公司"] {
        deal.people
            .apply(PeopleEdit::AddCompetitor(named(name)))
            .unwrap();
    }
    // another tab put 乙 first; this tab still shows 甲 first and edits it
    deal.people.competitors.reverse();
    let mut cheaper = named("甲公司");
    cheaper.price = Some(PricePosition::Lower);
    deal.people
        .apply(PeopleEdit::UpdateCompetitor(" 甲公司 ".into(), cheaper))
        .unwrap();
    assert_eq!(deal.people.competitors[1].price, Some(PricePosition::Lower));
    assert_eq!(deal.people.competitors[0].price, None, "乙 untouched");
    deal.people
        .apply(PeopleEdit::RemoveCompetitor("乙公司".into()))
        .unwrap();
    assert_eq!(deal.people.competitors.len(), 1);
    assert_eq!(deal.people.competitors[0].name, "甲公司");
    assert_eq!(
        deal.people
            .apply(PeopleEdit::RemoveCompetitor("丙公司".into())),
        Err(PeopleError::NoSuchCompetitor("丙公司".into()))
    );
    assert!(Lang::Zh
        .people_error(&PeopleError::NoSuchCompetitor("丙公司".into()))
        .contains("丙公司"));
}

/// Moving an open deal's expected signing date is kept in its history; moves later (or taking
/// the date away) are slips, and slips take the score's slips part down, a third each.
#[test]
fn close_date_slips_are_kept_in_the_history_and_count_in_the_score() {
    use keyplan::domain::deal::CloseMove;
    let mut plan = Plan::default();
    let id = DealId::new("a");
    let mut f = common::fields("MES", 100, Stage::P2);
    f.expected_close = Some(today() + chrono::Duration::days(30));
    plan.add(id.clone(), f.clone(), now()).unwrap();
    assert!(
        plan.deals[0].history.is_empty(),
        "the first date is no change"
    );
    let slips = |plan: &Plan| {
        let s = score(&plan.method, &plan.deals[0], today(), &Utc);
        (s.parts[4].points, s.parts[4].why.clone())
    };
    assert_eq!(slips(&plan), (10, ScoreWhy::Overdue { days: 0, slips: 0 }));
    let mut move_to = |plan: &mut Plan, day: Option<chrono::NaiveDate>, at| {
        f.expected_close = day;
        plan.edit(&id, f.clone(), at).unwrap();
    };
    let first = today() + chrono::Duration::days(30);
    let later_day = today() + chrono::Duration::days(60);
    move_to(&mut plan, Some(later_day), later(1));
    assert_eq!(
        plan.deals[0].history.last().and_then(|c| c.close),
        Some(CloseMove {
            was: Some(first),
            now: Some(later_day)
        })
    );
    assert_eq!(
        plan.deals[0].history.last().map(|c| (c.from, c.to)),
        Some((Stage::P2, Stage::P2))
    );
    // 10 · 2/3 = 6.67 → 7
    assert_eq!(slips(&plan), (7, ScoreWhy::Overdue { days: 0, slips: 1 }));
    move_to(&mut plan, Some(first), later(2));
    assert_eq!(slips(&plan).0, 7, "pulling the date in is no slip");
    move_to(&mut plan, None, later(3));
    assert_eq!(slips(&plan), (3, ScoreWhy::Overdue { days: 0, slips: 2 }));
    move_to(&mut plan, Some(later_day), later(4));
    move_to(
        &mut plan,
        Some(later_day + chrono::Duration::days(1)),
        later(5),
    );
    assert_eq!(slips(&plan), (0, ScoreWhy::Overdue { days: 0, slips: 3 }));
    assert_eq!(plan.deals[0].history.len(), 5);
    // an edit that leaves the date alone adds nothing
    move_to(
        &mut plan,
        Some(later_day + chrono::Duration::days(1)),
        later(6),
    );
    assert_eq!(plan.deals[0].history.len(), 5);
    // kept in the file, both ways
    let again = decode(&encode(&plan, now())).unwrap();
    assert_eq!(again.deals[0].history, plan.deals[0].history);
    assert!(encode(&plan, now()).contains(r#""close":{"was":"#));
    assert!(Lang::Zh.score_why(&slips(&plan).1).contains("推迟 3 次"));
}

/// Fields a newer keyplan may add to competitors, the SWOT and the post-mortem are kept through
/// a read and a save, as a contact's are: this version never erases what it does not know.
#[test]
fn unknown_fields_of_competitors_swot_and_review_are_kept() {
    let file = serde_json::json!({"format": "keyplan.plan", "version": 2, "deals": [{
        "id": "a", "name": "n", "customer": "c", "amount": 1, "stage": "P2",
        "created": "2026-01-01T00:00:00Z", "updated": "2026-01-01T00:00:00Z",
        "competitors": [{"name": "甲公司", "share": 0.3}],
        "swot": {"so": "x", "matrix": [1, 2]},
        "review": {"why": "价格", "rating": 4}
    }]})
    .to_string();
    let plan = decode(&file).unwrap();
    let deal = &plan.deals[0];
    assert_eq!(
        deal.people.competitors[0].extra["share"],
        serde_json::json!(0.3)
    );
    assert_eq!(deal.people.swot.extra["matrix"], serde_json::json!([1, 2]));
    assert_eq!(deal.people.review.extra["rating"], serde_json::json!(4));
    let written = encode(&plan, now());
    assert!(written.contains(r#""share":0.3"#), "{written}");
    assert!(written.contains(r#""matrix":[1,2]"#) && written.contains(r#""rating":4"#));
    assert_eq!(decode(&written).unwrap(), plan);
    // the quick reader takes the same way
    assert_eq!(read(&file, Mode::Strict).unwrap().plan, plan);
}

/// P3's "decision chain known in detail" needs the whole chain with attitudes known, "middle-level
/// backing" a middle-level supporter, and "middle and lower-level relations" counts the
/// operational level too (methodology §2.3, P3's gate).
#[test]
fn the_p3_map_tests_ask_for_the_chain_in_detail_and_a_middle_level_supporter() {
    let method = Method::default();
    let linked = |id: &str| {
        method
            .find_item(&keyplan::domain::method::GateId(id.into()))
            .and_then(|(_, item)| item.map)
    };
    assert_eq!(
        linked("p3-approval-process-known"),
        Some(MapRule::ChainDetail)
    );
    assert_eq!(linked("p3-mid-level-backing"), Some(MapRule::MiddleBacking));
    assert_eq!(
        linked("p3-mid-relations-good"),
        Some(MapRule::MiddleRelations)
    );

    let dm = with(
        contact("t", "张总", Level::Top, &[Role::DecisionMaker]),
        Attitude::Supportive,
        Relationship::Familiar,
        Influence::High,
    );
    let mut deal = deal_at(Stage::P3, vec![dm]);
    assert_eq!(
        map_says(&deal, MapRule::ChainDetail),
        Verdict::Contradicts(MapWhy::RolesMissing(vec![
            Role::Technical,
            Role::User,
            Role::Buyer
        ]))
    );
    let doubtful = with(
        contact("m", "李工", Level::Middle, &[Role::Technical, Role::User]),
        Attitude::Doubtful,
        Relationship::Familiar,
        Influence::Medium,
    );
    deal.people.contacts.push(doubtful);
    let mut buyer = contact("b", "赵采购", Level::Operational, &[Role::Buyer]);
    buyer.relationship = Some(Relationship::Trusted);
    deal.people.contacts.push(buyer);
    assert_eq!(
        map_says(&deal, MapRule::ChainDetail),
        Verdict::Contradicts(MapWhy::AttitudeUnknown("赵采购".into()))
    );
    deal.people.contacts[2].attitude = Some(Attitude::Neutral);
    assert_eq!(
        map_says(&deal, MapRule::ChainDetail),
        Verdict::Supports(MapWhy::ChainKnown(3))
    );
    // a familiar but doubtful middle manager is no backing
    assert_eq!(
        map_says(&deal, MapRule::MiddleBacking),
        Verdict::Contradicts(MapWhy::NoBacking)
    );
    deal.people.contacts[1].attitude = Some(Attitude::Supportive);
    assert_eq!(
        map_says(&deal, MapRule::MiddleBacking),
        Verdict::Supports(MapWhy::Backing("李工".into()))
    );
    // middle and lower levels: an operational contact counts
    let only_lower = deal_at(Stage::P3, vec![deal.people.contacts[2].clone()]);
    assert_eq!(
        map_says(&only_lower, MapRule::MiddleRelations),
        Verdict::Supports(MapWhy::Middle("赵采购".into()))
    );
    assert!(Lang::Zh
        .map_why(&MapWhy::RolesMissing(vec![Role::Buyer]))
        .contains("采购"));
    assert!(!Lang::En.map_rule(MapRule::MiddleBacking).is_empty());
}

/// The SWOT, the review and the people are empty exactly when they equal their defaults: each
/// field alone (an unknown one too) makes them not empty, so a save never drops what one holds.
#[test]
fn emptiness_is_told_field_by_field() {
    assert!(Swot::default().is_empty() && Review::default().is_empty());
    assert!(People::default().is_empty());
    let extra = || BTreeMap::from([("later".to_string(), serde_json::json!(1))]);
    let swots: Vec<Swot> = (0..9)
        .map(|field| {
            let mut swot = Swot::default();
            let text = "x".to_string();
            match field {
                0 => swot.strengths = text,
                1 => swot.weaknesses = text,
                2 => swot.opportunities = text,
                3 => swot.threats = text,
                4 => swot.so = text,
                5 => swot.st = text,
                6 => swot.wo = text,
                7 => swot.wt = text,
                _ => swot.extra = extra(),
            }
            swot
        })
        .collect();
    for swot in &swots {
        assert!(!swot.is_empty(), "{swot:?}");
        let people = People {
            swot: swot.clone(),
            ..People::default()
        };
        assert!(!people.is_empty(), "{people:?}");
    }
    for field in 0..4 {
        let mut review = Review::default();
        match field {
            0 => review.why = "价格".to_string(),
            1 => review.competitor = "竞品甲".to_string(),
            2 => review.learned = "早做高层".to_string(),
            _ => review.extra = extra(),
        }
        assert!(!review.is_empty(), "{review:?}");
        let people = People {
            review,
            ..People::default()
        };
        assert!(!people.is_empty(), "{people:?}");
    }
    let one = |edit: fn(&mut People)| {
        let mut people = People::default();
        edit(&mut people);
        people.is_empty()
    };
    assert!(!one(|p| p.contacts.push(contact(
        "c1",
        "王总",
        Level::Top,
        &[]
    ))));
    assert!(!one(|p| p.links.push(Link {
        from: ContactId::new("c1"),
        to: ContactId::new("c2"),
        kind: LinkKind::ReportsTo,
    })));
    assert!(!one(|p| p.competitors.push(Competitor {
        name: "竞品甲".to_string(),
        ..Competitor::default()
    })));
}
