package kr.seoul.sogong.outcomes.centers;

import java.time.LocalDate;
import java.util.List;

/**
 * A row of centers.csv: one regional center's project in a round.
 *
 * @param contactEmails where its correction workbooks are mailed (centers.csv's optional
 * {@code contact_email}, an extension of the contract); none: they are not mailed
 */
public record Center(String code, String name, String district, String industry, String projectTitle, String track,
        long budgetCapKrw, int targetFirms, LocalDate periodStart, LocalDate periodEnd, List<String> contactEmails) {

    public Center {
        contactEmails = List.copyOf(contactEmails);
    }

}
