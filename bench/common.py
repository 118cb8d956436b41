"""Shared benchmark helpers: timing, the 100k demo database, and the result line format.

Every metric prints one line: name, ours, baseline, ratio (ours / baseline), goal.
The baseline is a plain way of doing the same job, measured in the same run.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

CACHE = Path(os.environ.get("SONLA_BENCH_CACHE", Path(__file__).resolve().parent / ".cache"))
BIG = int(os.environ.get("SONLA_BENCH_WORKERS", "100000"))
# Node keys made by `initialise` go here, never into the real user's data folder.
os.environ.setdefault("SONLA_DATA_DIR", str(CACHE / "userdata"))
# Bumped when the demo data changes (v2: no phone numbers in unassigned 0890-0895 blocks).
DEMO_VERSION = 2


def cold_caches() -> int:
    """Empty every ``functools`` cache of the program's modules; returns how many.

    A benchmark repeats one piece of work and takes the median: from the second run on, the
    rules' caches (folded names, phone types, keyed hashes...) would answer what the first
    run computed, and a clerk's first import of a file finds them empty. Called before each
    run of work whose rules cache values.
    """
    emptied = 0
    for name, module in list(sys.modules.items()):
        if not name.startswith("sonla_desktop") or module is None:
            continue
        for value in list(vars(module).values()):
            clear = getattr(value, "cache_clear", None)
            if callable(clear) and hasattr(value, "cache_info"):
                clear()
                emptied += 1
    return emptied


def timed(fn: Callable[[], object], repeat: int = 5) -> float:
    """Median seconds of ``repeat`` runs (after one warm-up when repeat > 1)."""
    if repeat > 1:
        fn()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def report(name: str, ours: float, baseline: float | None, goal: str, unit: str = "s") -> None:
    def fmt(v: float | None) -> str:
        if v is None:
            return "-"
        return f"{v * 1000:.1f} ms" if unit == "s" and v < 1 else f"{v:.2f} {unit}"

    ratio = f"{ours / baseline:.2f}" if baseline else "-"
    print(f"{name:<44} ours={fmt(ours):>11}  baseline={fmt(baseline):>11}  "
          f"ratio={ratio:>6}  goal: {goal}", flush=True)


def big_database() -> Path:
    """An initialised database with BIG demo workers, built once and reused."""
    from sonla_desktop.db import open_database
    from sonla_desktop.services.context import ServiceContext
    from sonla_desktop.services.demo import generate_demo
    from sonla_desktop.services.setup import initialise

    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"demo-{BIG}-v{DEMO_VERSION}.db"
    if not path.exists():
        tmp = path.with_suffix(".building")
        for p in tmp.parent.glob(tmp.name + "*"):
            p.unlink()
        db = open_database(tmp)
        initialise(db, name="Bench", communes=["03670"])
        generate_demo(ServiceContext(db, role="admin"), workers=BIG, seed=1)
        db.backup(path)
        db.dispose()
        for p in tmp.parent.glob(tmp.name + "*"):
            p.unlink()
    return path
