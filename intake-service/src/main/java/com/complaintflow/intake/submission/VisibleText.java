package com.complaintflow.intake.submission;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A text that shows something: at least one letter, digit or symbol, not only blanks and
 * invisible characters (null and empty are left to {@code @NotBlank}).
 */
@Documented
@Constraint(validatedBy = VisibleTextValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@interface VisibleText {

	String message() default "must contain a letter, digit or symbol";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
