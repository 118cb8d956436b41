"""Fixtures for sync between databases: a hub and two communes that trust each other."""

from __future__ import annotations

import pytest

from tests.sync_db.sync_helpers import build_templates, open_network


@pytest.fixture(scope="session")
def sync_templates(tmp_path_factory):
    """Built once per session (initialising a node takes about a second)."""
    folder = tmp_path_factory.mktemp("sync-templates")
    data = tmp_path_factory.mktemp("sync-template-userdata")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SONLA_DATA_DIR", str(data))
        files = build_templates(folder)
    return files, data / "keys"


@pytest.fixture
def network(sync_templates, tmp_path):
    """Fresh copies of hub, commune a and commune b for this test."""
    files, keys = sync_templates
    nodes = open_network(files, keys, tmp_path / "nodes")
    yield nodes
    for node in nodes.values():
        node.db.dispose()


@pytest.fixture
def usb(tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder
