"""Printing a paper: the one user action behind every "In…" button (issue 19).

Screens build the paper as PDF bytes through the paper's own service (``dossier_pdf``,
``attendance_sheet_pdf``, ``flyer_pdf``, ``progress_pdf``, ``follow_up_pdf``) — which writes
no audit entry — show it, let the clerk choose a printer, then come here:

- ``print_with_cups`` hands the PDF itself to a CUPS queue and records the print once the
  queue has accepted the job (its job id is in the entry);
- ``record_printed`` is for the platform's own print engine (Qt on Windows), called only
  when that engine reported the job sent.

A cancelled dialog, a refusing or stopped queue, or a failed job reaches neither, so the
audit log never claims a print that did not happen.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.printing import format_pages, paper, parse_page_range
from . import cups
from .audit import record
from .context import ServiceContext


@dataclass(frozen=True)
class PrintOrder:
    """What the clerk chose in the print dialog, for one paper."""

    paper: str               # a key of domain.printing.PAPERS
    entity_id: str           # the loan, the conference, the market... ("-" for none)
    printer: str
    page_count: int          # pages of the document
    pages: str = ""          # as typed ("2", "1-3,5"); empty: every page
    copies: int = 1
    sides: str = "one-sided"
    media: str = "A4"
    landscape: bool = False
    title: str = ""
    # Other job options the clerk chose in the dialog's Properties (tray, quality, ...).
    options: tuple[tuple[str, str], ...] = ()

    def chosen_pages(self) -> list[int]:
        return parse_page_range(self.pages, self.page_count)


def may_print(ctx: ServiceContext, paper_key: str) -> None:
    """The permission check of printing ``paper_key`` (before building it)."""
    ctx.require("print")
    ctx.require(paper(paper_key).action)


def record_printed(ctx: ServiceContext, order: PrintOrder, job: str = "") -> None:
    """The audit entry of a print the print system has accepted."""
    ctx.require("print")
    p = paper(order.paper)
    ctx.require(p.action)
    pages = order.chosen_pages()
    changes: dict[str, tuple[object, object]] = {
        "document": (None, order.paper), "pages": (None, format_pages(pages)),
        "sheets": (None, len(pages) * max(1, order.copies)), "copies": (None, order.copies),
        "printer": (None, order.printer)}
    if job:
        changes["job"] = (None, job)
    record(ctx, "print", p.entity, order.entity_id or "-", changes)


def print_with_cups(ctx: ServiceContext, order: PrintOrder, pdf: bytes) -> str:
    """Send ``pdf`` to the CUPS queue ``order.printer`` at its own size, the chosen pages,
    copies and sides; record it once accepted. Returns the job id; a ``UserError`` saying
    what to check when the queue is stopped, refuses, or is missing (nothing recorded)."""
    ctx.require("print")
    p = paper(order.paper)
    ctx.require(p.action)
    pages = order.chosen_pages()  # a bad range is refused before anything is sent
    whole = len(pages) == order.page_count and pages == sorted(pages)
    job = cups.submit(cups.JobRequest(
        printer=order.printer, title=order.title or p.title_vi,
        pages="" if whole else format_pages(pages), copies=order.copies, sides=order.sides,
        media=order.media, landscape=order.landscape, options=order.options), pdf)
    record_printed(ctx, order, job)
    return job
