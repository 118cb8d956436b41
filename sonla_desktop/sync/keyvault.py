"""The node's private keys encrypted at rest, with one key slot per account (issue 14, item 5).

Like LUKS: each private key is encrypted with a random *data key*, and each account has a
*slot* holding those data keys wrapped with a key derived from the account's password. Any
account's password opens its slot; changing one password rewrites one slot; removing a slot
locks that account out of the keys without touching the others. Nothing here is home-made:
XChaCha20-Poly1305 (libsodium, through PyNaCl) encrypts, argon2id (argon2-cffi's
``hash_secret_raw``) derives the slot keys.

``vault.json`` in the node's key folder (beside the public ``node.json``)::

    {"format": "sonla-key-vault/1", "node_id": ..., "sign_key_id": hex,
     "secrets": {"sign": {"nonce", "ciphertext"},     # the Ed25519 seed
                 "open": {"nonce", "ciphertext"}},    # the age identity (decrypts bundles)
     "slots": {"<account>": {"uses": ["open", "sign"], "kdf": {...argon2id...},
                             "nonce", "wrapped"}}}

Two data keys, not one, so that a role that only prints sealed papers (``sign``) holds no
way to decrypt the office's bundles and backups (``open``): ``domain.roles.key_uses``. Each
ciphertext is bound (associated data) to the node id, and each slot to its account name and
uses, so a secret or a slot moved to another node or another name does not open.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import json
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

import pyrage
from argon2.low_level import Type, hash_secret_raw
from nacl.bindings import (
    crypto_aead_xchacha20poly1305_ietf_decrypt,
    crypto_aead_xchacha20poly1305_ietf_encrypt,
)
from nacl.exceptions import CryptoError
from nacl.signing import SigningKey
from nacl.utils import random as random_bytes

from sonla_desktop.errors import SyncError
from sonla_desktop.sync.keys import (
    AGE_KEY_FILE,
    KEY_ID_BYTES,
    NODE_FILE,
    SIGNING_KEY_FILE,
    NodeKeys,
    canonical_recipient,
    write_private,
)

VAULT_FILE = "vault.json"
_FORMAT = "sonla-key-vault/1"
USES = ("open", "sign")
_NONCE = 24
_KEY = 32
# argon2id at argon2-cffi's defaults for passwords (RFC 9106 low-memory profile), the same
# cost as the account's password hash: a copied key folder is as slow to guess as the database.
KDF = {"alg": "argon2id", "time_cost": 3, "memory_cost": 65536, "parallelism": 4}
# A slot's stored parameters are bounded so a tampered file cannot ask for 1 TB of memory.
_MAX_MEMORY = 1 << 20
_MAX_TIME = 20


@dataclass(frozen=True)
class Unlocked:
    """What a slot opened: the data keys (to write other slots) and the keys they decrypt."""

    node_id: str
    data_keys: dict[str, bytes] = field(repr=False)
    keys: NodeKeys = field(repr=False)  # age_identity "" when "open" is not held

    @property
    def uses(self) -> tuple[str, ...]:
        return tuple(sorted(self.data_keys))


def _err(vi: str, en: str) -> SyncError:
    return SyncError(vi, en)


def _damaged(path: Path, en: str, vi: str) -> SyncError:
    return _err(f"Tệp khoá {path} bị hỏng hoặc không đúng định dạng: {vi}.",
                f"The key file {path} is damaged or not in the expected format: {en}.")


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _unb64(value: object, path: Path) -> bytes:
    try:
        return base64.b64decode(str(value), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise _damaged(path, "a field is not base64", "một trường không phải base64") from exc


def _aad(*parts: str) -> bytes:
    return "\x00".join((_FORMAT, *parts)).encode("utf-8")


def _seal(key: bytes, plain: bytes, aad: bytes) -> dict[str, str]:
    nonce = random_bytes(_NONCE)
    return {"nonce": _b64(nonce),
            "ciphertext": _b64(crypto_aead_xchacha20poly1305_ietf_encrypt(plain, aad, nonce, key))}


def _open(key: bytes, box: dict, aad: bytes, path: Path) -> bytes | None:
    if not isinstance(box, dict):
        raise _damaged(path, "a sealed field is not an object", "trường mã hoá sai kiểu")
    nonce, data = _unb64(box.get("nonce"), path), _unb64(box.get("ciphertext"), path)
    if len(nonce) != _NONCE:
        raise _damaged(path, "a nonce has the wrong length", "số dùng một lần sai độ dài")
    try:
        return crypto_aead_xchacha20poly1305_ietf_decrypt(data, aad, nonce, key)
    except CryptoError:
        return None


def _slot_key(password: str, salt: bytes, kdf: dict, path: Path) -> bytes:
    try:
        t, m, p = int(kdf["time_cost"]), int(kdf["memory_cost"]), int(kdf["parallelism"])
    except (KeyError, TypeError, ValueError) as exc:
        raise _damaged(path, "slot parameters missing", "thiếu tham số ô khoá") from exc
    if kdf.get("alg") != "argon2id" or not (1 <= t <= _MAX_TIME and 8 * p <= m <= _MAX_MEMORY
                                             and 1 <= p <= 16) or len(salt) < 16:
        raise _damaged(path, "slot parameters out of range", "tham số ô khoá không hợp lệ")
    return hash_secret_raw(password.encode("utf-8"), salt, time_cost=t, memory_cost=m,
                           parallelism=p, hash_len=_KEY, type=Type.ID)


def vault_path(folder: Path) -> Path:
    return Path(folder) / VAULT_FILE


def has_vault(folder: Path) -> bool:
    return vault_path(folder).exists()


def has_plain_keys(folder: Path) -> bool:
    folder = Path(folder)
    return (folder / SIGNING_KEY_FILE).exists() or (folder / AGE_KEY_FILE).exists()


def read(folder: Path) -> dict:
    path = vault_path(folder)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise _err(f"Không tìm thấy tệp khoá {path}.", f"The key file {path} was not found."
                   ) from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _damaged(path, "not valid JSON", "không phải JSON hợp lệ") from exc
    if not isinstance(data, dict) or data.get("format") != _FORMAT \
            or not isinstance(data.get("slots"), dict) or not isinstance(data.get("secrets"), dict):
        raise _damaged(path, "unknown format", "định dạng không được hỗ trợ")
    return data


def _write(folder: Path, data: dict) -> None:
    write_private(vault_path(folder), json.dumps(data, indent=2, sort_keys=True) + "\n")


def _slot(data: dict, name: str, password: str, data_keys: dict[str, bytes]) -> dict:
    uses = sorted(data_keys)
    salt = random_bytes(16)
    kdf = dict(KDF, salt=_b64(salt))
    key = _slot_key(password, salt, kdf, Path(VAULT_FILE))
    inner = json.dumps({u: _b64(data_keys[u]) for u in uses}).encode("ascii")
    return {"uses": uses, "kdf": kdf,
            **_seal(key, inner, _aad(data["node_id"], "slot", name, ",".join(uses)))}


def create(folder: Path, keys: NodeKeys, name: str, password: str) -> Unlocked:
    """Encrypt ``keys`` into a new vault with one slot (``name``, both uses); returns it open.

    The caller removes the plain files afterwards (``shred_plain``), once this has been
    written and read back."""
    data_keys = {u: random_bytes(_KEY) for u in USES}
    data = {"format": _FORMAT, "node_id": keys.node_id, "sign_key_id": keys.sign_key_id.hex(),
            "secrets": {
                "sign": _seal(data_keys["sign"], keys.sign_secret, _aad(keys.node_id, "sign")),
                "open": _seal(data_keys["open"], keys.age_identity.encode("ascii"),
                              _aad(keys.node_id, "open"))},
            "slots": {}}
    data["slots"][name] = _slot(data, name, password, data_keys)
    _write(folder, data)
    return Unlocked(keys.node_id, data_keys, keys)


def unlock(folder: Path, name: str, password: str, public: NodeKeys) -> Unlocked | None:
    """The keys ``name``'s slot opens with ``password``; None when there is no such slot or
    the password does not open it. ``public`` holds the public halves (``node.json``),
    which every opened secret is checked against."""
    path = vault_path(folder)
    data = read(folder)
    slot = data["slots"].get(name)
    if not isinstance(slot, dict) or data.get("node_id") != public.node_id:
        return None
    uses = slot.get("uses")
    if not isinstance(uses, list) or not set(uses) <= set(USES):
        raise _damaged(path, "a slot names unknown keys", "ô khoá ghi khoá không biết")
    kdf = slot.get("kdf") if isinstance(slot.get("kdf"), dict) else {}
    key = _slot_key(password, _unb64(kdf.get("salt"), path), kdf, path)
    inner = _open(key, slot, _aad(public.node_id, "slot", name, ",".join(sorted(uses))), path)
    if inner is None:
        return None
    try:
        data_keys = {u: base64.b64decode(v, validate=True) for u, v in json.loads(inner).items()}
    except (ValueError, AttributeError, binascii.Error) as exc:
        raise _damaged(path, "a slot's content", "nội dung ô khoá") from exc
    return Unlocked(public.node_id, data_keys, _decrypt(data, data_keys, public, path))


def _decrypt(data: dict, data_keys: dict[str, bytes], public: NodeKeys, path: Path) -> NodeKeys:
    keys = replace(public, sign_secret=b"", age_identity="")
    if "sign" in data_keys:
        seed = _open(data_keys["sign"], data["secrets"].get("sign"),
                     _aad(public.node_id, "sign"), path)
        if seed is None or len(seed) != 32 or bytes(SigningKey(seed).verify_key) != \
                public.sign_public or data.get("sign_key_id") != public.sign_key_id.hex():
            raise _damaged(path, "the signing key does not match node.json",
                           "khoá ký không khớp với node.json")
        keys = replace(keys, sign_secret=seed)
    if "open" in data_keys:
        secret = _open(data_keys["open"], data["secrets"].get("open"),
                       _aad(public.node_id, "open"), path)
        try:
            identity = pyrage.x25519.Identity.from_str((secret or b"").decode("ascii"))
        except (pyrage.IdentityError, ValueError) as exc:
            raise _damaged(path, "the age key cannot be read", "không đọc được khoá age") from exc
        if canonical_recipient(str(identity.to_public())) != public.age_recipient:
            raise _damaged(path, "the age key does not match node.json",
                           "khoá age không khớp với node.json")
        keys = replace(keys, age_identity=str(identity))
    return keys


def set_slot(folder: Path, name: str, password: str, data_keys: dict[str, bytes]) -> None:
    """Write (or rewrite) ``name``'s slot: the given data keys wrapped with ``password``."""
    data = read(folder)
    data["slots"][name] = _slot(data, name, password, data_keys)
    _write(folder, data)


