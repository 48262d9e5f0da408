package com.complaintflow.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.microsoft.playwright.Page;

/**
 * Full-page screenshots of a test's page: always to
 * {@code target/screenshots/<name>.png}; with {@code -Dscreenshots.update=true} also to
 * the repository's {@code docs/screenshots/}, the pictures the docs show.
 */
public final class Screenshots {

	/** The system property that copies screenshots into docs/screenshots. */
	public static final String UPDATE = "screenshots.update";

	private Screenshots() {
	}

	/**
	 * Saves the page as it is now.
	 * @param page the page
	 * @param name the file name without {@code .png}
	 * @return the PNG under target/screenshots
	 */
	public static Path save(Page page, String name) {
		Path png = Path.of("target", "screenshots", name + ".png").toAbsolutePath();
		page.screenshot(new Page.ScreenshotOptions().setPath(png).setFullPage(true));
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
