"""This node's keys and the trust store (the ``node`` table): show, export, trust a peer.

Trust is given once per peer, by a person who compared the fingerprint with the other office
over the phone. The fingerprint covers only the keys, so the confirmation also shows the
peer's node id, name and scope; the scope confirmed here is what that peer may write.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.text import clean_text
from ..errors import NotFoundError, SyncError, UserError
from ..models import AdminUnit, Node, utcnow
from ..sync.keys import (
    NodeKeys,
    PeerPublic,
    export_public,
    fingerprint,
    key_id_hex,
    load_keys,
    parse_public,
)
from ..sync.scope import HUB_SCOPE_TEXT
from . import key_slots
from .context import ServiceContext
from .setup import node_keys_dir

MAX_PUBLIC_FILE = 16_384


@dataclass(frozen=True)
class NodeInfo:
    node_id: str
    name: str
    scope: list[str]  # commune codes, or ["hub"]
    is_hub: bool
    fingerprint: str
    key_id: str
    keys_dir: Path


@dataclass(frozen=True)
class PeerInfo:
    node_id: str
    name: str
    scope: list[str]
    is_hub: bool
    fingerprint: str
    trusted_at: datetime | None

    def as_json(self) -> dict:
        return {"node_id": self.node_id, "name": self.name, "scope": self.scope,
                "is_hub": self.is_hub, "fingerprint": self.fingerprint,
                "trusted_at": self.trusted_at.isoformat() if self.trusted_at else None}


@dataclass(frozen=True)
class TrustPreview:
    """What a person must confirm before a peer is trusted."""

    peer: PeerPublic
    name: str  # the name it will be stored under
    fingerprint: str
    status: str  # new | same | changed_scope | changed_keys
    existing: PeerInfo | None


def scope_list(node: Node) -> list[str]:
    if node.is_hub:
        return [HUB_SCOPE_TEXT]
    return [c for c in (node.scope or "").split(",") if c]


def self_node(session: Session) -> Node:
    node = session.scalar(select(Node).where(Node.is_self.is_(True)))
    if node is None:
        raise UserError(
            "Cơ sở dữ liệu chưa được khởi tạo: chạy “sonla-desktop init” trước.",
            "The database is not initialised: run “sonla-desktop init” first.")
    return node


def node_keys(ctx: ServiceContext, private: bool = True) -> NodeKeys:
    """This node's keys, from its folder in the user data folder: the private halves as far
    as the logged-in account's key slot opened them (``services.key_slots``), or only the
    public halves (``private=False``: the fingerprint, the public-key file)."""
    ctx.require("sync.read")
    folder = node_keys_dir(ctx.node_id)
    if not (folder / "node.json").exists():
        raise SyncError(
            f"Chưa có khoá của đơn vị này (thư mục {folder}). Chạy “sonla-desktop init” để "
            "tạo khoá; nếu đơn vị đã trao khoá cho nơi khác, hãy chép lại thư mục khoá cũ "
            "vào đây thay vì tạo mới.",
            f"This unit has no keys yet (folder {folder}). Run “sonla-desktop init” to "
            "create them; if the unit already gave its key to others, copy the old key "
            "folder back here instead of creating new keys.")
    if private:
        keys = key_slots.keys_for(ctx.node_id, ctx.user, "open", "sign")
    elif key_slots.has_vault(folder):
        keys = key_slots.public_keys(ctx.node_id)
    else:
        keys = load_keys(folder)  # plain files: also checks that the halves belong together
    if keys.node_id != ctx.node_id:
        raise SyncError(
            f"Thư mục khoá {folder} thuộc về đơn vị khác ({keys.node_id}).",
            f"The key folder {folder} belongs to another unit ({keys.node_id}).")
    return keys


def self_info(ctx: ServiceContext) -> NodeInfo:
    ctx.require("status.read")
    keys = node_keys(ctx, private=False)
    with ctx.db.session() as s:
        node = self_node(s)
        return NodeInfo(node.id, node.name, scope_list(node), node.is_hub,
                        fingerprint(keys.sign_public, keys.age_recipient),
                        key_id_hex(keys.sign_key_id), node_keys_dir(node.id))


def public_key_text(ctx: ServiceContext) -> str:
    """The public-key file handed to a peer (minisign public key + our node's details)."""
    ctx.require("sync.read")
    info = self_info(ctx)
    if not info.scope:
        raise UserError(
            "Đơn vị này chưa chọn xã/phường phụ trách: chạy “sonla-desktop init --commune MÃ”.",
            "This unit has no commune yet: run “sonla-desktop init --commune CODE”.")
    return export_public(node_keys(ctx, private=False), info.name, info.scope)


def age_identity_text(ctx: ServiceContext) -> str:
    """The office's age identity in age's key-file format, for an administrator decrypting a
    bundle or backup by hand (``keys age-identity | age -d -i - FILE``): the key files on
    disk are encrypted, so the standard tool gets it on its standard input. Audited."""
    ctx.require("backup.write")
    keys = node_keys(ctx)
    with ctx.transaction() as s:
        ctx.audit(s, "export", "key", ctx.node_id, {"age_identity": (None, "***")})
    return f"# public key: {keys.age_recipient}\n{keys.age_identity}\n"


def export_public_key(ctx: ServiceContext, path: Path) -> Path:
    ctx.require("sync.read")
    path = Path(path)
    text = public_key_text(ctx)
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UserError(f"Không ghi được tệp {path}: {exc.strerror}.",
                        f"Could not write {path}: {exc.strerror}.") from exc
    return path


def read_public_key_file(path: Path) -> str:
    path = Path(path)
    try:
        if path.stat().st_size > MAX_PUBLIC_FILE:
            raise SyncError(f"Tệp {path.name} quá lớn để là tệp khoá công khai.",
                            f"The file {path.name} is too large to be a public key file.")
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise UserError(f"Không tìm thấy tệp {path}.", f"The file {path} was not found.") from exc
    except UnicodeDecodeError as exc:
        raise SyncError(f"Tệp {path.name} không phải tệp khoá công khai (không phải văn bản).",
                        f"The file {path.name} is not a public key file (not text).") from exc


def _peer_info(node: Node) -> PeerInfo:
    peer = parse_public(node.public_key)
    return PeerInfo(node.id, node.name, scope_list(node), node.is_hub,
                    fingerprint(peer.sign_public, peer.age_recipient), node.trusted_at)


def list_peers(ctx: ServiceContext) -> list[PeerInfo]:
    ctx.require("sync.read")
    with ctx.db.session() as s:
        nodes = s.scalars(select(Node).where(Node.is_self.is_(False), Node.trusted_at.is_not(None))
                          .order_by(Node.name, Node.id))
        return [_peer_info(n) for n in nodes]


def trusted_peer(session: Session, node_id: str) -> PeerPublic | None:
    """The trust store look-up used to verify bundles."""
    node = session.get(Node, node_id)
    if node is None or node.is_self or node.trusted_at is None or not node.public_key:
        return None
    peer = parse_public(node.public_key)
    return peer if peer.node_id == node.id else None


def _check_scope_known(session: Session, peer: PeerPublic) -> None:
    if peer.scope == [HUB_SCOPE_TEXT]:
        return
    known = set(session.scalars(select(AdminUnit.code)))
    unknown = [c for c in peer.scope if c not in known]
    if unknown or HUB_SCOPE_TEXT in peer.scope:
        raise SyncError(
            f"Tệp khoá ghi phạm vi không có trong danh mục: {', '.join(unknown) or 'hub'}.",
            f"The key file names a scope that is not in the catalogue: "
            f"{', '.join(unknown) or 'hub'}.")


def preview_trust(ctx: ServiceContext, text: str, name: str | None = None) -> TrustPreview:
    """Parse a public-key file and say what trusting it would change; writes nothing."""
    ctx.require("sync.write")
    peer = parse_public(text)
    with ctx.db.session() as s:
        me = self_node(s)
        if peer.node_id == me.id:
            raise SyncError(
                "Đây là tệp khoá của chính đơn vị này, không phải của đơn vị khác.",
                "This is this unit's own key file, not another unit's.")
        _check_scope_known(s, peer)
        node = s.get(Node, peer.node_id)
        existing = _peer_info(node) if node is not None and node.public_key else None
    status = "new"
    if existing is not None and node.trusted_at is not None:
        old = parse_public(node.public_key)
        if (old.sign_public, old.sign_key_id, old.age_recipient) != (
                peer.sign_public, peer.sign_key_id, peer.age_recipient):
            status = "changed_keys"
        elif existing.scope != peer.scope:
            status = "changed_scope"
        else:
            status = "same"
    typed = clean_text(name) if name else ""
    if len(typed) > 200:
        raise UserError("Tên đơn vị dài quá 200 ký tự.", "The office name is over 200 characters.")
    shown = typed or (existing.name if existing is not None else peer.name)
    return TrustPreview(peer, shown, fingerprint(peer.sign_public, peer.age_recipient),
                        status, existing)


def trust_peer(ctx: ServiceContext, text: str, name: str | None = None,
               replace: bool = False) -> PeerInfo:
    """Store a confirmed peer. Refuses new keys for a known node unless ``replace``."""
    ctx.require("sync.write")
    preview = preview_trust(ctx, text, name)
    if preview.status == "changed_keys" and not replace:
        raise SyncError(
            f"Đơn vị {preview.peer.node_id} ({preview.existing.name}) đã được tin cậy với khoá "
            "khác. Một tệp khoá mới cho cùng đơn vị có thể là giả mạo: chỉ thay khi đã gọi "
            "điện xác nhận đơn vị đó thật sự tạo khoá mới (dùng --replace).",
            f"Unit {preview.peer.node_id} ({preview.existing.name}) is already trusted with "
            "other keys. A new key file for the same unit may be forged: replace it only "
            "after a phone call confirms that unit really made new keys (use --replace).")
    peer = preview.peer
    with ctx.transaction() as s:
        node = s.get(Node, peer.node_id)
        old = None
        if node is None:
            node = Node(id=peer.node_id, name=preview.name)
            s.add(node)
        else:
            old = {"name": node.name, "scope": node.scope, "trusted_at": node.trusted_at}
        node.name = preview.name
        node.is_hub = peer.scope == [HUB_SCOPE_TEXT]
        node.scope = ",".join(peer.scope)
        node.public_key = text
        node.is_self = False
        if preview.status != "same" or node.trusted_at is None:
            node.trusted_at = utcnow()
        s.flush()
        ctx.audit(s, "trust", "node", node.id, {
            "name": (old and old["name"], node.name),
            "scope": (old and old["scope"], node.scope),
            "fingerprint": (None, preview.fingerprint),
        })
        return _peer_info(node)


def forget_peer(ctx: ServiceContext, node_id: str) -> None:
    """Stop trusting a peer: its bundles are refused from now on (history is kept)."""
    ctx.require("sync.write")
    with ctx.transaction() as s:
        node = s.get(Node, node_id)
        if node is None or node.is_self or node.trusted_at is None:
            raise NotFoundError(f"Không có đơn vị tin cậy {node_id}.",
                                f"No trusted unit {node_id}.")
        node.trusted_at = None
        ctx.audit(s, "untrust", "node", node_id, {"trusted": (True, False)})


def find_peer(session: Session, wanted: str | None) -> Node:
    """A trusted peer by node id, unique id prefix or exact name; the only one if None."""
    peers = list(session.scalars(select(Node).where(
        Node.is_self.is_(False), Node.trusted_at.is_not(None)).order_by(Node.name)))
    if not peers:
        raise SyncError(
            "Chưa tin cậy đơn vị nào: hãy nhận tệp khoá công khai của nơi nhận và xác nhận "
            "trước (sonla-desktop keys trust TỆP).",
            "No unit is trusted yet: receive the other unit's public key file and confirm it "
            "first (sonla-desktop keys trust FILE).")
    if not wanted:
        if len(peers) == 1:
            return peers[0]
        names = "; ".join(f"{p.name} ({p.id})" for p in peers)
        raise UserError(f"Có nhiều đơn vị tin cậy, hãy chọn nơi nhận (--to): {names}.",
                        f"Several units are trusted; choose the recipient (--to): {names}.")
    wanted = wanted.strip()
    exact = [p for p in peers if p.id == wanted or p.name.casefold() == wanted.casefold()]
    matches = exact or [p for p in peers if len(wanted) >= 4 and p.id.startswith(wanted)]
    if len(matches) != 1:
        raise NotFoundError(f"Không có đúng một đơn vị tin cậy khớp với “{wanted}”.",
                            f"No single trusted unit matches “{wanted}”.")
    return matches[0]
