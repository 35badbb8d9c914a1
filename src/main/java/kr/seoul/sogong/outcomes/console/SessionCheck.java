package kr.seoul.sogong.outcomes.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A signed-in page session lasts only while its user's rights do and while a person uses
 * it. On each request the user is looked up in the users file again: removed, given
 * another role or another password — by {@code user remove|add} in another process, which
 * the console cannot otherwise hear of — and the session ends at once. And a session idle
 * for {@code outcomes.console.idle-timeout} ends although the round page polls its
 * progress every two seconds: the poll is not a person. Spring Security's session
 * registry was not used: it learns of changes only from inside the process.
 */
final class SessionCheck extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SessionCheck.class);

    static final String RIGHTS = SessionCheck.class.getName() + ".rights";

    static final String LAST_USED = SessionCheck.class.getName() + ".lastUsed";

    private final Supplier<ConsoleUsers> users;

    private final Duration idleTimeout;

    SessionCheck(Supplier<ConsoleUsers> users, Duration idleTimeout) {
        this.users = users;
        this.idleTimeout = idleTimeout;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        if (session != null && who != null && who.isAuthenticated() && !(who instanceof AnonymousAuthenticationToken)) {
            String rights = users.get()
                .find(who.getName())
                .map(u -> u.role() + ":" + u.passwordHash())
                .orElse("removed");
            Object atSignIn = session.getAttribute(RIGHTS);
            long now = System.currentTimeMillis();
            Long lastUsed = (Long) session.getAttribute(LAST_USED);
            String ended = null;
            if (atSignIn == null) {
                session.setAttribute(RIGHTS, rights);
            }
            else if (!atSignIn.equals(rights)) {
                ended = "the account changed (removed, another role or password)";
            }
            if (ended == null && lastUsed != null && now - lastUsed > idleTimeout.toMillis()) {
                ended = "idle for more than " + idleTimeout.toMinutes() + " minutes";
            }
            if (ended != null) {
                log.info("console: the session of user {} ended: {}", who.getName(), ended);
                session.invalidate();
                SecurityContextHolder.clearContext();
                if (isPoll(request)) {
                    response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
                }
                else {
                    response.sendRedirect(request.getContextPath() + "/login?expired");
                }
                return;
            }
            if (!isPoll(request)) {
                session.setAttribute(LAST_USED, now);
            }
        }
        chain.doFilter(request, response);
    }

    /** The round page's progress poll: a page asking, not a person. */
    static boolean isPoll(HttpServletRequest request) {
        return request.getRequestURI().endsWith("/progress.json");
    }

}
