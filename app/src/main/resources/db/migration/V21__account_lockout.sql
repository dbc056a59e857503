-- Accounts (issue #6): failed sign-ins and lockout, when the password was last set, and how the user signs in.
-- failed_logins counts failures since first_failed_at (the start of the current window); a user is refused until
-- locked_until. auth_source is LOCAL (password stored here) or LDAP (password checked by the directory; the role
-- and territory stay local).
alter table app_user add column failed_logins integer not null default 0;
alter table app_user add column first_failed_at timestamp with time zone;
alter table app_user add column locked_until timestamp with time zone;
alter table app_user add column password_changed_at timestamp with time zone;
alter table app_user add column auth_source varchar(16) not null default 'LOCAL';
