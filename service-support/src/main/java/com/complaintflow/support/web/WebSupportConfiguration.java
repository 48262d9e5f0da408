package com.complaintflow.support.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Problem-details error handling for every service's HTTP API; registered before Boot's
 * web MVC configuration so that Boot's own problem-details handler backs off.
 */
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
@ConditionalOnWebApplication
@Import(ProblemDetailsAdvice.class)
public class WebSupportConfiguration {

}
