package kr.seoul.sogong.outcomes.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import kr.seoul.sogong.outcomes.access.AccessKind;
import kr.seoul.sogong.outcomes.access.AccessLog;
import kr.seoul.sogong.outcomes.reports.CommitteeFiles;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records each request for row-level data — the findings (page, CSV, API), the files, a
 * round's rejects, data quality, manifest and corrections, the access record itself — and
 * each action, with who, from where, what, why (a download's {@code reason} parameter)
 * and the answer's status, refused ones included. The committee's files and the round
 * pages hold aggregates only and are not recorded.
 */
final class AccessRecording extends OncePerRequestFilter {

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private record Watched(String method, String pattern, AccessKind kind) {
    }

    private static final List<Watched> WATCHED = List.of(new Watched("GET", "/rounds/*/findings", AccessKind.VIEW),
            new Watched("GET", "/rounds/*/files", AccessKind.VIEW),
            new Watched("GET", "/api/rounds/*/findings", AccessKind.VIEW),
            new Watched("GET", "/access", AccessKind.VIEW),
            new Watched("GET", "/rounds/*/findings.csv", AccessKind.DOWNLOAD),
            new Watched("GET", "/rounds/*/output/*", AccessKind.DOWNLOAD),
            new Watched("GET", "/rounds/*/corrections/*", AccessKind.DOWNLOAD),
            new Watched("GET", "/access.csv", AccessKind.DOWNLOAD),
            new Watched("POST", "/rounds/*/start", AccessKind.ACTION),
            new Watched("POST", "/rounds/*/executions/*/*", AccessKind.ACTION));

    private final AccessLog access;

    AccessRecording(AccessLog access) {
        this.access = access;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Optional<Watched> watched = WATCHED.stream()
            .filter(w -> w.method().equals(request.getMethod()) && PATHS.match(w.pattern(), path))
            .filter(w -> !(w.kind() == AccessKind.DOWNLOAD && committees(path)))
            .findFirst();
        // who, as the security chain knows them before the page is made
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        try {
            chain.doFilter(request, response);
        }
        finally {
            watched.ifPresent(w -> access.record(w.kind(), user == null ? "-" : user.getName(), request.getRemoteAddr(),
                    path + query(request), request.getParameter("reason"), response.getStatus()));
        }
    }

    /** The query (which file's or center's findings), without the reason, kept apart. */
    private static String query(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null) {
            return "";
        }
        String rest = java.util.Arrays.stream(query.split("&"))
            .filter(p -> !p.startsWith("reason="))
            .collect(java.util.stream.Collectors.joining("&"));
        return rest.isEmpty() ? "" : "?" + rest;
    }

    private static boolean committees(String path) {
        int slash = path.lastIndexOf('/');
        return path.contains("/output/") && CommitteeFiles.NAMES.contains(path.substring(slash + 1));
    }

}
