package org.fuwu.knowledge.internal;

import java.util.Locale;
import java.util.Objects;

/**
 * The editorial workflow of a knowledge entry: an author edits a draft and submits it for review; a reviewer who
 * neither wrote nor submitted that text publishes it (a new version goes live) or sends it back; a published
 * entry can be unpublished, or rolled back to the text of an earlier version (which is published again as a new
 * version). An entry in review cannot be edited: the reviewer reads what will go live. Editing a published entry
 * makes a new draft while the published version stays live until the edit is published.
 */
public final class EditorialWorkflow {

    public enum Status { DRAFT, IN_REVIEW, PUBLISHED, UNPUBLISHED }

    /** A step the workflow does not allow now; the message key explains why. */
    public static final class Refused extends RuntimeException {

        private final String messageKey;

        Refused(String messageKey) {
            super(messageKey);
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    private EditorialWorkflow() {
    }

    /** Editing the working copy: anything but an entry in review; the result is a draft. */
    public static Status edit(Status current) {
        if (current == Status.IN_REVIEW) {
            throw new Refused("knowledge.conflict.inReview");
        }
        return Status.DRAFT;
    }

    /** Submitting a draft for review. */
    public static Status submit(Status current) {
        if (current != Status.DRAFT) {
            throw new Refused("knowledge.conflict.notDraft");
        }
        return Status.IN_REVIEW;
    }

    /** Publishing the text in review: by someone who neither last edited nor submitted it. */
    public static Status approve(Status current, String reviewer, String editedBy, String submittedBy) {
        requireReview(current, reviewer, editedBy, submittedBy);
        return Status.PUBLISHED;
    }

    /** Sending the text in review back to its author: by someone who neither last edited nor submitted it. */
    public static Status reject(Status current, String reviewer, String editedBy, String submittedBy) {
        requireReview(current, reviewer, editedBy, submittedBy);
        return Status.DRAFT;
    }

    /** Taking a live entry off every channel. */
    public static Status unpublish(Status current, Integer liveVersion) {
        if (liveVersion == null) {
            throw new Refused("knowledge.conflict.notLive");
        }
        return Status.UNPUBLISHED;
    }

    /** Publishing the text of an earlier version again; not while a text is in review. */
    public static Status rollback(Status current, int target, int latestVersion, Integer liveVersion) {
        if (current == Status.IN_REVIEW) {
            throw new Refused("knowledge.conflict.inReview");
        }
        if (target < 1 || target > latestVersion) {
            throw new Refused("knowledge.conflict.noSuchVersion");
        }
        if (Objects.equals(liveVersion, target)) {
            throw new Refused("knowledge.conflict.alreadyLive");
        }
        return Status.PUBLISHED;
    }

    /** Whether the reviewer wrote or submitted the text (usernames compared without case). */
    public static boolean isAuthor(String reviewer, String editedBy, String submittedBy) {
        String r = reviewer == null ? "" : reviewer.toLowerCase(Locale.ROOT);
        return r.isEmpty() || r.equals(lower(editedBy)) || r.equals(lower(submittedBy));
    }

    private static void requireReview(Status current, String reviewer, String editedBy, String submittedBy) {
        if (current != Status.IN_REVIEW) {
            throw new Refused("knowledge.conflict.notInReview");
        }
        if (isAuthor(reviewer, editedBy, submittedBy)) {
            throw new Refused("knowledge.conflict.ownReview");
        }
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
