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

/** Eva, evaluator of the quality study, reads the programme outcome in a real browser. */
@EnabledIf(value = ConsoleBrowser.PRESENT, disabledReason = ConsoleBrowser.ABSENT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EvaluatorConsoleBrowserTest {

    private ConsoleBrowser browser;

    @BeforeAll
    void signIn() throws Exception {
        browser = ConsoleBrowser.open(ConsoleDemo.console());
        browser.signInAs("evaluator");
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void a_suppressed_figure_shows_as_less_than_five_never_as_a_number_or_a_bar() throws Exception {
        browser.waitFor(By.id("table-municipality"));

        WebElement frederiksberg = browser.driver.findElement(By.xpath(
                "//table[@id='table-municipality']//tr[th[contains(., 'Frederiksberg')]]"));
        assertThat(frederiksberg.findElements(By.tagName("td"))).extracting(WebElement::getText)
                .containsOnly("< 5");
        @SuppressWarnings("unchecked")
        List<Object> labels = (List<Object>) browser.script(
                "return Chart.getChart(document.getElementById('chart-municipality')).data.labels;");
        @SuppressWarnings("unchecked")
        List<Object> bars = (List<Object>) browser.script(
                "return Chart.getChart(document.getElementById('chart-municipality')).data.datasets[0].data;");
        int index = labels.indexOf("Frederiksberg (147)");
        assertThat(index).isNotNegative();
        assertThat(bars.get(index)).as("no bar, not a bar of zero").isNull();
        assertThat(bars).as("Aarhus is large enough to be shown").anySatisfy(bar -> assertThat(bar).isNotNull());
        browser.screenshot("outcome");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    }

    @Test
    @Order(2)
    void the_outcome_has_a_chart_and_a_table_per_month_municipality_and_programme() {
        for (String grouping : List.of("month", "municipality", "programme")) {
            assertThat(browser.driver.findElement(By.id("chart-" + grouping)).isDisplayed()).isTrue();
            assertThat(browser.driver.findElements(By.cssSelector("#table-" + grouping + " tbody tr")))
                    .as("groups and a total").hasSizeGreaterThanOrEqualTo(2);
        }
        assertThat(browser.driver.findElement(By.id("table-programme")).getText()).contains("Ressourceforløb");
        assertThat(browser.browserErrors()).isEmpty();
    }

    @Test
    @Order(3)
    void the_outcome_fits_a_390_wide_phone_screen() throws Exception {
        browser.viewport(390, 844);
        try {
            browser.go("#/outcome");
            browser.waitFor(By.id("table-month"));

            assertThat(browser.scrollsSideways()).isFalse();
            browser.screenshot("outcome-phone");
        } finally {
            browser.viewport(1280, 800);
        }
    }
}
