package ru.msoko.app.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import ru.msoko.app.accounts.PasswordRejectedException;
import ru.msoko.app.accounts.UserAdmin;
import ru.msoko.app.accounts.UserAdminException;
import ru.msoko.app.security.Role;

/**
 * {@code msoko users}: list, add, reset-password, unlock — the same rules as the pages under /admin/users, acting
 * as the region administrator. Passwords are read from the terminal (or one line of standard input), never
 * taken as an argument, so that they stay out of the shell history.
 */
@Command(name = "users", mixinStandardHelpOptions = true,
        description = "Пользователи: список, создание, смена пароля, снятие блокировки.",
        subcommands = {UsersCommand.ListUsers.class, UsersCommand.Add.class, UsersCommand.ResetPassword.class,
                UsersCommand.Unlock.class})
class UsersCommand implements Runnable {

    @Mixin
    HelpOptions helpOptions;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Runs an action on the user management service and turns its refusals into messages and exit code 1. */
    abstract static class Action implements Callable<Integer> {

        @Mixin
        HelpOptions helpOptions;
        @Mixin
        DatabaseOptions db;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext ctx = SpringRunner.start(false, db, List.of())) {
                run(ctx.getBean(UserAdmin.class));
                return 0;
            } catch (UserAdminException e) {
                System.out.println(e.getMessage());
            } catch (PasswordRejectedException e) {
                e.reasons().forEach(System.out::println);
            }
            return 1;
        }

        abstract void run(UserAdmin admin);

        static String readPassword(String prompt) {
            Console console = System.console();
            if (console != null) {
                char[] pw = console.readPassword("%s", prompt);
                return pw == null ? "" : new String(pw);
            }
            try {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                return line == null ? "" : line;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Список пользователей.")
    static class ListUsers extends Action {
        @Override
        void run(UserAdmin admin) {
            System.out.println("Пользователи (имя; роль; территория; вход; состояние):");
            for (UserAdmin.UserRow u : admin.list(UserAdmin.commandLine())) {
                System.out.println("  " + u.username() + "; " + u.role().title() + "; " + u.territory() + "; "
                        + (u.ldap() ? "LDAP" : "пароль") + "; " + (!u.enabled() ? "отключена"
                        : u.lockedUntil() != null ? "временно заблокирована" : "активна"));
            }
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Создать пользователя; пароль спрашивается (или читается из первой строки ввода).")
    static class Add extends Action {
        @Parameters(paramLabel = "ИМЯ", description = "Имя входа (латиница, цифры, . _ @ -).")
        String username;
        @Option(names = "--name", required = true, paramLabel = "ФИО", description = "ФИО или должность.")
        String fullName;
        @Option(names = "--role", required = true, paramLabel = "РОЛЬ",
                description = "REGION_ADMIN, REGION_ANALYST, MUNICIPALITY_ADMIN, MUNICIPALITY_ANALYST, SCHOOL, "
                        + "EXPERT, OBSERVER, AUDITOR.")
        Role role;
        @Option(names = "--municipality", paramLabel = "КОД", description = "Код муниципалитета (для его ролей).")
        String municipality;
        @Option(names = "--school", paramLabel = "КОД", description = "Код школы (для школьных ролей).")
        String school;
        @Option(names = "--ldap", description = "Вход через LDAP / Active Directory (пароль не спрашивается).")
        boolean ldap;

        @Override
        void run(UserAdmin admin) {
            String place = admin.placeKey(municipality, school);
            String password = ldap ? "" : readPassword("Пароль для " + username + ": ");
            admin.create(UserAdmin.commandLine(), new UserAdmin.NewUser(username, fullName, role, place, ldap, password));
            System.out.println("Пользователь «" + username + "» создан.");
        }
    }

    @Command(name = "reset-password", mixinStandardHelpOptions = true,
            description = "Задать новый пароль (и снять блокировку); пароль спрашивается.")
    static class ResetPassword extends Action {
        @Parameters(paramLabel = "ИМЯ")
        String username;

        @Override
        void run(UserAdmin admin) {
            long id = admin.idOf(username);
            admin.resetPassword(UserAdmin.commandLine(), id, readPassword("Новый пароль для " + username + ": "));
            System.out.println("Пароль изменён.");
        }
    }

    @Command(name = "unlock", mixinStandardHelpOptions = true, description = "Снять временную блокировку входа.")
    static class Unlock extends Action {
        @Parameters(paramLabel = "ИМЯ")
        String username;

        @Override
        void run(UserAdmin admin) {
            admin.unlock(UserAdmin.commandLine(), admin.idOf(username));
            System.out.println("Блокировка снята.");
        }
    }
}
