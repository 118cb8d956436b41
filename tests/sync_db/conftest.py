"""Fixtures for sync between databases: a hub and two communes that trust each other."""

from __future__ import annotations

import pytest

from tests import pg_backend
from tests.sync_db.sync_helpers import build_templates, open_network


@pytest.fixture(scope="session")
def sync_templates(tmp_path_factory):
    """Built once per session (initialising a node takes about a second).

    On the PostgreSQL pass (``SONLA_TEST_BACKEND=postgres``) the three nodes are databases on
    the server, and each test gets copies made with ``CREATE DATABASE ... TEMPLATE``.
    """
    folder = tmp_path_factory.mktemp("sync-templates")
    data = tmp_path_factory.mktemp("sync-template-userdata")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SONLA_DATA_DIR", str(data))
        if pg_backend.ACTIVE:
            server = pg_backend.server()
            files = build_templates(folder, {key: server.url(server.create())
                                             for key in ("hub", "a", "b")})
        else:
            files = build_templates(folder)
    yield files, data / "keys"
    if pg_backend.ACTIVE:
        server.drop_all()


@pytest.fixture
def network(sync_templates, tmp_path):
    """Fresh copies of hub, commune a and commune b for this test."""
    files, keys = sync_templates
    nodes = open_network(files, keys, tmp_path / "nodes")
    yield nodes
    for node in nodes.values():
        node.db.dispose()
    if pg_backend.ACTIVE:
        server = pg_backend.server()
        for node in nodes.values():
            server.drop(str(node.path).rsplit("/", 1)[-1])


@pytest.fixture
def usb(tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder
