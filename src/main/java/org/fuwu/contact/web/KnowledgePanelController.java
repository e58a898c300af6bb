package org.fuwu.contact.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.fuwu.contact.internal.KnowledgePanel;
import org.fuwu.knowledge.KnowledgeSearch;
import org.fuwu.platform.CurrentStaff;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The agent workstation's knowledge panel: suggestions for a conversation, and an answer to use. */
@RestController
@RequestMapping("/api/v1/conversations/{id}/knowledge")
@Tag(name = "Contact centre: agent workstation")
class KnowledgePanelController {

    private final KnowledgePanel panel;

    KnowledgePanelController(KnowledgePanel panel) {
        this.panel = panel;
    }

    record Answer(long entryId, String text) {
    }

    @GetMapping
    @Operation(summary = "Knowledge entries for the conversation: for q, or for what the customer wrote last when q is empty")
    List<KnowledgeSearch.Suggestion> suggestions(@PathVariable long id, @RequestParam(required = false) String q) {
        return panel.suggestions(CurrentStaff.get(), id, q);
    }

    @PostMapping("/{entryId}/use")
    @Operation(summary = "The entry's answer as plain text for the agent's reply; counts the use")
    Answer use(@PathVariable long id, @PathVariable long entryId) {
        return new Answer(entryId, panel.use(CurrentStaff.get(), id, entryId));
    }
}
