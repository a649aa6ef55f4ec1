//! 中文：界面文字，以及各类提示和错误的中文说法。
use chrono::{Datelike, NaiveDate};

use super::{iso, ratio_text, shown, steps, Language, Step, Texts};
use crate::domain::coverage::{Flag, MapWhy};
use crate::domain::deal::Field;
use crate::domain::method::edit::{MethodError, MAX_ITEM_TEXT, MAX_STALE_DAYS};
use crate::domain::method::{content, Text};
use crate::domain::money::{group_thousands, AmountError};
use crate::domain::people::PeopleError;
use crate::domain::period::{Granularity, Period};
use crate::domain::plan_file::{Damage, Kind, NotAPlan, ProblemKind, Unreadable, MAX_FILE_BYTES};
use crate::domain::report::RiskReason;
use crate::domain::score::ScoreWhy;
use crate::domain::stage::Stage;
use crate::domain::validate::Problem;
use crate::session::StorageError;

pub const TEXTS: Texts = Texts {
    import: "导入",
    import_title: "导入计划文件",
    import_field: "字段",
    import_mine: "本计划",
    import_theirs: "导入的文件",
    import_by_rule: "按下方规则",
    import_keep_mine: "保留本计划的",
    import_take_theirs: "采用导入的",
    import_new: "新增项目",
    import_changed: "有更新的项目",
    import_conflicts: "冲突（双方都有修改）",
    import_unchanged: "相同的项目",
    import_rejected: "无法导入的记录",
    import_conflict_note: "同一个项目在两边都有修改，且本计划的版本不比导入的旧。请逐个选择，或按规则处理。",
    import_rule: "冲突规则",
    import_newest: "以最后更新的为准",
    import_replace: "整体替换",
    import_merge: "合并",
    import_backup_failed: "无法先备份当前计划，导入已取消，什么都没有改变",
    details_differ: "（细节不同）",
    drop_here: "松开鼠标即可导入计划文件（.json）",
    imported_notice: "导入完成。导入前的计划已备份，可以一键恢复。",
    restore_before_import: "恢复导入前的计划",
    export_title: "导出",
    export_whole: "整个计划（JSON）",
    export_owner: "一位负责人的项目（JSON）",
    export_csv_deals: "项目清单（CSV，Excel 可直接打开）",
    export_deal: "导出此项目",
    export_button: "下载",
    stale_plan: "另一个标签页或窗口刚刚保存了不同的计划。为避免互相替换，本页的修改还没有保存。",
    load_latest: "载入最新保存的计划",
    keep_mine: "保留本页的计划，替换已保存的",
    field_probability: "自定赢率",
    field_category: "自定预测类别",
    override_hint: "留空则按阶段",
    by_stage: "按阶段",
    cat_pipeline: "管道",
    cat_best_case: "最佳情况",
    cat_commit: "承诺",
    cat_closed: "已签约未标赢单",
    view_forecast: "预测",
    forecast_title: "滚动销售预测",
    granularity: "周期",
    by_month: "按月",
    by_quarter: "按季度",
    by_year: "按年",
    window_start: "起始月份",
    window_len: "时长",
    basis: "依据",
    basis_claimed: "申报阶段",
    basis_verified: "验证阶段",
    cat_view: "类别",
    single: "分类",
    cumulative: "累计",
    filter_all: "全部",
    group_by: "分组",
    group_none: "不分组",
    col_period: "期间",
    col_weighted_open: "加权在谈",
    col_total: "预测合计",
    col_quota: "任务",
    bucket_earlier: "窗口之前赢单",
    bucket_overdue: "逾期未签",
    bucket_later: "窗口之后",
    bucket_no_date: "未定日期",
    total_row: "合计",
    no_value: "（未填写）",
    export_csv: "导出 CSV",
    print_report: "打印预测",
    quotas_title: "销售任务与达成",
    team: "团队",
    col_attainment: "达成率",
    col_gap: "差额",
    col_coverage: "覆盖倍数",
    quota_period: "期间",
    quota_period_hint: "如 2026-11 或 2026-Q4",
    set_quota: "设定任务",
    remove: "删除",
    quota_help: "覆盖倍数 = 期内加权在谈金额 ÷ 剩余任务；任务金额填 0 即删除。",
    quota_bad_period: "期间格式应为 2026-11（月）或 2026-Q4（季度）",
    no_quotas: "还没有设定销售任务。",
    quotas_filtered: "销售任务按负责人和团队设定；按产品、区域、客户群或评分筛选时不显示任务和达成。",
    quota_amount_placeholder: "300万",
    forecast_file: "预测",
    snap_title: "月结：预测快照",
    snap_intro: "月结冻结此刻的预测和每个项目的状态。",
    snap_period: "月结期间",
    snap_close: "月结（冻结预测）",
    snap_unclosed: "已结束但尚未月结：",
    snap_list: "快照",
    snap_taken: "冻结时间",
    snap_deals: "项目数",
    snap_next_claimed: "下月预测（申报）",
    snap_next_verified: "下月预测（验证）",
    snap_none: "尚无快照：月结一次即可开始。",
    snap_unreadable: "无法读取的快照（原样保留）：",
    moved_title: "变化分析（瀑布图）",
    moved_from: "起点",
    moved_to: "终点",
    moved_now: "现在",
    moved_period: "期间",
    moved_opening: "期初管道",
    moved_closing: "期末管道",
    move_new: "新增项目",
    move_increased: "金额增加",
    move_decreased: "金额减少",
    move_pulled_in: "提前进入",
    move_slipped: "延期移出",
    move_won: "赢单",
    move_lost: "丢单",
    move_stage: "阶段变化",
    moved_rule: "按当月预计签约的在谈项目加权管道计算。既延期移出又增额的项目只计入“延期移出”；删除的计入“丢单”。",
    moved_change: "变化",
    moved_deals: "项目",
    moved_need_snapshot: "请先月结：变化从快照算起。",
    accuracy_title: "预测准确度",
    slipped_times: "延期",
    accuracy_lead: "预测提前（月）",
    accuracy_claimed: "预测（申报）",
    accuracy_verified: "预测（验证）",
    accuracy_won: "实际赢单",
    accuracy_error_claimed: "偏差（申报）",
    accuracy_error_verified: "偏差（验证）",
    accuracy_none: "还没有哪个已结束的月份有快照里的预测。",
    accuracy_rule: "偏差率 = Σ|预测 − 实际赢单| ÷ Σ实际赢单（有快照的月份）。",
    accuracy_by_owner: "按负责人",
    chart_waterfall: "管道变化瀑布图",
    risk_title: "预测风险：申报与验证",
    risk_intro: "同一份预测分别按申报阶段和验收证据支持的阶段计算，差额就是过程管理暴露出的风险。",
    categories_note: "类别对应：P0–P2 管道，P3–P4 最佳情况，P5–P6 承诺；P7 表示已签约但还没有标记为赢单。累计视图中每一类都包含比它更确定的各类和已赢单。",
    charts_title: "图表",
    report_for: "报告日期",
    app_tagline: "大客户销售规划",
    language: "语言",
    view: "视图",
    view_board: "看板",
    view_list: "列表",
    new_deal: "新建项目",
    export_plan: "导出计划",
    open_pipeline: "在谈项目金额",
    weighted_pipeline: "加权预测金额",
    won_this_month: "本月赢单",
    column_total: "金额",
    column_weighted: "加权",
    column_empty: "暂无项目",
    probability: "赢率",
    move_prev: "退回上一阶段",
    move_next: "推进到下一阶段",
    open_deal: "打开项目",
    no_close_date: "签约日期未定",
    expected_close: "预计签约",
    signed_on: "签约日期",
    lost_on: "丢单日期",
    editor_new: "新建项目",
    editor_edit: "编辑项目",
    field_name: "项目名称",
    field_customer: "客户",
    field_amount: "金额",
    field_stage: "阶段",
    field_close: "预计签约日期",
    field_closed_on: "签约/丢单日期",
    field_owner: "负责人",
    field_product: "产品",
    field_region: "区域",
    field_segment: "客户群",
    field_next_step: "下一步行动",
    field_notes: "备注",
    field_status: "状态",
    field_self_check: "拜访前自检",
    field_created: "创建时间",
    field_updated: "更新时间",
    field_extra: "其他字段",
    amount_hint: "精确到分，可写 1,250,000.00 或 125万",
    fix_errors: "请先改正标出的内容，项目尚未保存。",
    save: "保存",
    cancel: "取消",
    delete: "删除",
    mark_won: "标记为赢单",
    mark_lost: "标记为丢单",
    reopen: "重新打开",
    status_open: "进行中",
    status_won: "已赢单",
    status_lost: "已丢单",
    err_required: "必填",
    deleted: "已删除",
    undo: "撤销",
    dismiss: "关闭",
    empty_title: "还没有项目",
    empty_body: "新建第一个项目，或者载入培训案例：销售小王团队的 13 个项目，分布在 P0 到 P7 各阶段。",
    load_sample: "载入培训案例",
    corrupt_title: "无法读取浏览器中保存的计划",
    corrupt_kept: "原始数据已原样保留，没有被改写，并另存了一份备份。你可以先下载原始数据，再决定是否重新开始。",
    corrupt_backup_failed: "原始数据没有被改写，但备份没能写入浏览器存储，请务必先下载原始数据。",
    corrupt_paused: "在你做出选择之前，keyplan 不会保存任何修改。",
    download_raw: "下载原始数据",
    start_fresh: "重新开始",
    download_plan: "下载计划文件",
    list_caption: "全部项目",
    col_weighted: "加权金额",
    privacy: "所有数据只保存在本浏览器中，不会发送到任何服务器。",
    where_file: "所有数据只保存在本浏览器中，且只属于此位置的文件：",
    where_browser_hint: "计划保存在本浏览器中。要用其他浏览器中的计划，请在那里导出，再在这里导入。",
    where_file_before: "Firefox 按文件位置分别保存计划，这里是 ",
    where_file_after: " 的计划。文件移动、改名或复制后找不到计划？请从原来的位置打开，或导入导出的文件。",
    backup_export: "导出备份",
    board_label: "项目推进看板",
    close: "关闭",
    tab_details: "详情",
    tab_gates: "验收节点",
    tab_coaching: "销售辅导",
    tab_history: "阶段记录",
    view_method: "方法",
    claimed_stage: "申报阶段",
    verified_stage: "验证阶段",
    verified_hint: "验收证据支持的最高阶段",
    ahead_of_evidence: "申报阶段超前于验收证据",
    override_flag: "未达验收即推进",
    gate_met: "已达成",
    gates_intro: "每个阶段的验收节点全部达成后，项目才能推进到下一阶段。勾选时记下日期和证据。",
    current: "当前",
    evidence: "证据",
    evidence_placeholder: "证据：会议纪要、客户邮件、立项批文……",
    checked_on: "达成日期",
    retired: "已停用",
    ours: "keyplan 补充",
    ours_hint: "原课件没有这一条，由 keyplan 按课件思路补充",
    move_to: "推进到",
    move_button: "调整阶段",
    blocked_body: "以下验收节点尚未达成：",
    override_reason: "如果仍要推进，请写明理由（必填，理由会一直显示在项目上）",
    confirm_override: "仍然推进",
    back_to_work: "先去完成验收",
    history_empty: "还没有阶段变化记录。",
    skipped_items: "推进时未达成的验收节点：",
    history_won: "赢单",
    history_lost: "丢单",
    history_close: "签约日期变更",
    history_reopened: "重新打开",
    lost_to: "输给",
    customer_cycle: "客户决策循环",
    sales_cycle: "销售活动循环",
    project_cycle: "项目推进循环",
    customer_doing: "客户正在经历什么",
    sales_should: "销售应该怎么做",
    steps: "步骤",
    success: "成功标志",
    success_customer: "客户",
    success_supplier: "供应商",
    success_milestone: "里程碑",
    mistakes: "常见错误",
    self_check: "拜访前自检（销售小王的练习）",
    clear_self_check: "清空，准备下一次拜访",
    practices: "管理方略",
    principles: "大客户销售的四大原则",
    cycles_title: "三个循环：客户决策、销售活动、项目推进",
    cycles_key: "外圈：客户决策 · 中圈：销售活动 · 内圈：项目阶段",
    method_title: "销售方法",
    method_intro: "培训师或团队可以调整各阶段的赢率、停滞天数和验收节点。方法随计划一起保存；停用的验收节点不会删除已记录的证据。",
    method_custom: "本计划使用调整后的方法",
    method_default: "本计划使用默认方法",
    reset_method: "恢复默认方法",
    reset_confirm: "确认恢复？证据会保留",
    stale_limit: "停滞提醒",
    days: "天",
    add_item: "添加验收节点",
    add_item_placeholder: "新的验收节点，例如：拿到采购预算批文",
    edit: "编辑",
    retire: "停用",
    restore: "恢复",
    move_up: "上移",
    move_down: "下移",
    text_zh: "中文",
    text_en: "英文",
    stage_hint: "新项目通常从 P0 开始；从后面的阶段开始时，项目会标出缺少的验收证据",
    win_title: "标记为赢单",
    win_intro: "签约即进入 P7。请填写签约日期和合同金额，赢单计入签约日期所在的月份。",
    win_missing: "以下验收节点尚未达成：",
    win_reason: "仍要标记为赢单，请写明理由（必填，理由会一直显示在项目上）",
    confirm_win: "确认赢单",
    lose_title: "标记为丢单",
    lose_reason: "丢单原因（必填，用于项目总结）",
    lose_competitor: "输给了谁（竞争对手）",
    confirm_lose: "确认丢单",
    filtered_by: "筛选",
    chart_funnel: "销售漏斗",
    chart_forecast: "按期预测：已赢单与加权在谈",
    chart_risk: "按负责人：申报与验证",
    chart_stage: "阶段",
    chart_deals: "项目数",
    chart_amount: "金额",
    chart_weighted: "加权",
    chart_won: "已赢单",
    chart_total: "合计",
    chart_claimed: "申报",
    chart_verified: "验证",
    chart_difference: "差额",
    merge_latest: "合并两边的修改",
    fresh_confirm: "原始数据只有这一份：请确认下载的文件已经保存好，再重新开始。",
    fresh_confirmed: "文件已保存，重新开始",
    download_failed: "浏览器没有完成下载，原始数据仍保留在这里。请换个浏览器或检查下载设置后再试。",
    backups_open: "备份",
    backups_title: "本浏览器中保存的备份",
    backups_intro: "备份从不被改写：无法读取的数据原样保留，每次导入或恢复前的计划各存一份。可以下载、恢复或删除。",
    backups_empty: "还没有备份。",
    backup_unreadable: "无法读取的数据",
    backup_before_import: "导入前的计划",
    backup_before_restore: "恢复前的计划",
    backup_when_unknown: "时间不详（旧版本保存）",
    backup_download: "下载",
    backup_delete: "删除",
    backup_delete_confirm: "确认删除这份备份？",
    backup_restore: "恢复这份计划",
    conflict_title: "这个项目在别处已经修改",
    conflict_intro: "你打开编辑后，另一个标签页或窗口保存了这个项目的新版本。请比较两边，再决定保留哪一个。",
    conflict_keep_mine: "保存我的修改（替换对方的）",
    conflict_take_theirs: "放弃我的修改，查看最新版本",
    conflict_mine: "我的修改",
    conflict_theirs: "已保存的版本",
    gone_notice: "这个项目已在另一个标签页或窗口中删除。你填写的内容还在：可以保存为新项目，或者关闭放弃。",
    nothing_to_import: "文件中没有可以导入的项目，本计划不会改变。",
    replace_confirm_button: "确认整体替换",
    chart_no_data: "暂无数据",
    retry_save: "重新保存",
    map_title: "重点客户渔网图",
    map_reports_to: "汇报给",
    map_influences: "影响",
    map_attitude: "态度",
    map_relationship: "关系程度",
    map_owner: "我方负责人",
    map_influence: "影响力",
    map_level: "层级",
    map_name: "姓名",
    map_job_title: "职务",
    map_roles: "角色",
    map_thick_border: "粗框：影响力高",
    field_people: "决策链与竞争",
    bonus_title: "项目奖金包",
    level_top: "高层",
    level_middle: "中层",
    level_operational: "基层",
    role_decision_maker: "决策者",
    role_technical: "技术评估者",
    role_user: "使用者",
    role_buyer: "采购",
    role_influencer: "影响者",
    role_coach: "内线/教练",
    influence_high: "影响力高",
    influence_medium: "影响力中",
    influence_low: "影响力低",
    attitude_opposed: "反对",
    attitude_doubtful: "怀疑",
    attitude_neutral: "中立",
    attitude_supportive: "支持",
    attitude_champion: "支持者",
    rel_stranger: "陌生",
    rel_acquainted: "认识",
    rel_familiar: "熟悉",
    rel_trusted: "信任",
    rel_ally: "同盟",
    link_reports_to: "汇报给",
    link_influences: "影响",
    price_lower: "价格低于我方",
    price_similar: "价格相当",
    price_higher: "价格高于我方",
    map_decision_chain: "决策链已知",
    map_middle_relations: "中低层关系良好",
    map_top_relation: "高层关系已建立",
    map_complete: "渔网图完整",
    map_chain_detail: "决策链详细",
    map_middle_backing: "中层保障",
    score_gates: "验收节点",
    score_chain: "决策链",
    score_competition: "竞争态势",
    score_freshness: "更新及时",
    score_slips: "签约日期",
    flag_no_decision_maker: "决策者未知",
    flag_no_coach: "没有内线/教练",
    raise_decision_maker: "找到并记录决策者",
    raise_win_decision_maker: "争取决策者的支持",
    raise_coach: "发展一位内线/教练",
    raise_broaden: "与第二位联系人建立熟悉的关系",
    raise_competitors: "记录竞争对手",
    raise_deepen: "与客户建立比竞争对手更近的关系",
    raise_answer_price: "应对更低的报价：讲清我方方案的价值，或调整商务条款",
    raise_update: "更新项目",
    raise_redate: "与客户重新确认签约日期",
    why_no_contacts: "还没有记录联系人",
    why_no_decision_maker: "没有记录决策者",
    why_no_middle: "中低层还没有关系熟悉或更近的联系人",
    why_no_top: "没有熟悉或更近、且不反对我方的高层联系人",
    why_no_competitors: "没有记录竞争对手",
    people_name_required: "请填写姓名",
    people_self_link: "联系人不能连向自己",
    tab_competition: "竞争",
    competitors_title: "竞争对手",
    no_competitors: "尚未记录竞争对手。",
    competitor_name: "名称",
    competitor_strengths: "优势",
    competitor_weaknesses: "劣势",
    competitor_relationship: "与客户的关系",
    competitor_price: "价格",
    add_competitor: "添加竞争对手",
    not_known: "未知",
    triangle_title: "金三角（客户·我方·竞争对手）",
    triangle_customer: "客户",
    triangle_us: "我方",
    triangle_wants: "要什么",
    triangle_ours: "我方最近的关系",
    triangle_their: "对手的关系与价格",
    swot_title: "SWOT 与 TWOS 策略",
    swot_strengths: "优势 S",
    swot_weaknesses: "劣势 W",
    swot_opportunities: "机会 O",
    swot_threats: "威胁 T",
    swot_so: "SO：用优势抓住机会",
    swot_st: "ST：用优势应对威胁",
    swot_wo: "WO：借机会克服劣势",
    swot_wt: "WT：减少劣势、回避威胁",
    save_swot: "保存 SWOT",
    review_title: "销售项目总结",
    review_why: "赢/输的原因",
    review_competitor: "竞争对手",
    review_learned: "团队的收获",
    review_none: "尚无项目总结。",
    score: "评分",
    score_filter: "评分",
    score_any: "全部",
    people_rules: "决策链与评分规则",
    needs_evidence: "需要证据",
    map_rule: "渔网图检验",
    map_rule_none: "无",
    contact_days: "重要联系人未联系天数",
    chain_from: "决策链提示起始阶段",
    top_by: "须有高层关系的阶段",
    score_weights: "评分权重",
    tab_people: "决策链",
    people_add: "添加联系人",
    people_new: "新联系人",
    people_editing: "编辑联系人",
    people_empty: "还没有联系人：先记下参与决策的人。",
    contact_department: "部门",
    contact_last: "最近联系日期",
    contact_wants_result: "组织利益（想要的组织结果）",
    contact_wants_win: "个人赢",
    contact_notes: "备注（如应对反对者的计划）",
    links_title: "关系线",
    link_from: "从",
    link_to: "到",
    link_kind: "类型",
    link_add: "添加关系线",
    link_twice: "这条关系线已经有了",
    view_map: "图",
    view_table: "表格",
    flags_title: "决策链缺口",
    flags_none: "决策链没有发现缺口",
    flags_from: "自此阶段起检查",
    flag_serves: "服务于",
    score_title: "量化评测",
    score_raise_most: "最能提分的下一步",
    map_supports: "渔网图支持",
    map_contradicts: "渔网图不支持",
    map_silent: "渔网图未说明",
    tick_with_map: "以渔网图为证打勾",
    tick_contradicted: "此打勾与渔网图矛盾，请复核",
    evidence_required: "需要证据：填写证据前，此打勾不计入",
    remove_sure: "确认删除",
    // projector mode (P)
    projector_on: "放映",
    projector_off: "退出放映",
    projector_back: "上一页",
    projector_next: "下一页",
    projector_keys: "← → 翻页　↑ ↓ 换部分　Esc 退出",
    projector_deals: "项目",
    projector_question: "讨论",
    projector_compare: "各组对比",
    projector_deck: "课件原文",
    projector_no_evidence: "未写证据",
    // issue 11, S: the team's strategies, housekeeping, the deck's words
    field_strategies: "策略",
    strategies_title: "我们的策略（策略1. 策略2. …）",
    strategies_hint: "每行一条策略，按顺序编号",
    strategies_stage: "哪个阶段的策略",
    save_strategies: "保存策略",
    title_rename: "重命名计划：回车保存，Esc 取消，留空则不设标题",
    title_untitled: "未命名计划",
    reset_title: "培训间隙：重新开始",
    reset_sample: "重新载入培训案例",
    reset_clear: "清空计划",
    replace_confirm: "确认替换",
    backup_before_reset: "重新载入或清空前的计划",
    // W: the workshop kit (tables' copies and the comparison)
    view_workshop: "工作坊",
    ws_prepare_title: "为各组准备案例",
    ws_prepare_intro: "每组一个计划文件，都从当前计划出发。各组用“导入”打开自己的文件。",
    ws_needs_case: "当前计划没有项目。",
    ws_tables: "组数",
    ws_table_name: "组名",
    ws_table_default: "第{n}组",
    ws_exercise: "练习",
    ws_exercise_default: "处理全部项目：对照验收节点核实并写明证据；推进或退回都写明理由；写下本阶段的策略和讨论题的答案。",
    ws_prepare: "生成各组文件",
    ws_download: "下载",
    ws_download_all: "全部下载",
    ws_count_error: "组数须在 2 到 30 之间",
    ws_name_missing: "每组都要有组名",
    ws_name_twice: "组名不能重复",
    ws_compare_title: "比较各组计划",
    ws_compare_intro: "打开各组交回的文件（可多选）。比较只在本页，不改动你的计划。",
    ws_open_files: "打开计划文件…",
    ws_close: "关闭比较",
    ws_print: "打印",
    ws_table: "组",
    ws_file: "文件",
    ws_open_deals: "进行中项目",
    ws_open: "进行中金额",
    ws_claimed: "加权（申报）",
    ws_verified: "加权（验证）",
    ws_gates_met: "已满足验收项",
    ws_evidence: "有证据",
    ws_overrides: "未达验收即推进",
    ws_flags: "决策链提示",
    ws_score: "平均评分",
    ws_currency: "币种",
    ws_stray: "非本工作坊的文件",
    ws_other_currency: "币种不同：金额不能直接比较",
    ws_deal: "项目",
    ws_customer: "客户",
    ws_stage: "阶段",
    ws_verified_stage: "验证阶段",
    ws_deal_score: "评分",
    ws_discussion: "讨论点",
    ws_yes: "是",
    ws_deals_title: "逐个项目比较",
    ws_rows_plan: "按案例顺序",
    ws_rows_disagreement: "分歧优先",
    ws_rows_spread: "评分差距优先",
    ws_not_there: "该组没有此项目",
    ws_unreadable: "未能读取",
    ws_legend: "高亮的是讨论点：各组的阶段、验证阶段或状态不同，或评分相差 20 分以上。",
    ws_tables_count: "组",
    ws_deals_count: "个项目",
    ws_points_count: "个讨论点",
    ws_reasons: "理由",
    csv_override_reason: "推进理由",
    import_paste: "粘贴表格",
    import_paste_hint: "从 Excel 复制一块区域（含标题行），粘贴到这里",
    import_paste_read: "读取粘贴内容",
    import_encoding: "文件编码",
    import_mapping: "列对应",
    import_unit: "金额单位",
    unit_yuan: "元",
    unit_wan: "万元",
    target_to_notes: "放入备注",
    target_ignore: "不导入",
    import_duplicates: "可能重复（客户和项目名称与现有项目相同）",
    // H: handouts and printing (issue 11)
    handouts: "讲义",
    handout_method: "方法卡：三个循环与各阶段验收节点",
    handout_gates: "空白验收清单",
    handout_chain: "空白决策链模板",
    handout_board: "项目看板",
    print_plan: "打印客户计划",
    account_plan: "客户计划",
    sheet_team: "组别",
    sheet_date: "日期",
    report_print: "打印期间报告",
    report_period: "报告期",
    report_won: "本期赢单与任务完成",
    report_lost: "本期丢单",
    report_outlook: "后续各期预测（按类别）",
    report_risks: "风险项目",
    report_top: "重点项目（按加权金额）",
    report_none: "无",
    report_made: "制表日期",
    report_claimed_weighted: "加权（声称阶段）",
    report_verified_weighted: "加权（已验证阶段）",
    report_moved: "上次报告以来管道的变化",
    report_moved_none: "没有上一期结账时的快照：在预测视图中结账一个期间后，这里会列出本期管道的变化。",
    report_moved_all: "按全部项目计算（快照不分筛选）。",
    report_reasons: "风险",
    split_by: "分解方式",
    split_by_share: "按比例（%）",
    split_by_amount: "按金额",
    split_share: "比例 %",
    split_amount: "金额",
    split_gets: "分得",
    split_add: "添加一项",
    split_remainder: "未分配",
    split_over: "超出",
    split_share_sum: "比例合计",
    split_complete: "合计无误",
    split_must_add_up: "未保存：比例须合计 100%，金额须合计等于总额。",
    split_share_over: "比例不能超过 100%",
    split_rule: "按比例时各项先取到分，余下的分补给零头最大的项（相同则靠前者），合计恰等于总额。",
    targets_title: "销售任务下达",
    targets_intro: "把团队年度或季度任务按比例或金额分解到负责人、产品或区域，按期内赢单看完成率。",
    no_targets: "尚未下达任务。",
    target_to: "分解到",
    target_amount: "团队任务",
    target_save: "保存任务",
    target_edit: "编辑",
    target_period_hint: "如 2026 或 2026-Q4",
    target_bad_period: "期间写作 2026（一年）或 2026-Q4（一个季度）",
    bonus_pool: "奖金总额",
    bonus_member: "成员",
    bonus_save: "保存奖金分配",
    bonus_remove: "删除奖金包",
    bonus_none: "可记录本项目的奖金包及成员分配。",
    bonus_saved: "已记录的奖金分配：",
    matrix_title: "三维立体矩阵",
    matrix_intro: "任选两个维度交叉，第三个用上方筛选。每格：加权、在谈、已赢单（项目数）。点击格子看项目。",
    matrix_rows: "行",
    matrix_columns: "列",
    matrix_total: "合计",
    matrix_open: "在谈",
    matrix_open_count: "在谈项目数",
    matrix_won_count: "已赢单项目数",
    matrix_weighted: "加权（声称阶段）",
    matrix_verified: "加权（已验证阶段）",
    matrix_on_verified: "（按已验证阶段加权）",
    matrix_deals_of: "格中项目",
    matrix_pick: "点击格子列出其中的项目。",
    matrix_empty: "没有符合筛选条件的项目。",
    matrix_file: "矩阵",
    import_left_out: "未导入的销售任务",
    import_bad_snapshots: "未导入的快照（无法读取）",
    import_targets_replaced: "合并将替换的销售任务（文件中的版本更新，或选择了采用对方）",
};

