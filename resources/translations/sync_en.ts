<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>ConflictsPanel</name>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_conflicts.py" line="48" />
        <source>Nơi sửa</source>
        <translation>Changed by</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_conflicts.py" line="49" />
        <source>Lúc sửa</source>
        <translation>Changed at</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_conflicts.py" line="50" />
        <source>Đã xoá</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_conflicts.py" line="79" />
        <source>Khi hai nơi cùng sửa một bản ghi trước khi đồng bộ, bản sửa sau được giữ và bản kia được đưa vào đây. Xem hai bản cạnh nhau rồi chọn bản đúng; lựa chọn sẽ được gửi đi ở lần đồng bộ sau.</source>
        <translation>When two offices change the same record before syncing, the later change is kept and the other one is put here. Compare both versions side by side and choose the right one; your choice is sent with the next sync.</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_conflicts.py" line="83" />
        <source>Loại</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_conflicts.py" line="83" />
        <source>Bản ghi</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_conflicts.py" line="83" />
        <source>Lúc</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_conflicts.py" line="84" />
        <source>Khác nhau ở</source>
        <translation>Differs in</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_conflicts.py" line="84" />
        <source>Đang dùng</source>
        <translation>In use</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_conflicts.py" line="91" />
        <source>Trường</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_conflicts.py" line="91" />
        <source>Bản của tôi</source>
        <translation>My version</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_conflicts.py" line="92" />
        <source>Bản của họ</source>
        <translation>Their version</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_conflicts.py" line="97" />
        <source>Giữ bản của tôi</source>
        <translation>Keep my version</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_conflicts.py" line="98" />
        <source>Nhận bản của họ</source>
        <translation>Take their version</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_conflicts.py" line="135" />
        <source>bản của tôi</source>
        <translation>mine</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_conflicts.py" line="135" />
        <source>bản của họ</source>
        <translation>theirs</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_conflicts.py" line="145" />
        <source>Không có xung đột nào cần xem.</source>
        <translation>No conflicts to review.</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_conflicts.py" line="167" />
        <source>Đang dùng: bản của tôi (sửa sau). Bản của họ chưa được áp dụng.</source>
        <translation>In use: my version (the later change). Their version was not applied.</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_conflicts.py" line="168" />
        <source>Đang dùng: bản của họ (sửa sau). Bản của tôi đã bị thay.</source>
        <translation>In use: their version (the later change). My version was replaced.</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_conflicts.py" line="169" />
        <source>Bản ghi đã được sửa tiếp sau xung đột này.</source>
        <translation>The record was changed again after this conflict.</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_conflicts.py" line="183" />
        <source>Đã giữ bản của tôi.</source>
        <translation>My version was kept.</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_conflicts.py" line="184" />
        <source>Đã nhận bản của họ.</source>
        <translation>Their version was taken.</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_conflicts.py" line="194" />
        <source>có</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_conflicts.py" line="196" />
        <source>không</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>ExportPanel</name>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_transfer.py" line="69" />
        <source>Gửi dữ liệu ra USB</source>
        <translation>Send data to a USB stick</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_transfer.py" line="73" />
        <source>Gửi toàn bộ (không chỉ phần thay đổi từ lần trước)</source>
        <translation>Send everything (not only what changed since last time)</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_transfer.py" line="78" />
        <source>Chọn thư mục…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_transfer.py" line="84" />
        <source>Gửi cho:</source>
        <translation>Send to:</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_transfer.py" line="86" />
        <source>Ổ USB:</source>
        <translation>USB drive:</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_transfer.py" line="87" />
        <source>Lưu vào thư mục:</source>
        <translation>Save in folder:</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_transfer.py" line="88" />
        <source>Sẽ gửi:</source>
        <translation>Will send:</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_transfer.py" line="90" />
        <source>Xuất ra USB</source>
        <translation>Export to USB</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_transfer.py" line="96" />
        <source>Mở thư mục chứa tệp</source>
        <translation>Open the folder</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_transfer.py" line="141" />
        <source>{0} – còn trống {1:.1f} GB</source>
        <translation>{0} – {1:.1f} GB free</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_transfer.py" line="144" />
        <source>(không thấy ổ USB nào – hãy cắm USB hoặc chọn thư mục)</source>
        <translation>(no USB drive found – plug one in or choose a folder)</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_transfer.py" line="156" />
        <source>Chọn thư mục để lưu tệp</source>
        <translation>Choose a folder for the file</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_transfer.py" line="166" />
        <source>Chưa có đơn vị tin cậy nào: vào thẻ “Khoá và đơn vị tin cậy” để thêm nơi nhận.</source>
        <translation>No trusted office yet: open the “Keys and trusted offices” tab to add the recipient.</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_transfer.py" line="169" />
        <source>Đang đếm…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_transfer.py" line="176" />
        <source>Không có gì mới để gửi (vẫn có thể xuất để báo đã nhận).</source>
        <translation>Nothing new to send (you can still export, to confirm what was received).</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_transfer.py" line="183" />
        <source>Hãy chọn ổ USB hoặc thư mục để lưu tệp.</source>
        <translation>Choose a USB drive or a folder for the file.</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_transfer.py" line="211" />
        <source>Đã ghi xong tệp {0} ({1} bản ghi, số thứ tự {2}) vào thư mục {3}.
