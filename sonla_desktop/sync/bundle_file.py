"""The ``.sldsync`` file: a stored ZIP with a signed manifest and an age-encrypted payload.

Members, exactly these three:

* ``manifest.json``        canonical JSON (sorted keys, no spaces, UTF-8), no personal data;
* ``manifest.json.minisig`` minisign signature of ``manifest.json`` by the sender;
* ``payload.age``          gzip of NDJSON records, age-encrypted to the recipients and to
  the sender itself.

The manifest carries the SHA-256 and size of ``payload.age``, so one signature covers the
whole bundle while the payload can be checked without any private key. Anyone can check a
bundle by hand with the standard tools::

    minisign -Vm manifest.json -p sender.pub
    sonla-desktop keys age-identity | age -d -i - payload.age | gunzip

Reading is defensive: the ZIP's central directory is parsed by ``zipfile``, then each member's
bytes are read directly from the file at the offsets checked here. That way the signature
and the payload hash, not the ZIP's CRC, decide whether content was altered, and a user gets
the sentence that names what is wrong.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import re
import struct
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import pyrage

from sonla_desktop.domain.text import group_digits
from sonla_desktop.errors import SyncError
from sonla_desktop.sync import minisign
from sonla_desktop.sync.keys import (
    NODE_ID_RE,
    NodeKeys,
    PeerPublic,
)

FORMAT = "sonla-sync/1"
MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "manifest.json.minisig"
PAYLOAD_NAME = "payload.age"
MEMBER_NAMES = (MANIFEST_NAME, SIGNATURE_NAME, PAYLOAD_NAME)

MAX_MANIFEST_SIZE = 1 << 20  # 1 MiB
MAX_SIGNATURE_SIZE = 4 << 10  # 4 KiB
MAX_PAYLOAD_SIZE = 2 << 30  # 2 GiB
# Decompressed NDJSON: records compress about 5-10x; a cap stops a gzip bomb from filling
# memory or disk long before it matters for real data (100k people is a few hundred MiB).
MAX_RECORDS_SIZE = 4 << 30
MAX_RECORD_LINE = 16 << 20

_FILLED_FIELDS = ("format", "payload_sha256", "payload_size")
RESERVED_FIELDS = (*_FILLED_FIELDS, "bundle_sha256")
_CHUNK = 1 << 20
_LOCAL_HEADER = struct.Struct("<4sHHHHHIIIHH")
_LOCAL_MAGIC = b"PK\x03\x04"
_HEX64 = re.compile(r"[0-9a-f]{64}")
_UNSAFE_NAME = re.compile(r"[/\\:\x00]|\.\.")


# One encoder for every record: json.dumps would build a new one per call (100k records).
_CANONICAL = json.JSONEncoder(
    sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
)


def canonical_json(obj: Any) -> bytes:
    """The one byte sequence for ``obj`` that is signed: sorted keys, no spaces, UTF-8."""
    return _CANONICAL.encode(obj).encode("utf-8")


def file_sha256(path: Path) -> str:
    """Hex SHA-256 of a whole file, read in chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def trusted_comment_for(manifest: dict) -> str:
    """The minisign trusted comment of a bundle; ``minisign -V`` prints it."""
    return f"sonla-sync bundle {manifest['sender']} seq {manifest['sequence']}"


# --- reading --------------------------------------------------------------------------------


def _refuse(vi: str, en: str) -> SyncError:
    return SyncError(vi, en)


def _not_a_bundle(path: Path) -> SyncError:
    return _refuse(
        f"Tệp {path.name} không phải là tệp đồng bộ (.sldsync): nó không phải tệp ZIP.",
        f"The file {path.name} is not a sync file (.sldsync): it is not a ZIP file.",
    )


def _truncated(path: Path) -> SyncError:
    return _refuse(
        f"Tệp đồng bộ {path.name} bị cắt cụt hoặc hỏng (có thể chưa chép xong ra USB). "
        "Hãy chép lại tệp từ máy gửi.",
        f"The sync file {path.name} is truncated or damaged (perhaps not fully copied to "
        "the USB stick). Copy it again from the sending computer.",
    )


