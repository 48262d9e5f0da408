package com.complaintflow.followup.console;

import java.security.Principal;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every console page shows of the signed-in staff member: the login name.
 */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
class ConsoleModel {

	@ModelAttribute("staff")
	String staff(Principal principal) {
		return (principal != null) ? principal.getName() : null;
	}

}
