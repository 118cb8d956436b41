"""Excel import and export against bare openpyxl doing the same reading or writing.

- import of a 10,000-row workbook (the export of a 10,000-worker demo database) into an
  empty database: every cell read, every row validated with the entry form's rules, all
  written in one transaction; baseline: openpyxl reading every cell of the same file.
  Measured twice: on the export itself (written in write-only mode, without <dimension>
  elements, which makes plain openpyxl parse each sheet twice while the import parses it
  once) and on the same workbook saved the way Excel saves it (both parse once).
- export of the 100,000-worker demo database; baseline: openpyxl write-only writing the same
  rows (already in memory, no formats) to a file.
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from pathlib import Path

from bench.common import BIG, CACHE, big_database, cold_caches, report

IMPORT_ROWS = 10_000
IMPORT_RUNS = 5


def _median_of(runs: int, prepare, work) -> float:
    samples = []
    for _ in range(runs):
        state = prepare()
        start = time.perf_counter()
        work(state)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def _interleaved(runs: int, prepare, work, baseline) -> tuple[tuple[float, float], ...]:
    """Medians of ``work`` and ``baseline`` run in turns: ((wall ours, wall base),
    (cpu ours, cpu base)). In turns, because on a shared machine the load changes within a
    minute and two series measured one after the other see different machines. Processor
    time of this process is printed too: it is what the load does not change (but it leaves
    out waiting for the disk, which the wall clock counts)."""
    walls: tuple[list[float], list[float]] = ([], [])
    cpus: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        for i, (fn, setup) in enumerate(((work, prepare), (baseline, lambda: None))):
            state = setup()
            start, start_cpu = time.perf_counter(), time.process_time()
            fn(state)
            walls[i].append(time.perf_counter() - start)
            cpus[i].append(time.process_time() - start_cpu)
    med = statistics.median
    return (med(walls[0]), med(walls[1])), (med(cpus[0]), med(cpus[1]))


def _initialised(path: Path) -> Path:
    from sonla_desktop.db import open_database
    from sonla_desktop.services.setup import initialise

    db = open_database(path)
    initialise(db, name="Bench", communes=["03670"])
    db.dispose()
    return path


def _excel_like(book: Path) -> Path:
    """The same workbook saved the way Excel saves it (with each sheet's <dimension>)."""
    import openpyxl

    target = book.with_name(book.stem + "-excel-like.xlsx")
    if not target.exists():
        openpyxl.load_workbook(book).save(target)
    return target


def bench_import() -> None:
    import openpyxl

    from sonla_desktop.db import open_database
    from sonla_desktop.services.context import ServiceContext
    from sonla_desktop.services.demo import generate_demo
    from sonla_desktop.services.excel_import import import_workbook
    from sonla_desktop.services.spreadsheets import export_workbook

    CACHE.mkdir(parents=True, exist_ok=True)
    # v2: the office's own commune only (a commune office now refuses others' workers).
    book = CACHE / f"import-{IMPORT_ROWS}-v2.xlsx"
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        empty = _initialised(tmp / "empty.db")
        if not book.exists():
            src = tmp / "src.db"
            shutil.copyfile(empty, src)
            db = open_database(src)
            generate_demo(ServiceContext(db, role="admin"), workers=IMPORT_ROWS, seed=3,
                          communes=["03670"])
            export_workbook(ServiceContext(db, role="admin"), book)
            db.dispose()

        def prepare():
            target = tmp / f"run-{time.perf_counter_ns()}.db"
            shutil.copyfile(empty, target)
            ctx = ServiceContext(open_database(target), role="admin")
            cold_caches()  # every run is a first import of these rows
            return ctx

        for label, path in (("our export", book), ("saved like Excel", _excel_like(book))):
            def run(ctx, path=path):
                result = import_workbook(ctx, path)
                assert result.counts["workers_created"] == IMPORT_ROWS, result.counts
                ctx.db.dispose()

            def bare(_, path=path):
                wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
                for ws in wb.worksheets:
                    for _row in ws.iter_rows(values_only=True):
                        pass
                wb.close()

            wall, cpu = _interleaved(IMPORT_RUNS, prepare, run, bare)
            # Issue #12: with calamine the whole import (read, validate, write) costs less
            # than openpyxl merely reading the file; the Excel-saved file is the goal's.
            goal = "ratio <= 0.7" if label == "saved like Excel" else "ratio <= 1"
            report(f"import-excel {IMPORT_ROWS:,} rows, {label}", *wall, goal)
            report("  the same, processor time of this process", *cpu, goal)


def bench_export() -> None:
    from openpyxl import Workbook

    from sonla_desktop.db import open_database
    from sonla_desktop.domain import sheets
    from sonla_desktop.services import spreadsheets as sp
    from sonla_desktop.services.context import ServiceContext

    ctx = ServiceContext(open_database(big_database()), role="admin")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        ours = _median_of(3, lambda: None, lambda _: sp.export_workbook(ctx, tmp / "ours.xlsx"))
        # The same rows of every sheet the export writes (the demo has loans, repayments
        # and conferences too), gathered before the clock starts.
        with ctx.db.session() as s:
            names = sp._Names(s)
            gathered = [
                (sheets.WORKERS, [tuple(r) for r in sp._workers(s, names)]),
                (sheets.LOANS, [tuple(r) for r in sp._loans(s)]),
                (sheets.REPAYMENTS, [tuple(r) for r in sp._repayments(s)]),
                (sheets.EVENTS, [tuple(r) for r in sp._events(s, names)]),
                (sheets.ATTENDEES, [tuple(r) for r in sp._attendees(s, names)]),
                (sheets.TARGETS, [tuple(r) for r in sp._targets(s, names)]),
            ]

        def bare(_):
            wb = Workbook(write_only=True)
            for spec, rows in gathered:
                ws = wb.create_sheet(spec.title)
                ws.append([c.header for c in spec.columns])
                for row in rows:
                    ws.append(row)
            wb.save(tmp / "bare.xlsx")

        base = _median_of(3, lambda: None, bare)
    ctx.db.dispose()
    total = sum(len(rows) for _, rows in gathered)
    report(f"export-excel {BIG:,} workers ({total:,} rows in all)", ours, base, "ratio <= 1.5")


def bench_hostile_memory() -> None:
    """Peak memory (ru_maxrss of a fresh process) importing each refused hostile workbook
    of tests/hostile/workbooks: the file is refused before any sheet is built."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    script = root / "tests" / "hostile" / "workbooks" / "peak_memory.py"
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run([sys.executable, str(script), tmp], cwd=root, check=True,
                             capture_output=True, text=True).stdout
    for line in out.splitlines():
        name, mb = line.rsplit(" ", 1)
        report(f"refused hostile workbook: {name}", float(mb), None, "peak <= 300 MB", "MB")


def main() -> None:
    bench_import()
    bench_hostile_memory()
    bench_export()
