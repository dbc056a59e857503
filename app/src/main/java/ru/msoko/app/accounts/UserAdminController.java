package ru.msoko.app.accounts;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.msoko.app.security.MsokoUser;
import ru.msoko.app.security.Role;

/**
 * The pages of user management, /admin/users (guarded by MANAGE_USERS in AccessRules); what a manager may do
 * is decided by {@link UserAdmin}. Every change is a POST with the CSRF token and answers with a redirect and
 * a message.
 */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

    private final UserAdmin admin;
    private final PasswordPolicy policy;
    private final LdapLogin ldap;

    UserAdminController(UserAdmin admin, PasswordPolicy policy, LdapLogin ldap) {
        this.admin = admin;
        this.policy = policy;
        this.ldap = ldap;
    }

    @GetMapping
    String page(@AuthenticationPrincipal MsokoUser me, Model model) {
        model.addAttribute("users", admin.list(me));
        model.addAttribute("roles", admin.grantableRoles(me));
        model.addAttribute("places", admin.places(me));
        model.addAttribute("minLength", policy.minLength());
        model.addAttribute("ldapEnabled", ldap.enabled());
        return "admin-users";
    }

    @PostMapping
    String create(@AuthenticationPrincipal MsokoUser me, @RequestParam String username, @RequestParam String fullName,
                  @RequestParam String role, @RequestParam String place,
                  @RequestParam(defaultValue = "false") boolean ldapLogin,
                  @RequestParam(defaultValue = "") String password, RedirectAttributes flash) {
        return act(flash, "Пользователь «" + username.strip() + "» создан.", () -> admin.create(me,
                new UserAdmin.NewUser(username, fullName, roleOf(role), place, ldapLogin, password)));
    }

    @PostMapping("/{id}/disable")
    String disable(@AuthenticationPrincipal MsokoUser me, @PathVariable long id, RedirectAttributes flash) {
        return act(flash, "Учётная запись отключена.", () -> admin.setEnabled(me, id, false));
    }

    @PostMapping("/{id}/enable")
    String enable(@AuthenticationPrincipal MsokoUser me, @PathVariable long id, RedirectAttributes flash) {
        return act(flash, "Учётная запись включена.", () -> admin.setEnabled(me, id, true));
    }

    @PostMapping("/{id}/unlock")
    String unlock(@AuthenticationPrincipal MsokoUser me, @PathVariable long id, RedirectAttributes flash) {
        return act(flash, "Блокировка снята.", () -> admin.unlock(me, id));
    }

    @PostMapping("/{id}/password")
    String password(@AuthenticationPrincipal MsokoUser me, @PathVariable long id, @RequestParam String password,
                    RedirectAttributes flash) {
        return act(flash, "Пароль изменён.", () -> admin.resetPassword(me, id, password));
    }

    private static String act(RedirectAttributes flash, String done, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("message", done);
        } catch (UserAdminException e) {
            flash.addFlashAttribute("errors", java.util.List.of(e.getMessage()));
        } catch (PasswordRejectedException e) {
            flash.addFlashAttribute("errors", e.reasons());
        }
        return "redirect:/admin/users";
    }

    private static Role roleOf(String name) {
        try {
            return Role.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
