"""Every record that arrives by sync goes through the same doors as the form and Excel.

``Merger`` (``merge.py``) hands each batch of decoded records (``records.decode_record``:
schema, types, declared lengths) to :meth:`Inbound.admit` before it looks at links and
scope. Per record, in this order:

1. **Version bound** (``bounds``): a version more than ``CLOCK_TOLERANCE_MS`` (one day)
   ahead of this computer's clock refuses the bundle.
2. **Origin**: a record's origin must be the signer of the bundle, or the signer must be
   one that relays other offices' records (only the hub does). A commune's record that
   claims another origin is accepted only as an *echo*: this database already holds that
   row at that version or a later one, so it changes nothing (a commune's full export
   carries back rows the hub wrote). Anything else refuses the bundle: a commune could
   otherwise write in another office's name and raise the acknowledgements kept for it.
3. **Cleaning**: every text column through ``domain.text.clean_text`` (``clean_multiline``
   for unbounded ``Text`` columns), then refused if it still holds a character that no
   stored text may hold (``domain.text.bad_character``, the form's and the Excel import's
   rule) or is longer than its column (the model's size, which is ``domain.lengths``).
   The cleaned text is what gets stored.
4. **Domain rules** of the table (``inbound_rules``), the same functions the form and the
   Excel import call; their cleaned values are stored too.

Any failure is a ``SyncError`` naming the record's line, table, id and field; the caller's
transaction then leaves the database as it was. Acknowledgements (:func:`acknowledged`)
move only on what passed here.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from sqlalchemy import Text, select
from sqlalchemy.orm import Session

from ..domain.events import EVENT_FIELD_LABELS_VI
from ..domain.text import MAX_TEXT_LENGTH, bad_character, clean_multiline, clean_text
from ..domain.worker_rules import FIELD_LABELS_VI, ReferenceCodes
from ..errors import SyncError, UserError, ValidationError
from ..models import Node
from .bounds import future_version_error, too_far_ahead
from .hlc import CLOCK_TOLERANCE_MS, wall_ms
from .inbound_rules import RULES, RuleContext
from .records import DERIVED_COLUMNS, TableSpec, record_error
from .value_lists import only_unknown_values
from .witness import relayed_before_restore

# Columns that are not text a person typed: ids and clock values (checked by records.py).
_NOT_TYPED = frozenset({"id", "origin", "version"})


def _text_columns(spec: TableSpec) -> list[tuple[str, bool, int]]:
    """(column, multi-line, length limit) for the typed text columns of a table."""
    derived = set(DERIVED_COLUMNS.get(spec.name, ()))
    out = []
    for col in spec.columns:
        if col.kind != "str" or col.name in _NOT_TYPED or col.name in derived:
            continue
        multiline = isinstance(spec.table.c[col.name].type, Text)
        out.append((col.name, multiline, col.max_length or MAX_TEXT_LENGTH))
    return out


_LABELS_VI = {**EVENT_FIELD_LABELS_VI, **FIELD_LABELS_VI}


def field_error(line: int, spec: TableSpec, record_id: str, field: str, vi: str,
                en: str) -> SyncError:
    """The refusal naming line, table, record id and field (with its Vietnamese label)."""
    label = _LABELS_VI.get(field)
    shown = f"{label} ({field})" if label else field
    return record_error(line, spec.name, f"mã {record_id}, trường {shown}: {vi.rstrip('.')}",
                        f"id {record_id}, field {field}: {en.rstrip('.')}")


class Inbound:
    """The checks of one bundle's records, inside the caller's transaction."""

    def __init__(self, session: Session, *, sender_id: str, sender_relays: bool,
                 refs: Callable[[], ReferenceCodes], now_ms: int | None = None,
                 own_id: str = "", own_clock: str = "",
                 forgotten: list[tuple[str, str]] | None = None) -> None:
        self.sender_id = sender_id
        self.sender_relays = sender_relays
        # This node and its clock: a commune may hand back our own writes (see admit).
        self.own_id = own_id
        self.own_clock = own_clock
        self.forgotten = forgotten or []
        self._session = session
        self.now_ms = wall_ms(now_ms)
        # Dates "not after today" allow the same day of clock difference as versions.
        today = (datetime.fromtimestamp(self.now_ms / 1000, UTC)
                 + timedelta(milliseconds=CLOCK_TOLERANCE_MS)).date()
        self.rules = RuleContext(session, refs, today)
        # The sender's closed lists are newer than ours (value_lists.py): set by the caller.
        self.newer_lists = False
        self._columns: dict[str, list[tuple[str, bool, int]]] = {}

    def admit(self, spec: TableSpec, items: list[tuple[int, dict]], existing: dict[str, dict],
              on_echo: Callable[[], None],
              on_unknown: Callable[[int, dict, dict], None] | None = None,
              on_witness: Callable[[dict], None] | None = None) -> list[tuple[int, dict]]:
        """The records of ``items`` to merge, cleaned; echoes are left out (``on_echo``), and
        so are records of a newer sender whose only faults are values outside our closed
        lists (``on_unknown(line, record, record with known values)``, value_lists.py), and
        rows of a third office a restored hub may have relayed (``on_witness``)."""
        kept = []
        for line, v in items:
            if too_far_ahead(v["version"], self.now_ms):
                raise future_version_error(
                    f"bản ghi {line} (bảng {spec.name}, mã {v['id']})",
                    f"record {line} (table {spec.name}, id {v['id']})", v["version"])
            if v["origin"] != self.sender_id and not self.sender_relays:
                local = existing.get(v["id"])
                if (local is not None and local["version"] >= v["version"]
                        and not (local["version"] != v["version"] and self.forgot(v))):
                    on_echo()
                    continue
                if self._coming_home(v):
                    self._clean_text(line, spec, v)
                    kept.append((line, v))
                    continue
                if (on_witness is not None and self.own_id and self.own_clock
                        and relayed_before_restore(v["version"], self.forgotten)):
                    on_witness(v)  # never applied; its writer may bring it (sync/witness.py)
                    continue
                claimed, signer = self._unit(v["origin"]), self._unit(self.sender_id)
                raise record_error(
                    line, spec.name,
                    f"mã {v['id']} ghi là do đơn vị {claimed} viết, nhưng tệp do đơn vị "
                    f"{signer} ký; chỉ văn phòng tỉnh được chuyển tiếp bản ghi của đơn vị khác",
                    f"id {v['id']} claims to be written by unit {claimed}, but the file is "
                    f"signed by unit {signer}; only the provincial hub may pass on other "
                    "units' records")
            self._clean_text(line, spec, v)
            kept.append((line, v))
        rule = RULES.get(spec.name)
        if rule is None:
            return kept
        self.rules.prepare(spec.name, [v for _, v in kept])
        out = []
        for line, v in kept:
            try:
                rule(self.rules, v)
            except UserError as err:
                trial = (only_unknown_values(spec.name, v, lambda t: rule(self.rules, t))
                         if on_unknown is not None and self.newer_lists else None)
                if trial is not None:
                    on_unknown(line, v, trial)
                    continue
                # (A UserError: a policy figure missing for the record's date.)
                field = err.field if isinstance(err, ValidationError) else "-"
                raise field_error(line, spec, v["id"], field, err.vi, err.en) from err
            out.append((line, v))
        return out

    def forgot(self, v: dict) -> bool:
        """Is ``v`` a write of ours that a restore made this database forget? Then a later
        row here was written without knowing it: a clash for our inbox, not an echo."""
        version = v["version"]
        return v["origin"] == self.own_id and any(a < version <= b for a, b in self.forgotten)

    def _coming_home(self, v: dict) -> bool:
        """A write of this very node that a commune holds and we do not: we were restored
        from a backup (or copied back) after sending it, and the commune's repair bundle
        brings it back. Only versions this node's clock has already passed are ours; one
        above it would be a forgery in our name."""
        return bool(self.own_id and self.own_clock and v["origin"] == self.own_id
                    and v["version"] <= self.own_clock)

    def _unit(self, node_id: str) -> str:
        """A unit as a clerk knows it: its confirmed name, then its id."""
        name = self._session.scalar(select(Node.name).where(Node.id == node_id))
        return f"{name} ({node_id})" if name else node_id

    def _clean_text(self, line: int, spec: TableSpec, v: dict) -> None:
        columns = self._columns.get(spec.name)
        if columns is None:
            columns = self._columns[spec.name] = _text_columns(spec)
        for name, multiline, limit in columns:
            raw = v[name]
            if raw is None:
                continue
            text = clean_multiline(raw) if multiline else clean_text(raw)
            bad = bad_character(text)
            if bad is not None:
                code = f"U+{ord(bad):04X}"
                raise field_error(
                    line, spec, v["id"], name,
                    f"có ký tự điều khiển hoặc ký tự không hiển thị ({code}), không được phép",
                    f"holds a control or invisible character ({code}), which is not allowed")
            if len(text) > limit:
                raise field_error(
                    line, spec, v["id"], name,
                    f"dài {len(text):,} ký tự, quá giới hạn {limit:,}".replace(",", "."),
                    f"is {len(text):,} characters long, above the limit of {limit:,}")
            v[name] = text


def acknowledged(received: dict[str, str], sender_id: str, sender_relays: bool,
                 sender_have: dict[str, str]) -> dict[str, str]:
    """How far this node's "have" entry per origin may move after a bundle.

    For the sender's own records: the highest version received (bounded already). For
    records the hub relays from another origin: no further than the hub's own signed "have"
    entry for that origin, i.e. what the relayer says it holds from that office. A relay can
    then never make this node claim more of an office than that office's own signed bundles
    gave the relayer; a missing entry moves nothing (the rows are still merged; they may
    simply be sent again, which changes nothing).
    """
    out = {}
    for origin, version in received.items():
        if origin == sender_id:
            out[origin] = version
        elif sender_relays:
            claimed = sender_have.get(origin, "")
            capped = min(version, claimed)
            if capped:
                out[origin] = capped
    return out
