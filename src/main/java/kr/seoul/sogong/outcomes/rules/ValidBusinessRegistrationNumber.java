package kr.seoul.sogong.outcomes.rules;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Bean Validation form of the 사업자등록번호 checksum, for any bean that carries one as text.
 */
@Documented
@Constraint(validatedBy = ValidBusinessRegistrationNumber.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidBusinessRegistrationNumber {

    String message() default "not a valid business registration number (10 digits with a check digit)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidBusinessRegistrationNumber, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true; // blank is REQUIRED's business, not this constraint's
            }
            String digits = BusinessRegistrationNumber.normalize(value);
            return digits != null && BusinessRegistrationNumber.hasValidCheckDigit(digits);
        }

    }

}
