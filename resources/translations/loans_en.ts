<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_dialogs.py" line="52"/>
        <source>Ghi nhận</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_dialogs.py" line="53"/>
        <source>Huỷ</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ApproveDialog</name>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_dialogs.py" line="107"/>
        <source>Ghi nhận ngân hàng duyệt cho vay</source>
        <translation>Record the bank’s approval</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_dialogs.py" line="109"/>
        <source>{0} đề nghị vay &lt;b&gt;{1} đồng&lt;/b&gt;.</source>
        <translation>{0} asks to borrow &lt;b&gt;{1} VND&lt;/b&gt;.</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_dialogs.py" line="113"/>
        <source>Số tiền được duyệt (đồng)</source>
        <translation>Approved amount (VND)</translation>
    </message>
</context>
<context>
    <name>CostLinesEditor</name>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_widgets.py" line="111"/>
        <source>Khoản chi phí</source>
        <translation>Cost item</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_widgets.py" line="111"/>
        <source>Diễn giải (không bắt buộc)</source>
        <translation>Description (optional)</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_widgets.py" line="112"/>
        <source>Số tiền (đồng)</source>
        <translation>Amount (VND)</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_widgets.py" line="122"/>
        <source>Thêm dòng</source>
        <translation>Add line</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_widgets.py" line="124"/>
        <source>Xoá dòng</source>
        <translation>Remove line</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_widgets.py" line="200"/>
        <source>Tổng chi phí: &lt;b&gt;{0} đồng&lt;/b&gt;</source>
        <translation>Total costs: &lt;b&gt;{0} VND&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>DisburseDialog</name>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_dialogs.py" line="140"/>
        <source>Ghi nhận giải ngân</source>
        <translation>Record the disbursement</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_dialogs.py" line="142"/>
        <source>{0} – được duyệt &lt;b&gt;{1} đồng&lt;/b&gt;.</source>
        <translation>{0} – approved &lt;b&gt;{1} VND&lt;/b&gt;.</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_dialogs.py" line="148"/>
        <source>Ngày giải ngân</source>
        <translation>Disbursement date</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_dialogs.py" line="149"/>
        <source>Số tiền giải ngân (đồng)</source>
        <translation>Amount paid out (VND)</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_dialogs.py" line="150"/>
        <source>Lãi suất áp dụng</source>
        <translation>Rate applied</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_dialogs.py" line="160"/>
        <source>{0} ({1}; cố định cho cả khoản vay)</source>
        <translation>{0} ({1}; fixed for the whole loan)</translation>
    </message>
</context>
<context>
    <name>DossierPreview</name>
    <message>
        <location filename="../../sonla_desktop/ui/pages/dossier_preview.py" line="78"/>
        <source>Hồ sơ vay vốn</source>
        <translation>Loan dossier</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/dossier_preview.py" line="88"/>
        <source>Lưu hồ sơ vay vốn</source>
        <translation>Save the loan dossier</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/dossier_preview.py" line="89"/>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
