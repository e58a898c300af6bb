package org.fuwu.customer.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.fuwu.customer.IdentityKind;
import org.fuwu.customer.PreferentialClass;
import org.fuwu.customer.Segment;
import org.fuwu.customer.internal.Channel;
import org.fuwu.customer.internal.Customer;
import org.fuwu.customer.internal.CustomerSearch;
import org.fuwu.customer.internal.CustomerService;
import org.fuwu.customer.internal.CustomerStatus;
import org.fuwu.customer.internal.CustomerView;
import org.fuwu.customer.internal.Gender;
import org.fuwu.customer.internal.IdentityTakenException;
import org.fuwu.customer.internal.IdentityView;
import org.fuwu.customer.internal.NewCustomer;
import org.fuwu.customer.internal.PageResult;
import org.fuwu.customer.internal.UnmaskedIdentity;
import org.fuwu.platform.ConflictException;
import org.fuwu.platform.CurrentStaff;
import org.fuwu.platform.FieldValidationException;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
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

/**
 * The customer pages: search, open a file, the customer page (masked, with unmasking by reason,
 * identities and consent) and the edit form. Searches are posted, so no name or identity value
 * ends up in a URL; unmasked values are shown in that one response, which is not cached.
 */
@Controller
@RequestMapping("/customers")
class CustomerPageController {

    static final int PAGE_SIZE = 20;

    private final CustomerService customers;
    private final MessageSource messages;

    CustomerPageController(CustomerService customers, MessageSource messages) {
        this.customers = customers;
        this.messages = messages;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("segments", Segment.values());
        model.addAttribute("preferentialClasses", PreferentialClass.values());
        model.addAttribute("genders", Gender.values());
        model.addAttribute("statuses", CustomerStatus.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("identityKinds", IdentityKind.values());
        model.addAttribute("kindMobile", IdentityKind.MOBILE);
        model.addAttribute("kindIdNumber", IdentityKind.ID_NUMBER);
        model.addAttribute("languages", List.of("zh-CN", "en"));
        var staff = CurrentStaff.find();
        model.addAttribute("canMaintain", staff.map(p -> p.hasAnyRole(CustomerPermissions.MAINTAIN)).orElse(false));
        model.addAttribute("canUnmask", staff.map(p -> p.hasAnyRole(CustomerPermissions.UNMASK)).orElse(false));
        model.addAttribute("canConsent", staff.map(p -> p.hasAnyRole(CustomerPermissions.CONSENT)).orElse(false));
    }

    // ---- search

    @GetMapping
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        SearchForm form = new SearchForm();
        form.setPage(page);
        model.addAttribute("searchForm", form);
        model.addAttribute("results", customers.search(CustomerSearch.all(), Math.max(0, page), PAGE_SIZE, null));
        model.addAttribute("searched", false);
        return "customer/search";
    }

    @PostMapping("/search")
    String search(@ModelAttribute("searchForm") SearchForm form, BindingResult binding, Model model) {
        IdentityKind kind = null;
        if (form.getIdentifier() != null && !form.getIdentifier().isBlank()) {
            kind = IdentifierGuess.kindOf(form.getIdentifier()).orElse(null);
            if (kind == null) {
                binding.rejectValue("identifier", "customer.validation.identifier");
            }
        }
        PageResult<CustomerView> results = new PageResult<>(List.of(), 0, PAGE_SIZE, 0);
        if (!binding.hasErrors()) {
            CustomerSearch s = new CustomerSearch(form.getName(), form.getCustomerNumber(), form.getSegment(), null, kind,
                    kind == null ? null : form.getIdentifier());
            results = customers.search(s, form.getPage(), PAGE_SIZE, null);
        }
        model.addAttribute("results", results);
        model.addAttribute("searched", true);
        return "customer/search";
    }

    // ---- create

