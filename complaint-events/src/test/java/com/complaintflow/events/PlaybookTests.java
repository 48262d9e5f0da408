package com.complaintflow.events;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault playbooks go with their categories only (LABELLING.md section 4, step 6); the
 * others go with every category.
 */
class PlaybookTests {

	@Test
	void theFaultPlaybooksGoWithTheirCategoriesOnly() {
		assertThat(Arrays.stream(Category.values()).filter(Playbook.BILLING_ERROR::goesWith))
			.containsExactly(Category.BILLING);
		assertThat(Arrays.stream(Category.values()).filter(Playbook.NETWORK_FAULT::goesWith))
			.containsExactlyInAnyOrder(Category.NETWORK, Category.EMERGENCY);
		assertThat(Arrays.stream(Category.values()).filter(Playbook.DEVICE_FAULT::goesWith))
			.containsExactly(Category.DEVICE);
		for (Playbook playbook : Playbook.values()) {
			if (playbook != Playbook.BILLING_ERROR && playbook != Playbook.NETWORK_FAULT
					&& playbook != Playbook.DEVICE_FAULT) {
				assertThat(Category.values()).allMatch(playbook::goesWith);
			}
		}
	}

}
