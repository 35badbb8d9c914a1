package kr.seoul.sogong.outcomes.console;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A database that is busy — a row another process holds locked, a query that timed out,
 * no connection to be had — is an answer, not a failure of the console: 503 with
 * Retry-After and one sentence in the reader's language, never a bare 500 (issue 21).
 */
@ControllerAdvice(assignableTypes = { ConsolePages.class, ConsoleApi.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ConsoleErrors {

    private static final Logger log = LoggerFactory.getLogger(ConsoleErrors.class);

    private final MessageSource messages;

    public ConsoleErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler({ PessimisticLockingFailureException.class, QueryTimeoutException.class,
            TransientDataAccessException.class, CannotGetJdbcConnectionException.class })
    ResponseEntity<String> busy(RuntimeException e, Locale locale) {
        log.warn("console: the database is busy ({}): answered 503", e.getClass().getSimpleName());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
            .header(HttpHeaders.RETRY_AFTER, "5")
            .contentType(new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8))
            .body(messages.getMessage("console.busy", null, locale));
    }

}
