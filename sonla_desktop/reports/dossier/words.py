"""Small text helpers shared by the dossier's parts: blanks, place kinds, amounts."""

from __future__ import annotations

from decimal import Decimal

from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    Table,
    TableStyle,
)

from ..pdf_common import (
    Styles,
    escape,
    layout_table,
    nfc,
)
from .model import _BLANK, _COMMUNE_KINDS, BANK


def _v(text: object, blank: str = _BLANK) -> str:
    """Escaped value, or a dotted blank when there is nothing to print."""
    value = nfc(text).strip()
    return escape(value) if value else blank


def _with_kind(name: str, kinds: tuple[str, ...], default: str) -> str:
    name = nfc(name).strip()
    if not name:
        return ""
    if name.lower().startswith(kinds):
        return name[0].lower() + name[1:]
    return f"{default} {name}"


def commune_full(name: str) -> str:
    """``"Chiềng Mung"`` -> ``"xã Chiềng Mung"``; ``"phường Tô Hiệu"`` is kept."""
    return _with_kind(name, _COMMUNE_KINDS, "xã")


def _commune_bare(name: str) -> str:
    full = commune_full(name)
    for kind in _COMMUNE_KINDS:
        if full.lower().startswith(kind):
            return full[len(kind):]
    return full


def _bank_addressee(bank_office: str) -> str:
    office = nfc(bank_office).strip().replace("NHCSXH", BANK)
    if not office:
        return f"{BANK} {_BLANK}"
    return office if "chính sách xã hội" in office.lower() else f"{BANK} – {office}"


def _amount_words(words: str) -> str:
    text = nfc(words).strip().rstrip(".")
    if not text:
        return _BLANK
    if not text.lower().endswith("đồng"):
        text += " đồng"
    return text[0].upper() + text[1:]


def _overdue_note(rate: Decimal, overdue: Decimal) -> str:
    if rate <= 0:
        return ""
    ratio = overdue * 100 / rate
    if ratio == ratio.to_integral_value():
        return f" (bằng {int(ratio)}% lãi suất cho vay)"
    return ""


def _fields(cells: list[str], widths: list[str], st: Styles) -> Table:
    """Several "label: value" items on one line, aligned in borderless columns."""
    table = layout_table([[Paragraph(c, st.body_left) for c in cells]], widths)
    table.setStyle(TableStyle([("RIGHTPADDING", (0, 0), (-1, -1), 4)]))
    return table


def _p(text: str, st: Styles) -> Flowable:
    """One form item, never split across pages: a clerk must not read "Lãi suất nợ quá hạn:
    8,112" at one page's foot and "%/năm" at the next one's head (issue 17)."""
    return KeepTogether([Paragraph(text, st.body)])

