package org.fuwu.platform.security;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.fuwu.platform.AccessRule;
import org.fuwu.platform.Role;
import org.springframework.http.server.PathContainer;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The access policy table as one authorization manager: the first row whose method and path pattern
 * match the request decides, and a request no row matches is denied (the same first-match rule a list
 * of Spring Security request matchers gives). Instead of trying some 200 rows one by one on every
 * request, the rows are filed in a tree by the literal segments their pattern starts with
 * ({@code /api/v1/branches/*} under {@code api → v1 → branches}); a request collects the rows along
 * its own path's segments and tries only those, in table order. Patterns are Spring's
 * {@link PathPattern}s, parsed as {@code requestMatchers(String)} parses them, and matched against the
 * path within the application.
 */
final class AccessTable implements AuthorizationManager<RequestAuthorizationContext> {

    private record Row(int order, String method, PathPattern pattern, AccessRule rule) {
    }

    private static final class Node {
        final Map<String, Node> children = new HashMap<>();
        final List<Row> rows = new ArrayList<>();
    }

    private static final AuthorizationDecision GRANTED = new AuthorizationDecision(true);
    private static final AuthorizationDecision DENIED = new AuthorizationDecision(false);

    private final Node root = new Node();

    AccessTable(List<AccessRule> table) {
        for (int i = 0; i < table.size(); i++) {
            AccessRule rule = table.get(i);
            Row row = new Row(i, rule.method(), PathPatternParser.defaultInstance.parse(rule.pattern()), rule);
            Node node = root;
            for (String segment : rule.pattern().split("/")) {
                if (segment.isEmpty()) {
                    continue;
                }
                if (!literal(segment)) {
                    break;
                }
                node = node.children.computeIfAbsent(segment, s -> new Node());
            }
            node.rows.add(row);
        }
    }

    private static boolean literal(String segment) {
        return segment.chars().noneMatch(c -> c == '*' || c == '{' || c == '}' || c == '?');
    }

    /** The row that decides a request, or null when none matches. */
    AccessRule decidingRule(String method, PathContainer path) {
        List<Row> candidates = new ArrayList<>(root.rows);
        Node node = root;
        for (PathContainer.Element e : path.elements()) {
            if (e instanceof PathContainer.PathSegment segment) {
                node = node.children.get(segment.valueToMatch());
                if (node == null) {
                    break;
                }
                candidates.addAll(node.rows);
            }
        }
        candidates.sort(Comparator.comparingInt(Row::order));
        for (Row r : candidates) {
            if (("*".equals(r.method()) || r.method().equals(method)) && r.pattern().matches(path)) {
                return r.rule();
            }
        }
        return null;
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
                                         RequestAuthorizationContext context) {
        HttpServletRequest request = context.getRequest();
        PathContainer path;
        if (ServletRequestPathUtils.hasParsedRequestPath(request)) {
            path = ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication();
        } else {
            // parsed for this decision only, as Spring Security's own path matchers do: a cached path would
            // outlive a forward (to the error page) and mislead the next decision
            path = ServletRequestPathUtils.parseAndCache(request).pathWithinApplication();
            ServletRequestPathUtils.clearParsedRequestPath(request);
        }
        AccessRule rule = decidingRule(request.getMethod(), path);
        if (rule == null) {
            return DENIED;
        }
        return switch (rule.access()) {
            case PUBLIC -> GRANTED;
            case AUTHENTICATED -> authenticated(authentication.get()) ? GRANTED : DENIED;
            case ROLES -> hasAnyRole(authentication.get(), rule) ? GRANTED : DENIED;
        };
    }

    private static boolean authenticated(Authentication a) {
        return a != null && a.isAuthenticated() && !(a instanceof AnonymousAuthenticationToken);
    }

    private static boolean hasAnyRole(Authentication a, AccessRule rule) {
        if (!authenticated(a)) {
            return false;
        }
        for (GrantedAuthority g : a.getAuthorities()) {
            for (Role role : rule.roles()) {
                if (role.authority().equals(g.getAuthority())) {
                    return true;
                }
            }
        }
        return false;
    }
}
