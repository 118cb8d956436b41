"""``python -m bench province``: the whole province consolidated at the hub (issue 16, item 6).

75 commune offices (``--communes``), each its own SQLite node with ``--workers`` demo people
(services/demo, in the commune's own scope), export one bundle for the hub; the hub imports
them all, on PostgreSQL and on SQLite. Printed: time per bundle, total, the time of the
consolidated table (``report --by-commune``), whose rows must equal each commune's own
figures and whose sum the hub's province report, and a baseline timed in the same run (the
same records loaded with no checks, ``plain_load``) with the ratio. Goal: the PostgreSQL hub
consolidates 75 x 1,500 (imports + table) in < 2 min.

Making the communes is set-up (each office makes its data over years), timed apart.
The PostgreSQL server is ``SONLA_TEST_PG`` (as the tests); ``--no-pg`` skips it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path

PLAN = (date(2025, 1, 1), date(2030, 12, 31))  # Project 2553/ĐA-UBND's period
TODAY = date(2026, 11, 30)
FIGURES = ("departures_total", "loans_count", "loans_amount_vnd", "outstanding_vnd",
           "overdue_vnd", "events", "attendees")
PG_DEFAULT = "postgresql+psycopg://sonla:sonla@127.0.0.1:5432/postgres"


@dataclass
class Commune:
    code: str
    name: str
    ctx: object  # ServiceContext of the commune's own node
    bundles: dict[str, Path]  # hub label -> bundle addressed to that hub


def commune_codes(ctx, n: int) -> list[tuple[str, str]]:
    """The first ``n`` communes and wards of the province list (the hub's seeded units)."""
    from sqlalchemy import select

    from sonla_desktop.models import AdminUnit

    with ctx.db.session() as s:
        units = s.execute(select(AdminUnit.code, AdminUnit.full_name)
                          .where(~AdminUnit.deleted).order_by(AdminUnit.code)).all()
    if n > len(units):
        raise SystemExit(f"the province has {len(units)} communes and wards, not {n}")
    return [tuple(u) for u in units[:n]]


def make_hub(url_or_path, name: str):
    from sonla_desktop.db import open_database
    from sonla_desktop.services.context import ServiceContext
    from sonla_desktop.services.setup import initialise

    db = open_database(url_or_path)
    initialise(db, name=name, hub=True)
    return ServiceContext(db, user="hub", role="admin")


def make_communes(folder: Path, hubs: dict[str, object], n: int, workers: int,
                  progress=print) -> list[Commune]:
    """``n`` commune nodes with demo data in their own scope, trusted both ways with every
    hub, each with one bundle written for each hub."""
    from sonla_desktop.db import open_database
    from sonla_desktop.services.context import ServiceContext
    from sonla_desktop.services.demo import generate_demo
    from sonla_desktop.services.setup import initialise
    from sonla_desktop.services.sync import export_bundle
    from sonla_desktop.services.sync_trust import public_key_text, trust_peer

    hub_keys = {label: public_key_text(hub) for label, hub in hubs.items()}
    out = []
    for i, (code, name) in enumerate(commune_codes(next(iter(hubs.values())), n)):
        db = open_database(folder / f"{code}.db")
        initialise(db, name=f"UBND {name}", communes=[code])
        ctx = ServiceContext(db, user=f"clerk-{code}", role="admin")
        generate_demo(ctx, workers=workers, seed=1000 + i, today=TODAY, communes=[code])
        mine = public_key_text(ctx)
        bundles = {}
        for label, hub in hubs.items():
            trust_peer(hub, mine)
            trust_peer(ctx, hub_keys[label])
            bundles[label] = export_bundle(ctx, folder / f"{code}-{label}.sldsync",
                                           to=hub.node_id).path
        db.dispose()  # 75 open engines would hold 75 pools for nothing
        out.append(Commune(code, name, ctx, bundles))
        progress(f"  commune {i + 1}/{n} {code} ready")
    return out


def import_all(hub, communes: list[Commune], label: str) -> list[float]:
    """Import every commune's bundle at ``hub``; seconds per bundle."""
    from sonla_desktop.services.sync import import_bundle

    took = []
    for c in communes:
        start = time.perf_counter()
        import_bundle(hub, c.bundles[label])
        took.append(time.perf_counter() - start)
    return took


def plain_load(hub, target, communes: list[Commune], label: str) -> list[float]:
    """The baseline: each bundle verified, decrypted and decoded as ours does, then its records
    inserted as they are (one executemany per table, one transaction per bundle) into
    ``target``, an empty hub database of the same schema, with none of the checks. The least
    any import of these files must do, timed in the same run on the same server."""
    from collections import defaultdict

    from sqlalchemy import insert

    from sonla_desktop.services.sync import check_bundle
    from sonla_desktop.services.sync_trust import node_keys
    from sonla_desktop.sync import bundle_file
    from sonla_desktop.sync.records import decode_record

    keys = node_keys(hub)
    took = []
    for c in communes:
        start = time.perf_counter()
        check = check_bundle(hub, c.bundles[label])
        by_table: dict = defaultdict(list)
        for line, record in enumerate(bundle_file.read_records(check.path, check.manifest,
                                                               keys), start=1):
            spec, values = decode_record(record, line)
            by_table[spec].append(values)
        with target.db.engine.begin() as conn:
            for spec in sorted(by_table, key=lambda t: t.order):
                conn.execute(insert(spec.table), by_table[spec])
        took.append(time.perf_counter() - start)
    return took


def figures(ctx, commune: str | None = None) -> dict[str, int]:
    from sonla_desktop.domain.progress import Period
    from sonla_desktop.services.progress_report import progress_figures

    f = progress_figures(ctx, Period(*PLAN), commune, today=TODAY,
                         province=commune is None)
    return {k: int(getattr(f, k)) for k in FIGURES}


def table(hub) -> dict[str, dict]:
    """The hub's consolidated table (``report --by-commune``: one row per commune), as
    FIGURES per commune code."""
    from sonla_desktop.domain.progress import Period
    from sonla_desktop.services.province_table import province_table

    rows = province_table(hub, Period(*PLAN), today=TODAY).rows
    return {r.code: {"departures_total": r.departures, "loans_count": r.loans,
                     "loans_amount_vnd": r.amount_vnd, "outstanding_vnd": r.outstanding_vnd,
                     "overdue_vnd": r.overdue_vnd, "events": r.events,
                     "attendees": r.attendees} for r in rows}


def consolidated(hub, communes: list[Commune]) -> tuple[dict[str, dict], dict[str, int]]:
    """Per commune as the hub's table counts it, and the hub's own report for the whole
    province (computed apart, so that "equal to the sum" checks something)."""
    rows = table(hub)
    return {c.code: rows[c.code] for c in communes}, figures(hub)


def own_figures(communes: list[Commune]) -> dict[str, dict]:
    """Each commune's own report (its office's scope), read from its own database."""
    out = {}
    for c in communes:
        out[c.code] = figures(c.ctx)
        c.ctx.db.dispose()
    return out


def mismatches(at_hub: dict[str, dict], province: dict[str, int],
               own: dict[str, dict]) -> list[str]:
    """Where the hub's figures differ from the communes' own reports or from their sum."""
    bad = [f"{code}: hub {at_hub[code]} != commune {own[code]}"
           for code in own if at_hub[code] != own[code]]
    total = {k: sum(f[k] for f in own.values()) for k in FIGURES}
    if province != total:
        bad.append(f"province {province} != sum of communes {total}")
    return bad


def _vnd(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def print_table(communes: list[Commune], at_hub: dict[str, dict], province: dict[str, int]) -> None:
    print(f"  {'mã':<6}{'xã/phường':<28}{'xuất cảnh':>10}{'khoản vay':>10}"
          f"{'số tiền (đ)':>20}{'dư nợ (đ)':>20}")
    for c in communes:
        f = at_hub[c.code]
        print(f"  {c.code:<6}{c.name[:27]:<28}{f['departures_total']:>10}"
              f"{f['loans_count']:>10}{_vnd(f['loans_amount_vnd']):>20}"
              f"{_vnd(f['outstanding_vnd']):>20}")
    print(f"  {'':<6}{'TOÀN TỈNH':<28}{province['departures_total']:>10}"
          f"{province['loans_count']:>10}{_vnd(province['loans_amount_vnd']):>20}"
          f"{_vnd(province['outstanding_vnd']):>20}")


def _pg_database(base: str) -> tuple[str, object]:
    import sqlalchemy as sa

    admin = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    name = f"sonla_province_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}" ENCODING \'UTF8\' TEMPLATE template0'))
    return base.rsplit("/", 1)[0] + "/" + name, (admin, name)


