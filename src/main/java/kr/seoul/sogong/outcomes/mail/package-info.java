/**
 * The {@code mail} module: letters out through Spring Boot's mail starter (SMTP with
 * STARTTLS and credentials from the environment), for the alerts and the centers'
 * corrections alike.
 */
@NullMarked
package kr.seoul.sogong.outcomes.mail;

import org.jspecify.annotations.NullMarked;
