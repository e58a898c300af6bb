package org.fuwu.knowledge.internal;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Keeps only a safe subset of HTML in an answer, with jsoup's {@link Safelist}: {@link Safelist#basic()} (text
 * formatting, lists, paragraphs, block quotes, code, and links to http, https and mailto with
 * {@code rel="nofollow"}) plus headings, tables and rules. No script, style, event handler, image, frame, form or
 * {@code javascript:} URL survives, so a stored answer cannot carry a script to a customer's or agent's page.
 * Answers are sanitised when written, and the pages print them as stored.
 */
public final class AnswerSanitizer {

    static final Safelist SAFE = Safelist.basic()
            .addTags("h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "hr")
            .addAttributes("td", "colspan", "rowspan")
            .addAttributes("th", "colspan", "rowspan");

    private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);

    private AnswerSanitizer() {
    }

    public static String sanitize(String html) {
        if (html == null) {
            return "";
        }
        return Jsoup.clean(html, "", SAFE, OUTPUT).strip();
    }

    /** The text of an answer, without markup, white space collapsed. */
    public static String plainText(String html) {
        return html == null ? "" : Jsoup.parse(html).text().strip();
    }

    /** The start of the plain text, cut at about {@code max} characters with an ellipsis. */
    public static String snippet(String html, int max) {
        String text = plainText(html);
        if (text.length() <= max) {
            return text;
        }
        int cut = max;
        int space = text.lastIndexOf(' ', max);
        if (space > max * 2 / 3) {
            cut = space;
        }
        return text.substring(0, cut).strip() + "…";
    }
}
