//! The built-in training case: 销售小王 (Wang Xiaoming) and his team's thirteen deals across P0–P7.
//! Dates are relative to the day the sample is loaded, so the case always looks current.
use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Datelike, Days, NaiveDate, Utc};

use std::rc::Rc;

use super::deal::{Deal, DealId, DealStatus, GateCheck, StageChange};
use super::method::{GateId, Method};
use super::money::{Currency, Money};
use super::people::{
    Attitude, Competitor, Contact, ContactId, Influence, Level, Link, LinkKind, People,
    PricePosition, Relationship, Review, Role,
};
use super::period::{month_index, month_start, Granularity, Period};
use super::plan::Plan;
use super::quota::{Quota, QuotaPeriod};
use super::stage::Stage;

struct Row {
    name: &'static str,
    customer: &'static str,
    amount: i64,
    stage: Stage,
    status: DealStatus,
    /// Days from today to the expected close (negative: in the past); `None`: not known yet.
    close_in: Option<i64>,
    owner: &'static str,
    product: &'static str,
    region: &'static str,
    segment: &'static str,
    next_step: &'static str,
    notes: &'static str,
    age_days: u64,
    /// Days since the last update.
    idle_days: u64,
    /// Gate items of passed stages that are still unmet (training points).
    gaps: &'static [&'static str],
    /// The reason recorded when the deal was moved past `gaps`; none: it was created that far on.
    override_reason: Option<&'static str>,
    /// Evidence recorded for some items.
    evidence: &'static [(&'static str, &'static str)],
    /// A lost deal: why, and to whom.
    lost: Option<(&'static str, &'static str)>,
    /// A won deal: signed this many months before today's, on this day of that month. The
    /// deal's days (created, last update) then count back from that day, not from today.
    signed: Option<(i32, u32)>,
}

const NO_GAPS: &[&str] = &[];
const NO_EVIDENCE: &[(&str, &str)] = &[];

