from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import func, select, text

from sonla_desktop.db import Database, head_revision, open_database, resolve_url
from sonla_desktop.errors import SchemaTooNewError
from sonla_desktop.models import AdminUnit, EthnicGroup, Market, PolicyRate
from sonla_desktop.services.setup import initialise


def test_every_connection_gets_the_pragmas(db):
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 1  # NORMAL
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 5000


def test_foreign_keys_are_enforced(db):
    with pytest.raises(Exception, match="FOREIGN KEY"), db.engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO worker (id, origin, version, deleted, created_at, updated_at, full_name,"
            " sex, phone, commune_code, village, household, education, occupation, agency, status,"
            " source, notes, search_text, sort_key) VALUES ('x','','',0,'2025-01-01','2025-01-01',"
            "'A','M','','99999','','none','','','','registered','office','','','')"))


def test_url_resolution(tmp_path, monkeypatch):
    assert resolve_url(tmp_path / "a.db") == f"sqlite:///{tmp_path / 'a.db'}"
    assert resolve_url("postgresql://u@h/db") == "postgresql://u@h/db"
    monkeypatch.setenv("SONLA_DB", str(tmp_path / "env.db"))
    assert resolve_url(None).endswith("env.db")
    monkeypatch.delenv("SONLA_DB")
    monkeypatch.setenv("SONLA_DATA_DIR", str(tmp_path / "data"))
    assert resolve_url(None) == f"sqlite:///{tmp_path / 'data' / 'sonla.db'}"


def test_init_seeds_reference_data_and_is_idempotent(db):
    def counts():
        with db.session() as s:
            return tuple(s.scalar(select(func.count()).select_from(m))
                         for m in (AdminUnit, EthnicGroup, Market, PolicyRate))

    assert counts() == (75, 54, 25, 12)
    first = initialise(db)
    assert counts() == (75, 54, 25, 12)
    assert first.created is False and first.scope == ["03670"]
    with db.session() as s:
        assert s.scalar(select(EthnicGroup.name).where(EthnicGroup.code == "08")) == "Mông"
        assert s.scalar(select(EthnicGroup.name).where(EthnicGroup.code == "29")) == "Khơ Mú"
        assert s.scalar(select(EthnicGroup.name).where(EthnicGroup.code == "34")) == "Xinh Mun"
        assert s.scalar(select(AdminUnit.full_name).where(AdminUnit.code == "03670")) == \
            "Phường Chiềng Cơi"


def test_reference_ids_are_the_same_on_every_node(tmp_path):
    a, b = open_database(tmp_path / "a.db"), open_database(tmp_path / "b.db")
    initialise(a)
    initialise(b)
    with a.session() as sa_, b.session() as sb:
        ids_a = set(sa_.scalars(select(AdminUnit.id)))
        ids_b = set(sb.scalars(select(AdminUnit.id)))
    assert ids_a == ids_b and len(ids_a) == 75


def test_an_old_database_is_upgraded_in_place(tmp_path):
    path = tmp_path / "old.db"
    sqlite3.connect(path).close()  # an empty file is the oldest schema there is
    db = Database(path)
    assert db.check_schema() == "empty"
    db.upgrade()
    assert db.current_revision() == head_revision()
    assert db.check_schema() == "current"


def test_a_newer_schema_refuses_to_open(db_path, db):
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    db.dispose()
    with pytest.raises(SchemaTooNewError, match="phiên bản chương trình mới hơn"):
        open_database(db_path)


def test_backup_is_a_consistent_copy(db, tmp_path, ctx):
    from sonla_desktop.services.workers import create_worker

    create_worker(ctx, {"full_name": "Lò Văn Ơn", "sex": "M", "commune_code": "03670"})
    target = tmp_path / "copy.db"
    db.backup(target)
    copy = sqlite3.connect(target)
    assert copy.execute("SELECT full_name FROM worker").fetchall() == [("Lò Văn Ơn",)]
