package com.complaintflow.followup.config;

import com.complaintflow.support.security.Roles;
import com.complaintflow.support.security.StaffSecurityConfiguration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may use the case API and the console: agents and supervisors act on cases (only
 * supervisors assign), operations may read them (without contact); supervisors and
 * operations read the contact-read audit. The API takes stateless HTTP Basic, the console
 * (same staff accounts) a form login with a session and CSRF-protected forms.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** The console's pages, scripts and styles, and the webjars they load. */
	@Bean
	@Order(1)
	SecurityFilterChain consoleSecurityFilterChain(HttpSecurity http) throws Exception {
		return http.securityMatcher("/console", "/console/**", "/webjars/**")
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers(HttpMethod.GET, "/console/login", "/console/console.css", "/console/console.js",
						"/console/favicon.svg", "/webjars/**")
				.permitAll()
				.requestMatchers("/console/supervisor", "/console/supervisor/**")
				.hasAnyRole(Roles.SUPERVISOR, Roles.OPERATIONS)
				.requestMatchers(HttpMethod.POST, "/console/oncall/**")
				.hasAnyRole(Roles.SUPERVISOR, Roles.OPERATIONS)
				.requestMatchers(HttpMethod.POST, "/console/cases/*/assign")
				.hasRole(Roles.SUPERVISOR)
				.requestMatchers(HttpMethod.POST, "/console/cases/**")
				.hasAnyRole(Roles.AGENT, Roles.SUPERVISOR)
				.requestMatchers("/console", "/console/**")
				.hasAnyRole(Roles.AGENT, Roles.SUPERVISOR, Roles.OPERATIONS)
				.anyRequest()
				.denyAll())
			.headers((headers) -> headers
				.contentSecurityPolicy((csp) -> csp.policyDirectives(StaffSecurityConfiguration.PAGE_POLICY)))
			.formLogin((form) -> form.loginPage("/console/login").defaultSuccessUrl("/console/queue", false))
			.logout((logout) -> logout.logoutUrl("/console/logout").logoutSuccessUrl("/console/login?logout"))
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain followupSecurityFilterChain(HttpSecurity http) throws Exception {
		return StaffSecurityConfiguration.baseline(http)
			.authorizeHttpRequests(
					(requests) -> requests.requestMatchers(HttpMethod.GET, "/api/v1/cases", "/api/v1/cases/**")
						.hasAnyRole(Roles.AGENT, Roles.SUPERVISOR, Roles.OPERATIONS)
						.requestMatchers(HttpMethod.GET, "/api/v1/audit/contact-reads")
						.hasAnyRole(Roles.SUPERVISOR, Roles.OPERATIONS)
						.requestMatchers(HttpMethod.POST, "/api/v1/cases/*/assign")
						.hasRole(Roles.SUPERVISOR)
						.requestMatchers("/api/v1/cases/**")
						.hasAnyRole(Roles.AGENT, Roles.SUPERVISOR)
						.requestMatchers("/api/v1/notifications", "/api/v1/notifications/**")
						.hasAnyRole(Roles.AGENT, Roles.SUPERVISOR)
						.requestMatchers("/api/v1/operations/erasures", "/api/v1/operations/erasures/**")
						.hasRole(Roles.OPERATIONS)
						.anyRequest()
						.denyAll())
			.build();
	}

}
