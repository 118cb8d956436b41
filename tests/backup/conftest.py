"""The hub-and-two-communes network of tests/sync_db, for the sync edge cases (issue #20)."""

from tests.sync_db.conftest import network, sync_templates, usb  # noqa: F401
