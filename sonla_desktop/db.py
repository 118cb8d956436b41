"""Engine, SQLite pragmas, sessions, Alembic migrations and backup.

One ``Database`` per file or URL. Every service function opens exactly one
transaction through ``Database.transaction()``.
"""

from __future__ import annotations

import functools
import os
import re
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from . import paths
from .errors import DamagedDatabaseError, MissingDatabaseError, SchemaTooNewError, UserError

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker

# Alembic (with Mako and friends) takes about a second to import on an old office PC. It is
# only needed to migrate, so it is imported lazily; opening an up-to-date database at
# start-up reads the revision with plain SQL and compares it with _fast_head().
# SQLAlchemy itself (~0.6 s) is imported when the engine is first used, not when a Database
# is made: the GUI shows its first page with plain sqlite3 meanwhile (services/quick_start.py).

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

T = TypeVar("T")

# PostgreSQL's "try again" errors: serialization_failure and deadlock_detected. Both mean the
# server rolled the whole transaction back and running it again from the start is safe.
RETRY_SQLSTATES = frozenset({"40001", "40P01"})
RETRY_ATTEMPTS = 6


# The hub's clerks write one at a time, as on SQLite, which the sync code was written
# against (sequence checks, version comparisons, acks all read-then-write). A table lock
# taken as the FIRST statement (it takes no snapshot) queues writers; reads never wait.
# SHARE ROW EXCLUSIVE conflicts with itself and with row writes to ``setting`` (the HLC
# clock every write stamps), so nobody writes the clock out of turn either.
WRITER_LOCK = "LOCK TABLE setting IN SHARE ROW EXCLUSIVE MODE"


def is_retryable(exc: BaseException) -> bool:
    """True when ``exc`` is a PostgreSQL serialization failure or deadlock (whole tx undone)."""
    orig = getattr(exc, "orig", None)
    code = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    return code in RETRY_SQLSTATES


def retrying(work: Callable[[], T], attempts: int = RETRY_ATTEMPTS,
             pause: float = 0.05) -> T:
    """Run ``work`` (one whole transaction) again when PostgreSQL refused it as conflicting.

    ``work`` must be safe to repeat: database writes only, inside its own transaction. Side
    effects outside the database (files written, messages shown) belong after it returns.
    The pause grows and is jittered so that two clerks who collided do not collide again.
    """
    import random

    for attempt in range(1, attempts + 1):
        try:
            return work()
        except Exception as exc:
            if attempt == attempts or not is_retryable(exc):
                raise
            time.sleep(pause * attempt * (1 + random.random()))
    raise AssertionError("unreachable")


def resolve_url(path_or_url: str | os.PathLike | None = None) -> str:
    """``--db`` value, else ``SONLA_DB``, else the default file in the user's data folder."""
    value = path_or_url if path_or_url not in (None, "") else os.environ.get("SONLA_DB")
    if not value:
        value = paths.default_db_path()
    text = str(value)
    if "://" in text:
        return text
    return "sqlite:///" + str(Path(text).expanduser().resolve())


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    # busy_timeout first: the GUI's worker thread and a CLI may touch the file at once.
    cur.execute("PRAGMA busy_timeout = 5000")
    # Before anything is written: a new file gets 8 KiB pages (a file that exists keeps its
    # own). A 10,000-worker import is ~3 % faster than with the default 4 KiB (bench/).
    cur.execute("PRAGMA page_size = 8192")
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA synchronous = NORMAL")
    cur.close()


def _alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


_REVISION = re.compile(r"^revision\s*(?::[^=]*)?=\s*['\"]([^'\"]+)['\"]", re.M)
_DOWN = re.compile(r"^down_revision\s*(?::[^=]*)?=\s*(.+)$", re.M)


@functools.cache
def _fast_head() -> str | None:
    """The head revision read from the migration files' text, or None if unsure.

    Only a shortcut for the common case (database already at head); anything unusual
    (several heads, a file this regex does not understand) returns None and the caller
    asks Alembic itself. tests check it agrees with Alembic's head.
    """
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        rev, down = _REVISION.search(source), _DOWN.search(source)
        if rev is None or down is None:
            if path.name != "__init__.py":
                return None
            continue
        revisions.add(rev.group(1))
        parents.update(re.findall(r"['\"]([^'\"]+)['\"]", down.group(1)))
    heads = revisions - parents
    return next(iter(heads)) if len(heads) == 1 else None


