package com.complaintflow.browser;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.ConsoleMessage;
import com.microsoft.playwright.Page;

/**
 * Collects what a page's script got wrong (uncaught exceptions and console errors) so a
 * test can require that there was none.
 */
public final class PageErrors {

	private final List<String> errors = new CopyOnWriteArrayList<>();

	private PageErrors(Page page) {
		page.onPageError((error) -> this.errors.add("uncaught: " + error));
		page.onConsoleMessage(this::console);
	}

	/**
	 * Starts watching a page (before it navigates).
	 * @param page the page
	 * @return the collector
	 */
	public static PageErrors watch(Page page) {
		return new PageErrors(page);
	}

	/**
	 * What went wrong so far.
	 * @return uncaught exceptions and console errors, in order
	 */
	public List<String> errors() {
		return List.copyOf(this.errors);
	}

	/**
	 * Fails unless the page's script ran without an error.
	 * @throws AssertionError listing the errors
	 */
	public void assertNone() {
		if (!this.errors.isEmpty()) {
			throw new AssertionError("The page reported errors:\n" + String.join("\n", this.errors));
		}
	}

	private void console(ConsoleMessage message) {
		if ("error".equals(message.type())) {
			this.errors.add("console: " + message.text() + " (" + message.location() + ")");
		}
	}

}
