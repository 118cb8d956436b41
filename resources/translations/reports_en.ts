<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../sonla_desktop/ui/reports/import_dialog.py" line="73"/>
        <source>Nhập dữ liệu từ Excel</source>
        <translation>Import data from Excel</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/reports/import_dialog.py" line="76"/>
        <source>Chọn tệp Excel (.xlsx) đã điền theo mẫu</source>
        <translation>Choose an Excel file (.xlsx) filled in from the template</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/reports/import_dialog.py" line="78"/>
        <source>Chọn tệp…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/reports/import_dialog.py" line="80"/>
        <source>Kiểm tra</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/reports/import_dialog.py" line="81"/>
        <source>Kiểm tra mọi dòng, không ghi gì</source>
        <translation>Check every row without writing anything</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/reports/import_dialog.py" line="83"/>
        <source>Nhập vào cơ sở dữ liệu</source>
        <translation>Import into the database</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/reports/import_dialog.py" line="85"/>
        <source>Lưu bản đánh dấu lỗi…</source>
        <translation>Save marked copy…</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/reports/import_dialog.py" line="87"/>
        <source>Ghi một bản sao của tệp, các ô sai tô đỏ và có chú thích, để sửa rồi nhập lại</source>
        <translation>Write a copy of the file with the wrong cells in red and commented, to fix and import again</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/reports/import_dialog.py" line="89"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/reports/import_dialog.py" line="92"/>
        <source>Mọi dòng được kiểm tra trước; chỉ cần một dòng sai là không ghi gì.</source>
        <translation>Every row is checked first; a single wrong row and nothing is written.</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/reports/import_dialog.py" line="107"/>
        <source>Ghi chú khi nhập (số CCCD được thêm số 0, cột bị bỏ qua…) hiện ở đây.</source>
        <translation>Import notes (ID numbers with a restored leading zero, ignored columns…) appear here.</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/reports/import_dialog.py" line="111"/>
        <source>Tệp:</source>
        <translation>File:</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/reports/import_dialog.py" line="137"/>
        <source>Chọn tệp Excel</source>
        <translation>Choose an Excel file</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/reports/import_dialog.py" line="138"/>
        <location filename="../../sonla_desktop/ui/reports/import_dialog.py" line="186"/>
        <source>Sổ làm việc Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/reports/import_dialog.py" line="148"/>
        <source>Đang kiểm tra…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/reports/import_dialog.py" line="148"/>
        <source>Đang nhập…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/reports/import_dialog.py" line="151"/>
        <source>Đang đọc tệp Excel…</source>
        <translation>Reading the Excel file…</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/reports/import_dialog.py" line="175"/>
        <source>&lt;b&gt;{0}&lt;/b&gt; Sửa các ô trong bảng dưới (hoặc lưu bản đánh dấu lỗi) rồi kiểm tra lại.</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; Fix the cells listed below (or save a marked copy), then check again.</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/reports/import_dialog.py" line="185"/>
        <source>Lưu bản đánh dấu lỗi</source>
        <translation>Save marked copy</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/reports/import_dialog.py" line="194"/>
        <source>Đã lưu {0}: {1} ô được đánh dấu.</source>
        <translation>Saved {0}: {1} cells marked.</translation>
    </message>