class Database:
    def __init__(self, path_or_url: str | os.PathLike | None = None) -> None:
        self.url = resolve_url(path_or_url)
        self.is_sqlite = self.url.startswith("sqlite")
        if self.is_sqlite:
            db_file = self.url.removeprefix("sqlite:///")
            if db_file and db_file != ":memory:":
                Path(db_file).parent.mkdir(parents=True, exist_ok=True)
        self._engine: Engine | None = None
        self._sessionmaker: sessionmaker | None = None
        self._engine_lock = threading.Lock()

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine, made on first use (from whichever thread asks first)."""
        if self._engine is None:
            with self._engine_lock:
                if self._engine is None:
                    from sqlalchemy import create_engine, event
                    from sqlalchemy.orm import sessionmaker

                    # hide_parameters: a failed statement's message (and so any traceback
                    # or log line) never carries the names, CCCDs and phones bound to it.
                    engine = create_engine(self.url, future=True, hide_parameters=True)
                    if self.is_sqlite:
                        event.listen(engine, "connect", _sqlite_pragmas)
                    self._sessionmaker = sessionmaker(engine, expire_on_commit=False)
                    self._engine = engine
        return self._engine

    @property
    def _sessions(self) -> sessionmaker:
        if self._sessionmaker is None:
            self.engine  # noqa: B018 - makes the engine and its sessionmaker
        return self._sessionmaker

    @property
    def path(self) -> Path | None:
        return Path(self.url.removeprefix("sqlite:///")) if self.is_sqlite else None

    def session(self) -> Session:
        return self._sessions()

    @contextmanager
    def transaction(self, isolation: str | None = None,
                    writer: bool = False) -> Iterator[Session]:
        """One unit of work: commit on success, roll back everything on any error.

        PostgreSQL only (SQLite has one writer at a time by design, and is serializable):
        ``isolation`` sets the level (e.g. "REPEATABLE READ"); ``writer`` waits for this
        database's writer turn first (``WRITER_LOCK``), before any read takes a snapshot.
        The database file refusing the write (locked by another program, read-only, disk
        full) is a ``UserError`` with a message, never a traceback.
        """
        try:
            with self._sessions() as session, session.begin():
                if not self.is_sqlite:
                    if isolation:
                        session.connection(execution_options={"isolation_level": isolation})
                    if writer:
                        from sqlalchemy import text

                        # Bounded: a program that left a write transaction open must not
                        # freeze every other clerk for ever (then this one fails, and says so).
                        session.execute(text("SET LOCAL lock_timeout = '5min'"))
                        session.execute(text(WRITER_LOCK))
                yield session
        except Exception as exc:
            problem = storage_error(exc, self.path)
            if problem is None:
                raise
            raise problem from exc

    # -- schema -----------------------------------------------------------------
    def current_revision(self) -> str | None:
        from sqlalchemy import inspect, text

        with self.engine.connect() as conn:
            if not inspect(conn).has_table("alembic_version"):
                return None
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
        if len(rows) > 1:  # branches: let Alembic say what that means
            from alembic.runtime.migration import MigrationContext

            with self.engine.connect() as conn:
                return MigrationContext.configure(conn).get_current_revision()
        return rows[0] if rows else None

    def check_schema(self) -> str:
        """Return 'current', 'old' or 'empty'; refuse a database from a newer program."""
        current = self.current_revision()
        if current is None:
            return "empty"
        if current == _fast_head():
            return "current"
        from alembic.script import ScriptDirectory

        script = ScriptDirectory.from_config(_alembic_config())
        known = {rev.revision for rev in script.walk_revisions()}
        if current not in known:
            raise SchemaTooNewError(
                f"Cơ sở dữ liệu được tạo bởi phiên bản chương trình mới hơn (lược đồ {current}). "
                "Hãy cài phiên bản sonla-desktop mới nhất để mở tệp này.",
                f"The database was written by a newer version of the program (schema {current}). "
                "Install the latest sonla-desktop to open it.",
            )
        return "current" if current == script.get_current_head() else "old"

    def upgrade(self) -> None:
        """Apply migrations up to head (an old database is upgraded in place)."""
        if self.check_schema() == "current":
            return
        from alembic import command

        cfg = _alembic_config()
        with self.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")

    # -- backup -----------------------------------------------------------------
    def backup(self, target: Path) -> None:
        """A consistent copy of a live SQLite database (WAL included) via SQLite's backup API."""
        if not self.is_sqlite:
            raise UserError(
                "Sao lưu chỉ áp dụng cho tệp SQLite; với PostgreSQL hãy dùng pg_dump.",
                "Backup applies to SQLite files; use pg_dump for PostgreSQL.",
            )
        target = Path(target)
        tmp = target.with_name(target.name + ".part")
        tmp.unlink(missing_ok=True)
        raw = self.engine.raw_connection()
        try:
            dest = sqlite3.connect(tmp)
            try:
                raw.driver_connection.backup(dest)
            finally:
                dest.close()
        finally:
            raw.close()
        os.replace(tmp, target)

    def dispose(self) -> None:
        if self._engine is not None:
            self._engine.dispose()


