package org.fuwu.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fuwu.knowledge.internal.EditorialWorkflow.Refused;
import org.fuwu.knowledge.internal.EditorialWorkflow.Status;
import org.junit.jupiter.api.Test;

class EditorialWorkflowTest {

    @Test
    void aDraftGoesThroughReviewToPublication() {
        Status s = EditorialWorkflow.submit(Status.DRAFT);
        assertThat(s).isEqualTo(Status.IN_REVIEW);
        assertThat(EditorialWorkflow.approve(s, "supervisor1", "quality1", "quality1")).isEqualTo(Status.PUBLISHED);
    }

    @Test
    void theReviewerIsNeitherTheWriterNorTheSubmitter() {
        assertThatThrownBy(() -> EditorialWorkflow.approve(Status.IN_REVIEW, "quality1", "quality1", "quality1"))
                .isInstanceOf(Refused.class).hasMessage("knowledge.conflict.ownReview");
        assertThatThrownBy(() -> EditorialWorkflow.approve(Status.IN_REVIEW, "Supervisor1", "quality1", "supervisor1"))
                .isInstanceOf(Refused.class).hasMessage("knowledge.conflict.ownReview");
        assertThatThrownBy(() -> EditorialWorkflow.reject(Status.IN_REVIEW, "quality1", "QUALITY1", "admin"))
                .isInstanceOf(Refused.class).hasMessage("knowledge.conflict.ownReview");
        assertThatThrownBy(() -> EditorialWorkflow.approve(Status.IN_REVIEW, "", "quality1", "quality1"))
                .isInstanceOf(Refused.class);
        assertThat(EditorialWorkflow.reject(Status.IN_REVIEW, "admin", "quality1", "quality1")).isEqualTo(Status.DRAFT);
    }

    @Test
    void onlyATextInReviewIsApprovedOrRejected() {
        for (Status s : new Status[]{Status.DRAFT, Status.PUBLISHED, Status.UNPUBLISHED}) {
            assertThatThrownBy(() -> EditorialWorkflow.approve(s, "admin", "quality1", "quality1"))
                    .isInstanceOf(Refused.class).hasMessage("knowledge.conflict.notInReview");
            assertThatThrownBy(() -> EditorialWorkflow.reject(s, "admin", "quality1", "quality1"))
                    .isInstanceOf(Refused.class).hasMessage("knowledge.conflict.notInReview");
        }
    }

    @Test
    void aTextInReviewCannotBeEditedAndOnlyADraftIsSubmitted() {
        assertThatThrownBy(() -> EditorialWorkflow.edit(Status.IN_REVIEW)).isInstanceOf(Refused.class)
                .hasMessage("knowledge.conflict.inReview");
        assertThat(EditorialWorkflow.edit(Status.PUBLISHED)).isEqualTo(Status.DRAFT);
        assertThat(EditorialWorkflow.edit(Status.UNPUBLISHED)).isEqualTo(Status.DRAFT);
        assertThatThrownBy(() -> EditorialWorkflow.submit(Status.PUBLISHED)).isInstanceOf(Refused.class)
                .hasMessage("knowledge.conflict.notDraft");
    }

    @Test
    void onlyALiveEntryIsUnpublished() {
        assertThat(EditorialWorkflow.unpublish(Status.DRAFT, 2)).isEqualTo(Status.UNPUBLISHED);
        assertThatThrownBy(() -> EditorialWorkflow.unpublish(Status.DRAFT, null)).isInstanceOf(Refused.class)
                .hasMessage("knowledge.conflict.notLive");
    }

    @Test
    void aRollbackNamesAnEarlierVersionThatIsNotLiveAndNotDuringAReview() {
        assertThat(EditorialWorkflow.rollback(Status.PUBLISHED, 1, 3, 3)).isEqualTo(Status.PUBLISHED);
        assertThat(EditorialWorkflow.rollback(Status.UNPUBLISHED, 3, 3, null)).isEqualTo(Status.PUBLISHED);
        assertThatThrownBy(() -> EditorialWorkflow.rollback(Status.PUBLISHED, 3, 3, 3)).hasMessage("knowledge.conflict.alreadyLive");
        assertThatThrownBy(() -> EditorialWorkflow.rollback(Status.PUBLISHED, 4, 3, 3)).hasMessage("knowledge.conflict.noSuchVersion");
        assertThatThrownBy(() -> EditorialWorkflow.rollback(Status.PUBLISHED, 0, 3, 3)).hasMessage("knowledge.conflict.noSuchVersion");
        assertThatThrownBy(() -> EditorialWorkflow.rollback(Status.IN_REVIEW, 1, 3, 3)).hasMessage("knowledge.conflict.inReview");
    }
}