def _drop(handle) -> None:
    import sqlalchemy as sa

    admin, name = handle
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _summary(label: str, took: list[float], records: int) -> None:
    total = sum(took)
    print(f"  {label}: {len(took)} bundles, {_vnd(records)} records in {total:.1f} s "
          f"(per bundle: median {statistics.median(took):.2f} s, max {max(took):.2f} s; "
          f"{_vnd(round(records / total))} records/s)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench province")
    parser.add_argument("--communes", type=int, default=75)
    parser.add_argument("--workers", type=int, default=1500)
    parser.add_argument("--no-pg", action="store_true", help="SQLite hub only")
    parser.add_argument("--no-sqlite", action="store_true", help="PostgreSQL hub only")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="sonla-province-") as tmp:
        folder = Path(tmp)
        os.environ["SONLA_DATA_DIR"] = str(folder / "userdata")  # the nodes' keys: not the user's
        hubs, handles = {}, []
        if not args.no_pg:
            url, handle = _pg_database(os.environ.get("SONLA_TEST_PG", PG_DEFAULT))
            handles.append(handle)
            hubs["pg"] = make_hub(url, "Sở LĐ-TB&XH Sơn La")
        if not args.no_sqlite:
            hubs["sqlite"] = make_hub(folder / "hub.db", "Sở LĐ-TB&XH Sơn La (SQLite)")
        try:
            start = time.perf_counter()
            communes = make_communes(folder, hubs, args.communes, args.workers,
                                     progress=lambda m: print(m, flush=True))
            print(f"set-up: {args.communes} commune nodes x {_vnd(args.workers)} workers in "
                  f"{time.perf_counter() - start:.0f} s (not part of the goal)")
            own = own_figures(communes)
            for label, hub in hubs.items():
                engine = "PostgreSQL" if label == "pg" else "SQLite"
                took = import_all(hub, communes, label)
                with hub.db.session() as s:
                    from sonla_desktop.models import BundleLog

                    records = sum(sum(json_counts(r.summary).values())
                                  for r in s.query(BundleLog).filter_by(direction="in"))
                _summary(f"hub on {engine}", took, records)
                for n, t in enumerate(took):
                    print(f"    bundle {n + 1:>2} {communes[n].code}: {t:.2f} s")
                start = time.perf_counter()
                rows = table(hub)
                took_table = time.perf_counter() - start
                print(f"  consolidated table (report --by-commune, {len(rows)} rows): "
                      f"{took_table:.1f} s")
                # The baseline after ours: a warm file cache, if anything, helps it.
                if label == "pg":
                    base_url, handle = _pg_database(os.environ.get("SONLA_TEST_PG", PG_DEFAULT))
                    handles.append(handle)
                else:
                    base_url = folder / "baseline.db"
                base = make_hub(base_url, "baseline")
                plain = sum(plain_load(hub, base, communes, label))
                base.db.dispose()
                whole = sum(took) + took_table
                print(f"  baseline: plain load of the same records, no checks: {plain:.1f} s; "
                      f"imports/baseline ratio={sum(took) / plain:.2f}")
                print(f"  whole province consolidated on {engine} (imports + table): "
                      f"{whole:.1f} s" + ("  goal: < 120 s" if label == "pg" else ""))
                start = time.perf_counter()
                at_hub, province = {c.code: rows[c.code] for c in communes}, figures(hub)
                bad = mismatches(at_hub, province, own)
                if bad:
                    print("  MISMATCH:\n    " + "\n    ".join(bad))
                    return 1
                print("  equal to the communes' own reports and to their sum "
                      f"(province report {time.perf_counter() - start:.1f} s, not in the goal)")
            print_table(communes, at_hub, province)
        finally:
            for hub in hubs.values():
                hub.db.dispose()
            for handle in handles:
                _drop(handle)
    return 0


def json_counts(summary: str) -> dict[str, int]:
    import json

    return json.loads(summary or "{}").get("counts", {})


if __name__ == "__main__":
    sys.exit(main())