def _listed(items: Iterable[str], limit: int = 5) -> str:
    # A crafted file may hold thousands of names; a message names the first few.
    items = list(items)
    more = f", … (+{len(items) - limit})" if len(items) > limit else ""
    return ", ".join(items[:limit]) + more


@dataclass(frozen=True)
class _Member:
    offset: int  # first byte of the member's data in the file
    size: int


def _inspect(path: Path, fh: BinaryIO, max_payload: int) -> dict[str, _Member]:
    """Check the ZIP's structure; return where each member's bytes are."""
    file_size = os.fstat(fh.fileno()).st_size
    fh.seek(0)
    if fh.read(4) != _LOCAL_MAGIC:
        raise _not_a_bundle(path)
    fh.seek(0)
    try:
        with zipfile.ZipFile(fh) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, OSError) as exc:
        raise _truncated(path) from exc

    names = [info.orig_filename for info in infos]
    unsafe = _listed(repr(n) for n in names if _UNSAFE_NAME.search(n) or n.startswith("."))
    if unsafe:
        raise _refuse(
            "Tệp đồng bộ chứa tên tệp nguy hiểm (có dấu phân cách thư mục hoặc “..”): "
            f"{unsafe}. Không mở tệp này.",
            "The sync file holds dangerous member names (with folder separators or “..”): "
            f"{unsafe}. The file was not opened.",
        )
    duplicates = _listed(sorted(n for n, count in Counter(names).items() if count > 1))
    if duplicates:
        raise _refuse(
            f"Tệp đồng bộ chứa tên trùng lặp: {duplicates}.",
            f"The sync file holds duplicate member names: {duplicates}.",
        )
    extra = _listed(sorted(set(names) - set(MEMBER_NAMES)))
    missing = _listed(n for n in MEMBER_NAMES if n not in names)
    if extra or missing:
        raise _refuse(
            "Tệp đồng bộ phải chứa đúng ba phần manifest.json, manifest.json.minisig và "
            f"payload.age (thừa: {extra or 'không'}; thiếu: {missing or 'không'}).",
            "A sync file must hold exactly manifest.json, manifest.json.minisig and "
            f"payload.age (extra: {extra or 'none'}; missing: {missing or 'none'}).",
        )

    limits = {
        MANIFEST_NAME: MAX_MANIFEST_SIZE,
        SIGNATURE_NAME: MAX_SIGNATURE_SIZE,
        PAYLOAD_NAME: max_payload,
    }
    members: dict[str, _Member] = {}
    for info in infos:
        name = info.orig_filename
        if info.compress_type != zipfile.ZIP_STORED or info.flag_bits & 0x1:
            raise _refuse(
                f"Phần {name} trong tệp đồng bộ bị nén hoặc mã hoá kiểu ZIP; tệp đồng bộ hợp "
                "lệ chỉ lưu nguyên (stored). Không mở tệp này.",
                f"The member {name} of the sync file is ZIP-compressed or ZIP-encrypted; a "
                "valid sync file only stores its members. The file was not opened.",
            )
        if info.file_size > limits[name] or info.compress_size > limits[name]:
            raise _refuse(
                f"Phần {name} trong tệp đồng bộ quá lớn ({group_digits(info.file_size)} "
                f"byte, giới hạn {group_digits(limits[name])} byte).",
                f"The member {name} of the sync file is too large ({info.file_size} bytes, "
                f"limit {limits[name]} bytes).",
            )
        if info.file_size != info.compress_size:
            raise _truncated(path)
        fh.seek(info.header_offset)
        header = fh.read(_LOCAL_HEADER.size)
        if len(header) != _LOCAL_HEADER.size:
            raise _truncated(path)
        magic, _, flags, method, *_, name_len, extra_len = _LOCAL_HEADER.unpack(header)
        local_name = fh.read(name_len)
        if magic != _LOCAL_MAGIC or local_name != name.encode("utf-8") or method != 0:
            raise _truncated(path)
        if flags & 0x1:
            raise _truncated(path)
        offset = info.header_offset + _LOCAL_HEADER.size + name_len + extra_len
        if offset + info.compress_size > file_size:
            raise _truncated(path)
        members[name] = _Member(offset, info.compress_size)

    spans = sorted((m.offset, m.offset + m.size) for m in members.values())
    if any(end > nxt for (_, end), (nxt, _) in zip(spans, spans[1:], strict=False)):
        raise _truncated(path)  # overlapping members: a crafted file, never one of ours
    return members