def slot_names(folder: Path) -> list[str]:
    return sorted(read(folder)["slots"]) if has_vault(folder) else []


def remove_slot(folder: Path, name: str) -> bool:
    """Remove ``name``'s slot; False when it had none. The last slot that opens a key is
    never removed: without it nobody could open that key again, and peers trust it."""
    data = read(folder)
    if name not in data["slots"]:
        return False
    others = [s for n, s in data["slots"].items() if n != name and isinstance(s, dict)]
    if any(not any(u in (s.get("uses") or ()) for s in others)
           for u in data["slots"][name].get("uses") or ()):
        raise _err(f"Không thể xoá ô khoá cuối cùng (của “{name}”): nếu xoá, không ai mở được "
                   "khoá của văn phòng nữa. Hãy tạo hoặc đặt lại mật khẩu cho một quản trị "
                   "viên khác trước.",
                   f"The last key slot (“{name}”'s) cannot be removed: nobody could open the "
                   "office's keys again. Create another administrator, or reset another "
                   "administrator's password, first.")
    del data["slots"][name]
    _write(folder, data)
    return True


def read_public(folder: Path) -> NodeKeys:
    """The public halves from ``node.json`` (no secret: ``sign_secret`` and ``age_identity``
    are empty)."""
    from sonla_desktop.sync.keys import _b64_field, _check_node_id, _hex_field, _read_json

    path = Path(folder) / NODE_FILE
    node = _read_json(path)
    return NodeKeys(node_id=_check_node_id(node.get("node_id", "")), sign_secret=b"",
                    sign_public=_b64_field(node, "sign_public", 32, path),
                    sign_key_id=_hex_field(node, "sign_key_id", KEY_ID_BYTES, path),
                    age_identity="",
                    age_recipient=canonical_recipient(str(node.get("age_recipient", ""))))


def shred_plain(folder: Path) -> None:
    """Overwrite the plain key files with random bytes, flush, and delete them.

    Best effort: on an SSD or a journalling file system the old blocks may survive the
    overwrite (wear levelling, copy-on-write); full-disk encryption covers that."""
    for name in (SIGNING_KEY_FILE, AGE_KEY_FILE):
        path = Path(folder) / name
        with contextlib.suppress(FileNotFoundError):
            size = path.stat().st_size
            with path.open("r+b") as fh:
                fh.write(os.urandom(size))
                fh.flush()
                os.fsync(fh.fileno())
            path.unlink()
