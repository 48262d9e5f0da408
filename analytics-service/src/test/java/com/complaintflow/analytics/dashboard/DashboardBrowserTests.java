package com.complaintflow.analytics.dashboard;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.StreamSupport;

import com.complaintflow.analytics.AnalyticsClient;
import com.complaintflow.analytics.AnalyticsTestProperties;
import com.complaintflow.analytics.ScenarioEvents;
import com.complaintflow.analytics.TestEvents;
import com.complaintflow.browser.Accessibility;
import com.complaintflow.browser.BrowserTest;
import com.complaintflow.browser.DebianChromium;
import com.complaintflow.browser.PageErrors;
import com.complaintflow.browser.Screenshots;
import com.complaintflow.events.Category;
import com.complaintflow.events.Channel;
import com.complaintflow.events.EventMetadata;
import com.complaintflow.events.Nature;
import com.complaintflow.events.Playbook;
import com.complaintflow.support.kafka.EventPublisher;
import com.complaintflow.support.security.StaffSecurityConfiguration;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.UriComponentsBuilder;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The built-in dashboard in a real browser (Debian's Chromium through Playwright) against
 * a running service with data: landmarks and no meta refresh, a text alternative and a
 * table behind every chart, axe-core clean on every view; a complaint received after the
 * page loaded shows at its next redraw, without a reload; a filter shows what the
 * analytics API answers for it; a bar drills down to exactly the complaints the API
 * counts behind it and on to one complaint's timeline; Chinese for a Chinese browser,
 * switchable to English.
 */
@BrowserTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "complaintflow.analytics.metrics-interval=500ms", "complaintflow.analytics.hotspots.window=6h" })
@ActiveProfiles("local")
@DirtiesContext
class DashboardBrowserTests {

	private static boolean published;

