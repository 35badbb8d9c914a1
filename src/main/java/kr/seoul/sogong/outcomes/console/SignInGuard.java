package kr.seoul.sogong.outcomes.console;

import kr.seoul.sogong.outcomes.access.AccessKind;
import kr.seoul.sogong.outcomes.access.AccessLog;
import org.jspecify.annotations.Nullable;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sign-in as a bank would: wrong passwords are counted per user and per address in token
 * buckets (Bucket4j) — five for a user at once, then one every three minutes, at most
 * twenty a day; twenty for an address at once, then one a minute — and once a bucket is
 * empty, sign-ins for that user or from that address are refused without checking the
 * password (no bcrypt spent) until it refills: a temporary lock whose wait grows with the
 * guessing. A right password empties nothing and clears the user's count. Every sign-in,
 * right or wrong, is logged with user, address and time; a refusal too.
 */
final class SignInGuard {

    private static final Logger log = LoggerFactory.getLogger(SignInGuard.class);

    private final AccessLog access;

    SignInGuard(AccessLog access) {
        this.access = access;
    }

    private final Cache<String, Bucket> users = Caffeine.newBuilder()
        .expireAfterAccess(Duration.ofDays(1))
        .maximumSize(100_000)
        .build();

    private final Cache<String, Bucket> addresses = Caffeine.newBuilder()
        .expireAfterAccess(Duration.ofDays(1))
        .maximumSize(100_000)
        .build();

    private static Bucket forUser() {
        return Bucket.builder()
            .addLimit(Bandwidth.builder().capacity(5).refillGreedy(1, Duration.ofMinutes(3)).build())
            .addLimit(Bandwidth.builder().capacity(20).refillGreedy(20, Duration.ofDays(1)).build())
            .build();
    }

    private static Bucket forAddress() {
        return Bucket.builder()
            .addLimit(Bandwidth.builder().capacity(20).refillGreedy(1, Duration.ofMinutes(1)).build())
            .build();
    }

    /** How long sign-ins for this user from this address are refused, if they are. */
    Optional<Duration> refusedFor(String user, String address) {
        long wait = 0;
        Bucket u = user == null ? null : users.getIfPresent(user);
        if (u != null && u.getAvailableTokens() < 1) {
            wait = u.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        }
        Bucket a = addresses.getIfPresent(address);
        if (a != null && a.getAvailableTokens() < 1) {
            wait = Math.max(wait, a.estimateAbilityToConsume(1).getNanosToWaitForRefill());
        }
        return wait > 0 ? Optional.of(Duration.ofNanos(wait)) : Optional.empty();
    }

    void failed(String user, String address) {
        if (user != null) {
            users.get(user, k -> forUser()).tryConsume(1);
        }
        addresses.get(address, k -> forAddress()).tryConsume(1);
    }

    void succeeded(String user) {
        users.invalidate(user);
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        String user = event.getAuthentication().getName();
        String address = address(event.getAuthentication());
        failed(user, address);
        access.record(AccessKind.SIGN_IN_FAILED, user, address, "sign-in", null, 401);
        log.warn("console: sign-in failed for user {} from {} ({})", user, address,
                event.getException().getClass().getSimpleName());
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        Authentication authentication = event.getAuthentication();
        succeeded(authentication.getName());
        // an API call verified from the cache is no new sign-in
        if (!(authentication.getDetails() instanceof VerifiedCredentials.FromCache)) {
            log.info("console: user {} signed in from {}", authentication.getName(), address(authentication));
        }
    }

    /**
     * A sign-in at the form (an API call is recorded by what it reads): into the access
     * record, even when its password was verified from the cache.
     */
    @EventListener
    void onSignIn(InteractiveAuthenticationSuccessEvent event) {
        access.record(AccessKind.SIGN_IN, event.getAuthentication().getName(), address(event.getAuthentication()),
                "sign-in", null, 200);
    }

    private static String address(Authentication authentication) {
        Object details = authentication.getDetails();
        if (details instanceof VerifiedCredentials.FromCache cached) {
            details = cached.details();
        }
        return details instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
                ? web.getRemoteAddress() : "?";
    }

    /**
     * Before a sign-in is checked: refused when the user or the address is locked. The
     * form is sent back to the sign-in page saying for how long; the API answers 429 with
     * Retry-After.
     */
    OncePerRequestFilter filter(boolean api) {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String user = api ? basicUser(request) : formUser(request);
                if (user != null) {
                    Optional<Duration> wait = refusedFor(user, request.getRemoteAddr());
                    if (wait.isPresent()) {
                        long minutes = Math.max(1, (wait.get().toSeconds() + 59) / 60);
                        access.record(AccessKind.SIGN_IN_REFUSED, user, request.getRemoteAddr(), "sign-in", null,
                                api ? 429 : 302);
                        log.warn("console: sign-in refused for user {} from {}: too many wrong passwords,"
                                + " locked for {} more minute(s)", user, request.getRemoteAddr(), minutes);
                        if (api) {
                            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(wait.get().toSeconds() + 1));
                            response.sendError(429, "too many wrong passwords: try again in " + minutes + " minutes");
                        }
                        else {
                            response.sendRedirect(request.getContextPath() + "/login?locked=" + minutes);
                        }
                        return;
                    }
                }
                chain.doFilter(request, response);
            }
        };
    }

    private static @Nullable String formUser(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean signIn = "POST".equals(request.getMethod()) && "/login".equals(path);
        return signIn ? Optional.ofNullable(request.getParameter("username")).orElse("") : null;
    }

    private static @Nullable String basicUser(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? decoded : decoded.substring(0, colon);
        }
        catch (IllegalArgumentException notBase64) {
            return "";
        }
    }

}
