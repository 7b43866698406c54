"""Adding records to the store: one transaction per article, people resolved across articles.

An article whose id and text hash are already stored is left alone; a changed one has its old
facts removed before the new ones go in. Each person of the record becomes an *appearance*
that joins the best-matching stored person (``evidence.decide``) or starts a new one; the
reason is stored with it. Summaries (``person_roles``, ``persons``) are rebuilt for the persons
the article touched.
"""

from __future__ import annotations

import json

from .evidence import Decision, Evidence, Post, decide
from .facts import Appearance, ArticleFacts, RoleFact

ADDED, UNCHANGED, REPLACED = "added", "unchanged", "replaced"
_BY_ARTICLE = ("role_facts", "appearances", "org_facts", "amount_facts")


def _in(ids) -> str:
    return "(" + ", ".join("?" for _ in ids) + ")"


class Writer:
    """Writes articles into one backend; keeps only a cache of role ids (never deleted)."""

    def __init__(self, db):
        self.db = db
        self._role_ids: dict[tuple[str, str, str], int] = {}

    def add(self, facts: ArticleFacts) -> str:
        try:
            return self._add(facts)
        except BaseException:
            self._role_ids.clear()  # ids cached in a transaction that rolled back
            raise

    def _add(self, facts: ArticleFacts) -> str:
        with self.db.transaction():
            row = self.db.execute("SELECT text_hash FROM articles WHERE id = ?", (facts.id,)).fetchone()
            if row and row[0] == facts.text_hash:
                return UNCHANGED
            touched = self._remove(facts.id) if row else set()
            self._article(facts, exists=bool(row))
            touched |= self._people(facts)
            self._orgs_and_amounts(facts)
            self._refresh(touched)
        return REPLACED if row else ADDED

    def _remove(self, article_id: str) -> set[int]:
        rows = self.db.execute(
            "SELECT DISTINCT person_id FROM appearances WHERE article_id = ?", (article_id,)
        )
        touched = {r[0] for r in rows.fetchall()}
        for table in _BY_ARTICLE:
            self.db.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
        return touched

    def _article(self, f: ArticleFacts, *, exists: bool) -> None:
        values = (f.text_hash, f.published, f.title, f.url, f.dateline_country, f.id)
        if exists:
            sql = (
                "UPDATE articles SET text_hash = ?, published = ?, title = ?, url = ?, dateline_country = ? "
            )
            self.db.execute(sql + "WHERE id = ?", values)
        else:
            sql = "INSERT INTO articles (text_hash, published, title, url, dateline_country, id) "
            self.db.execute(sql + "VALUES (?, ?, ?, ?, ?, ?)", values)

    # -- people ---------------------------------------------------------------------------------

    def _people(self, f: ArticleFacts) -> set[int]:
        used: set[int] = set()
        for person in f.people:
            person_id, reason = self._resolve(person, f, exclude=used)
            used.add(person_id)
            self.db.execute(
                "INSERT INTO appearances (article_id, idx, person_id, name, aliases, name_key, fold_key, "
                "surname_key, published, dateline_country, span_start, span_end, span_text, reason) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (f.id, person.idx, person_id, person.name,
                 json.dumps(list(person.aliases), ensure_ascii=False), person.name_key, person.fold_key,
                 person.surname_key, f.published, f.dateline_country,
                 person.span.start, person.span.end, person.span.text, reason),
            )  # fmt: skip
            self.db.executemany(
                "INSERT INTO role_facts (article_id, idx, person_id, role_id, qualifier, published, "
                "span_start, span_end, span_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(f.id, person.idx, person_id, self._role_id(r), r.qualifier, f.published,
                  r.span.start, r.span.end, r.span.text) for r in person.roles],
            )  # fmt: skip
        return used

    def _resolve(self, person: Appearance, f: ArticleFacts, *, exclude: set[int]) -> tuple[int, str]:
        """The stored person this appearance joins (or a new one), and why."""
        new = _new_evidence(person, f)
        rows = self.db.execute(
            "SELECT DISTINCT person_id FROM appearances WHERE name_key = ? OR fold_key = ?",
            (person.name_key, person.fold_key),
        ).fetchall()
        best: tuple[Decision, int] | None = None
        refused = []
        candidates = sorted(r[0] for r in rows if r[0] not in exclude)  # two people of one article are two
        for candidate, evidence in zip(candidates, self._evidence(candidates), strict=True):
            decision = decide(new, evidence)
            if not decision.merge:
                refused.append(f"kept apart from #{candidate}: {decision.reason}")
            elif best is None or decision.score > best[0].score:
                best = (decision, candidate)
        if best is not None:
            return best[1], f"joined #{best[1]}: {best[0].reason}"
        person_id = int(self.db.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM persons").fetchone()[0])
        self.db.execute(
            "INSERT INTO persons (id, name, first_seen, last_seen, article_count) VALUES (?, ?, ?, ?, 1)",
            (person_id, person.name, f.published, f.published),
        )
        return person_id, "; ".join(["new person", *refused])

    def _evidence(self, ids: list[int]) -> list[Evidence]:
        """The evidence of stored persons ``ids``, in two queries."""
        if not ids:
            return []
        names: dict[int, list] = {i: [] for i in ids}
        sql = (
            "SELECT DISTINCT person_id, name_key, fold_key, dateline_country FROM appearances "
            f"WHERE person_id IN {_in(ids)}"
        )
        for person_id, *row in self.db.execute(sql, ids).fetchall():
            names[person_id].append(row)
        posts: dict[int, list] = {i: [] for i in ids}
        sql = (
            "SELECT pr.person_id, r.title, r.title_key, r.org_key, r.country_key, pr.first_seen, "
            "pr.last_seen FROM person_roles pr JOIN roles r ON r.id = pr.role_id "
            f"WHERE pr.person_id IN {_in(ids)}"
        )
        for person_id, *row in self.db.execute(sql, ids).fetchall():
            posts[person_id].append(Post(*row))
        return [
            Evidence(
                name_keys=frozenset(n[0] for n in names[i]),
                fold_keys=frozenset(n[1] for n in names[i]),
                posts=tuple(sorted(posts[i], key=str)),
                datelines=frozenset(n[2] for n in names[i] if n[2]),
            )
            for i in ids
        ]

    def _role_id(self, role: RoleFact) -> int:
        key = role.key
        if key in self._role_ids:
            return self._role_ids[key]
        sql = "SELECT id FROM roles WHERE title_key = ? AND org_key = ? AND country_key = ?"
        row = self.db.execute(sql, key).fetchone()
        if row is None:
            row = self.db.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM roles").fetchone()
            self.db.execute(
                "INSERT INTO roles (id, title, organization, country, title_key, org_key, country_key) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (row[0], role.title, role.organization, role.country, *key),
            )
        self._role_ids[key] = int(row[0])
        return int(row[0])

    # -- organizations, amounts, summaries ------------------------------------------------------

    def _orgs_and_amounts(self, f: ArticleFacts) -> None:
        self.db.executemany(
            "INSERT INTO org_facts (article_id, name, org_key, country, published, span_start, span_end, "
            "span_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(f.id, o.name, o.key, o.country, f.published, o.spans[0].start, o.spans[0].end, o.spans[0].text)
             for o in f.organizations],
        )  # fmt: skip
        self.db.executemany(
            "INSERT INTO amount_facts (article_id, idx, value, currency, org_key, published, span_start, "
            "span_end, span_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(f.id, a.idx, a.value, a.currency, a.org_key, f.published, a.span.start, a.span.end, a.span.text)
             for a in f.amounts],
        )  # fmt: skip

    def _refresh(self, person_ids: set[int]) -> None:
        """Rebuild the summaries of ``person_ids``; drop persons left without an appearance."""
        if not person_ids:
            return
        ids = sorted(person_ids)
        self.db.execute(f"DELETE FROM person_roles WHERE person_id IN {_in(ids)}", ids)
        current = "CASE WHEN f.qualifier = 'former' THEN NULL ELSE f.published END"
        self.db.execute(
            "INSERT INTO person_roles "
            "(person_id, role_id, first_seen, last_seen, article_count, country_hint) "
            f"SELECT f.person_id, f.role_id, MIN({current}), MAX({current}), COUNT(DISTINCT f.article_id), "
            "COALESCE(NULLIF(MAX(r.country_key), ''), MAX(a.dateline_country)) "
            "FROM role_facts f JOIN roles r ON r.id = f.role_id JOIN articles a ON a.id = f.article_id "
            f"WHERE f.person_id IN {_in(ids)} GROUP BY f.person_id, f.role_id",
            ids,
        )
        for person_id in ids:
            names = self.db.execute(
                "SELECT name, COUNT(*), MIN(published), MAX(published) FROM appearances "
                "WHERE person_id = ? GROUP BY name ORDER BY COUNT(*) DESC, MIN(published), name",
                (person_id,),
            ).fetchall()
            if not names:
                self.db.execute("DELETE FROM persons WHERE id = ?", (person_id,))
                continue
            first = min((n[2] for n in names if n[2]), default=None)
            last = max((n[3] for n in names if n[3]), default=None)
            self.db.execute(
                "UPDATE persons SET name = ?, first_seen = ?, last_seen = ?, article_count = ? WHERE id = ?",
                (names[0][0], first, last, sum(n[1] for n in names), person_id),
            )


def _new_evidence(person: Appearance, f: ArticleFacts) -> Evidence:
    posts = []
    for role in person.roles:
        seen = None if role.qualifier == "former" else f.published
        title_key, org_key, country = role.key
        posts.append(Post(role.title, title_key, org_key, country, seen, seen))
    return Evidence(
        name_keys=frozenset({person.name_key}),
        fold_keys=frozenset({person.fold_key}),
        posts=tuple(posts),
        datelines=frozenset({f.dateline_country} if f.dateline_country else ()),
    )