const ROWS: [Row; 13] = [
    Row {
        name: "智能仓储系统一期",
        customer: "蓝海物流集团",
        amount: 1_280_000,
        stage: Stage::P0,
        status: DealStatus::Open,
        close_in: Some(150),
        owner: "王晓明",
        product: "智能仓储",
        region: "华东",
        segment: "物流",
        next_step: "电话邀约物流中心总监，约定首次拜访",
        notes: "展会上收集的线索：新建华东分拨中心，仓库面积约 3 万平方米。",
        age_days: 6,
        idle_days: 2,
        gaps: NO_GAPS,
        override_reason: None,
        lost: None,
        signed: None,
        evidence: NO_EVIDENCE,
    },
    Row {
        name: "产线能耗监测平台",
        customer: "中原化工股份",
        amount: 860_000,
        stage: Stage::P1,
        status: DealStatus::Open,
        close_in: Some(120),
        owner: "王晓明",
        product: "能耗管理平台",
        region: "华中",
        segment: "化工",
        next_step: "第二次拜访：确认项目规模、技术指标和联系人电话",
        notes: "设备部认可能耗问题存在，但尚未确定预算。",
        age_days: 21,
        idle_days: 6,
        gaps: NO_GAPS,
        override_reason: None,
        lost: None,
        signed: None,
        evidence: &[(
            "p0-info-verified",
            "设备部张经理电话确认：明年上半年启动能耗改造",
        )],
    },
    Row {
        name: "全厂MES升级",
        customer: "华东精密制造",
        amount: 3_600_000,
        stage: Stage::P2,
        status: DealStatus::Open,
        close_in: Some(95),
        owner: "李娜",
        product: "MES系统",
        region: "华东",
        segment: "制造业",
        next_step: "画出决策链，确认是内定还是招标",
        notes: "客户已正式立项，预算 400 万以内；竞争对手 A 已做过两次技术交流。",
        age_days: 40,
        idle_days: 4,
        gaps: &["p1-competitors-known"],
        override_reason: None,
        lost: None,
        signed: None,
        evidence: &[("p2-project-approved", "客户立项批复（2026 年第 31 号文）")],
    },
    Row {
        name: "园区能源管理",
        customer: "北方重工集团",
        amount: 1_600_000,
        stage: Stage::P2,
        status: DealStatus::Open,
        close_in: Some(70),
        owner: "陈静",
        product: "能耗管理平台",
        region: "华北",
        segment: "制造业",
        next_step: "组建我方项目小组，制定销售策略和营销计划",
        notes: "",
        age_days: 33,
        idle_days: 9,
        gaps: NO_GAPS,
        override_reason: None,
        lost: None,
        signed: None,
        evidence: NO_EVIDENCE,
    },
    Row {
        name: "变电站在线监测",
        customer: "江南电力设计院",
        amount: 2_450_000,
        stage: Stage::P3,
        status: DealStatus::Open,
        close_in: Some(75),
        owner: "张伟",
        product: "工业传感器",
        region: "华东",
        segment: "能源",
        next_step: "安排技术交流会，邀请中层技术骨干参加",
        notes: "技术部王工支持我方方案；需要打通技术人员的宣讲渠道。",
        age_days: 58,
        idle_days: 3,
        gaps: NO_GAPS,
        override_reason: None,
        lost: None,
        signed: None,
        evidence: &[
            (
                "p2-decision-chain-known",
                "决策链图：总工办牵头，技术部王工为关键人，公开招标",
            ),
            ("p2-close-forecast", "预计 2 月签约，金额 245 万"),
        ],
    },
    Row {
        name: "冷链仓储温控改造",
        customer: "南粤食品集团",
        amount: 720_000,
        stage: Stage::P1,
        status: DealStatus::Open,
        close_in: Some(110),
        owner: "陈静",
        product: "智能仓储",
        region: "华南",
        segment: "食品",
        next_step: "了解竞争对手的基本情况",
        notes: "",
        age_days: 12,
        idle_days: 5,
        gaps: NO_GAPS,
        override_reason: None,
        lost: None,
        signed: None,
        evidence: NO_EVIDENCE,
    },
    Row {
        name: "数据中心能效管理",
        customer: "华信银行",
        amount: 1_950_000,
        stage: Stage::P4,
        status: DealStatus::Open,
        close_in: Some(45),
        owner: "李娜",
        product: "能耗管理平台",
        region: "华北",
        segment: "金融",
        next_step: "拜访信息中心总经理，汇报方案差异分析",
        notes: "中层关系稳固，渔网图已完成；高层倾向尚不明确。",
        age_days: 80,
        idle_days: 19,
        gaps: NO_GAPS,
        override_reason: None,
        lost: None,
        signed: None,
        evidence: &[(
            "p3-approval-process-known",
            "审批流程：信息中心→分管副行长→总行采购委员会",
        )],
    },
    Row {
        name: "汽车零部件追溯系统",
        customer: "星辰汽车零部件",
        amount: 2_980_000,
        stage: Stage::P5,
        status: DealStatus::Open,
        close_in: Some(28),
        owner: "王晓明",
        product: "MES系统",
        region: "西南",
        segment: "汽车",
        next_step: "项目评估会：确认我方方案排名与决策人承诺",
        notes: "客户正在比较三家方案；我方价格比竞品高 8%。",
        age_days: 96,
        idle_days: 2,
        gaps: &["p4-top-level-relations"],
        override_reason: Some("客户要求月底前提交最终方案和报价，高层拜访已约在下周，先按 P5 推进"),
        lost: None,
        signed: None,
        evidence: &[("p4-fishnet-map", "渔网图 v3 与重点客户档案表已更新")],
    },
    Row {
        name: "港口设备预测性维护",
        customer: "东海港务集团",
        amount: 4_200_000,
        stage: Stage::P6,
        status: DealStatus::Open,
        close_in: Some(12),
        owner: "张伟",
        product: "工业传感器",
        region: "华东",
        segment: "物流",
        next_step: "合同条款谈判：付款节点和验收标准",
        notes: "决策人已口头承诺；法务正在审合同。",
        age_days: 120,
        idle_days: 1,
        gaps: NO_GAPS,
        override_reason: None,
        lost: None,
        signed: None,
        evidence: &[
            (
                "p5-decision-maker-commitment",
                "总经理在评标会后口头确认选择我方",
            ),
            ("p5-ranked-first", "技术评分第一（92 分）"),
        ],
    },
    Row {
        name: "二期扩容：AGV调度",
        customer: "蓝海物流集团",
        amount: 1_100_000,
        stage: Stage::P7,
        status: DealStatus::Won,
        close_in: None,
        owner: "王晓明",
        product: "智能仓储",
        region: "华东",
        segment: "物流",
        next_step: "实施验收后回访，挖掘三期需求",
        notes: "老客户升级扩容，本月签约。",
        age_days: 70,
        idle_days: 3,
        gaps: NO_GAPS,
        override_reason: None,
        lost: None,
        signed: Some((0, 1)),
        evidence: &[("p6-contract-signed", "合同编号 LH-2026-118，已盖章")],
    },
    Row {
        name: "医药仓储WMS",
        customer: "康宁医药",
        amount: 950_000,
        stage: Stage::P3,
        status: DealStatus::Lost,
        close_in: Some(-20),
        owner: "李娜",
        product: "智能仓储",
        region: "华南",
        segment: "医药",
        next_step: "",
        notes: "丢单原因：价格高于竞品 18%，高层关系没有突破，客户选择了本地供应商。",
        age_days: 140,
        idle_days: 20,
        gaps: NO_GAPS,
        override_reason: None,
        lost: Some(("价格高于竞品 18%，高层关系没有突破", "本地供应商")),
        signed: None,
        evidence: NO_EVIDENCE,
    },
    Row {
        name: "锅炉燃烧优化",
        customer: "西部能源集团",
        amount: 1_380_000,
        stage: Stage::P0,
        status: DealStatus::Open,
        close_in: None,
        owner: "张伟",
        product: "能耗管理平台",
        region: "西南",
        segment: "能源",
        next_step: "核实项目信息是否准确",
        notes: "渠道伙伴提供的信息，尚未核实。",
        age_days: 3,
        idle_days: 3,
        gaps: NO_GAPS,
        override_reason: None,
        lost: None,
        signed: None,
        evidence: NO_EVIDENCE,
    },
    Row {
        name: "配电室智能巡检",
        customer: "江南电力设计院",
        amount: 2_200_000,
        stage: Stage::P7,
        status: DealStatus::Won,
        close_in: None,
        owner: "张伟",
        product: "工业传感器",
        region: "华东",
        segment: "能源",
        next_step: "验收后回访总工办，争取变电站在线监测项目的推荐",
        notes: "三个月前签约：招标前做足了技术交流，技术评分第一。",
        age_days: 120,
        idle_days: 0,
        gaps: NO_GAPS,
        override_reason: None,
        lost: None,
        signed: Some((3, 18)),
        evidence: &[
            ("p5-ranked-first", "技术评分第一（95 分）"),
            ("p6-contract-signed", "合同编号 JN-073，已盖章"),
        ],
    },
];

