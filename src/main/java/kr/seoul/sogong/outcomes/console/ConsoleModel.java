package kr.seoul.sogong.outcomes.console;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page needs to know about who is looking. */
@ControllerAdvice(assignableTypes = ConsolePages.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ConsoleModel {

    @ModelAttribute("operator")
    boolean operator(Authentication authentication) {
        return isOperator(authentication);
    }

    static boolean isOperator(@Nullable Authentication authentication) {
        return authentication != null && authentication.getAuthorities()
            .stream()
            .anyMatch(a -> ("ROLE_" + ConsoleUsers.Role.OPERATOR).equals(a.getAuthority()));
    }

    @ModelAttribute("user")
    @Nullable String user(Authentication authentication) {
        return authentication == null ? null : authentication.getName();
    }

}
