package io.incidentflow.oncall;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** An override must end after it starts; the error names {@code end}, the field a person would correct. */
@Documented
@Target(TYPE)
@Retention(RUNTIME)
@Constraint(validatedBy = EndAfterStart.Validator.class)
@interface EndAfterStart {

    String message() default "must be after start";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<EndAfterStart, OverrideRequest> {

        @Override
        public boolean isValid(OverrideRequest request, ConstraintValidatorContext context) {
            // Missing values are @NotNull's to report.
            if (request == null || request.start() == null || request.end() == null
                    || request.end().isAfter(request.start())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("end")
                    .addConstraintViolation();
            return false;
        }
    }
}
