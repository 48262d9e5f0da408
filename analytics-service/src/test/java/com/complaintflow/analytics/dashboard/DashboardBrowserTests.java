package com.complaintflow.analytics.dashboard;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.complaintflow.analytics.AnalyticsTestProperties;
import com.complaintflow.analytics.ScenarioEvents;
import com.complaintflow.analytics.TestEvents;
import com.complaintflow.analytics.report.AnalyticsQueries;
import com.complaintflow.analytics.report.HotspotFinder;
import com.complaintflow.analytics.report.RollupFilter;
import com.complaintflow.events.CaseClosed;
import com.complaintflow.events.Category;
import com.complaintflow.events.Channel;
import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.EventMetadata;
import com.complaintflow.events.Nature;
import com.complaintflow.events.Playbook;
import com.complaintflow.support.kafka.EventPublisher;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The built-in dashboard in a real browser: headless Chromium loads the page from a
 * running service with data and the volume, SLA, retention and hotspot charts are drawn.
 * Skipped when no Chromium is installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "complaintflow.analytics.metrics-interval=500ms")
@ActiveProfiles("local")
@DirtiesContext
class DashboardBrowserTests {

	private static final Path SCREENSHOT = Path.of("target", "screenshots", "analytics-dashboard.png");

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		AnalyticsTestProperties.register(registry, "analytics-dashboard");
	}

	@LocalServerPort
	int port;

	@Autowired
	EventPublisher publisher;

	@Autowired
	AnalyticsQueries queries;

	@Autowired
	HotspotFinder hotspots;

	@Test
	void dashboardDrawsVolumeSlaRetentionAndHotspotChartsInABrowser() throws Exception {
		Optional<Chromium> chromium = Chromium.find();
		Assumptions.assumeTrue(chromium.isPresent(), "no chromium installed");
		Instant now = EventMetadata.now();
		String prefix = "dash-" + UUID.randomUUID();
		List<ComplaintEvent> scenario = ScenarioEvents.of(prefix, 120, now.minus(40, ChronoUnit.HOURS),
				Duration.ofHours(30), 11);
		scenario.forEach(this.publisher::publish);
		long closed = scenario.stream().filter((event) -> event instanceof CaseClosed).count();
		for (int i = 0; i < 8; i++) {
			TestEvents burst = new TestEvents(prefix + "-hot-" + i, now.minus(30, ChronoUnit.MINUTES).plusSeconds(i),
					Channel.HOTLINE, Category.NETWORK, "HZ-XH", Playbook.NETWORK_FAULT);
			this.publisher.publish(burst.received());
			this.publisher.publishAndWait(burst.triaged(Nature.VALID, 0));
		}
		Instant to = now.plus(1, ChronoUnit.HOURS);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.queries.summary(now.minus(2, ChronoUnit.DAYS), to, RollupFilter.NONE)
				.totals()
				.get("triaged") >= 8
					&& this.hotspots.find(to).stream().anyMatch((hotspot) -> hotspot.region().equals("HZ-XH")));
		String url = "http://ops:ops-dev@localhost:" + this.port + "/dashboard?days=2";

		String dom = chromium.get().dumpDom(url);
		chromium.get().screenshot(url, SCREENSHOT);

		assertThat(dom).contains("complaint-flow analytics");
		assertThat(count(dom, "<polyline class=\"series\"")).isEqualTo(3);
		assertThat(chart(dom, "sla")).contains("class=\"bar\"");
		assertThat(chart(dom, "retention")).contains("class=\"bar\"").contains("NETWORK_FAULT");
		assertThat(chart(dom, "hotspots")).contains("class=\"bar\"").contains("HZ-XH NETWORK");
		assertThat(Files.size(SCREENSHOT)).isGreaterThan(10_000);
	}

	private static String chart(String dom, String id) {
		Matcher matcher = Pattern.compile("<svg[^>]*data-chart=\"" + id + "\".*?</svg>", Pattern.DOTALL).matcher(dom);
		assertThat(matcher.find()).as("chart %s is in the page", id).isTrue();
		return matcher.group();
	}

	private static int count(String text, String part) {
		return text.split(Pattern.quote(part), -1).length - 1;
	}

}
