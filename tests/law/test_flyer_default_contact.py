"""Issue 13 item 6: a fresh office's flyer carries the province's jobs website
(http://vieclamsonla.net) as a QR code a phone can read; the office adds phone and Zalo."""

from __future__ import annotations

import subprocess

import zxingcpp
from PIL import Image

from sonla_desktop.cli import main
from sonla_desktop.services.flyers import (
    DEFAULT_JOBS_WEBSITE,
    get_flyer_settings,
    save_flyer_settings,
)
from sonla_desktop.services.setup import get_setting

SITE = "http://vieclamsonla.net"


def _qr_codes(pdf, tmp_path) -> list[str]:
    prefix = tmp_path / pdf.stem
    subprocess.run(["pdftoppm", "-png", "-r", "150", str(pdf), str(prefix)], check=True)
    found = []
    for png in sorted(tmp_path.glob(f"{pdf.stem}*.png")):
        found += [b.text for b in zxingcpp.read_barcodes(Image.open(png))
                  if b.format == zxingcpp.BarcodeFormat.QRCode]
    return found


def _text(pdf) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_a_fresh_office_flyer_carries_the_province_jobs_site(ctx, db_path, tmp_path, capsys):
    assert DEFAULT_JOBS_WEBSITE == SITE
    assert get_setting(ctx, "contact.jobs_website") == ""  # nothing stored: the default
    assert get_flyer_settings(ctx).jobs_website == SITE
    out = tmp_path / "fresh.pdf"
    assert main(["--db", str(db_path), "flyer", "-o", str(out)]) == 0
    err = capsys.readouterr().err
    # Only the office's own contacts are pointed out as missing.
    assert "số điện thoại văn phòng, Zalo" in err and "trang việc làm" not in err
    assert _qr_codes(out, tmp_path) == [SITE]
    assert "vieclamsonla.net" in _text(out)


def test_the_office_adds_its_phone_and_zalo_beside_the_jobs_site(ctx, db_path, tmp_path,
                                                                 capsys):
    current = get_flyer_settings(ctx)
    save_flyer_settings(ctx, {**current.__dict__, "office_phone": "0212 3852 123",
                              "zalo": "0912 345 678"})
    out = tmp_path / "office.pdf"
    assert main(["--db", str(db_path), "flyer", "-o", str(out)]) == 0, capsys.readouterr().err
    assert sorted(_qr_codes(out, tmp_path)) == sorted(
        ["tel:02123852123", SITE, "https://zalo.me/0912345678"])
