<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CandidateList</name>
    <message>
        <location filename="../../sonla_desktop/ui/events/candidates.py" line="23" />
        <source>Người có thể đã có trong danh sách (Enter: chọn người này · Esc: nhập người mới):</source>
        <translation>People possibly already on file (Enter: choose this person · Esc: enter a new person):</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/candidates.py" line="29" />
        <source>trùng số CCCD</source>
        <translation>same ID number</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/candidates.py" line="30" />
        <source>trùng số điện thoại</source>
        <translation>same phone</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/candidates.py" line="31" />
        <source>trùng họ tên, năm sinh, xã</source>
        <translation>same name, birth year and commune</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/candidates.py" line="32" />
        <source>trùng họ tên trong xã</source>
        <translation>same name in the commune</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/candidates.py" line="42" />
        <source>[đã có trong hội nghị này] </source>
        <translation>[already at this conference] </translation>
    </message>
</context>
<context>
    <name>ContactsDialog</name>
    <message>
        <location filename="../../sonla_desktop/ui/events/dialogs.py" line="174" />
        <source>Liên hệ và lời văn trên tờ rơi</source>
        <translation>Flyer contacts and texts</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/dialogs.py" line="180" />
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/dialogs.py" line="181" />
        <source>Huỷ</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/dialogs.py" line="185" />
        <source>Mỗi liên hệ được in kèm mã QR để người dân quét bằng điện thoại.</source>
        <translation>Each contact is printed with a QR code that people can scan with a phone.</translation>
    </message>
