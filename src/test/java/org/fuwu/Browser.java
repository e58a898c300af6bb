package org.fuwu;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by Selenium through Debian's chromedriver (no driver or
 * browser is downloaded). Injected into {@code @BrowserTest} methods; a screenshot of the last page
 * is kept in target/browser-screenshots.
 */
public final class Browser implements ParameterResolver, AfterEachCallback {

    private static final String CHROMIUM = System.getProperty("fuwu.browser.binary", "/usr/bin/chromium");
    private static final String DRIVER = System.getProperty("fuwu.browser.driver", "/usr/bin/chromedriver");

    private WebDriver driver;
    private String baseUrl;
    /** Every browser this extension started for the current test: a test may take several (a customer and an agent). */
    private final java.util.List<Browser> started = new java.util.ArrayList<>();

    /** The browser's driver. */
    public WebDriver driver() {
        return driver;
    }

    /** Opens a path of the application under test, e.g. {@code /login}. */
    public void open(String path) {
        driver.get(baseUrl + path);
    }

    public WebElement find(String css) {
        return waitFor(css);
    }

    /** Waits up to 10 s for an element to be visible. */
    public WebElement waitFor(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    public void type(String css, String text) {
        WebElement e = waitFor(css);
        e.clear();
        e.sendKeys(text);
    }

    /** Scrolls the element into the middle of the view at once, then clicks it. */
    public void click(String css) {
        WebElement e = new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", e);
        e.click();
    }

    public String text(String css) {
        return waitFor(css).getText();
    }

    /** Logs in through the log-in form. */
    public void login(String username, String password) {
        open("/login?lang=en");
        type("#username", username);
        type("#password", password);
        click("#login-submit");
        waitFor("#current-user");
    }

    public void screenshot(String name) {
        try {
            Path dir = Path.of("target/browser-screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (Exception e) {
            // a screenshot is a help, never a failure
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
        return p.getParameter().getType() == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext c) {
        boolean present = new File(CHROMIUM).canExecute() && new File(DRIVER).canExecute();
        if (!present) {
            if (Boolean.getBoolean("fuwu.browser.required")) {
                throw new IllegalStateException("Chromium or chromedriver is missing at " + CHROMIUM + " / " + DRIVER);
            }
            Assumptions.abort("Chromium is not installed (apt-get install chromium chromium-driver); browser test skipped");
        }
        int port = org.springframework.test.context.junit.jupiter.SpringExtension.getApplicationContext(c)
                .getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        Browser b = new Browser();
        b.baseUrl = "http://localhost:" + port;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1366,900", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        b.driver = new ChromeDriver(service, options);
        b.driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        started.add(b);
        return b;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        for (int i = 0; i < started.size(); i++) {
            Browser b = started.get(i);
            b.screenshot(context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName()
                    + (i == 0 ? "" : "-" + (i + 1)));
            Optional.ofNullable(b.driver).ifPresent(WebDriver::quit);
            b.driver = null;
        }
        started.clear();
    }
}
