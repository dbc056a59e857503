package ru.msoko.app.api;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.msoko.app.audit.Action;
import ru.msoko.app.audit.Auditor;
import ru.msoko.app.audit.Outcome;
import ru.msoko.app.security.ApiTokenRepository;
import ru.msoko.app.security.MsokoUser;

/**
 * The signed-in user's own API tokens: create (shown once), list, revoke; each creation and revocation is a
 * {@link Action#USER_CHANGE} event of the audit log. Every role may have tokens.
 */
@Controller
class TokensController {

    private final ApiTokenRepository tokens;
    private final Auditor auditor;

    TokensController(ApiTokenRepository tokens, Auditor auditor) {
        this.tokens = tokens;
        this.auditor = auditor;
    }

    @GetMapping("/account/tokens")
    String page(@AuthenticationPrincipal MsokoUser me, Model model) {
        model.addAttribute("tokens", tokens.of(me));
        return "account-tokens";
    }

    @PostMapping("/account/tokens")
    String create(@AuthenticationPrincipal MsokoUser me, @RequestParam String name, RedirectAttributes flash) {
        String title = name.strip().isEmpty() ? "без названия" : name.strip();
        String shown = title.length() > 100 ? title.substring(0, 100) : title;
        ApiTokenRepository.Created created = tokens.create(me, shown);
        auditor.record(me.getUsername(), Auditor.What.of(Action.USER_CHANGE, "api_token", created.id(),
                "создан токен API «" + shown + "»", Outcome.OK));
        flash.addFlashAttribute("created", created.token());
        flash.addFlashAttribute("createdName", title);
        return "redirect:/account/tokens";
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(@AuthenticationPrincipal MsokoUser me, @PathVariable long id, RedirectAttributes flash) {
        boolean revoked = tokens.revoke(me, id);
        if (revoked) {
            auditor.record(me.getUsername(), Auditor.What.of(Action.USER_CHANGE, "api_token", id,
                    "отозван токен API", Outcome.OK));
        }
        flash.addFlashAttribute("message", revoked ? "Токен отозван." : "Такого действующего токена нет.");
        return "redirect:/account/tokens";
    }
}
