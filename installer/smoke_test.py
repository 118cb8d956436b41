"""Smoke test of the frozen one-folder build, run by .ci/run (Linux) and the Windows workflow.

    python installer/smoke_test.py dist/sonla-desktop [--source-python .venv/bin/python]

The bundle is copied to a temporary folder and run from there with its own data folder, so
nothing of the source tree or the developer's environment can help it. Steps: --version,
init, demo --workers 200, report --year 2025 --format json, a loan dossier PDF, a hub that
trusts the commune, bundle export/verify/import, and the GUI (offscreen) for 5 seconds on
the hub opened with the .sldsync file, with nothing in the error log, while a second launch
with the same file hands it to that window and exits. Prints the bundle's size (and fails at
200 MB or more) and the GUI cold start (to the first paint) of the frozen program and, with
--source-python, of the same program run from source. Standard library only.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXE = ".exe" if os.name == "nt" else ""
SIZE_GOAL_MB = 200
GUI_SECONDS = 5
# A second launch on an open database hands its file over and exits; a GUI would stay.
SECOND_LAUNCH_SECONDS = 30
FIRST_CLAIM_SECONDS = 3
# Qt and the program print nothing else on a good start; these mean something is broken.
BAD_OUTPUT = re.compile(r"Traceback|Error|Could not load|Cannot load|not found|failed",
                        re.IGNORECASE)


class SmokeFailure(Exception):
    pass


def expected_version() -> str:
    text = (ROOT / "sonla_desktop" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'__version__ = "([^"]+)"', text)
    if not match:
        raise SmokeFailure("no __version__ in sonla_desktop/__init__.py")
    return match.group(1)


def folder_size_mb(folder: Path) -> float:
    # Symlinks (PyInstaller links some Linux libraries) would count their target twice.
    return sum(p.lstat().st_size for p in folder.rglob("*")
               if p.is_file() and not p.is_symlink()) / 1024 ** 2


class Frozen:
    """The copied bundle, run in a clean environment with its own data folder."""

    def __init__(self, app: Path, work: Path) -> None:
        self.cli = app / f"sonla-desktop-cli{EXE}"
        self.gui = app / f"sonla-desktop{EXE}"
        self.work = work
        self.data = work / "userdata"
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("PYTHON", "SONLA_", "VIRTUAL_ENV", "QT_"))}
        # SONLA_USER/SONLA_PASSWORD: `init` makes this administrator and every later
        # command (and the timed GUI start) logs in with it, as a script would.
        env.update(SONLA_DATA_DIR=str(self.data), QT_QPA_PLATFORM="offscreen",
                   PYTHONIOENCODING="utf-8", SONLA_USER="admin",
                   SONLA_PASSWORD="smoke-test-password")
        self.env = env

    def run(self, *args: str, label: str | None = None) -> str:
        start = time.perf_counter()
        proc = subprocess.run([str(self.cli), *args], cwd=self.work, env=self.env,
                              capture_output=True, text=True, encoding="utf-8", timeout=600)
        seconds = time.perf_counter() - start
        if proc.returncode != 0:
            raise SmokeFailure(f"{' '.join(args)} -> exit {proc.returncode}\n"
                               f"{proc.stdout[-2000:]}\n{proc.stderr[-4000:]}")
        print(f"  ok  {label or ' '.join(args)}  ({seconds:.1f} s)", flush=True)
        return proc.stdout

    def run_json(self, *args: str, label: str | None = None):
        out = self.run(*args, label=label)
        try:
            return json.loads(out)
        except ValueError as exc:
            raise SmokeFailure(f"{' '.join(args)}: not JSON: {out[:300]!r}") from exc

    def error_log(self) -> str:
        log = self.data / "logs" / "sonla-desktop.log"
        return log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""


def check_commands(app: Frozen, version: str) -> Path:
    """The command-line steps; returns the bundle file the commune sent to the hub."""
    out = app.run("--version").strip()
    if out != f"sonla-desktop {version}":
        raise SmokeFailure(f"--version printed {out!r}, expected 'sonla-desktop {version}'")
    app.run("--db", "xa.db", "init", "--name", "UBND xã Chiềng Cơi", "--commune", "03670")
    app.run("--db", "xa.db", "demo", "--workers", "200")
    report = app.run_json("--db", "xa.db", "report", "--year", "2025", "--format", "json")
    if report.get("period", {}).get("from") != "2025-01-01" or "loans" not in report:
        raise SmokeFailure(f"report JSON without the 2025 period or loans: {str(report)[:300]}")

    loans = app.run_json("--db", "xa.db", "loans", "list", "--format", "json")
    rows = loans if isinstance(loans, list) else loans.get("loans", [])
    if not rows:
        raise SmokeFailure("demo made no loans to print a dossier for")
    pdf = app.work / "dossier.pdf"
    app.run("--db", "xa.db", "dossier", rows[0]["id"], "-o", str(pdf), label="dossier ID -o")
    data = pdf.read_bytes()
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:] or len(data) < 10_000:
        raise SmokeFailure(f"dossier is not a complete PDF ({len(data)} bytes)")
    if b"FontFile2" not in data:  # the bundled Noto fonts, embedded (Vietnamese letters)
        raise SmokeFailure("dossier PDF embeds no TrueType font: resources/fonts missing?")

    app.run("--db", "tinh.db", "init", "--hub", "--name", "Sở LĐ-TB&XH Sơn La")
    keys = {}
    for db in ("xa.db", "tinh.db"):
        keys[db] = app.run_json("--db", db, "keys", "show", "--format", "json")["node_id"]
        app.run("--db", db, "keys", "export", "-o", f"{db}.pub")
    app.run("--db", "xa.db", "keys", "trust", "tinh.db.pub", "--yes")
    app.run("--db", "tinh.db", "keys", "trust", "xa.db.pub", "--yes")
    bundle = app.work / "usb" / "xa-to-tinh.sldsync"
    bundle.parent.mkdir()
    app.run("--db", "xa.db", "bundle", "export", "--to", keys["tinh.db"], "-o", str(bundle),
            label="bundle export --to HUB")
    app.run("--db", "tinh.db", "bundle", "verify", str(bundle), label="bundle verify")
    return bundle


def check_gui(app: Frozen, bundle: Path) -> None:
    """The real window offscreen for (at least) 5 s, opened on the bundle as a double-click would; a
    second double-click meanwhile hands the file to it and exits (one window per database)."""
    start = time.perf_counter()
    command = [str(app.gui), "--db", "tinh.db", str(bundle)]
    proc = subprocess.Popen(command, cwd=app.work,
                            env=app.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, encoding="utf-8", errors="replace")
    try:
        # The first takes its lock right after Qt starts; leave a slow runner time for that
        # (were the second launch first, it would be the window and this one would hand over).
        time.sleep(FIRST_CLAIM_SECONDS)
        second_launch(app, command)
        out, err = proc.communicate(timeout=max(0.5, GUI_SECONDS - (time.perf_counter() - start)))
        raise SmokeFailure(f"the GUI stopped after {time.perf_counter() - start:.1f} s with "
                           f"exit {proc.returncode}\n{out[-2000:]}\n{err[-4000:]}")
    except subprocess.TimeoutExpired:
        proc.terminate()
        out, err = proc.communicate(timeout=30)
    except SmokeFailure:
        proc.kill()
        proc.communicate(timeout=30)
        raise
    bad = [line for line in (out + err).splitlines() if BAD_OUTPUT.search(line)]
    if bad:
        raise SmokeFailure("the GUI printed errors:\n" + "\n".join(bad[:20]))
    if app.error_log().strip():
        raise SmokeFailure("the GUI wrote to its error log:\n" + app.error_log()[-4000:])
    print(f"  ok  GUI offscreen {GUI_SECONDS} s with the .sldsync file, error log empty",
          flush=True)
    app.run("--db", "tinh.db", "bundle", "import", str(bundle), label="bundle import")


def second_launch(app: Frozen, command: list[str]) -> None:
    """The same double-click again while the window is open: the file goes to that window
    and this launch exits (a GUI that stays up past the timeout opened a second window)."""
    start = time.perf_counter()
    try:
        second = subprocess.run(command, cwd=app.work, env=app.env, capture_output=True,
                                text=True, encoding="utf-8", errors="replace",
                                timeout=SECOND_LAUNCH_SECONDS)
    except subprocess.TimeoutExpired as exc:
        raise SmokeFailure(f"a second launch on the open database was still running after "
                           f"{SECOND_LAUNCH_SECONDS} s: it opened a second window") from exc
    if second.returncode != 0:
        raise SmokeFailure(f"second launch on the open database: exit {second.returncode}\n"
                           f"{second.stderr[-2000:]}")
    print(f"  ok  second launch handed the file to the open window and exited "
          f"({time.perf_counter() - start:.1f} s)", flush=True)


def cold_start(command: list[str], cwd: Path, env: dict[str, str], runs: int = 3) -> float:
    """Best of ``runs``: process start to the main window's first paint (the app quits there
    when SONLA_EXIT_AFTER_FIRST_PAINT is set)."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.run(command, cwd=cwd, env={**env, "SONLA_EXIT_AFTER_FIRST_PAINT": "1"},
                              capture_output=True, text=True, timeout=120)
        if proc.returncode != 0:
            raise SmokeFailure(f"cold start run failed: {proc.stderr[-2000:]}")
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dist", type=Path, help="the one-folder build, e.g. dist/sonla-desktop")
    parser.add_argument("--source-python", help="python of a source install, for the "
                        "cold-start comparison (e.g. .venv/bin/python)")
    args = parser.parse_args(argv)
    dist = args.dist.resolve()
    if not (dist / f"sonla-desktop-cli{EXE}").exists():
        print(f"no sonla-desktop-cli{EXE} in {dist}: run `make package` first", file=sys.stderr)
        return 1
    size = folder_size_mb(dist)
    print(f"bundle {dist}: {size:.0f} MB (goal < {SIZE_GOAL_MB} MB)", flush=True)
    with tempfile.TemporaryDirectory(prefix="sonla-smoke-") as tmp:
        work = Path(tmp) / "work"
        work.mkdir()
        app_dir = Path(tmp) / "sonla-desktop"
        shutil.copytree(dist, app_dir, symlinks=True)
        app = Frozen(app_dir, work)
        try:
            bundle = check_commands(app, expected_version())
            check_gui(app, bundle)
            frozen = cold_start([str(app.gui), "--db", "xa.db"], work, app.env)
            line = f"GUI cold start to first paint: frozen {frozen:.2f} s"
            if args.source_python:
                python = os.path.abspath(args.source_python)  # a venv: keep its symlink
                source = cold_start([python, "-m", "sonla_desktop", "--db", "xa.db"],
                                    work, {**app.env, "PYTHONPATH": str(ROOT)})
                line += f", from source {source:.2f} s (ratio {frozen / source:.2f})"
            print(line, flush=True)
        except SmokeFailure as exc:
            print(f"SMOKE TEST FAILED: {exc}", file=sys.stderr)
            return 1
    if size >= SIZE_GOAL_MB:
        print(f"SMOKE TEST FAILED: the bundle is {size:.0f} MB, not under {SIZE_GOAL_MB} MB "
              "(installer/README.md, Bundle size)", file=sys.stderr)
        return 1
    print(f"smoke test passed; bundle {size:.0f} MB", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
