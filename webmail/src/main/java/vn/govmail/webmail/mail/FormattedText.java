package vn.govmail.webmail.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;

/**
 * The formatted compose body: what the editor produces is HTML from the browser, so it is cleaned here (jsoup
 * {@link Safelist}: text formatting, lists, quotes, links — no scripts, styles, images or event handlers) before
 * it is sent, and a plain-text version is made from it for the text/plain part of multipart/alternative.
 */
public final class FormattedText {
    private static final Safelist COMPOSE = new Safelist()
        .addTags("p", "br", "div", "span", "b", "strong", "i", "em", "u", "s", "strike", "sub", "sup", "ul", "ol", "li",
            "blockquote", "pre", "code", "h1", "h2", "h3", "a")
        .addAttributes("a", "href")
        .addProtocols("a", "href", "http", "https", "mailto")
        .addEnforcedAttribute("a", "rel", "noopener noreferrer");
    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "blockquote", "pre", "h1", "h2", "h3", "ul", "ol");

    private FormattedText() {
    }

    /** The editor's HTML, cleaned (a body fragment). */
    public static String sanitize(String html) {
        Document document = Jsoup.parseBodyFragment(html == null ? "" : html);
        document.outputSettings().prettyPrint(false); // no added line breaks: the mail keeps the user's spacing
        fromQuillMarkup(document.body());
        return Jsoup.clean(document.body().html(), "", COMPOSE, new Document.OutputSettings().prettyPrint(false));
    }

    /**
     * Quill 2 writes every list as {@code <ol>} with {@code data-list="bullet|ordered"} items and every quoted line
     * as its own {@code <blockquote>}: made plain HTML (bullet lists as {@code <ul>}, consecutive quote lines in one
     * quote) before cleaning, which drops the attributes.
     */
    private static void fromQuillMarkup(Element body) {
        for (Element list : body.select("ol")) {
            Element first = list.firstElementChild();
            if (first != null && "bullet".equals(first.attr("data-list"))) {
                list.tagName("ul");
            }
        }
        body.select("span.ql-ui").remove();
        for (Element quote : body.select("blockquote")) {
            Element next = quote.nextElementSibling();
            while (next != null && next.nameIs("blockquote") && quote.parent() != null) {
                quote.appendElement("br");
                quote.appendChildren(next.childNodes());
                Element after = next.nextElementSibling();
                next.remove();
                next = after;
            }
        }
    }

    /** The text/plain alternative: paragraphs and list items on their own lines, quotes prefixed with "> ", links with their URL. */
    public static String toPlainText(String html) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        render(Jsoup.parseBodyFragment(sanitize(html)).body(), 0, lines, line);
        flush(lines, line, 0);
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        return String.join("\n", lines);
    }

    private static void render(Element parent, int quoteDepth, List<String> lines, StringBuilder line) {
        for (Node child : parent.childNodes()) {
            if (child instanceof TextNode text) {
                if (!(text.isBlank() && line.isEmpty())) { // the line breaks jsoup puts between blocks are not text
                    line.append(text.text());
                }
            } else if (child instanceof Element element) {
                String name = element.normalName();
                if (name.equals("br")) {
                    flush(lines, line, quoteDepth);
                } else if (BLOCKS.contains(name)) {
                    if (!line.toString().isBlank()) {
                        flush(lines, line, quoteDepth);
                    }
                    line.setLength(0);
                    int depth = name.equals("blockquote") ? quoteDepth + 1 : quoteDepth;
                    int before = lines.size();
                    if (name.equals("li")) {
                        line.append(element.parent() != null && element.parent().nameIs("ol") ? (element.elementSiblingIndex() + 1) + ". " : "- ");
                    }
                    render(element, depth, lines, line);
                    if (!line.isEmpty() || lines.size() == before && !name.equals("ul") && !name.equals("ol") && !name.equals("blockquote")) {
                        flush(lines, line, depth); // an empty paragraph is an empty line
                    }
                } else {
                    render(element, quoteDepth, lines, line);
                    String href = element.nameIs("a") ? element.attr("href") : "";
                    if (!href.isEmpty() && !href.equals(element.text()) && !href.equals("mailto:" + element.text())) {
                        line.append(" <").append(href).append('>');
                    }
                }
            }
        }
    }

    private static void flush(List<String> lines, StringBuilder line, int quoteDepth) {
        lines.add(("> ".repeat(quoteDepth) + line).stripTrailing());
        line.setLength(0);
    }

    /** Plain text (a reply's "> " quote, a signature) as editor HTML: one paragraph a line, quoted lines in blockquotes. */
    public static String fromPlainText(String text) {
        StringBuilder html = new StringBuilder();
        int depth = 0;
        for (String raw : (text == null ? "" : text).split("\r?\n", -1)) {
            int level = 0;
            String line = raw;
            while (line.startsWith(">")) {
                level++;
                line = line.substring(1).stripLeading();
            }
            for (; depth < level; depth++) {
                html.append("<blockquote>");
            }
            for (; depth > level; depth--) {
                html.append("</blockquote>");
            }
            html.append("<p>").append(line.isEmpty() ? "<br>" : org.jsoup.nodes.Entities.escape(line)).append("</p>");
        }
        html.append("</blockquote>".repeat(depth));
        return html.toString();
    }
}
