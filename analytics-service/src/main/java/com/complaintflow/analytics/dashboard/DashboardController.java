package com.complaintflow.analytics.dashboard;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The built-in dashboard: a static page ({@code static/dashboard}) whose script reads the
 * analytics API with the viewer's own login and redraws every 30 s; nothing is loaded
 * from the internet. It is what operations see where no Grafana runs.
 */
@Controller
class DashboardController {

	@GetMapping(path = "/dashboard", produces = MediaType.TEXT_HTML_VALUE)
	String dashboard() {
		return "forward:/dashboard/index.html";
	}

}
