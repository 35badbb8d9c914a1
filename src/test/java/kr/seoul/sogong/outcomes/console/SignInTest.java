package kr.seoul.sogong.outcomes.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Sign-in as an attacker tries it (issue 21): fifty wrong passwords and then the right
 * one worked, nothing was logged, every API call cost a bcrypt, and an open session
 * outlived its user's removal or demotion, kept alive by the progress poll. Each test
 * signs in from its own address, so the per-address limit of one does not lock another.
 */
@SpringBootTest(properties = { "spring.main.web-application-type=servlet", "outcomes.launcher.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:console-sign-in;DB_CLOSE_DELAY=-1",
        "logging.file.name=target/test-logs/console-sign-in.log" })
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class SignInTest {

    static final Path USERS;

    static final String RIGHT = "Seoul-jewel-7-lathe";

    static {
        try {
            USERS = Files.createTempDirectory("sign-in").resolve("console-users");
            ConsoleUsers users = new ConsoleUsers(USERS);
            for (String name : new String[] { "kim", "lee", "park", "choi", "jung", "kang" }) {
                users.add(name, ConsoleUsers.Role.OPERATOR, RIGHT);
            }
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static final AtomicInteger ADDRESS = new AtomicInteger(10);

    @DynamicPropertySource
    static void files(DynamicPropertyRegistry registry) {
        registry.add("outcomes.console.users-file", USERS::toString);
    }

    @Autowired
    MockMvc mvc;

    /** The sign-in form posted from an address. */
    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder signInAttempt(String user,
            String password, String address) {
        return org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/login")
            .param("username", user)
            .param("password", password)
            .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
            .with(from(address));
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static String newAddress() {
        return "10.0.0." + ADDRESS.incrementAndGet();
    }

    @Test
    void fiveWrongPasswordsLockTheUserEvenAgainstTheRightOneAndEachIsLogged(CapturedOutput output) throws Exception {
        String address = newAddress();
        for (int i = 0; i < 5; i++) {
            mvc.perform(signInAttempt("kim", "guess-" + i, address))
                .andExpect(r -> assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/login?error"));
        }

        MockHttpServletResponse locked = mvc.perform(signInAttempt("kim", RIGHT, address)).andReturn().getResponse();

        assertThat(locked.getRedirectedUrl()).startsWith("/login?locked=");
        assertThat(output).contains("sign-in failed for user kim from " + address)
            .contains("sign-in refused for user kim from " + address);
        // from elsewhere, still locked: the lock is the user's
        assertThat(mvc.perform(signInAttempt("kim", RIGHT, newAddress())).andReturn().getResponse().getRedirectedUrl())
            .startsWith("/login?locked=");
        // the locked page says for how long
        assertThat(mvc.perform(get("/login?locked=3")).andReturn().getResponse().getContentAsString()).contains("3");
        // another user signs in, and it is logged
        assertThat(mvc.perform(signInAttempt("lee", RIGHT, newAddress())).andReturn().getResponse().getRedirectedUrl())
            .isEqualTo("/");
        assertThat(output).contains("user lee signed in from");
    }

    @Test
    void theApiAnswers429WithRetryAfterOnceTheUserIsLocked() throws Exception {
        String address = newAddress();
        for (int i = 0; i < 5; i++) {
            assertThat(mvc.perform(get("/api/rounds").with(httpBasic("park", "guess-" + i)).with(from(address)))
                .andReturn()
                .getResponse()
                .getStatus()).isEqualTo(401);
        }
        MockHttpServletResponse refused = mvc
            .perform(get("/api/rounds").with(httpBasic("park", RIGHT)).with(from(address)))
            .andReturn()
            .getResponse();
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isPositive();
    }

    @Test
    void anAddressGuessingManyUsersIsLockedForAll() throws Exception {
        String address = newAddress();
        for (int i = 0; i < 20; i++) {
            mvc.perform(signInAttempt("nobody" + i, "guess", address));
        }
        assertThat(mvc.perform(signInAttempt("choi", RIGHT, address)).andReturn().getResponse().getRedirectedUrl())
            .startsWith("/login?locked=");
        assertThat(mvc.perform(signInAttempt("choi", RIGHT, newAddress())).andReturn().getResponse().getRedirectedUrl())
            .isEqualTo("/");
    }

    private MockHttpSession signIn(String user) throws Exception {
        MockHttpServletResponse response = mvc.perform(signInAttempt(user, RIGHT, newAddress()))
            .andReturn()
            .getResponse();
        assertThat(response.getRedirectedUrl()).isEqualTo("/");
        MockHttpSession session = (MockHttpSession) mvc.perform(signInAttempt(user, RIGHT, newAddress()))
            .andReturn()
            .getRequest()
            .getSession(false);
        assertThat(mvc.perform(get("/").session(session)).andReturn().getResponse().getStatus()).isEqualTo(200);
        return session;
    }

    @Test
    void aSessionEndsWhenItsUserIsRemovedDemotedOrGivenANewPassword() throws Exception {
        ConsoleUsers users = new ConsoleUsers(USERS);
        MockHttpSession removed = signIn("jung");
        users.remove("jung");
        assertThat(mvc.perform(get("/").session(removed)).andReturn().getResponse().getRedirectedUrl())
            .isEqualTo("/login?expired");
        assertThat(removed.isInvalid()).isTrue();

        users.add("jung", ConsoleUsers.Role.OPERATOR, RIGHT);
        MockHttpSession demoted = signIn("jung");
        users.add("jung", ConsoleUsers.Role.VIEWER, RIGHT);
        assertThat(
                mvc.perform(get("/rounds/2022/findings").session(demoted)).andReturn().getResponse().getRedirectedUrl())
            .isEqualTo("/login?expired");

        MockHttpSession repassworded = signIn("jung");
        users.add("jung", ConsoleUsers.Role.VIEWER, "Mullae-steel-9-press");
        assertThat(mvc.perform(get("/").session(repassworded)).andReturn().getResponse().getRedirectedUrl())
            .isEqualTo("/login?expired");
    }

    @Test
    void theProgressPollKeepsNobodySignedIn() throws Exception {
        MockHttpSession session = signIn("kang");
        long before = (Long) session.getAttribute(SessionCheck.LAST_USED);
        Thread.sleep(5);
        mvc.perform(get("/rounds/2022/progress.json").session(session));
        assertThat((Long) session.getAttribute(SessionCheck.LAST_USED)).as("a poll is not a person").isEqualTo(before);

        // thirty-one minutes without a person: the next poll ends the session
        session.setAttribute(SessionCheck.LAST_USED, System.currentTimeMillis() - 31 * 60_000L);
        assertThat(
                mvc.perform(get("/rounds/2022/progress.json").session(session)).andReturn().getResponse().getStatus())
            .isEqualTo(401);
        assertThat(session.isInvalid()).isTrue();
    }

    /**
     * The same right API credentials cost one bcrypt, not one a call; a changed password
     * is checked again, and a wrong one is never taken from memory.
     */
    @Test
    void rightApiCredentialsCostOneBcryptNotOneACall() throws Exception {
        AtomicInteger checks = new AtomicInteger();
        PasswordEncoder counting = new PasswordEncoder() {
            final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();

            @Override
            public String encode(CharSequence raw) {
                return bcrypt.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                checks.incrementAndGet();
                return bcrypt.matches(raw, encoded);
            }
        };
        Path file = Files.createTempDirectory("verified").resolve("console-users");
        ConsoleUsers users = new ConsoleUsers(file);
        users.add("yoon", ConsoleUsers.Role.VIEWER, RIGHT);
        org.springframework.security.core.userdetails.UserDetailsService lookup = name -> users.find(name)
            .map(u -> org.springframework.security.core.userdetails.User.withUsername(u.name())
                .password(u.passwordHash())
                .roles(u.role().name())
                .build())
            .orElseThrow(() -> new org.springframework.security.core.userdetails.UsernameNotFoundException(name));
        VerifiedCredentials verified = new VerifiedCredentials(lookup, counting);
        var right = org.springframework.security.authentication.UsernamePasswordAuthenticationToken
            .unauthenticated("yoon", RIGHT);

        for (int i = 0; i < 10; i++) {
            assertThat(verified.authenticate(right).isAuthenticated()).isTrue();
        }
        assertThat(checks).hasValue(1);

        org.assertj.core.api.Assertions
            .assertThatThrownBy(() -> verified
                .authenticate(org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                    .unauthenticated("yoon", "wrong-one")))
            .isInstanceOf(org.springframework.security.authentication.BadCredentialsException.class);
        org.assertj.core.api.Assertions
            .assertThatThrownBy(() -> verified
                .authenticate(org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                    .unauthenticated("yoon", "wrong-one")))
            .isInstanceOf(org.springframework.security.authentication.BadCredentialsException.class);
        assertThat(checks).hasValue(3);

        users.add("yoon", ConsoleUsers.Role.VIEWER, "Mullae-steel-9-press");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> verified.authenticate(right))
            .isInstanceOf(org.springframework.security.authentication.BadCredentialsException.class);
    }

}
