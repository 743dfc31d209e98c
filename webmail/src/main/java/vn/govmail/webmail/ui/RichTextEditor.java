package vn.govmail.webmail.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.dom.DebouncePhase;

/**
 * A formatted-text editor: Quill 2 (BSD-3-Clause, served from {@code /vendor/quill/} — see the webmail pom) in a div.
 * Quill's own markup ({@code root.innerHTML}; its getSemanticHTML() turns every space into &nbsp; and runs the
 * lines of a quote together) comes back on every change (debounced; pending changes reach the server before a later click)
 * and is untrusted: {@code mail.FormattedText} cleans it before anything is sent.
 */
@Tag("div")
public class RichTextEditor extends Component implements HasSize {
    private static final String INIT = """
        const el = this, html = $0;
        const load = () => new Promise((resolve, reject) => {
          if (window.Quill) { resolve(); return; }
          let script = document.getElementById('govmail-quill');
          if (!script) {
            const css = document.createElement('link');
            css.rel = 'stylesheet';
            css.href = 'vendor/quill/quill.snow.css';
            document.head.appendChild(css);
            script = document.createElement('script');
            script.id = 'govmail-quill';
            script.src = 'vendor/quill/quill.js';
            document.head.appendChild(script);
          }
          script.addEventListener('load', () => resolve());
          script.addEventListener('error', reject);
        });
        load().then(() => {
          if (el.$quill) { return; }
          const box = document.createElement('div');
          box.style.minHeight = '14em';
          el.appendChild(box);
          const quill = new Quill(box, { theme: 'snow', modules: { toolbar: [
            [{ header: [1, 2, 3, false] }], ['bold', 'italic', 'underline', 'strike'],
            [{ list: 'ordered' }, { list: 'bullet' }], ['blockquote', 'link'], ['clean']] } });
          el.$quill = quill;
          quill.clipboard.dangerouslyPasteHTML(html); // the server's own HTML: escaped text (FormattedText.fromPlainText)
          const changed = () => el.dispatchEvent(new CustomEvent('html-changed', { detail: { html: quill.root.innerHTML } }));
          quill.on('text-change', changed);
          changed();
        });
        """;

    private String value = "";
    private Runnable onChange = () -> { };

    public RichTextEditor() {
        getElement().getClassList().add("rich-text-editor");
        getElement().addEventListener("html-changed", event -> {
            value = event.getEventData().path("event.detail.html").asString();
            onChange.run();
        }).addEventData("event.detail.html").debounce(300, DebouncePhase.TRAILING);
    }

    /** The editor's current HTML as the browser sent it (not yet cleaned). */
    public String getValue() {
        return value;
    }

    /** The starting content; only before the editor is shown (the compose form sets it once). */
    public void setValue(String html) {
        value = html == null ? "" : html;
    }

    public void setChangeListener(Runnable listener) {
        onChange = listener;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        getElement().executeJs(INIT, value);
    }
}
