"""A hub and two communes that trust each other, fresh per test (as in tests/sync_db)."""

from __future__ import annotations

import pytest

from tests.sync_db.sync_helpers import build_templates, open_network


@pytest.fixture(scope="session")
def hostile_templates(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile-templates")
    data = tmp_path_factory.mktemp("hostile-template-userdata")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SONLA_DATA_DIR", str(data))
        files = build_templates(folder)
    return files, data / "keys"


@pytest.fixture
def network(hostile_templates, tmp_path):
    files, keys = hostile_templates
    nodes = open_network(files, keys, tmp_path / "nodes")
    yield nodes
    for node in nodes.values():
        node.db.dispose()


@pytest.fixture
def usb(tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder
