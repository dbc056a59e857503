-- Eight roles (issue #6): the three stored roles of earlier versions map to the administrators of their level;
-- the role names are the constants of ru.msoko.app.security.Role.
update app_user set role = 'REGION_ADMIN' where role = 'REGION';
update app_user set role = 'MUNICIPALITY_ADMIN' where role = 'MUNICIPALITY';
alter table app_user add constraint ck_app_user_role check (role in ('REGION_ADMIN', 'REGION_ANALYST',
    'MUNICIPALITY_ADMIN', 'MUNICIPALITY_ANALYST', 'SCHOOL', 'EXPERT', 'OBSERVER', 'AUDITOR'));
