"""sonla-desktop: người lao động đi làm việc ở nước ngoài và vốn vay ưu đãi, tỉnh Sơn La."""

__version__ = "0.1.0"
APP_NAME = "sonla-desktop"
APP_TITLE_VI = "Quản lý lao động đi làm việc ở nước ngoài – Sơn La"
APP_TITLE_EN = "Overseas Employment Manager – Son La"