/// Each deal's decision chain, one contact per line: name, title, department, level (T top, M
/// middle, O operational), roles (D decision maker, T technical, U user, B buyer, I influencer,
/// C coach), influence (H/M/L), attitude 0–4 (opposed … champion), relationship 0–4 (陌生 …
/// 同盟), days since the last contact, the index of the contact they report to (`-`: none),
/// notes. Every contact's owner is the deal's owner.
const CHAINS: [&str; 13] = [
    "周建国,总裁,总裁办,T,D,H,2,0,40,-,\n吴海涛,物流中心总监,物流中心,M,UI,H,3,1,9,0,\n孙丽,仓储经理,物流中心,O,U,M,3,1,9,1,\n钱磊,采购经理,采购部,M,B,M,2,0,-,0,",
    "郑国强,副总经理,总经办,T,D,H,2,0,-,-,\n张明,设备部经理,设备部,M,TI,H,3,2,6,0,\n刘洋,能源主管,设备部,O,UC,M,4,2,6,1,\n何静,采购主管,采购部,O,B,L,2,1,20,0,",
    "陈志远,总经理,总经办,T,D,H,2,1,35,-,\n林涛,信息部部长,信息部,M,TI,H,3,2,4,0,\n黄蕾,生产部部长,生产部,M,U,H,1,1,25,0,\n徐斌,IT 工程师,信息部,O,TC,M,4,3,4,1,\n杨帆,采购经理,采购部,M,B,M,2,1,30,0,",
    "赵德胜,总经理,集团总部,T,D,H,2,0,-,-,\n马骏,能源处处长,能源处,M,TU,H,3,2,9,0,\n朱红,计划员,能源处,O,U,L,2,1,40,1,\n罗平,采购处处长,采购处,M,B,M,2,1,60,0,",
    "高建华,院长,院办,T,D,H,3,2,20,-,\n钱总工,总工程师,总工办,T,TI,H,3,3,10,0,\n王工,技术部主任,技术部,M,TC,H,4,3,3,1,\n冯涛,项目经理,技术部,O,U,M,3,2,3,2,\n邓敏,招标办主任,招标办,M,B,M,2,1,15,0,\n韩雪,设计师,技术部,O,U,L,2,1,30,2,",
    "梁志成,副总裁,集团总部,T,D,H,2,0,-,-,\n宋佳,冷链物流总监,物流部,M,UI,H,3,1,5,0,\n唐亮,仓库主管,物流部,O,U,M,3,1,5,1,\n许飞,采购专员,采购部,O,B,L,2,0,-,0,",
    "沈行长,分管副行长,行领导,T,D,H,2,1,60,-,\n曹总,信息中心总经理,信息中心,T,TI,H,2,1,45,0,\n彭强,运维处处长,信息中心,M,TU,H,4,4,5,1,\n吕娜,机房主管,信息中心,O,UC,M,4,3,5,2,\n蒋伟,采购委员会秘书,采购部,M,B,M,3,2,12,0,\n袁敏,能耗专员,运维处,O,U,L,3,2,20,2,",
    "蔡总,总经理,总经办,T,D,H,3,2,12,-,\n潘建,质量总监,质量部,M,TI,H,0,1,8,0,\n杜鹏,生产总监,生产部,M,U,H,3,3,2,0,\n程亮,IT 经理,信息部,M,TC,M,4,3,2,0,\n贾芳,质量工程师,质量部,O,U,L,2,1,20,1,\n魏东,采购总监,采购部,M,B,M,2,2,10,0,\n夏雨,车间主任,生产部,O,U,M,3,2,6,2,",
    "苏总,总经理,总经办,T,D,H,4,3,3,-,\n丁工,设备部部长,设备部,M,TI,H,4,3,1,0,\n范强,码头运营经理,运营部,M,U,M,3,3,4,0,\n石磊,设备工程师,设备部,O,TUC,M,4,4,1,1,\n姚丽,法务经理,法务部,M,I,M,2,2,2,0,\n谭军,采购经理,采购部,M,B,M,3,2,2,0,",
    "周建国,总裁,总裁办,T,D,H,4,3,10,-,\n吴海涛,物流中心总监,物流中心,M,UI,H,4,4,3,0,\n孙丽,仓储经理,物流中心,O,UC,M,4,3,3,1,\n钱磊,采购经理,采购部,M,B,M,3,2,15,0,",
    "康总,总经理,总经办,T,D,H,1,0,-,-,\n卢芳,储运部经理,储运部,M,UI,H,3,2,25,0,\n韦强,信息主管,信息部,O,T,M,3,2,25,0,\n莫雯,采购主管,采购部,O,B,M,1,1,30,0,",
    "邱总,副总经理,集团总部,T,D,H,2,0,-,-,\n侯伟,生产技术部主任,生产技术部,M,TI,H,2,1,3,0,\n江涛,锅炉车间主任,热电厂,O,U,M,2,0,-,1,\n史青,渠道伙伴联系人,伙伴,O,C,L,3,2,3,-,",
    "高建华,院长,院办,T,D,H,3,2,30,-,\n钱总工,总工程师,总工办,T,TI,H,4,3,20,0,\n冯涛,项目经理,技术部,O,UC,M,4,3,15,1,\n邓敏,招标办主任,招标办,M,B,M,3,2,25,0,",
];

