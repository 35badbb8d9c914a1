package kr.seoul.sogong.outcomes.mail;

import java.nio.file.Path;
import java.util.List;

/** A letter: to whom, its subject and plain text, and the files it carries. */
public record Letter(List<String> to, String subject, String text, List<Path> attachments) {

    public Letter {
        to = List.copyOf(to);
        attachments = List.copyOf(attachments);
    }

}
