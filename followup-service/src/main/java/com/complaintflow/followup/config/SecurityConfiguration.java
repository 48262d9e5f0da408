package com.complaintflow.followup.config;

import java.time.Clock;
import java.time.Duration;

import com.complaintflow.support.security.Roles;
import com.complaintflow.support.security.ProblemDetailsSecurityHandler;
import com.complaintflow.support.security.StaffSecurityConfiguration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcherEntry;

/**
 * Who may use the case API and the console: agents and supervisors act on cases (only
 * supervisors assign), operations may read them (without contact); supervisors and
 * operations read the contact-read audit. The API takes stateless HTTP Basic, the console
 * (same staff accounts) a form login with a session and CSRF-protected forms, ended after
 * the idle timeout without the staff member's own use ({@link ConsoleIdleTimeout}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/**
	 * A request a console page makes by itself: an htmx reload, the event stream, the
	 * session check.
	 */
	private static final RequestMatcher BACKGROUND = new OrRequestMatcher(
			new RequestHeaderRequestMatcher("HX-Request", "true"),
			PathPatternRequestMatcher.withDefaults().matcher("/console/events"),
			PathPatternRequestMatcher.withDefaults().matcher("/console/session"));

	/** The console's pages, scripts and styles, and the webjars they load. */
	@Bean
	@Order(1)
	SecurityFilterChain consoleSecurityFilterChain(HttpSecurity http, Clock clock,
			@Value("${complaintflow.followup.console.idle-timeout:30m}") Duration idleTimeout) throws Exception {
		return http.securityMatcher("/console", "/console/**", "/webjars/**")
			.addFilterAfter(new ConsoleIdleTimeout(idleTimeout, clock, BACKGROUND), SecurityContextHolderFilter.class)
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers(HttpMethod.GET, "/console/login", "/console/console.css", "/console/console.js",
						"/console/favicon.svg", "/webjars/**")
				.permitAll()
				.requestMatchers("/console/triage-review", "/console/triage-review/**")
				.hasRole(Roles.SUPERVISOR)
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
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(consoleSignIn()))
			.requestCache((cache) -> cache.requestCache(pagesOnly()))
			.formLogin((form) -> form.loginPage("/console/login").defaultSuccessUrl("/console/queue", false))
			.logout((logout) -> logout.logoutUrl("/console/logout").logoutSuccessUrl("/console/login?logout"))
			.build();
	}

	/**
	 * A signed-out page goes to the sign-in page; a signed-out page's background reload
	 * (htmx) is told to send the whole page there ({@code HX-Redirect}), instead of
	 * swapping the sign-in form into a table (the body is a problem detail, as every
	 * error answer is).
	 */
	private static AuthenticationEntryPoint consoleSignIn() {
		AuthenticationEntryPoint reloadElsewhere = (request, response, ex) -> {
			response.setHeader("HX-Redirect", request.getContextPath() + "/console/login");
			ProblemDetailsSecurityHandler.write(response, HttpStatus.UNAUTHORIZED, "Unauthorized",
					"The console session has ended; sign in again.", request.getRequestURI());
		};
		return new DelegatingAuthenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/console/login"),
				new RequestMatcherEntry<>(BACKGROUND, reloadElsewhere));
	}

	/**
	 * The page to return to after signing in: a page opened in the browser, never a
	 * background reload or the live event stream (which would land the staff member on a
	 * bare fragment).
	 */
	private static RequestCache pagesOnly() {
		HttpSessionRequestCache cache = new HttpSessionRequestCache();
		cache.setRequestMatcher(
				new AndRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/console/**"),
						new NegatedRequestMatcher(BACKGROUND)));
		return cache;
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