</context>
<context>
    <name>ContactsForm</name>
    <message>
        <location filename="../../sonla_desktop/ui/events/dialogs.py" line="138" />
        <source>Tên đơn vị</source>
        <translation>Office name</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/dialogs.py" line="138" />
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/dialogs.py" line="139" />
        <source>Điện thoại văn phòng</source>
        <translation>Office phone</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/dialogs.py" line="140" />
        <source>Trang việc làm của tỉnh</source>
        <translation>Provincial jobs website</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/dialogs.py" line="141" />
        <source>Zalo (số điện thoại hoặc đường dẫn)</source>
        <translation>Zalo (phone number or link)</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/dialogs.py" line="142" />
        <source>Tiêu đề tờ rơi</source>
        <translation>Flyer headline</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/dialogs.py" line="142" />
        <source>Lời giới thiệu</source>
        <translation>Introduction</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/dialogs.py" line="143" />
        <source>Dòng cuối</source>
        <translation>Closing line</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/dialogs.py" line="159" />
        <source>Ví dụ: 0212 3852 123</source>
        <translation>e.g. 0212 3852 123</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <location filename="../../sonla_desktop/ui/events/dialogs.py" line="45" />
        <source>Sửa hội nghị</source>
        <translation>Edit conference</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/dialogs.py" line="45" />
        <source>Hội nghị tư vấn mới</source>
        <translation>New counselling conference</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/dialogs.py" line="55" />
        <source>Tư vấn đi làm việc ở nước ngoài theo hợp đồng</source>
        <translation>Counselling on working abroad under contract</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/dialogs.py" line="63" />
        <source>Ví dụ: Nhật Bản, Đài Loan</source>
        <translation>e.g. Japan, Taiwan</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/dialogs.py" line="72" />
        <source>&amp;Ngày (ngày/tháng/năm)</source>
        <translation>&amp;Date (day/month/year)</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/dialogs.py" line="73" />
        <source>&amp;Xã/Phường</source>
        <translation>&amp;Commune/ward</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/dialogs.py" line="74" />
        <source>&amp;Địa điểm</source>
        <translation>&amp;Place</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/dialogs.py" line="74" />
        <source>&amp;Chủ đề</source>
        <translation>&amp;Topic</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/dialogs.py" line="75" />
        <source>Đơn vị tổ &amp;chức</source>
        <translation>&amp;Organiser</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/dialogs.py" line="76" />
        <source>Người &amp;tư vấn</source>
        <translation>Co&amp;unsellors</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/dialogs.py" line="77" />
        <source>Doanh nghiệp tham dự</source>
        <translation>Agencies present</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/dialogs.py" line="78" />
        <source>Thị trường &amp;giới thiệu</source>
        <translation>&amp;Markets presented</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/dialogs.py" line="79" />
        <source>Ghi chú</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/dialogs.py" line="86" />
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/dialogs.py" line="87" />
        <source>Huỷ</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>EventFiles</name>
    <message>
        <source>Đang lập danh sách…</source>
        <translation>Preparing the sheet…</translation>
    </message>
    <message>
        <source>Danh sách ký tên {0}</source>
        <translation>Sign-in sheet {0}</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/files.py" line="28" />
        <source>Chọn tệp Excel có trang “Điểm danh”</source>
        <translation>Choose an Excel file with a “Điểm danh” (sign-in) sheet</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/files.py" line="29" />
        <source>Tệp Excel (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/files.py" line="34" />
        <source>Đã nhập %1 dòng: %2 người mới, %3 người đã có, %4 người đã có trong danh sách.</source>
        <translation>Imported %1 rows: %2 new people, %3 people already on file, %4 already on the list.</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/files.py" line="40" />
        <source>Nhập danh sách</source>
        <translation>Import list</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/files.py" line="45" />
        <source>Đang nhập…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/files.py" line="52" />
        <source>Chưa nhập được</source>
        <translation>Not imported</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/files.py" line="62" />
        <source>Lưu danh sách ký tên</source>
        <translation>Save attendance sheet</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/files.py" line="63" />
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
</context>
<context>
    <name>EventsPage</name>
    <message>
        <location filename="../../sonla_desktop/ui/pages/events.py" line="65" />
        <source>Tìm hội nghị (không cần dấu)…</source>
        <translation>Find a conference (diacritics optional)…</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/events.py" line="68" />
        <source>&amp;Hội nghị mới</source>
        <translation>&amp;New conference</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/events.py" line="69" />
        <source>&amp;Sửa</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/events.py" line="69" />
        <source>Xoá</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/events.py" line="80" />
        <source>Người cần liên hệ lại…</source>
        <translation>People to call back…</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/events.py" line="81" />
        <source>Tờ rơi…</source>
        <translation>Flyer…</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/events.py" line="82" />
        <source>Liên hệ trên tờ rơi…</source>
        <translation>Flyer contacts…</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/events.py" line="88" />
        <source>Chọn một hội nghị, hoặc thêm hội nghị mới (Ctrl+N).</source>
        <translation>Choose a conference, or add a new one (Ctrl+N).</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/events.py" line="95" />
        <source>&amp;Nhập danh sách từ Excel…</source>
        <translation>&amp;Import list from Excel…</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/events.py" line="96" />
        <source>&amp;In danh sách ký tên…</source>
        <translation>&amp;Print attendance sheet…</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/events.py" line="97" />
        <source>Tờ &amp;rơi cho hội nghị…</source>
        <translation>Fl&amp;yer for this conference…</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/events.py" line="110" />
        <source>Bỏ khỏi danh sách hội nghị</source>
        <translation>Remove from this conference</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/events.py" line="112" />
        <source>Đổi “liên hệ lại”</source>
        <translation>Toggle “call back”</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/events.py" line="119" />
        <source>Người tham dự</source>
        <translation>Attendees</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/events.py" line="201" />
        <source>Chủ đề: %1</source>
        <translation>Topic: %1</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/events.py" line="204" />
        <source>Thị trường: %1</source>
        <translation>Markets: %1</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/events.py" line="206" />
        <source>Người tư vấn: %1</source>
        <translation>Counsellors: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../sonla_desktop/ui/pages/events.py" line="222" />
        <source>Người tham dự: %n</source>
        <translation><numerusform>Attendees: %n</numerusform><numerusform>Attendees: %n</numerusform></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/events.py" line="269" />
        <source>Xoá hội nghị</source>
        <translation>Delete conference</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/events.py" line="270" />
        <source>Xoá hội nghị ngày %1 tại %2? Người tham dự vẫn còn trong danh sách người lao động.</source>
        <translation>Delete the conference of %1 at %2? The attendees stay in the list of workers.</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/events.py" line="291" />
        <source>Bỏ khỏi danh sách</source>
        <translation>Remove from list</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/events.py" line="292" />
        <source>Bỏ %1 khỏi danh sách hội nghị này?</source>
        <translation>Remove %1 from this conference?</translation>
    </message>
</context>
<context>
    <name>FlyerEditor</name>
    <message>
        <source>Tờ rơi {0}</source>
        <translation>Flyer {0}</translation>
    </message>
    <message>
        <source>&amp;In…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/flyer_editor.py" line="51" />
        <source>Tờ rơi tuyển lao động</source>
        <translation>Recruitment flyer</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/flyer_editor.py" line="53" />
        <source>Các thị trường của hội nghị</source>
        <translation>The conference’s markets</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/flyer_editor.py" line="54" />
        <source>Tất cả thị trường (bảng so sánh)</source>
        <translation>All markets (comparison table)</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/flyer_editor.py" line="58" />
        <source>Một tờ A4</source>
        <translation>One A4 page</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/flyer_editor.py" line="59" />
        <source>Hai tờ A5 trên một tờ A4 (in hai mặt, cắt đôi)</source>
        <translation>Two A5 flyers on one A4 sheet (print both sides, cut in half)</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/flyer_editor.py" line="64" />
        <source>&amp;Lưu PDF để in…</source>
        <translation>&amp;Save PDF to print…</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/flyer_editor.py" line="66" />
        <source>Lưu lời văn và liên hệ làm &amp;mặc định</source>
        <translation>Save texts and contacts as &amp;default</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/flyer_editor.py" line="68" />
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/flyer_editor.py" line="72" />
        <source>&amp;Thị trường</source>
        <translation>&amp;Market</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/flyer_editor.py" line="73" />
        <source>&amp;Khổ giấy</source>
        <translation>&amp;Paper</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/flyer_editor.py" line="77" />
        <source>Hội nghị ngày %1 – %2</source>
        <translation>Conference of %1 – %2</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/flyer_editor.py" line="93" />
        <source>Đang tạo bản xem trước…</source>
        <translation>Preparing the preview…</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/flyer_editor.py" line="171" />
        <source>Đã lưu làm mặc định.</source>
        <translation>Saved as default.</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/flyer_editor.py" line="176" />
        <source>Lưu tờ rơi</source>
        <translation>Save flyer</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/flyer_editor.py" line="177" />
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/flyer_editor.py" line="181" />
        <source>Đã lưu %1</source>
        <translation>Saved %1</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>Excel (*.xlsx);;CSV (*.csv);;PDF (*.pdf)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv);;PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Danh sách cần liên hệ lại</source>
        <translation>Follow-up list</translation>
    </message>
    <message>
        <source>&amp;In…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/dialogs.py" line="216" />
        <source>Người cần liên hệ lại</source>
        <translation>People to call back</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/dialogs.py" line="219" />
        <source>Hội nghị ngày %1 – %2</source>
        <translation>Conference of %1 – %2</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/dialogs.py" line="223" />
        <source>Cả %1</source>
        <translation>All of %1</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/dialogs.py" line="228" />
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/dialogs.py" line="229" />
        <source>Năm sinh</source>
        <translation>Birth year</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/dialogs.py" line="230" />
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/dialogs.py" line="231" />
        <source>Bản/Tổ dân phố</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/dialogs.py" line="232" />
        <source>Thị trường</source>
        <translation>Market</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/dialogs.py" line="234" />
        <source>Hội nghị</source>
        <translation>Conference</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/dialogs.py" line="242" />
        <source>&amp;Xuất CSV / Excel…</source>
        <translation>&amp;Export CSV / Excel…</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/dialogs.py" line="244" />
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/dialogs.py" line="247" />
        <source>Phạm vi:</source>
        <translation>Scope:</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/dialogs.py" line="254" />
        <source>Người đã đề nghị được liên hệ lại và vẫn ở trạng thái “Đăng ký” (chưa đào tạo, chưa xuất cảnh).</source>
        <translation>People who asked to be called back and are still “Registered” (not in training, not departed).</translation>
    </message>
    <message numerus="yes">
        <location filename="../../sonla_desktop/ui/events/dialogs.py" line="273" />
        <source>%n người</source>
        <translation><numerusform>%n person</numerusform><numerusform>%n people</numerusform></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/dialogs.py" line="279" />
        <source>Xuất danh sách</source>
        <translation>Export list</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/dialogs.py" line="280" />
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../sonla_desktop/ui/events/dialogs.py" line="285" />
        <source>Đã xuất %n người.</source>
        <translation><numerusform>Exported %n person.</numerusform><numerusform>Exported %n people.</numerusform></translation>
    </message>
