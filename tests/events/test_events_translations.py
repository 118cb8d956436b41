"""The English translation of the conferences screens is complete and compiles."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "events_en.ts"
UI_FILES = [ROOT / "sonla_desktop" / "ui" / "pages" / "events.py",
            *sorted((ROOT / "sonla_desktop" / "ui" / "events").glob("*.py"))]


def test_every_string_has_an_english_translation():
    root = ET.parse(TS).getroot()
    messages = list(root.iter("message"))
    assert len(messages) > 100
    for msg in messages:
        source = msg.find("source").text
        translation = msg.find("translation")
        assert translation.get("type") not in ("unfinished", "obsolete"), source
        forms = [f.text for f in translation.findall("numerusform")] or [translation.text]
        assert all(f and f.strip() for f in forms), source
        assert unicodedata.is_normalized("NFC", source), source


def test_the_ts_file_is_up_to_date_with_the_screens(tmp_path):
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    fresh = tmp_path / "fresh.ts"
    subprocess.run([str(lupdate), *map(str, UI_FILES), "-ts", str(fresh)], check=True,
                   capture_output=True)
    wanted = {(c.find("name").text, m.find("source").text)
              for c in ET.parse(fresh).getroot().iter("context") for m in c.iter("message")}
    have = {(c.find("name").text, m.find("source").text)
            for c in ET.parse(TS).getroot().iter("context") for m in c.iter("message")}
    assert wanted <= have, sorted(wanted - have)
