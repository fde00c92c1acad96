package io.incidentflow.mail;

import static io.incidentflow.mail.RawMail.crlf;
import static io.incidentflow.mail.RawMail.encodedWord;
import static io.incidentflow.mail.RawMail.mail;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MailMessageParserTest {

    private static final String SUBJECT = "【障害】サーバー db01 応答なし：至急確認";
    private static final String BODY = "お疲れ様です。運用チームの山田です。\n"
            + "本日 9:15 よりサーバー db01 が応答しません。\n"
            + "ディスク使用率 95% を超えています。確認をお願いします。";
    private static final String NAME = "山田 太郎";

    static Stream<Arguments> charsetsAndTransferEncodings() {
        return Stream.of("ISO-2022-JP", "Shift_JIS", "EUC-JP", "UTF-8")
                .flatMap(charset -> Stream.of("7bit", "8bit", "base64", "quoted-printable")
                        .map(encoding -> Arguments.of(charset, encoding)));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("charsetsAndTransferEncodings")
    void japaneseSubjectSenderAndBodyDecodeExactly(String charset, String transferEncoding) throws Exception {
        char wordEncoding = transferEncoding.equals("quoted-printable") ? 'Q' : 'B';
        ParsedMail parsed = new RawMail()
                .header("From: " + encodedWord(NAME, charset, wordEncoding) + " <taro.yamada@example.co.jp>")
                .header("To: support@example.com")
                .header("Subject: " + encodedWord(SUBJECT, charset, wordEncoding))
                .header("Message-ID: <20260303091500.1@example.co.jp>")
                .header("Date: Tue, 3 Mar 2026 09:15:00 +0900")
                .header("MIME-Version: 1.0")
                .text("text/plain", BODY, charset, transferEncoding)
                .parse();

        assertThat(parsed.subject()).isEqualTo(SUBJECT);
        assertThat(parsed.body()).isEqualTo(BODY);
        assertThat(parsed.fromName()).isEqualTo(NAME);
        assertThat(parsed.from()).isEqualTo("taro.yamada@example.co.jp");
        assertThat(parsed.to()).containsExactly("support@example.com");
        assertThat(parsed.messageId()).isEqualTo("<20260303091500.1@example.co.jp>");
        assertThat(parsed.sentDate()).isEqualTo(OffsetDateTime.parse("2026-03-03T09:15:00+09:00"));
        assertThat(parsed.notes()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"7bit", "base64", "quoted-printable"})
    void outlookIso2022JpWithMicrosoftCharactersDecodesWithoutReplacement(String transferEncoding) throws Exception {
        String subject = "①サーバー停止のお知らせ（㈱サンプル）10時～12時";
        String body = "① 10時～12時 に停止します。\n② 連絡先：㈱サンプル 髙橋\n№1 ㍉ ∑";
        byte[] microsoft = body.getBytes("x-windows-iso2022jp");
        assertThat(new String(microsoft, "ISO-2022-JP")).as("the plain decoder alone mangles it").isNotEqualTo(body);

        ParsedMail parsed = mail()
                .header("Subject: " + encodedWord(subject, "ISO-2022-JP", "x-windows-iso2022jp", 'B'))
                .text("text/plain", body, "ISO-2022-JP", "x-windows-iso2022jp", transferEncoding)
                .parse();

        assertThat(parsed.subject()).isEqualTo(subject);
        assertThat(parsed.body()).isEqualTo(body).doesNotContain("\uFFFD", "?");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"8bit", "base64", "quoted-printable"})
    void shiftJisWithNecAndIbmExtensionsDecodesAsWindows31j(String transferEncoding) throws Exception {
        String subject = "①㈱サンプル 髙﨑様 ～ ⅰ";
        String body = "①②③ ㈱ ㈲ ～ ∥ － ￢\n髙﨑 德 ⅰⅱ ￤ ＇ ＂";
        assertThat(new String(body.getBytes("windows-31j"), "Shift_JIS")).as("the plain decoder alone mangles it")
                .isNotEqualTo(body);

        ParsedMail parsed = mail()
                .header("Subject: " + encodedWord(subject, "Shift_JIS", "windows-31j", 'B'))
                .text("text/plain", body, "Shift_JIS", "windows-31j", transferEncoding)
                .parse();

        assertThat(parsed.subject()).isEqualTo(subject);
        assertThat(parsed.body()).isEqualTo(body);
    }

    @Test
    void eucJpWithNecExtensionsFallsBackToTheOpenVariant() throws Exception {
        String body = "① 障害報告 ㈱サンプル";
        ParsedMail parsed = mail()
                .text("text/plain", body, "EUC-JP", "x-eucJP-Open", "base64")
                .parse();

        assertThat(parsed.body()).isEqualTo(body);
    }

    @Test
    void encodedWordsSplitInsideACharacterAreJoinedBeforeDecoding() throws Exception {
        byte[] utf8 = "ディスク容量不足".getBytes(StandardCharsets.UTF_8);
        String first = Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(utf8, 0, 7));
        String second = Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(utf8, 7, utf8.length));

        ParsedMail parsed = mail()
                .rawHeader("Subject", ("[警告] =?UTF-8?B?" + first + "?=\r\n =?utf-8?b?" + second + "?= (db01)")
                        .getBytes(StandardCharsets.UTF_8))
                .text("text/plain", "x", "us-ascii", "7bit")
                .parse();

        assertThat(parsed.subject()).isEqualTo("[警告] ディスク容量不足 (db01)");
    }

    @Test
    void rawUtf8AndRawIso2022JpHeadersAreDecodedToo() throws Exception {
        ParsedMail utf8 = mail()
                .rawHeader("Subject", "障害: 応答なし".getBytes(StandardCharsets.UTF_8))
                .text("text/plain", "本文", "UTF-8", "8bit")
                .parse();
        ParsedMail jis = mail()
                .rawHeader("Subject", "障害: 応答なし".getBytes(Charset.forName("ISO-2022-JP")))
                .text("text/plain", "本文", "ISO-2022-JP", "7bit")
                .parse();
        ParsedMail sjisUnlabelled = mail()
                .rawHeader("Subject", "障害: 応答なし".getBytes(Charset.forName("windows-31j")))
                .text("text/plain", "本文", "Shift_JIS", "8bit")
                .parse();

        assertThat(utf8.subject()).isEqualTo("障害: 応答なし");
        assertThat(jis.subject()).isEqualTo("障害: 応答なし");
        assertThat(sjisUnlabelled.subject()).isEqualTo("障害: 応答なし");
    }

    @Test
    void quotedEncodedWordDisplayNameAndAddressListsAreRead() throws Exception {
        ParsedMail parsed = mail()
                .header("From: \"" + encodedWord("監視システム", "ISO-2022-JP", 'B') + "\" <Monitor@Example.co.jp>")
                .header("To: \"Support, Desk\" <support@example.com>, ops@example.com")
                .header("Cc: " + encodedWord("佐藤", "UTF-8", 'Q') + " <sato@example.com>")
                .text("text/plain", "x", "us-ascii", "7bit")
                .parse();

        assertThat(parsed.fromName()).isEqualTo("監視システム");
        assertThat(parsed.from()).isEqualTo("Monitor@Example.co.jp");
        assertThat(parsed.to()).containsExactly("support@example.com", "ops@example.com");
        assertThat(parsed.cc()).containsExactly("sato@example.com");
    }

    @Test
    void unlabelledIso2022JpBodyIsRecognisedByItsEscapeSequences() throws Exception {
        String body = "ラベルのない本文";
        ParsedMail parsed = mail()
                .header("Content-Type: text/plain")
                .body(crlf(body).getBytes(Charset.forName("ISO-2022-JP")))
                .parse();

        assertThat(parsed.body()).isEqualTo(body);
    }

    @Test
    void htmlOnlyMailBecomesTextWithoutTagsScriptsOrStyles() throws Exception {
        String html = "<!DOCTYPE html><html><head><title>通知</title><style>p { color: red }</style>"
                + "<script>alert('head')</script></head><body>"
                + "<h1>障害通知</h1><p>サーバー&nbsp;db01 で<b>ディスク</b>不足 &amp; 応答遅延&#x3002;</p>"
                + "<SCRIPT type=\"text/javascript\">document.write('<p>evil</p>')</SCRIPT>"
                + "<div onclick=\"steal()\" title=\"a > b\">詳細は<a href=\"https://runbook.example.com/db01\">手順書</a>"
                + "<a href=\"javascript:steal()\">ここ</a></div><!-- <p>hidden</p> -->"
                + "<ul><li>項目1</li><li>項目2</li></ul><p>1 &lt; 2</p></body></html>";

        ParsedMail parsed = mail()
                .text("text/html", html, "Shift_JIS", "quoted-printable")
                .parse();

        assertThat(parsed.body()).isEqualTo("障害通知\n\nサーバー db01 でディスク不足 & 応答遅延。\n\n"
                + "詳細は手順書 <https://runbook.example.com/db01>ここ\n- 項目1\n- 項目2\n\n1 < 2");
        assertThat(parsed.body()).doesNotContain("alert", "evil", "steal", "color", "hidden", "通知\n障害", "<p", "<b>");
    }

    @Test
    void plainAlternativeIsPreferredOverHtml() throws Exception {
        ParsedMail parsed = mail()
                .header("Content-Type: multipart/alternative; boundary=\"b1\"")
                .body(crlf("--b1\nContent-Type: text/html; charset=UTF-8\n\n<p>HTML版</p>\n"
                        + "--b1\nContent-Type: text/plain; charset=ISO-2022-JP\nContent-Transfer-Encoding: base64\n\n"
                        + Base64.getEncoder().encodeToString("テキスト版".getBytes("ISO-2022-JP")) + "\n--b1--\n")
                        .getBytes(StandardCharsets.UTF_8))
                .parse();

        assertThat(parsed.body()).isEqualTo("テキスト版");
    }

    @Test
    void attachmentOverTheLimitIsDroppedWithANoteAndTheMailIsKept() throws Exception {
        byte[] small = "small log".getBytes(StandardCharsets.US_ASCII);
        byte[] large = new byte[2048];
        java.util.Arrays.fill(large, (byte) 'x');
        var message = mail()
                .header("Content-Type: multipart/mixed; boundary=\"b\"")
                .body(crlf("--b\nContent-Type: text/plain; charset=UTF-8\n\n本文です\n"
                        + "--b\nContent-Type: application/octet-stream\nContent-Disposition: attachment; filename=big.bin\n"
                        + "Content-Transfer-Encoding: base64\n\n" + Base64.getMimeEncoder().encodeToString(large) + "\n"
                        + "--b\nContent-Type: text/plain\nContent-Disposition: attachment; filename=\"small.log\"\n\n"
                        + "small log\n--b--\n").getBytes(StandardCharsets.UTF_8))
                .message();

        ParsedMail parsed = new MailMessageParser(1024, 20).parse(message);

        assertThat(parsed.body()).isEqualTo("本文です");
        assertThat(parsed.attachments()).containsExactly(new MailAttachment("small.log", "text/plain", small));
        assertThat(parsed.notes()).singleElement().asString().contains("big.bin", "2.0 KiB", "1.0 KiB");
    }

    @Test
    void attachmentsBeyondTheCountLimitAreDroppedWithANote() throws Exception {
        StringBuilder body = new StringBuilder("--b\nContent-Type: text/plain\n\nbody\n");
        for (int i = 1; i <= 3; i++) {
            body.append("--b\nContent-Type: image/png\nContent-Disposition: attachment; filename=\"p").append(i)
                    .append(".png\"\nContent-Transfer-Encoding: base64\n\niVBORw0KGgo=\n");
        }
        var message = mail().header("Content-Type: multipart/mixed; boundary=b")
                .body(crlf(body + "--b--\n").getBytes(StandardCharsets.US_ASCII)).message();

        ParsedMail parsed = new MailMessageParser(1024, 2).parse(message);

        assertThat(parsed.attachments()).extracting(MailAttachment::name).containsExactly("p1.png", "p2.png");
        assertThat(parsed.attachments().get(0).content())
                .isEqualTo(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        assertThat(parsed.notes()).singleElement().asString().contains("p3.png", "more than 2");
    }

    static Stream<Arguments> japaneseFileNames() {
        String name = "障害報告書①_2026年3月.xlsx";
        String utf8 = percent(name.getBytes(StandardCharsets.UTF_8));
        String jis = percent(name.getBytes(Charset.forName("x-windows-iso2022jp")));
        return Stream.of(
                Arguments.of("RFC 2231 UTF-8", "attachment; filename*=UTF-8''" + utf8, null),
                Arguments.of("RFC 2231 continuations in ISO-2022-JP",
                        "attachment;\n filename*0*=ISO-2022-JP'ja'" + jis.substring(0, 30) + ";\n filename*1*="
                                + jis.substring(30), null),
                Arguments.of("RFC 2047 in quotes, ISO-2022-JP (Outlook)",
                        "attachment; filename=\"" + encodedWord(name, "ISO-2022-JP", "x-windows-iso2022jp", 'B') + "\"",
                        null),
                Arguments.of("RFC 2047 in Content-Type name only, Shift_JIS", "attachment",
                        "\"" + encodedWord(name, "Shift_JIS", "windows-31j", 'B') + "\""),
                Arguments.of("raw UTF-8 bytes", "attachment; filename=\"" + new String(
                        name.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1) + "\"", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("japaneseFileNames")
    void japaneseAttachmentFileNamesAreDecoded(String how, String disposition, String contentTypeName) throws Exception {
        String part = "--b\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                + (contentTypeName == null ? "" : "; name=" + contentTypeName)
                + "\nContent-Disposition: " + disposition + "\nContent-Transfer-Encoding: base64\n\nUEsDBA==\n";
        var message = mail().header("Content-Type: multipart/mixed; boundary=b")
                .body(crlf("--b\nContent-Type: text/plain\n\nsee attachment\n" + part + "--b--\n")
                        .getBytes(StandardCharsets.ISO_8859_1))
                .message();

        ParsedMail parsed = new MailMessageParser(1024, 5).parse(message);

        assertThat(parsed.attachments()).singleElement().satisfies(attachment -> {
            assertThat(attachment.name()).isEqualTo("障害報告書①_2026年3月.xlsx");
            assertThat(attachment.contentType())
                    .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            assertThat(attachment.content()).containsExactly('P', 'K', 3, 4);
        });
    }

    @Test
    void attachmentNamesLoseDirectoriesAndControlCharacters() throws Exception {
        var message = mail().header("Content-Type: multipart/mixed; boundary=b")
                .body(crlf("--b\nContent-Type: text/plain\n\nx\n--b\nContent-Type: text/plain\n"
                        + "Content-Disposition: attachment; filename=\"../../etc/pass\\\\wd\"\n\nroot\n--b--\n")
                        .getBytes(StandardCharsets.US_ASCII))
                .message();

        assertThat(new MailMessageParser(1024, 5).parse(message).attachments())
                .extracting(MailAttachment::name).containsExactly("wd");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"[INC-000042] ディスク不足", "Re: [INC-000042] ディスク不足", "RE: [INC-000042]",
            "Fwd: Re: [inc-000042] x", "返信: [INC-000042] 対応状況", "AW: Re[2]: [ INC-000042 ] y", "RE:[INC-000042]"})
    void incidentReferenceInTheSubjectMakesTheMailAReply(String subject) throws Exception {
        ParsedMail parsed = mail()
                .header("Subject: " + encodedWord(subject, "UTF-8", 'B'))
                .text("text/plain", "x", "us-ascii", "7bit")
                .parse();

        assertThat(parsed.incidentRef()).isEqualTo("INC-000042");
        assertThat(parsed.isReply()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"INC-000042 without brackets", "[INC-42] too short", "[INCIDENT-000042]", "障害"})
    void subjectWithoutAnIncidentReferenceIsANewReport(String subject) {
        assertThat(MailMessageParser.incidentRef(subject)).isNull();
    }

    @Test
    void formatFlowedLinesAreJoined() throws Exception {
        ParsedMail parsed = mail()
                .header("Content-Type: text/plain; charset=UTF-8; format=flowed")
                .body(crlf("これは長い \n一行です。\n次の行").getBytes(StandardCharsets.UTF_8))
                .parse();

        assertThat(parsed.body()).isEqualTo("これは長い 一行です。\n次の行");
    }

    @Test
    void mailWithoutMessageIdDateOrSubjectStillParses() throws Exception {
        ParsedMail parsed = new RawMail()
                .header("From: ops@example.com")
                .header("Content-Type: text/plain; charset=UTF-8")
                .header("Content-Transfer-Encoding: base64")
                .body("not base64 at all ***")
                .parse();

        assertThat(parsed.messageId()).isNull();
        assertThat(parsed.subject()).isNull();
        assertThat(parsed.sentDate()).isNull();
        assertThat(parsed.dedupKey()).startsWith("sha256:");
    }

    private static String percent(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(String.format("%%%02X", b & 0xFF));
        }
        return out.toString();
    }
}
