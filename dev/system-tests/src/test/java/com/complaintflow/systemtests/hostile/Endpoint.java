package com.complaintflow.systemtests.hostile;

import java.util.ArrayList;
import java.util.List;

import com.complaintflow.localstack.RunningServices;
import com.complaintflow.localstack.Service;

import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * One HTTP endpoint of a service, as its controllers declare it (discovered from the
 * running contexts, so that a new endpoint is attacked without anyone remembering to list
 * it).
 *
 * @param service the service
 * @param method the HTTP method
 * @param path the path pattern, with {@code {variables}}
 */
record Endpoint(Service service, String method, String path) {

	/** Every controller endpoint of every running service. */
	static List<Endpoint> discover(RunningServices services) {
		List<Endpoint> endpoints = new ArrayList<>();
		for (Service service : Service.values()) {
			services.context(service)
				.getBeansOfType(RequestMappingHandlerMapping.class)
				.values()
				.forEach((mapping) -> mapping.getHandlerMethods().forEach((info, handler) -> {
					if (handler.getBeanType().getName().startsWith("com.complaintflow")) {
						add(endpoints, service, info);
					}
				}));
		}
		return endpoints.stream().distinct().sorted(java.util.Comparator.comparing(Endpoint::toString)).toList();
	}

	private static void add(List<Endpoint> endpoints, Service service, RequestMappingInfo info) {
		List<String> methods = info.getMethodsCondition().getMethods().stream().map(RequestMethod::name).toList();
		for (String path : info.getPatternValues()) {
			for (String method : methods.isEmpty() ? List.of("GET") : methods) {
				endpoints.add(new Endpoint(service, method, path));
			}
		}
	}

	/** The path with every variable replaced. */
	String path(String variable) {
		return this.path.replaceAll("\\{[^}]+}", java.util.regex.Matcher.quoteReplacement(variable));
	}

	boolean hasBody() {
		return this.method.equals("POST") || this.method.equals("PUT") || this.method.equals("PATCH");
	}

	@Override
	public String toString() {
		return this.service.serviceName() + " " + this.method + " " + this.path;
	}

}