/// The deck's stage names.
const STAGES: [&str; 8] = [
    "市场规划·客户开发",
    "挖掘需求·锁定目标",
    "方案立项·客户公关",
    "设计交流·中层把握",
    "需求调研·高层突破",
    "方案评估·项目承诺",
    "协议谈判·签约成交",
    "实施结案·升级扩容",
];

/// 中文.
pub struct Zh;

fn kind(kind: Kind) -> &'static str {
    match kind {
        Kind::Null => "null",
        Kind::Boolean => "布尔值",
        Kind::Number => "数字",
        Kind::String => "文本",
        Kind::Array => "数组",
        Kind::Object => "对象",
    }
}

/// The `n`-th entry of a list in a file, in words: `第 4 个项目`, `P2`.
fn list_item(key: &str, n: usize) -> String {
    let n1 = n + 1;
    match key {
        "deals" => format!("第 {n1} 个项目"),
        "quotas" => format!("第 {n1} 条销售任务"),
        "stages" => {
            Stage::from_index(n).map_or(format!("第 {n1} 个阶段"), |s| s.code().to_string())
        }
        "gate" => format!("第 {n1} 个验收节点"),
        "history" => format!("第 {n1} 条阶段记录"),
        "missing" => format!("第 {n1} 个未达节点"),
        "self_check" => format!("第 {n1} 个自检项"),
        other => format!("{other} 第 {n1} 项"),
    }
}