Hãy rút USB an toàn rồi mang tới {4} để nhập.</source>
        <translation>The file {0} ({1} records, sequence number {2}) was written to {3}.
Eject the USB stick safely and take it to {4} to import.</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_conflicts.py" line="215" />
        <source>Lúc</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_conflicts.py" line="215" />
        <source>Chiều</source>
        <translation>Direction</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_conflicts.py" line="215" />
        <source>Đơn vị</source>
        <translation>Office</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_conflicts.py" line="216" />
        <source>Số thứ tự</source>
        <translation>Sequence</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_conflicts.py" line="216" />
        <source>Số bản ghi</source>
        <translation>Records</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_conflicts.py" line="217" />
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_conflicts.py" line="233" />
        <source>Gửi đi</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_conflicts.py" line="233" />
        <source>Nhận về</source>
        <translation>Received</translation>
    </message>
</context>
<context>
    <name>ImportPanel</name>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_transfer.py" line="242" />
        <source>Nhận dữ liệu từ USB</source>
        <translation>Receive data from a USB stick</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_transfer.py" line="244" />
        <source>Chọn tệp đồng bộ (.sldsync)…</source>
        <translation>Choose a sync file (.sldsync)…</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_transfer.py" line="245" />
        <source>Chưa chọn tệp.</source>
        <translation>No file chosen.</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_transfer.py" line="249" />
        <source>Nhập dữ liệu</source>
        <translation>Import data</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_transfer.py" line="263" />
        <source>Loại dữ liệu</source>
        <translation>Kind of data</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_transfer.py" line="263" />
        <source>Mới</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_transfer.py" line="263" />
        <source>Cập nhật</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_transfer.py" line="264" />
        <source>Giữ nguyên</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_transfer.py" line="264" />
        <source>Xung đột</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_transfer.py" line="285" />
        <source>Chọn tệp đồng bộ</source>
        <translation>Choose a sync file</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_transfer.py" line="286" />
        <source>Tệp đồng bộ (*.sldsync)</source>
        <translation>Sync files (*.sldsync)</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_transfer.py" line="295" />
        <source>Đang kiểm tra chữ ký và tính toàn vẹn…</source>
        <translation>Checking the signature and integrity…</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_transfer.py" line="306" />
        <source>Tệp hợp lệ: chữ ký đúng của {0}, dữ liệu nguyên vẹn, số thứ tự {1}, tạo lúc {2}.</source>
        <translation>Valid file: correctly signed by {0}, data intact, sequence number {1}, made at {2}.</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_transfer.py" line="309" />
        <source>(không có bản ghi nào)</source>
        <translation>(no records)</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_transfer.py" line="311" />
        <source>Tệp này đã được nhập trước đây; nhập lại không thay đổi gì.</source>
        <translation>This file was imported before; importing it again changes nothing.</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_transfer.py" line="312" />
        <source>Gồm:</source>
        <translation>Contents:</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_transfer.py" line="318" />
        <source>Không nhập tệp này. </source>
        <translation>This file cannot be imported. </translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_transfer.py" line="329" />
        <source>Đang nhập dữ liệu…</source>
        <translation>Importing data…</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_transfer.py" line="334" />
        <source>Tệp này đã được nhập trước đây; không có gì thay đổi.</source>
        <translation>This file was imported before; nothing changed.</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_transfer.py" line="339" />
        <source>Đã nhập tệp số {0} của {1}: {2} bản ghi mới, {3} cập nhật, {4} xung đột.</source>
        <translation>Imported file number {0} from {1}: {2} new records, {3} updated, {4} conflicts.</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_page.py" line="22" />
        <source>Đồng bộ qua USB</source>
        <translation>Sync by USB</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_page.py" line="34" />
        <source>Gửi dữ liệu</source>
        <translation>Send</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_page.py" line="35" />
        <source>Nhận dữ liệu</source>
        <translation>Receive</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_page.py" line="36" />
        <source>Lịch sử</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_page.py" line="37" />
        <location filename="../../sonla_desktop/ui/pages/sync_page.py" line="81" />
        <source>Xung đột</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_page.py" line="38" />
        <source>Khoá và đơn vị tin cậy</source>
        <translation>Keys and trusted offices</translation>
    </message>
</context>
<context>
    <name>SyncScope</name>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_transfer.py" line="51" />
        <source>toàn tỉnh</source>
        <translation>whole province</translation>
    </message>
