"""UI strings of our own templates, in Simplified Chinese (default) and English."""

from __future__ import annotations

from collections.abc import Callable

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
    "case_count": {"zh": "个案例", "en": "cases"},
    "objection_count": {"zh": "条异议", "en": "objections"},
    "cat_efficiency": {"zh": "效率", "en": "Efficiency"},
    "cat_cost": {"zh": "成本", "en": "Cost"},
    "cat_compliance": {"zh": "合规", "en": "Compliance"},
    "cat_growth": {"zh": "增长", "en": "Growth"},
    "cat_risk": {"zh": "风险", "en": "Risk"},
    "better_up": {"zh": "越高越好", "en": "higher is better"},
    "better_down": {"zh": "越低越好", "en": "lower is better"},
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
}


def translator(language: str) -> Callable[[str], str]:
    """A ``t(key)`` function for ``language``, falling back to Chinese, then the key."""

    def t(key: str) -> str:
        entry = STRINGS.get(key)
        if entry is None:
            return key
        return entry.get(language) or entry["zh"]

    return t
