package org.fuwu.queueing.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;

import org.fuwu.organization.BranchSummary;
import org.fuwu.organization.Branches;
import org.fuwu.platform.ConflictException;
import org.fuwu.platform.CurrentStaff;
import org.fuwu.platform.FieldValidationException;
import org.fuwu.queueing.internal.LobbyConfigService;
import org.fuwu.queueing.internal.ServiceType;
import org.fuwu.queueing.internal.ServiceTypeInput;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's lobby pages: a branch's service types and its counter service matrix. */
@Controller
@RequestMapping("/queueing")
class LobbyAdminPageController {

    private final LobbyConfigService config;
    private final Branches branches;
    private final MessageSource messages;

    LobbyAdminPageController(LobbyConfigService config, Branches branches, MessageSource messages) {
        this.config = config;
        this.branches = branches;
        this.messages = messages;
    }

    @GetMapping
    String branches(Model model) {
        model.addAttribute("branches", branches.all().stream()
                .filter(b -> CurrentStaff.scope().coversBranch(b.code())).toList());
        return "queueing/branches";
    }

    @GetMapping("/branches/{branchCode}")
    String lobby(@PathVariable String branchCode, Model model) {
        return lobbyPage(branchCode, null, null, Map.of(), model);
    }

    private String lobbyPage(String branchCode, String counterCode, String serviceCodes, Map<String, String> errors,
                             Model model) {
        model.addAttribute("branch", config.branch(branchCode));
        model.addAttribute("services", config.servicesForStaff(branchCode));
        model.addAttribute("matrix", config.matrix(branchCode).stream()
                .collect(java.util.stream.Collectors.groupingBy(c -> c.counterCode(), java.util.TreeMap::new,
                        java.util.stream.Collectors.mapping(c -> c.serviceCode(), java.util.stream.Collectors.joining(" > ")))));
        model.addAttribute("counterCode", counterCode);
        model.addAttribute("serviceCodes", serviceCodes);
        model.addAttribute("errors", errors);
        return "queueing/lobby";
    }

    @PostMapping("/branches/{branchCode}/counter-services")
    String setCounter(@PathVariable String branchCode, @RequestParam(defaultValue = "") String counterCode,
                      @RequestParam(defaultValue = "") String serviceCodes, Model model, Locale locale,
                      RedirectAttributes redirect) {
        List<String> codes = Arrays.stream(serviceCodes.toUpperCase(Locale.ROOT).split("[\\s,;>]+"))
                .filter(s -> !s.isBlank()).toList();
        String counter = counterCode.strip().toUpperCase(Locale.ROOT);
        try {
            config.replaceCounter(branchCode, counter, codes);
        } catch (FieldValidationException e) {
            return lobbyPage(branchCode, counterCode, serviceCodes, errors(e, locale), model);
        }
        redirect.addFlashAttribute("flash", messages.getMessage("queueing.admin.counterSaved", new Object[] {counter}, locale));
        return "redirect:/queueing/branches/" + branchCode;
    }

    @GetMapping("/branches/{branchCode}/services/new")
    String newService(@PathVariable String branchCode, Model model) {
        return form(branchCode, null, new ServiceTypeInput(null, null, null, null, null, 15, 5, 0, true), Map.of(), model);
    }

    @GetMapping("/branches/{branchCode}/services/{code}/edit")
    String editService(@PathVariable String branchCode, @PathVariable String code, Model model) {
        ServiceType s = config.service(branchCode, code);
        return form(branchCode, code, new ServiceTypeInput(s.code(), s.nameZh(), s.nameEn(), s.zoneCode(), s.prefix(),
                s.targetWaitSeconds() / 60, s.expectedServiceSeconds() / 60, s.sortOrder(), s.active()), Map.of(), model);
    }

    @PostMapping("/branches/{branchCode}/services")
    String create(@PathVariable String branchCode, @Valid @ModelAttribute("form") ServiceTypeInput form,
                  BindingResult binding, Model model, Locale locale, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return form(branchCode, null, form, errors(binding, locale), model);
        }
        try {
            config.createService(branchCode, form);
        } catch (FieldValidationException e) {
            return form(branchCode, null, form, errors(e, locale), model);
        } catch (ConflictException e) {
            return form(branchCode, null, form, Map.of("code", messages.getMessage(e.messageKey(), e.args(), locale)), model);
        }
        redirect.addFlashAttribute("flash", messages.getMessage("queueing.admin.serviceSaved", new Object[] {form.code()}, locale));
        return "redirect:/queueing/branches/" + branchCode;
    }

    @PostMapping("/branches/{branchCode}/services/{code}")
    String update(@PathVariable String branchCode, @PathVariable String code,
                  @Valid @ModelAttribute("form") ServiceTypeInput form, BindingResult binding, Model model, Locale locale,
                  RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return form(branchCode, code, form, errors(binding, locale), model);
        }
        try {
            config.updateService(branchCode, code, form);
        } catch (FieldValidationException e) {
            return form(branchCode, code, form, errors(e, locale), model);
        }
        redirect.addFlashAttribute("flash", messages.getMessage("queueing.admin.serviceSaved", new Object[] {code}, locale));
        return "redirect:/queueing/branches/" + branchCode;
    }

    private String form(String branchCode, String code, ServiceTypeInput form, Map<String, String> errors, Model model) {
        BranchSummary branch = config.branch(branchCode);
        CurrentStaff.requireBranch(branchCode);
        model.addAttribute("branch", branch);
        model.addAttribute("code", code);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "queueing/service-form";
    }

    private Map<String, String> errors(BindingResult binding, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        binding.getFieldErrors().forEach(f -> errors.putIfAbsent(f.getField(), messages.getMessage(
                "validation." + (f.isBindingFailure() ? "typeMismatch" : f.getCode()), null,
                messages.getMessage("validation.invalid", null, locale), locale)));
        return errors;
    }

    private Map<String, String> errors(FieldValidationException e, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.errors().forEach(f -> errors.putIfAbsent(f.field(), messages.getMessage(f.messageKey(), f.args(), locale)));
        return errors;
    }
}
