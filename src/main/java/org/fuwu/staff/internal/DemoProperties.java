package org.fuwu.staff.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param password the password of every demo staff account (profile demo only); printed at start */
@ConfigurationProperties("fuwu.demo")
public record DemoProperties(String password) {

    public DemoProperties {
        password = password == null || password.isBlank() ? "demo1234" : password;
    }
}
