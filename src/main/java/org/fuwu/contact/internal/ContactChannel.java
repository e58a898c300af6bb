package org.fuwu.contact.internal;

import org.fuwu.routing.Media;

/** Where a conversation comes from, and the medium that sets how many an agent takes at once. */
public enum ContactChannel {
    WEB_CHAT(Media.CHAT), APP_CHAT(Media.CHAT), EMAIL(Media.EMAIL), SMS(Media.SMS), WECHAT(Media.WECHAT),
    VOICE(Media.VOICE), BRANCH(Media.TASK);

    private final Media media;

    ContactChannel(Media media) {
        this.media = media;
    }

    public Media media() {
        return media;
    }
}