/// Each deal's competitors: name, their relationship 0–4, price (L lower, S similar, H higher).
const RIVALS: [&str; 13] = [
    "",
    "",
    "竞争对手 A,2,S",
    "",
    "本地集成商,2,L",
    "",
    "老牌外企,3,H",
    "竞品甲,2,L\n竞品乙,1,S",
    "竞品甲,2,L",
    "",
    "本地供应商,3,L",
    "",
    "本地集成商,2,L",
];

/// The post-mortems of the closed deals: deal index, why, against whom, what was learned.
const REVIEWS: [(usize, &str, &str, &str); 3] = [
    (
        9,
        "一期交付口碑好，AGV 调度方案贴合二期需求",
        "",
        "老客户的扩容靠一期的交付质量",
    ),
    (
        10,
        "价格高于竞品 18%，高层关系没有突破",
        "本地供应商",
        "P4 前必须建立高层关系；报价前先摸清竞品价格",
    ),
    (
        12,
        "招标前做足技术交流，技术评分第一",
        "本地集成商",
        "技术交流要在招标前完成，先让技术骨干认可方案",
    ),
];

fn code<T: Copy>(all: &[T], c: char, letters: &str) -> Option<T> {
    letters.find(c).map(|i| all[i])
}

/// The people of sample deal `i`, contacted relative to `today`.
fn people_of(i: usize, owner: &str, today: NaiveDate) -> People {
    let mut people = People::default();
    for (k, line) in CHAINS[i].lines().enumerate() {
        let f: Vec<&str> = line.split(',').collect();
        let digit = |s: &str| s.bytes().next().map_or(0, |b| (b - b'0') as usize);
        let mut contact = Contact::named(ContactId::new(format!("c{}", k + 1)), f[0]);
        contact.title = f[1].to_string();
        contact.department = f[2].to_string();
        contact.level = code(Level::ALL, f[3].chars().next().unwrap_or(' '), "TMO");
        contact.roles = f[4]
            .chars()
            .filter_map(|c| code(Role::ALL, c, "DTUBIC"))
            .collect();
        contact.roles.sort();
        contact.influence = code(Influence::ALL, f[5].chars().next().unwrap_or(' '), "HML");
        contact.attitude = Some(Attitude::ALL[digit(f[6])]);
        contact.relationship = Some(Relationship::ALL[digit(f[7])]);
        contact.owner = owner.to_string();
        contact.last_contact = f[8]
            .parse::<u64>()
            .ok()
            .and_then(|d| today.checked_sub_days(Days::new(d)));
        contact.notes = f[10].to_string();
        if let Ok(boss) = f[9].parse::<usize>() {
            people.links.push(Link {
                from: contact.id.clone(),
                to: ContactId::new(format!("c{}", boss + 1)),
                kind: LinkKind::ReportsTo,
            });
        }
        people.contacts.push(contact);
    }
    for line in RIVALS[i].lines() {
        let f: Vec<&str> = line.split(',').collect();
        people.competitors.push(Competitor {
            name: f[0].to_string(),
            relationship: Some(Relationship::ALL[(f[1].as_bytes()[0] - b'0') as usize]),
            price: code(
                PricePosition::ALL,
                f[2].chars().next().unwrap_or(' '),
                "LSH",
            ),
            ..Competitor::default()
        });
    }
    if let Some((_, why, competitor, learned)) = REVIEWS.iter().find(|r| r.0 == i) {
        people.review = Review {
            why: why.to_string(),
            competitor: competitor.to_string(),
            learned: learned.to_string(),
            ..Review::default()
        };
    }
    people
}

