"""Writing a ``.sldsync`` file (the format is described in ``bundle_file``, which reads it).

The records are gzipped in memory, encrypted with age to the recipients and the sender, the
manifest signed with minisign; the file appears under its final name only once complete.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import io
import os
import shutil
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO

import pyrage

from sonla_desktop.errors import SyncError
from sonla_desktop.sync import minisign
from sonla_desktop.sync.bundle_file import (
    FORMAT,
    MANIFEST_NAME,
    MAX_MANIFEST_SIZE,
    MAX_PAYLOAD_SIZE,
    PAYLOAD_NAME,
    RESERVED_FIELDS,
    SIGNATURE_NAME,
    canonical_json,
    file_sha256,
    trusted_comment_for,
)
from sonla_desktop.sync.keys import NodeKeys, canonical_recipient, key_id_hex
from sonla_desktop.temp_files import journal, our_prefix

# zlib level 6: within 1-2 % of level 9's size on these records, in half the time.
_GZIP_LEVEL = 6
_SPOOL_IN_MEMORY = 64 << 20
_CHUNK = 1 << 20


class _HashingWriter:
    """Passes bytes to ``target`` while hashing and counting them."""

    def __init__(self, target: BinaryIO) -> None:
        self.target = target
        self.sha256 = hashlib.sha256()
        self.size = 0

    def write(self, data: bytes) -> int:
        self.sha256.update(data)
        self.size += len(data)
        self.target.write(data)
        return len(data)

    def flush(self) -> None:
        self.target.flush()


def _zip_info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=time.localtime()[:6])
    info.compress_type = zipfile.ZIP_STORED
    info.external_attr = 0o644 << 16
    return info


def _fsync_directory(directory: Path) -> None:
    # Makes the rename itself durable on POSIX; Windows cannot open a directory, and there
    # os.replace is already as durable as the OS allows.
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def write_bundle(
    path: Path,
    manifest: dict,
    records: Iterable[dict],
    sender: NodeKeys,
    recipients: list[str],
    finish_manifest: Callable[[], dict] | None = None,
) -> dict:
    """Write a signed, encrypted bundle to ``path``; return its manifest.

    ``manifest`` holds the caller's fields (``sender``, ``sequence``, previous bundle hash,
    created time, counts, have-vector, recipients' key ids, ...); ``sender`` defaults to
    ``sender.node_id`` and ``sequence`` (an int) is required. This function adds ``format``,
    ``payload_sha256`` and ``payload_size``, signs the result, and returns it plus
    ``bundle_sha256``, the SHA-256 of the finished file (not itself inside the file: it is
    what the next bundle's "previous bundle hash" should name).

    ``recipients`` are age recipients (``age1...``); the sender's own recipient is always
    added so the sender can read back what it sent. The file appears under its final name
    only once complete (written as ``.~sonla-<pid>-<name>.part``, fsynced, then renamed).

    ``finish_manifest``, if given, is called once every record has been consumed; the fields
    it returns join the manifest. That is how counts gathered while streaming the records
    get into the signed manifest without holding all the records in memory first.
    """
    path = Path(path)
    fields = dict(manifest)
    clash = [k for k in RESERVED_FIELDS if k in fields]
    if clash:
        raise ValueError(f"write_bundle fills these manifest fields itself: {clash}")
    fields.setdefault("sender", sender.node_id)
    if fields["sender"] != sender.node_id:
        raise ValueError("manifest['sender'] must be the node that signs the bundle")
    sequence = fields.get("sequence")
    if not isinstance(sequence, int) or isinstance(sequence, bool) or sequence < 0:
        raise ValueError("manifest['sequence'] must be a non-negative int")

    age_recipients: list[pyrage.x25519.Recipient] = []
    seen: set[str] = set()
    for text in [*recipients, sender.age_recipient]:
        canonical = canonical_recipient(text)
        if canonical not in seen:
            seen.add(canonical)
            age_recipients.append(pyrage.x25519.Recipient.from_str(canonical))

    # Only the gzip-compressed records are ever held in memory, never the plain text; the
    # encrypted copy spills to a temporary file (it is ciphertext, harmless on disk).
    compressed = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=compressed, mtime=0,
                       compresslevel=_GZIP_LEVEL) as gz:
        pending: list[bytes] = []
        size = 0
        for number, record in enumerate(records, start=1):
            if not isinstance(record, dict):
                raise TypeError(f"record {number} is not a dict")
            line = canonical_json(record) + b"\n"
            pending.append(line)
            size += len(line)
            if size >= _CHUNK:  # one gzip call per MiB, not per record
                gz.write(b"".join(pending))
                pending.clear()
                size = 0
        gz.write(b"".join(pending))
    compressed.seek(0)
    if finish_manifest is not None:
        late = dict(finish_manifest())
        clash = [k for k in (*RESERVED_FIELDS, "sender", "sequence") if k in late]
        if clash:
            raise ValueError(f"finish_manifest may not set {clash}")
        fields.update(late)

    # Named and journaled as our temporary file: a killed export's is removed at next start.
    part = path.with_name(f"{our_prefix()}{path.name}.part")
    with journal() as record, tempfile.SpooledTemporaryFile(max_size=_SPOOL_IN_MEMORY) as encrypted:
        hashing = _HashingWriter(encrypted)
        pyrage.encrypt_io(compressed, hashing, age_recipients)
        del compressed
        if hashing.size > MAX_PAYLOAD_SIZE:
            raise SyncError(
                "Dữ liệu quá lớn cho một tệp đồng bộ; hãy xuất nhiều lần (xuất gia tăng).",
                "Too much data for one sync file; export in several (incremental) steps.",
            )
        fields["format"] = FORMAT
        fields["payload_sha256"] = hashing.sha256.hexdigest()
        fields["payload_size"] = hashing.size
        manifest_bytes = canonical_json(fields)
        if len(manifest_bytes) > MAX_MANIFEST_SIZE:
            raise ValueError("the manifest is larger than 1 MiB")
        signature = minisign.sign(
            manifest_bytes,
            sender,
            trusted_comment_for(fields),
            untrusted_comment=f"signature from sonla-desktop key {key_id_hex(sender.sign_key_id)}",
        ).encode("utf-8")

        encrypted.seek(0)
        record.add(part)
        try:
            with open(part, "wb") as out:
                with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_STORED) as zf:
                    zf.writestr(_zip_info(MANIFEST_NAME), manifest_bytes)
                    zf.writestr(_zip_info(SIGNATURE_NAME), signature)
                    big = hashing.size > zipfile.ZIP64_LIMIT - (1 << 20)
                    with zf.open(_zip_info(PAYLOAD_NAME), "w", force_zip64=big) as dst:
                        shutil.copyfileobj(encrypted, dst, _CHUNK)
                out.flush()
                os.fsync(out.fileno())
            os.replace(part, path)
        except BaseException:
            with contextlib.suppress(OSError):
                part.unlink()
            raise
    _fsync_directory(path.parent)
    return {**fields, "bundle_sha256": file_sha256(path)}
