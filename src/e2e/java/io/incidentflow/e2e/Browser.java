package io.incidentflow.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver: nothing is downloaded, and every
 * browser starts with a fresh profile in the language the test asks for.
 */
final class Browser implements AutoCloseable {

    private static final String CHROMIUM = System.getProperty("e2e.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("e2e.chromedriver", "/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of(System.getProperty("e2e.screenshots", "target/e2e-screenshots"));

    private final ChromeDriver driver;
    private final Path profile;
    private final String baseUrl;

    private Browser(ChromeDriver driver, Path profile, String baseUrl) {
        this.driver = driver;
        this.profile = profile;
        this.baseUrl = baseUrl;
    }

    /** A browser whose user speaks {@code language} (navigator.language and Accept-Language). */
    static Browser open(String baseUrl, String language) {
        try {
            Path profile = Files.createTempDirectory("e2e-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=" + language,
                    "--user-data-dir=" + profile);
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().implicitlyWait(Duration.ZERO);
            return new Browser(driver, profile, baseUrl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    void go(String path) {
        driver.get(baseUrl + path);
    }

    WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    WebElement waitForClickable(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.elementToBeClickable(by));
    }

    void waitUntilGone(By by) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.invisibilityOfElementLocated(by));
    }

    void waitForText(By by, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    void waitUntil(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> condition.getAsBoolean());
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    /**
     * Enters text the way an input method commits it (Chromium's Input.insertText: beforeinput and
     * input events), so Angular's and form-js' models see it. WebDriver's key and mouse events never
     * reach the Camunda webapps in headless Chromium (not even a capturing listener on window sees them),
     * apparently because their Content-Security-Policy sandboxes the document; a plain page gets them.
     */
    void type(WebElement field, String text) {
        script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus(); arguments[0].select()", field);
        driver.executeCdpCommand("Input.insertText", Map.of("text", text));
        if (!text.equals(field.getDomProperty("value"))) {
            throw new IllegalStateException("typed " + text + " but the field holds " + field.getDomProperty("value"));
        }
    }

    /** Clicks a visible, enabled element with a DOM click, for the reason given at {@link #type}. */
    void click(By by) {
        click(waitForClickable(by));
    }

    void click(WebElement element) {
        script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()", element);
    }

    void logIn(String app, String user, String password) {
        go("/camunda/app/" + app + "/");
        type(waitFor(By.cssSelector("input[ng-model='username']")), user);
        type(driver.findElement(By.cssSelector("input[ng-model='password']")), password);
        click(By.cssSelector("form[name='signinForm'] button[type='submit']"));
        waitUntilGone(By.cssSelector("form[name='signinForm']"));
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Saves the whole window as {@code target/e2e-screenshots/<name>.png}. */
    Path screenshot(String name) {
        return save(driver.getScreenshotAs(OutputType.FILE), name);
    }

    /** Saves just {@code element}, e.g. a diagram. */
    Path screenshot(WebElement element, String name) {
        return save(element.getScreenshotAs(OutputType.FILE), name);
    }

    private static Path save(File screenshot, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(screenshot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // A temporary profile left behind is harmless.
        }
    }
}
