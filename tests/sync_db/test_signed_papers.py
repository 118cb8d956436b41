"""Issue #18: printed papers carry a signed QR statement that other offices can check.

Three real nodes (hub, commune a, commune b) with real keys: b trusts the hub only, so it
stands for an office that does not trust a. The QR codes are read back by zxing-cpp from
poppler's renders and from degraded images made with Pillow, as a bank officer's scan or
phone photo would be.
"""

from __future__ import annotations

import subprocess
import zlib
from datetime import date
from pathlib import Path

import base45
import cbor2
import pytest
from PIL import Image, ImageFilter

from sonla_desktop.cli import main
from sonla_desktop.models import LoanApplication, Worker
from sonla_desktop.services.document_check import find_statement, verify_document
from sonla_desktop.services.document_seal import PREFIX, InvalidStatement, check_statement
from sonla_desktop.services.loan_queries import export_dossier
from sonla_desktop.services.workers import create_worker
from tests.sync_db.sync_helpers import COMMUNE_A, add_loan, person, sync_round

TODAY = date(2025, 3, 10)


def _dossier(node, folder: Path) -> tuple[str, Path]:
    worker_id = create_worker(node.ctx, person(COMMUNE_A))
    loan_id = add_loan(node.ctx, worker_id, 75_000_000)
    pdf = folder / "dossier.pdf"
    export_dossier(node.ctx, loan_id, pdf, today=TODAY)
    return loan_id, pdf


def _cli(node, path: Path, *extra: str) -> int:
    return main(["--db", str(node.path), "verify-document", str(path), *extra])


def _render(pdf: Path, folder: Path, dpi: int = 150) -> Path:
    """The page carrying the QR code (the dossier's last page) as a print-quality scan."""
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(folder / "scan")],
                   check=True)
    return sorted(folder.glob("scan*.png"))[-1]


def test_dossier_verifies_at_issuer_and_trusting_hub_not_elsewhere(network, usb, tmp_path,
                                                                  capsys):
    a, hub, b = network["a"], network["hub"], network["b"]
    loan_id, pdf = _dossier(a, tmp_path)

    assert _cli(a, pdf) == 0
    out = capsys.readouterr().out
    assert "Giấy hợp lệ" in out and "UBND phường Chiềng Cơi" in out
    assert "75.000.000" in out and "vẫn khớp" in out
    # What anyone can read from the QR holds no name, CCCD or phone.
    text, _ = find_statement(pdf)
    with a.db.session() as s:
        st, _ = check_statement(s, text)
    assert st.doc_id == loan_id and st.figures["amount"] == 75_000_000

    sync_round(network, usb)
    assert _cli(hub, pdf) == 0
    out = capsys.readouterr().out
    assert "UBND phường Chiềng Cơi" in out and "vẫn khớp" in out

    assert _cli(b, pdf) == 1
    err = capsys.readouterr().err
    assert "KHÔNG HỢP LỆ" in err and "không có trong danh sách đơn vị tin cậy" in err
    # No name, CCCD or phone in the clear: the QR text is base45 of zlib'd CBOR, and its
    # decoded payload holds only ids, dates and figures.
    raw = zlib.decompress(base45.b45decode(text[len(PREFIX):]))
    with a.db.session() as s:
        w = s.get(Worker, s.get(LoanApplication, loan_id).worker_id)
        for secret in (w.full_name, w.national_id, w.phone):
            assert secret.encode() not in raw


def _flip_one_byte(text: str) -> str:
    """The same QR text with one byte of the signed CBOR changed, re-encoded validly."""
    raw = bytearray(zlib.decompress(base45.b45decode(text[len(PREFIX):])))
    at = raw.find(cbor2.dumps(75_000_000))
    assert at > 0
    raw[at + 1] ^= 0x01  # 75.000.000 becomes 91.777.216: a retyped amount
    return PREFIX + base45.b45encode(zlib.compress(bytes(raw))).decode()


def _qr_pdf(text: str, path: Path) -> Path:
    """A one-page PDF carrying ``text`` as a QR code, as a forger would print it."""
    from reportlab.lib.units import cm
    from reportlab.platypus import SimpleDocTemplate

    from sonla_desktop.reports.qr import QRFlowable
    SimpleDocTemplate(str(path)).build([QRFlowable(text, 4 * cm)])
    return path


