-- 0001: articles, people, roles and the facts that state them.
-- One SQL for SQLite and PostgreSQL: plain types, ids allocated by the store under its write
-- lock, dates as ISO 'YYYY-MM-DD' text (they sort as dates). Every fact row keeps its article,
-- the article's publication date and its evidence span (start, end, text).

CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    text_hash TEXT NOT NULL,          -- source.sha256 (or a hash of the record): same hash, no change
    published TEXT,                   -- publication day, NULL when unknown
    title TEXT,
    url TEXT,
    dateline_country TEXT
);

-- One row per person across articles (a merged cluster of appearances).
CREATE TABLE persons (
    id BIGINT PRIMARY KEY,
    name TEXT NOT NULL,               -- the most frequent full name of its appearances
    first_seen TEXT,
    last_seen TEXT,
    article_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX persons_last_seen ON persons (last_seen);

-- One row per person in an article, with why it joined its person.
CREATE TABLE appearances (
    article_id TEXT NOT NULL REFERENCES articles (id),
    idx INTEGER NOT NULL,             -- position in the record's people[]
    person_id BIGINT NOT NULL REFERENCES persons (id),
    name TEXT NOT NULL,
    aliases TEXT NOT NULL,            -- JSON list of the record's aliases
    name_key TEXT NOT NULL,           -- names.name_key(name)
    fold_key TEXT NOT NULL,           -- names.fold_key(name)
    surname_key TEXT NOT NULL,        -- last token of fold_key (surname lookups)
    published TEXT,
    dateline_country TEXT,
    span_start INTEGER NOT NULL,      -- first mention
    span_end INTEGER NOT NULL,
    span_text TEXT NOT NULL,
    reason TEXT NOT NULL,             -- the merge decision, for `pressfeed who`
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX appearances_person ON appearances (person_id);
CREATE INDEX appearances_name ON appearances (name_key);
CREATE INDEX appearances_fold ON appearances (fold_key);
CREATE INDEX appearances_surname ON appearances (surname_key);

-- Distinct posts: a title at an organization of a country.
CREATE TABLE roles (
    id BIGINT PRIMARY KEY,
    title TEXT NOT NULL,
    organization TEXT,
    country TEXT,
    title_key TEXT NOT NULL,
    org_key TEXT NOT NULL,            -- '' when no organization
    country_key TEXT NOT NULL,        -- '' when no country
    UNIQUE (title_key, org_key, country_key)
);
CREATE INDEX roles_org ON roles (org_key);

-- One row per role stated in an article.
CREATE TABLE role_facts (
    article_id TEXT NOT NULL REFERENCES articles (id),
    idx INTEGER NOT NULL,             -- the appearance
    person_id BIGINT NOT NULL REFERENCES persons (id),
    role_id BIGINT NOT NULL REFERENCES roles (id),
    qualifier TEXT,                   -- acting, former, newly appointed...
    published TEXT,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    span_text TEXT NOT NULL
);
CREATE INDEX role_facts_article ON role_facts (article_id);
CREATE INDEX role_facts_person ON role_facts (person_id);

-- Summary of role_facts per person and role, rebuilt for the persons an article touches.
-- first_seen/last_seen count only facts not qualified 'former'.
CREATE TABLE person_roles (
    person_id BIGINT NOT NULL REFERENCES persons (id),
    role_id BIGINT NOT NULL REFERENCES roles (id),
    first_seen TEXT,
    last_seen TEXT,
    article_count INTEGER NOT NULL,
    country_hint TEXT,                -- the role's country, else a dateline country of its articles
    PRIMARY KEY (person_id, role_id)
);
CREATE INDEX person_roles_role ON person_roles (role_id, last_seen);
CREATE INDEX person_roles_country ON person_roles (country_hint, last_seen);
CREATE INDEX person_roles_first ON person_roles (first_seen);
CREATE INDEX person_roles_last ON person_roles (last_seen);

-- Organizations named in an article (first mention as evidence).
CREATE TABLE org_facts (
    article_id TEXT NOT NULL REFERENCES articles (id),
    name TEXT NOT NULL,
    org_key TEXT NOT NULL,
    country TEXT,
    published TEXT,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    span_text TEXT NOT NULL,
    PRIMARY KEY (article_id, org_key)
);
CREATE INDEX org_facts_org ON org_facts (org_key);

-- Money amounts, each credited to the organization named nearest it in the article, if any.
CREATE TABLE amount_facts (
    article_id TEXT NOT NULL REFERENCES articles (id),
    idx INTEGER NOT NULL,
    value DOUBLE PRECISION NOT NULL,
    currency TEXT,
    org_key TEXT,
    published TEXT,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    span_text TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX amount_facts_org ON amount_facts (org_key);
