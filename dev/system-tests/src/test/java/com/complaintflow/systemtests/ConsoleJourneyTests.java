package com.complaintflow.systemtests;

import com.complaintflow.browser.BrowserTest;
import com.complaintflow.localstack.LocalStack;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The staff console in a real browser over the whole running system
 * ({@link SharedStack}): the agent's journey of {@link ConsoleJourney}.
 */
@BrowserTest
@ExtendWith(SharedStack.class)
class ConsoleJourneyTests {

	@Test
	void agentWorksANewComplaintFromTheQueueToTheCallback(LocalStack stack, Page page) {
		new ConsoleJourney(stack.services(), page).agentWorksANewComplaintFromTheQueueToTheCallback();
	}

	@Test
	void supervisorChecksTheDecisionsTriageWasLeastSureOf(LocalStack stack, Page page) {
		new ConsoleJourney(stack.services(), page).supervisorChecksTheDecisionsTriageWasLeastSureOf();
	}

}
