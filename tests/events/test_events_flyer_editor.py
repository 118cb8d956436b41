"""The flyer editor shows the real PDF and follows what is typed."""

from __future__ import annotations

from sonla_desktop.services.events import create_event, get_event, market_labels
from sonla_desktop.services.flyers import get_flyer_settings
from sonla_desktop.ui.events.flyer_editor import FlyerEditor
from sonla_desktop.ui.tasks import TaskRunner


def test_preview_follows_the_texts_and_bad_contacts_are_named(qtbot, ctx):
    event_id = create_event(ctx, {"event_date": "05/12/2025", "commune_code": "03670",
                                  "place": "Nhà văn hoá bản Hẹo", "topic": "Tư vấn",
                                  "markets": "JP"})
    runner = TaskRunner()
    editor = FlyerEditor(ctx, runner, market_labels(ctx), get_event(ctx, event_id))
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitUntil(lambda: editor._payload != b"", timeout=10000)
    first = editor._payload
    assert editor.pdf.pageCount() == 1
    assert editor.preview.pixmap() is not None and not editor.preview.pixmap().isNull()

    editor.form.widgets["headline"].setText("TUYỂN LAO ĐỘNG ĐI NHẬT BẢN")
    qtbot.waitUntil(lambda: editor._payload != first, timeout=10000)
    assert b"%PDF" in editor._payload[:8]

    editor.form.widgets["jobs_website"].setText("vieclam sonla")
    qtbot.waitUntil(lambda: "https://" in editor.error.text(), timeout=10000)
    editor.form.widgets["jobs_website"].setText("")
    editor.save_defaults()
    qtbot.waitUntil(lambda: get_flyer_settings(ctx).headline == "TUYỂN LAO ĐỘNG ĐI NHẬT BẢN",
                    timeout=10000)
    runner.wait_idle()