</context>
<context>
    <name>LoanDetailView</name>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_detail.py" line="60"/>
        <source>Xem trước hồ sơ</source>
        <translation>Preview dossier</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_detail.py" line="61"/>
        <source>In hồ sơ…</source>
        <translation>Print dossier…</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_detail.py" line="62"/>
        <source>Lưu PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_detail.py" line="74"/>
        <source>Lãi suất</source>
        <translation>Rate</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_detail.py" line="74"/>
        <source>Đã giải ngân</source>
        <translation>Disbursed</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_detail.py" line="75"/>
        <source>Dư nợ gốc</source>
        <translation>Outstanding principal</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_detail.py" line="75"/>
        <source>Lãi đến hạn</source>
        <translation>Interest due</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_detail.py" line="76"/>
        <source>Nợ gốc quá hạn</source>
        <translation>Overdue principal</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_detail.py" line="76"/>
        <location filename="../../sonla_desktop/ui/pages/loan_detail.py" line="91"/>
        <source>Lãi quá hạn</source>
        <translation>Overdue interest</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_detail.py" line="77"/>
        <source>Kỳ trả tới</source>
        <translation>Next instalment</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_detail.py" line="77"/>
        <source>Ghi chú</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_detail.py" line="88"/>
        <source>Kỳ</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_detail.py" line="88"/>
        <source>Ngày đến hạn</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_detail.py" line="88"/>
        <location filename="../../sonla_desktop/ui/pages/loan_detail.py" line="90"/>
        <source>Gốc</source>
        <translation>Principal</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_detail.py" line="89"/>
        <location filename="../../sonla_desktop/ui/pages/loan_detail.py" line="90"/>
        <source>Lãi</source>
        <translation>Interest</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_detail.py" line="89"/>
        <source>Tổng</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_detail.py" line="89"/>
        <source>Dư nợ còn lại</source>
        <translation>Balance after</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_detail.py" line="90"/>
        <source>Ngày trả</source>
        <translation>Paid on</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_detail.py" line="92"/>
        <source>Khoản chi phí</source>
        <translation>Cost item</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_detail.py" line="92"/>
        <source>Diễn giải</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_detail.py" line="93"/>
        <source>Số tiền</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_detail.py" line="95"/>
        <source>Lịch trả nợ</source>
        <translation>Repayment schedule</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_detail.py" line="96"/>
        <source>Các lần trả nợ</source>
        <translation>Repayments</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_detail.py" line="97"/>
        <source>Chi phí theo hợp đồng</source>
        <translation>Contract costs</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_detail.py" line="113"/>
        <source>&lt;i&gt;Chọn một khoản vay trong danh sách.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Select a loan in the list.&lt;/i&gt;</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_detail.py" line="117"/>
        <source>&lt;b&gt;{0}&lt;/b&gt; – {1} – {2} – đơn ngày {3}</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; – {1} – {2} – applied {3}</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_detail.py" line="139"/>
        <source>(tạm tính)</source>
        <translation>(provisional)</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_detail.py" line="141"/>
        <source>theo ngày giải ngân</source>
        <translation>set on the disbursement date</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_detail.py" line="142"/>
        <source>Phải có tài sản bảo đảm.</source>
        <translation>Collateral required.</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_detail.py" line="147"/>
        <source>{0} đồng ngày {1}</source>
        <translation>{0} VND on {1}</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_detail.py" line="152"/>
        <source>chưa (đề nghị {0} đồng)</source>
        <translation>not yet ({0} VND requested)</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_detail.py" line="157"/>
        <source>{0} ({1} ngày)</source>
        <translation>{0} ({1} days)</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_detail.py" line="163"/>
        <source>{0}: gốc {1}, lãi {2}</source>
        <translation>{0}: principal {1}, interest {2}</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_detail.py" line="167"/>
        <source>Lý do từ chối: {0}</source>
        <translation>Rejected because: {0}</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_detail.py" line="169"/>
        <source>Lịch trả nợ có khi đã giải ngân</source>
        <translation>The schedule exists once the loan is paid out</translation>
    </message>