/// The sample plan as it looks on `today` (the local day; `now` is the moment it is loaded).
///
/// Its timestamps count back from a clock fixed by the day alone ([`case_clock`]), not from
/// `now`: every copy of the case loaded on the same day is the same to the second, so two
/// tables' untouched copies are no conflict when their plans are merged.
pub fn sample_plan(today: NaiveDate, now: DateTime<Utc>) -> Plan {
    let now = case_clock(today, now);
    let method = Method::default();
    let deals = ROWS
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let shift = |days: i64| {
                if days >= 0 {
                    today.checked_add_days(Days::new(days as u64))
                } else {
                    today.checked_sub_days(Days::new(days.unsigned_abs()))
                }
            };
            let signed_on = row
                .signed
                .and_then(|(back, day)| month_start(month_index(today) - back).with_day(day));
            let closed_on = match row.status {
                DealStatus::Open => None,
                DealStatus::Won => signed_on,
                DealStatus::Lost => row.close_in.and_then(shift),
            };
            // a deal signed in an earlier month was last touched then
            let anchor = match signed_on {
                Some(day) if month_index(day) < month_index(today) => {
                    (now - (today - day)).min(now)
                }
                _ => now,
            };
            let created = anchor - chrono::Duration::days(row.age_days as i64);
            let updated = anchor - chrono::Duration::days(row.idle_days as i64);
            let (gates, mut history) = progress_of(row, &method, created, updated);
            match (row.status, history.last_mut()) {
                (DealStatus::Won, Some(signing)) => signing.status = Some(DealStatus::Won),
                (DealStatus::Lost, _) => {
                    let (reason, competitor) = row.lost.unwrap_or_default();
                    history.push(StageChange {
                        reason: reason.to_string(),
                        status: Some(DealStatus::Lost),
                        competitor: competitor.to_string(),
                        ..StageChange::moved(row.stage, row.stage, updated)
                    });
                }
                _ => {}
            }
            Rc::new(Deal {
                id: DealId::new(format!("sample-{:02}", i + 1)),
                name: row.name.to_string(),
                customer: row.customer.to_string(),
                amount: Money::from_major(row.amount),
                stage: row.stage,
                status: row.status,
                expected_close: row.close_in.and_then(shift).or(closed_on),
                closed_on,
                owner: row.owner.to_string(),
                product: row.product.to_string(),
                region: row.region.to_string(),
                segment: row.segment.to_string(),
                next_step: row.next_step.to_string(),
                notes: row.notes.to_string(),
                probability: None,
                category: None,
                gates,
                history,
                self_check: BTreeSet::new(),
                strategies: Default::default(),
                people: people_of(i, row.owner, today),
                bonus: None,
                created,
                updated,
                extra: BTreeMap::new(),
            })
        })
        .collect();
    let mut plan = Plan {
        title: Some("销售小王团队 · 培训案例".to_string()),
        currency: Currency::cny(),
        method: Rc::new(method),
        quotas: sample_quotas(today),
        targets: Vec::new(),
        deals,
        workshop: None,
        snapshots: Default::default(),
        extra: BTreeMap::new(),
    };
    plan.snapshots = super::sample_snapshots::case_snapshots(&plan, today, now);
    plan
}

