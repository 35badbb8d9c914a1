package kr.seoul.sogong.outcomes.console;

import kr.seoul.sogong.outcomes.access.AccessLog;
import static org.springframework.security.config.Customizer.withDefaults;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import java.util.List;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may do what in the console. OPERATOR: everything; VIEWER (the committee): the
 * rounds, their runs, the report and its downloads — not the findings or files (rows of
 * firms), not the actions. Pages sign in with a form and carry a CSRF token on every
 * POST; the API takes HTTP basic over the same users, is stateless, and only reads. Every
 * response forbids framing and inline script.
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ConsoleSecurity {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static final String OPERATOR = ConsoleUsers.Role.OPERATOR.name();

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ConsoleSecurity.class);

    /**
     * The users file as Spring Security reads users. Not a bean: only
     * {@link VerifiedCredentials} reads it (as a bean, Security warned at every start
     * that it would not use it).
     */
    private static UserDetailsService consoleUsers(ConsoleSettings settings) {
        java.util.Set<String> warned = java.util.concurrent.ConcurrentHashMap.newKeySet();
        return name -> {
            ConsoleUsers users = new ConsoleUsers(settings.usersFile());
            ConsoleUsers.Contents contents = users.read();
            // a bad line is said once, not at every sign-in; the others still sign in
            for (ConsoleUsers.BadLine bad : contents.badLines()) {
                if (warned.add(bad.number() + ":" + bad.text())) {
                    log.warn(ConsoleUsers.describe(users.file(), bad));
                }
            }
            return contents.users()
                .stream()
                .filter(u -> u.name().equals(name))
                .findFirst()
                .map(u -> User.withUsername(u.name()).password(u.passwordHash()).roles(u.role().name()).build())
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
        };
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /**
     * Requests for a host name the console is not known by are refused before anything
     * else (a DNS-rebinding page reaches a 127.0.0.1 console under its own name): by
     * default the bind address, localhost and the loopback addresses;
     * {@code outcomes.console.allowed-hosts} adds the names a TLS proxy forwards. A
     * request the firewall refuses gets the console's headers and a plain 400, not
     * Tomcat's page.
     */
    @Bean
    org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer firewall(
            ConsoleSettings settings,
            @org.springframework.beans.factory.annotation.Value("${server.address:127.0.0.1}") String address) {
        java.util.Set<String> allowed = new java.util.HashSet<>(
                List.of("localhost", "127.0.0.1", "::1", "[::1]", "0:0:0:0:0:0:0:1", address));
        allowed.addAll(settings.allowedHosts());
        org.springframework.security.web.firewall.StrictHttpFirewall firewall = new org.springframework.security.web.firewall.StrictHttpFirewall();
        firewall.setAllowedHostnames(host -> allowed.contains(host.toLowerCase(java.util.Locale.ROOT)));
        return web -> web.httpFirewall(firewall).requestRejectedHandler((request, response, rejected) -> {
            log.warn("console: request refused ({}): {} {}", rejected.getMessage(), request.getMethod(),
                    request.getRequestURI().length() > 200 ? request.getRequestURI().substring(0, 200)
                            : request.getRequestURI());
            response.setStatus(400);
            response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Cache-Control", "no-store");
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("bad request\n");
        });
    }

    @Bean
    VerifiedCredentials verifiedCredentials(ConsoleSettings settings, PasswordEncoder passwordEncoder) {
        return new VerifiedCredentials(consoleUsers(settings), passwordEncoder);
    }

    @Bean
    SignInGuard signInGuard(AccessLog access) {
        return new SignInGuard(access);
    }

    /**
     * The rules of {@link ConsoleAccess}'s table in its order; what it does not list is
     * refused.
     */
    private static void allow(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry registry,
            List<ConsoleAccess.Route> routes) {
        for (ConsoleAccess.Route route : routes) {
            var rule = registry.requestMatchers(route.method(), route.pattern());
            switch (route.who()) {
                case ANYONE -> rule.permitAll();
                case SIGNED_IN -> rule.authenticated();
                case OPERATOR -> rule.hasRole(OPERATOR);
            }
        }
        registry.anyRequest().denyAll();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, SignInGuard guard, AccessLog access) throws Exception {
        return http.securityMatcher("/api/**")
            .addFilterBefore(guard.filter(true),
                    org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class)
            .addFilterBefore(new AccessRecording(access),
                    org.springframework.security.web.access.ExceptionTranslationFilter.class)
            .authorizeHttpRequests(a -> allow(a, ConsoleAccess.API))
            .httpBasic(withDefaults())
            .csrf(c -> c.disable())
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(f -> f.deny()))
            .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, SignInGuard guard, ConsoleSettings settings, AccessLog access)
            throws Exception {
        return http
            .addFilterBefore(guard.filter(false),
                    org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter.class)
            .addFilterBefore(new AccessRecording(access),
                    org.springframework.security.web.access.ExceptionTranslationFilter.class)
            .addFilterBefore(new SessionCheck(() -> new ConsoleUsers(settings.usersFile()), settings.idleTimeout()),
                    org.springframework.security.web.access.intercept.AuthorizationFilter.class)
            .authorizeHttpRequests(a -> allow(a, ConsoleAccess.PAGES))
            .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
            .logout(l -> l.logoutSuccessUrl("/login?logout"))
            .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(f -> f.deny()))
            .build();
    }

}