</context>
<context>
    <name>IssueModel</name>
    <message>
        <location filename="../../sonla_desktop/ui/reports/import_dialog.py" line="36"/>
        <source>Trang</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/reports/import_dialog.py" line="36"/>
        <source>Dòng</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/reports/import_dialog.py" line="36"/>
        <source>Cột</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/reports/import_dialog.py" line="36"/>
        <source>Lỗi</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>MonthChart</name>
    <message>
        <location filename="../../sonla_desktop/ui/reports/charts.py" line="52"/>
        <source>Xuất cảnh theo tháng so với chỉ tiêu</source>
        <translation>Departures by month against the target</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/reports/charts.py" line="58"/>
        <source>Trong tháng</source>
        <translation>In the month</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/reports/charts.py" line="65"/>
        <source>Cộng dồn</source>
        <translation>Running total</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/reports/charts.py" line="73"/>
        <source>T{0}</source>
        <translation>M{0}</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/reports/charts.py" line="85"/>
        <source>Chỉ tiêu năm: {0}</source>
        <translation>Year target: {0}</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../sonla_desktop/ui/pages/reports_page.py" line="76"/>
        <source>Toàn tỉnh</source>
        <translation>Whole province</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/reports_page.py" line="158"/>
        <source>Phạm vi văn phòng: {0}</source>
        <translation>This office&apos;s communes: {0}</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/reports_page.py" line="81"/>
        <source>Xuất báo cáo Excel…</source>
        <translation>Export report to Excel…</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/reports_page.py" line="83"/>
        <source>Xuất báo cáo PDF…</source>
        <translation>Export report to PDF…</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/reports_page.py" line="85"/>
        <source>Chỉ tiêu…</source>
        <translation>Targets…</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/reports_page.py" line="87"/>
        <source>Nhập từ Excel…</source>
        <translation>Import from Excel…</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/reports_page.py" line="90"/>
        <source>Tải tệp mẫu</source>
        <translation>Templates</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/reports_page.py" line="93"/>
        <source>Mẫu danh sách người lao động</source>
        <translation>Workers list template</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/reports_page.py" line="94"/>
        <source>Mẫu danh sách khoản vay</source>
        <translation>Loans list template</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/reports_page.py" line="95"/>
        <source>Mẫu điểm danh hội nghị</source>
        <translation>Event attendance template</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/reports_page.py" line="96"/>
        <source>Mẫu chỉ tiêu theo xã</source>
        <translation>Targets by commune template</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/reports_page.py" line="99"/>
        <source>Xuất toàn bộ dữ liệu…</source>
        <translation>Export all data…</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/reports_page.py" line="103"/>
        <source>Năm:</source>
        <translation>Year:</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/reports_page.py" line="106"/>
        <source>Xã/Phường:</source>
        <translation>Commune/ward:</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/reports_page.py" line="112"/>
        <source>Dữ liệu Excel:</source>
        <translation>Excel data:</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/reports_page.py" line="119"/>
        <source>Chỉ số</source>
        <translation>Figure</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/reports_page.py" line="119"/>
        <source>Giá trị</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/reports_page.py" line="129"/>
        <source>Xuất cảnh theo thị trường</source>
        <translation>Departures by market</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/reports_page.py" line="130"/>
        <location filename="../../sonla_desktop/ui/pages/reports_page.py" line="132"/>
        <source>(chưa có)</source>
        <translation>(none yet)</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/reports_page.py" line="131"/>
        <source>Khoản vay giải ngân theo đối tượng</source>
        <translation>Loans disbursed by policy group</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/reports_page.py" line="178"/>
        <source>Đang tính…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/reports_page.py" line="192"/>
        <source>chưa có</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/reports_page.py" line="197"/>
        <source>Người xuất cảnh</source>
        <translation>Departures</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/reports_page.py" line="198"/>
        <source>Chỉ tiêu</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/reports_page.py" line="199"/>
        <source>Tỷ lệ hoàn thành</source>
        <translation>Achievement</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/reports_page.py" line="200"/>
        <source>Khoản vay giải ngân</source>
        <translation>Loans disbursed</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/reports_page.py" line="201"/>
        <source>Số tiền giải ngân (đồng)</source>
        <translation>Amount disbursed (VND)</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/reports_page.py" line="202"/>
        <source>Dư nợ ngày {0} (đồng)</source>
        <translation>Outstanding on {0} (VND)</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/reports_page.py" line="204"/>
        <source>Người còn dư nợ</source>
        <translation>Borrowers with a balance</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/reports_page.py" line="205"/>
        <source>Nợ gốc quá hạn (đồng)</source>
        <translation>Overdue principal (VND)</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/reports_page.py" line="206"/>
        <source>Hội nghị tư vấn</source>
        <translation>Counselling events</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/reports_page.py" line="207"/>
        <source>Lượt người tham dự</source>
        <translation>Attendances</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/reports_page.py" line="52"/>
        <location filename="../../sonla_desktop/ui/pages/reports_page.py" line="220"/>
        <source>Khác</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/reports_page.py" line="46"/>
        <source>Hộ nghèo</source>
        <translation>Poor household</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/reports_page.py" line="47"/>
        <source>Hộ cận nghèo</source>
        <translation>Near-poor household</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/reports_page.py" line="48"/>
        <source>Dân tộc thiểu số</source>
        <translation>Ethnic minority</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/reports_page.py" line="49"/>
        <source>Thu hồi đất</source>
        <translation>Farmland revoked</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/reports_page.py" line="50"/>
        <source>Thân nhân người có công</source>
        <translation>Relative of a person of merit</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/reports_page.py" line="51"/>
        <source>Vùng nghèo</source>
        <translation>Poor area</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/reports_page.py" line="224"/>
        <source>Năm {0}, {1}. Người xuất cảnh được tính theo ngày xuất cảnh; khoản vay theo ngày giải ngân.</source>
        <translation>Year {0}, {1}. Departures are counted by departure date; loans by disbursement date.</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/reports_page.py" line="238"/>
        <source>Lưu báo cáo</source>
        <translation>Save report</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/reports_page.py" line="255"/>
        <location filename="../../sonla_desktop/ui/pages/reports_page.py" line="265"/>
        <location filename="../../sonla_desktop/ui/pages/reports_page.py" line="273"/>
        <source>Đã lưu {0}</source>
        <translation>Saved {0}</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/reports_page.py" line="256"/>
        <source>Đang xuất báo cáo…</source>
        <translation>Exporting the report…</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/reports_page.py" line="261"/>
        <source>Lưu tệp mẫu</source>
        <translation>Save template</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/reports_page.py" line="269"/>
        <source>Xuất toàn bộ dữ liệu</source>
        <translation>Export all data</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/reports_page.py" line="274"/>
        <source>Đang xuất dữ liệu…</source>
        <translation>Exporting data…</translation>
    </message>
