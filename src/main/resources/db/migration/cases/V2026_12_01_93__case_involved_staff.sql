-- Recusal (CBIRC 2020 No. 3: the handler has no interest in the matter): the staff a case names as involved
-- (the complaint is about them), by login; neither they nor who recorded a complaint may take it.
create table case_involved_staff (
    case_id   bigint       not null references case_file (id),
    username  varchar(100) not null,
    primary key (case_id, username)
);
