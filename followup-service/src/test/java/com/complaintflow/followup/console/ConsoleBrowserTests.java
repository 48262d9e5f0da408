package com.complaintflow.followup.console;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.complaintflow.browser.Accessibility;
import com.complaintflow.browser.BrowserTest;
import com.complaintflow.browser.DebianChromium;
import com.complaintflow.browser.PageErrors;
import com.complaintflow.browser.Screenshots;
import com.complaintflow.events.Deadlines;
import com.complaintflow.followup.TestEvents;
import com.complaintflow.followup.cases.CaseOpening;
import com.complaintflow.followup.cases.CaseStore;
import com.complaintflow.followup.oncall.OnCallAlerts;
import com.complaintflow.followup.oncall.PagedAlert;
import com.complaintflow.support.kafka.EventPublisher;
import com.complaintflow.support.test.TestInfrastructure;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console in a real browser (Debian's Chromium through the shared harness), one
 * service on a real broker and wire server: the queue taking a new case without a reload,
 * the supervisor's breaches by team, on-call acknowledging from the keyboard, and
 * axe-core on every page in English and Chinese. Saves the supervisor and on-call
 * screenshots of docs/screenshots.
 */
@BrowserTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@DirtiesContext
class ConsoleBrowserTests {

	static final Duration SOON = Duration.ofSeconds(30);

	@DynamicPropertySource
	static void infra(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	EventPublisher publisher;

	@Autowired
	CaseStore store;

	@Autowired
	OnCallAlerts alerts;

	@Test
	void newCaseAppearsInTheOpenQueueWithoutAReload(Page page) {
		PageErrors errors = PageErrors.watch(page);
		login(page, "agent", "agent-dev");
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Queue"))).isVisible();
		page.evaluate("window.notReloaded = true");

		String caseId = open(Duration.ofHours(24));

		assertThat(page.locator("tr[data-case-id='" + caseId + "']")).isVisible();
		assertThat(page.evaluate("window.notReloaded === true")).isEqualTo(true);
		errors.assertNone();
	}

	@Test
	void supervisorSeesBreachesByTeamAndAcknowledgesWhatPagedFromTheKeyboard(Page page) {
		String breached = open(Duration.ofMinutes(-5));
		open(Duration.ofMinutes(30));
		PagedAlert alert = await().atMost(SOON)
			.until(() -> this.alerts.recent(100).stream().filter((a) -> a.caseId().equals(breached)).findFirst(),
					java.util.Optional::isPresent)
			.orElseThrow();
		PageErrors errors = PageErrors.watch(page);
		login(page, "supervisor", "supervisor-dev");

		page.navigate(url("/console/supervisor"));
		assertThat(page.locator("#supervisor-rows")).containsText(breached);
		assertThat(page.locator("#supervisor-rows tr.breached").first()).isVisible();
		Accessibility.assertNoSeriousViolations(page);
		Screenshots.save(page, "console-supervisor");

		page.navigate(url("/console/oncall"));
		assertThat(page.locator("#oncall-rows")).containsText(breached);
		Accessibility.assertNoSeriousViolations(page);
		Screenshots.save(page, "console-oncall");
		page.locator("tr[data-alert-id='" + alert.id() + "'] button").focus();
		page.keyboard().press("Enter");

		assertThat(page.getByRole(AriaRole.STATUS)).hasText("Alert acknowledged.");
		assertThat(this.alerts.recent(100)
			.stream()
			.filter((a) -> a.id().equals(alert.id()))
			.findFirst()
			.orElseThrow()
			.acknowledgedBy()).isEqualTo("supervisor");
		errors.assertNone();
	}

	@Test
	void everyPageSpeaksChineseAndPassesAxe(Browser browser) {
		String caseId = open(Duration.ofMinutes(-5));
		try (BrowserContext chinese = browser.newContext(DebianChromium.contextOptions().setLocale("zh-CN"))) {
			Page page = chinese.newPage();
			PageErrors errors = PageErrors.watch(page);
			page.navigate(url("/console/login"));
			assertThat(page.locator("html")).hasAttribute("lang", "zh");
			Accessibility.assertNoSeriousViolations(page);
			login(page, "supervisor", "supervisor-dev");
			for (String path : List.of("/console/queue", "/console/cases/" + caseId, "/console/supervisor",
					"/console/oncall")) {
				page.navigate(url(path));
				assertThat(page.locator("nav")).containsText("待办队列");
				Accessibility.assertNoSeriousViolations(page);
			}
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English")).click();
			assertThat(page.locator("nav")).containsText("Queue");
			Accessibility.assertNoSeriousViolations(page);
			errors.assertNone();
		}
	}

	private void login(Page page, String user, String password) {
		page.navigate(url("/console/queue"));
		page.locator("#username").fill(user);
		page.keyboard().press("Tab");
		page.keyboard().type(password);
		page.keyboard().press("Enter");
		page.waitForURL("**/console/queue**");
	}

	private String open(Duration firstResponseIn) {
		String complaintId = "CMP-" + UUID.randomUUID();
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		this.publisher.publishAndWait(TestEvents.triaged(complaintId, now,
				new Deadlines(now.plus(firstResponseIn), null, null, null, Duration.ofHours(24)), null));
		String caseId = CaseOpening.caseIdFor(complaintId);
		await().atMost(SOON).until(() -> this.store.findById(caseId).isPresent());
		return caseId;
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
