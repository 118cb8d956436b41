"""One rule for hostile characters, whatever the door (issue #12 item 3, the read-through's
"two control-character rules").

The same text with one hostile character goes in through the entry form, the Excel import,
a sync record from a trusted commune and the command line; every door must give the same
verdict: refused, or stored exactly as cleaning leaves it (removed, or made a space). Before
the rules were merged, the sync import had its own list: it stored U+FFFE and the other
non-characters that the form refused.
"""

from __future__ import annotations

import re
import zipfile
from datetime import date

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from sonla_desktop.cli import main as cli_main
from sonla_desktop.errors import UserError
from sonla_desktop.models import Event, Worker
from sonla_desktop.services.events import create_event
from sonla_desktop.services.excel_import import import_workbook
from sonla_desktop.services.sync import import_bundle
from sonla_desktop.services.workers import create_worker
from tests.hostile.bundles.hostile_corpus import forge, worker_record
from tests.sync_db.sync_helpers import COMMUNE_A

REFUSED = "refused"
BASE = "Bản{}Mé"
# character -> what every door stores for BASE around it ("refused": nothing, a message).
TABLE = {
    "\x00": REFUSED, "\x07": REFUSED, "\x1b": REFUSED, "\x7f": REFUSED,
    "\x9b": REFUSED,  # C1 control (CSI)
    "\ud800": REFUSED,  # lone surrogate
    "\ufffe": REFUSED, "\uffff": REFUSED, "\ufdd0": REFUSED,  # non-characters
    "\U0001fffe": REFUSED, "\U0010ffff": REFUSED,
    "\t": "Bản Mé", "\x85": "Bản Mé", "\xa0": "Bản Mé", "\u3000": "Bản Mé",
    "\u200b": "Bản Mé", "\ufeff": "Bản Mé",  # zero-width space, byte-order mark
    "\u202e": "BảnMé", "\u2066": "BảnMé", "\u200f": "BảnMé", "\u061c": "BảnMé",  # bidi
    "\u200d": "BảnMé", "\u00ad": "BảnMé",  # zero-width joiner, soft hyphen
}
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _workbook(path, village: str) -> str:
    """A workers sheet with ``village`` as raw XML: openpyxl refuses control characters
    itself, Excel and other tools write them (as ``_x0007_``, ECMA-376)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Người lao động"
    ws.append(["Họ và tên", "Giới tính", "Xã/Phường", "Bản/Tổ dân phố"])
    ws.append(["Cầm Thị Duyên", "Nữ", COMMUNE_A, "VILLAGE-HERE"])
    wb.save(path)
    escaped = _NOT_IN_XML.sub(lambda m: f"_x{ord(m.group()):04X}_", village)
    with zipfile.ZipFile(path) as zf:
        parts = [(i, zf.read(i.filename)) for i in zf.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, data in parts:
            zf.writestr(info.filename, data.replace(
                b"VILLAGE-HERE", escaped.encode("utf-8", "surrogatepass")))
    return str(path)


def _verdict(write, read):
    try:
        key = write()
    except UserError:
        return REFUSED
    return read(key)


def _new_village(db, before: set[str]) -> str:
    with db.session() as s:
        rows = s.execute(select(Worker.id, Worker.village)).all()
    (village,) = [v for i, v in rows if i not in before]
    return village


def _worker_ids(db) -> set[str]:
    with db.session() as s:
        return set(s.scalars(select(Worker.id)))


def _village(db, worker_id: str) -> str:
    with db.session() as s:
        return s.get(Worker, worker_id).village


def _place(db, event_id: str) -> str:
    with db.session() as s:
        return s.get(Event, event_id).place


def _through_every_door(network, usb, tmp_path, capsys, n: int, text: str) -> dict:
    a, hub = network["a"], network["hub"]
    verdicts = {}
    verdicts["form, worker"] = _verdict(
        lambda: create_worker(a.ctx, {"full_name": "Lò Văn An", "sex": "M",
                                      "commune_code": COMMUNE_A, "village": text,
                                      "birth_date": date(1995, 3, 4)}),
        lambda wid: _village(a.db, wid))
    verdicts["form, event"] = _verdict(
        lambda: create_event(a.ctx, {"event_date": date(2025, 12, 5), "commune_code": COMMUNE_A,
                                     "topic": "Tư vấn đi Nhật Bản", "place": text}),
        lambda eid: _place(a.db, eid))
    before = _worker_ids(a.db)
    verdicts["Excel"] = _verdict(
        lambda: import_workbook(a.ctx, _workbook(tmp_path / f"{n}.xlsx", text)),
        lambda _: _new_village(a.db, before))
    record = worker_record(network, usb, village=text)
    verdicts["sync"] = _verdict(
        lambda: import_bundle(hub.ctx, forge(network, usb, [record], ascii_json=True)),
        lambda _: _village(hub.db, record["id"]))
    code = cli_main(["--db", str(a.db.url), "events", "add", "--date", "05/12/2025",
                     "--commune", COMMUNE_A, "--place", text, "--topic", "Tư vấn đi Nhật Bản"])
    out = capsys.readouterr()
    verdicts["command line"] = REFUSED if code == 1 and "Lỗi" in out.err else _place(
        a.db, out.out.strip().split()[-1])
    return verdicts


def test_every_door_gives_the_same_verdict(network, usb, tmp_path, capsys):
    for n, (char, expected) in enumerate(TABLE.items()):
        verdicts = _through_every_door(network, usb, tmp_path, capsys, n, BASE.format(char))
        assert set(verdicts.values()) == {expected}, (f"U+{ord(char):04X}", verdicts)


@pytest.mark.parametrize("char", [c for c, v in TABLE.items() if v == REFUSED])
def test_the_refusal_names_the_character(char):
    from sonla_desktop.domain.text import bad_character, clean_text

    assert bad_character(clean_text(BASE.format(char))) == char