def _read_member(fh: BinaryIO, member: _Member) -> bytes:
    fh.seek(member.offset)
    return fh.read(member.size)


def _bad_manifest(vi_detail: str, en_detail: str) -> SyncError:
    return _refuse(
        f"Bản kê khai (manifest.json) của tệp đồng bộ không hợp lệ: {vi_detail}.",
        f"The sync file's manifest (manifest.json) is invalid: {en_detail}.",
    )


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict:
    result: dict = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"duplicate key {key!r}")
        result[key] = value
    return result


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _parse_manifest(raw: bytes) -> dict:
    try:
        manifest = json.loads(
            raw.decode("utf-8"),
            object_pairs_hook=_no_duplicate_keys,
            parse_constant=_reject_constant,
        )
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise _bad_manifest("không phải JSON hợp lệ", "not valid JSON") from exc
    if not isinstance(manifest, dict):
        raise _bad_manifest("không phải một đối tượng JSON", "not a JSON object")
    fmt = manifest.get("format")
    if fmt != FORMAT:
        raise _refuse(
            f"Tệp đồng bộ có định dạng {fmt!r}; chương trình này chỉ đọc được {FORMAT}. "
            "Nếu tệp do phiên bản mới hơn tạo ra, hãy cập nhật chương trình.",
            f"The sync file has format {fmt!r}; this program only reads {FORMAT}. "
            "If a newer version made the file, update this program.",
        )
    sender = manifest.get("sender")
    if not isinstance(sender, str) or not NODE_ID_RE.fullmatch(sender):
        raise _bad_manifest("thiếu hoặc sai mã đơn vị gửi (sender)", "sender missing or invalid")
    for key in ("sequence", "payload_size"):
        value = manifest.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise _bad_manifest(f"thiếu hoặc sai trường {key}", f"{key} missing or invalid")
    digest = manifest.get("payload_sha256")
    if not isinstance(digest, str) or not _HEX64.fullmatch(digest):
        raise _bad_manifest("thiếu hoặc sai trường payload_sha256", "payload_sha256 invalid")
    return manifest


def read_manifest(path: Path, max_size: int = MAX_PAYLOAD_SIZE) -> tuple[dict, str, bytes]:
    """Open a bundle defensively; return (manifest, signature text, manifest bytes).

    Nothing is verified yet: the manifest is only parsed. ``max_size`` caps ``payload.age``.
    """
    path = Path(path)
    try:
        with open(path, "rb") as fh:
            members = _inspect(path, fh, max_size)
            raw_manifest = _read_member(fh, members[MANIFEST_NAME])
            raw_signature = _read_member(fh, members[SIGNATURE_NAME])
    except FileNotFoundError as exc:
        raise _refuse(f"Không tìm thấy tệp {path}.", f"The file {path} was not found.") from exc
    try:
        signature = raw_signature.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _refuse(
            "Tệp chữ ký (manifest.json.minisig) không phải văn bản: tệp đã bị sửa hoặc hỏng.",
            "The signature (manifest.json.minisig) is not text: the file was altered or damaged.",
        ) from exc
    return _parse_manifest(raw_manifest), signature, raw_manifest