</context>
<context>
    <name>LoanFormDialog</name>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_form.py" line="59"/>
        <source>Sửa đơn vay vốn</source>
        <translation>Edit loan application</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_form.py" line="59"/>
        <source>Lập đơn vay vốn</source>
        <translation>New loan application</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_form.py" line="87"/>
        <location filename="../../sonla_desktop/ui/pages/loan_form.py" line="101"/>
        <source> tháng</source>
        <translation> months</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_form.py" line="88"/>
        <source>Hộ bị thu hồi đất nông nghiệp</source>
        <translation>Household’s farmland was revoked</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_form.py" line="89"/>
        <source>Thân nhân người có công với cách mạng</source>
        <translation>Relative of a person with meritorious service</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_form.py" line="110"/>
        <source>Ngày làm đơn</source>
        <translation>Application date</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_form.py" line="111"/>
        <source>Nước đến làm việc</source>
        <translation>Destination</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_form.py" line="112"/>
        <source>Doanh nghiệp đưa đi</source>
        <translation>Placement agency</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_form.py" line="113"/>
        <source>Thời hạn hợp đồng</source>
        <translation>Contract length</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_form.py" line="117"/>
        <source>Người vay khai</source>
        <translation>Borrower declares</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_form.py" line="118"/>
        <source>Đối tượng ưu tiên</source>
        <translation>Priority group</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_form.py" line="120"/>
        <source>Nhà nước hỗ trợ (không vay)</source>
        <translation>State-supported (not lent)</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_form.py" line="122"/>
        <source>Số tiền đề nghị vay</source>
        <translation>Amount requested</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_form.py" line="124"/>
        <source>Lãi suất</source>
        <translation>Interest rate</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_form.py" line="125"/>
        <source>Thời hạn vay</source>
        <translation>Loan term</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_form.py" line="126"/>
        <source>Định kỳ trả gốc</source>
        <translation>Principal repaid</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_form.py" line="127"/>
        <source>Mục đích sử dụng vốn</source>
        <translation>Purpose of the loan</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_form.py" line="128"/>
        <source>Tổ TK&amp;VV</source>
        <translation>Savings-and-loan group</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_form.py" line="129"/>
        <source>Tổ trưởng</source>
        <translation>Group head</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_form.py" line="136"/>
        <source>Chi phí theo hợp đồng</source>
        <translation>Contract costs</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_form.py" line="142"/>
        <source>Ghi chú</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_form.py" line="152"/>
        <source>Lưu đơn (nháp)</source>
        <translation>Save (draft)</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_form.py" line="153"/>
        <source>Huỷ</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_form.py" line="177"/>
        <source> &lt;span style=&apos;color:#b00020&apos;&gt;Người này đã có {0} hồ sơ vay khác.&lt;/span&gt;</source>
        <translation> &lt;span style=&apos;color:#b00020&apos;&gt;This person already has {0} other loan file(s).&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_form.py" line="180"/>
        <source>Người vay: &lt;b&gt;{0}&lt;/b&gt; – CCCD {1} – dân tộc {2} – {3} – {4}, {5}.{6}</source>
        <translation>Borrower: &lt;b&gt;{0}&lt;/b&gt; – ID {1} – ethnicity {2} – {3} – {4}, {5}.{6}</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_form.py" line="183"/>
        <source>(chưa chọn)</source>
        <translation>(not chosen)</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_form.py" line="291"/>
        <source>Người vay không thuộc đối tượng ưu tiên nào.</source>
        <translation>The borrower is in no priority group.</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_form.py" line="293"/>
        <source>Đủ điều kiện: {0}.</source>
        <translation>Qualifies as: {0}.</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_form.py" line="297"/>
        <source>Người vay không thuộc đối tượng “{0}”.</source>
        <translation>The borrower does not qualify as “{0}”.</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_form_checks.py" line="32"/>
        <source>&lt;b&gt;{0}&lt;/b&gt; – {1}. Ngày làm đơn {2}; lãi suất chính thức theo quy định có hiệu lực ngày giải ngân.</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; – {1}. Application date {2}; the official rate follows the rules in force on the disbursement date.</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_form_checks.py" line="42"/>
        <source>Số tiền không hợp lệ (ví dụ {0}).</source>
        <translation>Not a valid amount (e.g. {0}).</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_form_checks.py" line="48"/>
        <source>Tổng chi phí {0} đồng.</source>
        <translation>Total costs {0} VND.</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_form_checks.py" line="60"/>
        <source>Tối đa {0} đồng ({1}).</source>
        <translation>At most {0} VND ({1}).</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_form_checks.py" line="63"/>
        <source>&lt;b&gt;Phải có tài sản bảo đảm&lt;/b&gt;: khoản vay trên {0} đồng (ngưỡng áp dụng ngày {1}).</source>
        <translation>&lt;b&gt;Collateral required&lt;/b&gt;: the loan is above {0} VND (threshold in force on {1}).</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_form_checks.py" line="67"/>
        <source>Không cần tài sản bảo đảm (ngưỡng {0} đồng).</source>
        <translation>No collateral needed (threshold {0} VND).</translation>
    </message>
