package ru.msoko.app.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A signed-in user with the territory they work on. */
public record MsokoUser(long id, String username, String passwordHash, String fullName, Role role,
                        Long municipalityId, Long schoolId, boolean enabled) implements UserDetails {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
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

    public Scope scope() {
        return switch (role) {
            case REGION -> Scope.region();
            case MUNICIPALITY -> Scope.municipality(municipalityId);
            case SCHOOL -> Scope.school(municipalityId == null ? -1 : municipalityId, schoolId);
        };
    }

    @Override
    public String toString() {
        return "MsokoUser[" + username + ", " + role + "]";
    }
}
