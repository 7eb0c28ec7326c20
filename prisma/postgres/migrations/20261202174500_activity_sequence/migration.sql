-- PostgreSQL only (written by hand, src/db/postgres/postgres-only-tables.ts keeps Prisma's diff
-- from dropping it). Activity seqs in commit order, with no gaps (issue 16, milestone 2):
-- a SERIAL hands numbers out at INSERT time, so a later seq can commit before an earlier one
-- and a reader (or a replica's cursor) would skip it. recordActivity instead increments this
-- one row (UPDATE … SET value = value + 1 RETURNING value), the row lock is held until the
-- transaction ends, so numbers are handed out in commit order, and a rollback gives its
-- number back. See src/db/commit-position.ts. One row, id 1 (a CHECK constraint would say so, but
-- the 7.10 Wasm schema engine panics describing one in `diff`).
CREATE TABLE "ActivitySequence" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "value" INTEGER NOT NULL,

    CONSTRAINT "ActivitySequence_pkey" PRIMARY KEY ("id")
);

-- Existing entries keep their seqs, the next one follows the highest.
INSERT INTO "ActivitySequence" ("id", "value") SELECT 1, COALESCE(MAX("seq"), 0) FROM "ActivityLogEntry";