</context>
<context>
    <name>LoanLabels</name>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_labels.py" line="20"/>
        <source>Nháp</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_labels.py" line="21"/>
        <source>Đã nộp</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_labels.py" line="22"/>
        <source>Đã duyệt</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_labels.py" line="23"/>
        <source>Đã giải ngân</source>
        <translation>Disbursed</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_labels.py" line="24"/>
        <source>Đã tất toán</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_labels.py" line="25"/>
        <source>Bị từ chối</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_labels.py" line="28"/>
        <location filename="../../sonla_desktop/ui/pages/loan_labels.py" line="45"/>
        <source>Hộ nghèo</source>
        <translation>Poor household</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_labels.py" line="29"/>
        <location filename="../../sonla_desktop/ui/pages/loan_labels.py" line="46"/>
        <source>Hộ cận nghèo</source>
        <translation>Near-poor household</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_labels.py" line="30"/>
        <source>Dân tộc thiểu số</source>
        <translation>Ethnic minority</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_labels.py" line="31"/>
        <source>Thu hồi đất</source>
        <translation>Farmland revoked</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_labels.py" line="32"/>
        <source>Thân nhân người có công</source>
        <translation>Relative of a person of merit</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_labels.py" line="33"/>
        <source>Vùng nghèo</source>
        <translation>Poor area</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_labels.py" line="34"/>
        <source>Khác</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_labels.py" line="37"/>
        <source>Phí dịch vụ</source>
        <translation>Service fee</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_labels.py" line="38"/>
        <source>Vé máy bay</source>
        <translation>Airfare</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_labels.py" line="39"/>
        <source>Đào tạo, ngoại ngữ</source>
        <translation>Training, language</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_labels.py" line="40"/>
        <source>Khám sức khoẻ, hộ chiếu, visa</source>
        <translation>Health check, passport, visa</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_labels.py" line="41"/>
        <source>Tiền ký quỹ</source>
        <translation>Deposit</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_labels.py" line="42"/>
        <source>Chi phí khác</source>
        <translation>Other costs</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_labels.py" line="47"/>
        <source>Không nghèo, không cận nghèo</source>
        <translation>Neither poor nor near-poor</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_labels.py" line="51"/>
        <source>Hàng tháng</source>
        <translation>Monthly</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_labels.py" line="52"/>
        <source>Hàng quý</source>
        <translation>Quarterly</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_labels.py" line="53"/>
        <source>6 tháng một lần</source>
        <translation>Every 6 months</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_labels.py" line="54"/>
        <source>Hàng năm</source>
        <translation>Yearly</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_labels.py" line="55"/>
        <source>Một lần khi đến hạn</source>
        <translation>All at maturity</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_labels.py" line="98"/>
        <source>{0} %/năm</source>
        <translation>{0} %/year</translation>
    </message>