    @GetMapping("/new")
    String newForm(Model model) {
        model.addAttribute("customerForm", new CustomerForm());
        model.addAttribute("editing", false);
        return "customer/form";
    }

    @PostMapping
    String create(@ModelAttribute("customerForm") CustomerForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return formAgain(model, false, null);
        }
        try {
            CustomerView created = customers.create(new NewCustomer(form.getName(), form.getGender(), form.getBirthDate(),
                    form.getSegment(), Set.copyOf(withNone(form.getPreferentialClasses())), form.getMobile(),
                    form.getIdNumber(), form.getCardNumber(), form.getEmail(), form.getWechatOpenId(), form.getAppUserId(),
                    form.getHomeBranchCode(), form.getPreferredLanguage(), form.isMarketingConsent(), form.getChannel()));
            redirect.addFlashAttribute("flash", msg("customer.new.created", created.customerNumber()));
            return "redirect:/customers/" + created.id();
        } catch (FieldValidationException | IdentityTakenException e) {
            reject(binding, e);
            return formAgain(model, false, null);
        }
    }

    // ---- read

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        return detailPage(customers.get(id), Map.of(), model);
    }

    @PostMapping("/{id}/unmask")
    String unmask(@PathVariable long id, @RequestParam(required = false) String reason, Model model,
                  HttpServletResponse response) {
        CustomerView customer = customers.get(id);
        try {
            List<UnmaskedIdentity> values = customers.unmask(id, reason, Set.of());
            Map<Long, String> clear = new HashMap<>();
            values.forEach(u -> clear.put(u.id(), u.value()));
            response.setHeader("Cache-Control", "no-store");
            model.addAttribute("unmasked", true);
            return detailPage(customer, clear, model);
        } catch (FieldValidationException e) {
            model.addAttribute("reasonError", msg("customer.validation.reason", CustomerService.MIN_REASON,
                    CustomerService.MAX_REASON));
            model.addAttribute("reason", reason);
            response.setStatus(422);
            return detailPage(customer, Map.of(), model);
        }
    }

    private String detailPage(CustomerView customer, Map<Long, String> clear, Model model) {
        model.addAttribute("customer", customer);
        model.addAttribute("identities", rows(customer.identities(), clear));
        model.addAttribute("consentHistory", customers.consentHistory(customer.id()));
        model.addAttribute("identityForm", new IdentityForm());
        return "customer/detail";
    }

    /** One identity line of the customer page, with its stable element id and the value in clear when unmasked. */
    record IdentityRow(IdentityView identity, String domId, String clear) {
    }

    static List<IdentityRow> rows(List<IdentityView> identities, Map<Long, String> clear) {
        Map<IdentityKind, Integer> seen = new EnumMap<>(IdentityKind.class);
        List<IdentityRow> out = new ArrayList<>();
        for (IdentityView i : identities) {
            int n = seen.merge(i.kind(), 1, Integer::sum);
            String domId = n == 1 ? i.kind().name() : i.kind().name() + "-" + n;
            out.add(new IdentityRow(i, domId, clear.get(i.id())));
        }
        return out;
    }

    // ---- edit

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        CustomerView customer = customers.get(id);
        model.addAttribute("customerForm", CustomerForm.of(customer));
        return formAgain(model, true, customer);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute("customerForm") CustomerForm form, BindingResult binding,
                  Model model, RedirectAttributes redirect) {
        CustomerView customer = customers.get(id);
        if (binding.hasErrors()) {
            return formAgain(model, true, customer);
        }
        try {
            CustomerView saved = customers.update(id, new Customer.Profile(form.getName() == null ? "" : form.getName().strip(),
                    form.getGender(), form.getSegment(), Set.copyOf(withNone(form.getPreferentialClasses())),
                    blankToNull(form.getHomeBranchCode()), blankToNull(form.getPreferredLanguage()), form.getStatus()),
                    form.getVersion());
            redirect.addFlashAttribute("flash", msg("customer.edit.saved", saved.customerNumber()));
            return "redirect:/customers/" + id;
        } catch (FieldValidationException e) {
            reject(binding, e);
            return formAgain(model, true, customer);
        }
    }

    private String formAgain(Model model, boolean editing, CustomerView customer) {
        model.addAttribute("editing", editing);
        model.addAttribute("customer", customer);
        return "customer/form";
    }

    // ---- consent and identities

    @PostMapping("/{id}/consent")
    String consent(@PathVariable long id, @RequestParam boolean granted, @RequestParam(required = false) Channel channel,
                   RedirectAttributes redirect) {
        CustomerView v = customers.changeConsent(id, granted, channel);
        redirect.addFlashAttribute("flash", msg("customer.consent.changed", v.customerNumber()));
        return "redirect:/customers/" + id;
    }

    /** The form that links an identity. */
    public static class IdentityForm {
        private IdentityKind kind = IdentityKind.MOBILE;
        private String value;
        private Channel channel = Channel.BRANCH;

        public IdentityKind getKind() {
            return kind;
        }

        public void setKind(IdentityKind kind) {
            this.kind = kind;
        }

        public String getValue() {
            return value;
        }

        public void setValue(String value) {
            this.value = value;
        }

        public Channel getChannel() {
            return channel;
        }

        public void setChannel(Channel channel) {
            this.channel = channel;
        }
    }

    @PostMapping("/{id}/identities")
    String addIdentity(@PathVariable long id, @ModelAttribute("identityForm") IdentityForm form, BindingResult binding,
                       Model model, RedirectAttributes redirect, HttpServletResponse response) {
        CustomerView customer = customers.get(id);
        if (!binding.hasErrors()) {
            try {
                customers.addIdentity(id, form.getKind() == null ? IdentityKind.MOBILE : form.getKind(), form.getValue(), false,
                        form.getChannel());
                redirect.addFlashAttribute("flash", msg("customer.identity.added"));
                return "redirect:/customers/" + id;
            } catch (FieldValidationException | IdentityTakenException e) {
                reject(binding, e);
            } catch (ConflictException e) {
                binding.reject(e.messageKey(), e.args(), e.messageKey());
            }
        }
        response.setStatus(422);
        model.addAttribute("customer", customer);
        model.addAttribute("identities", rows(customer.identities(), Map.of()));
        model.addAttribute("consentHistory", customers.consentHistory(id));
        return "customer/detail";
    }

    @PostMapping("/{id}/identities/{identityId}/delete")
    String removeIdentity(@PathVariable long id, @PathVariable long identityId, RedirectAttributes redirect) {
        customers.removeIdentity(id, identityId);
        redirect.addFlashAttribute("flash", msg("customer.identity.removed"));
        return "redirect:/customers/" + id;
    }

    // ---- helpers

    /** Puts each error next to its field, localised; the label of the field goes into a conflict's message. */
    private static void reject(BindingResult binding, RuntimeException e) {
        BeanWrapperImpl target = new BeanWrapperImpl(binding.getTarget());
        if (e instanceof IdentityTakenException taken) {
            Object[] args = taken.args().clone();
            args[0] = new DefaultMessageSourceResolvable("customer.field." + taken.field());
            rejectField(binding, target, taken.field(), taken.messageKey(), args);
            return;
        }
        for (FieldValidationException.FieldError f : ((FieldValidationException) e).errors()) {
            rejectField(binding, target, f.field(), f.messageKey(), f.args());
        }
    }

    private static void rejectField(BindingResult binding, BeanWrapperImpl target, String field, String key, Object[] args) {
        if (target.isReadableProperty(field)) {
            binding.rejectValue(field, key, args, key);
        } else {
            binding.reject(key, args, key);
        }
    }

    private static List<PreferentialClass> withNone(List<PreferentialClass> classes) {
        return classes == null || classes.isEmpty() ? List.of() : classes;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
