"""UI strings of our own templates, in Simplified Chinese (default) and English."""

from __future__ import annotations

from collections.abc import Callable

from playbook.core.messages import CATALOG

LANGUAGES = ("zh", "en")

STRINGS: dict[str, dict[str, str]] = {
    "cases": {"zh": "案例库", "en": "Case library"},
    "objections": {"zh": "异议处理", "en": "Objections"},
    "industries": {"zh": "行业画像", "en": "Industries"},
    "pain_points": {"zh": "痛点", "en": "Pain points"},
    "customer": {"zh": "客户", "en": "Customer"},
    "industry": {"zh": "行业", "en": "Industry"},
    "size": {"zh": "规模", "en": "Company size"},
    "region": {"zh": "地区", "en": "Region"},
    "tier": {"zh": "客户分层", "en": "Tier"},
    "stages": {"zh": "适用阶段", "en": "Stages"},
    "challenge": {"zh": "挑战", "en": "Challenge"},
    "approach": {"zh": "做法", "en": "Approach"},
    "results": {"zh": "成果", "en": "Results"},
    "metric": {"zh": "指标", "en": "Metric"},
    "change": {"zh": "变化", "en": "Change"},
    "before": {"zh": "之前", "en": "Before"},
    "after": {"zh": "之后", "en": "After"},
    "period": {"zh": "周期", "en": "Period"},
    "quote": {"zh": "客户评价", "en": "Testimonial"},
    "related_objections": {"zh": "相关异议", "en": "Related objections"},
    "owner": {"zh": "负责人", "en": "Owner"},
    "reviewed": {"zh": "最近复核", "en": "Last reviewed"},
    "source": {"zh": "源文件", "en": "Source file"},
    "customer_says": {"zh": "客户说", "en": "The customer says"},
    "aliases": {"zh": "也可能这样说", "en": "Also said as"},
    "category": {"zh": "类别", "en": "Category"},
    "responses": {"zh": "应对话术", "en": "Responses"},
    "when": {"zh": "适用时机", "en": "When to use"},
    "copy": {"zh": "复制", "en": "Copy"},
    "copied": {"zh": "已复制", "en": "Copied"},
    "value_table": {"zh": "价值对比表", "en": "Value comparison"},
    "dimension": {"zh": "维度", "en": "Dimension"},
    "ours": {"zh": "我们", "en": "Ours"},
    "alternative": {"zh": "替代方案", "en": "Alternative"},
    "customer_value": {"zh": "客户价值", "en": "Value to the customer"},
    "proof": {"zh": "案例佐证", "en": "Proof cases"},
    "industry_pains": {"zh": "典型痛点与场景", "en": "Typical pains and scenarios"},
    "decision_chain": {"zh": "决策链", "en": "Decision chain"},
    "budget": {"zh": "预算与付费意愿", "en": "Budget"},
    "discovery_questions": {"zh": "三维画像提问", "en": "Discovery questions"},
    "dim_decision_chain": {"zh": "决策链", "en": "Decision chain"},
    "dim_pain_scenario": {"zh": "痛点场景", "en": "Pain scenario"},
    "dim_willingness_to_pay": {"zh": "付费意愿", "en": "Willingness to pay"},
    "common_objections": {"zh": "常见异议", "en": "Common objections"},
    "industry_cases": {"zh": "本行业案例", "en": "Cases in this industry"},
    "pain_cases": {"zh": "相关案例", "en": "Cases"},
    "pain_objections": {"zh": "相关异议", "en": "Objections"},
    "pain_industries": {"zh": "常见于这些行业", "en": "Industries"},
    "none_yet": {"zh": "暂无", "en": "None yet"},
    "open_in_library": {
        "zh": "在案例库中筛选查看（共 {n} 个案例）",
        "en": "Open all {n} in the case library",
    },
    "case_count": {"zh": "个案例", "en": "cases"},
    "objection_count": {"zh": "条异议", "en": "objections"},
    "cat_efficiency": {"zh": "效率", "en": "Efficiency"},
    "cat_cost": {"zh": "成本", "en": "Cost"},
    "cat_compliance": {"zh": "合规", "en": "Compliance"},
    "cat_growth": {"zh": "增长", "en": "Growth"},
    "cat_risk": {"zh": "风险", "en": "Risk"},
    # One text for pages, the composer and check's messages (messages.CATALOG).
    **{
        f"better_{way}": dict(zip(("zh", "en"), CATALOG[f"metric.better_{way}"], strict=True))
        for way in ("up", "down")
    },
    # Live-call objection tools (finder, fill-in copy, drills, battlecards).
    "finder_label": {"zh": "查找异议", "en": "Find an objection"},
    "finder_placeholder": {
        "zh": "输入客户原话、关键词或拼音，如 价格 / jg / jiage",
        "en": "Type the customer's words, a keyword or pinyin, e.g. 价格 / jg / jiage",
    },
    "finder_count": {"zh": "{n} 条匹配", "en": "{n} matching"},
    "finder_none": {
        "zh": "没有匹配的异议，换个说法试试。",
        "en": "No matching objection; try other words.",
    },
    "first_response": {"zh": "首选话术", "en": "First response"},
    "fill_title": {
        "zh": "填写话术里的占位符（本次会话内所有页面通用，未填写的按原样复制）",
        "en": "Fill in the placeholders (kept on every page for this session; empty ones are copied as written)",
    },
    "fill_clear": {"zh": "清空", "en": "Clear"},
    "copy_failed": {
        "zh": "复制失败，请手动选中文字复制",
        "en": "Copy failed; select the text and copy it",
    },
    "shortcuts": {"zh": "快捷键", "en": "Keyboard shortcuts"},
    "key_open_finder": {
        "zh": "在任意页面打开异议查找并聚焦输入框（输入框中不生效）",
        "en": "open the objection finder from any page and focus it (not while typing in a field)",
    },
    "key_move": {"zh": "在结果中上下移动", "en": "move through the results"},
    "key_enter": {"zh": "打开选中的异议", "en": "open the selected objection"},
    "key_copy": {
        "zh": "复制选中异议的首选话术（已填入占位符）",
        "en": "copy the selected objection's first response (placeholders filled in)",
    },
    "key_escape": {"zh": "清空输入", "en": "clear the query"},
    "practice": {"zh": "异议演练", "en": "Objection drills"},
    "practice_link": {"zh": "进入演练模式（月度话术演练）", "en": "Practice mode (monthly drills)"},
    "practice_intro": {
        "zh": "随机抽一条客户异议，先大声说出你的应对，再点“显示话术”对照。",
        "en": "A random objection: answer it aloud, then reveal the responses to compare.",
    },
    "practice_all": {"zh": "全部", "en": "All"},
    "practice_reveal": {"zh": "显示话术", "en": "Show responses"},
    "practice_next": {"zh": "下一题", "en": "Next"},
    "practice_again": {"zh": "再练一次", "en": "Again"},
    "practice_empty": {"zh": "没有符合条件的异议。", "en": "No objection matches these filters."},
    "practice_noscript": {
        "zh": "演练模式需要启用 JavaScript；下面列出了全部异议。",
        "en": "Practice mode needs JavaScript; all objections are listed below.",
    },
    "battlecard": {"zh": "作战卡", "en": "Battlecard"},
    "battlecard_link": {"zh": "打印本行业一页作战卡", "en": "Printable one-page battlecard"},
    "battlecard_print": {"zh": "打印", "en": "Print"},
    "battlecard_cases": {"zh": "标杆案例", "en": "Headline cases"},
    "cases_intro": {
        "zh": "按行业、痛点、阶段和分层浏览所有成交案例，学习同行是怎么赢下来的。",
        "en": "Every won case by industry, pain point, stage and tier.",
    },
    "objections_intro": {
        "zh": "客户的原话、可直接照读的话术和价值对比表。",
        "en": "The customer's words, scripts to read out, and value tables.",
    },
    "industries_intro": {
        "zh": "各行业的痛点场景、决策链和三维画像提问。",
        "en": "Pain scenarios, decision chains and discovery questions per industry.",
    },
    "pain_category": {"zh": "痛点类别", "en": "Pain category"},
    "page_n": {"zh": "第 {n} 页", "en": "page {n}"},
    "pagination": {"zh": "分页", "en": "Pages"},
    "prev_page": {"zh": "上一页", "en": "Previous"},
    "next_page": {"zh": "下一页", "en": "Next"},
    "browse_by": {"zh": "也可以按行业或痛点浏览：", "en": "Or browse by industry or pain point:"},
    "lib_filter": {"zh": "筛选", "en": "Filters"},
    "lib_search": {"zh": "搜索案例，如：分拣、账期", "en": "Find cases, e.g. sorting"},
    "lib_count": {"zh": "共 {n} 个案例", "en": "{n} cases"},
    "lib_count_of": {"zh": "{n} / {total} 个案例", "en": "{n} of {total} cases"},
    "lib_sort": {"zh": "排序", "en": "Sort"},
    "lib_sort_reviewed": {"zh": "最近复核", "en": "Most recently reviewed"},
    "lib_sort_improvement": {"zh": "提升幅度最大", "en": "Largest improvement"},
    "lib_clear": {"zh": "清除全部筛选", "en": "Clear all"},
    "lib_empty": {
        "zh": "没有符合条件的案例。试试减少筛选条件或换个关键词。",
        "en": "No case matches. Remove a filter or try other words.",
    },
    "lib_more": {"zh": "显示更多", "en": "Show more"},
    "search_placeholder": {"zh": "搜索案例、话术", "en": "Search"},
    "search_kind": {"zh": "类型", "en": "Kind"},
    "search_all_kinds": {"zh": "全部", "en": "All"},
    "search_result_one": {"zh": "1 条结果", "en": "1 result"},
    "search_results": {"zh": "{n} 条结果", "en": "{n} results"},
    "search_none": {"zh": "没有找到相关内容，换个说法试试", "en": "Nothing found; try other words"},
    "search_searched": {"zh": "已搜索：{words}", "en": "Searched for: {words}"},
    "search_try": {"zh": "也可以试试：", "en": "You could also try:"},
    "search_try_finder": {"zh": "异议速查", "en": "the objection finder"},
    "search_try_pains": {"zh": "痛点列表", "en": "the pain-point list"},
    "search_keys": {
        "zh": "↑↓ 选择 · Enter 打开 · Esc 关闭",
        "en": "↑↓ to choose · Enter to open · Esc to close",
    },
    "kind_case": {"zh": "案例", "en": "Case"},
    "kind_objection": {"zh": "异议", "en": "Objection"},
    "kind_industry": {"zh": "行业", "en": "Industry"},
    "kind_pain_point": {"zh": "痛点", "en": "Pain point"},
    "kind_page": {"zh": "手册", "en": "Playbook page"},
    "content_errors": {
        "zh": "内容有错误，网站暂未更新",
        "en": "The content has errors; the site is not updated",
    },
    "content_errors_intro": {
        "zh": "请修正下列问题并保存，本页会自动刷新（也可运行 python3 build.py check）。",
        "en": "Fix these problems and save; this page reloads by itself "
        "(or run python3 build.py check).",
    },
    "pain_points_intro": {
        "zh": "按痛点查找案例、异议和行业。",
        "en": "Find cases, objections and industries by pain point.",
    },
    "health": {"zh": "内容健康", "en": "Content health"},
    "health_intro": {
        "zh": "需要维护的内容清单：每一项都写明要修改的源文件，点标题可查看对应页面。",
        "en": "What needs attention; each item names the source file to fix and links to its page.",
    },
    "health_window": {"zh": "复核期限", "en": "Freshness window"},
    "health_as_of": {"zh": "统计日期", "en": "As of"},
    "days": {"zh": "天", "en": "days"},
    "health_ok": {"zh": "没有问题。", "en": "All clear."},
    "health_stale": {"zh": "超期未复核（按负责人）", "en": "Stale records (by owner)"},
    "health_pain-points-without-cases": {"zh": "没有案例的痛点", "en": "Pain points without cases"},
    "health_industries-without-cases": {"zh": "没有案例的行业", "en": "Industries without cases"},
    "health_objections-without-proof": {
        "zh": "没有案例佐证的异议",
        "en": "Objections without proof cases",
    },
    "health_orphans": {"zh": "没有其他页面链接的内容", "en": "Records no page links to"},
    "health_duplicates": {"zh": "疑似重复的案例", "en": "Likely duplicate cases"},
    "health_figures-without-metric": {
        "zh": "标题数字没有对应的成果指标",
        "en": "Headline figures without a metric",
    },
    "health_last_reviewed": {"zh": "最近复核", "en": "last reviewed"},
    "health_days_ago": {"zh": "天前", "en": "days ago"},
    "health_similar_to": {"zh": "疑似重复：", "en": "looks like"},
    "health_unbacked": {"zh": "标题中的数字没有对应成果：", "en": "not backed by a result:"},
    "health_fix_in": {"zh": "修改", "en": "fix in"},
    "last_changed": {"zh": "最近修改", "en": "Last changed"},
    # Punctuation around UI labels (full-width in Chinese, ASCII in English).
    "colon": {"zh": "：", "en": ": "},
    "paren_open": {"zh": "（", "en": " ("},
    "paren_close": {"zh": "）", "en": ")"},
    "list_sep": {"zh": "，", "en": ", "},
    # Site chrome: footer, 404 page, permalinks, breadcrumbs.
    "footer_text": {
        "zh": "{site} · 团队内部资料，由销售团队共同维护",
        "en": "{site} · internal, kept current by the sales team",
    },
    "footer_credit": {
        "zh": "基于 MkDocs 与 Material 主题构建",
        "en": "Built with MkDocs and Material for MkDocs",
    },
    "not_found_title": {"zh": "页面不存在", "en": "Page not found"},
    "not_found_intro": {
        "zh": "这个地址没有页面，可能已改名或被删除。可以搜索，或从下面的入口重新开始。",
        "en": "There is no page at this address; it may have moved. Search, or start again below.",
    },
    "not_found_search": {"zh": "在案例库中查找", "en": "Find in the case library"},
    "not_found_go": {"zh": "查找", "en": "Find"},
    "entry_cases": {"zh": "按行业、痛点找成交案例", "en": "Won cases by industry and pain point"},
    "entry_objections": {"zh": "客户原话与应对话术", "en": "The customer's words and scripts"},
    "entry_industries": {"zh": "行业痛点与画像提问", "en": "Pains and questions per industry"},
    "permalink": {"zh": "本节链接", "en": "Link to this section"},
    "breadcrumb": {"zh": "当前位置", "en": "You are here"},
    "home": {"zh": "首页", "en": "Home"},
    "back_to_library": {"zh": "返回案例库", "en": "Back to the case library"},
    # Sharing and printing.
    "copy_link": {"zh": "复制链接", "en": "Copy link"},
    "link_copied": {
        "zh": "链接已复制，可直接粘贴到聊天中",
        "en": "Link copied; paste it into a chat",
    },
    "print": {"zh": "打印", "en": "Print"},
    "unfilled_confirm": {
        "zh": "以下占位符还没有填写：{names}。仍然按原样复制吗？",
        "en": "These placeholders are still empty: {names}. Copy as written anyway?",
    },
    # Case library controls.
    "lib_active": {"zh": "已选条件", "en": "Active filters"},
    "lib_remove": {"zh": "移除筛选：{label}", "en": "Remove filter: {label}"},
    # Charts.
    "dashboard": {"zh": "成果看板", "en": "Results dashboard"},
    "dashboard_intro": {
        "zh": "哪些做法在起作用：各指标的改善、各痛点与行业的案例数，以及还缺案例的痛点。",
        "en": "What works: improvements by metric, cases per pain point and industry, and the gaps.",
    },
    "dashboard_link": {"zh": "查看成果看板", "en": "See the results dashboard"},
    "chart_improvements": {"zh": "各指标的改善", "en": "Improvements by metric"},
    "chart_by_pain": {"zh": "各痛点的案例数", "en": "Cases per pain point"},
    "chart_by_industry": {"zh": "各行业的案例数", "en": "Cases per industry"},
    "chart_gaps": {"zh": "还没有案例的痛点", "en": "Pain points without cases"},
    "chart_stale_by_owner": {"zh": "超期未复核（按负责人）", "en": "Stale records by owner"},
    "chart_coverage": {"zh": "案例覆盖", "en": "Case coverage"},
    "chart_median": {"zh": "中位改善", "en": "median improvement"},
    "chart_good": {"zh": "改善", "en": "improved"},
    "chart_bad": {"zh": "变差", "en": "worse"},
    "chart_none": {"zh": "暂无数据", "en": "No data yet"},
    # The case composer (/cases/new/) and "edit this page".
    "edit_page": {"zh": "编辑此页", "en": "Edit this page"},
    "composer": {"zh": "新增案例", "en": "New case"},
    "composer_link": {"zh": "在线填写一个新案例", "en": "Write a new case in the browser"},
    "composer_intro": {
        "zh": "填好下面的表格，右侧会实时检查（规则和 `python3 build.py check` 相同）并生成案例文件。"
        "生成的文件可以复制、下载，或直接在代码托管平台上发起合并请求。",
        "en": "Fill in the form: it is checked as you type (the same rules as `python3 build.py check`) "
        "and turned into the case file, which you can copy, download or open as a pull request.",
    },
    "composer_noscript": {
        "zh": "填写器需要启用 JavaScript。也可以运行 `python3 build.py new case <id>` 生成模板。",
        "en": "The composer needs JavaScript; or run `python3 build.py new case <id>` for a scaffold.",
    },
    "composer_basics": {"zh": "基本信息", "en": "Basics"},
    "composer_id": {"zh": "案例 id（文件名）", "en": "Case id (file name)"},
    "composer_id_help": {
        "zh": "小写英文字母、数字和连字符，如 `ecommerce-peak-sorting`；会出现在网址里，不要写客户真名。",
        "en": "Lowercase letters, digits and hyphens, e.g. `ecommerce-peak-sorting`; it is part of "
        "the URL, so never the customer's real name.",
    },
    "composer_id_missing": {
        "zh": "请填写案例 id：它就是文件名 cases/<id>.yaml",
        "en": "enter the case id: it is the file name, cases/<id>.yaml",
    },
    "composer_title": {"zh": "标题", "en": "Title"},
    "composer_title_help": {
        "zh": "一句话说清结果，如“分拣效率提升 40%”",
        "en": "The result in one line, e.g. 'Sorting 40% faster'",
    },
    "composer_summary": {"zh": "摘要", "en": "Summary"},
    "composer_summary_help": {
        "zh": "显示在卡片和搜索结果里，不超过 {n} 字",
        "en": "Shown on cards and in search results; at most {n} characters",
    },
    "composer_chars": {"zh": "{n} / {max} 字", "en": "{n} / {max} characters"},
    "composer_alias": {"zh": "客户匿名称呼", "en": "Customer alias"},
    "composer_alias_help": {
        "zh": "对外公开的匿名称呼，如“某建材公司”；不要写“有限公司”等真实名称",
        "en": "The published, anonymised name, e.g. 'a building-materials firm'; never the real name",
    },
    "composer_choose": {"zh": "请选择", "en": "Choose"},
    "composer_optional": {"zh": "（可选）", "en": "(optional)"},
    "composer_text": {"zh": "案例内容", "en": "The story"},
    "composer_markdown_help": {
        "zh": "可以写多段；支持 Markdown（列表用 “- ” 开头）",
        "en": "Several paragraphs are fine; Markdown ('- ' starts a list item)",
    },
    "composer_add_result": {"zh": "添加一条成果", "en": "Add a result"},
    "composer_remove_result": {"zh": "删除这条", "en": "Remove"},
    "composer_result_label": {"zh": "说明", "en": "Label"},
    "composer_change_help": {
        "zh": "写变化（如 +40%、-45%、3 倍），或同时写之前和之后（如 15 天 → 7 天）",
        "en": "Either a change (e.g. +40%, -45%, 3 倍) or both before and after (e.g. 15 天 → 7 天)",
    },
    "composer_quote_text": {"zh": "客户原话", "en": "What the customer said"},
    "composer_quote_by": {"zh": "说话人的角色", "en": "Speaker's role"},
    "composer_quote_by_help": {
        "zh": "写角色（如“运营负责人”），不写人名",
        "en": "A role (e.g. head of operations), never a person's name",
    },
    "composer_upkeep": {"zh": "负责人与复核", "en": "Owner and review"},
    "composer_owner_help": {
        "zh": "负责维护这个案例的人，如代码托管平台用户名 `@wang-sales`",
        "en": "Who keeps this case current, e.g. a code-host handle such as `@wang-sales`",
    },
    "composer_private": {"zh": "私密信息（永不发布）", "en": "Private (never published)"},
    "composer_private_help": {
        "zh": "只保存在仓库的案例文件里，不会出现在任何页面、搜索或导出文件中。"
        "公开字段里也不能出现这里的内容。",
        "en": "Kept only in the case file in the repository: never on any page, in search or in "
        "any export. The published fields must not contain these values either.",
    },
    "composer_customer_name": {"zh": "真实客户名", "en": "Real customer name"},
    "composer_contact": {"zh": "联系人和电话", "en": "Contact and phone"},
    "composer_crm_notes": {"zh": "CRM 备注", "en": "CRM notes"},
    "composer_problems": {"zh": "检查结果", "en": "Check"},
    "composer_ok": {
        "zh": "没有发现问题，可以提交。",
        "en": "No problems found; ready to submit.",
    },
    "composer_problem_count": {"zh": "还有 {n} 个问题", "en": "{n} problem(s) left"},
    "composer_preview": {"zh": "预览", "en": "Preview"},
    "composer_output": {"zh": "案例文件", "en": "The case file"},
    "composer_copy": {"zh": "复制 YAML", "en": "Copy YAML"},
    "composer_download": {"zh": "下载文件", "en": "Download"},
    "composer_pull_request": {"zh": "发起合并请求（Pull Request）", "en": "Open a pull request"},
    "composer_pr_help": {
        "zh": "会打开代码托管平台的新建文件页面，文件名和内容已经填好，确认后提交即可。",
        "en": "Opens the code host's new-file page with the name and content filled in.",
    },
    "composer_no_repo": {
        "zh": "把文件保存到仓库的 `cases/` 文件夹，提交合并请求（在 `mkdocs.yml` 里设置 `repo_url` 后，"
        "这里会出现一键发起的链接）。",
        "en": "Save the file in the repository's `cases/` folder and open a pull request "
        "(with `repo_url` set in `mkdocs.yml`, a direct link appears here).",
    },
    "composer_missing_terms": {
        "zh": "没有合适的行业、痛点或指标怎么办？",
        "en": "No fitting industry, pain point or metric?",
    },
    "composer_missing_intro": {
        "zh": "填写器只能从已有的选项里选。新的行业、痛点或指标要先加进仓库（可以放在同一个合并请求里）："
        "填写下面的 id 和名称，就会得到要添加的内容。",
        "en": "The composer picks from what exists. Add a new industry, pain point or metric to "
        "the repository first (it can go in the same pull request): fill in an id and a name "
        "to get the exact lines.",
    },
    "composer_new_industry": {"zh": "新行业", "en": "New industry"},
    "composer_new_industry_steps": {
        "zh": "运行下面的命令，生成行业文件后把其中的 `【待填写】` 换成真实内容：",
        "en": "Run this command, then replace every `【待填写】` in the file it writes:",
    },
    "composer_new_pain": {"zh": "新痛点", "en": "New pain point"},
    "composer_new_metric": {"zh": "新指标", "en": "New metric"},
    "composer_add_lines": {
        "zh": "在 `content/taxonomy.yaml` 的 `{list}:` 列表末尾加上这几行：",
        "en": "Add these lines at the end of the `{list}:` list in `content/taxonomy.yaml`:",
    },
    "composer_term_id": {"zh": "id", "en": "id"},
    "composer_term_label": {"zh": "名称", "en": "Name"},
    "composer_unit": {"zh": "单位", "en": "Unit"},
    "composer_metric_option": {
        "zh": "{label}（{unit}，{better}）",
        "en": "{label} ({unit}, {better})",
    },
    "composer_metric_option_no_unit": {"zh": "{label}（{better}）", "en": "{label} ({better})"},
    "composer_better": {"zh": "方向", "en": "Better"},
    "term_with_note": {"zh": "{label}（{note}）", "en": "{label} ({note})"},
}


def translator(language: str) -> Callable[[str], str]:
    """A ``t(key)`` function for ``language``, falling back to Chinese, then the key."""

    def t(key: str) -> str:
        entry = STRINGS.get(key)
        if entry is None:
            return key
        return entry.get(language) or entry["zh"]

    return t
