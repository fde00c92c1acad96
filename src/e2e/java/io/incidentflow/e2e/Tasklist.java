package io.incidentflow.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * What a responder does in Tasklist, found by what does not change with the language (Angular actions,
 * form-js field ids {@code Field_<key>}), so the same steps work in a Japanese and an English browser.
 */
final class Tasklist {

    private static final String MOUSEDOWN =
            "arguments[0].dispatchEvent(new MouseEvent('mousedown', {bubbles: true, cancelable: true, button: 0}))";

    private final Browser browser;

    Tasklist(Browser browser) {
        this.browser = browser;
    }

    void startIncident(String title, String description, String service) {
        browser.click(By.cssSelector("li.start-process-action a"));
        browser.click(By.xpath("//ul[contains(@class,'processes')]//a[normalize-space()='Incident management']"));
        text("title", title);
        text("description", description);
        text("service", service);
    }

    void submitStart() {
        browser.click(By.cssSelector("button[ng-click='startProcessInstance()']"));
        browser.waitUntilGone(By.cssSelector(".modal-dialog"));
    }

    void openFilter(String name) {
        browser.click(By.xpath("//div[contains(@class,'task-filter')]//h4[contains(@class,'name')]"
                + "/a[contains(normalize-space(), '" + name + "')]"));
    }

    /** The number of tasks the focused filter {@code name} counts, once it has counted them. */
    int activeFilterCount(String name) {
        By counter = By.xpath("//div[contains(@class,'task-filter') and contains(@class,'active')]//h4/a[contains("
                + "normalize-space(), '" + name + "')]/span[contains(@class,'counter')]");
        browser.waitFor(counter);
        browser.waitUntil(() -> !browser.driver().findElement(counter).getText().isBlank());
        return Integer.parseInt(browser.driver().findElement(counter).getText().trim());
    }

    /** Opens the task whose name contains {@code text} in the filter's list. */
    void openTask(String text) {
        browser.click(By.xpath(taskInList(text)));
    }

    static String taskInList(String text) {
        return "//ol[contains(@class,'tasks-list')]/li//h4[contains(@class,'task')]/a[contains(normalize-space(), '"
                + text + "')]";
    }

    void claim() {
        browser.click(By.cssSelector("button[ng-click='claim()']"));
        browser.waitFor(By.cssSelector("button[ng-click='complete()']"));
    }

    /** Types into an answer field and leaves it, so form-js takes the value before the next click. */
    void text(String key, String value) {
        WebElement field = field(key);
        browser.type(field, value);
        browser.script("arguments[0].blur()", field);
    }

    /** Chooses the option whose bilingual label ends in {@code englishLabel} ("インシデント / Incident"). */
    void radio(String key, String englishLabel) {
        browser.click(By.xpath("//label[input[@type='radio' and contains(@id, '-Field_" + key + "-')]"
                + " and " + endsWith(englishLabel) + "]/input"));
    }

    /** Opens form-js' own dropdown and picks the option ending in {@code englishLabel}, as a mouse does. */
    void select(String key, String englishLabel) {
        WebElement display = browser.waitFor(By.cssSelector("[id$='-Field_" + key + "-display']"));
        browser.script(MOUSEDOWN, display.findElement(By.xpath("./ancestor::div[contains(@class,'fjs-input-group')]")));
        WebElement option = browser.waitFor(By.xpath("//div[contains(@class,'fjs-dropdownlist-item')"
                + " and " + endsWith(englishLabel) + "]"));
        browser.script(MOUSEDOWN, option);
        browser.waitForText(By.cssSelector("[id$='-Field_" + key + "-display']"), englishLabel);
    }

    /** What a context field (read-only, {@code Context_<key>}) or an answer field shows. */
    String value(String key) {
        return browser.waitFor(By.cssSelector("[id$='-Context_" + key + "'], [id$='-Field_" + key + "']"))
                .getDomProperty("value");
    }

    void complete() {
        browser.click(By.cssSelector("button[ng-click='complete()']"));
    }

    /** XPath 1.0 has no ends-with: the label's text ends in "/ English". */
    private static String endsWith(String englishLabel) {
        String suffix = "/ " + englishLabel;
        return "substring(normalize-space(), string-length(normalize-space()) - " + (suffix.length() - 1) + ") = '"
                + suffix + "'";
    }

    private WebElement field(String key) {
        return browser.waitFor(By.cssSelector("[id$='-Field_" + key + "']"));
    }
}