</context>
<context>
    <name>LoanRulesDialog</name>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_rules_dialog.py" line="57"/>
        <source>Quy định cho vay theo ngày hiệu lực</source>
        <translation>Loan rules by effective date</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_rules_dialog.py" line="58"/>
        <source>Loại</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_rules_dialog.py" line="58"/>
        <location filename="../../sonla_desktop/ui/pages/loan_rules_dialog.py" line="94"/>
        <source>Mã</source>
        <translation>Key</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_rules_dialog.py" line="58"/>
        <source>Từ ngày</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_rules_dialog.py" line="58"/>
        <location filename="../../sonla_desktop/ui/pages/loan_rules_dialog.py" line="96"/>
        <source>Đến ngày</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_rules_dialog.py" line="59"/>
        <source>Áp dụng cho</source>
        <translation>Applies to</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_rules_dialog.py" line="59"/>
        <location filename="../../sonla_desktop/ui/pages/loan_rules_dialog.py" line="99"/>
        <source>Giá trị</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_rules_dialog.py" line="59"/>
        <source>Căn cứ</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_rules_dialog.py" line="60"/>
        <location filename="../../sonla_desktop/ui/pages/loan_rules_dialog.py" line="103"/>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_rules_dialog.py" line="62"/>
        <source>Lãi suất công bố (chuỗi)</source>
        <translation>Published rate (series)</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_rules_dialog.py" line="62"/>
        <source>Lãi suất cho vay</source>
        <translation>Loan rate</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_rules_dialog.py" line="63"/>
        <source>Lãi suất nợ quá hạn</source>
        <translation>Overdue rate</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_rules_dialog.py" line="64"/>
        <source>Ngưỡng phải có bảo đảm tiền vay</source>
        <translation>Collateral threshold</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_rules_dialog.py" line="65"/>
        <source>Mức cho vay tối đa</source>
        <translation>Loan cap</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_rules_dialog.py" line="65"/>
        <source>Thời hạn vay tối đa</source>
        <translation>Longest term</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_rules_dialog.py" line="79"/>
        <source>có ngày hết hiệu lực</source>
        <translation>has an end date</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_rules_dialog.py" line="94"/>
        <source>Loại quy định</source>
        <translation>Rule kind</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_rules_dialog.py" line="95"/>
        <source>Hiệu lực từ ngày</source>
        <translation>In force from</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_rules_dialog.py" line="97"/>
        <source>Áp dụng cho (dữ kiện)</source>
        <translation>Applies to (facts)</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_rules_dialog.py" line="98"/>
        <source>Cách tính</source>
        <translation>Value kind</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_rules_dialog.py" line="100"/>
        <source>Theo lãi suất</source>
        <translation>Based on rate</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_rules_dialog.py" line="101"/>
        <source>Căn cứ pháp lý</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_rules_dialog.py" line="102"/>
        <source>Diễn giải (in trên hồ sơ)</source>
        <translation>Wording (printed on the dossier)</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_rules_dialog.py" line="111"/>
        <source>Thêm quy định</source>
        <translation>Add rule</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_rules_dialog.py" line="119"/>
        <source>Xã/phường đặc biệt khó khăn…</source>
        <translation>Particularly difficult communes…</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_rules_dialog.py" line="136"/>
        <source>Quy định cho vay do văn phòng tỉnh đặt và gửi xuống qua tệp đồng bộ; văn phòng xã/phường chỉ xem. Khi có quyết định mới, hãy đề nghị văn phòng tỉnh cập nhật.</source>
        <translation>Loan rules are set by the provincial office and sent down in sync files; a commune office only reads them here. When a new decision comes, ask the provincial office to update them.</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_rules_dialog.py" line="206"/>
        <source>Đã thêm quy định. Quy định cũ cùng mã được đóng vào ngày trước ngày hiệu lực mới.</source>
        <translation>Rule added. The previous rule with the same key now ends the day before the new one starts.</translation>
    </message>
