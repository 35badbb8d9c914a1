package kr.seoul.sogong.outcomes.console;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A round as it comes in a path: a four-digit programme year, or 400. */
final class Rounds {

    private Rounds() {
    }

    static int parse(String round) {
        if (round == null || !round.matches("\\d{4}")) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "a round is a four-digit programme year");
        }
        return Integer.parseInt(round);
    }

}
