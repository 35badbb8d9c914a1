package kr.seoul.sogong.outcomes.console;

import org.jspecify.annotations.Nullable;

import kr.seoul.sogong.outcomes.settings.ExitCodes;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code user add NAME --role OPERATOR|VIEWER}, {@code user remove NAME},
 * {@code user list} [{@code --file config/console-users}]: the console's accounts, like
 * htpasswd. The password is read from standard input (asked twice, unechoed, at a
 * terminal; the first line of a pipe otherwise), never from the command line, where
 * {@code ps} and the shell history would keep it. No database, no Spring context.
 */
public final class UserCommand {

    public static final String USAGE = """
            usage: java -jar sogong-outcomes.jar user add NAME --role OPERATOR|VIEWER   (password from standard input)
                   java -jar sogong-outcomes.jar user remove NAME
                   java -jar sogong-outcomes.jar user list
            option: --file config/console-users""";

    private UserCommand() {
    }

    /** Returns the process exit code: 0 done, 2 a bad command line or password. */
    public static int run(List<String> arguments, InputStream in, PrintStream out, PrintStream err) throws IOException {
        List<String> args = new ArrayList<>(arguments);
        Path file = ConsoleUsers.DEFAULT_FILE;
        int at = args.indexOf("--file");
        if (at >= 0) {
            if (at + 1 >= args.size()) {
                return usage(err, "--file needs a path");
            }
            file = Path.of(args.get(at + 1));
            args.subList(at, at + 2).clear();
        }
        ConsoleUsers users = new ConsoleUsers(file);
        String verb = args.isEmpty() ? "" : args.get(0);
        try {
            switch (verb) {
                case "list" -> {
                    if (users.all().isEmpty()) {
                        out.println("no users in " + file + " (add one: user add NAME --role OPERATOR)");
                    }
                    users.all().forEach(u -> out.println(u.name() + " " + u.role()));
                    users.read().badLines().forEach(b -> err.println("WARN " + ConsoleUsers.describe(users.file(), b)));
                    return ExitCodes.COMPLETED;
                }
                case "remove" -> {
                    if (args.size() != 2) {
                        return usage(err, "user remove takes one name");
                    }
                    if (!users.remove(args.get(1))) {
                        err.println("ERROR no user " + args.get(1) + " in " + file);
                        return ExitCodes.USAGE;
                    }
                    out.println("removed " + args.get(1) + " from " + file);
                    return ExitCodes.COMPLETED;
                }
                case "add" -> {
                    int r = args.indexOf("--role");
                    if (args.size() != 4 || r != 2) {
                        return usage(err, "user add takes a name and --role OPERATOR or VIEWER");
                    }
                    ConsoleUsers.Role role;
                    try {
                        role = ConsoleUsers.Role.valueOf(args.get(3));
                    }
                    catch (IllegalArgumentException e) {
                        return usage(err, "--role is OPERATOR or VIEWER, not " + args.get(3));
                    }
                    String password = password(in, out);
                    if (password == null) {
                        err.println("ERROR the two passwords differ, or none was given on standard input");
                        return ExitCodes.USAGE;
                    }
                    users.add(args.get(1), role, password);
                    out.println("added " + args.get(1) + " (" + role + ") to " + file + " (mode 0600)");
                    return ExitCodes.COMPLETED;
                }
                default -> {
                    return usage(err, verb.isEmpty() ? "user what? add, remove or list" : "unknown: user " + verb);
                }
            }
        }
        catch (IllegalArgumentException e) {
            err.println("ERROR " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }

    private static @Nullable String password(InputStream in, PrintStream out) throws IOException {
        Console console = System.console();
        if (console != null && in == System.in) {
            char[] first = console.readPassword("password: ");
            char[] again = console.readPassword("again: ");
            if (first == null || again == null || !Arrays.equals(first, again)) {
                return null;
            }
            return new String(first);
        }
        String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        return line == null || line.isEmpty() ? null : line;
    }

    private static int usage(PrintStream err, String problem) {
        err.println("ERROR " + problem + "\n" + USAGE);
        return ExitCodes.USAGE;
    }

}