</context>
<context>
    <name>LoansPage</name>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loans_page.py" line="1"/>
        <source>Dữ liệu Excel</source>
        <translation>Excel data</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loans_page.py" line="64"/>
        <source>Mọi trạng thái</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loans_page.py" line="67"/>
        <source>Mọi đối tượng</source>
        <translation>All groups</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loans_page.py" line="71"/>
        <source>Mọi xã/phường</source>
        <translation>All communes</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loans_page.py" line="73"/>
        <source>Chỉ khoản quá hạn</source>
        <translation>Overdue only</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loans_page.py" line="75"/>
        <source>Tìm tên, CCCD, điện thoại…</source>
        <translation>Search name, ID, phone…</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loans_page.py" line="99"/>
        <source>Lập đơn vay…</source>
        <translation>New application…</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loans_page.py" line="100"/>
        <source>Sửa đơn…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loans_page.py" line="101"/>
        <source>Nộp hồ sơ</source>
        <translation>Submit</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loans_page.py" line="102"/>
        <source>Duyệt…</source>
        <translation>Approve…</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loans_page.py" line="103"/>
        <source>Từ chối…</source>
        <translation>Reject…</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loans_page.py" line="104"/>
        <source>Giải ngân…</source>
        <translation>Disburse…</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loans_page.py" line="105"/>
        <source>Nhập trả nợ…</source>
        <translation>Record repayment…</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loans_page.py" line="106"/>
        <source>Tất toán</source>
        <translation>Close loan</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loans_page.py" line="107"/>
        <source>Xoá đơn</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loans_page.py" line="84"/>
        <source>Quy định cho vay…</source>
        <translation>Loan rules…</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loans_page.py" line="191"/>
        <source>{0} khoản vay</source>
        <translation>{0} loans</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loans_page.py" line="239"/>
        <source>Đã lưu đơn vay.</source>
        <translation>Application saved.</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loans_page.py" line="251"/>
        <source>Đã nộp hồ sơ.</source>
        <translation>Application submitted.</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loans_page.py" line="254"/>
        <source>Tất toán khoản vay của {0}?</source>
        <translation>Close the loan of {0}?</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loans_page.py" line="255"/>
        <source>Đã tất toán khoản vay.</source>
        <translation>Loan closed.</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loans_page.py" line="258"/>
        <source>Xoá đơn vay của {0}?</source>
        <translation>Delete the application of {0}?</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loans_page.py" line="259"/>
        <source>Đã xoá đơn vay.</source>
        <translation>Application deleted.</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loans_page.py" line="262"/>
        <source>Xác nhận</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loans_page.py" line="270"/>
        <source>Đã ghi nhận.</source>
        <translation>Recorded.</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loans_page.py" line="289"/>
        <source>Đang lập hồ sơ PDF…</source>
        <translation>Making the dossier PDF…</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loans_page.py" line="314"/>
        <source>Đã lưu {0}</source>
        <translation>Saved {0}</translation>
    </message>
</context>
<context>
    <name>LoansTableModel</name>
    <message>
        <location filename="../../sonla_desktop/ui/table_models/loans_model.py" line="33"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/table_models/loans_model.py" line="34"/>
        <source>Số CCCD</source>
        <translation>Citizen ID</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/table_models/loans_model.py" line="35"/>
        <source>Xã/Phường</source>
        <translation>Commune</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/table_models/loans_model.py" line="36"/>
        <source>Đối tượng</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/table_models/loans_model.py" line="37"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/table_models/loans_model.py" line="38"/>
        <source>Số tiền vay</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/table_models/loans_model.py" line="39"/>
        <source>Giải ngân</source>
        <translation>Paid out</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/table_models/loans_model.py" line="40"/>
        <source>Lãi suất</source>
        <translation>Rate</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/table_models/loans_model.py" line="41"/>
        <source>Thời hạn</source>
        <translation>Term</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/table_models/loans_model.py" line="42"/>
        <source>Dư nợ</source>
        <translation>Outstanding</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/table_models/loans_model.py" line="43"/>
        <source>Nợ quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/table_models/loans_model.py" line="133"/>
        <source>Không sắp xếp được theo cột này</source>
        <translation>This column cannot be sorted</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/table_models/loans_model.py" line="151"/>
        <source>Bị từ chối – xem lý do ở phần chi tiết</source>
        <translation>Rejected – see the reason in the details</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/table_models/loans_model.py" line="175"/>
        <source>{0} tháng</source>
        <translation>{0} months</translation>
    </message>