/// The moment the case's timestamps count back from: 10:00 UTC on `today`, whose local day is
/// `today` from UTC−10 to UTC+13; but never more than a day after `now`, so that no timestamp
/// of the case lies after `now` (each case deal was last updated a day ago or earlier). On any
/// real clock `now` is at least (`today` − 1) 10:00 UTC, so the day alone decides.
pub fn case_clock(today: NaiveDate, now: DateTime<Utc>) -> DateTime<Utc> {
    let ten = today
        .and_hms_opt(10, 0, 0)
        .expect("10:00 is a time of day")
        .and_utc();
    ten.min(now + chrono::Duration::days(1))
}

/// The gate evidence and stage history of a sample deal: every item of the stages it has passed
/// is ticked, except its `gaps`; moves happened at even intervals between creation and the last
/// update, and the move past a gap carries the override reason (if the deal was not simply
/// created that far on).
fn progress_of(
    row: &Row,
    method: &Method,
    created: DateTime<Utc>,
    updated: DateTime<Utc>,
) -> (BTreeMap<GateId, GateCheck>, Vec<StageChange>) {
    let passed = &Stage::ALL[..row.stage.index()];
    let span = (updated - created).num_days().max(1);
    let moment = |k: usize| {
        created + chrono::Duration::days(span * (k as i64 + 1) / (passed.len() as i64 + 1))
    };
    let mut gates = BTreeMap::new();
    for (k, &stage) in passed.iter().enumerate() {
        for item in method.active_gate(stage) {
            if row.gaps.contains(&item.id.as_str()) {
                continue;
            }
            let evidence = row
                .evidence
                .iter()
                .find(|(id, _)| *id == item.id.as_str())
                .map(|(_, e)| e.to_string());
            gates.insert(
                item.id.clone(),
                GateCheck {
                    on: moment(k).date_naive(),
                    // an item the method wants evidence for cites the visit notes of its day
                    evidence: evidence.unwrap_or_else(|| match item.evidence {
                        true => format!("拜访纪要 {}", moment(k).date_naive()),
                        false => String::new(),
                    }),
                },
            );
        }
    }
    let created_at_claim = !row.gaps.is_empty() && row.override_reason.is_none();
    let history = if created_at_claim {
        Vec::new()
    } else {
        passed
            .iter()
            .enumerate()
            .map(|(k, &from)| {
                let missing: Vec<GateId> = method
                    .active_gate(from)
                    .filter(|item| row.gaps.contains(&item.id.as_str()))
                    .map(|item| item.id.clone())
                    .collect();
                StageChange {
                    reason: if missing.is_empty() {
                        String::new()
                    } else {
                        row.override_reason.unwrap_or_default().to_string()
                    },
                    missing,
                    ..StageChange::moved(
                        from,
                        from.next().expect("a passed stage has a next one"),
                        moment(k),
                    )
                }
            })
            .collect()
    };
    (gates, history)
}

/// The team's and each salesperson's target for this quarter and the team's for the next.
fn sample_quotas(today: NaiveDate) -> Vec<Quota> {
    let this = Granularity::Quarter.period_of(today);
    let quota = |owner: Option<&str>, period: Period, major: i64| Quota {
        owner: owner.map(str::to_string),
        period: QuotaPeriod::new(period).expect("a quarter"),
        amount: Money::from_major(major),
    };
    vec![
        quota(None, this, 12_000_000),
        quota(None, this.next(), 15_000_000),
        quota(Some("王晓明"), this, 3_000_000),
        quota(Some("李娜"), this, 3_500_000),
        quota(Some("张伟"), this, 4_000_000),
        quota(Some("陈静"), this, 1_500_000),
    ]
}