def test_one_changed_byte_and_untrusted_issuer_are_refused(network, tmp_path, capsys):
    a, b = network["a"], network["b"]
    _, pdf = _dossier(a, tmp_path)
    text, _ = find_statement(pdf)
    forged = _qr_pdf(_flip_one_byte(text), tmp_path / "forged.pdf")
    assert _cli(a, forged) == 1
    assert "Chữ ký số không khớp" in capsys.readouterr().err
    with a.db.session() as s, pytest.raises(InvalidStatement, match="Chữ ký số không khớp"):
        check_statement(s, _flip_one_byte(text))
    # A byte changed in the transport text itself (not re-encoded) is refused too.
    broken = text[:40] + ("A" if text[40] != "A" else "B") + text[41:]
    with a.db.session() as s, pytest.raises(InvalidStatement):
        check_statement(s, broken)

    # Office b made its own paper: a does not trust b, so it cannot confirm it.
    from sonla_desktop.services.document_seal import Statement, sign_statement
    from sonla_desktop.services.sync_trust import node_keys
    st = Statement("dossier", "x" * 36, b.id, TODAY, {"amount": 1}, bytes(32))
    with a.db.session() as s, pytest.raises(InvalidStatement, match="không có trong danh sách"):
        check_statement(s, sign_statement(node_keys(b.ctx), st))
    # A statement claiming to come from a but signed with b's key is refused.
    keys_b = node_keys(b.ctx)
    from dataclasses import replace
    fake = replace(keys_b, node_id=a.id)
    claims_a = sign_statement(fake, replace(st, node_id=a.id))
    with a.db.session() as s, pytest.raises(InvalidStatement, match="khoá khác"):
        check_statement(s, claims_a)
    # ... even when it also copies a's key id: the signature itself does not match.
    keys_a = node_keys(a.ctx)
    same_id = replace(fake, sign_key_id=keys_a.sign_key_id)
    with a.db.session() as s, pytest.raises(InvalidStatement, match="Chữ ký số không khớp"):
        check_statement(s, sign_statement(same_id, replace(st, node_id=a.id)))


def test_statement_copied_onto_another_kind_of_paper_is_refused(network, tmp_path, capsys):
    a = network["a"]
    _, pdf = _dossier(a, tmp_path)
    scan = _render(pdf, tmp_path)
    # A photo carries no text: the person says which paper it is.
    assert _cli(a, scan, "--kind", "progress") == 1
    assert "chép sang giấy khác" in capsys.readouterr().err
    assert _cli(a, scan, "--kind", "dossier") == 0
    # A PDF tells its kind by its title: the dossier's QR pasted on a report is refused.
    from sonla_desktop.domain.progress import Period
    from sonla_desktop.services.progress_report import export_progress, progress_figures
    report = tmp_path / "report.pdf"
    figures = progress_figures(a.ctx, Period(date(2025, 1, 1), date(2025, 12, 31)),
                               today=TODAY)
    export_progress(a.ctx, figures, str(report), "pdf", today=TODAY)
    assert _cli(a, report) == 0
    assert "báo cáo kết quả" in capsys.readouterr().out
    # A forger pastes the dossier's QR code under the report's title.
    from reportlab.platypus import Paragraph

    from sonla_desktop.reports.fonts import SERIF
    from sonla_desktop.reports.pdf_common import build_pdf, make_styles
    from sonla_desktop.reports.progress_common import TITLE
    from sonla_desktop.reports.qr import statement_block
    text, _ = find_statement(pdf)
    st = make_styles(SERIF, 11)
    pasted = tmp_path / "pasted.pdf"
    build_pdf(pasted, [Paragraph(TITLE, st.title), statement_block(text, st.small, 400)])
    assert _cli(a, pasted) == 1
    err = capsys.readouterr().err
    assert "thuộc về một hồ sơ vay vốn" in err and "báo cáo" in err


def test_print_quality_scan_and_degraded_photo_still_verify(network, tmp_path):
    a = network["a"]
    _, pdf = _dossier(a, tmp_path)
    scan = _render(pdf, tmp_path, dpi=150)
    assert verify_document(a.ctx, scan, "dossier").record == "same"
    # A phone photo: slightly turned, a little blurred, JPEG-compressed, off-white paper.
    with Image.open(scan) as img:
        photo = img.convert("L").rotate(4, expand=True, fillcolor=235)
        photo = photo.filter(ImageFilter.GaussianBlur(1.4))
        photo = photo.point(lambda v: 30 + v * 0.8)
        path = tmp_path / "photo.jpg"
        photo.save(path, quality=60)
    check = verify_document(a.ctx, path, "dossier")
    assert check.statement.figures["amount"] == 75_000_000