</context>
<context>
    <name>TargetModel</name>
    <message>
        <location filename="../../sonla_desktop/ui/reports/targets_dialog.py" line="45"/>
        <source>Xã/Phường</source>
        <translation>Commune/ward</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/reports/targets_dialog.py" line="45"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/reports/targets_dialog.py" line="45"/>
        <source>Chỉ tiêu (người)</source>
        <translation>Target (people)</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/reports/targets_dialog.py" line="46"/>
        <source>Đã xuất cảnh</source>
        <translation>Departed</translation>
    </message>
</context>
<context>
    <name>TargetsDialog</name>
    <message>
        <location filename="../../sonla_desktop/ui/reports/targets_dialog.py" line="113"/>
        <source>Chỉ tiêu đưa người lao động đi làm việc ở nước ngoài</source>
        <translation>Targets for workers going abroad</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/reports/targets_dialog.py" line="127"/>
        <source>Gõ số người vào cột Chỉ tiêu; để trống là chưa giao chỉ tiêu. Dòng Toàn tỉnh là chỉ tiêu chung của tỉnh. Cũng có thể điền mẫu chỉ tiêu Excel rồi dùng nút Nhập từ Excel.</source>
        <translation>Type a number of people in the Target column; leave it empty for no target. The Whole province row is the province&apos;s own target. You can also fill in the Excel targets template and use Import from Excel.</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/reports/targets_dialog.py" line="131"/>
        <source>Tải mẫu chỉ tiêu (Excel)…</source>
        <translation>Targets template (Excel)…</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/reports/targets_dialog.py" line="133"/>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/reports/targets_dialog.py" line="136"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/reports/targets_dialog.py" line="139"/>
        <source>Năm:</source>
        <translation>Year:</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/reports/targets_dialog.py" line="165"/>
        <source>Toàn tỉnh</source>
        <translation>Whole province</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/reports/targets_dialog.py" line="179"/>
        <source>Không có gì thay đổi.</source>
        <translation>Nothing changed.</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/reports/targets_dialog.py" line="183"/>
        <source>Đã lưu {0} chỉ tiêu của năm {1}.</source>
        <translation>Saved {0} targets for {1}.</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/reports/targets_dialog.py" line="191"/>
        <source>Lưu mẫu chỉ tiêu</source>
        <translation>Save targets template</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/reports/targets_dialog.py" line="193"/>
        <source>Sổ làm việc Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/reports/targets_dialog.py" line="196"/>
        <source>Đã lưu {0}.</source>
        <translation>Saved {0}.</translation>
    </message>
</context>
<context>
    <name>ExcelActions</name>
    <message>
        <location filename="../../sonla_desktop/ui/reports/excel_actions.py" line="1"/>
        <source>Dữ liệu &amp;Excel</source>
        <translation>&amp;Excel data</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/reports/excel_actions.py" line="1"/>
        <source>&amp;Nhập từ Excel…</source>
        <translation>&amp;Import from Excel…</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/reports/excel_actions.py" line="1"/>
        <source>Tải tệp &amp;mẫu</source>
        <translation>Download &amp;template</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/reports/excel_actions.py" line="1"/>
        <source>Mẫu danh sách người lao động</source>
        <translation>Workers list template</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/reports/excel_actions.py" line="1"/>
        <source>Mẫu danh sách khoản vay</source>
        <translation>Loans list template</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/reports/excel_actions.py" line="1"/>
        <source>Mẫu điểm danh hội nghị</source>
        <translation>Conference attendance template</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/reports/excel_actions.py" line="1"/>
        <source>Mẫu chỉ tiêu theo xã</source>
        <translation>Targets by commune template</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/reports/excel_actions.py" line="1"/>
        <source>&amp;Xuất toàn bộ dữ liệu…</source>
        <translation>E&amp;xport all data…</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/reports/excel_actions.py" line="1"/>
        <source>Lưu tệp mẫu</source>
        <translation>Save template</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/reports/excel_actions.py" line="1"/>
        <source>Xuất toàn bộ dữ liệu</source>
        <translation>Export all data</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/reports/excel_actions.py" line="1"/>
        <source>Đang xuất dữ liệu…</source>
        <translation>Exporting data…</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/reports/excel_actions.py" line="1"/>
        <source>Đã lưu {0}</source>
        <translation>Saved {0}</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/reports/excel_actions.py" line="1"/>
        <source>Dữ liệu Excel</source>
        <translation>Excel data</translation>
    </message>
</context>
</TS>
