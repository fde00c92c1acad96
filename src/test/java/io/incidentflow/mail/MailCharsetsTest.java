package io.incidentflow.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MailCharsetsTest {

    private static final String NEC_IBM = "①㈱～髙﨑ⅰ";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Shift_JIS", "shift_jis", "SJIS", "x-sjis", "MS_Kanji", "CP932", "windows-31j", "\"Shift_JIS\""})
    void everyShiftJisLabelDecodesWindowsExtensions(String label) {
        // The JDK's own "cp932" alias is IBM-942, which would mangle these.
        assertThat(MailCharsets.decode(NEC_IBM.getBytes(Charset.forName("windows-31j")), label, null))
                .isEqualTo(NEC_IBM);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ISO-2022-JP", "iso-2022-jp", "csISO2022JP", "ISO-2022-JP*ja", "CP50221"})
    void everyIso2022JpLabelDecodesMicrosoftExtensions(String label) throws Exception {
        assertThat(MailCharsets.decode(NEC_IBM.getBytes("x-windows-iso2022jp"), label, null)).isEqualTo(NEC_IBM);
    }

    @Test
    void standardIso2022JpKeepsTheStandardMapping() {
        String text = "波ダッシュ〜";
        assertThat(MailCharsets.decode(text.getBytes(Charset.forName("ISO-2022-JP")), "ISO-2022-JP", null))
                .isEqualTo(text);
    }

    @Test
    void shiftJisMislabelledAsIso2022JpIsStillRead() {
        assertThat(MailCharsets.decode("障害".getBytes(Charset.forName("windows-31j")), "ISO-2022-JP", null))
                .isEqualTo("障害");
    }

    @Test
    void unlabelledBytesAreDetected() {
        assertThat(MailCharsets.decode("障害".getBytes(StandardCharsets.UTF_8), null, null)).isEqualTo("障害");
        assertThat(MailCharsets.decode("障害".getBytes(Charset.forName("windows-31j")), "us-ascii", null))
                .isEqualTo("障害");
        assertThat(MailCharsets.decode("障害".getBytes(Charset.forName("EUC-JP")), null, "EUC-JP")).isEqualTo("障害");
    }

    @Test
    void unknownLabelFallsBackToDetectionInsteadOfFailing() {
        assertThat(MailCharsets.decode("障害".getBytes(StandardCharsets.UTF_8), "x-no-such-charset", null))
                .isEqualTo("障害");
        assertThat(MailCharsets.decode("caf\u00e9".getBytes(StandardCharsets.ISO_8859_1), "iso-8859-1", null))
                .isEqualTo("café");
    }
}
