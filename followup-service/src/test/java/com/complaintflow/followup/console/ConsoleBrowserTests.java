package com.complaintflow.followup.console;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.complaintflow.browser.Accessibility;
import com.complaintflow.browser.BrowserTest;
import com.complaintflow.browser.DebianChromium;
import com.complaintflow.browser.PageErrors;
import com.complaintflow.browser.Screenshots;
import com.complaintflow.followup.FollowupIntegrationTest;
import com.complaintflow.followup.oncall.OnCallAlerts;
import com.complaintflow.followup.oncall.PagedAlert;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console in a real browser (Debian's Chromium through the shared harness), one
 * service on a real broker and wire server: the queue taking a new case without a reload,
 * and a case opened before the page's stream was open, the supervisor's breaches by team,
 * on-call acknowledging from the keyboard, a case page sent to the sign-in once its
 * session has ended, a queue that reloads what changed while its stream was down, and
 * axe-core on every page in English and Chinese. Saves the supervisor and on-call
 * screenshots of docs/screenshots.
 */
@BrowserTest
class ConsoleBrowserTests extends FollowupIntegrationTest {

	@Autowired
	OnCallAlerts alerts;

	@Autowired
	LiveQueue live;

	@Test
	void newCaseAppearsInTheOpenQueueWithoutAReload(Page page) {
		PageErrors errors = PageErrors.watch(page);
		listening(page, () -> login(page, "agent", "agent-dev"));
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Queue"))).isVisible();
		page.evaluate("window.notReloaded = true");

		String caseId = HeardCases.openUntilHeard(this.live, (String) page.evaluate("document.body.dataset.liveSince"),
				() -> open(AMONG_THE_FIRST_IN_THE_QUEUE), SOON);

		assertThat(page.locator("tr[data-case-id='" + caseId + "']")).isVisible();
		assertThat(page.evaluate("window.notReloaded === true")).isEqualTo(true);
		errors.assertNone();
	}

	@Test
	void aCaseOpenedAfterThePageWasRenderedButBeforeItListensIsShownWithoutAReload(Page page) {
		PageErrors errors = PageErrors.watch(page);
		List<Route> heldBack = new ArrayList<>();
		page.route("**/console/events**", heldBack::add);
		login(page, "agent", "agent-dev");
		page.evaluate("window.notReloaded = true");
		String since = (String) page.evaluate("document.body.dataset.liveSince");

		String caseId = HeardCases.openUntilHeard(this.live, since, () -> open(AMONG_THE_FIRST_IN_THE_QUEUE), SOON);
		page.waitForCondition(() -> !heldBack.isEmpty());
		page.unroute("**/console/events**");
		heldBack.forEach(Route::resume);

		assertThat(page.locator("tr[data-case-id='" + caseId + "']")).isVisible();
		assertThat(page.evaluate("window.notReloaded === true")).isEqualTo(true);
		errors.assertNone();
	}

	@Test
	void aCasePageWhoseSessionEndedGoesToTheSignInWhenItsStreamCannotReconnect(Page page) {
		String caseId = open(Duration.ofMinutes(30));
		listening(page, () -> login(page, "agent", "agent-dev"));
		listening(page, () -> page.navigate(url("/console/cases/" + caseId)));
		assertThat(page.locator("#main")).hasAttribute("data-case-id", caseId);

		// the session ends (as after 30 idle minutes) and the stream ends (as it does
		// every 30 minutes): the reconnection is refused
		page.context().clearCookies();
		this.live.closeAll();

		page.waitForURL("**/console/login**", new Page.WaitForURLOptions().setTimeout(20_000));
	}

	@Test
	void aStreamRefusedWhileTheSessionLastsKeepsThePageAndListensAgain(Page page) {
		String caseId = open(Duration.ofMinutes(30));
		listening(page, () -> login(page, "agent", "agent-dev"));
		listening(page, () -> page.navigate(url("/console/cases/" + caseId)));
		page.locator("textarea").first().fill("typed, not sent");

		// a proxy refuses the reconnection (a deployment's 502); the session lasts
		page.route("**/console/events**", (route) -> route.fulfill(new Route.FulfillOptions().setStatus(502)));
		page.waitForRequest("**/console/session", () -> this.live.closeAll());
		page.unroute("**/console/events**");

		await().atMost(SOON).until(() -> this.live.pages() > 0);
		assertThat(page).hasURL(url("/console/cases/" + caseId));
		assertThat(page.locator("textarea").first()).hasValue("typed, not sent");
	}

	@Test
	void aQueueWhoseStreamWasDownShowsWhatChangedMeanwhileWhenItListensAgain(Page page) {
		listening(page, () -> login(page, "agent", "agent-dev"));
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Queue"))).isVisible();
		page.route("**/console/events**", (route) -> route.fulfill(new Route.FulfillOptions().setStatus(502)));
		page.waitForRequest("**/console/session", () -> this.live.closeAll());

		// a case opens while the page's stream is down; another page hears it, so its
		// change has gone by
		Page watcher = page.context().newPage();
		listening(watcher, () -> watcher.navigate(url("/console/queue")));
		String caseId = HeardCases.openUntilHeard(this.live,
				(String) watcher.evaluate("document.body.dataset.liveSince"), () -> open(AMONG_THE_FIRST_IN_THE_QUEUE),
				SOON);
		assertThat(watcher.locator("tr[data-case-id='" + caseId + "']")).isVisible();
		watcher.close();
		page.unroute("**/console/events**");

		assertThat(page.locator("tr[data-case-id='" + caseId + "']"))
			.isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(20_000));
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

	/**
	 * Runs what loads a page and waits until the page's stream is answered: the service
	 * has the stream then, and a stream it ends is one the page had open.
	 */
	private static void listening(Page page, Runnable load) {
		page.waitForResponse((response) -> response.url().contains("/console/events") && response.status() == 200,
				load);
	}

	private void login(Page page, String user, String password) {
		page.navigate(url("/console/queue"));
		page.locator("#username").fill(user);
		page.keyboard().press("Tab");
		page.keyboard().type(password);
		page.keyboard().press("Enter");
		page.waitForURL("**/console/queue**");
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
