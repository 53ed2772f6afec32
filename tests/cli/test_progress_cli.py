"""`planwriter progress` and `planwriter results` as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from paths import FIXTURES, ROOT

from planwriter import store

PLAN = ROOT / "plans" / "changzhou" / "2024.plan.yaml"
# A small bureau: a flow due by June, two rates (one with last year's result), a ceiling.
SMALL = FIXTURES / "progress"
SMALL_PLAN = (SMALL / "2024.plan.yaml").read_text(encoding="utf-8")
LAST_YEAR = (SMALL / "2023.results.yaml").read_text(encoding="utf-8")
PROGRESS = (SMALL / "2024.progress.yaml").read_text(encoding="utf-8")


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "planwriter", *args],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        check=False,
        env={**os.environ, "COLUMNS": "120"},  # rich's width when not on a terminal
    )


def bureau(tmp_path: Path, progress: str = PROGRESS) -> Path:
    (tmp_path / "2024.plan.yaml").write_text(SMALL_PLAN, encoding="utf-8")
    (tmp_path / "2023.results.yaml").write_text(LAST_YEAR, encoding="utf-8")
    (tmp_path / "2024.progress.yaml").write_text(progress, encoding="utf-8")
    return tmp_path / "2024.plan.yaml"


def targets(done: subprocess.CompletedProcess[str]) -> dict[str, dict]:
    return {row["metric"]: row for row in json.loads(done.stdout)["targets"]}


def test_the_changzhou_example_at_mid_year() -> None:
    done = run("progress", str(PLAN), "--as-of", "2024-06-30")
    assert done.returncode == 0, done.stderr
    assert "截至2024年6月30日的进展" in done.stdout
    assert "共 21 项目标：已完成3项、进度正常10项、滞后6项、未报送2项" in done.stdout
    assert "差3.5个百分点" in done.stdout  # 86.5% of 90%, from last year's 84.8%


def test_json_follows_the_documented_schema(tmp_path: Path) -> None:
    done = run("progress", str(bureau(tmp_path)), "--as-of", "2024-06-30", "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert (data["format"], data["version"], data["as_of"]) == (
        "planwriter-progress",
        1,
        "2024-06-30",
    )
    assert data["counts"] == {"done": 1, "on-track": 2, "lagging": 0, "over": 0, "unreported": 1}
    assert data["overdue"] == 0
    rows = targets(done)
    meals = rows["助餐点新增数"]
    # due 2024年6月底前: the period is Jan–June, all of it gone on 30 June
    assert meals["period"] == ["2024-01-01", "2024-06-30"]
    assert (meals["elapsed"], meals["completion"], meals["status"]) == (100.0, 100.0, "done")
    homes = rows["养老机构等级评定通过率"]
    assert homes["start"] == "85%"  # last year's result: 3 of 5 points
    assert (homes["completion"], homes["gap"], homes["gap_unit"]) == (60.0, 2.0, "个百分点")
    safety = rows["安全事故数"]
    assert (safety["completion"], safety["status"], safety["status_label"]) == (
        None,
        "on-track",
        "进度正常",
    )
    assert rows["护理型床位占比"]["status"] == "unreported"  # reported only later
    assert (meals["file"], meals["line"]) == (str(tmp_path / "2024.plan.yaml"), 16)


def test_lagging_past_its_due_date_exits_1_with_github_errors(tmp_path: Path) -> None:
    plan = bureau(tmp_path)
    # 30 June: meals (due then) is short of 80 and its period is over
    lagging = PROGRESS.replace("value: 80\n", "value: 30\n")
    (tmp_path / "2024.progress.yaml").write_text(lagging, encoding="utf-8")
    done = run("progress", str(plan), "--as-of", "2024-06-30", "--format", "github")
    assert done.returncode == 1, done.stderr
    assert done.stdout.startswith(f"::error file={plan},line=16,col=20,")
    assert "助餐点新增数：目标80个，已达30个" in done.stdout
    assert "（已过完成时限）" in done.stdout
    table = run("progress", str(plan), "--as-of", "2024-06-30")
    assert table.returncode == 1
    assert "逾期滞后：" in table.stdout


def test_a_ceiling_above_is_over_but_not_overdue(tmp_path: Path) -> None:
    over = PROGRESS.replace("value: 1\n        unit: 起", "value: 4\n        unit: 起")
    done = run("progress", str(bureau(tmp_path, over)), "--as-of", "2024-06-30", "--format", "json")
    assert done.returncode == 0, done.stderr
    assert targets(done)["安全事故数"]["status"] == "over"


def test_as_of_defaults_to_the_latest_report(tmp_path: Path) -> None:
    done = run("progress", str(bureau(tmp_path)), "--format", "json")
    data = json.loads(done.stdout)
    assert data["as_of"] == "2024-12-31"
    assert targets(done)["养老机构等级评定通过率"]["status"] == "done"


def test_bad_input_is_located_and_exits_2(tmp_path: Path) -> None:
    plan = bureau(tmp_path)
    done = run("progress", str(plan), "--as-of", "2024年13月1日")
    assert done.returncode == 2
    assert "不是有效日期" in done.stderr and "Traceback" not in done.stderr
    wrong_unit = PROGRESS.replace("value: 80\n        unit: 个", "value: 80\n        unit: 户")
    (tmp_path / "2024.progress.yaml").write_text(wrong_unit, encoding="utf-8")
    done = run("progress", str(plan))
    assert done.returncode == 2
    assert f"{tmp_path / '2024.progress.yaml'}:10:16" in done.stderr
    assert "“助餐点新增数”的进度值无法与目标比较" in done.stderr
    unknown = PROGRESS.replace("task: meals", "task: meal")
    (tmp_path / "2024.progress.yaml").write_text(unknown, encoding="utf-8")
    done = run("progress", str(plan))
    assert done.returncode == 2
    assert "没有 id 为“meal”的任务" in done.stderr


def test_without_a_progress_file_every_target_is_unreported(tmp_path: Path) -> None:
    plan = bureau(tmp_path)
    (tmp_path / "2024.progress.yaml").unlink()
    done = run("progress", str(plan), "--as-of", "2024-03-31", "--format", "json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["counts"]["unreported"] == 4
    assert "没有进度文件" in done.stderr


def test_year_end_results_become_next_years_baseline(tmp_path: Path) -> None:
    plan = bureau(tmp_path)
    out = tmp_path / "2024.results.yaml"
    done = run("results", str(plan), "--as-of", "2024-12-31", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert "已写出" in done.stdout
    assert "不是 2024 年年底" not in done.stderr
    results = store.load_results(out).model  # a valid results file
    assert results.year == 2024
    rows = {r.metric: r for r in results.results}
    assert set(rows) == {"助餐点新增数", "养老机构等级评定通过率", "护理型床位占比", "安全事故数"}
    homes = rows["养老机构等级评定通过率"]  # the latest record wins
    assert (homes.value, homes.kind.value, homes.target) == ("91%", "rate", "90%")
    assert homes.quote == "全市养老机构等级评定通过率达91%"
    assert (rows["助餐点新增数"].value, rows["助餐点新增数"].unit) == ("80", "个")
    # writing again without --force changes nothing
    again = run("results", str(plan), "--as-of", "2024-12-31", "-o", str(out))
    assert again.returncode == 2 and "已存在" in again.stderr
    # next year's check reads it: 90% is below 2024's 91%
    next_plan = SMALL_PLAN.replace("year: 2024", "year: 2025").replace("2024年", "2025年")
    (tmp_path / "2025.plan.yaml").write_text(next_plan, encoding="utf-8")
    check = run("check", str(tmp_path / "2025.plan.yaml"), "--format", "json")
    assert check.returncode == 1, check.stdout + check.stderr
    report = json.loads(check.stdout)["plans"][0]
    assert report["baseline"] == str(out)
    below = [p for p in report["problems"] if p["code"] == "below-last-year"]
    assert [p["message"] for p in below if "养老机构等级评定通过率" in p["message"]]
    assert any("护理型床位占比" in p["message"] and "62%" in p["message"] for p in below)


def test_results_without_any_value_is_refused(tmp_path: Path) -> None:
    plan = bureau(tmp_path)
    done = run("results", str(plan), "--as-of", "2024-01-31", "-o", str(tmp_path / "r.yaml"))
    assert done.returncode == 2
    assert "没有任何目标报送了数值" in done.stderr
    assert not (tmp_path / "r.yaml").exists()


def test_results_before_the_year_end_say_so(tmp_path: Path) -> None:
    plan = bureau(tmp_path)
    done = run("results", str(plan), "--as-of", "2024-06-30")
    assert done.returncode == 0, done.stderr
    assert "注意：截至2024年6月30日，不是 2024 年年底" in done.stderr
    assert done.stdout.startswith("planwriter: 1\n")  # without -o, the YAML on stdout
