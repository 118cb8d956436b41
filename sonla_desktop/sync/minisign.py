"""Signatures in minisign's ``.minisig`` format, made and checked with PyNaCl's Ed25519.

The format (from jedisct1/minisign, src/minisign.c), four lines:

    untrusted comment: <free text, not signed>
    base64( sig_alg(2) || key_id(8) || Ed25519(message) )
    trusted comment: <text>
    base64( Ed25519( signature(64) || trusted comment bytes ) )

``sig_alg`` is ``ED`` for the default pre-hashed mode, where the signed message is
BLAKE2b-512 of the data, or ``Ed`` for the legacy mode, where it is the data itself. We always
sign ``ED`` (what ``minisign -S`` does) and accept both on verify (what ``minisign -V`` does).
Only the key pair is ours; Ed25519 and BLAKE2b come from PyNaCl and hashlib.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import unicodedata

from nacl.exceptions import BadSignatureError
from nacl.signing import SigningKey, VerifyKey

from sonla_desktop.errors import SyncError
from sonla_desktop.sync.keys import KEY_ID_BYTES, NodeKeys, key_id_hex

ALG_PREHASHED = b"ED"
ALG_LEGACY = b"Ed"
UNTRUSTED_PREFIX = "untrusted comment: "
TRUSTED_PREFIX = "trusted comment: "
DEFAULT_UNTRUSTED_COMMENT = "signature from sonla-desktop secret key"

# minisign 0.11 reads comment lines into 1024-byte (untrusted) and 8192-byte (trusted)
# buffers, prefix and newline included; staying well under keeps every version happy.
MAX_TRUSTED_COMMENT_BYTES = 4096
MAX_UNTRUSTED_COMMENT_BYTES = 1000
MAX_SIGNATURE_FILE_CHARS = 16_384

_SIG_BYTES = 64
_SIG_LINE_BYTES = 2 + KEY_ID_BYTES + _SIG_BYTES


def _check_comment(text: str, limit: int, what: str) -> bytes:
    if any(unicodedata.category(c) == "Cc" for c in text):
        raise ValueError(f"the {what} must be one line without control characters")
    raw = text.encode("utf-8")
    if len(raw) > limit:
        raise ValueError(f"the {what} is longer than {limit} bytes")
    return raw


def _prehash(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=64).digest()


def sign(
    data: bytes,
    keys: NodeKeys,
    trusted_comment: str,
    *,
    untrusted_comment: str = DEFAULT_UNTRUSTED_COMMENT,
) -> str:
    """The text of a ``.minisig`` file for ``data``, verifiable with ``minisign -V``."""
    tc = _check_comment(trusted_comment, MAX_TRUSTED_COMMENT_BYTES, "trusted comment")
    _check_comment(untrusted_comment, MAX_UNTRUSTED_COMMENT_BYTES, "untrusted comment")
    if len(keys.sign_key_id) != KEY_ID_BYTES:
        raise ValueError("a minisign key id is 8 bytes")
    signing = SigningKey(keys.sign_secret)
    signature = signing.sign(_prehash(bytes(data))).signature
    global_signature = signing.sign(signature + tc).signature
    sig_line = base64.b64encode(ALG_PREHASHED + keys.sign_key_id + signature).decode("ascii")
    return (
        f"{UNTRUSTED_PREFIX}{untrusted_comment}\n"
        f"{sig_line}\n"
        f"{TRUSTED_PREFIX}{trusted_comment}\n"
        f"{base64.b64encode(global_signature).decode('ascii')}\n"
    )


def _malformed(vi_detail: str, en_detail: str) -> SyncError:
    return SyncError(
        f"Tệp chữ ký không đúng định dạng minisign: {vi_detail}.",
        f"The signature file is not in minisign format: {en_detail}.",
    )


def _b64(line: str, size: int, vi_what: str, en_what: str) -> bytes:
    try:
        raw = base64.b64decode(line.strip(), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise _malformed(f"{vi_what} không phải base64", f"{en_what} is not base64") from exc
    if len(raw) != size:
        raise _malformed(f"{vi_what} sai độ dài", f"{en_what} has the wrong length")
    return raw


def verify(data: bytes, minisig_text: str, sign_public: bytes, key_id: bytes) -> str:
    """Check a ``.minisig`` signature of ``data``; return its trusted comment.

    Raises ``SyncError`` with a distinct sentence for a malformed file, a signature made by
    another key, a signature that does not match the data, and a trusted comment that was
    altered after signing.
    """
    if not isinstance(minisig_text, str) or len(minisig_text) > MAX_SIGNATURE_FILE_CHARS:
        raise _malformed("tệp quá lớn hoặc không phải văn bản", "too large or not text")
    lines = [ln[:-1] if ln.endswith("\r") else ln for ln in minisig_text.split("\n")]
    while lines and lines[-1] == "":
        lines.pop()
    if len(lines) != 4:
        raise _malformed("cần đúng 4 dòng", "exactly 4 lines are expected")
    if not lines[0].startswith(UNTRUSTED_PREFIX):
        raise _malformed(
            f"dòng 1 phải bắt đầu bằng “{UNTRUSTED_PREFIX.strip()}”",
            f"line 1 must start with “{UNTRUSTED_PREFIX.strip()}”",
        )
    if not lines[2].startswith(TRUSTED_PREFIX):
        raise _malformed(
            f"dòng 3 phải bắt đầu bằng “{TRUSTED_PREFIX.strip()}”",
            f"line 3 must start with “{TRUSTED_PREFIX.strip()}”",
        )
    sig_blob = _b64(lines[1], _SIG_LINE_BYTES, "chữ ký (dòng 2)", "the signature (line 2)")
    global_signature = _b64(lines[3], _SIG_BYTES, "chữ ký ghi chú (dòng 4)", "line 4")
    trusted_comment = lines[2][len(TRUSTED_PREFIX) :]
    alg, sig_key_id, signature = sig_blob[:2], sig_blob[2:10], sig_blob[10:]
    if alg == ALG_PREHASHED:
        message = _prehash(bytes(data))
    elif alg == ALG_LEGACY:
        message = bytes(data)
    else:
        raise _malformed("thuật toán ký không được hỗ trợ", "unsupported signature algorithm")

    if not hmac.compare_digest(sig_key_id, bytes(key_id)):
        raise SyncError(
            "Tệp được ký bởi một khoá khác với khoá đã tin cậy của đơn vị gửi "
            f"(mã khoá trong chữ ký {key_id_hex(sig_key_id)}, mã khoá đã tin cậy "
            f"{key_id_hex(bytes(key_id))}). Không nhập tệp này.",
            "The file was signed with a different key than the sender's trusted key "
            f"(key id {key_id_hex(sig_key_id)} in the signature, trusted key id "
            f"{key_id_hex(bytes(key_id))}). The file was not imported.",
        )
    verify_key = VerifyKey(bytes(sign_public))
    try:
        verify_key.verify(message, signature)
    except BadSignatureError as exc:
        raise SyncError(
            "Chữ ký không khớp với nội dung: tệp đã bị sửa hoặc bị hỏng sau khi ký.",
            "The signature does not match the content: the file was altered or damaged "
            "after it was signed.",
        ) from exc
    try:
        verify_key.verify(signature + trusted_comment.encode("utf-8"), global_signature)
    except BadSignatureError as exc:
        raise SyncError(
            "Chữ ký của dòng ghi chú tin cậy (trusted comment) không hợp lệ: tệp chữ ký đã "
            "bị sửa hoặc bị hỏng.",
            "The signature of the trusted comment is invalid: the signature file was altered "
            "or damaged.",
        ) from exc
    return trusted_comment