def _payload_mismatch() -> SyncError:
    return _refuse(
        "Phần dữ liệu trong tệp không khớp với chữ ký của đơn vị gửi: tệp đã bị sửa, bị hỏng "
        "hoặc bị ghép từ hai tệp đồng bộ khác nhau. Không nhập tệp này.",
        "The data in the file does not match the sender's signature: the file was "
        "altered, damaged, or put together from two different sync files. It was not "
        "imported.",
    )


def _changed_while_reading(path: Path) -> SyncError:
    return _refuse(
        f"Tệp {path.name} thay đổi trong khi đang được kiểm tra; hãy thử lại.",
        f"The file {path.name} changed while it was being checked; try again.",
    )


def verify_bundle(
    path: Path,
    trusted: Callable[[str], PeerPublic | None],
    *,
    max_size: int = MAX_PAYLOAD_SIZE,
) -> dict:
    """Check a bundle's signature against the trust store and its payload hash.

    ``trusted(node_id)`` returns the trusted peer's public keys or ``None``. No private key
    is needed. Returns the manifest plus ``bundle_sha256`` (SHA-256 of the whole file).
    """
    path = Path(path)
    manifest, signature, raw_manifest = read_manifest(path, max_size)
    sender = manifest["sender"]
    peer = trusted(sender)
    if peer is None or peer.node_id != sender:
        raise _refuse(
            f"Tệp đồng bộ được ký bởi một đơn vị chưa được tin cậy: {sender}. Hãy nhận và "
            "xác nhận tệp khoá công khai của đơn vị đó trước (so sánh dấu vân tay).",
            f"The sync file is signed by a unit that is not trusted: {sender}. Receive and "
            "confirm that unit's public key file first (compare the fingerprint).",
        )
    comment = minisign.verify(raw_manifest, signature, peer.sign_public, peer.sign_key_id)
    if comment != trusted_comment_for(manifest):
        raise _refuse(
            "Chữ ký thuộc về một tệp đồng bộ khác (ghi chú tin cậy không khớp bản kê khai).",
            "The signature belongs to another sync file (its trusted comment does not match "
            "the manifest).",
        )

    # One pass over the file hashes the payload and the whole file, and re-reads the small
    # members so that what was verified above is what the hash belongs to.
    whole = hashlib.sha256()
    payload = hashlib.sha256()
    with open(path, "rb") as fh:
        members = _inspect(path, fh, max_size)
        p = members[PAYLOAD_NAME]
        m = members[MANIFEST_NAME]
        s = members[SIGNATURE_NAME]
        fh.seek(0)
        position = 0
        captured = bytearray()
        sig_captured = bytearray()
        while chunk := fh.read(_CHUNK):
            whole.update(chunk)
            end = position + len(chunk)
            for member, sink in (
                (p, payload.update),
                (m, captured.extend),
                (s, sig_captured.extend),
            ):
                lo, hi = max(position, member.offset), min(end, member.offset + member.size)
                if lo < hi:
                    sink(chunk[lo - position : hi - position])
            position = end
    if bytes(captured) != raw_manifest or bytes(sig_captured) != signature.encode("utf-8"):
        raise _changed_while_reading(path)
    if p.size != manifest["payload_size"] or payload.hexdigest() != manifest["payload_sha256"]:
        raise _payload_mismatch()
    return {**manifest, "bundle_sha256": whole.hexdigest()}


class _MemberReader:
    """A read-only stream over one member's bytes, hashing what is read."""

    def __init__(self, fh: BinaryIO, member: _Member) -> None:
        self.fh = fh
        self.remaining = member.size
        self.sha256 = hashlib.sha256()
        fh.seek(member.offset)

    def read(self, size: int = -1) -> bytes:
        if size is None or size < 0 or size > self.remaining:
            size = self.remaining
        data = self.fh.read(size)
        self.remaining -= len(data)
        self.sha256.update(data)
        return data

    def drain(self) -> None:
        while self.remaining and self.read(_CHUNK):
            pass


