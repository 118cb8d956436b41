"""Widgets and dialogs of the Báo cáo page (charts, Excel import, targets)."""
