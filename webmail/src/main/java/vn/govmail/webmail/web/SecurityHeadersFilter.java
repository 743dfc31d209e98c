package vn.govmail.webmail.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on every response. The CSP allows what Vaadin's client needs (its own scripts, inline
 * styles, the push connection) and nothing from elsewhere; mail HTML never reaches this document's DOM (it is
 * in sandboxed srcdoc iframes that add their own, stricter CSP). Remote images are allowed at this level only
 * so that a user's "show images" can work inside the frame, whose own CSP blocks them until then.
 */
@Component
public class SecurityHeadersFilter extends OncePerRequestFilter {
    static final String CSP = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
        + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https: http:; font-src 'self' data:; "
        + "connect-src 'self' ws: wss:; frame-src 'self' about: data:; object-src 'none'; base-uri 'self'; "
        + "form-action 'self'; frame-ancestors 'self'";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "SAMEORIGIN");
        response.setHeader("Referrer-Policy", "no-referrer");
        chain.doFilter(request, response);
    }
}
