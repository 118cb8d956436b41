"""Every Vietnamese string of the loan screens has its English translation."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "loans_en.ts"
SOURCES = [
    "sonla_desktop/ui/pages/loans_page.py", "sonla_desktop/ui/pages/loan_form.py",
    "sonla_desktop/ui/pages/loan_form_checks.py", "sonla_desktop/ui/pages/loan_rules_dialog.py",
    "sonla_desktop/ui/pages/loan_dialogs.py", "sonla_desktop/ui/pages/loan_detail.py",
    "sonla_desktop/ui/pages/loan_widgets.py", "sonla_desktop/ui/pages/loan_labels.py",
    "sonla_desktop/ui/pages/dossier_preview.py", "sonla_desktop/ui/table_models/loans_model.py",
    "sonla_desktop/ui/pages/poor_areas_dialog.py",
]


def _messages(path: Path) -> dict[tuple[str, str], str | None]:
    out = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        for msg in ctx.findall("message"):
            tr = msg.find("translation")
            done = tr is not None and tr.get("type") is None and (tr.text or "").strip()
            out[(ctx.findtext("name"), msg.findtext("source"))] = tr.text if done else None
    return out


def test_committed_translations_are_complete():
    messages = _messages(TS)
    assert messages
    assert [k for k, v in messages.items() if not v] == []
    # Placeholders survive translation.
    for (_, source), text in messages.items():
        for n in range(4):
            assert (f"{{{n}}}" in source) == (f"{{{n}}}" in text), source


def test_no_string_of_the_screens_is_missing_from_the_ts_file(tmp_path):
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    assert lupdate, "pyside6-lupdate comes with PySide6"
    fresh = tmp_path / "fresh.ts"
    subprocess.run([lupdate, *SOURCES, "-ts", str(fresh)], cwd=ROOT, check=True,
                   capture_output=True)
    assert set(_messages(fresh)) == set(_messages(TS))
