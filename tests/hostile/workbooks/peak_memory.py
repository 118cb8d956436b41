"""Peak memory of importing each hostile workbook that must be refused, one fresh process
per file (ru_maxrss is a high-water mark). Prints "name MB" lines.

    python tests/hostile/workbooks/peak_memory.py FOLDER [NAME ...]

Run by ``make bench`` (bench_excel) and by test_hostile_workbooks.py.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent.parent


def _init(db_path: str) -> None:
    from sonla_desktop.db import open_database
    from sonla_desktop.services.setup import initialise

    db = open_database(db_path)
    initialise(db, name="UBND phường Chiềng Cơi", communes=["03670"])
    db.dispose()


def _child(path: str, db_path: str) -> None:
    from sonla_desktop.db import open_database

    _init(db_path)
    from sonla_desktop.errors import UserError
    from sonla_desktop.services.context import ServiceContext
    from sonla_desktop.services.excel_import import import_workbook

    db = open_database(db_path)
    try:
        import_workbook(ServiceContext(db, role="admin"), path)
    except UserError:
        pass
    else:
        raise SystemExit(f"{path} was not refused")
    finally:
        db.dispose()
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)


def _run(*args: str) -> str:
    return subprocess.run([sys.executable, __file__, *args], check=True, capture_output=True,
                          text=True, env={**os.environ}).stdout.strip()


def main(argv: list[str]) -> None:
    sys.path.insert(0, str(HERE))
    from hostile_workbooks import EXPECTED, MAKERS

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("SONLA_DATA_DIR", argv[-1] if argv[0].startswith("--") else argv[0])
    if argv[:1] == ["--child"]:
        _child(argv[1], argv[2])
        return
    if argv[:1] == ["--make"]:
        print(MAKERS[argv[1]](Path(argv[2])))
        return
    # Linux carries ru_maxrss over fork and exec: the files are made in one process and
    # read in another, so that neither the maker's memory nor this one's counts.
    folder = Path(argv[0])
    names = argv[1:] or [n for n, outcome in EXPECTED.items() if outcome == "refused"]
    for name in names:
        path = Path(_run("--make", name, str(folder)))
        db_path = folder / f"{name}.db"  # made by the child: its memory counts too
        print(f"{name} {_run('--child', str(path), str(db_path), str(folder))}", flush=True)
        path.unlink()


if __name__ == "__main__":
    main(sys.argv[1:])
