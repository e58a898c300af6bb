package org.fuwu.queueing.web;

import java.util.Locale;
import java.util.function.Supplier;

import org.fuwu.platform.ConflictException;
import org.fuwu.platform.FieldValidationException;
import org.springframework.context.MessageSource;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A staff page's action run in post/redirect/get: what it did goes back as the {@code flash} message,
 * a refusal (409 conflict, 422 validation) as a message under the page's own error attribute, in the
 * caller's language, instead of an error page.
 */
final class PageActions {

    private PageActions() {
    }

    /**
     * Runs an action.
     *
     * @param act the action; returns the message of what it did, or null for none
     * @param errorAttribute the flash attribute the page shows a refusal under
     */
    static void attempt(RedirectAttributes ra, MessageSource messages, Locale locale, String errorAttribute,
                        Supplier<String> act) {
        try {
            String done = act.get();
            if (done != null) {
                ra.addFlashAttribute("flash", done);
            }
        } catch (ConflictException e) {
            ra.addFlashAttribute(errorAttribute, messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
        } catch (FieldValidationException e) {
            var err = e.errors().get(0);
            ra.addFlashAttribute(errorAttribute, messages.getMessage(err.messageKey(), err.args(), err.messageKey(), locale));
        }
    }
}
