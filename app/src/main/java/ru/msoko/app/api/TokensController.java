package ru.msoko.app.api;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.msoko.app.security.MsokoUser;

/** The signed-in user's own API tokens: create (shown once), list, revoke. Every role may have them. */
@Controller
class TokensController {

    private final ApiTokens tokens;

    TokensController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/account/tokens")
    String page(@AuthenticationPrincipal MsokoUser me, Model model) {
        model.addAttribute("tokens", tokens.of(me));
        return "account-tokens";
    }

    @PostMapping("/account/tokens")
    String create(@AuthenticationPrincipal MsokoUser me, @RequestParam String name, RedirectAttributes flash) {
        String title = name.strip().isEmpty() ? "без названия" : name.strip();
        flash.addFlashAttribute("created", tokens.create(me, title.length() > 100 ? title.substring(0, 100) : title));
        flash.addFlashAttribute("createdName", title);
        return "redirect:/account/tokens";
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(@AuthenticationPrincipal MsokoUser me, @PathVariable long id, RedirectAttributes flash) {
        flash.addFlashAttribute("message", tokens.revoke(me, id) ? "Токен отозван." : "Такого действующего токена нет.");
        return "redirect:/account/tokens";
    }
}
