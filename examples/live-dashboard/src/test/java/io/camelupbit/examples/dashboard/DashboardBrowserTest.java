package io.camelupbit.examples.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.camelupbit.test.UpbitSimulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The dashboard in a real browser: headless Chromium driven by Debian's chromium-driver (never downloaded). Runs with
 * {@code -Pbrowser}; when Chromium cannot start there, it fails and says why, it never skips.
 * <p>
 * It writes a screenshot to {@code target/live-dashboard.png}, and to the path in {@code -Ddashboard.screenshot} when
 * given (how the README's picture is made).
 */
class DashboardBrowserTest {

    private static final List<String> CODES = List.of("KRW-BTC", "KRW-ETH", "KRW-XRP", "KRW-SOL", "KRW-DOGE");

    private LiveDashboard dashboard;
    private ChromeDriver browser;

    @BeforeEach
    void start() throws Exception {
        dashboard = new LiveDashboard(UpbitSimulator.builder().seed(2026).build());
        dashboard.main().addOverrideProperty("dashboard.port", "0");
        dashboard.main().start();
        browser = chromium();
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        dashboard.main().stop();
    }

    @Test
    void pricesChangeInPlaceAndTheConnectionShowsConnected() throws Exception {
        browser.get("http://127.0.0.1:" + dashboard.port() + "/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

        WebElement connection = browser.findElement(By.id("connection"));
        wait.until(page -> "true".equals(connection.getDomAttribute("data-connected")));
        assertThat(connection.getText()).isEqualTo("SUBSCRIBED");

        // one row per market, made once
        wait.until(page -> rows().size() == CODES.size());
        assertThat(rows().stream().map(row -> row.getDomAttribute("data-key")))
                .containsExactlyElementsOf(CODES.stream().sorted().toList());
        WebElement btc = browser.findElement(By.id("tickers:KRW-BTC"));
        WebElement btcPrice = btc.findElements(By.tagName("td")).get(1);
        WebElement btcTime = btc.findElements(By.tagName("td")).get(5);

        // the same cells are rewritten: a newer ticker's time (and, as the market moves, a new price) lands in them;
        // a page that redrew its rows would leave these elements stale, and reading them would throw
        String firstTime = btcTime.getText();
        String firstPrice = btcPrice.getText();
        wait.until(page -> !btcTime.getText().equals(firstTime));
        wait.until(page -> !btcPrice.getText().equals(firstPrice));
        assertThat(btcPrice.getText()).matches("[0-9,]+(\\.[0-9]+)?");
        assertThat(rows()).hasSize(CODES.size());
        assertThat(btc.getDomAttribute("id")).isEqualTo("tickers:KRW-BTC");

        // the order book's top and the routes' flow are there too, and updates keep counting
        wait.until(page -> page.findElements(By.cssSelector("#orderbook tbody tr")).size() == 10);
        wait.until(page -> !page.findElements(By.id("flows:tickers")).isEmpty());
        long updates = Long.parseLong(browser.findElement(By.id("updates")).getText());
        wait.until(page -> Long.parseLong(page.findElement(By.id("updates")).getText()) > updates);

        screenshot();
    }

    private List<WebElement> rows() {
        return browser.findElements(By.cssSelector("#tickers tbody tr"));
    }

    private void screenshot() throws IOException {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Path target = Path.of("target", "live-dashboard.png");
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
        String readme = System.getProperty("dashboard.screenshot");
        if (readme != null && !readme.isBlank()) {
            Files.copy(shot, Path.of(readme), StandardCopyOption.REPLACE_EXISTING);
        }
        assertThat(Files.size(target)).isPositive();
    }

    /**
     * Headless Chromium through Debian's chromium-driver; {@code -Dchromium.binary} and {@code -Dchromium.driver}
     * point elsewhere. Setting the driver's path keeps Selenium Manager from looking for one on the network.
     */
    private static ChromeDriver chromium() {
        Path binary = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        Path driver = Path.of(System.getProperty("chromium.driver", "/usr/bin/chromedriver"));
        for (Path needed : List.of(binary, driver)) {
            if (!Files.isExecutable(needed)) {
                fail(needed + " is missing: the browser test needs Chromium and its driver "
                        + "(Debian: apt-get install -y chromium chromium-driver; .ci/run installs them), "
                        + "or -Dchromium.binary / -Dchromium.driver pointing at them; without -Pbrowser it does not run");
            }
        }
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, driver.toString());
        ChromeOptions options = new ChromeOptions()
                .setBinary(binary.toFile())
                // CI runs as root, where Chromium's sandbox cannot start
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--window-size=1280,800");
        try {
            return new ChromeDriver(options);
        } catch (RuntimeException e) {
            throw new AssertionError("Chromium (" + binary + ") did not start through " + driver + ": " + e.getMessage(),
                    e);
        }
    }
}
