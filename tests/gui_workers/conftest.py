"""Fixtures for the worker registry GUI tests: real widgets on a fresh database."""

from __future__ import annotations

import pytest


@pytest.fixture
def vietnamese(qapp):
    """The UI in Vietnamese with our translators installed (the default language)."""
    from sonla_desktop.ui.i18n import install_translations

    install_translations("vi", qapp)
    yield
    install_translations("vi", qapp)


@pytest.fixture
def lookups(ctx):
    from sonla_desktop.services.lookups import load_lookups

    return load_lookups(ctx)
