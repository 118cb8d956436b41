"""The audit trail's two pure rules: which values it never keeps in clear, and its hash chain.

**Private.** The audit says who did what to which record and which fields changed, never
the sensitive values themselves (Law 91/2025/QH15, Decree 356/2025/NĐ-CP). A sensitive field
is stored as ``"hmac:<hex>"``: an HMAC-SHA256 under the node's own secret key, kept in the
node's key folder outside the database, so someone holding that key can check "was the CCCD
this value?" while a copy of the database alone reveals nothing (the key is long and random:
no dictionary of all CCCDs helps). Without the key (before ``init``, or an old row scrubbed
by migration 0008) the value becomes ``REDACTED``. ``None`` stays ``None``: that a field was
filled in or emptied is part of "which fields changed".

**Tamper-evident.** Every row carries ``seq`` (1, 2, 3… with no gap), ``prev_hash`` (the row
before's ``row_hash``; ``GENESIS`` for the first) and ``row_hash`` = SHA-256 of the row's
canonical content including ``prev_hash``. Editing a row breaks its own hash; deleting one
leaves a gap or a broken link; deleting the last rows leaves the chain shorter than the head
recorded in the ``setting`` table. A person who can rewrite the database can rebuild the whole
chain from the first row they changed (SHA-256 needs no secret): docs/security.md says so.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache

GENESIS = "0" * 64
REDACTED = "***"
HMAC_PREFIX = "hmac:"

# Field names whose values the audit never stores in clear, whatever the entity. Reasons in
# docs/security.md ("A shared office PC"): identity (a name, CCCD, birth date and phone are
# enough to impersonate someone or find them), the special categories of Decree 356/2025
# (ethnic origin; household poverty status and the policy group that encodes it; the rate
# basis names the facts behind the rate), financial and credit data (every amount of a loan,
# disbursement and repayment), and free text where a clerk may have written any of these.
SENSITIVE_FIELDS: frozenset[str] = frozenset({
    # identity and contact
    "full_name", "national_id", "id_issued_on", "birth_date", "birth_year", "phone",
    "village", "savings_group_head", "search_text", "sort_key",
    # special categories (ethnic origin, poverty status)
    "ethnic_code", "household", "policy_group", "rate_basis",
    # financial / credit
    "total_cost_vnd", "requested_vnd", "approved_vnd", "state_supported_vnd", "amount_vnd",
    "principal_vnd", "interest_vnd", "overdue_interest_vnd",
    # free text
    "notes", "note", "reject_reason",
})


def _text(value: object) -> str:
    kind = value.__class__
    if kind is str:
        return value  # type: ignore[return-value]
    if kind is int:
        return str(value)  # what json.dumps writes for an int, without its encoder
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def keyed_hash(key: bytes, field: str, value: object) -> str:
    """``hmac:`` + 32 hex digits of HMAC-SHA256(key, field NUL value): the field name is in
    the message so equal values of different fields do not look alike."""
    if value.__class__ in _CACHEABLE:
        return _cached_hash(key, field, value)
    return _keyed_hash(key, field, value)


# Values that are hashable and whose text depends on nothing else. An import of 10,000
# people hashes the same households, ethnic groups, villages, dates and amounts thousands
# of times; the cache answers those (same key, same field, same value: same hash).
_CACHEABLE = frozenset({str, int, date, Decimal})


@lru_cache(maxsize=16_384, typed=True)  # typed: Decimal("1.0") == 1, their texts differ
def _cached_hash(key: bytes, field: str, value: object) -> str:
    return _keyed_hash(key, field, value)


def _keyed_hash(key: bytes, field: str, value: object) -> str:
    # hmac.digest: OpenSSL's one-shot HMAC, the same bytes as hmac.new(...).digest() at a
    # fraction of the cost (an Excel import of 10,000 people hashes ~150,000 values).
    digest = hmac.digest(key, f"{field}\0{_text(value)}".encode(), "sha256")
    return HMAC_PREFIX + digest[:16].hex()


def hide(field: str, value: object, key: bytes | None) -> object:
    if value is None or field not in SENSITIVE_FIELDS:
        return value
    return keyed_hash(key, field, value) if key else REDACTED


def redact(changes: Mapping[str, tuple[object, object] | list], key: bytes | None
           ) -> dict[str, list[object]]:
    """``{field: [old, new]}`` with sensitive values replaced (see the module text)."""
    # hide() inlined: an import audits tens of thousands of rows of mostly plain fields,
    # and a new record's old values are all None.
    sensitive = SENSITIVE_FIELDS
    out: dict[str, list[object]] = {}
    for k, (old, new) in changes.items():
        if k in sensitive:
            if old is not None:
                old = keyed_hash(key, k, old) if key else REDACTED
            if new is not None:
                new = keyed_hash(key, k, new) if key else REDACTED
        out[k] = [old, new]
    return out


def created(row: Mapping[str, object], fields: list[str], key: bytes | None
            ) -> dict[str, list[object]]:
    """``{field: [None, new]}`` for a record just created, as ``redact`` gives it, with the
    fields in the order given and dates and decimals already as text, so a bulk writer can
    encode it without sorting or a fallback (the Excel import audits tens of thousands)."""
    sensitive, cacheable = SENSITIVE_FIELDS, _CACHEABLE
    out: dict[str, list[object]] = {}
    for k in fields:
        new = row[k]
        if new is not None:
            if k in sensitive:
                # keyed_hash, inlined: an import of 10,000 people hashes ~150,000 values.
                new = ((_cached_hash if new.__class__ in cacheable else _keyed_hash)(
                    key, k, new) if key else REDACTED)
            elif new.__class__ not in _NATIVE:
                new = _text(new) if isinstance(new, date | datetime | Decimal) else new
        out[k] = [None, new]
    return out


# What json writes as it is (bool is written by its own rule, before int's).
_NATIVE = frozenset({str, int, bool, float})


def scrub(payload: Mapping[str, object]) -> dict[str, object]:
    """An old row's ``changes`` with every sensitive value replaced by ``REDACTED`` (no key:
    migration 0008 runs without the node's key folder)."""
    out: dict[str, object] = {}
    for k, v in payload.items():
        if k in SENSITIVE_FIELDS and isinstance(v, list | tuple):
            out[k] = [None if x is None else REDACTED for x in v]
        elif k in SENSITIVE_FIELDS:
            out[k] = None if v is None else REDACTED
        else:
            out[k] = v
    return out


