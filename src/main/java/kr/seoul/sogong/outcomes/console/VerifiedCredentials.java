package kr.seoul.sogong.outcomes.console;

import org.jspecify.annotations.Nullable;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Every API call signs in again (HTTP basic), and a bcrypt check costs tens of
 * milliseconds of a core: eight calls a second filled two cores. A password verified once
 * is remembered for ten minutes as a keyed hash (HMAC with a key born with the process)
 * of user, password and the user's current bcrypt hash, so the same right credentials
 * cost a file read and a hash, and a changed password or role, or a removed user, is
 * never answered from memory. Wrong passwords are not remembered: they are throttled
 * ({@link SignInGuard}).
 */
final class VerifiedCredentials implements AuthenticationProvider {

    /** The details of an authentication answered from the cache. */
    record FromCache(@Nullable Object details) {
    }

    private final UserDetailsService users;

    private final DaoAuthenticationProvider bcrypt;

    private final Cache<String, Boolean> verified = Caffeine.newBuilder()
        .expireAfterWrite(Duration.ofMinutes(10))
        .maximumSize(10_000)
        .build();

    private final byte[] key = new byte[32];

    VerifiedCredentials(UserDetailsService users, PasswordEncoder encoder) {
        this.users = users;
        this.bcrypt = new DaoAuthenticationProvider(users);
        this.bcrypt.setPasswordEncoder(encoder);
        new SecureRandom().nextBytes(key);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String name = authentication.getName();
        Object credentials = authentication.getCredentials();
        UserDetails user;
        try {
            user = users.loadUserByUsername(name);
        }
        catch (UsernameNotFoundException e) {
            // the same answer, in the same time
            return bcrypt.authenticate(authentication);
        }
        // the users file gives every user a hash
        String fingerprint = fingerprint(name, String.valueOf(credentials), Objects.requireNonNull(user.getPassword()));
        if (verified.getIfPresent(fingerprint) != null && user.isEnabled() && user.isAccountNonLocked()) {
            UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(user, null,
                    user.getAuthorities());
            result.setDetails(new FromCache(authentication.getDetails()));
            return result;
        }
        Authentication result = bcrypt.authenticate(authentication);
        verified.put(fingerprint, Boolean.TRUE);
        return result;
    }

    private String fingerprint(String name, String password, String hash) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((name + '\0' + password + '\0' + hash).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal());
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

}
