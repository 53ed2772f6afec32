"""Nothing is lost and nothing crashes: generated input, interrupted saves, hostile YAML."""

from __future__ import annotations

import contextlib
import io
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from paths import ROOT

from planwriter import cli, model, store
from planwriter.problems import InputError

PLAN = ROOT / "plans" / "changzhou" / "2024.plan.yaml"
RESULTS = ROOT / "plans" / "changzhou" / "2023.results.yaml"
PLAN_BYTES = PLAN.read_bytes()
CASES = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def mutated(data: bytes, rng: random.Random, edits: int) -> bytes:
    """The real plan with bytes flipped, dropped or repeated: input that reaches deep."""
    out = bytearray(data)
    for _ in range(edits):
        at = rng.randrange(len(out)) if out else 0
        choice = rng.randrange(4)
        if choice == 0 and out:
            out[at] = rng.randrange(256)
        elif choice == 1 and out:
            del out[at : at + rng.randrange(1, 40)]
        elif choice == 2:
            out[at:at] = out[at : at + rng.randrange(1, 40)]
        else:
            out[at:at] = rng.choice([b"\t", b": ", b"- ", b"\n", b"&a ", b"*a", b"'", b"#"])
    return bytes(out)


inputs = st.one_of(
    st.binary(max_size=600),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=400).map(str.encode),
    st.builds(mutated, st.just(PLAN_BYTES), st.randoms(use_true_random=False), st.integers(1, 12)),
)


def run_cli(args: list[str]) -> tuple[int, str]:
    """The command in this process: its exit code and what it wrote to stderr."""
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        try:
            code = cli.main(args)
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else 2
    return code, err.getvalue()


@pytest.mark.parametrize(
    "command",
    [
        ["validate", "{file}"],
        ["check", "{file}"],
        ["show", "{file}"],
        ["fmt", "--check", "{file}"],
        ["render", "{file}", "-o", "{out}.docx"],
        ["import", "plan", "{file}", "-o", "{out}.yaml"],
        ["import", "results", "{file}", "-o", "{out}.yaml"],
    ],
    ids=lambda c: " ".join(c[:2]).replace("{file}", ""),
)
def test_any_bytes_give_a_result_or_a_clear_message(tmp_path: Path, command: list[str]) -> None:
    @CASES
    @given(data=inputs)
    def case(data: bytes) -> None:
        path = tmp_path / "fuzz.plan.yaml"
        path.write_bytes(data)
        out = tmp_path / "out"
        for stale in tmp_path.glob("out.*"):
            stale.unlink()
        args = [a.replace("{file}", str(path)).replace("{out}", str(out)) for a in command]
        code, err = run_cli(args)
        assert code in (0, 1, 2), code
        if code == 2:
            assert f"{path}" in err and "错误：" in err, err
        assert path.read_bytes() == data  # nothing written to the input

    case()


@CASES
@given(data=inputs)
def test_load_save_load_is_the_identity_where_the_input_reads(data: bytes) -> None:
    try:
        first, _ = store.parse(data.decode("utf-8"), "x.plan.yaml", is_results=False)
    except (InputError, UnicodeDecodeError):
        return
    text = store.render(first, data.decode("utf-8"))
    again, _ = store.parse(text, "x.plan.yaml", is_results=False)
    assert again == first
    assert store.render(again, text) == text  # saving an untouched plan changes nothing


def test_alias_bomb_is_refused_at_once() -> None:
    levels = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 12):
        name, prev = chr(97 + i), chr(96 + i)
        levels.append(f"{name}: &{name} [{', '.join(['*' + prev] * 9)}]")
    bomb = (
        "\n".join(
            [
                *levels,
                "planwriter: 1",
                "bureau: 局",
                "year: 2024",
                "title: 要点",
                "preamble: *l",
                "domains: *l",
            ]
        )
        + "\n"
    )
    start = time.perf_counter()
    with pytest.raises(InputError) as err:
        store.parse(bomb, "bomb.plan.yaml")
    assert time.perf_counter() - start < 2
    messages = [p.message for p in err.value.problems]
    assert any("不支持 YAML 锚点和别名" in m or "应为" in m for m in messages)


