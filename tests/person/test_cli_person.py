"""The command line of a person's rights: consent, export-person, erase --yes."""

from __future__ import annotations

import json
import subprocess
import sys


def run(db, *args, check=True):
    proc = subprocess.run([sys.executable, "-m", "sonla_desktop", "--db", str(db), *args],
                          capture_output=True, text=True, timeout=120)
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc


def test_consent_export_and_erase_from_the_command_line(tmp_path):
    db = tmp_path / "c.db"
    run(db, "init", "--name", "UBND", "--commune", "03670")
    run(db, "demo", "--workers", "3", "--seed", "2")
    person = json.loads(run(db, "workers", "list", "--format", "json").stdout)[0]
    wid = person["id"]
    refused = run(db, "workers", "consent-add", wid, "--purpose", "Tư vấn", "--date",
                  "01/02/2026", "--method", "verbal", check=False)
    assert refused.returncode == 1 and "làm chứng" in refused.stderr
    run(db, "workers", "consent-add", wid, "--purpose", "Tư vấn", "--date", "01/02/2026",
        "--method", "verbal", "--witness", "Lò Văn Hùng")
    [consent] = json.loads(run(db, "workers", "consents", wid, "--format", "json").stdout)
    assert consent["witness"] == "Lò Văn Hùng" and consent["withdrawn_on"] is None
    run(db, "workers", "export-person", wid, "-o", str(tmp_path / "p.json"))
    data = json.loads((tmp_path / "p.json").read_text("utf-8"))
    assert data["worker"]["full_name"] == person["full_name"]
    assert (tmp_path / "p.pdf").read_bytes().startswith(b"%PDF")
    unconfirmed = run(db, "workers", "erase", wid, check=False)
    assert unconfirmed.returncode == 1 and "--yes" in unconfirmed.stderr
    run(db, "workers", "erase", wid, "--yes")
    names = [w["full_name"] for w in json.loads(
        run(db, "workers", "list", "--format", "json").stdout)]
    assert person["full_name"] not in names
    assert person["full_name"].encode() not in db.read_bytes()
    assert run(db, "audit", "verify").returncode == 0
