-- Full-text search over Job. Hand-written: Prisma models neither FTS5 nor triggers.
--
-- job_fts is an external-content table: it stores only the index and reads the text from
-- "Job" by rowid (content_rowid = 'seq'), so its columns carry Job's column names. It and
-- its shadow tables (job_fts_data, _idx, _docsize, _config) are listed under
-- tables.external in prisma.config.ts, so Prisma's diffs neither drop nor report them.
--
-- The triggers keep the index in step with "Job". Prisma does not know them: a later
-- migration that redefines "Job" (SQLite's RedefineTables: new table, copy, drop, rename)
-- drops them silently. Such a migration must end by recreating them (copy this block) and
-- running the 'rebuild' below; test/migrations.test.ts fails while they are missing.

-- CreateVirtualTable
CREATE VIRTUAL TABLE "job_fts" USING fts5(
    jobName,
    product,
    persona,
    setting,
    emotion,
    hook,
    brandName,
    content = 'Job',
    content_rowid = 'seq',
    tokenize = "unicode61 remove_diacritics 2",
    prefix = '2 3 4'
);

-- Index the rows that are already there (none on a new database).
INSERT INTO "job_fts" ("job_fts") VALUES ('rebuild');

-- CreateTrigger
CREATE TRIGGER "job_fts_ai" AFTER INSERT ON "Job" BEGIN
    INSERT INTO "job_fts" (rowid, jobName, product, persona, setting, emotion, hook, brandName)
    VALUES (new.seq, new.jobName, new.product, new.persona, new.setting, new.emotion, new.hook, new.brandName);
END;

-- CreateTrigger
-- An external-content index is told what to forget with the 'delete' command and the OLD
-- values exactly as they were indexed.
CREATE TRIGGER "job_fts_ad" AFTER DELETE ON "Job" BEGIN
    INSERT INTO "job_fts" ("job_fts", rowid, jobName, product, persona, setting, emotion, hook, brandName)
    VALUES ('delete', old.seq, old.jobName, old.product, old.persona, old.setting, old.emotion, old.hook, old.brandName);
END;

-- CreateTrigger
-- Only when an indexed column (or the rowid) is assigned: updates that touch just
-- "enabled", "data" or "updatedAt" leave the index alone.
CREATE TRIGGER "job_fts_au" AFTER UPDATE OF seq, jobName, product, persona, setting, emotion, hook, brandName ON "Job" BEGIN
    INSERT INTO "job_fts" ("job_fts", rowid, jobName, product, persona, setting, emotion, hook, brandName)
    VALUES ('delete', old.seq, old.jobName, old.product, old.persona, old.setting, old.emotion, old.hook, old.brandName);
    INSERT INTO "job_fts" (rowid, jobName, product, persona, setting, emotion, hook, brandName)
    VALUES (new.seq, new.jobName, new.product, new.persona, new.setting, new.emotion, new.hook, new.brandName);
END;
