package org.fuwu.platform.web;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestContextUtils;

import tools.jackson.databind.json.JsonMapper;

/**
 * Builds RFC 9457 problems with a stable type ({@code urn:fuwu:problem:<name>}), a localised title
 * and detail, the request path and the trace id.
 */
@Component
public class Problems {

    public static final String TYPE_PREFIX = "urn:fuwu:problem:";

    private final MessageSource messages;
    private final JsonMapper json = JsonMapper.builder().build();

    public Problems(MessageSource messages) {
        this.messages = messages;
    }

    /** A problem whose title is {@code problem.<name>.title} and whose detail is the message of the given key. */
    public ProblemDetail build(HttpServletRequest request, HttpStatus status, String name, String detailKey, Object... args) {
        Locale locale = locale(request);
        ProblemDetail p = ProblemDetail.forStatus(status);
        p.setType(URI.create(TYPE_PREFIX + name));
        p.setTitle(messages.getMessage("problem." + name + ".title", null, status.getReasonPhrase(), locale));
        p.setDetail(messages.getMessage(detailKey, args, detailKey, locale));
        p.setInstance(URI.create(request.getRequestURI()));
        p.setProperty("traceId", TraceIdFilter.of(request));
        return p;
    }

    /** Adds the list of broken fields, each with its localised message. */
    public ProblemDetail withFieldErrors(ProblemDetail p, List<Map<String, String>> errors) {
        p.setProperty("errors", errors);
        return p;
    }

    public String message(HttpServletRequest request, String key, Object... args) {
        return messages.getMessage(key, args, key, locale(request));
    }

    /** Writes a problem straight to the response, for filters that stand before Spring MVC. */
    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail p) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", p.getType().toString());
        body.put("title", p.getTitle());
        body.put("status", p.getStatus());
        body.put("detail", p.getDetail());
        body.put("instance", p.getInstance() == null ? null : p.getInstance().toString());
        if (p.getProperties() != null) {
            body.putAll(p.getProperties());
        }
        response.setStatus(p.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(body));
    }

    /** Whether a request is an API call, answered in problem JSON rather than an error page. */
    public static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || path.startsWith("/v3/api-docs") || path.startsWith("/actuator");
    }

    /**
     * Whether a caller should get an HTML page rather than problem JSON: a browser navigation
     * (Accept names text/html, or is absent) that is not an API path and not an htmx request.
     */
    public static boolean wantsHtml(HttpServletRequest request) {
        if (isApi(request) || request.getHeader("HX-Request") != null) {
            return false;
        }
        String accept = request.getHeader("Accept");
        return accept == null || accept.contains("text/html") || accept.contains("*/*");
    }

    static Locale locale(HttpServletRequest request) {
        try {
            return RequestContextUtils.getLocaleResolver(request) != null
                    ? RequestContextUtils.getLocale(request) : Locales.pick(request.getLocales());
        } catch (IllegalStateException e) {
            return Locales.pick(request.getLocales());
        }
    }
}