/// A field of a file, in words; `parent` is the field it sits in.
fn key_word(zh: &Zh, parent: &str, key: &str) -> String {
    let word = match (parent, key) {
        ("stages", "probability") => "赢率",
        ("stages", "stale_days") => "停滞天数",
        (_, "file") => "文件",
        (_, "format") => "格式",
        (_, "version") => "版本",
        (_, "title") => "标题",
        (_, "currency") => "货币",
        (_, "exported_at") => "导出时间",
        (_, "method") => "方法",
        (_, "quotas") => "销售任务",
        (_, "deals") => "项目",
        (_, "period") => "期间",
        (_, "on") => "达成日期",
        (_, "evidence") => "证据",
        (_, "from") => "原阶段",
        (_, "to") => "新阶段",
        (_, "at") => "时间",
        (_, "reason") => "理由",
        (_, "competitor") => "竞争对手",
        (_, "id") => "编号",
        (_, "text") => "文字",
        (_, "zh") => "中文",
        (_, "en") => "英文",
        (_, "ours") => "补充标记",
        (_, "retired") => "停用标记",
        (_, "stage") => "阶段",
        _ => match Field::parse(key) {
            Some(field) => zh.field_label(field),
            None => return key.to_string(),
        },
    };
    word.to_string()
}

fn amount_error(error: &AmountError) -> String {
    match error {
        AmountError::Empty => "金额为空".to_string(),
        AmountError::NotANumber(text) => format!("“{text}”不是金额", text = iso(text)),
        AmountError::Negative => "金额不能为负数".to_string(),
        AmountError::TooManyDecimals => "金额最多保留两位小数（分）".to_string(),
        AmountError::TooLarge => "金额不能超过 999,999,999,999.99".to_string(),
    }
}

