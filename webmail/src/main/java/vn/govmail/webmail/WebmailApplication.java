package vn.govmail.webmail;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The webmail: a Spring Boot + Vaadin process of its own, talking to the mail server over IMAP and submission. */
@SpringBootApplication
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/webmail.css")
@Meta(name = "viewport", content = "width=device-width, initial-scale=1")
public class WebmailApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(WebmailApplication.class, args);
    }

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("govmail");
    }
}
