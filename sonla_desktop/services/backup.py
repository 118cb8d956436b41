"""Encrypted backups of the office's SQLite database, and restoring one.

A backup file (``*.sldbak``) is an age file (X25519, to this node's own age recipient, so
``sonla-desktop keys age-identity | age -d -i - FILE | gunzip > copy.db`` opens it with the
standard tools; the key file is encrypted at rest, ``services.key_slots``)
whose plaintext is a gzip of a consistent copy made with SQLite's online backup API
(``Database.backup``). Without the node's key folder the file reveals nothing; encrypting
needs only the public recipient, so a backup never needs the private key unlocked.

Automatic backups live in ``<user data>/backups`` as ``sonla-<UTC time>-<reason>.sldbak``
and are rotated (``domain.backup_rotation``: 7 daily + 4 weekly). Restoring verifies
everything on a private copy first (decrypts with this node's key, gunzips, ``PRAGMA
integrity_check``, a schema this program knows, this office's node) and only then replaces
the file; the previous file is kept beside it (``<name>.truoc-khoi-phuc-<time>``).
"""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pyrage

from .. import paths
from ..db import Database, resolve_url
from ..domain.backup_rotation import due, keep
from ..errors import UserError
from ..sync.keys import AGE_KEY_FILE, NODE_FILE
from ..temp_files import journal, our_prefix, temp_folder
from .context import ServiceContext

SUFFIX = ".sldbak"
_NAME = re.compile(r"^sonla-(\d{8}-\d{6})-([a-z]+)\.sldbak$")
_CHUNK = 1 << 20


def backups_dir() -> Path:
    path = paths.user_data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    at: datetime  # UTC, from the file name
    reason: str  # daily | close | manual
    size: int


def _err(vi: str, en: str) -> UserError:
    return UserError(vi, en)


def pg_refused() -> UserError:
    return _err("Sao lưu và khôi phục ở đây chỉ dành cho tệp SQLite của một văn phòng. Cơ sở "
                "dữ liệu PostgreSQL của tỉnh được sao lưu bằng pg_dump và khôi phục bằng "
                "pg_restore (xem docs/security.md).",
                "Backup and restore here are for an office's SQLite file. The provincial "
                "PostgreSQL database is backed up with pg_dump and restored with pg_restore "
                "(see docs/security.md).")


def is_postgres(path_or_url: str | None) -> bool:
    """``--db`` names a server database (the hub): backed up with pg_dump, not here."""
    return not resolve_url(path_or_url).startswith("sqlite")


def _self_node_id(db_file: Path) -> str | None:
    """This file's own node id with plain sqlite3 (the file may be damaged or not set up)."""
    if not db_file.exists():
        return None
    try:
        conn = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT id FROM node WHERE is_self").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def _recipient(node_id: str) -> str:
    from .setup import node_keys_dir

    try:
        data = json.loads((node_keys_dir(node_id) / NODE_FILE).read_text(encoding="utf-8"))
        return str(pyrage.x25519.Recipient.from_str(data["age_recipient"]))
    except (OSError, ValueError, KeyError, TypeError, pyrage.RecipientError) as exc:
        raise _err("Không tìm thấy khoá của văn phòng này nên không mã hoá được bản sao lưu "
                   f"({node_keys_dir(node_id)}).",
                   f"This office's key was not found, so the backup cannot be encrypted "
                   f"({node_keys_dir(node_id)}).") from exc


# ------------------------------------------------------------------------------ backing up

def make_backup(ctx: ServiceContext, out: str | os.PathLike | None = None,
                reason: str = "manual", now: datetime | None = None) -> BackupInfo:
    """Write an encrypted backup to ``out`` (default: the backups folder) and audit it."""
    ctx.require("backup.write")
    return _write_backup(ctx, out, reason, now)


def _write_backup(ctx: ServiceContext, out: str | os.PathLike | None, reason: str,
                  now: datetime | None) -> BackupInfo:
    if not ctx.db.is_sqlite:
        raise pg_refused()
    from ..models import utcnow

    now = now or utcnow()
    recipient = pyrage.x25519.Recipient.from_str(_recipient(ctx.node_id))
    target = Path(out) if out else backups_dir() / f"sonla-{now:%Y%m%d-%H%M%S}-{reason}{SUFFIX}"
    target.parent.mkdir(parents=True, exist_ok=True)
    # The plain copy is personal data: in a folder of ours that the next start removes if
    # this process is killed (temp_files), like the encrypted part beside the target.
    with temp_folder(backups_dir(), "backup") as tmp, journal() as record:
        plain, packed = tmp / "copy.db", tmp / "copy.db.gz"
        ctx.db.backup(plain)
        with plain.open("rb") as src, gzip.open(packed, "wb", compresslevel=3) as dst:
            shutil.copyfileobj(src, dst, _CHUNK)
        part = target.with_name(f"{our_prefix()}{target.name}.part")
        record.add(part)
        try:
            pyrage.encrypt_file(str(packed), str(part), [recipient])
            with part.open("rb+") as f:
                os.fsync(f.fileno())
            os.replace(part, target)
        except OSError as exc:
            part.unlink(missing_ok=True)
            raise _err(f"Không ghi được bản sao lưu {target}: {exc.strerror or exc}",
                       f"Could not write the backup {target}: {exc.strerror or exc}") from exc
    from .audit import record

    record(ctx, "backup", "database", ctx.node_id, {"reason": (None, reason)})
    return BackupInfo(target, now, reason, target.stat().st_size)


