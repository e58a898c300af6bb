package org.fuwu.routing;

/** The medium of a contact-centre work item, which sets how many an agent takes at once. */
public enum Media {
    VOICE, CHAT, EMAIL, SMS, WECHAT, TASK
}