	private static String prefix;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		AnalyticsTestProperties.register(registry, "analytics-dashboard");
	}

	@LocalServerPort
	int port;

	@Autowired
	EventPublisher publisher;

	AnalyticsClient api;

	@BeforeEach
	void publishOnce() {
		this.api = new AnalyticsClient(this.port, "ops", "ops-dev");
		if (published) {
			return;
		}
		Instant now = EventMetadata.now();
		prefix = "dash-" + UUID.randomUUID();
		ScenarioEvents.of(prefix, 120, now.minus(40, ChronoUnit.HOURS), Duration.ofHours(30), 11)
			.forEach(this.publisher::publish);
		for (int i = 0; i < 8; i++) {
			TestEvents burst = new TestEvents(prefix + "-hot-" + i, now.minus(30, ChronoUnit.MINUTES).plusSeconds(i),
					Channel.HOTLINE, Category.NETWORK, "HZ-XH", Playbook.NETWORK_FAULT);
			this.publisher.publish(burst.received());
			this.publisher.publishAndWait(burst.triaged(Nature.VALID, 0));
			if (i < 2) {
				this.publisher.publishAndWait(burst.corrected("category", "DEVICE", "model", Duration.ofMinutes(5)));
			}
		}
		await().atMost(Duration.ofSeconds(90))
			.until(() -> this.api.json("/api/v1/analytics/complaints?measure=triaged&region=HZ-XH&category=NETWORK")
				.get("total")
				.asLong() >= 8
					&& StreamSupport.stream(this.api.json("/api/v1/analytics/hotspots").spliterator(), false)
						.anyMatch((hotspot) -> hotspot.get("region").asString().equals("HZ-XH")));
		// Earlier test classes' events on the shared broker count too: wait
		// until the figures and the drill index stand still for two polls,
		// so the page and the API are compared on the same data.
		AtomicReference<String> previous = new AtomicReference<>("");
		AtomicInteger unchanged = new AtomicInteger();
		await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).until(() -> {
			String figures = this.api.json("/api/v1/analytics/summary").get("totals").toString() + this.api
				.json("/api/v1/analytics/complaints?measure=received&from=" + now.minus(3, ChronoUnit.DAYS))
				.get("total");
			boolean same = figures.equals(previous.getAndSet(figures));
			return ((same) ? unchanged.incrementAndGet() : unchanged.getAndSet(0)) >= 2;
		});
		published = true;
	}

	@Test
	void aFilterShowsWhatTheApiAnswersAndABarDrillsDownToItsComplaintsAndATimeline(Browser browser) {
		BrowserContext context = browser
			.newContext(DebianChromium.contextOptions().setHttpCredentials("ops", "ops-dev"));
		Page page = context.newPage();
		PageErrors errors = PageErrors.watch(page);
		page.clock().install();
		com.microsoft.playwright.Response loaded = page.navigate(url("/dashboard"));
		org.assertj.core.api.Assertions.assertThat(loaded.headers().get("content-security-policy"))
			.isEqualTo(StaffSecurityConfiguration.PAGE_POLICY);
		assertThat(page.locator("#kpis [data-kpi=received] a")).isVisible();

		assertThat(page.locator("meta[http-equiv=refresh]")).hasCount(0);
		assertThat(page.getByRole(AriaRole.BANNER)).hasCount(1);
		assertThat(page.getByRole(AriaRole.NAVIGATION)).hasCount(1);
		assertThat(page.getByRole(AriaRole.MAIN)).hasCount(1);
		everyChartHasATextAlternativeAndATable(page);
		assertThat(page.locator("svg[data-chart=hotspots] rect.bar").first()).isVisible();
		// a hotspot lists the complaints of the window the service counted (6 h here)
		Map<String, String> hotspotLink = query(page.locator("table[data-table=hotspots] tr:has-text('HZ-XH') a")
			.first()
			.getAttribute("href")
			.replaceFirst("^#complaints", ""));
		org.assertj.core.api.Assertions
			.assertThat(Duration.between(Instant.parse(hotspotLink.get("from")), Instant.parse(hotspotLink.get("to"))))
			.isEqualTo(Duration.ofHours(6));
		Accessibility.assertNoSeriousViolations(page);
		Screenshots.save(page, "analytics-dashboard");

		// Live: a complaint received now shows up at the next redraw (30 s on the page's
		// clock), without a reload.
		long received = this.api.json("/api/v1/analytics/summary").at("/totals/received").asLong();
		TestEvents late = new TestEvents(prefix + "-late", EventMetadata.now(), Channel.APP, Category.BILLING, "BJ-CY",
				Playbook.BILLING_ERROR);
		this.publisher.publishAndWait(late.received());
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.api.json("/api/v1/analytics/summary").at("/totals/received").asLong() == received + 1);
		String shown = page.locator("#kpis [data-kpi=received] a").textContent();
		page.clock().runFor(31_000);
		assertThat(page.locator("#kpis [data-kpi=received] a")).not().hasText(shown);
		assertThat(page.locator("#kpis [data-kpi=received] a"))
			.hasText(format(Long.parseLong(shown.replace(",", "")) + 1));

		// The keyboard's way down: a figure in a chart's data table lists its complaints.
		page.locator("#corrections-by-field summary").click();
		assertThat(page.locator("table[data-table=corrections-by-field] thead")).containsText("Wrong when checked");
		page.locator("table[data-table=corrections-by-field] a").first().click();
		assertThat(page.locator("#drill-title")).containsText("Corrected category");
		assertThat(page.locator("#drill-table tr[data-complaint]")).hasCount(2);
		assertThat(page.locator("#drill-table")).containsText(prefix + "-hot-0");
		assertThat(page.locator("#drill-table")).containsText(prefix + "-hot-1");
		page.locator("#drill a[href='#overview']").click();
		assertThat(page.locator("#overview")).isVisible();

		// A filter: the page shows what the API answers for the same range and channel.
		page.locator("select[name=channel]").selectOption("HOTLINE");
		Response summary = page.waitForResponse(
				(response) -> response.url().contains("/summary?") && response.url().contains("channel=HOTLINE"),
				() -> page.locator("#filters [type=submit]").click());
		Map<String, String> range = query(summary.url());
		String from = range.get("from");
		String to = range.get("to");
		JsonNode hotline = this.api.json("/api/v1/analytics/summary?channel=HOTLINE&from=" + from + "&to=" + to);
		assertThat(page.locator("#kpis [data-kpi=received] a"))
			.hasText(format(hotline.get("totals").get("received").asLong()));
		assertThat(page).hasURL(url("/dashboard?range=48&channel=HOTLINE"));

		// A drill-down from the Network bar: exactly the complaints the API counts behind
		// it.
		long networkBar = hotline.get("byCategory").get("NETWORK").get("received").asLong();
		assertThat(page.locator("svg[data-chart=by-category] rect.bar[data-label=Network] title"))
			.hasText("Network: " + format(networkBar));
		page.locator("svg[data-chart=by-category] rect.bar[data-label=Network]").click();
		assertThat(page.locator("#drill")).isVisible();
		assertThat(page.locator("#drill-count")).containsText(format(networkBar) + " complaints counted");
		JsonNode drill = this.api.json("/api/v1/analytics/complaints?measure=received&channel=HOTLINE&category=NETWORK"
				+ "&from=" + from + "&to=" + to + "&limit=50");
		assertThat(drill.get("total").asLong()).isEqualTo(networkBar);
		List<String> expected = StreamSupport.stream(drill.get("complaints").spliterator(), false)
			.map((complaint) -> complaint.get("complaintId").asString())
			.toList();
		assertThat(expected).hasSizeGreaterThanOrEqualTo(8).anyMatch((id) -> id.startsWith(prefix + "-hot-"));
		assertThat(page.locator("#drill-table tr[data-complaint]")).hasCount(expected.size());
		assertThat(page.locator("#drill-table tr[data-complaint]")
			.evaluateAll("rows => rows.map(r => r.dataset.complaint)")).isEqualTo(expected);
		Accessibility.assertNoSeriousViolations(page);
		Screenshots.save(page, "analytics-dashboard-drilldown");

		// On to one complaint's timeline.
		String complaintId = expected.get(0);
		page.locator("#drill-table a", new Page.LocatorOptions().setHasText(complaintId)).click();
		assertThat(page.locator("#timeline-title")).containsText(complaintId);
		JsonNode timeline = this.api.json("/api/v1/analytics/complaints/" + complaintId + "/timeline");
		assertThat(page.locator("#timeline-events li[data-event]")).hasCount(timeline.get("events").size());
		assertThat(page.locator("#timeline-events li[data-event=complaint-received] strong"))
			.hasText("Complaint received");
		assertThat(page.locator("#timeline-events")).containsText("channel: Hotline");
		Accessibility.assertNoSeriousViolations(page);
		errors.assertNone();
		context.close();
	}

	@Test
	void aChineseBrowserGetsChineseLabelsAndCanSwitchToEnglish(Browser browser) {
		BrowserContext context = browser.newContext(
				DebianChromium.contextOptions().setLocale("zh-CN").setHttpCredentials("supervisor", "supervisor-dev"));
		Page page = context.newPage();
		PageErrors errors = PageErrors.watch(page);
		page.navigate(url("/dashboard"));

		assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");
		assertThat(page.locator("h1")).hasText("complaint-flow 投诉分析");
		assertThat(page.locator("#kpis [data-kpi=received]")).containsText("已受理");
		assertThat(page.locator("select[name=channel] option[value=HOTLINE]")).hasText("热线");
		assertThat(page.locator("svg[data-chart=by-channel]")).isVisible();
		Accessibility.assertNoSeriousViolations(page);
		Screenshots.save(page, "analytics-dashboard-zh");

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("English")).click();
		assertThat(page.locator("html")).hasAttribute("lang", "en");
		assertThat(page.locator("h1")).hasText("complaint-flow analytics");
		assertThat(page.locator("select[name=channel] option[value=HOTLINE]")).hasText("Hotline");
		page.reload();
		assertThat(page.locator("h1")).hasText("complaint-flow analytics");
		errors.assertNone();
		context.close();
	}

	private static void everyChartHasATextAlternativeAndATable(Page page) {
		List<String> charts = ((List<?>) page.locator("svg[role=img]")
			.evaluateAll("svgs => svgs.map(s => s.dataset.chart)")).stream().map(String::valueOf).toList();
		assertThat(charts).contains("volume", "by-channel", "by-category", "sla", "retention", "hotspots",
				"satisfaction", "corrections-by-field", "corrections-by-playbook");
		for (String chart : charts) {
			String label = (String) page.locator("svg[data-chart='" + chart + "']")
				.evaluate("s => s.getAttribute('aria-labelledby').split(' ')"
						+ ".map(id => document.getElementById(id).textContent).join(' ')");
			assertThat(label).as("text alternative of %s", chart).isNotBlank();
			assertThat(page.locator("table[data-table='" + chart + "'] tbody tr").count()).as("table of %s", chart)
				.isEqualTo(page.locator("svg[data-chart='" + chart + "'] rect.bar").count());
		}
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private static Map<String, String> query(String url) {
		Map<String, String> params = new java.util.HashMap<>();
		UriComponentsBuilder.fromUriString(url)
			.build()
			.getQueryParams()
			.toSingleValueMap()
			.forEach((name, value) -> params.put(name, URLDecoder.decode(value, StandardCharsets.UTF_8)));
		return params;
	}

	private static String format(long value) {
		return String.format(java.util.Locale.US, "%,d", value);
	}

}