</context>
<context>
    <name>TrustDialog</name>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_trust.py" line="50" />
        <source>Xác nhận đơn vị tin cậy</source>
        <translation>Confirm a trusted office</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_trust.py" line="53" />
        <source>Gọi điện cho đơn vị này và nhờ họ đọc dấu vân tay trên màn hình của họ (mục Đồng bộ → Khoá và đơn vị tin cậy). Chỉ tin cậy khi mọi chữ số khớp.</source>
        <translation>Phone this office and ask them to read the fingerprint on their screen (Sync → Keys and trusted offices). Trust it only if every digit matches.</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_trust.py" line="62" />
        <source>(đơn vị này chỉ được ghi dữ liệu trong phạm vi này)</source>
        <translation>(this office may only write data within this scope)</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_trust.py" line="67" />
        <source>Tên đơn vị:</source>
        <translation>Office name:</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_trust.py" line="68" />
        <source>Mã đơn vị:</source>
        <translation>Office id:</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_trust.py" line="69" />
        <source>Phạm vi:</source>
        <translation>Scope:</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_trust.py" line="70" />
        <source>Dấu vân tay:</source>
        <translation>Fingerprint:</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_trust.py" line="75" />
        <source>Đơn vị này đã được tin cậy với đúng khoá và phạm vi này.</source>
        <translation>This office is already trusted with these keys and this scope.</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_trust.py" line="76" />
        <source>Đơn vị này đã được tin cậy; tệp này ĐỔI PHẠM VI của họ.</source>
        <translation>This office is already trusted; this file CHANGES ITS SCOPE.</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_trust.py" line="78" />
        <source>CẢNH BÁO: đơn vị này đã được tin cậy với KHOÁ KHÁC. Tệp này có thể là giả mạo. Chỉ thay khi đã gọi điện và họ xác nhận vừa tạo khoá mới.</source>
        <translation>WARNING: this office is already trusted with OTHER KEYS. This file may be forged. Replace them only after a phone call in which they confirm they made new keys.</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_trust.py" line="83" />
        <source>Tôi đã gọi điện và dấu vân tay khớp từng chữ số</source>
        <translation>I phoned them and every digit of the fingerprint matches</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_trust.py" line="86" />
        <source>Thay khoá và tin cậy</source>
        <translation>Replace the keys and trust</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_trust.py" line="87" />
        <source>Tin cậy đơn vị này</source>
        <translation>Trust this office</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_trust.py" line="88" />
        <source>Huỷ</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>TrustPanel</name>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_trust.py" line="111" />
        <source>Đơn vị này</source>
        <translation>This office</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_trust.py" line="120" />
        <source>Xuất tệp khoá công khai…</source>
        <translation>Export the public key file…</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_trust.py" line="121" />
        <source>Tên:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_trust.py" line="122" />
        <source>Mã đơn vị:</source>
        <translation>Office id:</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_trust.py" line="123" />
        <source>Phạm vi:</source>
        <translation>Scope:</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_trust.py" line="124" />
        <source>Dấu vân tay:</source>
        <translation>Fingerprint:</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_trust.py" line="130" />
        <source>Các đơn vị tin cậy</source>
        <translation>Trusted offices</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_trust.py" line="133" />
        <source>Tên</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_trust.py" line="133" />
        <source>Phạm vi</source>
        <translation>Scope</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_trust.py" line="134" />
        <source>Dấu vân tay</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_trust.py" line="134" />
        <source>Tin cậy từ</source>
        <translation>Trusted since</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_trust.py" line="142" />
        <source>Thêm đơn vị từ tệp khoá…</source>
        <translation>Add an office from its key file…</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_trust.py" line="143" />
        <location filename="../../sonla_desktop/ui/pages/sync_trust.py" line="239" />
        <source>Ngừng tin cậy</source>
        <translation>Stop trusting</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_trust.py" line="182" />
        <source>Lưu tệp khoá công khai</source>
        <translation>Save the public key file</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_trust.py" line="184" />
        <source>Tệp khoá công khai (*.pub)</source>
        <translation>Public key files (*.pub)</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_trust.py" line="193" />
        <source>Đã lưu khoá công khai vào {0}. Trao tệp này cho đơn vị kia (qua USB) và đọc dấu vân tay cho họ qua điện thoại.</source>
        <translation>The public key was saved to {0}. Give this file to the other office (by USB) and read them the fingerprint over the phone.</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_trust.py" line="200" />
        <source>Chọn tệp khoá công khai</source>
        <translation>Choose a public key file</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_trust.py" line="201" />
        <source>Tệp khoá công khai (*.pub);;Mọi tệp (*)</source>
        <translation>Public key files (*.pub);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_trust.py" line="227" />
        <source>Đã tin cậy {0}.</source>
        <translation>{0} is now trusted.</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/sync_trust.py" line="240" />
        <source>Ngừng tin cậy {0}? Tệp đồng bộ của đơn vị này sẽ bị từ chối cho tới khi được tin cậy lại.</source>
        <translation>Stop trusting {0}? Sync files from this office will be refused until it is trusted again.</translation>
    </message>
</context>
</TS>