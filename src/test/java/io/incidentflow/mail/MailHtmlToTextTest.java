package io.incidentflow.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MailHtmlToTextTest {

    @Test
    void scriptEndIsFoundWhateverItsCaseAndContents() {
        assertThat(HtmlToText.convert("a<ScRiPt>if (x < 1 && y > 2) { w('</p>'); }</SCRIPT >b")).isEqualTo("ab");
    }

    @Test
    void greaterThanInsideAQuotedAttributeDoesNotEndTheTag() {
        assertThat(HtmlToText.convert("<img alt=\"a > b\" src='x>y'>テキスト")).isEqualTo("テキスト");
    }

    @Test
    void unterminatedCommentTagOrScriptSwallowsOnlyWhatFollows() {
        assertThat(HtmlToText.convert("前<!-- never closed <p>secret")).isEqualTo("前");
        assertThat(HtmlToText.convert("前<script>evil()")).isEqualTo("前");
        assertThat(HtmlToText.convert("前<div class=\"x")).isEqualTo("前");
    }

    @Test
    void lessThanThatStartsNoTagStaysText() {
        assertThat(HtmlToText.convert("1 < 2 and 3 <= 4")).isEqualTo("1 < 2 and 3 <= 4");
    }

    @Test
    void escapedMarkupBecomesLiteralTextNotMarkup() {
        assertThat(HtmlToText.convert("&lt;script&gt;alert(1)&lt;/script&gt; &#12354;&#x3044; &unknown; &amp")).isEqualTo(
                "<script>alert(1)</script> あい &unknown; &amp");
    }

    @Test
    void whitespaceCollapsesExceptInPre() {
        assertThat(HtmlToText.convert("<p>a \n\t b</p><pre>x  y\n  z</pre>")).isEqualTo("a b\n\nx  y\n  z");
    }

    @Test
    void tableCellsAreSeparatedAndRowsAreLines() {
        assertThat(HtmlToText.convert("<table><tr><th>ホスト</th><th>状態</th></tr><tr><td>db01</td><td>DOWN</td></tr>"
                + "</table>")).isEqualTo("ホスト 状態\ndb01 DOWN");
    }

    @Test
    void onlyReadableLinkTargetsAreKept() {
        assertThat(HtmlToText.convert("<a href=\"https://example.com/a?x=1&amp;y=2\">grafana</a> "
                + "<a href='javascript:alert(1)'>click</a> <a href=\"mailto:ops@example.com\">ops@example.com</a>"))
                .isEqualTo("grafana <https://example.com/a?x=1&y=2> click ops@example.com");
    }
}