impl Language for Zh {
    fn texts(&self) -> &'static Texts {
        &TEXTS
    }

    fn own_name(&self) -> &'static str {
        "中文"
    }

    fn stage_name(&self, stage: Stage) -> &'static str {
        STAGES[stage.index()]
    }

    fn stage_title(&self, stage: Stage) -> &'static str {
        STAGES[stage.index()]
    }

    fn pick<'t>(&self, text: &'t Text) -> &'t str {
        &text.zh
    }

    fn colon(&self) -> &'static str {
        "："
    }

    fn row_at(&self, row: usize, header: &str) -> String {
        format!("第 {row} 行 · {header}")
    }

    fn path(&self, path: &str) -> String {
        let steps = steps(path);
        let mut words = Vec::new();
        let mut parent = "";
        let mut i = 0;
        while i < steps.len() {
            match (steps[i], steps.get(i + 1)) {
                (Step::Key("gates"), Some(Step::Key(id))) => {
                    words.push(format!("验收节点 {id}"));
                    parent = "gate";
                    i += 2;
                }
                (Step::Key(key), Some(Step::Index(n))) => {
                    words.push(list_item(key, *n));
                    parent = key;
                    i += 2;
                }
                (Step::Key(key), _) => {
                    words.push(key_word(self, parent, key));
                    parent = key;
                    i += 1;
                }
                (Step::Index(n), _) => {
                    words.push(format!("第 {} 项", n + 1));
                    i += 1;
                }
            }
        }
        words.join(" · ")
    }

    fn date(&self, date: NaiveDate) -> String {
        format!("{}年{}月{}日", date.year(), date.month(), date.day())
    }

    fn period(&self, period: Period) -> String {
        let year = period.start.year();
        match period.granularity {
            Granularity::Month => format!("{year}年{}月", period.start.month()),
            Granularity::Quarter => format!("{year}年第{}季度", period.quarter()),
            Granularity::Year => format!("{year}年"),
        }
    }

    fn short_period(&self, period: Period) -> String {
        match period.granularity {
            Granularity::Month if period.start.month() == 1 => {
                format!("{}年1月", period.start.year())
            }
            Granularity::Month => format!("{}月", period.start.month()),
            _ => self.period(period),
        }
    }

    fn deal_count(&self, n: usize) -> String {
        format!("{n} 个项目")
    }

    fn months(&self, n: u32) -> String {
        format!("{n} 个月")
    }

    fn files_left(&self, names: &[String]) -> String {
        format!(
            "表格一次只导入一个文件，以下文件未导入：{}。请另行导入。",
            names.join("、")
        )
    }

    fn show_more(&self, n: usize, hidden: usize) -> String {
        format!("再显示 {n} 个（还有 {hidden} 个未显示）")
    }

    fn compact_units(&self) -> &'static [(i128, &'static str)] {
        &[(100_000_000, "亿"), (10_000, "万")]
    }

    fn stale_note(&self, days: i64) -> String {
        format!("停滞 {days} 天未更新")
    }

    fn report_title(&self, period: Period) -> String {
        let kind = match period.granularity {
            Granularity::Month => "月报",
            Granularity::Quarter => "季报",
            Granularity::Year => "年报",
        };
        format!("{} {kind}", self.period(period))
    }

    fn risk_reason(&self, reason: &RiskReason) -> String {
        match reason {
            RiskReason::Ahead(verified) => {
                format!("声称阶段超前于证据（证据支持到 {}）", verified.code())
            }
            RiskReason::Stale(days) => self.stale_note(*days),
            RiskReason::Slipped(n) => format!("预计签约日期已推迟 {n} 次"),
            RiskReason::Overdue(days) => format!("预计签约日期已过 {days} 天"),
        }
    }

    fn blocked_title(&self, to: Stage) -> String {
        format!("还不能推进到 {} {}", to.code(), self.stage_name(to))
    }

    fn cycles_alt(&self, claimed: Stage, verified: Stage) -> String {
        let row = content().row(claimed);
        format!(
            "项目申报在 {} {}，验收证据支持到 {}。这一行：客户处于“{}”，销售处于“{}”。",
            claimed.code(),
            self.stage_name(claimed),
            verified.code(),
            row.customer.name.zh,
            row.sales.name.zh
        )
    }

    fn method_error(&self, error: &MethodError) -> String {
        match error {
            MethodError::Probability(p) => {
                format!("赢率应为 0 到 100 之间的整数，不能是 {}", shown(*p))
            }
            MethodError::StaleDays(d) => {
                format!("停滞天数应为 1 到 {MAX_STALE_DAYS}，不能是 {}", shown(*d))
            }
            MethodError::EmptyText => "验收节点不能为空".to_string(),
            MethodError::TextTooLong => format!("验收节点最多 {MAX_ITEM_TEXT} 个字"),
            MethodError::NoSuchItem(id) => format!("没有编号为 {} 的验收节点", id.as_str()),
            MethodError::ContactDays(d) => {
                format!("未联系天数应为 1 到 {MAX_STALE_DAYS}，不能是 {}", shown(*d))
            }
            MethodError::Weight(w) => format!("权重应为 0 到 100 之间的整数，不能是 {}", shown(*w)),
            MethodError::NoWeight => "评分至少要有一项权重".to_string(),
        }
    }

    fn problem(&self, problem: &Problem) -> String {
        match problem {
            Problem::Required | Problem::Amount(AmountError::Empty) => {
                TEXTS.err_required.to_string()
            }
            Problem::TooLong(max) => format!("不能超过 {max} 个字"),
            Problem::Amount(AmountError::NotANumber(text)) => {
                format!(
                    "“{text}”不是有效的金额，请输入数字，例如 880000、88万 或 1,250,000.50",
                    text = iso(text)
                )
            }
            Problem::Amount(other) => amount_error(other),
            Problem::Stage(text) => format!("未知阶段“{text}”，应为 P0 至 P7", text = iso(text)),
            Problem::Date(text) => {
                format!(
                    "“{text}”不是有效日期，格式为 年-月-日，例如 2026-12-31",
                    text = iso(text)
                )
            }
            Problem::Percent(text) => {
                format!("“{text}”不是 0 到 100 之间的整数百分比", text = iso(text))
            }
            Problem::Category(text) => format!("未知的预测类别“{text}”", text = iso(text)),
        }
    }

    fn read_problem(&self, problem: &ProblemKind) -> String {
        match problem {
            ProblemKind::Required => "缺少此字段".to_string(),
            ProblemKind::WrongType { expected, found } => {
                format!("应为{}，实际是{}", kind(*expected), kind(*found))
            }
            ProblemKind::NotWhole(text) => format!("{text} 不是非负整数", text = iso(text)),
            ProblemKind::MoreThan { value, max } => {
                format!("{value} 超过了上限 {max}", value = iso(value))
            }
            ProblemKind::LessThan { value, min } => format!("{value} 低于下限 {min}"),
            ProblemKind::NoWeight => "评分各部分的权重不能全为 0".to_string(),
            ProblemKind::NotAVersion(text) => format!("{text} 不是有效的版本号", text = iso(text)),
            ProblemKind::VersionZero => "0 不是有效的文件版本".to_string(),
            ProblemKind::NotANumber(found) => {
                format!("应为数字，实际是 {found}", found = iso(found))
            }
            ProblemKind::Amount(error) => amount_error(error),
            ProblemKind::UnknownStage(found) => {
                format!("未知阶段 {found}（应为 P0 至 P7）", found = iso(found))
            }
            ProblemKind::NotADate(found) => {
                format!("{found} 不是日期（格式为 YYYY-MM-DD）", found = iso(found))
            }
            ProblemKind::NotAMoment(found) => {
                format!(
                    "{found} 不是日期时间（格式为 RFC 3339，例如 2026-11-27T09:30:00Z）",
                    found = iso(found)
                )
            }
            ProblemKind::UnknownStatus(found) => {
                format!(
                    "未知状态 {found}（应为 open、won 或 lost）",
                    found = iso(found)
                )
            }
            ProblemKind::UnknownCategory(found) => {
                format!(
                    "未知预测类别 {found}（应为 pipeline、best_case、commit 或 closed）",
                    found = iso(found)
                )
            }
            ProblemKind::NotACurrency(found) => {
                format!(
                    "{found} 不是 ISO 4217 货币代码（三个大写字母，例如 CNY）",
                    found = iso(found)
                )
            }
            ProblemKind::NotAQuotaPeriod(found) => {
                format!(
                    "{found} 不是月份（2026-11）或季度（2026-Q4）",
                    found = iso(found)
                )
            }
            ProblemKind::StageCount(n) => format!("应有 8 个阶段，实际有 {n} 个"),
            ProblemKind::NotOneOf { found, allowed } => format!(
                "未知取值 {found}（应为 {}）",
                allowed.join("、"),
                found = iso(found)
            ),
            ProblemKind::ContactIdUsedTwice(id) => {
                format!("联系人编号 {id} 在本项目中重复", id = iso(id))
            }
            ProblemKind::UnknownContact(id) => {
                format!("本项目没有编号为 {id} 的联系人", id = iso(id))
            }
            ProblemKind::SelfLink => "联系人不能连向自己".to_string(),
            ProblemKind::CompetitorTwice(name) => {
                format!("竞争对手 {name} 重复列出", name = iso(name))
            }
            ProblemKind::NotAPeriod(found) => format!(
                "{found} 不是月份（2026-10）、季度（2026-Q4）或年份（2026）",
                found = iso(found)
            ),
            ProblemKind::SnapshotIdUsedTwice(id) => {
                format!("快照编号 {id} 已被前面的快照使用", id = iso(id))
            }
            ProblemKind::RowLength { found, min, max } if min == max => {
                format!("应有 {min} 个值，实际有 {found} 个")
            }
            ProblemKind::RowLength { found, min, max } => {
                format!("应有 {min} 到 {max} 个值，实际有 {found} 个")
            }
            ProblemKind::UnknownBase(id) => {
                format!("前面没有编号为 {id} 的可读快照", id = iso(id))
            }
            ProblemKind::NotAStageCode(code) => {
                format!("{code} 不是“状态 × 100 + 声称阶段 × 10 + 核实阶段”")
            }
            ProblemKind::ShareOver100(share) => format!("比例 {share}% 超过了 100%"),
            ProblemKind::NotATargetPeriod(text) => format!(
                "{text} 既不是年份（2026）也不是季度（2026-Q4）",
                text = iso(text)
            ),
            ProblemKind::TargetTwice(period) => {
                format!(
                    "{period} 按同一方式分解的任务出现了两次",
                    period = iso(period)
                )
            }
            ProblemKind::StageOrder { expected, found } => {
                format!("此处应为 {}，实际是 {}", expected.code(), found.code())
            }
            ProblemKind::ItemIdUsedTwice(id) => format!("编号 {id} 用了两次", id = iso(id)),
            ProblemKind::DealIdUsedTwice(id) => {
                format!("编号 {id} 已被文件中前面的项目使用", id = iso(id))
            }
            ProblemKind::Field(problem) => match problem {
                Problem::Required => "必填，不能为空".to_string(),
                other => self.problem(other),
            },
            ProblemKind::TooLarge(bytes) => format!(
                "文件有 {} 字节，超过了 {} 字节（20 MB）的上限",
                group_thousands(*bytes as u128),
                group_thousands(MAX_FILE_BYTES as u128)
            ),
            ProblemKind::LoneSurrogate => "含有损坏的字符，即只有 UTF-16 代理对一半的 \\u 转义\
                （\\ud800 至 \\udfff），缺少另一半；文件在此处已损坏"
                .to_string(),
        }
    }

    fn unreadable(&self, why: &Unreadable) -> String {
        match why {
            Unreadable::NotJson {
                line,
                column,
                ended_early,
            } => format!(
                "数据不是有效的 JSON（第 {line} 行第 {column} 列出错{}）",
                if *ended_early {
                    "：内容不完整"
                } else {
                    ""
                }
            ),
            Unreadable::NotAPlan(what) => {
                let detail = match what {
                    NotAPlan::TopLevel(found) => format!("最外层是{}，不是对象", kind(*found)),
                    NotAPlan::NoFormat => "没有 \"format\": \"keyplan.plan\" 字段".to_string(),
                    NotAPlan::OtherFormat(found) => {
                        format!(
                            "\"format\" 是 {found}，不是 \"keyplan.plan\"",
                            found = iso(found)
                        )
                    }
                    NotAPlan::FormatNotText(found) => {
                        format!("\"format\" 是{}，不是 \"keyplan.plan\"", kind(*found))
                    }
                };
                format!("数据不是 keyplan 计划（{detail}）")
            }
            Unreadable::FutureVersion(v) => {
                format!("数据由更新版本的 keyplan 保存（格式版本 {v}），当前版本无法读取")
            }
            Unreadable::Damaged(damage) => format!(
                "压缩保存的计划已损坏，无法解压（{}）",
                match damage {
                    Damage::NotBase64 => "文字不是 base64".to_string(),
                    Damage::TooLong(bytes) => format!(
                        "声称解压后有 {} 字节，超过 keyplan 压缩保存的上限 {} 字节（20 MB）",
                        group_thousands(*bytes as u128),
                        group_thousands(MAX_FILE_BYTES as u128)
                    ),
                    Damage::Block => "LZ4 数据不完整，或与保存时的指纹不符".to_string(),
                    Damage::NotUtf8 => "解压后不是 UTF-8 文字".to_string(),
                }
            ),
            Unreadable::CannotRead => "浏览器无法读取这个文件".to_string(),
            Unreadable::Invalid(problem) => format!(
                "{}有误：{}",
                self.path(&problem.path),
                self.read_problem(&problem.kind)
            ),
        }
    }

    fn storage_error(&self, error: &StorageError) -> String {
        match error {
            StorageError::Unavailable => "浏览器不允许本页保存数据（可能是无痕模式，或浏览器限制了 file:// 页面）。修改只保存在当前页面中，关闭前请下载计划文件。".to_string(),
            StorageError::Full => "浏览器存储空间已满，最近的修改没有保存。计划仍在本页中，请立即下载计划文件。".to_string(),
            StorageError::TooLarge => "计划超过 20 MB，超出了 keyplan 在本浏览器中能保存的上限，最近的修改没有保存。计划仍在本页中，请立即下载计划文件。要继续在此保存，请删除部分商机，或把部分商机移到另一份计划中。".to_string(),
            StorageError::Other(name) => format!("保存失败（浏览器报告：{name}），最近的修改只在当前页面中。请下载计划文件以免丢失。"),
        }
    }

    fn last_export(&self, on: Option<NaiveDate>) -> String {
        match on {
            Some(day) => format!("上次导出：{}", self.date(day)),
            None => "从未导出".to_string(),
        }
    }

    fn storage_usage(&self, permille: usize, chars: usize, quota: usize, high: bool) -> String {
        format!(
            "浏览器存储已用 {}.{}%（{} 万 / {} 万字符）{}",
            permille / 10,
            permille % 10,
            ratio_text(chars, 10_000, 1),
            ratio_text(quota, 10_000, 1),
            if high {
                "，空间即将用完，请导出计划备份"
            } else {
                ""
            }
        )
    }

    fn replace_warning(&self, removed: usize, brought: usize) -> String {
        format!("整体替换会移除本计划现有的 {removed} 个项目，换成文件中的 {brought} 个项目。当前计划会先另存为备份。")
    }

    fn reset_warning(&self, removed: usize, sample: bool) -> String {
        let to = if sample {
            "培训案例的 13 个项目"
        } else {
            "一个空计划"
        };
        format!(
            "这会移除本计划现有的 {removed} 个项目，换成{to}。当前计划会先另存为备份，列在上面。"
        )
    }

    fn backup_size(&self, chars: usize) -> String {
        format!("{} 万字符", ratio_text(chars, 10_000, 1))
    }

    fn currency_mismatch(&self, mine: &str, theirs: &str) -> String {
        format!("导入的文件使用 {theirs}，本计划使用 {mine}：合并时不会加入该文件的项目（金额无法直接相加），可以选择整体替换。", theirs = iso(theirs), mine = iso(mine))
    }

    fn stamped_note(&self, n: usize) -> String {
        format!("{n} 个项目没有创建或更新时间，已记为本次导入的时间。")
    }

    fn ticked(&self, count: usize, first: &[String]) -> String {
        if count == 0 {
            return "无".to_string();
        }
        let more = if count > first.len() { "……" } else { "" };
        format!(
            "{count} 项：{}{more}",
            first.iter().map(iso).collect::<Vec<_>>().join("、")
        )
    }

    fn moves(&self, count: usize, last: Option<(Stage, Stage, NaiveDate)>) -> String {
        match last {
            None => "无".to_string(),
            Some((from, to, on)) => format!(
                "{count} 次变动，最近一次 {} → {}（{}）",
                from.code(),
                to.code(),
                self.date(on)
            ),
        }
    }

    fn funnel_desc(&self, stages: usize, deals: usize, amount: &str, weighted: &str) -> String {
        format!("{stages} 个阶段，共 {deals} 个项目：金额 {amount}，加权 {weighted}。")
    }

    fn accuracy_headline(
        &self,
        months: u32,
        verified: Option<i128>,
        claimed: Option<i128>,
    ) -> String {
        if verified.is_none() && claimed.is_none() {
            return format!(
                "最近 {months} 个有快照的月份都没有赢单：暂时无法衡量预测偏差比例（下表按金额列出每月的偏差）。"
            );
        }
        let off = |p: Option<i128>| match p {
            Some(p) => format!("偏差 {p}%"),
            None => "无法衡量（期间没有赢单）".to_string(),
        };
        format!(
            "最近 {months} 个月，验证预测{}，申报预测{}。",
            off(verified),
            off(claimed)
        )
    }

    fn bars_desc(&self, periods: usize, won: &str, weighted: &str, quota: Option<&str>) -> String {
        let quota = quota.map(|q| format!("，任务合计 {q}")).unwrap_or_default();
        format!("{periods} 个期间：已赢单合计 {won}，加权在谈合计 {weighted}{quota}。")
    }

    fn flag(&self, flag: &Flag) -> String {
        match flag {
            Flag::NoDecisionMaker => TEXTS.flag_no_decision_maker.to_string(),
            Flag::DecisionMakerNotFor { name, attitude } => {
                format!("决策者{}的态度：{}", iso(name), self.attitude(*attitude))
            }
            Flag::NoCoach => TEXTS.flag_no_coach.to_string(),
            Flag::SingleThreaded { close } => {
                format!("单线联系：关系熟悉及以上的联系人只有 {close} 位")
            }
            Flag::NotContacted {
                name,
                days: Some(days),
            } => {
                format!("高影响力的{}已 {days} 天未联系", iso(name))
            }
            Flag::NotContacted { name, days: None } => {
                format!("高影响力的{}从未联系", iso(name))
            }
            Flag::BlockerWithoutPlan { name } => {
                format!("反对者{}还没有应对计划（备注为空）", iso(name))
            }
            Flag::TopNotReached { stage } => {
                format!("项目已到 {}，但尚未建立高层关系", stage.code())
            }
        }
    }

    fn map_why(&self, why: &MapWhy) -> String {
        match why {
            MapWhy::NoContacts => TEXTS.why_no_contacts.to_string(),
            MapWhy::DecisionMaker(name) => format!("决策者：{}", iso(name)),
            MapWhy::NoDecisionMaker => TEXTS.why_no_decision_maker.to_string(),
            MapWhy::Middle(name) => format!("中层：与{}的关系熟悉及以上", iso(name)),
            MapWhy::NoMiddle => TEXTS.why_no_middle.to_string(),
            MapWhy::MiddleOpposed(name) => format!("中低层：{}反对我方", iso(name)),
            MapWhy::Backing(name) => format!("中层：{}支持我方，关系熟悉及以上", iso(name)),
            MapWhy::NoBacking => "中层还没有关系熟悉及以上、支持我方的人".to_string(),
            MapWhy::RolesMissing(roles) => format!(
                "尚未记录：{}",
                roles
                    .iter()
                    .map(|r| self.role(*r))
                    .collect::<Vec<_>>()
                    .join("、")
            ),
            MapWhy::AttitudeUnknown(name) => format!("还不清楚{}的态度", iso(name)),
            MapWhy::ChainKnown(n) => {
                format!("决策者、技术评估者、使用者、采购均已记录，态度已知（{n} 人）")
            }
            MapWhy::Top(name) => format!("高层：与{}的关系熟悉及以上", iso(name)),
            MapWhy::NoTop => TEXTS.why_no_top.to_string(),
            MapWhy::Complete(n) => format!("渔网图完整：各层都有人，{n} 份档案齐全"),
            MapWhy::LevelEmpty(level) => format!("{}还没有联系人", self.level(*level)),
            MapWhy::Incomplete(name) => format!("{}的档案不完整", iso(name)),
        }
    }

    fn score_why(&self, why: &ScoreWhy) -> String {
        match why {
            ScoreWhy::Verified(stage) => {
                format!("证据支持 {} {}", stage.code(), self.stage_name(*stage))
            }
            ScoreWhy::Chain { met } => format!("决策链 4 项检查满足 {met} 项"),
            ScoreWhy::NoCompetitors => TEXTS.why_no_competitors.to_string(),
            ScoreWhy::Position {
                ours,
                theirs,
                cheaper,
            } => format!(
                "我方最近的关系：{}；竞争对手：{}{}",
                self.relationship(*ours),
                self.relationship(*theirs),
                if *cheaper {
                    "；有对手价格更低"
                } else {
                    ""
                }
            ),
            ScoreWhy::Idle { days, limit } => format!("{days} 天前更新（上限 {limit} 天）"),
            ScoreWhy::Overdue { days: 0, slips: 0 } => "签约日期未过，从未推迟".to_string(),
            ScoreWhy::Overdue { days: 0, slips } => format!("签约日期已推迟 {slips} 次"),
            ScoreWhy::Overdue { days, slips: 0 } => format!("签约日期已过 {days} 天"),
            ScoreWhy::Overdue { days, slips } => {
                format!("签约日期已过 {days} 天，已推迟 {slips} 次")
            }
        }
    }

    fn people_error(&self, error: &PeopleError) -> String {
        match error {
            PeopleError::NameRequired => TEXTS.people_name_required.to_string(),
            PeopleError::IdRequired => "联系人编号不能为空".to_string(),
            PeopleError::ContactIdUsed(id) => format!("联系人编号 {} 已被使用", id.as_str()),
            PeopleError::NoSuchContact(id) => format!("没有编号为 {} 的联系人", id.as_str()),
            PeopleError::SelfLink => TEXTS.people_self_link.to_string(),
            PeopleError::CompetitorTwice(name) => format!("{}已在列表中", iso(name)),
            PeopleError::NoSuchCompetitor(name) => format!("没有名为{}的竞争对手", iso(name)),
        }
    }

    fn risk_desc(&self, owners: usize, claimed: &str, verified: &str, gap: &str) -> String {
        format!("{owners} 位负责人：申报合计 {claimed}，验证合计 {verified}，差额 {gap}。")
    }

    fn map_desc(&self, people: usize, reports: usize, influences: usize) -> String {
        format!("{people} 人：{reports} 条汇报关系（实线），{influences} 条影响关系（虚线）。")
    }

    // projector mode (P): the deck's words (its opening workshop questions, its BTC/BTB table)
    fn workshop_questions(&self) -> [&'static str; 6] {
        [
            "你认为大客户营销成功的关键点是什么，为什么？",
            "大客户销售人员的素质模型是什么？",
            "你的销售团队是如何把握项目机会点、如何做市场分析？",
            "你是如何理解“结构化销售流程”的？",
            "如何破解高层客户公关困局？",
            "大客户营销的量化过程管理如何实现？",
        ]
    }

    fn btc_btb(&self) -> (&'static str, [[&'static str; 3]; 6]) {
        (
            "工业品与消费品营销的区别",
            [
                ["", "BTC", "BTB"],
                ["项目周期", "短、简单", "长、复杂"],
                ["运作模式", "个人为主", "团队、结构化"],
                ["项目标的", "小", "大"],
                ["销售节奏", "快", "慢"],
                ["采购决策链", "短", "长"],
            ],
        )
    }
}
