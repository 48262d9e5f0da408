package com.complaintflow.browser;

import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Lets Playwright's web-first assertions ({@code assertThat(locator).hasText(...)}) wait
 * up to {@value #TIMEOUT_MS} ms instead of 5 s: a page that reads an API answers later on
 * a loaded 2-core machine, and a passing assertion returns as soon as it holds.
 */
class PatientAssertions implements BeforeAllCallback {

	/** How long an assertion waits for the page to agree. */
	static final double TIMEOUT_MS = 20_000;

	@Override
	public void beforeAll(ExtensionContext context) {
		PlaywrightAssertions.setDefaultAssertionTimeout(TIMEOUT_MS);
	}

}
