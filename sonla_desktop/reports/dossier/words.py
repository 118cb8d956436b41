"""Small text helpers shared by the dossier's parts: blanks, place kinds, amounts."""

from __future__ import annotations

from decimal import Decimal

from reportlab.platypus import (
    Flowable,
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


class _Item(Paragraph):
    """A form item that turns the page whole rather than split: a clerk must not read "Lãi
    suất nợ quá hạn: 8,112" at one page's foot and "%/năm" at the next one's head (issue 17).

    Not a KeepTogether: that wrapper changed the spacing between items enough to push the
    commune's confirmation onto a page of its own. Only an item taller than a third of a page
    (a pasted essay in a free-text field) may still split, or it could never be placed."""

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        _, height = self.wrap(availWidth, availHeight)
        if height <= _WHOLE_ITEM_MAX_PT:
            return []
        return super().split(availWidth, availHeight)


_WHOLE_ITEM_MAX_PT = 250.0


def _p(text: str, st: Styles) -> Flowable:
    return _Item(text, st.body)
