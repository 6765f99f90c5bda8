package dk.mitforlob.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openqa.selenium.support.ui.Select;

/** Eva, evaluator of the quality study, reads the programme outcome and the survey results in a real browser. */
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

    @Test
    @Order(4)
    void the_survey_results_of_the_demo_round_hide_its_small_figures_in_tables_and_charts() throws Exception {
        browser.driver.findElement(By.cssSelector("#nav-list a[href='#/survey']")).click();
        browser.waitFor(By.id("table-response"));
        Select round = new Select(browser.driver.findElement(By.id("survey-round")));
        assertThat(round.getFirstSelectedOption().getText()).startsWith("Brugerundersøgelse");

        // anna and bo, the round's two invited citizens, answer in their app: two answers, every figure hidden
        String roundId = round.getFirstSelectedOption().getAttribute("value");
        assertThat(ConsoleDemo.answerSurvey("citizen-anna", roundId)).isIn(201, 409);
        assertThat(ConsoleDemo.answerSurvey("citizen-bo", roundId)).isIn(201, 409);

        // the demo round, by programme, chosen as an evaluator would
        round.selectByValue(roundId);
        new Select(browser.driver.findElement(By.id("survey-group-by"))).selectByValue("programme");
        browser.driver.findElement(By.cssSelector("#survey-form button[type='submit']")).click();
        browser.wait.until(driver -> driver.getCurrentUrl().contains("groupBy=programme")
                && driver.findElement(By.cssSelector("#table-response thead th")).getText().equals("Forløbstype"));

        @SuppressWarnings("unchecked")
        List<String> total = (List<String>) browser.script("return [...document.querySelectorAll("
                + "'#table-response tr.total td')].map((td) => td.firstChild.textContent);");
        assertThat(total).containsExactly("< 5", "< 5", "skjult");
        @SuppressWarnings("unchecked")
        List<String> hidden = (List<String>) browser.script(
                "return [...document.querySelectorAll('td.suppressed')].map((td) => td.firstChild.textContent);");
        assertThat(hidden).as("hidden figures never show a number").isNotEmpty()
                .allMatch(text -> text.equals("< 5") || text.equals("skjult"));
        @SuppressWarnings("unchecked")
        List<Object> overall = (List<Object>) browser.script(
                "return Chart.getChart(document.getElementById('chart-item-overall')).data.datasets[0].data;");
        assertThat(overall).as("a hidden count has no bar, not a bar of zero").hasSize(5).containsOnlyNulls();
        @SuppressWarnings("unchecked")
        List<String> mismatched = (List<String>) browser.script("""
                return [...document.querySelectorAll('section.survey-item')].flatMap((section) => {
                  const canvas = section.querySelector('canvas');
                  if (!canvas) return [];
                  const bars = Chart.getChart(canvas).data.datasets[0].data;
                  const cells = [...section.querySelectorAll('tr.total td')].slice(1, 1 + bars.length);
                  return bars.filter((bar, i) => (bar === null) !== cells[i].classList.contains('suppressed'))
                    .map(() => section.id);
                });""");
        assertThat(mismatched).as("every chart has a bar exactly where its table shows a figure").isEmpty();
    }

    @Test
    @Order(5)
    void the_csv_downloads_with_the_token_and_free_texts_wait_for_enough_answers() throws Exception {
        // the CSV goes with the bearer token (a plain link would not), saved through a Blob
        Path downloads = browser.allowDownloads("survey");
        browser.driver.findElement(By.id("survey-csv")).click();
        browser.wait.until(driver -> driver.findElement(By.id("survey-csv-status")).getText().contains("er hentet"));
        browser.wait.until(driver -> listing(downloads).stream().anyMatch(name -> name.endsWith("-programme.csv")));
        Path csv = downloads.resolve(listing(downloads).getFirst());
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFround_id;group_by;group;group_name;item_id;item_text;value;value_label;"
                + "figure;amount;suppressed\r\n").contains(";programme;total;I alt;;;;;invited;;1\r\n");

        // too few answers for free texts: said plainly, not as an error
        browser.driver.findElement(By.id("free-texts-comment")).click();
        assertThat(browser.waitFor(By.cssSelector("#free-text-part-comment .survey-too-few")).getText())
                .contains("mindst 5 svar");
        assertThat(browser.driver.findElements(By.cssSelector("#survey-results .alert-error"))).isEmpty();

        browser.screenshot("survey", 2400);
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        assertThat(browser.browserErrors()).isEmpty();
    }

    @Test
    @Order(6)
    void the_survey_results_read_in_english_and_fit_a_phone() {
        browser.driver.findElement(By.id("language-toggle")).click();
        browser.wait.until(driver -> driver.findElement(By.tagName("h1")).getText().equals("Results: user survey")
                && !driver.findElements(By.id("table-response")).isEmpty());
        assertThat(browser.driver.findElement(By.id("survey-csv")).getText())
                .isEqualTo("Download the results per programme as CSV");
        browser.driver.findElement(By.id("language-toggle")).click();
        browser.wait.until(driver -> driver.findElement(By.tagName("h1")).getText().equals("Resultater: brugerundersøgelse")
                && !driver.findElements(By.id("table-response")).isEmpty());

        browser.viewport(390, 844);
        try {
            // as a phone opens it: drawn at its width from the start
            browser.driver.navigate().refresh();
            browser.waitFor(By.id("table-item-overall"));
            assertThat(browser.scrollsSideways()).isFalse();
        } finally {
            browser.viewport(1280, 800);
        }
    }

    private static List<String> listing(Path directory) {
        try (var files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> !name.endsWith(".crdownload")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
