package dk.mitforlob.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** Karen, caseworker in Aalborg (851), works her inbox and looks at Anna in a real browser. */
@EnabledIf(value = ConsoleBrowser.PRESENT, disabledReason = ConsoleBrowser.ABSENT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CaseworkerConsoleBrowserTest {

    private ConsoleBrowser browser;

    @BeforeAll
    void signIn() throws Exception {
        browser = ConsoleBrowser.open(ConsoleDemo.console());
        browser.signInAs("caseworker-851");
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    private long unreadCount() {
        return Long.parseLong(browser.waitFor(By.id("unread-count")).getText());
    }

    @Test
    @Order(1)
    void the_inbox_lists_aalborgs_input_newest_first_with_the_unread_count() throws Exception {
        browser.waitFor(By.id("inbox-list"));

        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Indbakke – Aalborg");
        assertThat(unreadCount()).isPositive();
        List<String> times = browser.driver.findElements(By.cssSelector("#inbox-list time")).stream()
                .map(time -> time.getAttribute("datetime")).toList();
        assertThat(times).hasSizeGreaterThan(1).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(browser.driver.findElements(By.cssSelector("#inbox-list a")))
                .extracting(WebElement::getText).contains("Anna Andersen").doesNotContain("Bo Bertelsen");
        browser.screenshot("inbox");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    }

    @Test
    @Order(2)
    void marking_an_item_read_lowers_the_unread_count_by_one() {
        long before = unreadCount();
        WebElement item = browser.driver.findElement(By.cssSelector("#inbox-list li.unread"));
        String id = item.getAttribute("data-item-id");

        item.findElement(By.cssSelector("button.mark-read")).click();

        browser.wait.until(driver -> unreadCount() == before - 1);
        WebElement marked = browser.waitFor(By.cssSelector("#inbox-list li[data-item-id='" + id + "']"));
        assertThat(marked.getAttribute("class")).isEqualTo("read");
        assertThat(marked.getText()).contains("Læst");
    }

    @Test
    @Order(3)
    void the_kind_filter_shows_only_that_kind() {
        new Select(browser.driver.findElement(By.id("filter-type"))).selectByValue("hours-registered");
        browser.driver.findElement(By.cssSelector("#inbox-filters button[type='submit']")).click();

        browser.wait.until(ExpectedConditions.urlContains("type=hours-registered"));
        browser.waitFor(By.id("inbox-list"));
        assertThat(browser.driver.findElements(By.cssSelector("#inbox-list .inbox-item-head strong")))
                .extracting(WebElement::getText).isNotEmpty().containsOnly("Timer registreret");
        assertThat(browser.driver.findElement(By.id("unread-summary")).getText()).contains("passer til filteret");
    }

    @Test
    @Order(4)
    void annas_page_shows_her_plan_her_hours_chart_and_her_wishes_history() throws Exception {
        browser.go("#/inbox");
        browser.waitFor(By.linkText("Anna Andersen")).click();

        browser.waitFor(By.id("hours-chart"));
        assertThat(browser.driver.findElement(By.id("citizen-name")).getText()).isEqualTo("Anna Andersen");
        @SuppressWarnings("unchecked")
        List<Number> weekly = (List<Number>) browser.script(
                "return Chart.getChart(document.getElementById('hours-chart')).data.datasets[0].data;");
        assertThat(weekly).as("one bar per week").hasSizeGreaterThanOrEqualTo(3);
        assertThat(weekly.stream().mapToDouble(Number::doubleValue).sum()).isPositive();
        assertThat((Long) browser.script("return document.getElementById('hours-chart').clientHeight;")).isPositive();
        assertThat(browser.driver.findElement(By.id("registrations")).getText()).contains("Føtex Aalborg");
        assertThat(browser.driver.findElements(By.cssSelector("#registrations details"))).isNotEmpty();
        assertThat(browser.driver.findElement(By.id("plan-heading")).isDisplayed()).isTrue();
        assertThat(browser.driver.findElements(By.cssSelector("#wishes-history > li"))).hasSizeGreaterThanOrEqualTo(2);
        assertThat(browser.driver.findElements(By.cssSelector("#wishes-history ins"))).isNotEmpty();
        browser.screenshot("citizen");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    }

    @Test
    @Order(5)
    void the_inbox_and_the_citizen_page_fit_a_390_wide_phone_screen() throws Exception {
        browser.viewport(390, 844);
        try {
            browser.go("#/inbox");
            browser.waitFor(By.id("inbox-list"));

            assertThat(browser.scrollsSideways()).isFalse();
            browser.screenshot("inbox-phone");
            assertThat(browser.seriousAccessibilityViolations()).isEmpty();
            browser.waitFor(By.linkText("Anna Andersen")).click();
            browser.waitFor(By.id("hours-chart"));
            assertThat(browser.scrollsSideways()).isFalse();
            browser.screenshot("citizen-phone");
        } finally {
            browser.viewport(1280, 800);
        }
    }

    @Test
    @Order(6)
    void english_is_one_click_away_and_danish_is_the_default() {
        browser.go("#/inbox");
        browser.waitFor(By.id("inbox-list"));
        assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("da");

        browser.driver.findElement(By.id("language-toggle")).click();

        browser.wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Inbox – Aalborg"));
        assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        browser.driver.findElement(By.id("language-toggle")).click();
        browser.wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Indbakke – Aalborg"));
        assertThat(browser.browserErrors()).isEmpty();
    }
}
