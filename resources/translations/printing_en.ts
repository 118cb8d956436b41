<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Printing</name>
    <message>
        <source>In: {0}</source>
        <translation>Print: {0}</translation>
    </message>
    <message>
        <source>Chưa in được</source>
        <translation>Not printed</translation>
    </message>
    <message>
        <source>Máy này chưa cài máy in nào, nên chưa in được. Hãy cài máy in (Cài đặt → Máy in) rồi in lại, hoặc lưu tệp PDF để in ở máy khác.</source>
        <translation>No printer is installed on this computer, so nothing was printed. Install a printer (Settings → Printers) and print again, or save the PDF to print it on another computer.</translation>
    </message>
    <message>
        <source>Chưa có máy in</source>
        <translation>No printer</translation>
    </message>
    <message>
        <source>Lưu PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Máy in “{0}” báo lỗi, chưa in được. Hãy kiểm tra máy in đã bật, có giấy, rồi in lại.</source>
        <translation>Printer “{0}” reported an error; nothing was printed. Check that it is on and has paper, then print again.</translation>
    </message>
    <message>
        <source>Đã gửi {0} trang “{1}” tới máy in {2}.</source>
        <translation>Sent {0} pages of “{1}” to printer {2}.</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <source>Xem trước: {0}</source>
        <translation>Preview: {0}</translation>
    </message>
    <message>
        <source>{0} trang, khổ {1}. In đúng cỡ (100%), không co giãn.</source>
        <translation>{0} pages, {1}. Printed at actual size (100%), never shrunk or stretched.</translation>
    </message>
    <message>
        <source>Máy này thiếu thành phần xem PDF (PySide6_Pdf). Hãy dùng “Lưu PDF…” rồi mở tệp bằng chương trình đọc PDF.</source>
        <translation>This computer lacks the PDF viewer component (PySide6_Pdf). Use “Save PDF…” and open the file in a PDF reader.</translation>
    </message>
    <message>
        <source>In…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Lưu PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>In báo cáo…</source>
        <translation>Print report…</translation>
    </message>
    <message>
        <source>Báo cáo tiến độ {0}</source>
        <translation>Progress report {0}</translation>
    </message>
    <message>
        <source>Đang lập báo cáo…</source>
        <translation>Preparing the report…</translation>
    </message>
</context>
<context>
    <name>PrintWatch</name>
    <message>
        <source>Đã in xong “{0}” trên máy in {1}.</source>
        <translation>“{0}” has printed on printer {1}.</translation>
    </message>
    <message>
        <source>Máy in “{0}” đã dừng khi đang in “{1}”{2}. Hãy kiểm tra máy in (giấy, kẹt giấy, mực) rồi bật lại máy in trong Cài đặt máy in.</source>
        <translation>Printer “{0}” stopped while printing “{1}”{2}. Check the printer (paper, jam, toner), then resume it in the printer settings.</translation>
    </message>
    <message>
        <source>Máy in “{0}” không in xong “{1}”{2}. Hãy kiểm tra máy in (giấy, kẹt giấy, mực, cáp) rồi in lại.</source>
        <translation>Printer “{0}” did not finish printing “{1}”{2}. Check the printer (paper, jam, toner, cable) and print again.</translation>
    </message>
    <message>
        <source>In bị lỗi</source>
        <translation>Printing failed</translation>
    </message>
</context>
</TS>
