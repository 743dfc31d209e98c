package vn.govmail.webmail.ui;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.springframework.stereotype.Component;

/** Vietnamese first (the default for everyone), English on request: {@code i18n/webmail_{vi,en}.properties}. */
@Component
public class WebmailI18NProvider implements I18NProvider {
    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");
    public static final Locale ENGLISH = Locale.ENGLISH;

    @Override
    public List<Locale> getProvidedLocales() {
        return List.of(VIETNAMESE, ENGLISH);
    }

    @Override
    public Locale getDefaultLocale() {
        return VIETNAMESE;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale wanted = locale != null && "en".equals(locale.getLanguage()) ? ENGLISH : VIETNAMESE;
        ResourceBundle bundle = ResourceBundle.getBundle("i18n.webmail", wanted, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        try {
            String pattern = bundle.getString(key);
            return params.length == 0 ? pattern : new MessageFormat(pattern, wanted).format(params);
        } catch (MissingResourceException e) {
            return "!" + key;
        }
    }
}
