-- The school page, its results over years and the comparison read a school's aggregates (where school_id = ?).
-- H2 has an automatic index for the foreign key; PostgreSQL creates none, so without this it scans the table.
create index ix_result_summary_school on result_summary (school_id);
