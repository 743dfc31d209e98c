package vn.govmail.mailserver.quota;

import java.util.Map;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.domainlist.api.DomainList;
import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.JsonTransformer;

import spark.Request;
import spark.Response;
import spark.Service;
import vn.govmail.mailserver.admin.AdminErrors;
import vn.govmail.mailserver.config.SizeText;

/**
 * A domain's largest accepted message, below the server-wide SMTP limit (enforced by
 * {@code smtp.DomainMessageSizeHook}):
 * {@code PUT /govmail/domains/{domain}/max-message-size} with a size ({@code 20M}, {@code 10485760}) as body,
 * {@code GET} (404 when the domain has none) and {@code DELETE}. Storage and message-count quotas of a domain are
 * James's {@code /quota/domains/{domain}/size} and {@code .../count}.
 */
public class DomainLimitsRoutes implements Routes {
    private static final String PATH = "/govmail/domains/:domain/max-message-size";

    private final DomainList domains;
    private final DomainMessageSizeLimits limits;
    private final JsonTransformer json;

    @Inject
    public DomainLimitsRoutes(DomainList domains, DomainMessageSizeLimits limits, JsonTransformer json) {
        this.domains = domains;
        this.limits = limits;
        this.json = json;
    }

    @Override
    public String getBasePath() {
        return "/govmail/domains";
    }

    @Override
    public void define(Service service) {
        service.put(PATH, this::set, json);
        service.get(PATH, this::get, json);
        service.delete(PATH, this::remove, json);
    }

    private Object set(Request request, Response response) throws Exception {
        Domain domain = localDomain(request);
        long bytes;
        try {
            bytes = SizeText.bytes(request.body());
        } catch (IllegalArgumentException e) {
            throw AdminErrors.badRequest("max-message-size: " + e.getMessage());
        }
        if (bytes < 1024) {
            throw AdminErrors.badRequest("max-message-size: " + bytes + " bytes is too small for any real message (at least 1K)");
        }
        limits.setMaxMessageSize(domain, bytes);
        return Map.of("domain", domain.asString(), "maxMessageSize", bytes);
    }

    private Object get(Request request, Response response) throws Exception {
        Domain domain = localDomain(request);
        long bytes = limits.maxMessageSize(domain).orElseThrow(() -> AdminErrors.notFound("Domain " + domain.asString() + " has no own maximum message size: the server-wide limit applies"));
        return Map.of("domain", domain.asString(), "maxMessageSize", bytes);
    }

    private Object remove(Request request, Response response) throws Exception {
        Domain domain = localDomain(request);
        limits.removeMaxMessageSize(domain);
        response.status(204);
        return "";
    }

    private Domain localDomain(Request request) throws Exception {
        Domain domain;
        try {
            domain = Domain.of(request.params("domain"));
        } catch (IllegalArgumentException e) {
            throw AdminErrors.badRequest("'" + request.params("domain") + "' is not a valid domain name");
        }
        if (!domains.containsDomain(domain)) {
            throw AdminErrors.notFound("Domain " + domain.asString() + " is not one of ours");
        }
        return domain;
    }

}
