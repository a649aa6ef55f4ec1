//! English: the interface text, and how every message and error reads in English.
use chrono::{Datelike, NaiveDate};

use super::{iso, ratio_text, shown, Language, Texts};
use crate::domain::coverage::{Flag, MapWhy};
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
    import: "Import",
    import_title: "Import plan files",
    import_field: "Field",
    import_mine: "This plan",
    import_theirs: "Imported file",
    import_by_rule: "By the rule below",
    import_keep_mine: "Keep mine",
    import_take_theirs: "Take theirs",
    import_new: "New deals",
    import_changed: "Updated deals",
    import_conflicts: "Conflicts (both changed)",
    import_unchanged: "Unchanged",
    import_rejected: "Rejected records",
    import_conflict_note: "The same deal was changed on both sides and this plan's version is not older. Choose for each, or let the rule decide.",
    import_rule: "Conflict rule",
    import_newest: "Newest update wins",
    import_replace: "Replace the plan",
    import_merge: "Merge",
    import_backup_failed: "The current plan could not be backed up first, so the import was cancelled and nothing changed",
    details_differ: " (details differ)",
    drop_here: "Drop plan files (.json) to import them",
    imported_notice: "Import applied. The plan as it was before is backed up and can be restored in one step.",
    restore_before_import: "Restore the plan from before the import",
    export_title: "Export",
    export_whole: "The whole plan (JSON)",
    export_owner: "One owner's deals (JSON)",
    export_csv_deals: "Deal list (CSV for Excel)",
    export_deal: "Export this deal",
    export_button: "Download",
    stale_plan: "Another tab or window has just saved a different plan. So that neither overwrites the other, this page's changes are not saved yet.",
    load_latest: "Load the latest saved plan",
    keep_mine: "Keep this page's plan, replacing the saved one",
    field_probability: "Own win probability",
    field_category: "Own forecast category",
    override_hint: "Leave empty to use the stage's",
    by_stage: "By stage",
    cat_pipeline: "Pipeline",
    cat_best_case: "Best case",
    cat_commit: "Commit",
    cat_closed: "Signed, not marked won",
    view_forecast: "Forecast",
    forecast_title: "Rolling sales forecast",
    granularity: "Periods",
    by_month: "Monthly",
    by_quarter: "Quarterly",
    by_year: "Yearly",
    window_start: "From",
    window_len: "Window",
    basis: "Basis",
    basis_claimed: "Claimed stages",
    basis_verified: "Verified stages",
    cat_view: "Categories",
    single: "Single",
    cumulative: "Cumulative",
    filter_all: "All",
    group_by: "Group by",
    group_none: "No grouping",
    col_period: "Period",
    col_weighted_open: "Weighted open",
    col_total: "Forecast",
    col_quota: "Quota",
    bucket_earlier: "Won before the window",
    bucket_overdue: "Overdue",
    bucket_later: "After the window",
    bucket_no_date: "No date",
    total_row: "Total",
    no_value: "(none)",
    export_csv: "Export CSV",
    print_report: "Print forecast",
    quotas_title: "Quotas and attainment",
    team: "Team",
    col_attainment: "Attainment",
    col_gap: "Gap",
    col_coverage: "Coverage",
    quota_period: "Period",
    quota_period_hint: "e.g. 2026-11 or 2026-Q4",
    set_quota: "Set quota",
    remove: "Remove",
    quota_help: "Coverage = weighted open pipeline in the period ÷ remaining quota. An amount of 0 removes a quota.",
    quota_bad_period: "Write the period as 2026-11 (a month) or 2026-Q4 (a quarter)",
    no_quotas: "No quotas set yet.",
    quotas_filtered: "Quotas are set per owner and for the team; with a product, region, segment or score filter no quota or attainment is shown.",
    quota_amount_placeholder: "3,000,000",
    forecast_file: "forecast",
    snap_title: "Closing the month: snapshots",
    snap_intro: "Closing a period freezes the forecast and each deal as it stands.",
    snap_period: "Period to close",
    snap_close: "Close the period",
    snap_unclosed: "Ended without a snapshot:",
    snap_list: "Snapshots",
    snap_taken: "Taken",
    snap_deals: "Deals",
    snap_next_claimed: "Next month (claimed)",
    snap_next_verified: "Next month (verified)",
    snap_none: "No snapshot yet: close a period to start.",
    snap_unreadable: "Snapshots that could not be read (kept as they are):",
    moved_title: "What moved",
    moved_from: "From",
    moved_to: "To",
    moved_now: "Now",
    moved_period: "Pipeline of",
    moved_opening: "Opening pipeline",
    moved_closing: "Closing pipeline",
    move_new: "New deals",
    move_increased: "Increased",
    move_decreased: "Decreased",
    move_pulled_in: "Pulled in",
    move_slipped: "Slipped out",
    move_won: "Won",
    move_lost: "Lost",
    move_stage: "Stage moves",
    moved_rule: "Weighted pipeline of open deals closing in the month. A deal that slips out and grows counts once, in slipped out; a deleted one as lost.",
    moved_change: "Change",
    moved_deals: "Deals",
    moved_need_snapshot: "Close a period first: what moved is measured from a snapshot.",
    accuracy_title: "Forecast accuracy",
    slipped_times: "slipped",
    accuracy_lead: "Forecast made (months before)",
    accuracy_claimed: "Forecast (claimed)",
    accuracy_verified: "Forecast (verified)",
    accuracy_won: "Won",
    accuracy_error_claimed: "Error (claimed)",
    accuracy_error_verified: "Error (verified)",
    accuracy_none: "No ended month has a forecast from a snapshot yet.",
    accuracy_rule: "Off by: Σ |forecast − won| / Σ won over the months with a snapshot.",
    accuracy_by_owner: "By owner",
    chart_waterfall: "What moved in the pipeline",
    risk_title: "Forecast risk: claimed against verified",
    risk_intro: "The same forecast computed from the claimed stages and from the stages the evidence supports: the difference is the risk that managing the process exposes.",
    categories_note: "Categories: P0–P2 pipeline, P3–P4 best case, P5–P6 commit; P7 means signed but not yet marked won. In the cumulative view each category includes every firmer one and the won deals.",
    charts_title: "Charts",
    report_for: "Report date",
    app_tagline: "Key-account sales planner",
    language: "Language",
    view: "View",
    view_board: "Board",
    view_list: "List",
    new_deal: "New deal",
    export_plan: "Export plan",
    open_pipeline: "Open pipeline",
    weighted_pipeline: "Weighted pipeline",
    won_this_month: "Won this month",
    column_total: "Total",
    column_weighted: "Weighted",
    column_empty: "No deals",
    probability: "Win probability",
    move_prev: "Move back one stage",
    move_next: "Move forward one stage",
    open_deal: "Open deal",
    no_close_date: "No close date",
    expected_close: "Expected close",
    signed_on: "Signed on",
    lost_on: "Lost on",
    editor_new: "New deal",
    editor_edit: "Edit deal",
    field_name: "Deal name",
    field_customer: "Customer",
    field_amount: "Amount",
    field_stage: "Stage",
    field_close: "Expected close date",
    field_closed_on: "Signed or lost on",
    field_owner: "Owner",
    field_product: "Product",
    field_region: "Region",
    field_segment: "Customer segment",
    field_next_step: "Next step",
    field_notes: "Notes",
    field_status: "Status",
    field_self_check: "Self-check",
    field_created: "Created",
    field_updated: "Updated",
    field_extra: "Other fields",
    amount_hint: "Exact to the cent: 1,250,000.00 or 125万",
    fix_errors: "Please correct the marked fields; the deal is not saved yet.",
    save: "Save",
    cancel: "Cancel",
    delete: "Delete",
    mark_won: "Mark as won",
    mark_lost: "Mark as lost",
    reopen: "Reopen",
    status_open: "Open",
    status_won: "Won",
    status_lost: "Lost",
    err_required: "Required",
    deleted: "Deleted",
    undo: "Undo",
    dismiss: "Dismiss",
    empty_title: "No deals yet",
    empty_body: "Create your first deal, or load the training case: the 13 deals of 销售小王 (Xiao Wang)'s team, spread over stages P0 to P7.",
    load_sample: "Load the training case",
    corrupt_title: "The plan saved in this browser can't be read",
    corrupt_kept: "The original data has been kept exactly as it was, not overwritten, and a backup copy was saved. You can download it before deciding to start fresh.",
    corrupt_backup_failed: "The original data was not overwritten, but the backup copy could not be written to browser storage: download the original data first.",
    corrupt_paused: "keyplan saves nothing until you choose.",
    download_raw: "Download the original data",
    start_fresh: "Start fresh",
    download_plan: "Download the plan",
    list_caption: "All deals",
    col_weighted: "Weighted",
    privacy: "Everything stays in this browser; nothing is sent to any server.",
    where_file: "Everything stays in this browser, for this file only:",
    where_browser_hint: "Your plan is kept in this browser. To bring one from another browser, export it there and import it here.",
    where_file_before: "Firefox keeps a plan for each file location; this one is for ",
    where_file_after: ". Plan missing after the file was moved, renamed or copied? Open the file from where it was, or import an export.",
    backup_export: "Export a backup",
    board_label: "Pipeline board",
    close: "Close",
    tab_details: "Details",
    tab_gates: "Gate checklist",
    tab_coaching: "Coaching",
    tab_history: "Stage history",
    view_method: "Method",
    claimed_stage: "Claimed",
    verified_stage: "Verified",
    verified_hint: "The furthest stage the recorded evidence supports",
    ahead_of_evidence: "Claim runs ahead of the evidence",
    override_flag: "Moved past unmet criteria",
    gate_met: "Met",
    gates_intro: "A deal moves on only when every acceptance criterion of its stage is met. Record the day and the evidence as you tick.",
    current: "current",
    evidence: "Evidence",
    evidence_placeholder: "Evidence: minutes, a customer e-mail, the approval document…",
    checked_on: "Met on",
    retired: "Retired",
    ours: "Added by keyplan",
    ours_hint: "Not in the source deck: keyplan wrote this in the deck's spirit",
    move_to: "Move to",
    move_button: "Move",
    blocked_body: "These acceptance criteria are not met yet:",
    override_reason: "To move anyway, give a reason (required; it stays visible on the deal)",
    confirm_override: "Move anyway",
    back_to_work: "Back to work",
    history_empty: "No stage changes yet.",
    skipped_items: "Criteria not met at the time:",
    history_won: "Won",
    history_lost: "Lost",
    history_close: "Close date moved",
    history_reopened: "Reopened",
    lost_to: "Lost to",
    customer_cycle: "Customer decision cycle",
    sales_cycle: "Sales activity cycle",
    project_cycle: "Project progression",
    customer_doing: "What the customer is going through",
    sales_should: "What the salesperson should do",
    steps: "Steps",
    success: "Success markers",
    success_customer: "Customer",
    success_supplier: "Supplier",
    success_milestone: "Milestone",
    mistakes: "Common mistakes",
    self_check: "Self-check before the next visit (Xiao Wang's exercise)",
    clear_self_check: "Clear for the next visit",
    practices: "Management practices",
    principles: "The four principles of key-account sales",
    cycles_title: "Three cycles: customer decision, sales activity, project progression",
    cycles_key: "Outer: customer decision · middle: sales activity · inner: project stage",
    method_title: "Sales method",
    method_intro: "A trainer or team can adapt each stage's win probability, stale limit and acceptance criteria. The method is saved with the plan; retiring a criterion never deletes recorded evidence.",
    method_custom: "This plan uses an adapted method",
    method_default: "This plan uses the default method",
    reset_method: "Reset to the default method",
    reset_confirm: "Confirm reset? Evidence is kept",
    stale_limit: "Stale after",
    days: "days",
    add_item: "Add criterion",
    add_item_placeholder: "New criterion, e.g. purchase budget approved in writing",
    edit: "Edit",
    retire: "Retire",
    restore: "Restore",
    move_up: "Move up",
    move_down: "Move down",
    text_zh: "Chinese",
    text_en: "English",
    stage_hint: "New deals usually start at P0; a later stage shows which evidence is missing",
    win_title: "Mark as won",
    win_intro: "Signing moves the deal into P7. Give the signing date and the contract amount; the win counts in the month it was signed.",
    win_missing: "These acceptance criteria are not met yet:",
    win_reason: "To mark it won anyway, give a reason (required; it stays visible on the deal)",
    confirm_win: "Mark as won",
    lose_title: "Mark as lost",
    lose_reason: "Why it was lost (required, for the deal review)",
    lose_competitor: "Lost to whom (competitor)",
    confirm_lose: "Mark as lost",
    filtered_by: "Filter",
    chart_funnel: "Sales funnel",
    chart_forecast: "Forecast by period: won and weighted open",
    chart_risk: "By owner: claimed and verified",
    chart_stage: "Stage",
    chart_deals: "Deals",
    chart_amount: "Amount",
    chart_weighted: "Weighted",
    chart_won: "Won",
    chart_total: "Total",
    chart_claimed: "Claimed",
    chart_verified: "Verified",
    chart_difference: "Difference",
    merge_latest: "Merge both",
    fresh_confirm: "This text is the only copy: make sure the downloaded file is saved before starting fresh.",
    fresh_confirmed: "I have the file — start fresh",
    download_failed: "The browser did not download the file; the text is still here. Check the download settings or try another browser.",
    backups_open: "Backups",
    backups_title: "Backups kept in this browser",
    backups_intro: "Backups are never overwritten: unreadable data is kept as it was, and the plan before each import or restore gets a copy of its own. Download, restore or delete them here.",
    backups_empty: "No backups yet.",
    backup_unreadable: "Unreadable data",
    backup_before_import: "Plan before an import",
    backup_before_restore: "Plan before a restore",
    backup_when_unknown: "time unknown (kept by an older version)",
    backup_download: "Download",
    backup_delete: "Delete",
    backup_delete_confirm: "Delete this backup for good?",
    backup_restore: "Restore this plan",
    conflict_title: "This deal was changed elsewhere",
    conflict_intro: "After you opened it, another tab or window saved a newer version of this deal. Compare both, then choose.",
    conflict_keep_mine: "Save mine (replacing theirs)",
    conflict_take_theirs: "Drop mine and open the newer version",
    conflict_mine: "Mine",
    conflict_theirs: "Saved version",
    gone_notice: "This deal was deleted in another tab or window. What you typed is still here: save it as a new deal, or close to drop it.",
    nothing_to_import: "The files hold no deal that can be imported; the plan stays as it is.",
    replace_confirm_button: "Replace the plan",
    chart_no_data: "No data",
    retry_save: "Try saving again",
    map_title: "Decision map",
    map_reports_to: "Reports to",
    map_influences: "Influences",
    map_attitude: "Attitude",
    map_relationship: "Relationship",
    map_owner: "Our owner",
    map_influence: "Influence",
    map_level: "Level",
    map_name: "Name",
    map_job_title: "Title",
    map_roles: "Roles",
    map_thick_border: "Thick border: high influence",
    field_people: "People & competition",
    bonus_title: "Bonus pool",
    level_top: "Top",
    level_middle: "Middle",
    level_operational: "Operational",
    role_decision_maker: "Decision maker",
    role_technical: "Technical evaluator",
    role_user: "User",
    role_buyer: "Buyer",
    role_influencer: "Influencer",
    role_coach: "Coach",
    influence_high: "High influence",
    influence_medium: "Medium influence",
    influence_low: "Low influence",
    attitude_opposed: "Opposed",
    attitude_doubtful: "Doubtful",
    attitude_neutral: "Neutral",
    attitude_supportive: "Supportive",
    attitude_champion: "Champion",
    rel_stranger: "Stranger",
    rel_acquainted: "Acquainted",
    rel_familiar: "Familiar",
    rel_trusted: "Trusted",
    rel_ally: "Ally",
    link_reports_to: "reports to",
    link_influences: "influences",
    price_lower: "Cheaper than us",
    price_similar: "Similar price",
    price_higher: "Dearer than us",
    map_decision_chain: "Decision chain known",
    map_middle_relations: "Middle and lower-level relations good",
    map_top_relation: "Top-level relation",
    map_complete: "Complete map and profiles",
    map_chain_detail: "Decision chain known in detail",
    map_middle_backing: "Middle-level backing",
    score_gates: "Gates met",
    score_chain: "Decision chain",
    score_competition: "Competitive position",
    score_freshness: "Freshness",
    score_slips: "Close date",
    flag_no_decision_maker: "Decision maker unknown",
    flag_no_coach: "No coach",
    raise_decision_maker: "Find and record the decision maker",
    raise_win_decision_maker: "Win the decision maker's support",
    raise_coach: "Develop a coach",
    raise_broaden: "Get to know a second contact well",
    raise_competitors: "Record the competitors",
    raise_deepen: "Get closer to the customer than the competition",
    raise_answer_price: "Answer the cheaper competitor: show the value of our offer, or adjust its terms",
    raise_update: "Update the deal",
    raise_redate: "Agree a new close date with the customer",
    why_no_contacts: "No contacts recorded yet",
    why_no_decision_maker: "No decision maker recorded",
    why_no_middle: "No middle- or lower-level contact at familiar or closer",
    why_no_top: "No top-level contact at familiar or closer who is not against us",
    why_no_competitors: "No competitor recorded",
    people_name_required: "A name is required",
    people_self_link: "A contact cannot be linked to itself",
    tab_competition: "Competition",
    competitors_title: "Competitors",
    no_competitors: "No competitors recorded yet.",
    competitor_name: "Name",
    competitor_strengths: "Their strengths",
    competitor_weaknesses: "Their weaknesses",
    competitor_relationship: "Relationship with the customer",
    competitor_price: "Price",
    add_competitor: "Add competitor",
    not_known: "Not known",
    triangle_title: "Golden triangle (customer · us · competitors)",
    triangle_customer: "Customer",
    triangle_us: "Us",
    triangle_wants: "What they want",
    triangle_ours: "Our closest relationship",
    triangle_their: "Their relationship and price",
    swot_title: "SWOT and TWOS strategies",
    swot_strengths: "Strengths",
    swot_weaknesses: "Weaknesses",
    swot_opportunities: "Opportunities",
    swot_threats: "Threats",
    swot_so: "SO: use strengths to take opportunities",
    swot_st: "ST: use strengths to meet threats",
    swot_wo: "WO: overcome weaknesses through opportunities",
    swot_wt: "WT: limit weaknesses, avoid threats",
    save_swot: "Save SWOT",
    review_title: "Post-mortem",
    review_why: "Why it was won or lost",
    review_competitor: "Against which competitor",
    review_learned: "What the team learned",
    review_none: "No post-mortem recorded.",
    score: "Score",
    score_filter: "Score",
    score_any: "All",
    people_rules: "Decision chain and score rules",
    needs_evidence: "Needs evidence",
    map_rule: "Map test",
    map_rule_none: "None",
    contact_days: "Days without contact (high influence)",
    chain_from: "Coverage flags from stage",
    top_by: "Top-level relation needed by",
    score_weights: "Score weights",
    tab_people: "People",
    people_add: "Add contact",
    people_new: "New contact",
    people_editing: "Edit contact",
    people_empty: "No contacts yet: add the people who decide.",
    contact_department: "Department",
    contact_last: "Last contact",
    contact_wants_result: "Wants for the organisation",
    contact_wants_win: "Personal win",
    contact_notes: "Notes (e.g. the plan for a blocker)",
    links_title: "Links",
    link_from: "From",
    link_to: "To",
    link_kind: "Kind",
    link_add: "Add link",
    link_twice: "This link is there already",
    view_map: "Map",
    view_table: "Table",
    flags_title: "Coverage flags",
    flags_none: "No gaps found in the decision chain",
    flags_from: "Checked from stage",
    flag_serves: "Serves",
    score_title: "Deal score",
    score_raise_most: "Would raise it most",
    map_supports: "The map supports this",
    map_contradicts: "The map contradicts this",
    map_silent: "The map says nothing",
    tick_with_map: "Tick with the map as evidence",
    tick_contradicted: "The map contradicts this tick: look at it again",
    evidence_required: "Evidence required: the tick does not count until evidence is given",
    remove_sure: "Yes, remove",
    // projector mode (P)
    projector_on: "Present",
    projector_off: "Leave",
    projector_back: "Back",
    projector_next: "Next",
    projector_keys: "← → step · ↑ ↓ part · Esc leave",
    projector_deals: "Deals",
    projector_question: "Discussion",
    projector_compare: "Tables compared",
    projector_deck: "The deck's words",
    projector_no_evidence: "No evidence written",
    // issue 11, S: the team's strategies, housekeeping, the deck's words
    field_strategies: "Strategies",
    strategies_title: "Our strategies (Strategy 1, Strategy 2, …)",
    strategies_hint: "One strategy per line, numbered in order",
    strategies_stage: "Strategies for stage",
    save_strategies: "Save strategies",
    title_rename: "Rename the plan: Enter saves, Esc cancels, empty for no title",
    title_untitled: "Untitled plan",
    reset_title: "Between sessions: start again",
    reset_sample: "Reload the training case",
    reset_clear: "Clear the plan",
    replace_confirm: "Yes, replace it",
    backup_before_reset: "Plan before a reload or clear",
    // W: the workshop kit (tables' copies and the comparison)
    view_workshop: "Workshop",
    ws_prepare_title: "Prepare the case for the tables",
    ws_prepare_intro: "One plan file per table, all from the current plan. Each table opens its file with Import.",
    ws_needs_case: "The current plan has no deals.",
    ws_tables: "Tables",
    ws_table_name: "Table name",
    ws_table_default: "Table {n}",
    ws_exercise: "Exercise",
    ws_exercise_default: "Work every deal: check its gate items and write the evidence; give a reason for each move; write down the stage's strategies and your answers to its questions.",
    ws_prepare: "Prepare the files",
    ws_download: "Download",
    ws_download_all: "Download all",
    ws_count_error: "Between 2 and 30 tables",
    ws_name_missing: "Every table needs a name",
    ws_name_twice: "Table names must differ",
    ws_compare_title: "Compare the tables' plans",
    ws_compare_intro: "Open the files the tables hand back (several at once). The comparison stays in this page; your plan is not touched.",
    ws_open_files: "Open plan files…",
    ws_close: "Close the comparison",
    ws_print: "Print",
    ws_table: "Table",
    ws_file: "File",
    ws_open_deals: "Open deals",
    ws_open: "Open pipeline",
    ws_claimed: "Weighted (claimed)",
    ws_verified: "Weighted (verified)",
    ws_gates_met: "Gate items met",
    ws_evidence: "with evidence",
    ws_overrides: "Overrides",
    ws_flags: "Decision-chain flags",
    ws_score: "Mean score",
    ws_currency: "Currency",
    ws_stray: "Not of this workshop",
    ws_other_currency: "Another currency: amounts not comparable",
    ws_deal: "Deal",
    ws_customer: "Customer",
    ws_stage: "Stage",
    ws_verified_stage: "Verified",
    ws_deal_score: "Score",
    ws_discussion: "Discussion point",
    ws_yes: "yes",
    ws_deals_title: "Deal by deal",
    ws_rows_plan: "Case order",
    ws_rows_disagreement: "Disagreements first",
    ws_rows_spread: "Widest score spread first",
    ws_not_there: "Not in this table's plan",
    ws_unreadable: "Could not be read",
    ws_legend: "Highlighted: discussion points, where the tables differ in stage, verified stage or status, or their scores lie 20 or more points apart.",
    ws_tables_count: "tables",
    ws_deals_count: "deals",
    ws_points_count: "discussion points",
    ws_reasons: "Reasons",
    csv_override_reason: "Override reason",
    import_paste: "Paste a table",
    import_paste_hint: "Copy a range in Excel (with its header row) and paste it here",
    import_paste_read: "Read what was pasted",
    import_encoding: "File encoding",
    import_mapping: "Columns",
    import_unit: "Amount unit",
    unit_yuan: "yuan",
    unit_wan: "10,000 yuan",
    target_to_notes: "To notes",
    target_ignore: "Do not import",
    import_duplicates: "Possible duplicates (same customer and name as a deal of the plan)",
    // H: handouts and printing (issue 11)
    handouts: "Handouts",
    handout_method: "Method card: the three cycles and every stage's gates",
    handout_gates: "Blank gate checklist",
    handout_chain: "Blank decision chain",
    handout_board: "Pipeline board",
    print_plan: "Print account plan",
    account_plan: "Account plan",
    sheet_team: "Table",
    sheet_date: "Date",
    report_print: "Print period report",
    report_period: "Report period",
    report_won: "Won against quota",
    report_lost: "Lost in the period",
    report_outlook: "Forecast for the next periods, by category",
    report_risks: "Risks",
    report_top: "Largest open deals by weighted amount",
    report_none: "None",
    report_made: "Made on",
    report_claimed_weighted: "Weighted (claimed)",
    report_verified_weighted: "Weighted (verified)",
    report_moved: "What moved since the last report",
    report_moved_none: "No snapshot from the close of the period before: close a period in the forecast view and this lists what moved in the period’s pipeline.",
    report_moved_all: "Over all deals (snapshots hold no filter).",
    report_reasons: "Risk",
    split_by: "Split by",
    split_by_share: "By share (%)",
    split_by_amount: "By amount",
    split_share: "Share %",
    split_amount: "Amount",
    split_gets: "Comes to",
    split_add: "Add a part",
    split_remainder: "Left to assign",
    split_over: "Over by",
    split_share_sum: "Shares total",
    split_complete: "Adds up",
    split_must_add_up: "Not saved: shares must add up to 100 %, amounts to the total.",
    split_share_over: "A share cannot be more than 100 %",
    split_rule: "By share, each part takes its share rounded down to the cent; the cents left go to the largest fractions (earlier part first on a tie), so the parts add up exactly.",
    targets_title: "Targets handed down",
    targets_intro: "Split the team's year or quarter target to owners, products or regions, by share or amount; attainment is what was won in the period.",
    no_targets: "No targets handed down yet.",
    target_to: "Split to",
    target_amount: "Team target",
    target_save: "Save target",
    target_edit: "Edit",
    target_period_hint: "e.g. 2026 or 2026-Q4",
    target_bad_period: "Write the period as 2026 (a year) or 2026-Q4 (a quarter)",
    bonus_pool: "Pool amount",
    bonus_member: "Team member",
    bonus_save: "Save bonus split",
    bonus_remove: "Remove bonus pool",
    bonus_none: "Record this deal's bonus pool and its split to the team.",
    bonus_saved: "The bonus split recorded:",
    matrix_title: "Matrix: product × segment × region",
    matrix_intro: "Cross any two dimensions; filter by the third above. Each cell: weighted, open, won (deal counts). Click a cell for its deals.",
    matrix_rows: "Rows",
    matrix_columns: "Columns",
    matrix_total: "Total",
    matrix_open: "Open",
    matrix_open_count: "Open deals",
    matrix_won_count: "Won deals",
    matrix_weighted: "Weighted (claimed)",
    matrix_verified: "Weighted (verified)",
    matrix_on_verified: " (weighted on verified stages)",
    matrix_deals_of: "Deals of",
    matrix_pick: "Click a cell to list its deals.",
    matrix_empty: "No deal matches the filter.",
    matrix_file: "matrix",
    import_left_out: "Targets left out",
    import_bad_snapshots: "Snapshots left out (unreadable)",
    import_targets_replaced: "Targets your merge replaces (the file's version is newer, or you take theirs)",
};

