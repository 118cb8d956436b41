"""Signed statements printed as a QR code on the papers an office hands out (issue #18).

The design is the EU Digital COVID Certificate's: a small CBOR map signed as COSE_Sign1
with the office's Ed25519 key (the same key that signs its sync bundles, so a hub or bank
that already trusts the office for sync trusts its papers), written as base45 text behind a
short prefix, drawn as a QR code. Anyone can read a QR code, so the statement holds no
name, CCCD or phone: only the kind of paper, its record id, the issuing node, the issue
date, the figures a reader must be able to trust, and a SHA-256 digest of the paper's full
data in canonical form (``canonical_digest``), which an office holding the same record can
recompute to tell whether the record changed since printing.

This module signs and checks statements; ``document_check`` finds them on a file and
compares the digest with the records.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import unicodedata
import zlib
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import base45
import cbor2
from pycose.algorithms import EdDSA
from pycose.headers import KID, Algorithm
from pycose.keys import OKPKey
from pycose.keys.curves import Ed25519
from pycose.messages import Sign1Message
from sqlalchemy.orm import Session

from ..errors import UserError
from ..sync.keys import NodeKeys
from .context import ServiceContext

# "SL" for Sơn La, "1" the statement format: a reader can tell our QR from any other.
PREFIX = "SL1:"
FORMAT_VERSION = 1

KINDS = {
    "dossier": ("hồ sơ vay vốn", "loan dossier"),
    "attendance": ("danh sách người tham dự hội nghị tư vấn", "conference attendance sheet"),
    "progress": ("báo cáo kết quả xuất khẩu lao động", "progress report"),
}

# A statement is small; anything bigger is not one of ours and is not worth decoding.
MAX_TEXT = 2_000


class InvalidStatement(UserError):
    """The QR text is not a statement this program can trust (the reason is the message)."""


@dataclass(frozen=True)
class Statement:
    kind: str  # a key of KINDS
    doc_id: str  # the record's id (a UUID, or the report's period and scope)
    node_id: str  # the issuing office
    issued_on: date
    figures: dict[str, Any]  # str keys; int / str values only
    digest: bytes  # SHA-256 of the paper's full data in canonical form


# --------------------------------------------------------------------------- canonical form

def _plain(value: Any) -> Any:
    """The value as JSON-able data with one spelling per meaning (NFC text, ISO dates,
    Decimals as their normalised text, dicts with sorted text keys)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        items = [_plain(v) for v in value]
        return sorted(items, key=json.dumps) if isinstance(value, set | frozenset) else items
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, float):
        return repr(value)
    if value is None or isinstance(value, bool | int):
        return value
    raise TypeError(f"no canonical form for {type(value).__name__}")


def canonical_digest(kind: str, data: Any, leave_out: tuple[str, ...] = ()) -> bytes:
    """SHA-256 over the canonical JSON of ``data`` (a data class), its kind first.

    ``leave_out`` names top-level fields that depend on which office prints rather than on
    the record (the printing office's own name, a local setting, the blank rows asked for),
    so that the hub recomputes the same digest from the same synced record.
    """
    plain = _plain(data)
    for name in leave_out:
        plain.pop(name, None)
    text = json.dumps({"kind": kind, "data": plain}, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).digest()


# --------------------------------------------------------------------------- signing

def _payload(st: Statement) -> bytes:
    return cbor2.dumps({"v": FORMAT_VERSION, "k": st.kind, "id": st.doc_id, "n": st.node_id,
                        "d": st.issued_on.isoformat(), "f": st.figures, "h": st.digest},
                       canonical=True)


def sign_statement(keys: NodeKeys, st: Statement) -> str:
    """The statement signed with the office's key, as the text the QR code holds."""
    if st.kind not in KINDS or st.node_id != keys.node_id:
        raise ValueError("statement kind or issuer does not fit the key")
    msg = Sign1Message(phdr={Algorithm: EdDSA, KID: keys.sign_key_id}, payload=_payload(st))
    msg.key = OKPKey(crv=Ed25519, d=keys.sign_secret, x=keys.sign_public)
    # zlib first, like the EU certificate: fewer QR modules, so it reads from a poor photo.
    return PREFIX + base45.b45encode(zlib.compress(msg.encode(), 9)).decode("ascii")


def seal_for(ctx: ServiceContext, kind: str, doc_id: str, issued_on: date,
             figures: dict[str, Any], digest: bytes) -> str:
    """Sign a statement with this office's key (``sync_trust.node_keys``).

    "" (no QR code) when this installation has no key folder at all (set up without
    ``init``, as in many tests): the paper still prints, and says nothing it cannot prove.
    A key folder that exists but cannot be read still stops the printing with its error.
    """
    ctx.require("reports.read")
    from .key_slots import keys_for
    from .setup import node_keys_dir

    if not (node_keys_dir(ctx.node_id) / "node.json").exists():
        return ""
    # Every role prints sealed papers: the signing key as the account's slot opened it.
    keys = keys_for(ctx.node_id, ctx.user, "sign")
    return sign_statement(keys, Statement(kind, doc_id, keys.node_id, issued_on, figures, digest))


# --------------------------------------------------------------------------- checking

