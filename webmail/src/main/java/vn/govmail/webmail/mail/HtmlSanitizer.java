package vn.govmail.webmail.mail;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Mail HTML → HTML safe to put in a sandboxed iframe's srcdoc. jsoup's Safelist removes scripts, event
 * handlers, forms, frames, SVG, meta/base/link/style elements and non-http(s)/mailto links; on top of that,
 * inline styles that could load anything (url(), @import, expression(), behavior) are dropped, inline images
 * (cid:) become data: URIs and remote images are kept only when the user allowed them.
 */
public final class HtmlSanitizer {
    private static final Pattern DANGEROUS_STYLE = Pattern.compile("url\\s*\\(|expression|@import|behavior|javascript:|-moz-binding|image-set|\\\\");
    private static final Safelist SAFELIST = Safelist.relaxed()
        .addTags("font", "center", "hr", "small", "big", "s", "strike")
        .addAttributes(":all", "style", "align", "valign", "bgcolor", "color", "dir", "lang")
        .addAttributes("font", "face", "size", "color")
        .addAttributes("table", "border", "cellpadding", "cellspacing", "width")
        .addAttributes("td", "width", "height", "nowrap")
        .addAttributes("th", "width", "height", "nowrap")
        .addProtocols("img", "src", "http", "https", "data", "cid")
        .preserveRelativeLinks(false);

    private HtmlSanitizer() {
    }

    public record Result(String html, int blockedImages) {
    }

    /**
     * @param inlineImages Content-ID (without angle brackets) → data: URI of that part
     * @param allowRemoteImages whether http(s) images may stay
     */
    public static Result sanitize(String html, Map<String, String> inlineImages, boolean allowRemoteImages) {
        Document dirty = Jsoup.parse(html == null ? "" : html);
        Document clean = new Cleaner(SAFELIST).clean(dirty);
        int blocked = 0;
        for (Element img : clean.select("img")) {
            String src = img.attr("src").trim();
            String lower = src.toLowerCase(Locale.ROOT);
            if (lower.startsWith("cid:")) {
                String dataUri = inlineImages.get(src.substring(4));
                if (dataUri == null) {
                    img.removeAttr("src");
                } else {
                    img.attr("src", dataUri);
                }
            } else if (lower.startsWith("data:")) {
                if (!lower.startsWith("data:image/") || lower.startsWith("data:image/svg")) {
                    img.removeAttr("src"); // SVG can carry script and external references
                }
            } else if (lower.startsWith("http:") || lower.startsWith("https:")) {
                if (!allowRemoteImages) {
                    img.removeAttr("src");
                    img.attr("alt", img.attr("alt").isEmpty() ? "[image]" : img.attr("alt"));
                    blocked++;
                }
            } else {
                img.removeAttr("src");
            }
            img.removeAttr("srcset");
        }
        for (Element styled : clean.select("[style]")) {
            if (DANGEROUS_STYLE.matcher(styled.attr("style").toLowerCase(Locale.ROOT)).find()) {
                styled.removeAttr("style");
            }
        }
        for (Element link : clean.select("a[href]")) {
            link.attr("target", "_blank");
            link.attr("rel", "noopener noreferrer nofollow");
        }
        return new Result(clean.body().html(), blocked);
    }

    /**
     * The whole document for {@code <iframe sandbox srcdoc>}: a CSP of its own allows no script, no connection,
     * no form target and images only from data: (plus http(s) after the user allowed them).
     */
    public static String frameDocument(String safeBodyHtml, boolean allowRemoteImages) {
        String images = allowRemoteImages ? "data: https: http:" : "data:";
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
            + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src " + images
            + "; style-src 'unsafe-inline'; font-src data:; form-action 'none'; base-uri 'none'\">"
            + "<meta name=\"referrer\" content=\"no-referrer\">"
            + "<style>body{font-family:system-ui,'Segoe UI',Roboto,Arial,sans-serif;font-size:15px;line-height:1.45;"
            + "margin:8px;color:#1a1a1a;word-wrap:break-word}img{max-width:100%;height:auto}"
            + "pre{white-space:pre-wrap}table{max-width:100%}</style></head><body>"
            + safeBodyHtml + "</body></html>";
    }
}
