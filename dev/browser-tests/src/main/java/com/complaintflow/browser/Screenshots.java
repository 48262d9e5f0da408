package com.complaintflow.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * Screenshots of a test's page, whole or one element: always to
 * {@code target/screenshots/<name>.png}; with {@code -Dscreenshots.update=true} also to
 * the repository's {@code docs/screenshots/}, the pictures the docs show.
 */
public final class Screenshots {

	/** The system property that copies screenshots into docs/screenshots. */
	public static final String UPDATE = "screenshots.update";

	private Screenshots() {
	}

	/**
	 * Saves the page as it is now, once the browser has drawn it (a full-page picture
	 * taken in the frame a script opened {@code <details>} showed their summaries a
	 * second time).
	 * @param page the page
	 * @param name the file name without {@code .png}
	 * @return the PNG under target/screenshots
	 */
	public static Path save(Page page, String name) {
		Path png = target(name);
		page.evaluate("() => new Promise((drawn) => requestAnimationFrame(() => requestAnimationFrame(drawn)))");
		page.screenshot(new Page.ScreenshotOptions().setPath(png).setFullPage(true));
		return saved(png);
	}

	/**
	 * Saves one element of the page as it is now.
	 * @param element the element
	 * @param name the file name without {@code .png}
	 * @return the PNG under target/screenshots
	 */
	public static Path save(Locator element, String name) {
		Path png = target(name);
		element.screenshot(new Locator.ScreenshotOptions().setPath(png));
		return saved(png);
	}

	private static Path target(String name) {
		return Path.of("target", "screenshots", name + ".png").toAbsolutePath();
	}

	private static Path saved(Path png) {
		if (Boolean.getBoolean(UPDATE)) {
			copyToDocs(png);
		}
		return png;
	}

	private static void copyToDocs(Path png) {
		Path root = Path.of("").toAbsolutePath();
		while (root != null && !Files.exists(root.resolve("mvnw"))) {
			root = root.getParent();
		}
		if (root == null) {
			throw new IllegalStateException(
					"No repository root (a folder with mvnw) above " + Path.of("").toAbsolutePath());
		}
		try {
			Path docs = Files.createDirectories(root.resolve("docs").resolve("screenshots"));
			Files.copy(png, docs.resolve(png.getFileName()), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
