"""A bundle written by ``bundle export`` against the real ``minisign`` and ``age`` programs, and
a lost USB stick revealing nobody."""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import unicodedata
import zipfile

import pytest

from sonla_desktop.cli import main
from sonla_desktop.domain.text import fold
from sonla_desktop.services.setup import node_keys_dir
from sonla_desktop.services.workers import create_worker
from tests.sync_db.sync_helpers import COMMUNE_A, person, receive, send
from tests.sync_db.test_exchange import records_in

NAME, CCCD, PHONE = "Lò Thị Hương", "014199001234", "0912345678"


def tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"'{name}' not found: install age/minisign (apt-get install age minisign)")
    return path


def run(*args, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([str(a) for a in args], capture_output=True, timeout=60,
                          stdin=subprocess.DEVNULL, **kwargs)


def test_real_tools_check_and_open_a_bundle_made_by_bundle_export(network, usb, capsys):
    a, hub = network["a"], network["hub"]
    wid = create_worker(a.ctx, person(COMMUNE_A, 1990, full_name=NAME, sex="Nữ",
                                      birth_date="14/03/1999", national_id=CCCD, phone=PHONE))
    bundle = usb / "xa-gui-tinh.sldsync"
    assert main(["--db", str(a.path), "bundle", "export", "--to", hub.id, "-o",
                 str(bundle)]) == 0
    assert main(["--db", str(a.path), "keys", "export", "-o", str(usb / "a.pub")]) == 0
    capsys.readouterr()
    out = usb / "x"
    out.mkdir()
    with zipfile.ZipFile(bundle) as zf:
        assert sorted(zf.namelist()) == ["manifest.json", "manifest.json.minisig", "payload.age"]
        zf.extractall(out)

    # The hub checks the signature with the commune's public-key file exactly as handed over.
    checked = run(tool("minisign"), "-Vm", out / "manifest.json", "-p", usb / "a.pub")
    assert checked.returncode == 0, checked.stderr.decode()
    manifest = json.loads((out / "manifest.json").read_text())
    assert f"sonla-sync bundle {a.id} seq {manifest['sequence']}" in checked.stdout.decode()
    assert (manifest["to"], manifest["counts"]) == (hub.id, {"worker": 1})

    # ... and decrypts the payload with its own age key file.
    plain = run(tool("age"), "-d", "-i", node_keys_dir(hub.id) / "age.key", out / "payload.age")
    assert plain.returncode == 0, plain.stderr.decode()
    records = [json.loads(line) for line in gzip.decompress(plain.stdout).splitlines()]
    assert [(r["table"], r["id"], r["full_name"], r["national_id"], r["phone"])
            for r in records] == [("worker", wid, NAME, CCCD, PHONE)]

    # A third office cannot read it.
    foreign = run(tool("age"), "-d", "-i", node_keys_dir(network["b"].id) / "age.key",
                  out / "payload.age")
    assert foreign.returncode != 0

    # The program itself agrees: verify, then import.
    assert main(["--db", str(hub.path), "bundle", "verify", str(bundle)]) == 0
    assert "Hợp lệ" in capsys.readouterr().out
    assert main(["--db", str(hub.path), "bundle", "import", str(bundle)]) == 0
    assert "1 bản ghi mới" in capsys.readouterr().out
    assert main(["--db", str(hub.path), "bundle", "import", str(bundle)]) == 0
    assert "đã được nhập trước đây" in capsys.readouterr().out


def _forms(text: str) -> list[bytes]:
    nfc = unicodedata.normalize("NFC", text)
    return [nfc.encode(), unicodedata.normalize("NFD", text).encode(), fold(text).encode(),
            nfc.encode("utf-16-le"), nfc.upper().encode()]


def test_a_bundle_never_holds_a_name_cccd_or_phone_in_clear(network, usb):
    a, hub = network["a"], network["hub"]
    create_worker(a.ctx, person(COMMUNE_A, 1990, full_name=NAME, sex="Nữ",
                                birth_date="14/03/1999", national_id=CCCD, phone=PHONE))
    to_hub = send(a, hub, usb)
    receive(hub, to_hub)
    to_commune = send(hub, a, usb, full=True)
    for path in (to_hub, to_commune):
        raw = path.read_bytes()
        for secret in [*_forms(NAME), CCCD.encode(), PHONE.encode(), PHONE[1:].encode(),
                       b"+84" + PHONE[1:].encode(), b"hu\xc6\xa1ng"]:
            assert secret not in raw, (path.name, secret)
    # Not vacuous: the people are inside, for whoever holds the right key.
    inside = records_in(to_commune, a)
    assert any(r.get("full_name") == NAME and r.get("national_id") == CCCD for r in inside)
    assert any(r.get("phone") == PHONE for r in records_in(to_hub, hub))
