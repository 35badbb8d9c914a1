package kr.seoul.sogong.outcomes.kits;

import kr.seoul.sogong.outcomes.settings.ExitCodes;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kr.seoul.sogong.outcomes.centers.CentersFile;

/**
 * {@code kit round=<yyyy> [--outcomes.input-dir=input] [--out kits]}: the round's input
 * kit from its {@code centers.csv}. No database, no Spring context. The input folder is
 * named as every other command names it; {@code --input DIR}, the older spelling, still
 * works.
 */
public final class KitCommand {

    public static final String USAGE = """
            usage: java -jar sogong-outcomes.jar kit round=<yyyy> [--outcomes.input-dir=input] [--out kits]""";

    private static final String INPUT_DIR = "--outcomes.input-dir=";

    private KitCommand() {
    }

    /**
     * Returns the process exit code: {@link ExitCodes#COMPLETED} written,
     * {@link ExitCodes#USAGE} a bad command line or no centers.csv.
     */
    public static int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Integer round = null;
        Path input = Path.of("input");
        Path target = Path.of("kits");
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.matches("round=\\d{4}")) {
                round = Integer.parseInt(a.substring(6));
            }
            else if (a.startsWith(INPUT_DIR)) {
                input = Path.of(a.substring(INPUT_DIR.length()));
            }
            else if ((a.equals("--input") || a.equals("--out")) && i + 1 < args.size()) {
                Path p = Path.of(args.get(++i));
                if (a.equals("--input")) {
                    input = p;
                }
                else {
                    target = p;
                }
            }
            else {
                err.println("ERROR unknown argument '" + a + "'\n" + USAGE);
                return ExitCodes.USAGE;
            }
        }
        if (round == null) {
            err.println("ERROR which round? give round=<yyyy>\n" + USAGE);
            return ExitCodes.USAGE;
        }
        Path centers = input.resolve(String.valueOf(round)).resolve("centers.csv");
        if (!Files.isRegularFile(centers)) {
            err.println("ERROR no " + centers + ": the kit is made from the round's centers.csv");
            return ExitCodes.USAGE;
        }
        List<Path> written = InputKit.write(target, round, CentersFile.read(centers));
        out.println("wrote the " + round + " kit: " + written.size() + " workbooks in "
                + target.resolve(String.valueOf(round)).toAbsolutePath());
        return ExitCodes.COMPLETED;
    }

}
