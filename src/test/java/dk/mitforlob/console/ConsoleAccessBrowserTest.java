package dk.mitforlob.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Signing in, and what a caseworker of another municipality does not get to see. */
@EnabledIf(value = ConsoleBrowser.PRESENT, disabledReason = ConsoleBrowser.ABSENT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleAccessBrowserTest {

    private ConsoleBrowser browser;

    @BeforeAll
    void open() throws Exception {
        browser = ConsoleBrowser.open(ConsoleDemo.console());
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void signing_in_goes_to_the_development_issuer_which_asks_whom_to_be() throws Exception {
        browser.go("");
        browser.wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-in")));
        browser.screenshot("sign-in");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();

        browser.driver.findElement(By.id("sign-in")).click();

        browser.waitFor(By.cssSelector("button[value='caseworker-101']"));
        assertThat(browser.driver.getCurrentUrl()).contains("/employees/authorize").contains("code_challenge_method=S256");
        browser.screenshot("dev-issuer-login");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.driver.findElement(By.cssSelector("button[value='caseworker-101']")).click();
        browser.waitFor(By.id("sign-out"));
        assertThat(browser.driver.findElement(By.id("user-name")).getText()).startsWith("Peter Poulsen");
    }

    @Test
    @Order(2)
    void a_caseworker_of_koebenhavn_cannot_see_anna_of_aalborg() throws Exception {
        browser.waitFor(By.id("inbox-results"));
        browser.wait.until(driver -> !driver.findElements(By.cssSelector("#inbox-list, #inbox-empty")).isEmpty());
        assertThat(browser.driver.findElement(By.id("inbox-results")).getText()).doesNotContain("Anna");

        browser.go("#/citizens/" + ConsoleDemo.annasCitizenId());

        String shown = browser.waitFor(By.cssSelector(".alert-error")).getText();
        assertThat(shown).contains("Borgeren findes ikke i din kommune");
        assertThat(browser.driver.findElements(By.id("hours-chart"))).isEmpty();
        assertThat(browser.driver.findElement(By.id("main-content")).getText()).doesNotContain("Anna");
        browser.screenshot("other-municipality");
    }

    @Test
    @Order(3)
    void a_caseworker_is_offered_no_survey_results_and_is_refused_them_by_address() {
        assertThat(browser.driver.findElements(By.cssSelector("#nav-list a[href='#/survey']"))).isEmpty();

        browser.go("#/survey");

        assertThat(browser.waitFor(By.cssSelector(".alert-error")).getText()).contains("ikke for din rolle");
        assertThat(browser.driver.findElements(By.id("survey-form"))).isEmpty();
    }

    @Test
    @Order(4)
    void signing_out_returns_to_the_sign_in_page_and_forgets_the_token() {
        browser.signOut();

        assertThat((Object) browser.script("return sessionStorage.getItem('mitforlob.console.session');")).isNull();
        assertThat(browser.browserErrors()).isEmpty();
    }
}
