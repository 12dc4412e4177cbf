"""Build a fixture project whose every text and Markdown field holds a payload.

The spec of each kind (``playbook.core.schema``) drives the filling, so a field added
to the content model later is covered automatically. Record ``i`` of each kind,
and pain point ``i`` of the taxonomy, carry payload ``i`` in every free-text
field; the other vocabularies carry payloads in their labels and descriptions.
"""

from __future__ import annotations

from typing import Any

import yaml
from conftest import CASE, INDUSTRY, OBJECTION, Project
from playbook.core.schema import CASE as CASE_SPEC
from playbook.core.schema import INDUSTRY as INDUSTRY_SPEC
from playbook.core.schema import OBJECTION as OBJECTION_SPEC
from playbook.core.schema import Spec

MARK = "XSS-MARKER"
PAYLOADS = [
    f"<script>console.log('{MARK}')</script>",
    f"<script>alert('{MARK}')</script>",
    f"</title><script>alert('{MARK}')</script>",
    f"\"><script>alert('{MARK}')</script>",
    f"' onmouseover='alert(\"{MARK}\")' x='",
    f"<img src=x onerror=\"console.log('{MARK}')\">",
    f"<svg onload=alert('{MARK}')>",
    f"<svg><script>alert('{MARK}')</script></svg>",
    f"<svg><a xlink:href=\"javascript:alert('{MARK}')\"><text y='9'>s</text></a></svg>",
    f"<a href=\"javascript:alert('{MARK}')\">js</a>",
    f"<a href=\"jav&#x09;ascript:alert('{MARK}')\">tab</a>",
    f"<a href=\"&#106;avascript:alert('{MARK}')\">ent</a>",
    f"&#106;avascript:alert('{MARK}') &lt;script&gt;alert('{MARK}')&lt;/script&gt;",
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgnWFNTLU1BUktFUicpPC9zY3JpcHQ+">b64</a>',
    f"<img src=\"data:image/svg+xml,<svg onload=alert('{MARK}')>\">",
    f"<iframe src=\"javascript:alert('{MARK}')\"></iframe>",
    f"<object data=\"data:text/html,<script>alert('{MARK}')</script>\"></object>",
    f"<details open ontoggle=\"console.log('{MARK}')\">d</details>",
    f"<input autofocus onfocus=\"console.log('{MARK}')\">",
    f"<body onload=\"alert('{MARK}')\">",
    f'<meta http-equiv="refresh" content="0;url=javascript:alert(\'{MARK}\')">',
    f"<base href=\"javascript:alert('{MARK}')//\">",
    f"<style>@import 'javascript:alert(\"{MARK}\")';</style>",
    f"<math><mtext><table><mglyph><style><img src=x onerror=alert('{MARK}')>",
    f"[link](javascript:alert('{MARK}'))",
    f"[link](JaVaScRiPt:alert('{MARK}') \"t\")",
    f"![img](x\" onerror=\"alert('{MARK}'))",
    f"<javascript:alert('{MARK}')>",
    f"[ref][r]\n\n[r]: javascript:alert('{MARK}')",
    f"<div>\n<script>alert('{MARK}')</script>\n</div>",
    "{{ 7*191 }} {% for x in range(3) %}TPL{% endfor %} {{ config }} {{ 7*7 }}",
]
"""Each at most 110 characters, so it also fits the length-limited fields (title, summary)."""

NOT_TEXT = {"id"}
"""Free-text fields that cannot hold a payload (the id must equal the file name)."""


def fill(spec: Spec, value: Any, payload: str) -> Any:
    """``value`` with every free-text field under ``spec`` replaced by ``payload``."""
    if spec.kind in {"text", "markdown"} and spec.enum is None:
        return payload
    if spec.kind == "markdown_or_list":
        return payload if isinstance(value, str) else [payload, payload]
    if spec.kind == "list" and spec.item is not None and isinstance(value, list):
        return [fill(spec.item, item, payload) for item in value]
    if spec.kind == "object" and isinstance(value, dict):
        return {
            key: item if key in NOT_TEXT else fill(spec.fields[key], item, payload)
            for key, item in value.items()
        }
    return value