/// The deck's English stage names.
const STAGES: [&str; 8] = [
    "Identification",
    "Design",
    "Component approval",
    "Mid-level relations",
    "Top-level relations",
    "Business negotiation",
    "Agreement",
    "Delivery",
];

/// A longer English gloss of each Chinese stage name, for tooltips and handouts.
const GLOSSES: [&str; 8] = [
    "Market planning · prospecting",
    "Uncover needs · lock the target",
    "Project approval · customer relations",
    "Design exchange · win the middle level",
    "Requirements research · top-level breakthrough",
    "Solution evaluation · project commitment",
    "Contract negotiation · signing",
    "Delivery and close-out · upsell",
];

/// English.
pub struct En;

/// A kind found: `a number`, `an object`.
fn found(kind: Kind) -> &'static str {
    match kind {
        Kind::Null => "null",
        Kind::Boolean => "a boolean",
        Kind::Number => "a number",
        Kind::String => "a string",
        Kind::Array => "an array",
        Kind::Object => "an object",
    }
}

/// A kind expected: as found, but `true or false` for a boolean.
fn expected(kind: Kind) -> &'static str {
    match kind {
        Kind::Boolean => "true or false",
        other => found(other),
    }
}

fn amount_error(error: &AmountError) -> String {
    match error {
        AmountError::Empty => "the amount is empty".to_string(),
        AmountError::NotANumber(text) => format!("\"{text}\" is not an amount", text = iso(text)),
        AmountError::Negative => "the amount is negative".to_string(),
        AmountError::TooManyDecimals => "the amount has more than two decimals".to_string(),
        AmountError::TooLarge => "the amount is larger than 999,999,999,999.99".to_string(),
    }
}

