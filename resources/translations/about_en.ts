<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Phông chữ Noto Sans, Noto Serif</source>
        <translation>Noto Sans, Noto Serif fonts</translation>
    </message>
    <message>
        <source>Giới thiệu</source>
        <translation>About</translation>
    </message>
    <message>
        <source>Quản lý người lao động đi làm việc ở nước ngoài theo hợp đồng, hồ sơ vay vốn ưu đãi, hội nghị tư vấn và đồng bộ dữ liệu với tỉnh bằng USB.</source>
        <translation>Manages people going to work abroad under contract, their preferential loan applications, counselling conferences, and USB sync with the province.</translation>
    </message>
    <message>
        <source>Phiên bản:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu:</source>
        <translation>Database:</translation>
    </message>
    <message>
        <source>Mã đơn vị (node):</source>
        <translation>Office (node) id:</translation>
    </message>
    <message>
        <source>Nhật ký lỗi:</source>
        <translation>Error log:</translation>
    </message>
    <message>
        <source>Qt:</source>
        <translation>Qt:</translation>
    </message>
    <message>
        <source>Thành phần</source>
        <translation>Component</translation>
    </message>
    <message>
        <source>Phiên bản</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Giấy phép</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>Chương trình phát hành theo giấy phép MIT. Toàn văn giấy phép của các thành phần nằm trong thư mục cài đặt.</source>
        <translation>This program is released under the MIT licence. The full licence texts of the components are in the installation folder.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Phông chữ và thư viện kèm theo&lt;/b&gt;</source>
        <translation>&lt;b&gt;Bundled fonts and libraries&lt;/b&gt;</translation>
    </message>
</context>
</TS>