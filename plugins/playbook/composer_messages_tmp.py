"""TEMPORARY: the composer's messages until the shared catalog lands on main."""

TEMP_MESSAGES = {
    "field.missing": {"zh": "缺少必填字段 '{field}'", "en": "missing required field '{field}'"},
    "field.missing_in": {
        "zh": "'{parent}' 里缺少必填字段 '{field}'",
        "en": "missing required field '{field}' in '{parent}'",
    },
    "field.empty": {"zh": "'{field}' 不能为空", "en": "'{field}' must not be empty"},
    "field.too_long": {
        "zh": "'{field}' 有 {length} 个字，超过上限 {limit}",
        "en": "'{field}' is {length} characters, over the limit of {limit}",
    },
    "field.too_long.hint": {
        "zh": "请缩短；细节写进更长的字段",
        "en": "shorten it; details belong in the longer fields",
    },
    "field.placeholder": {
        "zh": "'{field}' 里还留着占位符 {placeholder}",
        "en": "'{field}' still holds the placeholder {placeholder}",
    },
    "field.placeholder.hint": {"zh": "换成真实内容", "en": "replace it with real content"},
    "field.personal": {
        "zh": "'{field}' 含有{kind}；个人信息不能公开发布",
        "en": "'{field}' contains {kind}; personal data must not be published",
    },
    "field.personal.hint": {
        "zh": "把它移到 'private:' 下面，那里的内容永远不会发布",
        "en": "move it under 'private:', which is never published",
    },
    "field.too_few": {
        "zh": "'{field}' 至少要有 {minimum} 项，现在有 {count} 项",
        "en": "'{field}' needs at least {minimum} item(s), has {count}",
    },
    "field.bad_date": {
        "zh": "'{field}' 应该是 YYYY-MM-DD 格式的日期，这里是 {value}",
        "en": "'{field}' must be a date written YYYY-MM-DD, got {value}",
    },
    "field.bad_date.hint": {"zh": "例如 2026-03-31", "en": "e.g. 2026-03-31"},
    "personal.mobile": {"zh": "手机号", "en": "a mobile phone number"},
    "personal.email": {"zh": "邮箱地址", "en": "an e-mail address"},
    "personal.resident_id": {"zh": "身份证号", "en": "a resident-ID number"},
    "result.missing_after": {"zh": "成果缺少 'after'", "en": "result needs 'after'"},
    "result.missing_before": {"zh": "成果缺少 'before'", "en": "result needs 'before'"},
    "result.missing_change": {
        "zh": "成果缺少 'change'（或 'before' 和 'after'）",
        "en": "result needs 'change' (or 'before' and 'after')",
    },
    "result.missing.hint": {
        "zh": "写 change: '+40%'，或 before: 15天 和 after: 7天",
        "en": "write change: '+40%', or before: 15天 and after: 7天",
    },
    "id.invalid": {"zh": "'{ident}' 不是有效的 id", "en": "'{ident}' is not a valid id"},
    "id.invalid.hint": {
        "zh": "只用小写英文字母、数字和单个连字符，例如 'inventory-cost'",
        "en": "use lowercase ASCII letters, digits and single hyphens, e.g. 'inventory-cost'",
    },
    "id.reserved": {
        "zh": "id '{ident}' 已被生成的页面占用",
        "en": "id '{ident}' is reserved for a generated page",
    },
    "id.reserved.hint": {"zh": "给文件换个名字", "en": "rename the file"},
    "id.duplicate": {"zh": "{kind} id '{ident}' 重复了", "en": "duplicate {kind} id '{ident}'"},
    "id.duplicate.hint": {"zh": "{path} 里也定义了它", "en": "also defined in {path}"},
    "ref.case": {"zh": "案例", "en": "case"},
    "reviewed.future": {
        "zh": "'reviewed' 日期 {date} 在未来",
        "en": "'reviewed' date {date} is in the future",
    },
    "id.reserved_url": {
        "zh": "id '{ident}' 已被生成的页面占用（{url}）",
        "en": "id '{ident}' is reserved for a generated page ({url})",
    },
}
