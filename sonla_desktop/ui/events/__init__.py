"""Widgets of the "Hội nghị tư vấn" page (the page itself is ui/pages/events.py)."""
