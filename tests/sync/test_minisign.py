"""minisign signatures made and checked by our code (the real tool: test_interop_tools)."""

from __future__ import annotations

import base64
import dataclasses
import hashlib

import pytest
from nacl.signing import SigningKey, VerifyKey

from sonla_desktop.errors import SyncError
from sonla_desktop.sync import minisign
from sonla_desktop.sync.keys import generate_keys

DATA = b'{"format":"sonla-sync/1","sender":"hub","sequence":7}'
COMMENT = "sonla-sync bundle hub seq 7 — Sơn La"


def _verify(keys, text, data=DATA):
    return minisign.verify(data, text, keys.sign_public, keys.sign_key_id)


def _refusal(keys, text, data=DATA) -> SyncError:
    with pytest.raises(SyncError) as err:
        _verify(keys, text, data)
    return err.value


def test_round_trip_returns_the_trusted_comment(hub):
    assert _verify(hub, minisign.sign(DATA, hub, COMMENT)) == COMMENT


def test_signature_file_layout_matches_minisign(hub):
    # Checked by hand with PyNaCl, independently of minisign.verify: line 2 is
    # "ED" + key id + Ed25519(BLAKE2b-512(data)), line 4 is Ed25519(sig || trusted comment).
    lines = minisign.sign(DATA, hub, COMMENT).split("\n")
    assert lines[0] == "untrusted comment: " + minisign.DEFAULT_UNTRUSTED_COMMENT
    assert lines[2] == "trusted comment: " + COMMENT
    assert lines[4:] == [""]  # ends with exactly one newline
    blob = base64.b64decode(lines[1])
    assert blob[:2] == b"ED" and blob[2:10] == hub.sign_key_id and len(blob) == 74
    key = VerifyKey(hub.sign_public)
    key.verify(hashlib.blake2b(DATA, digest_size=64).digest(), blob[10:])
    key.verify(blob[10:] + COMMENT.encode(), base64.b64decode(lines[3]))


def test_legacy_non_prehashed_signatures_are_accepted(hub):
    signing = SigningKey(hub.sign_secret)
    sig = signing.sign(DATA).signature
    text = (
        "untrusted comment: legacy\n"
        + base64.b64encode(b"Ed" + hub.sign_key_id + sig).decode()
        + "\ntrusted comment: old\n"
        + base64.b64encode(signing.sign(sig + b"old").signature).decode()
        + "\n"
    )
    assert _verify(hub, text) == "old"
    assert "does not match the content" in _refusal(hub, text, DATA + b" ").en


def test_windows_line_endings_are_accepted(hub):
    text = minisign.sign(DATA, hub, COMMENT).replace("\n", "\r\n")
    assert _verify(hub, text) == COMMENT


def test_changed_data_is_refused(hub):
    err = _refusal(hub, minisign.sign(DATA, hub, COMMENT), DATA.replace(b"7", b"8"))
    assert "does not match the content" in err.en
    assert "đã bị sửa" in err.vi


def test_signature_by_another_key_names_both_key_ids(hub, commune):
    err = _refusal(hub, minisign.sign(DATA, commune, COMMENT))
    assert err.vi.startswith("Tệp được ký bởi một khoá khác")
    assert commune.sign_key_id[::-1].hex().upper() in err.en
    assert hub.sign_key_id[::-1].hex().upper() in err.en


def test_forged_key_id_does_not_help_an_impostor(hub):
    impostor = generate_keys("impostor")
    forged = dataclasses.replace(impostor, sign_key_id=hub.sign_key_id)
    assert "does not match the content" in _refusal(hub, minisign.sign(DATA, forged, COMMENT)).en


def test_altered_trusted_comment_is_refused(hub):
    text = minisign.sign(DATA, hub, "seq 7").replace("seq 7", "seq 9")
    err = _refusal(hub, text)
    assert "trusted comment is invalid" in err.en
    assert "does not match the content" not in err.en


def test_altered_global_signature_is_refused(hub):
    lines = minisign.sign(DATA, hub, COMMENT).split("\n")
    raw = bytearray(base64.b64decode(lines[3]))
    raw[10] ^= 0x01
    lines[3] = base64.b64encode(bytes(raw)).decode()
    assert "trusted comment is invalid" in _refusal(hub, "\n".join(lines)).en


@pytest.mark.parametrize(
    ("mutate", "phrase"),
    [
        (lambda ls: ls[:3], "exactly 4 lines"),
        (lambda ls: [*ls[:4], "extra line", ""], "exactly 4 lines"),
        (lambda ls: ["comment: x", *ls[1:]], "line 1 must start with"),
        (lambda ls: [ls[0], ls[1], "comment: x", *ls[3:]], "line 3 must start with"),
        (lambda ls: [ls[0], "@@@@", *ls[2:]], "is not base64"),
        (lambda ls: [ls[0], base64.b64encode(b"ED" + bytes(20)).decode(), *ls[2:]], "wrong length"),
        (
            lambda ls: [ls[0], base64.b64encode(b"XY" + bytes(72)).decode(), *ls[2:]],
            "unsupported signature algorithm",
        ),
        (lambda ls: [*ls[:3], base64.b64encode(bytes(10)).decode(), ""], "wrong length"),
    ],
)
def test_malformed_signature_file_is_refused(hub, mutate, phrase):
    lines = minisign.sign(DATA, hub, COMMENT).split("\n")
    err = _refusal(hub, "\n".join(mutate(lines)))
    assert phrase in err.en
    assert err.vi.startswith("Tệp chữ ký không đúng định dạng minisign")


def test_oversized_signature_file_is_refused_before_parsing(hub):
    assert "too large" in _refusal(hub, "x" * 100_000).en


@pytest.mark.parametrize("comment", ["two\nlines", "carriage\rreturn", "x" * 5000])
def test_trusted_comment_that_minisign_could_not_read_is_a_programming_error(hub, comment):
    with pytest.raises(ValueError):
        minisign.sign(DATA, hub, comment)