def _bad(vi: str, en: str) -> InvalidStatement:
    return InvalidStatement(vi, en)


def _sign1(raw: bytes) -> Sign1Message:
    """A tagged COSE_Sign1 message of exactly four parts, anything else refused before
    pycose builds an object from it."""
    tagged = cbor2.loads(raw)
    if not isinstance(tagged, cbor2.CBORTag) or tagged.tag != Sign1Message.cbor_tag \
            or not isinstance(tagged.value, list | tuple) or len(tagged.value) != 4:
        raise ValueError("not a tagged COSE_Sign1 message")
    return Sign1Message.from_cose_obj(list(tagged.value), True)


def _decode(text: str) -> tuple[Sign1Message, dict]:
    text = text.strip()
    if not text.startswith(PREFIX) or len(text) > MAX_TEXT:
        raise _bad("Mã QR này không phải mã xác thực giấy tờ của chương trình.",
                   "This QR code is not a document statement of this program.")
    try:
        raw = zlib.decompressobj().decompress(base45.b45decode(text[len(PREFIX):]), 4 * MAX_TEXT)
        msg = _sign1(raw)
        body = cbor2.loads(msg.payload)
    except Exception as exc:  # any decoding failure means the same thing to the reader
        raise _bad("Mã QR bị hỏng hoặc đã bị sửa: không đọc được nội dung đã ký.",
                   "The QR code is damaged or was altered: its signed content cannot be read."
                   ) from exc
    if not isinstance(body, dict) or body.get("v") != FORMAT_VERSION:
        raise _bad("Mã QR có định dạng không được hỗ trợ.",
                   "The QR code has an unsupported format.")
    return msg, body


def _statement(body: dict) -> Statement:
    try:
        st = Statement(kind=body["k"], doc_id=body["id"], node_id=body["n"],
                       issued_on=date.fromisoformat(body["d"]), figures=dict(body["f"]),
                       digest=body["h"])
    except (KeyError, TypeError, ValueError) as exc:
        raise _bad("Nội dung mã QR thiếu hoặc sai trường.",
                   "The QR content has missing or wrong fields.") from exc
    if (st.kind not in KINDS or not isinstance(st.doc_id, str) or not isinstance(st.node_id, str)
            or not isinstance(st.digest, bytes) or len(st.digest) != 32):
        raise _bad("Nội dung mã QR thiếu hoặc sai trường.",
                   "The QR content has missing or wrong fields.")
    return st


@dataclass(frozen=True)
class Issuer:
    node_id: str
    name: str
    is_self: bool


def issuer_key(session: Session, node_id: str) -> tuple[Issuer, bytes, bytes] | None:
    """The signing key the trust store holds for ``node_id`` (this office or a trusted
    peer), with its minisign key id; ``None`` when the office is not trusted here."""
    from ..models import Node
    from .sync_trust import trusted_peer

    node = session.get(Node, node_id)
    if node is None:
        return None
    if node.is_self:
        from .key_slots import public_keys

        try:  # the public half only: checking a paper needs no unlocked key
            keys = public_keys(node_id)
        except Exception:  # no key folder: this office cannot vouch for itself
            return None
        return Issuer(node.id, node.name, True), keys.sign_public, keys.sign_key_id
    peer = trusted_peer(session, node_id)
    if peer is None:
        return None
    return Issuer(node.id, node.name, False), peer.sign_public, peer.sign_key_id


def check_statement(session: Session, text: str) -> tuple[Statement, Issuer]:
    """The statement in ``text`` and who issued it, or ``InvalidStatement`` saying why not:
    unreadable, signed by an office this one does not trust, or altered after signing."""
    msg, body = _decode(text)
    st = _statement(body)
    found = issuer_key(session, st.node_id)
    if found is None:
        raise _bad(f"Giấy này ghi do đơn vị “{st.node_id}” lập, nhưng đơn vị đó không có trong "
                   "danh sách đơn vị tin cậy ở máy này: không thể xác nhận.",
                   f"This paper names “{st.node_id}” as its issuer, but that office is not "
                   "trusted on this computer: it cannot be confirmed.")
    issuer, public, key_id = found
    if msg.phdr.get(KID) != key_id:
        raise _bad(f"Mã QR được ký bằng một khoá khác với khoá đã tin cậy của “{issuer.name}”.",
                   f"The QR code was signed with a key other than the trusted key of "
                   f"“{issuer.name}”.")
    if msg.phdr.get(Algorithm) is not EdDSA and msg.phdr.get(Algorithm) != EdDSA.identifier:
        raise _bad("Mã QR dùng thuật toán ký không được chấp nhận.",
                   "The QR code uses a signature algorithm that is not accepted.")
    msg.key = OKPKey(crv=Ed25519, x=public)
    try:
        good = msg.verify_signature()
    except Exception:  # a mangled signature field is as bad as a wrong one
        good = False
    if not good:
        raise _bad("Chữ ký số không khớp: nội dung mã QR đã bị sửa sau khi in, hoặc không phải "
                   f"do “{issuer.name}” ký.",
                   "The signature does not match: the QR content was altered after printing, "
                   f"or was not signed by “{issuer.name}”.")
    return st, issuer
