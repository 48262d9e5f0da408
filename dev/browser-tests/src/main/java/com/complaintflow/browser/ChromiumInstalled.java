package com.complaintflow.browser;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips a {@link BrowserTest} where no Chromium is installed (CI installs Debian's),
 * before Playwright would try to start one.
 */
class ChromiumInstalled implements ExecutionCondition {

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		return DebianChromium.executable()
			.map((path) -> ConditionEvaluationResult.enabled("Chromium at " + path))
			.orElseGet(() -> ConditionEvaluationResult
				.disabled("No Chromium installed (apt-get install chromium, or set CHROMIUM to its path)"));
	}

}
