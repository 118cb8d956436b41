"""A node's key pairs, its key files, and the public-key file exchanged by USB.

Each installation has two key pairs:

* an Ed25519 signing key (PyNaCl) with an 8-byte minisign key id, so that the standard
  ``minisign -V`` tool can check what we sign;
* an X25519 identity in age format (pyrage), so that the standard ``age -d`` tool can
  decrypt what is sent to us.

Key folder layout (``save_keys`` / ``load_keys``), every file mode 0600 where the OS has
Unix permissions, the folder itself 0700:

* ``node.json``   node id, minisign key id and the public halves;
* ``signing.key`` the Ed25519 seed, base64 in JSON;
* ``age.key``     the age identity in the file format written by ``age-keygen``.

These two plain files are what ``init`` writes and what earlier versions kept. Since issue 14
item 5 they live only until an administrator's first login, which encrypts them into
``vault.json`` with one key slot per account and shreds them (``sync.keyvault``,
``services.key_slots``); ``load_keys`` reads the plain files, ``keyvault.unlock`` the vault.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import json
import os
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pyrage
from nacl.signing import SigningKey
from nacl.utils import random as random_bytes

from sonla_desktop.errors import SyncError
from sonla_desktop.temp_files import journal, our_prefix

NODE_FILE = "node.json"
SIGNING_KEY_FILE = "signing.key"
AGE_KEY_FILE = "age.key"

_NODE_FORMAT = "sonla-node/1"
_SIGNING_FORMAT = "sonla-signing-key/1"

# minisign: public key blob = "Ed" + key id (8) + Ed25519 public key (32).
MINISIGN_ALG = b"Ed"
KEY_ID_BYTES = 8
_PUBKEY_COMMENT_PREFIX = "untrusted comment: minisign public key"

# Node ids end up in trusted comments, file names and JSON: a UUID in practice, but any
# short run of these characters is accepted so tests and tools can use readable ids.
NODE_ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
_SCOPE_RE = re.compile(r"[A-Za-z0-9_-]{1,32}")
_MAX_NAME = 200

# Domain separation: the same two keys hashed for another purpose never give this number.
_FINGERPRINT_CONTEXT = b"sonla-desktop key fingerprint v1\x00"
FINGERPRINT_GROUPS = 6


@dataclass(frozen=True)
class NodeKeys:
    """Everything a node needs to sign, encrypt to itself and decrypt."""

    node_id: str
    sign_secret: bytes = field(repr=False)  # Ed25519 seed, 32 bytes
    sign_public: bytes
    sign_key_id: bytes  # 8 random bytes, the minisign key id
    age_identity: str = field(repr=False)  # "AGE-SECRET-KEY-1..."
    age_recipient: str  # "age1..."


@dataclass
class PeerPublic:
    """A trusted (or about to be trusted) peer, as read from its public-key file."""

    node_id: str
    name: str
    scope: list[str]  # commune codes, or ["hub"]
    sign_public: bytes
    sign_key_id: bytes
    age_recipient: str


def _err(vi: str, en: str) -> SyncError:
    return SyncError(vi, en)


def _check_node_id(node_id: str) -> str:
    if not isinstance(node_id, str) or not NODE_ID_RE.fullmatch(node_id):
        raise _err(
            f"Mã đơn vị (node id) không hợp lệ: {node_id!r}.",
            f"Invalid node id: {node_id!r}.",
        )
    return node_id


def canonical_recipient(recipient: str) -> str:
    """The age recipient in its one canonical spelling; ``SyncError`` if it is not one."""
    try:
        return str(pyrage.x25519.Recipient.from_str(recipient.strip()))
    except (pyrage.RecipientError, ValueError, TypeError) as exc:
        raise _err(
            f"Khoá mã hoá (age) không hợp lệ: {recipient!r}.",
            f"Invalid age encryption key: {recipient!r}.",
        ) from exc


def key_id_hex(key_id: bytes) -> str:
    """The key id as minisign prints it: a little-endian 64-bit number in upper-case hex.

    Zero-padded to 16 digits like minisign 0.12+; minisign 0.11 leaves the padding out.
    """
    return key_id[::-1].hex().upper()


def generate_keys(node_id: str) -> NodeKeys:
    """Create fresh signing and encryption key pairs for this installation."""
    _check_node_id(node_id)
    signing = SigningKey.generate()
    identity = pyrage.x25519.Identity.generate()
    return NodeKeys(
        node_id=node_id,
        sign_secret=bytes(signing),
        sign_public=bytes(signing.verify_key),
        sign_key_id=random_bytes(KEY_ID_BYTES),
        age_identity=str(identity),
        age_recipient=str(identity.to_public()),
    )


def write_private(path: Path, text: str) -> None:
    """Write ``text`` so that the file is never readable by others, even for a moment.

    The temporary file carries our temporary name and is listed in a journal
    (``temp_files``): a process killed before the rename leaves a copy of a key, which the
    next start removes (it used to stay until the same file was written again)."""
    with contextlib.suppress(OSError):
        path.with_name(path.name + ".tmp").unlink()  # older versions' fixed name
    with journal() as record:
        tmp = path.with_name(f"{our_prefix()}{path.name}.tmp")
        record.add(tmp)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        fd = os.open(tmp, flags, 0o600)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(text.encode("utf-8"))
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, 0o600)  # in case the umask or the OS ignored the mode given to open
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise


def save_keys(keys: NodeKeys, directory: Path, *, overwrite: bool = False) -> None:
    """Write the three key files into ``directory`` (created 0700 if missing).

    Refuses to replace existing key files unless ``overwrite``: a node that silently got new
    keys would no longer be trusted by any of its peers.
    """
    _check_node_id(keys.node_id)
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    names = (NODE_FILE, SIGNING_KEY_FILE, AGE_KEY_FILE)
    if not overwrite and any((directory / n).exists() for n in names):
        raise _err(
            f"Thư mục {directory} đã có khoá của một đơn vị; không ghi đè.",
            f"The folder {directory} already holds a node's keys; not overwriting them.",
        )
    node = {
        "format": _NODE_FORMAT,
        "node_id": keys.node_id,
        "sign_key_id": keys.sign_key_id.hex(),
        "sign_public": base64.b64encode(keys.sign_public).decode("ascii"),
        "age_recipient": keys.age_recipient,
    }
    signing = {
        "format": _SIGNING_FORMAT,
        "node_id": keys.node_id,
        "sign_key_id": keys.sign_key_id.hex(),
        "ed25519_seed": base64.b64encode(keys.sign_secret).decode("ascii"),
    }
    created = datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    age_file = f"# created: {created}\n# public key: {keys.age_recipient}\n{keys.age_identity}\n"
    write_private(directory / SIGNING_KEY_FILE, json.dumps(signing, indent=2) + "\n")
    write_private(directory / AGE_KEY_FILE, age_file)
    # node.json last: its presence means the folder is complete.
    write_private(directory / NODE_FILE, json.dumps(node, indent=2) + "\n")


def _broken(path: Path, en_detail: str, vi_detail: str) -> SyncError:
    return _err(
        f"Tệp khoá {path} bị hỏng hoặc không đúng định dạng: {vi_detail}.",
        f"The key file {path} is damaged or not in the expected format: {en_detail}.",
    )


def _read_json(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise _err(
            f"Không tìm thấy tệp khoá {path}.",
            f"The key file {path} was not found.",
        ) from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _broken(path, "not valid JSON", "không phải JSON hợp lệ") from exc
    if not isinstance(data, dict):
        raise _broken(path, "not a JSON object", "không phải một đối tượng JSON")
    return data


def _b64_field(data: dict, key: str, size: int, path: Path) -> bytes:
    try:
        raw = base64.b64decode(str(data[key]), validate=True)
    except (KeyError, binascii.Error, ValueError) as exc:
        raise _broken(path, f"field {key} missing or not base64", f"thiếu trường {key}") from exc
    if len(raw) != size:
        raise _broken(path, f"field {key} has the wrong length", f"trường {key} sai độ dài")
    return raw


def _hex_field(data: dict, key: str, size: int, path: Path) -> bytes:
    try:
        raw = bytes.fromhex(str(data[key]))
    except (KeyError, ValueError) as exc:
        raise _broken(path, f"field {key} missing or not hex", f"thiếu trường {key}") from exc
    if len(raw) != size:
        raise _broken(path, f"field {key} has the wrong length", f"trường {key} sai độ dài")
    return raw


def load_keys(directory: Path) -> NodeKeys:
    """Read back what ``save_keys`` wrote, checking that the halves belong together."""
    directory = Path(directory)
    node_path = directory / NODE_FILE
    sign_path = directory / SIGNING_KEY_FILE
    age_path = directory / AGE_KEY_FILE
    node = _read_json(node_path)
    signing = _read_json(sign_path)
    if node.get("format") != _NODE_FORMAT:
        raise _broken(node_path, "unknown format", "định dạng không được hỗ trợ")
    if signing.get("format") != _SIGNING_FORMAT:
        raise _broken(sign_path, "unknown format", "định dạng không được hỗ trợ")
    node_id = _check_node_id(node.get("node_id", ""))
    key_id = _hex_field(node, "sign_key_id", KEY_ID_BYTES, node_path)
    public = _b64_field(node, "sign_public", 32, node_path)
    seed = _b64_field(signing, "ed25519_seed", 32, sign_path)
    if (
        signing.get("node_id") != node_id
        or _hex_field(signing, "sign_key_id", KEY_ID_BYTES, sign_path) != key_id
    ):
        raise _broken(sign_path, "belongs to another node", "thuộc về một đơn vị khác")
    if bytes(SigningKey(seed).verify_key) != public:
        raise _broken(sign_path, "does not match the public key", "không khớp với khoá công khai")

    try:
        age_text = age_path.read_text(encoding="ascii")
    except FileNotFoundError as exc:
        raise _err(
            f"Không tìm thấy tệp khoá {age_path}.",
            f"The key file {age_path} was not found.",
        ) from exc
    except UnicodeDecodeError as exc:
        raise _broken(age_path, "not text", "không phải văn bản") from exc
    secrets = [ln.strip() for ln in age_text.splitlines() if ln.strip().startswith("AGE-SECRET")]
    if len(secrets) != 1:
        raise _broken(age_path, "expected exactly one age identity", "cần đúng một khoá age")
    try:
        identity = pyrage.x25519.Identity.from_str(secrets[0])
    except (pyrage.IdentityError, ValueError) as exc:
        raise _broken(age_path, "invalid age identity", "khoá age không hợp lệ") from exc
    recipient = str(identity.to_public())
    if canonical_recipient(str(node.get("age_recipient", ""))) != recipient:
        raise _broken(age_path, "does not match node.json", "không khớp với node.json")
    return NodeKeys(
        node_id=node_id,
        sign_secret=seed,
        sign_public=public,
        sign_key_id=key_id,
        age_identity=str(identity),
        age_recipient=recipient,
    )


def fingerprint(sign_public: bytes, age_recipient: str) -> str:
    """A number two people can read to each other over the phone to confirm a key file.

    SHA-256 over a fixed context string, the 32-byte Ed25519 public key and the age
    recipient (ASCII, canonical lower-case bech32). The first 30 bytes of the digest are cut
    into six 5-byte big-endian numbers; each is reduced modulo 100 000 and written as five
    digits, groups separated by one space: ``"01234 56789 01234 56789 01234 56789"``.
    That is about 99 bits, well above the 64 a forged key would need to be worth it, and
    digits are read the same way in Vietnamese and English.
    """
    if len(sign_public) != 32:
        raise ValueError("an Ed25519 public key is 32 bytes")
    recipient = canonical_recipient(age_recipient)
    digest = hashlib.sha256(
        _FINGERPRINT_CONTEXT + bytes(sign_public) + recipient.encode("ascii")
    ).digest()
    groups = (
        int.from_bytes(digest[5 * i : 5 * i + 5], "big") % 100_000
        for i in range(FINGERPRINT_GROUPS)
    )
    return " ".join(f"{g:05d}" for g in groups)


def minisign_public_key_lines(sign_public: bytes, key_id: bytes) -> str:
    """The two lines of a ``minisign.pub`` file, newline-terminated."""
    blob = MINISIGN_ALG + key_id + sign_public
    return (
        f"{_PUBKEY_COMMENT_PREFIX} {key_id_hex(key_id)}\n{base64.b64encode(blob).decode('ascii')}\n"
    )


def _check_name(name: str) -> str:
    name = unicodedata.normalize("NFC", name.strip()) if isinstance(name, str) else ""
    if not name or len(name) > _MAX_NAME or any(unicodedata.category(c)[0] == "C" for c in name):
        raise _err(
            "Tên đơn vị phải có từ 1 đến 200 ký tự, trên một dòng.",
            "The unit name must be 1 to 200 characters on one line.",
        )
    return name


def _check_scope(scope: list[str]) -> list[str]:
    if not scope or not all(isinstance(s, str) and _SCOPE_RE.fullmatch(s) for s in scope):
        raise _err(
            f"Phạm vi đơn vị không hợp lệ: {scope!r} (cần mã xã hoặc “hub”).",
            f"Invalid unit scope: {scope!r} (commune codes or “hub” expected).",
        )
    return list(scope)


def export_public(keys: NodeKeys, name: str, scope: list[str]) -> str:
    """The text of the public-key file handed to a peer on a USB stick.

    Its first two lines are a standard minisign public key, so ``minisign -V -p FILE`` accepts
    the file as it is; the ``sonla-*`` lines after them are for this program.
    """
    name = _check_name(name)
    scope = _check_scope(scope)
    return (
        minisign_public_key_lines(keys.sign_public, keys.sign_key_id)
        + f"sonla-node-id: {_check_node_id(keys.node_id)}\n"
        + f"sonla-name: {name}\n"
        + f"sonla-scope: {','.join(scope)}\n"
        + f"sonla-age-recipient: {keys.age_recipient}\n"
        + f"sonla-fingerprint: {fingerprint(keys.sign_public, keys.age_recipient)}\n"
    )


def _bad_public(vi_detail: str, en_detail: str) -> SyncError:
    return _err(
        f"Tệp khoá công khai không hợp lệ: {vi_detail}.",
        f"Invalid public key file: {en_detail}.",
    )


def parse_minisign_public_key(line: str) -> tuple[bytes, bytes]:
    """Decode the base64 line of a minisign public key into (public key, key id)."""
    try:
        blob = base64.b64decode(line.strip(), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise _bad_public(
            "dòng khoá minisign không phải base64", "the minisign key line is not base64"
        ) from exc
    if len(blob) != 2 + KEY_ID_BYTES + 32:
        raise _bad_public(
            "dòng khoá minisign sai độ dài", "the minisign key line has the wrong length"
        )
    if blob[:2] != MINISIGN_ALG:
        raise _bad_public("thuật toán ký không được hỗ trợ", "unsupported signature algorithm")
    return blob[2 + KEY_ID_BYTES :], blob[2 : 2 + KEY_ID_BYTES]


def parse_public(text: str) -> PeerPublic:
    """Read a file written by ``export_public``; every defect gets its own plain sentence."""
    if not isinstance(text, str) or len(text) > 16_384:
        raise _bad_public("tệp quá lớn hoặc không phải văn bản", "too large or not text")
    lines = [ln.rstrip("\r") for ln in text.lstrip("\ufeff").split("\n")]
    lines = [ln for ln in lines if ln.strip()]
    if len(lines) < 2 or not lines[0].startswith("untrusted comment:"):
        raise _bad_public(
            "thiếu hai dòng khoá minisign ở đầu tệp",
            "the two minisign public key lines are missing at the top",
        )
    sign_public, key_id = parse_minisign_public_key(lines[1])
    fields: dict[str, str] = {}
    for ln in lines[2:]:
        key, sep, value = ln.partition(":")
        key = key.strip()
        if not sep or not key.startswith("sonla-"):
            raise _bad_public(f"dòng không hiểu được: {ln[:60]!r}", f"unreadable line: {ln[:60]!r}")
        if key in fields:
            raise _bad_public(f"trường {key} xuất hiện hai lần", f"field {key} appears twice")
        fields[key] = value.strip()
    # Unknown sonla-* fields are ignored so a newer program's files can still be read.
    for key in ("sonla-node-id", "sonla-name", "sonla-scope", "sonla-age-recipient"):
        if not fields.get(key):
            raise _bad_public(f"thiếu trường {key}", f"field {key} is missing")
    node_id = fields["sonla-node-id"]
    if not NODE_ID_RE.fullmatch(node_id):
        raise _bad_public(f"mã đơn vị {node_id!r} không hợp lệ", f"invalid node id {node_id!r}")
    try:
        recipient = str(pyrage.x25519.Recipient.from_str(fields["sonla-age-recipient"]))
    except (pyrage.RecipientError, ValueError) as exc:
        raise _bad_public("khoá mã hoá age không hợp lệ", "invalid age recipient") from exc
    try:
        name = _check_name(fields["sonla-name"])
        scope = _check_scope([s.strip() for s in fields["sonla-scope"].split(",")])
    except SyncError as exc:
        raise _bad_public(exc.vi.rstrip("."), exc.en.rstrip(".")) from exc
    stated = fields.get("sonla-fingerprint")
    if stated is not None and stated != fingerprint(sign_public, recipient):
        raise _bad_public(
            "dấu vân tay ghi trong tệp không khớp với khoá (tệp bị sửa hoặc hỏng)",
            "the fingerprint written in the file does not match the keys (altered or damaged)",
        )
    return PeerPublic(
        node_id=node_id,
        name=name,
        scope=scope,
        sign_public=sign_public,
        sign_key_id=key_id,
        age_recipient=recipient,
    )


def write_minisign_pub(peer: PeerPublic | NodeKeys, path: Path) -> None:
    """Write just the 2-line minisign public key file, for ``minisign -V -p FILE``."""
    Path(path).write_text(
        minisign_public_key_lines(peer.sign_public, peer.sign_key_id), encoding="ascii"
    )