def storage_error(exc: BaseException, path: Path | None = None) -> UserError | None:
    """The message for a database that cannot be written, or None for any other error.

    SQLite words these conditions in its own English; they are recognised here and told
    in the clerk's words (``UserError(vi, en)``)."""
    from sqlalchemy.exc import DatabaseError, OperationalError

    if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError):
        return damaged_database(path) if _is_damage(str(exc)) else None
    if not isinstance(exc, DatabaseError):
        return None
    text = str(exc.orig).lower() if exc.orig is not None else ""
    if not isinstance(exc, OperationalError):
        return damaged_database(path) if _is_damage(text) else None
    name = path.name if path is not None else "cơ sở dữ liệu"
    if "unable to open" in text and path is not None and _read_only_folder(path.parent):
        # WAL mode needs its -wal and -shm files beside the database: on a read-only
        # drive even reading fails with SQLite's "unable to open database file".
        text = "readonly"
    if "locked" in text or "busy" in text:
        return UserError(
            f"Cơ sở dữ liệu {name} đang bị một chương trình khác (hoặc một cửa sổ khác của "
            "chương trình này) khoá. Hãy đóng chương trình đó rồi thử lại; chưa có gì được ghi.",
            f"The database {name} is locked by another program (or another window of this "
            "one). Close it and try again; nothing was written.")
    if "readonly" in text or "read-only" in text:
        return UserError(
            f"Tệp cơ sở dữ liệu {name} hoặc ổ đĩa chứa nó chỉ cho phép đọc: không ghi được. "
            "Hãy chép tệp sang ổ khác hoặc bỏ thuộc tính chỉ đọc.",
            f"The database file {name} or its drive is read-only: nothing can be written. "
            "Copy it to another drive or clear the read-only attribute.")
    if "full" in text or "disk i/o" in text:
        return UserError(
            f"Ổ đĩa chứa cơ sở dữ liệu {name} đầy hoặc bị lỗi: chưa có gì được ghi. Hãy "
            "giải phóng chỗ trống rồi thử lại.",
            f"The drive holding the database {name} is full or failing; nothing was "
            "written. Free some space and try again.")
    if "unable to open" in text:
        return UserError(
            f"Không mở được tệp cơ sở dữ liệu {name} (thư mục không tồn tại hoặc không có "
            "quyền truy cập).",
            f"Cannot open the database file {name} (missing folder or no access).")
    return None


# SQLite's words for a file that is not a database or whose pages are broken.
_DAMAGE_WORDS = ("file is not a database", "malformed", "file is encrypted", "not a database")


def _is_damage(text: str) -> bool:
    return any(word in text.lower() for word in _DAMAGE_WORDS)


def damaged_database(path: Path | None) -> DamagedDatabaseError:
    """What is wrong with a file that is not a (healthy) database, and what to do."""
    where = str(path) if path is not None else "cơ sở dữ liệu"
    return DamagedDatabaseError(
        f"Tệp {where} không phải là cơ sở dữ liệu của chương trình, hoặc đã bị hỏng. "
        "Chưa có gì được ghi vào tệp. Hãy chọn đúng tệp dữ liệu, hoặc khôi phục từ bản sao "
        f"lưu gần nhất: sonla-desktop --db {where} restore TỆP_SAO_LƯU (tệp cũ được giữ lại "
        "bên cạnh).",
        f"The file {where} is not a database of this program, or it is damaged. Nothing was "
        "written to it. Choose the right data file, or restore the latest backup: "
        f"sonla-desktop --db {where} restore BACKUP_FILE (the old file is kept beside it).")


def missing_database(path: Path) -> MissingDatabaseError:
    return MissingDatabaseError(
        f"Không có tệp cơ sở dữ liệu {path}. Hãy kiểm tra lại đường dẫn --db; để tạo cơ sở "
        "dữ liệu mới, chạy “sonla-desktop --db TỆP init”. Chưa có gì được tạo.",
        f"There is no database file {path}. Check the --db path; to create a new database "
        "run “sonla-desktop --db FILE init”. Nothing was created.")


def _read_only_folder(folder: Path) -> bool:
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY) or not os.access(folder, os.W_OK)
    except (OSError, AttributeError):  # no statvfs on Windows
        return not os.access(folder, os.W_OK)


def open_database(path_or_url: str | os.PathLike | None = None, upgrade: bool = True,
                  must_exist: bool = False) -> Database:
    """``must_exist``: a SQLite file that is not there is refused (``MissingDatabaseError``)
    before anything, not even its folder, is created."""
    if must_exist:
        url = resolve_url(path_or_url)
        if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
            file = Path(url.removeprefix("sqlite:///"))
            if not file.is_file():
                raise missing_database(file)
    db = Database(path_or_url)
    try:
        if upgrade:
            db.upgrade()
        else:
            db.check_schema()
    except Exception as exc:
        problem = storage_error(exc, db.path)
        if problem is None:
            raise
        db.dispose()
        raise problem from exc
    return db