def text_fields(spec: Spec, value: Any, at: str = "") -> set[str]:
    """Paths of the free-text fields present in ``value`` (to prove the filling is complete)."""
    if spec.kind in {"text", "markdown", "markdown_or_list"} and spec.enum is None:
        return {at}
    if spec.kind == "list" and spec.item is not None and isinstance(value, list):
        return set().union(*(text_fields(spec.item, v, f"{at}[]") for v in value))
    if spec.kind == "object" and isinstance(value, dict):
        return set().union(
            *(
                text_fields(spec.fields[k], v, f"{at}.{k}")
                for k, v in value.items()
                if k not in NOT_TEXT
            )
        )
    return set()


def _templates() -> dict[str, Any]:
    case = yaml.safe_load(CASE)
    case["results"][0].update(before="15 天", after="7 天")  # every optional result field
    industry = yaml.safe_load(INDUSTRY)
    return {"case": case, "objection": yaml.safe_load(OBJECTION), "industry": industry}


def spec_fields(spec: Spec, at: str = "") -> set[str]:
    """Paths of every free-text field the spec allows (published ones)."""
    if not spec.published:
        return set()
    if spec.kind in {"text", "markdown", "markdown_or_list"} and spec.enum is None:
        return {at}
    if spec.kind == "list" and spec.item is not None:
        return spec_fields(spec.item, f"{at}[]")
    if spec.kind == "object":
        return set().union(
            *(spec_fields(s, f"{at}.{k}") for k, s in spec.fields.items() if k not in NOT_TEXT)
        )
    return set()


SPECS = {"case": CASE_SPEC, "objection": OBJECTION_SPEC, "industry": INDUSTRY_SPEC}


def write_hostile_project(project: Project, *, nav: bool = True) -> None:
    """Replace the fixture records by one record of each kind per payload."""
    for folder in ("cases", "content/objections", "content/industries"):
        for file in (project.root / folder).glob("*.yaml"):
            file.unlink()
    templates = _templates()
    taxonomy = yaml.safe_load((project.root / "content/taxonomy.yaml").read_text("utf-8"))
    for name, terms in taxonomy.items():
        for j, term in enumerate(terms):
            payload = PAYLOADS[j % len(PAYLOADS)]
            term["label"] = payload
            term["description"] = payload
            for field in ("cadence", "unit"):
                if field in term:
                    term[field] = payload
        if name == "pain_points":
            category = terms[0]["category"]
            terms[:] = [
                {"id": f"p-{i}", "label": p, "description": p, "category": category}
                for i, p in enumerate(PAYLOADS)
            ]
    project.write("content/taxonomy.yaml", yaml.safe_dump(taxonomy, allow_unicode=True))
    for i, payload in enumerate(PAYLOADS):
        case = fill(CASE_SPEC, templates["case"], payload)
        case["customer"]["industry"] = f"n-{i}"
        case["pain_points"] = [f"p-{i}"]
        case["objections"] = [f"o-{i}"]
        objection = fill(OBJECTION_SPEC, templates["objection"], payload)
        objection["proof"] = [f"c-{i}"]
        industry = fill(INDUSTRY_SPEC, templates["industry"], payload)
        if i % 2:  # decision_chain as a list too
            industry["decision_chain"] = [payload, payload]
        industry["pain_points"] = [{"id": f"p-{i}", "scenario": payload}]
        industry["common_objections"] = [f"o-{i}"]
        for rel, data in [
            (f"cases/c-{i}.yaml", case),
            (f"content/objections/o-{i}.yaml", objection),
            (f"content/industries/n-{i}.yaml", industry),
        ]:
            project.write(rel, yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    config = (
        project.read("mkdocs.yml")
        .replace("  font: false\n", "  font: false\n  features:\n    - navigation.path\n")
        .replace("plugins:\n  - playbook\n", "plugins:\n  - search\n  - playbook\n")
    )
    if nav:  # pain points (taxonomy labels) and a few cases in the nav: labels and breadcrumbs
        config += "nav:\n  - index.md\n  - cases/index.md\n  - Cases:\n"
        config += "".join(f"      - cases/c-{i}.md\n" for i in range(3))
        config += "  - pain-points/index.md\n  - Pain points:\n"
        config += "".join(f"      - pain-points/p-{i}.md\n" for i in range(len(PAYLOADS)))
        config += "  - objections/index.md\n  - industries/index.md\n"
    project.write("mkdocs.yml", config)