def test_a_record_changed_since_printing_is_reported(network, tmp_path, capsys):
    a = network["a"]
    loan_id, pdf = _dossier(a, tmp_path)
    with a.ctx.transaction() as s:
        loan = s.get(LoanApplication, loan_id)
        loan.requested_vnd = 70_000_000
        loan.total_cost_vnd = 70_000_000
        a.ctx.stamp(s, loan)
    assert _cli(a, pdf) == 0  # the paper is still the office's own, signed paper...
    out = capsys.readouterr().out
    assert "75.000.000" in out and "đã thay đổi kể từ khi giấy được in" in out


def test_attendance_sheet_carries_a_statement_without_names(network, tmp_path, capsys):
    from sonla_desktop.services.attendance import register_attendee
    from sonla_desktop.services.event_documents import print_attendance_sheet
    from sonla_desktop.services.events import create_event

    a = network["a"]
    event_id = create_event(a.ctx, {"commune_code": COMMUNE_A, "event_date": "05/03/2025",
                                    "topic": "Tư vấn đi Hàn Quốc", "place": "Nhà văn hoá",
                                    "markets": "KR", "organiser": "UBND phường Chiềng Cơi"})
    worker_id = create_worker(a.ctx, person(COMMUNE_A))
    register_attendee(a.ctx, event_id, {"interest_market": "KR"}, worker_id=worker_id)
    sheet = tmp_path / "sheet.pdf"
    print_attendance_sheet(a.ctx, event_id, sheet)
    assert _cli(a, sheet) == 0
    out = capsys.readouterr().out
    assert "danh sách người tham dự" in out and "số người tham dự: 1" in out
    assert "vẫn khớp" in out
    with a.db.session() as s:
        name = s.get(Worker, worker_id).full_name
    raw = zlib.decompress(base45.b45decode(find_statement(sheet)[0][len(PREFIX):]))
    assert name.encode() not in raw


def test_progress_report_verifies_at_the_hub_with_its_figures(network, usb, tmp_path, capsys):
    from sonla_desktop.domain.progress import Period
    from sonla_desktop.services.progress_report import export_progress, progress_figures

    a, hub = network["a"], network["hub"]
    _dossier(a, tmp_path)
    figures = progress_figures(a.ctx, Period(date(2025, 1, 1), date(2025, 12, 31)),
                               today=TODAY)
    report = tmp_path / "report.pdf"
    export_progress(a.ctx, figures, str(report), "pdf", today=TODAY)
    sync_round(network, usb)
    assert _cli(hub, report) == 0
    out = capsys.readouterr().out
    assert "báo cáo kết quả xuất khẩu lao động do UBND phường Chiềng Cơi" in out
    assert f"xã/phường {COMMUNE_A}" in out and "Số người xuất cảnh: 0" in out
    assert "vẫn khớp" in out


def test_files_that_are_not_papers_get_a_sentence_not_a_traceback(network, tmp_path, capsys):
    a = network["a"]
    fake_png = tmp_path / "photo.png"
    fake_png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    fake_pdf = tmp_path / "paper.pdf"
    fake_pdf.write_bytes(b"%PDF-1.4\nnot really")
    blank = tmp_path / "blank.png"
    Image.new("L", (800, 600), 255).save(blank)
    other_qr = tmp_path / "other.pdf"
    _qr_pdf("https://example.invalid/not-ours", other_qr)
    for path, reason in ((fake_png, "Không mở được ảnh"), (fake_pdf, "Không đọc được tệp PDF"),
                         (blank, "Không tìm thấy mã QR xác thực"),
                         (other_qr, "Không tìm thấy mã QR xác thực"),
                         (tmp_path / "notes.txt", "không phải PDF, PNG hay JPEG")):
        if path.suffix == ".txt":
            path.write_text("x")
        assert _cli(a, path) == 1
        err = capsys.readouterr().err
        assert reason in err and "Traceback" not in err
