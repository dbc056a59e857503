package ru.msoko.app.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A signed-in user with the territory they work on. Authorities: {@code ROLE_<ROLE>} and {@code PERM_<PERMISSION>}
 * for each permission of the role; guards use the permissions only.
 */
public record MsokoUser(long id, String username, String passwordHash, String fullName, Role role,
                        Long municipalityId, Long schoolId, boolean enabled) implements UserDetails {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
        role.permissions().forEach(p -> authorities.add(new SimpleGrantedAuthority(p.authority())));
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    public boolean can(Permission p) {
        return role.can(p);
    }

    public Scope scope() {
        return Scope.of(role, municipalityId, schoolId);
    }

    @Override
    public String toString() {
        return "MsokoUser[" + username + ", " + role + "]";
    }
}
