package org.fuwu.platform.web;

import java.util.Comparator;
import java.util.List;

import org.fuwu.platform.CurrentStaff;
import org.fuwu.platform.Role;
import org.fuwu.platform.StaffPrincipal;
import org.fuwu.platform.Workspace;
import org.fuwu.platform.security.FuwuSecurityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The web shell: the log-in page, and the home page's launcher of the workspaces the user's roles open. */
@Controller
class ShellController {

    private final List<Workspace> workspaces;
    private final FuwuSecurityProperties security;

    ShellController(List<Workspace> workspaces, FuwuSecurityProperties security) {
        this.workspaces = workspaces.stream().sorted(Comparator.comparingInt(Workspace::order)).toList();
        this.security = security;
    }

    @GetMapping("/login")
    String login(Model model) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof StaffPrincipal) {
            return "redirect:/";
        }
        model.addAttribute("lockMinutes", security.loginWindow().toMinutes());
        return "platform/login";
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("workspaces", visible(workspaces));
        return "platform/home";
    }

    static List<Workspace> visible(List<Workspace> all) {
        return CurrentStaff.find().map(p -> all.stream().filter(w -> w.visibleTo(p)).toList()).orElse(List.of());
    }

    /** Adds the user's workspaces to every page, for the navigation bar. */
    @ControllerAdvice
    static class NavigationAdvice {

        private final List<Workspace> workspaces;

        NavigationAdvice(List<Workspace> workspaces) {
            this.workspaces = workspaces.stream().sorted(Comparator.comparingInt(Workspace::order)).toList();
        }

        @ModelAttribute("navWorkspaces")
        List<Workspace> navWorkspaces() {
            return visible(workspaces);
        }
    }

    /** The platform's own workspaces. */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class PlatformWorkspaces {

        @Bean
        Workspace auditWorkspace() {
            return new Workspace("audit", "/audit", "journal-check", 900, java.util.Set.of(Role.ADMIN, Role.AUDITOR));
        }

        @Bean
        Workspace apiDocsWorkspace() {
            return new Workspace("api-docs", "/swagger-ui.html", "braces", 990, java.util.Set.of(Role.values()));
        }
    }
}