def list_backups(folder: Path | None = None) -> list[BackupInfo]:
    """The automatic and "make one now" backups in the folder, newest first."""
    folder = folder or backups_dir()
    found = []
    for path in folder.glob(f"sonla-*{SUFFIX}"):
        m = _NAME.match(path.name)
        if m:
            found.append(BackupInfo(path, datetime.strptime(m.group(1), "%Y%m%d-%H%M%S"),
                                    m.group(2), path.stat().st_size))
    return sorted(found, key=lambda b: b.at, reverse=True)


def rotate(folder: Path | None = None) -> list[Path]:
    """Delete the backups rotation does not keep; returns what was deleted."""
    backups = list_backups(folder)
    kept = keep(b.at for b in backups)
    gone = [b.path for b in backups if b.at not in kept]
    for path in gone:
        path.unlink(missing_ok=True)
    return gone


def auto_backup(ctx: ServiceContext, reason: str, now: datetime | None = None
                ) -> BackupInfo | None:
    """At start ("daily": only if the newest is a day old) or on close ("close": always);
    then rotate. Nothing for PostgreSQL or a database not yet set up."""
    ctx.require("backup.auto")
    if not ctx.db.is_sqlite or ctx.node_id == "local":
        return None
    from ..models import utcnow

    now = now or utcnow()
    backups = list_backups()
    if reason == "daily" and not due(backups[0].at if backups else None, now):
        return None
    info = _write_backup(ctx, None, reason, now)
    rotate()
    return info


# ------------------------------------------------------------------------------- restoring

@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    previous: Path | None  # the file as it was before, kept beside it
    notice_vi: str
    notice_en: str


def _refuse(vi: str, en: str) -> UserError:
    return _err("Không khôi phục, cơ sở dữ liệu giữ nguyên. " + vi,
                "Nothing was restored; the database is unchanged. " + en)


def _identities(node_id: str | None, user: str) -> list[tuple[str, object]]:
    """Age identities to try: this node's, or (no usable database) every node's on this PC;
    encrypted keys as far as ``user``'s login opened them (``services.key_slots``)."""
    from . import key_slots
    from .setup import node_keys_dir

    folders = [node_keys_dir(node_id)] if node_id else sorted(paths.keys_dir().iterdir())
    found, locked = [], None
    for folder in folders:
        with contextlib.suppress(OSError, ValueError, StopIteration, pyrage.IdentityError):
            if key_slots.has_vault(folder):
                try:
                    secret = key_slots.keys_for(folder.name, user, "open").age_identity
                except UserError as exc:
                    locked = locked or exc
                    continue
            else:
                lines = (folder / AGE_KEY_FILE).read_text(encoding="utf-8").splitlines()
                secret = next(x for x in lines if x.startswith("AGE-SECRET-KEY-"))
            found.append((folder.name, pyrage.x25519.Identity.from_str(secret)))
    if not found and locked is not None:
        raise _refuse(locked.vi, locked.en)
    return found


def _decrypt(source: Path, node_id: str | None, work: Path, user: str) -> tuple[Path, str]:
    """The backup decrypted and unpacked into ``work``; returns (file, node id of the key)."""
    if not source.is_file():
        raise _refuse(f"Không có tệp {source}.", f"There is no file {source}.")
    identities = _identities(node_id, user)
    if not identities:
        raise _refuse("Không tìm thấy khoá của văn phòng này trên máy.",
                      "This office's key is not on this computer.")
    packed, plain = work / "restore.db.gz", work / "restore.db"
    key_node = None
    for candidate, identity in identities:
        try:
            pyrage.decrypt_file(str(source), str(packed), [identity])
        except (pyrage.DecryptError, ValueError, OSError):
            continue
        key_node = candidate
        break
    if key_node is None:
        raise _refuse("Tệp này không phải bản sao lưu của văn phòng này (không giải mã được "
                      "bằng khoá của văn phòng), hoặc đã bị hỏng.",
                      "This file is not a backup of this office (this office's key cannot "
                      "decrypt it), or it is damaged.")
    try:
        with gzip.open(packed, "rb") as src, plain.open("wb") as dst:
            shutil.copyfileobj(src, dst, _CHUNK)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        raise _refuse("Nội dung bản sao lưu bị hỏng (không giải nén được).",
                      "The backup's content is damaged (it does not unpack).") from exc
    return plain, key_node


