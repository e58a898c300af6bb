package org.fuwu.customer.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fuwu.customer.CustomerFixtures.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.fuwu.FuwuIntegrationTest;
import org.fuwu.customer.CustomerFixtures;
import org.fuwu.platform.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@FuwuIntegrationTest
class CustomerPagesIntegrationTest {

    @Autowired
    MockMvc mvc;

    private String createThroughTheForm(String name, String mobile, String idNumber) throws Exception {
        MvcResult r = mvc.perform(post("/customers").with(as(Role.TELLER)).with(csrf()).param("name", name)
                        .param("mobile", mobile).param("idNumber", idNumber).param("segment", "VIP")
                        .param("preferentialClasses", "DISABLED").param("marketingConsent", "true"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/customers/*"))
                .andReturn();
        return r.getResponse().getRedirectedUrl();
    }

    @Test
    void theSearchPageOffersTheSearchAndANewCustomerButton() throws Exception {
        mvc.perform(get("/customers").with(as(Role.TELLER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"customer-search\"")))
                .andExpect(content().string(containsString("id=\"new-customer\"")))
                .andExpect(content().string(containsString("id=\"customer-results\"")));
        mvc.perform(get("/customers").with(as(Role.QUALITY_MANAGER)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"new-customer\""))));
    }

    @Test
    void theCreateFormHasTheStableFieldIds() throws Exception {
        String page = mvc.perform(get("/customers/new").with(as(Role.AGENT)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        for (String id : new String[] {"name", "mobile", "idNumber", "cardNumber", "email", "segment", "save-customer"}) {
            assertThat(page).contains("id=\"" + id + "\"");
        }
    }

    @Test
    void aBadIdNumberIsShownNextToTheFieldInTheUsersLanguage() throws Exception {
        mvc.perform(post("/customers").with(as(Role.TELLER)).with(csrf()).header("Accept-Language", "zh-CN")
                        .param("name", "王伟").param("idNumber", CustomerFixtures.withWrongCheckDigit(CustomerFixtures.idNumber()))
                        .param("mobile", "12345"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"idNumber-error\"")))
                .andExpect(content().string(containsString("id=\"mobile-error\"")))
                .andExpect(content().string(containsString("身份证")));
    }

    @Test
    void aCustomerCreatedThroughTheFormIsShownMaskedAndUnmaskedOnceWithAReason() throws Exception {
        String mobile = CustomerFixtures.mobile();
        String id = CustomerFixtures.idNumber();
        String location = createThroughTheForm(CustomerFixtures.uniqueName("欧阳娜"), mobile, id);
        String masked = mobile.substring(0, 3) + "****" + mobile.substring(7);
        mvc.perform(get(location).with(as(Role.TELLER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"identity-MOBILE\"")))
                .andExpect(content().string(containsString(masked)))
                .andExpect(content().string(containsString("id=\"identity-ID_NUMBER\"")))
                .andExpect(content().string(containsString("id=\"unmask-reason\"")))
                .andExpect(content().string(containsString("id=\"unmask-submit\"")))
                .andExpect(content().string(not(containsString(mobile))))
                .andExpect(content().string(not(containsString(id))));
        mvc.perform(post(location + "/unmask").with(as(Role.TELLER)).with(csrf()).param("reason", "客户要求核对手机号"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(content().string(containsString("id=\"unmasked-MOBILE\"")))
                .andExpect(content().string(containsString(mobile)))
                .andExpect(content().string(containsString(id)));
        mvc.perform(get(location).with(as(Role.TELLER)))
                .andExpect(content().string(not(containsString(mobile))));
        mvc.perform(post(location + "/unmask").with(as(Role.TELLER)).with(csrf()).param("reason", "x"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("id=\"unmask-reason-error\"")))
                .andExpect(content().string(not(containsString(mobile))));
    }

    @Test
    void aMobileOfAnotherCustomerIsShownNextToTheMobileField() throws Exception {
        String mobile = CustomerFixtures.mobile();
        createThroughTheForm(CustomerFixtures.uniqueName("何敏"), mobile, CustomerFixtures.idNumber());
        mvc.perform(post("/customers").with(as(Role.TELLER)).with(csrf()).header("Accept-Language", "en")
                        .param("name", "Second").param("mobile", mobile))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"mobile-error\"")))
                .andExpect(content().string(containsString("This Mobile number is already linked to another customer")));
    }

    @Test
    void theQualityManagerSeesTheCustomerMaskedWithoutUnmaskOrEdit() throws Exception {
        String location = createThroughTheForm(CustomerFixtures.uniqueName("林芳"), CustomerFixtures.mobile(),
                CustomerFixtures.idNumber());
        mvc.perform(get(location).with(as(Role.QUALITY_MANAGER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"identity-MOBILE\"")))
                .andExpect(content().string(not(containsString("id=\"unmask-submit\""))))
                .andExpect(content().string(not(containsString("id=\"edit-customer\""))));
        mvc.perform(post(location + "/unmask").with(as(Role.QUALITY_MANAGER)).with(csrf()).param("reason", "quality review"))
                .andExpect(status().isForbidden());
        mvc.perform(get(location).with(as(Role.ANALYST))).andExpect(status().isForbidden());
    }

    @Test
    void searchByIdentifierIsPostedAndFindsTheCustomer() throws Exception {
        String mobile = CustomerFixtures.mobile();
        String name = CustomerFixtures.uniqueName("郑杰");
        createThroughTheForm(name, mobile, CustomerFixtures.idNumber());
        mvc.perform(post("/customers/search").with(as(Role.AGENT)).with(csrf()).param("identifier", mobile))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(name)));
        mvc.perform(post("/customers/search").with(as(Role.AGENT)).with(csrf()).param("identifier", "not-an-identifier"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is-invalid")));
        mvc.perform(post("/customers/search").with(as(Role.AGENT)).with(csrf()).param("name", name.substring(0, 4))
                        .param("segment", "VIP"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(name)));
    }

    @Test
    void consentIsToggledEditIsSavedAndIdentitiesAreLinked() throws Exception {
        String location = createThroughTheForm(CustomerFixtures.uniqueName("宋华"), CustomerFixtures.mobile(),
                CustomerFixtures.idNumber());
        mvc.perform(post(location + "/consent").with(as(Role.COMPLAINT_OFFICER)).with(csrf()).param("granted", "false")
                        .param("channel", "PHONE"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(location).with(as(Role.TELLER)))
                .andExpect(content().string(containsString("id=\"consent-history\"")))
                .andExpect(content().string(containsString("cust-test-complaint_officer")));
        mvc.perform(get(location + "/edit").with(as(Role.SUPERVISOR)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"save-customer\"")));
        String newName = CustomerFixtures.uniqueName("宋华改");
        mvc.perform(post(location).with(as(Role.SUPERVISOR)).with(csrf()).param("name", newName).param("segment", "PRIVATE")
                        .param("gender", "UNKNOWN").param("status", "ACTIVE").param("preferredLanguage", "zh-CN"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(location).with(as(Role.TELLER)))
                .andExpect(content().string(containsString(newName)));
        mvc.perform(post(location + "/identities").with(as(Role.TELLER)).with(csrf()).param("kind", "EMAIL")
                        .param("value", CustomerFixtures.email()).param("channel", "EMAIL"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(location).with(as(Role.TELLER)))
                .andExpect(content().string(containsString("id=\"identity-EMAIL\"")));
        mvc.perform(post(location + "/identities").with(as(Role.TELLER)).with(csrf()).param("kind", "MOBILE")
                        .param("value", "123"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("id=\"identity-value-error\"")));
    }

    @Test
    void theHomePageShowsTheCustomersTileToThoseWhoMayRead() throws Exception {
        mvc.perform(get("/").with(as(Role.TELLER)))
                .andExpect(content().string(containsString("id=\"tile-customers\"")));
        mvc.perform(get("/").with(as(Role.ANALYST)))
                .andExpect(content().string(not(containsString("id=\"tile-customers\""))));
    }
}
