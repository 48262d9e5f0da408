package com.complaintflow.followup.console;

import java.security.Principal;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every console page carries: the signed-in staff member's login name, and the live
 * queue's position when the page was rendered (its stream starts from there).
 */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
class ConsoleModel {

	private final LiveQueue live;

	ConsoleModel(LiveQueue live) {
		this.live = live;
	}

	/**
	 * Taken before the page reads any case (model attributes come before the handler), so
	 * a change the page does not show is after it.
	 */
	@ModelAttribute("liveSince")
	String liveSince() {
		return this.live.position();
	}

	@ModelAttribute("staff")
	String staff(Principal principal) {
		return (principal != null) ? principal.getName() : null;
	}

}
