package org.fuwu.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.fuwu.Browser;
import org.fuwu.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

/**
 * A customer complains on the public web form, with a photo and no log-in; the complaint officer finds it in the list
 * of cases not yet taken, saves that filter under a name of their own, and opens the case: the contact details masked,
 * the photo attached, the branch named; the dashboard and the Chinese form work too.
 */
@BrowserTest
class ComplaintFormBrowserTest {

    @Test
    void aCustomersWebComplaintReachesTheOfficersList(Browser customer, Browser officer) throws Exception {
        Path photo = Files.createTempFile("receipt", ".png");
        Files.write(photo, new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0});

        customer.open("/complaint?lang=zh-CN");
        assertThat(customer.text("h1")).isEqualTo("投诉与建议");
        customer.open("/complaint?lang=en");
        new Select(customer.find("#type")).selectByValue("COMPLAINT");
        customer.type("#summary", "The ATM at Pudong kept my card and nobody at the counter helped.");
        new Select(customer.find("#branchCode")).selectByValue("B002");
        customer.type("#contactName", "Mr Sun");
        customer.type("#contactMobile", "13655556666");
        customer.find("#file").sendKeys(photo.toAbsolutePath().toString());
        customer.click("#complaint-send");
        String received = customer.text("#complaint-number");
        assertThat(received).matches("Your reference is TS\\d{10}\\.");
        String number = received.replaceAll(".*(TS\\d{10}).*", "$1");
        customer.screenshot("cases-complaint-received");

        officer.login("officer1", "demo1234");
        officer.open("/cases?lang=en");
        officer.click("#preset-open");
        assertThat(officer.text("#case-list")).contains(number);
        officer.type("#filter-name", "Not yet taken " + System.nanoTime() % 100000);
        officer.click("#filter-save");
        assertThat(officer.text("#flash")).startsWith("Filter \"Not yet taken");
        assertThat(officer.text("#filter-presets")).contains("Not yet taken ");
        assertThat(officer.text("#case-list")).contains(number);
        officer.screenshot("cases-list-filters");

        officer.driver().findElement(org.openqa.selenium.By.linkText(number)).click();
        assertThat(officer.text("#contact")).contains("136****6666").doesNotContain("13655556666");
        assertThat(officer.text("#case-branch")).contains("B002");
        assertThat(officer.text("#attachments")).contains(photo.getFileName().toString());
        assertThat(officer.text("#timeline")).contains("File added");
        officer.screenshot("cases-web-complaint");

        officer.open("/cases/insights/dashboard?lang=en");
        assertThat(officer.text("h1")).isEqualTo("Complaint officer's dashboard");
        assertThat(officer.text("#dashboard-dueToday") + officer.text("#dashboard-breached")).isNotNull();
        Files.deleteIfExists(photo);
    }
}