def _records_error(vi: str, en: str) -> SyncError:
    return _refuse(
        f"Dữ liệu trong tệp đồng bộ bị lỗi: {vi}.",
        f"The data in the sync file is faulty: {en}.",
    )


def read_records(
    path: Path,
    manifest: dict,
    identity: NodeKeys,
    *,
    max_decompressed: int = MAX_RECORDS_SIZE,
    max_size: int = MAX_PAYLOAD_SIZE,
) -> Iterator[dict]:
    """Decrypt the payload with our age identity and yield its records one by one.

    Call after ``verify_bundle``; the payload hash is checked again here, before any record
    is yielded, in case the file changed in between.
    """
    path = Path(path)
    try:
        age_identity = pyrage.x25519.Identity.from_str(identity.age_identity)
    except (pyrage.IdentityError, ValueError) as exc:
        raise _refuse(
            "Khoá giải mã của đơn vị này bị hỏng.", "This unit's decryption key is damaged."
        ) from exc
    compressed = io.BytesIO()
    with open(path, "rb") as fh:
        members = _inspect(path, fh, max_size)
        if members[PAYLOAD_NAME].size != manifest["payload_size"]:
            raise _payload_mismatch()
        reader = _MemberReader(fh, members[PAYLOAD_NAME])
        try:
            pyrage.decrypt_io(reader, compressed, [age_identity])
            failure = None
        except (pyrage.DecryptError, OSError) as exc:
            # pyrage reports a bad header as DecryptError and a bad body chunk as OSError.
            failure = exc
        reader.drain()
    if reader.sha256.hexdigest() != manifest["payload_sha256"]:
        raise _payload_mismatch()
    if failure is not None:
        if "no matching keys" in str(failure).lower():
            raise _refuse(
                "Tệp này không gửi cho đơn vị này (dữ liệu được mã hoá cho đơn vị khác), nên "
                "không giải mã được.",
                "This file was not sent to this unit (its data is encrypted for another "
                "unit), so it cannot be decrypted.",
            ) from failure
        raise _records_error(
            "không giải mã được phần dữ liệu", "the data part could not be decrypted"
        ) from failure
    compressed.seek(0)
    yield from _ndjson_records(compressed, max_decompressed)


def _ndjson_records(compressed: BinaryIO, max_decompressed: int) -> Iterator[dict]:
    total = 0
    line_number = 0
    pending = bytearray()
    with gzip.GzipFile(fileobj=compressed, mode="rb") as gz:
        while True:
            try:
                # read(n) returns at most n decompressed bytes: memory stays bounded even
                # for a gzip bomb, and the total is capped below.
                chunk = gz.read(_CHUNK)
            except (OSError, EOFError, zlib.error) as exc:
                raise _records_error("không giải nén được", "it could not be decompressed") from exc
            if not chunk:
                break
            total += len(chunk)
            if total > max_decompressed:
                raise _records_error(
                    f"dữ liệu giải nén vượt quá giới hạn {max_decompressed} byte",
                    f"the decompressed data exceeds the limit of {max_decompressed} bytes",
                )
            pending += chunk
            start = 0
            while (newline := pending.find(b"\n", start)) >= 0:
                line_number += 1
                yield _parse_line(bytes(pending[start:newline]), line_number)
                start = newline + 1
            del pending[:start]
            if len(pending) > MAX_RECORD_LINE:
                raise _records_error(
                    f"dòng {line_number + 1} quá dài", f"line {line_number + 1} is too long"
                )
    if pending:
        yield _parse_line(bytes(pending), line_number + 1)


def _parse_line(raw: bytes, number: int) -> dict:
    try:
        value = json.loads(raw.decode("utf-8"), parse_constant=_reject_constant)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise _records_error(
            f"dòng {number} không phải JSON hợp lệ", f"line {number} is not valid JSON"
        ) from exc
    if not isinstance(value, dict):
        raise _records_error(
            f"dòng {number} không phải một bản ghi (đối tượng JSON)",
            f"line {number} is not a record (JSON object)",
        )
    return value