</context>
<context>
    <name>RegistrationPanel</name>
    <message>
        <location filename="../../sonla_desktop/ui/events/registration.py" line="63" />
        <source>&amp;Họ và tên</source>
        <translation>&amp;Full name</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/registration.py" line="63" />
        <source>&amp;Năm sinh</source>
        <translation>&amp;Birth year</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/registration.py" line="64" />
        <source>&amp;Giới tính</source>
        <translation>&amp;Sex</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/registration.py" line="64" />
        <source>Số điện &amp;thoại</source>
        <translation>&amp;Phone</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/registration.py" line="65" />
        <source>Số &amp;CCCD</source>
        <translation>&amp;ID number (CCCD)</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/registration.py" line="65" />
        <source>&amp;Bản/Tổ dân phố</source>
        <translation>&amp;Village</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/registration.py" line="66" />
        <source>Thị trường &amp;quan tâm</source>
        <translation>&amp;Interested in market</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/registration.py" line="69" />
        <source>Ví dụ: Lò Văn Ơn</source>
        <translation>e.g. Lò Văn Ơn</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/registration.py" line="69" />
        <source>4 chữ số, ví dụ 1998</source>
        <translation>4 digits, e.g. 1998</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/registration.py" line="70" />
        <source>Nam hoặc Nữ (gõ nam / nu)</source>
        <translation>Male or female (type m / f)</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/registration.py" line="70" />
        <location filename="../../sonla_desktop/ui/events/registration.py" line="71" />
        <source>Không bắt buộc</source>
        <translation>Optional</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/registration.py" line="71" />
        <source>Ví dụ: Bản Hẹo</source>
        <translation>e.g. Bản Hẹo</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/registration.py" line="72" />
        <source>Nhật Bản, Đài Loan, Hàn Quốc… (không bắt buộc)</source>
        <translation>Japan, Taiwan, Korea… (optional)</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/registration.py" line="86" />
        <source>Muốn được &amp;liên hệ lại</source>
        <translation>Wants a &amp;call back</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/registration.py" line="95" />
        <source>Bằng lời, có người làm chứng</source>
        <translation>Verbal, witnessed</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/registration.py" line="96" />
        <source>Bằng văn bản (ký phiếu)</source>
        <translation>Written (signed form)</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/registration.py" line="97" />
        <source>Chưa đồng ý</source>
        <translation>Not given</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/registration.py" line="99" />
        <source>Đồng ý lưu thông tin:</source>
        <translation>Consent to keep the data:</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/registration.py" line="112" />
        <source>Lưu (Ctrl+Enter)</source>
        <translation>Save (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/registration.py" line="114" />
        <source>Nhập lại</source>
        <translation>Start over</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/registration.py" line="122" />
        <source>Enter: sang ô tiếp theo · Ctrl+Enter: lưu ngay · ↓: xem người có sẵn · Esc: bỏ chọn người có sẵn</source>
        <translation>Enter: next field · Ctrl+Enter: save now · ↓: people on file · Esc: drop the chosen person</translation>
    </message>
    <message numerus="yes">
        <location filename="../../sonla_desktop/ui/events/registration.py" line="165" />
        <source>Đã đăng ký: %n người</source>
        <translation><numerusform>Registered: %n person</numerusform><numerusform>Registered: %n people</numerusform></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/registration.py" line="253" />
        <location filename="../../sonla_desktop/ui/events/registration.py" line="306" />
        <source>Nam</source>
        <translation>Male</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/registration.py" line="253" />
        <location filename="../../sonla_desktop/ui/events/registration.py" line="306" />
        <source>Nữ</source>
        <translation>Female</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/registration.py" line="300" />
        <source>%1 đã có trong danh sách hội nghị này: không cần đăng ký lại.</source>
        <translation>%1 is already on this conference’s list: no need to register again.</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/registration.py" line="314" />
        <source>Đã chọn người có sẵn: &lt;b&gt;%1&lt;/b&gt; (%2). Enter để lưu · Esc để bỏ chọn và nhập người mới.</source>
        <translation>Person on file chosen: &lt;b&gt;%1&lt;/b&gt; (%2). Enter to save · Esc to drop and enter a new person.</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/registration.py" line="344" />
        <source>người mới</source>
        <translation>new person</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/registration.py" line="344" />
        <source>người đã có</source>
        <translation>already on file</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/registration.py" line="345" />
        <source>Đã lưu: %1 (%2).</source>
        <translation>Saved: %1 (%2).</translation>
    </message>
</context>
<context>
    <name>events</name>
    <message>
        <location filename="../../sonla_desktop/ui/events/models.py" line="39" />
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/models.py" line="39" />
        <source>Xã/Phường</source>
        <translation>Commune/ward</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/models.py" line="40" />
        <source>Chủ đề</source>
        <translation>Topic</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/models.py" line="41" />
        <source>Số người</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/models.py" line="42" />
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/models.py" line="43" />
        <source>Năm sinh</source>
        <translation>Birth year</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/models.py" line="44" />
        <source>Giới tính</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/models.py" line="45" />
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/models.py" line="46" />
        <source>Bản/Tổ dân phố</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/models.py" line="47" />
        <source>Thị trường</source>
        <translation>Market</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/models.py" line="48" />
        <source>Liên hệ lại</source>
        <translation>Call back</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/models.py" line="49" />
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/models.py" line="50" />
        <source>Có</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/models.py" line="51" />
        <source>Nam</source>
        <translation>Male</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/models.py" line="51" />
        <source>Nữ</source>
        <translation>Female</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/models.py" line="54" />
        <source>Đăng ký</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/models.py" line="55" />
        <source>Đào tạo</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/models.py" line="56" />
        <source>Đã xuất cảnh</source>
        <translation>Departed</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/models.py" line="57" />
        <source>Đã về nước</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/events/models.py" line="58" />
        <source>Huỷ</source>
        <translation>Cancel</translation>
    </message>
</context>
</TS>