def _check_copy(plain: Path, node_id: str) -> None:
    try:
        conn = sqlite3.connect(plain)
        try:
            ok = conn.execute("PRAGMA integrity_check").fetchall()
            self_id = conn.execute("SELECT id FROM node WHERE is_self").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise _refuse("Bản sao lưu không phải một cơ sở dữ liệu dùng được.",
                      "The backup is not a usable database.") from exc
    if ok != [("ok",)]:
        raise _refuse("Bản sao lưu bị hỏng (kiểm tra toàn vẹn không đạt).",
                      "The backup is damaged (its integrity check fails).")
    if self_id is None or self_id[0] != node_id:
        raise _refuse("Bản sao lưu là của một văn phòng khác.",
                      "The backup belongs to another office.")
    copy = Database(plain)
    try:
        state = copy.check_schema()  # SchemaTooNewError names the unknown schema
    finally:
        copy.dispose()
    if state == "empty":
        raise _refuse("Bản sao lưu không có lược đồ của chương trình.",
                      "The backup holds no schema of this program.")


def _set_aside(db_file: Path, stamp: str) -> Path | None:
    """Move the current file (with its WAL after a checkpoint) aside; returns its new name."""
    if not db_file.exists():
        return None
    with contextlib.suppress(sqlite3.Error):
        conn = sqlite3.connect(db_file)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
    previous = db_file.with_name(f"{db_file.name}.truoc-khoi-phuc-{stamp}")
    os.replace(db_file, previous)
    for extra in ("-wal", "-shm"):
        side = db_file.with_name(db_file.name + extra)
        if side.exists():  # never let an old WAL be replayed into the restored file
            os.replace(side, previous.with_name(previous.name + extra))
    return previous


def restore_backup(db: Database | str | os.PathLike | None, source: str | os.PathLike,
                   user: str = "clerk") -> RestoreResult:
    """Verify ``source`` completely, then put it in place of the database file."""
    url = db.url if isinstance(db, Database) else resolve_url(db)
    if not url.startswith("sqlite"):
        raise pg_refused()
    db_file = Path(url.removeprefix("sqlite:///"))
    current = _self_node_id(db_file)
    source = Path(source)
    with temp_folder(db_file.parent, "restore") as tmp:
        plain, key_node = _decrypt(source, current, tmp, user)
        _check_copy(plain, current or key_node)
        if isinstance(db, Database):
            db.dispose()
        from ..models import utcnow

        stamp = f"{utcnow():%Y%m%d-%H%M%S}"
        previous = _set_aside(db_file, stamp)
        os.replace(plain, db_file)
    return _after_restore(Database(db_file) if not isinstance(db, Database) else db,
                          source, previous, user)


def _after_restore(db: Database, source: Path, previous: Path | None,
                   user: str) -> RestoreResult:
    from sqlalchemy import text

    from ..domain.text import group_digits
    from ..sync import generation
    from .erasure_ledger import reapply_erasures, remember_erasures
    from .person_erase import purge_file
    from .setup import node_keys_dir

    db.upgrade()  # a backup made by an older version is brought up to date
    ctx = ServiceContext(db, user=user)
    with ctx.transaction() as s:
        found = generation.mark_restored(s, ctx.node_id, node_keys_dir(ctx.node_id))
        # People erased after the backup was made are erased again, before anyone sees them.
        erased_again = reapply_erasures(ctx, s)
        # The backup API keeps rowids, but the search index is cheap to trust anew.
        s.execute(text("INSERT INTO worker_fts(worker_fts) VALUES('rebuild')"))
        ctx.audit(s, "restore", "database", ctx.node_id, {"from": (None, source.name)})
    if erased_again:
        with ctx.db.session() as s:
            remember_erasures(ctx, s)
        purge_file(db)
    vi = ("Các thay đổi sau lúc sao lưu không còn trong dữ liệu. Nếu văn phòng có trao đổi "
          "tệp đồng bộ: lần xuất tệp tiếp theo sẽ báo việc khôi phục, và đơn vị nhận tệp sẽ tự "
          "gửi lại bản đầy đủ.")
    en = ("Changes made after the backup are not in the data. If this office exchanges sync "
          "files: the next export reports the restore, and the office receiving it sends a "
          "full file back by itself.")
    if erased_again:
        vi += (f"\n\n{group_digits(erased_again)} người đã được xoá thông tin theo yêu cầu sau "
               "lúc sao lưu: thông tin của họ trong bản sao lưu đã được xoá lại.")
        en += (f"\n\n{erased_again:,} people erased on request after the backup was made: "
               "their data from the backup was erased again.")
    if found.how != "backup":  # the state file shows sync files were sent after the backup
        vi, en = f"{vi}\n\n{found.message_vi}", f"{en}\n\n{found.message_en}"
    return RestoreResult(source, previous, vi, en)
