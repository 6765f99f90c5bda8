package dk.mitforlob.console;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium, driven by Selenium, for a class of console tests: signing in at
 * the development issuer, screenshots (target/console-screenshots), axe-core checks, and the
 * browser's own error log.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final Path AXE = Path.of("target", "console-build", "node_modules", "axe-core", "axe.min.js");
    private static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver");

    final ChromeDriver driver;
    final WebDriverWait wait;
    private final URI console;
    private final Path profile;

    private ConsoleBrowser(ChromeDriver driver, URI console, Path profile) {
        this.driver = driver;
        this.console = console;
        this.profile = profile;
        // pages re-render what they show after each answer from the API, so an element can go stale mid-wait
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        this.wait.ignoring(StaleElementReferenceException.class);
    }

    /** The condition of the browser test classes ({@code @EnabledIf}), and why they are skipped when it fails. */
    static final String PRESENT = "dk.mitforlob.console.ConsoleBrowser#present";
    static final String ABSENT = "Console browser tests skipped: they need Debian's Chromium and ChromeDriver "
            + "(apt-get install chromium chromium-driver; CHROMIUM and CHROMEDRIVER name other paths) and "
            + "target/console-build/node_modules/axe-core (the build's npm ci)";

    static boolean present() {
        return Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER)) && Files.isReadable(AXE);
    }

    static ConsoleBrowser open(URI console) throws IOException {
        Path profile = Files.createTempDirectory("mitforlob-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // the flags STACK.md found necessary on these machines (no sandbox as root, no background traffic)
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,800", "--lang=da-DK");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ConsoleBrowser browser = new ConsoleBrowser(new ChromeDriver(service, options), console, profile);
        browser.viewport(1280, 800);
        return browser;
    }

    /** Sets the page's viewport exactly, as a phone (narrow) or a desktop window. */
    void viewport(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", width < 600));
    }

    /** Opens the console, signs in at the development issuer as one of the demo employees, and waits for the menu. */
    void signInAs(String demoEmployee) {
        driver.get(console.toString());
        wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-in"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("button[name='username'][value='" + demoEmployee + "']"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-out")));
    }

    void signOut() {
        driver.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-in")));
    }

    void go(String hash) {
        driver.get(console + hash);
    }

    WebElement waitFor(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    Object script(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /** Saves the whole page (up to 6,000 px long) as target/console-screenshots/NAME.png, at the current width. */
    Path screenshot(String name) throws IOException {
        return screenshot(name, 6000);
    }

    /** Saves the page from its top, up to maxHeight px of it, as target/console-screenshots/NAME.png. */
    Path screenshot(String name, int maxHeight) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        driver.executeScript("window.scrollTo(0, 0);");
        Path file = SCREENSHOTS.resolve(name + ".png");
        int width = ((Number) driver.executeScript("return window.innerWidth;")).intValue();
        int height = ((Number) driver.executeScript("return window.innerHeight;")).intValue();
        int page = ((Number) driver.executeScript("return document.documentElement.scrollHeight;")).intValue();
        viewport(width, Math.min(Math.max(page, height), maxHeight));
        try {
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            viewport(width, height);
        }
        return file;
    }

    /** axe-core's serious and critical WCAG 2.1 A/AA violations on the page as it is now. */
    List<String> seriousAccessibilityViolations() throws IOException {
        driver.executeScript(Files.readString(AXE));
        Object result = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                  .then((r) => done(JSON.stringify(r.violations.map((v) => ({id: v.id, impact: v.impact,
                    help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' '))})))))
                  .catch((e) => done(JSON.stringify([{id: 'axe-failed', impact: 'critical', help: String(e), nodes: []}])));
                """);
        JsonNode violations = new ObjectMapper().readTree(String.valueOf(result));
        return StreamSupport.stream(violations.spliterator(), false)
                .filter(v -> List.of("serious", "critical").contains(v.path("impact").asText()))
                .map(JsonNode::toString)
                .toList();
    }

    /**
     * Errors the page wrote to the browser console: script errors, blocked resources, files of its
     * own that failed to load. The API's refusals (a 404 for someone else's citizen) are the page's
     * to show, and it does; the browser logs them too, and they are left out here.
     */
    List<String> browserErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> !message.contains("/api/v1/"))
                .toList();
    }

    /**
     * Lets the browser save downloads into an empty directory under target/ (headless Chromium
     * refuses them otherwise), and returns it.
     */
    Path allowDownloads(String name) throws IOException {
        Path directory = Path.of("target", "console-downloads", name).toAbsolutePath();
        if (Files.exists(directory)) {
            try (var files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        Files.createDirectories(directory);
        driver.executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", directory.toString()));
        return directory;
    }

    /** Whether the page is wider than the viewport, i.e. scrolls sideways. */
    boolean scrollsSideways() {
        return (Boolean) driver.executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