def test_ten_megabytes_are_refused_quickly(tmp_path: Path) -> None:
    path = tmp_path / "big.plan.yaml"
    path.write_bytes(PLAN_BYTES * (10 * 1024 * 1024 // len(PLAN_BYTES) + 1))
    start = time.perf_counter()
    code, err = run_cli(["check", str(path)])
    assert code == 2 and "文件过大" in err
    assert time.perf_counter() - start < 2


# --- interrupted saves -------------------------------------------------------------------


class Failure(OSError):
    pass


STEPS = ["write", "flush", "fsync", "chmod", "replace"]


@pytest.mark.parametrize("step", STEPS)
def test_a_save_that_fails_at_any_step_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    path = tmp_path / "2024.plan.yaml"
    path.write_bytes(PLAN_BYTES)
    loaded = store.load_plan(path)
    loaded.model.title = "改过的标题"

    def fail(*_: object, **__: object) -> None:
        raise Failure(5, "Input/output error")

    if step in ("fsync", "chmod", "replace"):
        monkeypatch.setattr(os, step, fail)
    else:
        real_fdopen = os.fdopen

        class Failing:  # the temp file, failing at `step`
            def __init__(self, *args: object, **kwargs: object) -> None:
                self.file = real_fdopen(*args, **kwargs)  # type: ignore[call-overload]

            def __getattr__(self, name: str) -> object:
                return fail if name == step else getattr(self.file, name)

            def __enter__(self) -> Failing:
                return self

            def __exit__(self, *exc: object) -> None:
                self.file.close()

        monkeypatch.setattr(os, "fdopen", Failing)
    with pytest.raises((InputError, Failure)):
        store.save(path, loaded.model, loaded.text)
    assert path.read_bytes() == PLAN_BYTES
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temp file left behind


# Writes two large versions of the plan in turn, as fast as it can: nearly all its time is
# spent inside atomic_write, so a kill lands mid-write, mid-fsync or mid-rename.
SAVER = """
import sys
from pathlib import Path
from planwriter import store
path = Path(sys.argv[1])
loaded = store.load_plan(path)
versions = []
for title in ("甲" * 20000, "乙" * 20000):
    loaded.model.title = title
    versions.append(store.render(loaded.model, loaded.text))
print("ready", flush=True)
n = 0
while True:
    store.atomic_write(path, versions[n % 2])
    n += 1
"""


def test_a_save_killed_at_a_random_moment_leaves_old_or_new(tmp_path: Path) -> None:
    """kill -9 in the middle of saving, many times: the file is always one whole version."""
    path = tmp_path / "2024.plan.yaml"
    path.write_bytes(PLAN_BYTES)
    rng = random.Random(9704)
    interrupted = 0
    for _ in range(15):
        saver = subprocess.Popen(
            [sys.executable, "-c", SAVER, str(path)], stdout=subprocess.PIPE, text=True
        )
        assert saver.stdout is not None and saver.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.01, 0.2))
        saver.send_signal(signal.SIGKILL)
        saver.wait()
        plan = store.load_plan(path).model  # whole and valid, whichever version it is
        assert plan.title in ("2024年全市民政工作要点", "甲" * 20000, "乙" * 20000)
        assert isinstance(plan, model.Plan) and len(plan.domains) == 10
        leftovers = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
        interrupted += bool(leftovers)
        for stale in leftovers:
            stale.unlink()
    assert interrupted, "no kill landed inside a write: the test did not test atomicity"


def test_stale_temp_files_of_killed_saves_are_cleared(tmp_path: Path) -> None:
    path = tmp_path / "2024.plan.yaml"
    path.write_bytes(PLAN_BYTES)
    ended = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    dead_pid = int(ended.stdout)
    stale = tmp_path / ".2024.plan.yaml.abc123.tmp"  # an old one of unknown writer
    fresh = tmp_path / ".2024.plan.yaml.def456.tmp"  # perhaps another save under way
    live = tmp_path / f".2024.plan.yaml.{os.getppid()}-00aa11bb.tmp"  # its writer still runs
    killed = tmp_path / f".2024.plan.yaml.{dead_pid}-00aa11bb.tmp"  # its writer has ended
    other = tmp_path / ".other.plan.yaml.abc123.tmp"
    for leftover in (stale, fresh, live, killed, other):
        leftover.write_text("half", encoding="utf-8")
    hour_ago = time.time() - 3600
    os.utime(stale, (hour_ago, hour_ago))
    os.utime(other, (hour_ago, hour_ago))
    store.atomic_write(path, PLAN_BYTES.decode("utf-8"))
    assert not stale.exists() and not killed.exists()
    assert fresh.exists() and live.exists() and other.exists()
