<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ConsentView</name>
    <message>
        <source>Mục đích</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Hình thức</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Người làm chứng</source>
        <translation>Witness</translation>
    </message>
    <message>
        <source>Người ghi nhận</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <source>Rút lại ngày</source>
        <translation>Withdrawn on</translation>
    </message>
    <message>
        <source>Mục đích, ví dụ: tư vấn, hỗ trợ vay vốn</source>
        <translation>Purpose, e.g. counselling, loan support</translation>
    </message>
    <message>
        <source>Người làm chứng (khi đồng ý bằng lời nói)</source>
        <translation>Witness (for a verbal consent)</translation>
    </message>
    <message>
        <source>Ghi nhận đồng ý</source>
        <translation>Record consent</translation>
    </message>
    <message>
        <source>Rút lại đồng ý đã chọn</source>
        <translation>Withdraw the selected consent</translation>
    </message>
</context>
<context>
    <name>EraseDialog</name>
    <message>
        <source>Xoá vĩnh viễn thông tin nhận dạng</source>
        <translation>Permanently erase identity</translation>
    </message>
    <message>
        <source>Họ tên, CCCD, ngày sinh, điện thoại, dân tộc, bản và ghi chú của &lt;b&gt;{0}&lt;/b&gt; sẽ bị xoá vĩnh viễn, ở máy này và ở văn phòng tỉnh sau lần đồng bộ tới. Các khoản vay được giữ cho ngân hàng nhưng không còn gắn với người này. Không hoàn tác được.&lt;br&gt;&lt;br&gt;Gõ họ tên của người này hoặc chữ {1} để xác nhận:</source>
        <translation>The name, CCCD, birth date, phone, ethnic group, village and notes of &lt;b&gt;{0}&lt;/b&gt; will be erased for good, on this PC and at the hub after the next sync. Loans are kept for the bank but no longer linked to this person. This cannot be undone.&lt;br&gt;&lt;br&gt;Type this person's name or the word {1} to confirm:</translation>
    </message>
    <message>
        <source>Xoá vĩnh viễn</source>
        <translation>Erase for good</translation>
    </message>
</context>
<context>
    <name>WorkerForm</name>
    <message>
        <source>Đồng ý</source>
        <translation>Consent</translation>
    </message>
</context>
<context>
    <name>PersonActions</name>
    <message>
        <source>Xuất mọi thông tin của người này (JSON + PDF)…</source>
        <translation>Export everything about this person (JSON + PDF)…</translation>
    </message>
    <message>
        <source>Xoá vĩnh viễn thông tin nhận dạng…</source>
        <translation>Permanently erase identity…</translation>
    </message>
    <message>
        <source>Lưu thông tin cá nhân</source>
        <translation>Save personal data</translation>
    </message>
    <message>
        <source>Đã xuất</source>
        <translation>Exported</translation>
    </message>
    <message>
        <source>Đã ghi {0} và {1}. Hãy trao cho người yêu cầu trong vòng 2 ngày làm việc.</source>
        <translation>Wrote {0} and {1}. Hand them to the person who asked within 2 working days.</translation>
    </message>
</context>
<context>
    <name>BackupHooks</name>
    <message>
        <source>Đã xoá lại thông tin</source>
        <translation>Data erased again</translation>
    </message>
    <message>
        <source>Tệp cơ sở dữ liệu đang mở còn thông tin của {0} người đã được xoá theo yêu cầu (tệp được chép lại từ bản cũ?). Thông tin đó vừa được xoá lại.</source>
        <translation>The open database file still held the data of {0} people erased on request (was an old copy put back?). That data has just been erased again.</translation>
    </message>
</context>
</TS>
