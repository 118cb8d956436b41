"""Keys encrypted at rest (issue 14, item 5) still make bundles and papers that the real
``minisign`` and ``age`` programs, and the other offices, accept."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import zipfile
from datetime import date

from sonla_desktop.cli import main
from sonla_desktop.services.context import ServiceContext
from sonla_desktop.services.loan_queries import export_dossier
from sonla_desktop.services.setup import node_keys_dir
from sonla_desktop.services.workers import create_worker
from sonla_desktop.sync.keys import load_keys
from tests.conftest import TEST_USER
from tests.sync_db.sync_helpers import COMMUNE_A, add_loan, person
from tests.sync_db.test_bundle_interop_privacy import run, tool

CCCD = "014199001234"


def _no_plain_keys(folder, keys) -> None:
    assert not (folder / "age.key").exists() and not (folder / "signing.key").exists()
    for path in folder.iterdir():
        raw = path.read_bytes()
        assert keys.age_identity.encode() not in raw and keys.sign_secret not in raw


def test_bundle_and_sealed_dossier_verify_after_the_keys_are_encrypted(network, usb, tmp_path,
                                                                       capsys):
    a, hub = network["a"], network["hub"]
    a_keys, hub_keys = load_keys(node_keys_dir(a.id)), load_keys(node_keys_dir(hub.id))
    wid = create_worker(a.ctx, person(COMMUNE_A, 1990, sex="Nữ", birth_date="14/03/1999",
                                      national_id=CCCD))
    loan_id = add_loan(a.ctx, wid, 75_000_000)
    # The first command at each office makes its administrator (SONLA_USER/SONLA_PASSWORD),
    # which encrypts the key files; every later command opens them with that password.
    bundle = usb / "xa-gui-tinh.sldsync"
    assert main(["--db", str(a.path), "bundle", "export", "--to", hub.id, "-o",
                 str(bundle)]) == 0
    assert main(["--db", str(a.path), "keys", "export", "-o", str(usb / "a.pub")]) == 0
    assert main(["--db", str(hub.path), "bundle", "verify", str(bundle)]) == 0
    _no_plain_keys(node_keys_dir(a.id), a_keys)
    _no_plain_keys(node_keys_dir(hub.id), hub_keys)

    out = tmp_path / "x"
    with zipfile.ZipFile(bundle) as zf:
        zf.extractall(out)
    checked = run(tool("minisign"), "-Vm", out / "manifest.json", "-p", usb / "a.pub")
    assert checked.returncode == 0, checked.stderr.decode()

    # The hub's age identity comes out only to a logged-in administrator, on standard
    # output, straight into the standard tool: no key file is written anywhere.
    capsys.readouterr()
    assert main(["--db", str(hub.path), "keys", "age-identity"]) == 0
    identity = capsys.readouterr().out
    assert hub_keys.age_identity in identity
    plain = subprocess.run([tool("age"), "-d", "-i", "-", str(out / "payload.age")],
                           input=identity.encode(), capture_output=True, timeout=60)
    assert plain.returncode == 0, plain.stderr.decode()
    records = [json.loads(line) for line in gzip.decompress(plain.stdout).splitlines()]
    assert any(r["table"] == "worker" and r["national_id"] == CCCD for r in records)

    assert main(["--db", str(hub.path), "bundle", "import", str(bundle)]) == 0
    assert "bản ghi mới" in capsys.readouterr().out

    # A sealed dossier printed by the logged-in administrator verifies at home and at the
    # hub (which trusts the commune's public key, unchanged by the encryption).
    pdf = tmp_path / "dossier.pdf"
    export_dossier(ServiceContext(a.db, user=TEST_USER, role="admin"), loan_id, pdf,
                   today=date(2025, 3, 10))
    assert main(["--db", str(a.path), "verify-document", str(pdf)]) == 0
    assert "Giấy hợp lệ" in capsys.readouterr().out
    assert main(["--db", str(hub.path), "verify-document", str(pdf)]) == 0
    assert "Giấy hợp lệ" in capsys.readouterr().out


def test_a_wrong_password_neither_signs_nor_decrypts(network, usb, monkeypatch, capsys):
    a, hub = network["a"], network["hub"]
    assert main(["--db", str(a.path), "keys", "show"]) == 0  # the admin is made, keys encrypted
    capsys.readouterr()
    # A thief with the PC (database and key folder) but not the password.
    monkeypatch.setenv("SONLA_PASSWORD", "đoán-mò-thôi")
    assert main(["--db", str(a.path), "bundle", "export", "--to", hub.id, "-o",
                 str(usb / "x.sldsync")]) == 1
    assert "Sai tên đăng nhập hoặc mật khẩu" in capsys.readouterr().err
    assert not (usb / "x.sldsync").exists()
    # Scripts that build a context by hand, without logging in, get no key either.
    from sonla_desktop.errors import SyncError
    from sonla_desktop.services.key_slots import forget
    from sonla_desktop.services.sync import export_bundle

    forget()
    try:
        export_bundle(a.ctx, usb / "y.sldsync", to=hub.id)
    except SyncError as exc:
        assert "chưa mở được" in str(exc)
    else:
        raise AssertionError("exported without a password")
    assert os.listdir(usb) == []
