package vn.govmail.webmail.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import java.util.function.Function;

/** Tiếng Việt / English switch: changes the session's locale and redraws the page. */
final class LanguageSelect {
    private LanguageSelect() {
    }

    static Select<Locale> create(Function<String, String> translate) {
        Select<Locale> select = new Select<>();
        select.setId("language");
        select.setItems(WebmailI18NProvider.VIETNAMESE, WebmailI18NProvider.ENGLISH);
        select.setItemLabelGenerator(l -> "en".equals(l.getLanguage()) ? translate.apply("language.en") : translate.apply("language.vi"));
        select.setAriaLabel(translate.apply("language"));
        Locale current = VaadinSession.getCurrent().getLocale();
        select.setValue("en".equals(current.getLanguage()) ? WebmailI18NProvider.ENGLISH : WebmailI18NProvider.VIETNAMESE);
        select.addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                VaadinSession.getCurrent().setLocale(event.getValue());
                if (UserSession.account().isPresent()) {
                    UserSession.preferences().language = event.getValue().getLanguage();
                }
                UI.getCurrent().getPage().reload();
            }
        });
        return select;
    }

    static Locale locale(String language, Locale fallback) {
        if ("en".equals(language)) {
            return WebmailI18NProvider.ENGLISH;
        }
        return "vi".equals(language) ? WebmailI18NProvider.VIETNAMESE : fallback;
    }
}
