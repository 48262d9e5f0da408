package com.complaintflow.triage.decision;

import java.util.Arrays;
import java.util.List;

import com.complaintflow.support.security.StaffDelegation;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A {@link StaffMember} handler argument: the staff member a request acts for, read from
 * the signed-in account and, for the console account, its {@link StaffDelegation}
 * headers; each operation that takes one documents those headers.
 */
@Configuration(proxyBeanMethods = false)
class StaffMemberArguments implements WebMvcConfigurer {

	static {
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(StaffMember.class);
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new Resolver());
	}

	@Bean
	OperationCustomizer staffDelegationHeaders() {
		return (operation, handler) -> {
			if (Arrays.stream(handler.getMethodParameters())
				.anyMatch((parameter) -> parameter.getParameterType() == StaffMember.class)) {
				operation.addParametersItem(new HeaderParameter().name(StaffDelegation.LOGIN_HEADER)
					.description("Only from the console account (role CONSOLE), and required from it: the login of the "
							+ "signed-in staff member it acts for, recorded as who acted; ignored from a staff account")
					.schema(new StringSchema().pattern(StaffDelegation.LOGIN_PATTERN)));
				operation.addParametersItem(new HeaderParameter().name(StaffDelegation.ROLE_HEADER)
					.description("Only from the console account, and required from it: that staff member's role; "
							+ "ignored from a staff account")
					.schema(new StringSchema()._enum(StaffDelegation.ROLES)));
			}
			return operation;
		};
	}

	/** Reads the staff member from the request's account and headers. */
	private static final class Resolver implements HandlerMethodArgumentResolver {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return parameter.getParameterType() == StaffMember.class;
		}

		@Override
		public StaffMember resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
				NativeWebRequest request, WebDataBinderFactory binders) {
			return StaffMember.of(SecurityContextHolder.getContext().getAuthentication(),
					request.getHeader(StaffDelegation.LOGIN_HEADER), request.getHeader(StaffDelegation.ROLE_HEADER));
		}

	}

}
