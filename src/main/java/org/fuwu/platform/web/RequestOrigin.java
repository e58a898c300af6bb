package org.fuwu.platform.web;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The client address of the current request, as the audit log and the login rate limit see it.
 * Behind a proxy, set {@code server.forward-headers-strategy=native} so that it is the client's.
 */
public final class RequestOrigin {

    private RequestOrigin() {
    }

    /** The client address, or {@code internal} outside a request (jobs, start-up). */
    public static String current() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            return attrs.getRequest().getRemoteAddr();
        }
        return "internal";
    }
}