impl Language for En {
    fn texts(&self) -> &'static Texts {
        &TEXTS
    }

    fn own_name(&self) -> &'static str {
        "English"
    }

    fn stage_name(&self, stage: Stage) -> &'static str {
        STAGES[stage.index()]
    }

    fn stage_title(&self, stage: Stage) -> &'static str {
        GLOSSES[stage.index()]
    }

    fn stage_name_ours(&self, stage: Stage) -> bool {
        // the deck names P0–P5 in English ("P5:Business Negotiate"); P6 and P7 are ours
        stage >= Stage::P6
    }

    fn pick<'t>(&self, text: &'t Text) -> &'t str {
        &text.en
    }

    fn colon(&self) -> &'static str {
        ": "
    }

    fn row_at(&self, row: usize, header: &str) -> String {
        format!("row {row} · {header}")
    }

    fn path(&self, path: &str) -> String {
        path.to_string()
    }

    fn date(&self, date: NaiveDate) -> String {
        date.format("%-d %b %Y").to_string()
    }

    fn period(&self, period: Period) -> String {
        let year = period.start.year();
        match period.granularity {
            Granularity::Month => period.start.format("%b %Y").to_string(),
            Granularity::Quarter => format!("Q{} {year}", period.quarter()),
            Granularity::Year => year.to_string(),
        }
    }

    fn short_period(&self, period: Period) -> String {
        match period.granularity {
            Granularity::Month if period.start.month() == 1 => {
                period.start.format("Jan %Y").to_string()
            }
            Granularity::Month => period.start.format("%b").to_string(),
            _ => self.period(period),
        }
    }

    fn deal_count(&self, n: usize) -> String {
        match n {
            1 => "1 deal".to_string(),
            n => format!("{n} deals"),
        }
    }

    fn months(&self, n: u32) -> String {
        format!("{n} months")
    }

    fn files_left(&self, names: &[String]) -> String {
        format!(
            "A spreadsheet is imported on its own, one file at a time. Not imported: {}. Import {} separately.",
            names.join(", "),
            if names.len() == 1 { "it" } else { "them" }
        )
    }

    fn show_more(&self, n: usize, hidden: usize) -> String {
        format!(
            "Show {n} more ({} not shown)",
            group_thousands(hidden as u128)
        )
    }

    fn compact_units(&self) -> &'static [(i128, &'static str)] {
        &[(1_000_000_000, "B"), (1_000_000, "M"), (1_000, "K")]
    }

    fn report_title(&self, period: Period) -> String {
        let kind = match period.granularity {
            Granularity::Month => "Monthly",
            Granularity::Quarter => "Quarterly",
            Granularity::Year => "Yearly",
        };
        format!("{kind} report · {}", self.period(period))
    }

    fn risk_reason(&self, reason: &RiskReason) -> String {
        match reason {
            RiskReason::Ahead(verified) => format!(
                "Claims more than its evidence supports ({})",
                verified.code()
            ),
            RiskReason::Stale(days) => self.stale_note(*days),
            RiskReason::Slipped(n) => format!("Close date slipped {n} times"),
            RiskReason::Overdue(days) => {
                format!(
                    "Expected close passed {days} {} ago",
                    if *days == 1 { "day" } else { "days" }
                )
            }
        }
    }

    fn stale_note(&self, days: i64) -> String {
        format!("Stale: {days} days without update")
    }

    fn blocked_title(&self, to: Stage) -> String {
        format!("Not ready for {} {}", to.code(), self.stage_name(to))
    }

    fn cycles_alt(&self, claimed: Stage, verified: Stage) -> String {
        let row = content().row(claimed);
        format!(
            "The deal is claimed at {} {}; the evidence supports {}. On this row the customer is at “{}” and the salesperson at “{}”.",
            claimed.code(),
            self.stage_name(claimed),
            verified.code(),
            row.customer.name.en,
            row.sales.name.en
        )
    }

    fn method_error(&self, error: &MethodError) -> String {
        match error {
            MethodError::Probability(p) => format!(
                "A probability is a whole percent from 0 to 100, not {}",
                shown(*p)
            ),
            MethodError::StaleDays(d) => format!(
                "A stale limit is 1 to {MAX_STALE_DAYS} days, not {}",
                shown(*d)
            ),
            MethodError::EmptyText => "A criterion needs a text".to_string(),
            MethodError::TextTooLong => {
                format!("A criterion is at most {MAX_ITEM_TEXT} characters")
            }
            MethodError::NoSuchItem(id) => format!("There is no criterion {}", id.as_str()),
            MethodError::ContactDays(d) => format!(
                "Days without contact are 1 to {MAX_STALE_DAYS}, not {}",
                shown(*d)
            ),
            MethodError::Weight(w) => {
                format!(
                    "A weight is a whole number from 0 to 100, not {}",
                    shown(*w)
                )
            }
            MethodError::NoWeight => "At least one part of the score needs a weight".to_string(),
        }
    }

    fn problem(&self, problem: &Problem) -> String {
        match problem {
            Problem::Required | Problem::Amount(AmountError::Empty) => {
                TEXTS.err_required.to_string()
            }
            Problem::TooLong(max) => format!("At most {max} characters"),
            Problem::Amount(AmountError::NotANumber(text)) => format!(
                "“{text}” is not an amount: type a number such as 880000, 88万 or 1,250,000.50",
                text = iso(text)
            ),
            Problem::Amount(AmountError::Negative) => "The amount can't be negative".to_string(),
            Problem::Amount(AmountError::TooManyDecimals) => {
                "At most two decimals (cents)".to_string()
            }
            Problem::Amount(AmountError::TooLarge) => {
                "The amount can't exceed 999,999,999,999.99".to_string()
            }
            Problem::Stage(text) => {
                format!("Unknown stage “{text}”: use P0 to P7", text = iso(text))
            }
            Problem::Date(text) => {
                format!(
                    "“{text}” is not a date: use YYYY-MM-DD, e.g. 2026-12-31",
                    text = iso(text)
                )
            }
            Problem::Percent(text) => format!(
                "“{text}” is not a whole percent from 0 to 100",
                text = iso(text)
            ),
            Problem::Category(text) => {
                format!("Unknown forecast category “{text}”", text = iso(text))
            }
        }
    }

    fn read_problem(&self, problem: &ProblemKind) -> String {
        match problem {
            ProblemKind::Required => "is required".to_string(),
            ProblemKind::WrongType {
                expected: e,
                found: f,
            } => format!("expected {}, found {}", expected(*e), found(*f)),
            ProblemKind::NotWhole(text) => {
                format!("{text} is not a whole number", text = iso(text))
            }
            ProblemKind::MoreThan { value, max } => {
                format!("{value} is more than {max}", value = iso(value))
            }
            ProblemKind::LessThan { value, min } => format!("{value} is less than {min}"),
            ProblemKind::NoWeight => "the score's weights cannot all be 0".to_string(),
            ProblemKind::NotAVersion(text) => {
                format!("{text} is not a version number", text = iso(text))
            }
            ProblemKind::VersionZero => "0 is not a plan-file version".to_string(),
            ProblemKind::NotANumber(text) => {
                format!("expected a number, found {text}", text = iso(text))
            }
            ProblemKind::Amount(error) => amount_error(error),
            ProblemKind::UnknownStage(text) => {
                format!("unknown stage {text} (expected P0 to P7)", text = iso(text))
            }
            ProblemKind::NotADate(text) => format!(
                "{text} is not a date (expected YYYY-MM-DD)",
                text = iso(text)
            ),
            ProblemKind::NotAMoment(text) => format!(
                "{text} is not a date and time (expected RFC 3339, e.g. 2026-11-27T09:30:00Z)",
                text = iso(text)
            ),
            ProblemKind::UnknownStatus(text) => {
                format!(
                    "unknown status {text} (expected open, won or lost)",
                    text = iso(text)
                )
            }
            ProblemKind::UnknownCategory(text) => format!(
                "unknown forecast category {text} (expected pipeline, best_case, commit or closed)",
                text = iso(text)
            ),
            ProblemKind::NotACurrency(text) => {
                format!(
                    "{text} is not an ISO 4217 currency code (three capital letters, e.g. CNY)",
                    text = iso(text)
                )
            }
            ProblemKind::NotAQuotaPeriod(text) => {
                format!(
                    "{text} is not a month (2026-11) or a quarter (2026-Q4)",
                    text = iso(text)
                )
            }
            ProblemKind::StageCount(n) => format!("expected 8 stages, found {n}"),
            ProblemKind::NotOneOf { found, allowed } => format!(
                "unknown value {found} (expected {})",
                allowed.join(", "),
                found = iso(found)
            ),
            ProblemKind::ContactIdUsedTwice(id) => {
                format!("contact id {id} is used twice in this deal", id = iso(id))
            }
            ProblemKind::UnknownContact(id) => {
                format!("no contact of this deal has the id {id}", id = iso(id))
            }
            ProblemKind::SelfLink => "a link from a contact to itself".to_string(),
            ProblemKind::CompetitorTwice(name) => {
                format!("competitor {name} is listed twice", name = iso(name))
            }
            ProblemKind::NotAPeriod(text) => format!(
                "{text} is not a month (2026-10), a quarter (2026-Q4) or a year (2026)",
                text = iso(text)
            ),
            ProblemKind::SnapshotIdUsedTwice(id) => {
                format!("the snapshot id {id} is used by an earlier snapshot", id = iso(id))
            }
            ProblemKind::RowLength { found, min, max } if min == max => {
                format!("expected {min} values, found {found}")
            }
            ProblemKind::RowLength { found, min, max } => {
                format!("expected {min} to {max} values, found {found}")
            }
            ProblemKind::UnknownBase(id) => format!(
                "no readable snapshot before this one has the id {id}",
                id = iso(id)
            ),
            ProblemKind::NotAStageCode(code) => format!(
                "{code} is not status × 100 + claimed stage × 10 + verified stage"
            ),
            ProblemKind::ShareOver100(share) => {
                format!("a share of {share} % is more than 100 %")
            }
            ProblemKind::NotATargetPeriod(text) => format!(
                "{text} is neither a year (2026) nor a quarter (2026-Q4)",
                text = iso(text)
            ),
            ProblemKind::TargetTwice(period) => format!(
                "a second target for {period} split the same way",
                period = iso(period)
            ),
            ProblemKind::StageOrder { expected, found } => {
                format!("expected {}, found {}", expected.code(), found.code())
            }
            ProblemKind::ItemIdUsedTwice(id) => format!("{id} is used twice", id = iso(id)),
            ProblemKind::DealIdUsedTwice(id) => {
                format!(
                    "the id {id} is used by an earlier deal in this file",
                    id = iso(id)
                )
            }
            ProblemKind::Field(problem) => match problem {
                Problem::Required => "is required".to_string(),
                Problem::TooLong(max) => format!("is longer than {max} characters"),
                Problem::Amount(error) => amount_error(error),
                Problem::Stage(text) => format!(
                    "unknown stage \"{text}\" (expected P0 to P7)",
                    text = iso(text)
                ),
                Problem::Date(text) => format!(
                    "\"{text}\" is not a date (expected YYYY-MM-DD)",
                    text = iso(text)
                ),
                Problem::Percent(text) => {
                    format!(
                        "\"{text}\" is not a whole percent from 0 to 100",
                        text = iso(text)
                    )
                }
                Problem::Category(text) => {
                    format!("\"{text}\" is not a forecast category", text = iso(text))
                }
            },
            ProblemKind::TooLarge(bytes) => format!(
                "{} bytes is more than the limit of {} bytes (20 MB)",
                group_thousands(*bytes as u128),
                group_thousands(MAX_FILE_BYTES as u128)
            ),
            ProblemKind::LoneSurrogate => "has a broken character, a \\u escape of half a UTF-16 \
                surrogate pair (\\ud800 to \\udfff) without its other half; the file is damaged here"
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
                "the data is not valid JSON (line {line}, column {column}{})",
                if *ended_early { ": it ends too early" } else { "" }
            ),
            Unreadable::NotAPlan(what) => {
                let detail = match what {
                    NotAPlan::TopLevel(kind) => {
                        format!("the top level is {}, not an object", found(*kind))
                    }
                    NotAPlan::NoFormat => {
                        "there is no \"format\": \"keyplan.plan\" field".to_string()
                    }
                    NotAPlan::OtherFormat(text) => {
                        format!("\"format\" is {text}, not \"keyplan.plan\"", text = iso(text))
                    }
                    NotAPlan::FormatNotText(kind) => {
                        format!("\"format\" is {}, not \"keyplan.plan\"", found(*kind))
                    }
                };
                format!("the data is not a keyplan plan ({detail})")
            }
            Unreadable::FutureVersion(v) => format!(
                "the data was saved by a newer keyplan (format version {v}) that this copy can't read"
            ),
            Unreadable::Damaged(damage) => format!(
                "the packed plan is damaged and does not unpack ({})",
                match damage {
                    Damage::NotBase64 => "its text is not base64".to_string(),
                    Damage::TooLong(bytes) => format!(
                        "it says it unpacks to {} bytes, more than the {} bytes (20 MB) keyplan ever packs",
                        group_thousands(*bytes as u128),
                        group_thousands(MAX_FILE_BYTES as u128)
                    ),
                    Damage::Block =>
                        "its LZ4 data is cut short or does not match the fingerprint it was saved with"
                            .to_string(),
                    Damage::NotUtf8 => "it unpacks to something that is not UTF-8 text".to_string(),
                }
            ),
            Unreadable::CannotRead => "the browser could not read the file".to_string(),
            Unreadable::Invalid(problem) => format!(
                "field {} is wrong: {}",
                self.path(&problem.path),
                self.read_problem(&problem.kind)
            ),
        }
    }

    fn storage_error(&self, error: &StorageError) -> String {
        match error {
            StorageError::Unavailable => "This browser doesn't let the page save data (private browsing, or a browser that restricts file:// pages). Your changes live only in this page: download the plan before closing it.".to_string(),
            StorageError::Full => "Browser storage is full and your latest changes were not saved. The plan is still in this page: download it now.".to_string(),
            StorageError::TooLarge => "The plan is larger than 20 MB, more than keyplan keeps in this browser, and your latest changes were not saved. The plan is still in this page: download it now. To save here again, delete some deals or move some into a plan of their own.".to_string(),
            StorageError::Other(name) => format!("Saving failed (the browser said: {name}); your latest changes exist only in this page. Download the plan so nothing is lost."),
        }
    }

    fn last_export(&self, on: Option<NaiveDate>) -> String {
        match on {
            Some(day) => format!("Last exported {}", self.date(day)),
            None => "Never exported".to_string(),
        }
    }

    fn storage_usage(&self, permille: usize, chars: usize, quota: usize, high: bool) -> String {
        format!(
            "Browser storage {}.{}% used ({} M of {} M characters){}",
            permille / 10,
            permille % 10,
            ratio_text(chars, 1_000_000, 2),
            ratio_text(quota, 1_000_000, 2),
            if high {
                " — nearly full: export the plan as a backup"
            } else {
                ""
            }
        )
    }

    fn replace_warning(&self, removed: usize, brought: usize) -> String {
        format!(
            "Replacing removes the {} of this plan and puts the {} of the files in their place. The current plan is kept as a backup first.",
            self.deal_count(removed),
            self.deal_count(brought)
        )
    }

    fn reset_warning(&self, removed: usize, sample: bool) -> String {
        let to = if sample {
            "the 13 deals of the training case"
        } else {
            "an empty plan"
        };
        format!(
            "This removes the {} of this plan and puts {to} in their place. The current plan is kept as a backup first, listed above.",
            self.deal_count(removed)
        )
    }

    fn backup_size(&self, chars: usize) -> String {
        format!("{} characters", group_thousands(chars as u128))
    }

    fn currency_mismatch(&self, mine: &str, theirs: &str) -> String {
        format!("An imported file is in {theirs} and this plan in {mine}: merging leaves that file's deals out (the amounts can't be added up); replacing is possible.", theirs = iso(theirs), mine = iso(mine))
    }

    fn stamped_note(&self, n: usize) -> String {
        match n {
            1 => "1 deal had no created or updated time and takes the time of this import."
                .to_string(),
            n => format!(
                "{n} deals had no created or updated time and take the time of this import."
            ),
        }
    }

    fn ticked(&self, count: usize, first: &[String]) -> String {
        if count == 0 {
            return "none".to_string();
        }
        let more = if count > first.len() { ", …" } else { "" };
        format!(
            "{count} ticked: {}{more}",
            first.iter().map(iso).collect::<Vec<_>>().join(", ")
        )
    }

    fn moves(&self, count: usize, last: Option<(Stage, Stage, NaiveDate)>) -> String {
        match last {
            None => "none".to_string(),
            Some((from, to, on)) => format!(
                "{count} {}, last {} → {} on {}",
                if count == 1 { "change" } else { "changes" },
                from.code(),
                to.code(),
                self.date(on)
            ),
        }
    }

    fn funnel_desc(&self, stages: usize, deals: usize, amount: &str, weighted: &str) -> String {
        format!(
            "{} across {stages} stages: amount {amount}, weighted {weighted}.",
            self.deal_count(deals)
        )
    }

    fn accuracy_headline(
        &self,
        months: u32,
        verified: Option<i128>,
        claimed: Option<i128>,
    ) -> String {
        if verified.is_none() && claimed.is_none() {
            return format!(
                "Nothing was won in the last {months} months with a snapshot before them: the forecasts cannot be measured yet (the table shows how far off each was, in money)."
            );
        }
        let off = |p: Option<i128>| match p {
            Some(p) => format!("off by {p} %"),
            None => "not measurable (nothing was won)".to_string(),
        };
        format!(
            "Over the last {months} months the verified forecast was {}, the claimed {}.",
            off(verified),
            off(claimed)
        )
    }

    fn bars_desc(&self, periods: usize, won: &str, weighted: &str, quota: Option<&str>) -> String {
        let quota = quota.map(|q| format!(", quota {q}")).unwrap_or_default();
        let periods = match periods {
            1 => "1 period".to_string(),
            n => format!("{n} periods"),
        };
        format!("{periods}: won {won} in total, weighted open {weighted}{quota}.")
    }

    fn flag(&self, flag: &Flag) -> String {
        match flag {
            Flag::NoDecisionMaker => TEXTS.flag_no_decision_maker.to_string(),
            Flag::DecisionMakerNotFor { name, attitude } => format!(
                "Decision maker {} is {}",
                iso(name),
                self.attitude(*attitude).to_ascii_lowercase()
            ),
            Flag::NoCoach => TEXTS.flag_no_coach.to_string(),
            Flag::SingleThreaded { close } => format!(
                "Single-threaded: {close} contact{} at familiar or closer",
                if *close == 1 { "" } else { "s" }
            ),
            Flag::NotContacted {
                name,
                days: Some(days),
            } => {
                format!(
                    "{} (high influence) not contacted for {days} days",
                    iso(name)
                )
            }
            Flag::NotContacted { name, days: None } => {
                format!("{} (high influence) never contacted", iso(name))
            }
            Flag::BlockerWithoutPlan { name } => {
                format!("Blocker {} has no plan in the notes", iso(name))
            }
            Flag::TopNotReached { stage } => {
                format!("Claims {} without a top-level relationship", stage.code())
            }
        }
    }

    fn map_why(&self, why: &MapWhy) -> String {
        match why {
            MapWhy::NoContacts => TEXTS.why_no_contacts.to_string(),
            MapWhy::DecisionMaker(name) => format!("Decision maker: {}", iso(name)),
            MapWhy::NoDecisionMaker => TEXTS.why_no_decision_maker.to_string(),
            MapWhy::Middle(name) => format!("Middle level: {} at familiar or closer", iso(name)),
            MapWhy::NoMiddle => TEXTS.why_no_middle.to_string(),
            MapWhy::MiddleOpposed(name) => format!("{} (middle or lower level) is opposed", iso(name)),
            MapWhy::Backing(name) => format!("Middle level: {} supports us, at familiar or closer", iso(name)),
            MapWhy::NoBacking => "No middle-level contact at familiar or closer who supports us".to_string(),
            MapWhy::RolesMissing(roles) => format!(
                "Not recorded yet: {}",
                roles.iter().map(|r| self.role(*r)).collect::<Vec<_>>().join(", ")
            ),
            MapWhy::AttitudeUnknown(name) => format!("Where {} stands is not known", iso(name)),
            MapWhy::ChainKnown(n) => format!("Decision maker, technical evaluator, user and buyer recorded, attitudes known ({n} contacts)"),
            MapWhy::Top(name) => format!("Top level: {} at familiar or closer", iso(name)),
            MapWhy::NoTop => TEXTS.why_no_top.to_string(),
            MapWhy::Complete(n) => format!("Map complete: {n} profiles on every level"),
            MapWhy::LevelEmpty(level) => {
                format!(
                    "Nobody at the {} level",
                    self.level(*level).to_ascii_lowercase()
                )
            }
            MapWhy::Incomplete(name) => format!("The profile of {} is incomplete", iso(name)),
        }
    }

    fn score_why(&self, why: &ScoreWhy) -> String {
        match why {
            ScoreWhy::Verified(stage) => format!(
                "Evidence supports {} {}",
                stage.code(),
                self.stage_name(*stage)
            ),
            ScoreWhy::Chain { met } => format!("{met} of 4 chain checks met"),
            ScoreWhy::NoCompetitors => TEXTS.why_no_competitors.to_string(),
            ScoreWhy::Position {
                ours,
                theirs,
                cheaper,
            } => format!(
                "Our closest relation: {}; the competition's: {}{}",
                self.relationship(*ours),
                self.relationship(*theirs),
                if *cheaper {
                    "; a competitor is cheaper"
                } else {
                    ""
                }
            ),
            ScoreWhy::Idle { days, limit } => format!("Updated {days} days ago (limit {limit})"),
            ScoreWhy::Overdue { days: 0, slips: 0 } => {
                "Close date not past, never slipped".to_string()
            }
            ScoreWhy::Overdue { days: 0, slips } => format!("Close date slipped {slips} times"),
            ScoreWhy::Overdue { days, slips: 0 } => format!("Close date {days} days past"),
            ScoreWhy::Overdue { days, slips } => {
                format!("Close date {days} days past, slipped {slips} times")
            }
        }
    }

    fn people_error(&self, error: &PeopleError) -> String {
        match error {
            PeopleError::NameRequired => TEXTS.people_name_required.to_string(),
            PeopleError::IdRequired => "A contact needs an id".to_string(),
            PeopleError::ContactIdUsed(id) => format!("Contact id {} is used already", id.as_str()),
            PeopleError::NoSuchContact(id) => format!("There is no contact {}", id.as_str()),
            PeopleError::SelfLink => TEXTS.people_self_link.to_string(),
            PeopleError::CompetitorTwice(name) => format!("{} is listed already", iso(name)),
            PeopleError::NoSuchCompetitor(name) => format!("There is no competitor {}", iso(name)),
        }
    }

    fn risk_desc(&self, owners: usize, claimed: &str, verified: &str, gap: &str) -> String {
        let owners = match owners {
            1 => "1 owner".to_string(),
            n => format!("{n} owners"),
        };
        format!("{owners}: claimed {claimed} in total, verified {verified}, difference {gap}.")
    }

    fn map_desc(&self, people: usize, reports: usize, influences: usize) -> String {
        let n = |n: usize, one: &str, many: &str| match n {
            1 => format!("1 {one}"),
            n => format!("{n} {many}"),
        };
        format!(
            "{}: {} (solid), {} (dashed).",
            n(people, "person", "people"),
            n(reports, "reporting line", "reporting lines"),
            n(influences, "influence line", "influence lines")
        )
    }

    // projector mode (P): the deck's words (its opening workshop questions, its BTC/BTB table)
    fn workshop_questions(&self) -> [&'static str; 6] {
        [
            "What do you think are the key success factors of key-account sales, and why?",
            "What is the competence model of a key-account salesperson?",
            "How does your sales team spot project opportunities and analyse its market?",
            "What does a \"structured sales process\" mean to you?",
            "How do you break through to the customer's top level?",
            "How is quantitative management of the sales process done?",
        ]
    }

    fn btc_btb(&self) -> (&'static str, [[&'static str; 3]; 6]) {
        (
            "Industrial versus consumer sales",
            [
                ["", "BTC", "BTB"],
                ["Project cycle", "short, simple", "long, complex"],
                ["Way of working", "mainly individual", "team, structured"],
                ["Deal size", "small", "large"],
                ["Sales rhythm", "fast", "slow"],
                ["Purchase decision chain", "short", "long"],
            ],
        )
    }
}
