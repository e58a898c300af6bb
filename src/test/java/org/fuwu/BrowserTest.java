package org.fuwu;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test in real Chromium against the whole application on a random port. Tagged {@code browser},
 * so CI runs these on their own; without Chromium they are skipped, unless
 * {@code -Dfuwu.browser.required=true} (as in CI) makes a missing browser a failure.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("browser")
@FuwuIntegrationTest
@ExtendWith(Browser.class)
public @interface BrowserTest {
}