</context>
<context>
    <name>PoorAreasDialog</name>
    <message>
        <location filename="../../sonla_desktop/ui/pages/poor_areas_dialog.py" line="32"/>
        <source>Xã/phường có điều kiện kinh tế - xã hội đặc biệt khó khăn</source>
        <translation>Communes with particularly difficult socio-economic conditions</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/poor_areas_dialog.py" line="35"/>
        <source>Đánh dấu các xã/phường thuộc danh sách vùng đặc biệt khó khăn do Chính phủ ban hành. Người Kinh thuộc hộ nghèo sống ở đây được vay với lãi suất hộ nghèo (NĐ 338/2025/NĐ-CP, Điều 15). Chương trình không kèm danh sách nào: hãy đánh dấu theo văn bản của Chính phủ.</source>
        <translation>Tick the communes and wards on the Government's list of particularly difficult areas. Kinh workers of poor households living there borrow at the poor-household rate (Decree 338/2025/NĐ-CP, Art. 15). No list ships with the program: tick them from the Government's text.</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/poor_areas_dialog.py" line="42"/>
        <source>Danh sách do văn phòng tỉnh đặt và gửi xuống qua tệp đồng bộ; ở đây chỉ xem.</source>
        <translation>The province office sets the list and sends it down in sync files; here it is read-only.</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/poor_areas_dialog.py" line="44"/>
        <source>Tìm xã/phường…</source>
        <translation>Find a commune…</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/poor_areas_dialog.py" line="48"/>
        <source>Đặc biệt khó khăn</source>
        <translation>Particularly difficult</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/poor_areas_dialog.py" line="48"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/poor_areas_dialog.py" line="48"/>
        <source>Tên</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/poor_areas_dialog.py" line="109"/>
        <source>đã đánh dấu</source>
        <translation>is now flagged</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/poor_areas_dialog.py" line="109"/>
        <source>đã bỏ dấu</source>
        <translation>is no longer flagged</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/poor_areas_dialog.py" line="110"/>
        <source>Xã/phường {code} {what}; thay đổi sẽ đi theo tệp đồng bộ tới các văn phòng xã/phường.</source>
        <translation>Commune {code} {what}; the change travels to the commune offices with the next sync files.</translation>
    </message>
</context>
<context>
    <name>RejectDialog</name>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_dialogs.py" line="122"/>
        <source>Ghi nhận hồ sơ bị từ chối</source>
        <translation>Record a rejection</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_dialogs.py" line="124"/>
        <source>Hồ sơ vay của {0}.</source>
        <translation>Loan application of {0}.</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_dialogs.py" line="128"/>
        <source>Lý do từ chối</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>RepaymentDialog</name>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_dialogs.py" line="173"/>
        <source>Nhập trả nợ</source>
        <translation>Record a repayment</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_dialogs.py" line="178"/>
        <source>{0}: dư nợ gốc &lt;b&gt;{1} đồng&lt;/b&gt;; nợ gốc quá hạn {2}; lãi đến hạn {3}; lãi quá hạn {4}. Kỳ tới {5}.</source>
        <translation>{0}: outstanding principal &lt;b&gt;{1} VND&lt;/b&gt;; overdue principal {2}; interest due {3}; overdue interest {4}. Next instalment {5}.</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_dialogs.py" line="191"/>
        <source>Ngày trả</source>
        <translation>Paid on</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_dialogs.py" line="192"/>
        <source>Tiền gốc (đồng)</source>
        <translation>Principal (VND)</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_dialogs.py" line="193"/>
        <source>Tiền lãi (đồng)</source>
        <translation>Interest (VND)</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_dialogs.py" line="194"/>
        <source>Lãi quá hạn (đồng)</source>
        <translation>Overdue interest (VND)</translation>
    </message>
</context>
<context>
    <name>WorkerPickerDialog</name>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_dialogs.py" line="207"/>
        <source>Chọn người vay</source>
        <translation>Choose the borrower</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_dialogs.py" line="211"/>
        <source>Gõ tên, số CCCD hoặc số điện thoại…</source>
        <translation>Type a name, ID number or phone…</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_dialogs.py" line="222"/>
        <source>Lập đơn vay</source>
        <translation>New application</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/loan_dialogs.py" line="223"/>
        <source>Huỷ</source>
        <translation>Cancel</translation>
    </message>
</context>
</TS>
