"""Check a printed paper from its PDF, scan or photo: the ``verify-document`` user action.

The file is hostile: its size is bounded, a PDF is rendered by poppler's ``pdftoppm`` (the
same tool the rest of the project uses to look at PDFs) at 150 dpi, an image is opened by
Pillow with its decompression-bomb guard, and the QR codes are read by zxing-cpp. Only a
code whose text carries our prefix is a statement; two different statements on one file
are refused, as a paper can only state one thing.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..domain.loans import format_vnd
from ..errors import UserError
from ..reports import attendance_sheet, dossier, progress_common
from .context import ServiceContext
from .document_papers import recomputed_digest
from .document_seal import KINDS, PREFIX, InvalidStatement, Issuer, Statement, check_statement

MAX_FILE = 40 * 1024 * 1024
MAX_PAGES = 20
RENDER_DPI = 150
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg"}

# The title each kind of paper prints: a statement found under another title was copied.
KIND_TITLES = {
    "dossier": dossier.TITLE,
    "attendance": attendance_sheet.TITLE,
    "progress": progress_common.TITLE,
}


@dataclass(frozen=True)
class DocumentCheck:
    statement: Statement
    issuer: Issuer
    record: str  # "same" | "changed" | "absent": this office's record against the digest


def _fail(vi: str, en: str) -> InvalidStatement:
    return InvalidStatement(vi, en)


def _images(path: Path, folder: Path) -> list[Path]:
    suffix = path.suffix.lower()
    if suffix in IMAGE_SUFFIXES:
        return [path]
    if suffix != ".pdf":
        raise UserError(f"Tệp {path.name} không phải PDF, PNG hay JPEG.",
                        f"The file {path.name} is not a PDF, PNG or JPEG.")
    tool = shutil.which("pdftoppm")
    if tool is None:
        raise UserError("Thiếu công cụ pdftoppm (poppler-utils) để đọc tệp PDF.",
                        "The pdftoppm tool (poppler-utils) is needed to read PDF files.")
    done = subprocess.run([tool, "-r", str(RENDER_DPI), "-gray", "-png", "-l", str(MAX_PAGES),
                           str(path), str(folder / "page")], capture_output=True, timeout=120)
    pages = sorted(folder.glob("page*.png"))
    if done.returncode != 0 or not pages:
        raise UserError(f"Không đọc được tệp PDF {path.name}.", f"Cannot read the PDF {path.name}.")
    return pages


def _codes_in(image_path: Path) -> list[str]:
    import zxingcpp
    from PIL import Image, ImageOps

    try:
        with Image.open(image_path) as img:
            img = ImageOps.exif_transpose(img).convert("L")
    except (OSError, Image.DecompressionBombError) as exc:
        raise UserError(f"Không mở được ảnh {image_path.name}.",
                        f"Cannot open the image {image_path.name}.") from exc
    for attempt in _variants(img):
        found = [r.text for r in zxingcpp.read_barcodes(attempt,
                                                        formats=zxingcpp.BarcodeFormat.QRCode)]
        if any(t.startswith(PREFIX) for t in found):
            break
    return found


def _variants(img):
    """The image as read, then cleaned up the ways that rescue a blurred or dim photo:
    tried one after the other, stopping at the first that reads (a clean scan costs one)."""
    from PIL import Image, ImageFilter, ImageOps

    yield img
    if max(img.size) > 2400:
        # A 4000 px phone photo can hide a small code in noise; smaller often reads.
        small = img.copy()
        small.thumbnail((2000, 2000))
        yield small
    yield img.filter(ImageFilter.UnsharpMask(radius=3, percent=200, threshold=0))
    if max(img.size) <= 2400:
        yield ImageOps.autocontrast(img).resize((img.width * 2, img.height * 2),
                                                Image.Resampling.LANCZOS)


def _page_text(path: Path) -> str:
    tool = shutil.which("pdftotext")
    if tool is None or path.suffix.lower() != ".pdf":
        return ""
    done = subprocess.run([tool, "-l", str(MAX_PAGES), "-enc", "UTF-8", str(path), "-"],
                          capture_output=True, timeout=120)
    return done.stdout.decode("utf-8", "replace") if done.returncode == 0 else ""


def find_statement(path: Path) -> tuple[str, str]:
    """The statement text on the file, and the file's text (PDF only, to tell its kind)."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UserError(f"Không tìm thấy tệp {path}.", f"The file {path} was not found.") from exc
    if size > MAX_FILE:
        raise UserError(f"Tệp {path.name} quá lớn.", f"The file {path.name} is too large.")
    with tempfile.TemporaryDirectory(prefix="sonla-verify-") as tmp:
        texts: list[str] = []
        for image in _images(path, Path(tmp)):
            texts += _codes_in(image)
    ours = sorted({t.strip() for t in texts if t.strip().startswith(PREFIX)})
    if not ours:
        raise _fail("Không tìm thấy mã QR xác thực trên giấy này (hoặc ảnh quá mờ để đọc).",
                    "No signed QR code was found on this paper (or the image is too blurred).")
    if len(ours) > 1:
        raise _fail("Giấy này có nhiều mã QR xác thực khác nhau: không thể tin cậy.",
                    "This paper carries several different signed QR codes: it cannot be trusted.")
    return ours[0], _page_text(path)