@dataclass(frozen=True)
class ChainRow:
    """The columns that go into a row's hash (all of them but ``row_hash``)."""

    seq: int
    id: str
    at: datetime
    user: str
    node_id: str
    action: str
    entity: str
    entity_id: str
    changes: str
    prev_hash: str


def canonical(row: ChainRow) -> bytes:
    """One fixed text for a row: a JSON array, so no field can bleed into the next."""
    at = row.at.isoformat(timespec="microseconds") if isinstance(row.at, datetime) else str(row.at)
    return _CANONICAL.encode([1, row.seq, row.id, at, row.user, row.node_id, row.action,
                              row.entity, row.entity_id, row.changes, row.prev_hash]
                             ).encode("utf-8")


# One encoder for every row (json.dumps with options builds a new one per call).
_CANONICAL = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def row_hash(row: ChainRow) -> str:
    return hashlib.sha256(canonical(row)).hexdigest()


def link(rows: list[dict], seq: int, prev: str) -> tuple[int, str]:
    """Give each row (a dict of ``ChainRow``'s fields but seq, prev_hash) its ``seq``,
    ``prev_hash`` and ``row_hash`` after the head ``(seq, prev)``; return the new head.

    The same hashes as ``row_hash(ChainRow(...))``, written for many rows at once: the text
    of ``canonical`` is joined from its pieces, each string through the same escaping the
    JSON encoder uses (an import chains tens of thousands of rows)."""
    quote = _quote
    for row in rows:
        seq += 1
        at, user, node_id = row["at"], row["user"], row["node_id"]
        if not (isinstance(at, datetime) and user.__class__ is str and node_id.__class__ is str):
            row["seq"], row["prev_hash"] = seq, prev
            row["row_hash"] = prev = row_hash(ChainRow(**{f: row[f] for f in _CHAIN_FIELDS}))
            continue
        text = (f'[1,{seq},{quote(row["id"])},"{at.isoformat(timespec="microseconds")}",'
                f'{quote(user)},{quote(node_id)},{quote(row["action"])},'
                f'{quote(row["entity"])},{quote(row["entity_id"])},{quote(row["changes"])},'
                f'{quote(prev)}]')
        row["seq"], row["prev_hash"] = seq, prev
        row["row_hash"] = prev = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return seq, prev


# The escaping json.JSONEncoder(ensure_ascii=False) applies to a string (its C version).
_quote = json.encoder.encode_basestring
_CHAIN_FIELDS = tuple(f.name for f in fields(ChainRow))


def format_head(seq: int, digest: str) -> str:
    return f"{seq} {digest}"


def parse_head(text: str | None) -> tuple[int, str]:
    """The ``audit_head`` setting: ``"<seq> <hash>"``; empty or unreadable = an empty chain."""
    try:
        seq, digest = (text or "").split()
        return int(seq), digest
    except ValueError:
        return 0, GENESIS


@dataclass(frozen=True)
class Break:
    """The first place where the chain does not hold."""

    seq: int
    vi: str
    en: str


def verify(rows: Iterable[tuple[ChainRow, str]], head: tuple[int, str]) -> tuple[int, Break | None]:
    """Walk ``(row, stored row_hash)`` in ``seq`` order; return (rows checked, first break)."""
    expected_seq, prev = 1, GENESIS
    count = 0
    for row, stored in rows:
        count += 1
        if row.seq != expected_seq:
            what = "thiếu" if row.seq > expected_seq else "trùng"
            return count, Break(expected_seq,
                                f"Dòng nhật ký số {expected_seq} bị {what} (gặp số {row.seq}).",
                                f"Audit row {expected_seq} is {'missing' if what == 'thiếu' else 'duplicated'} "
                                f"(found {row.seq}).")
        if row.prev_hash != prev:
            return count, Break(row.seq, f"Dòng nhật ký số {row.seq} không nối với dòng trước "
                                "(dòng trước đã bị sửa hoặc xoá).",
                                f"Audit row {row.seq} does not link to the row before it "
                                "(that row was edited or deleted).")
        if row_hash(row) != stored:
            return count, Break(row.seq, f"Dòng nhật ký số {row.seq} đã bị sửa sau khi ghi.",
                                f"Audit row {row.seq} was edited after it was written.")
        expected_seq, prev = row.seq + 1, stored
    head_seq, head_hash = head
    if head_seq != expected_seq - 1 or (head_seq and head_hash != prev):
        return count, Break(expected_seq, "Các dòng nhật ký cuối cùng đã bị xoá hoặc sửa "
                            f"(còn {expected_seq - 1} dòng, đã ghi {head_seq} dòng).",
                            "The last audit rows were deleted or edited "
                            f"({expected_seq - 1} rows left, {head_seq} were written).")
    return count, None
