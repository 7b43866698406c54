-- 0002: `who` and `people` read every appearance and role fact of the persons they show; with
-- these indexes they read only the index, in person order (benchmarks/store.py: a store of
-- 100,000 articles, where a frequent person appears in hundreds).

DROP INDEX appearances_person;
CREATE INDEX appearances_person ON appearances (person_id, published, article_id, name, aliases);
DROP INDEX role_facts_person;
CREATE INDEX role_facts_person ON role_facts (person_id, role_id, published, article_id, qualifier);