def _kind_on_paper(text: str) -> str | None:
    flat = " ".join(unicodedata.normalize("NFC", text).split()).upper()
    found = [k for k, title in KIND_TITLES.items() if title.upper() in flat]
    return found[0] if len(found) == 1 else None


def verify_document(ctx: ServiceContext, path: Path, expected_kind: str | None = None
                    ) -> DocumentCheck:
    """Check the paper at ``path``; ``InvalidStatement`` says why it cannot be trusted."""
    ctx.require("reports.read")
    text, page_text = find_statement(Path(path))
    with ctx.db.session() as s:
        st, issuer = check_statement(s, text)
        paper_kind = expected_kind or _kind_on_paper(page_text)
        if paper_kind is not None and paper_kind != st.kind:
            raise _fail(f"Mã QR này thuộc về một {KINDS[st.kind][0]}, nhưng lại nằm trên "
                        f"{KINDS.get(paper_kind, (paper_kind,))[0]}: mã đã bị chép sang giấy "
                        "khác.",
                        f"This QR code belongs to a {KINDS[st.kind][1]} but is on a "
                        f"{KINDS.get(paper_kind, ('', paper_kind))[1]}: it was copied onto "
                        "another paper.")
        digest = recomputed_digest(s, st)
    record = "absent" if digest is None else ("same" if digest == st.digest else "changed")
    return DocumentCheck(st, issuer, record)


def _figure_lines(st: Statement) -> list[tuple[str, str]]:
    f = st.figures
    if st.kind == "dossier":
        return [(f"Số tiền đề nghị vay: {format_vnd(int(f.get('amount', 0)))} đồng",
                 f"Amount requested: {format_vnd(int(f.get('amount', 0)))} VND"),
                (f"Lãi suất: {str(f.get('rate', '')).replace('.', ',')} %/năm",
                 f"Rate: {f.get('rate', '')} % a year"),
                (f"Thời hạn vay: {f.get('term', '')} tháng", f"Term: {f.get('term', '')} months")]
    if st.kind == "attendance":
        return [(f"Ngày hội nghị: {_vi_date(f.get('date'))}; số người tham dự: {f.get('people')}",
                 f"Conference of {f.get('date')}; attendees: {f.get('people')}")]
    target = f.get("target")
    scope = "toàn tỉnh" if f.get("scope") == "province" else f"xã/phường {f.get('scope')}"
    return [(f"Kỳ báo cáo: {_vi_date(f.get('from'))} – {_vi_date(f.get('to'))}; phạm vi: {scope}",
             f"Period: {f.get('from')} – {f.get('to')}; scope: {f.get('scope')}"),
            (f"Số người xuất cảnh: {f.get('departures')}; chỉ tiêu: "
             f"{'chưa giao' if target is None else target}",
             f"Departures: {f.get('departures')}; target: {'none' if target is None else target}")]


def _vi_date(iso: object) -> str:
    from datetime import date

    from ..domain.dates import format_date

    try:
        return format_date(date.fromisoformat(str(iso)))
    except ValueError:
        return str(iso)


RECORD_LINES = {
    "same": ("Dữ liệu trong máy này vẫn khớp với giấy đã in.",
             "The record on this computer still matches the printed paper."),
    "changed": ("LƯU Ý: hồ sơ trong máy này đã thay đổi kể từ khi giấy được in.",
                "NOTE: the record on this computer has changed since the paper was printed."),
    "absent": ("Máy này không có hồ sơ tương ứng để so sánh.",
               "This computer does not hold the record to compare with."),
}


def describe(check: DocumentCheck) -> list[tuple[str, str]]:
    """The result as (Vietnamese, English) sentences, first line the verdict."""
    st, who = check.statement, check.issuer
    name = who.name or who.node_id
    return [
        (f"Giấy hợp lệ: {KINDS[st.kind][0]} do {name} lập ngày {_vi_date(st.issued_on)}, "
         "chữ ký số đúng.",
         f"Valid paper: {KINDS[st.kind][1]} issued by {name} on {st.issued_on.isoformat()}, "
         "signature correct."),
        (f"Mã đơn vị: {who.node_id}; mã hồ sơ: {st.doc_id}",
         f"Office id: {who.node_id}; record id: {st.doc_id}"),
        *_figure_lines(st),
        RECORD_LINES[check.record],
    ]
