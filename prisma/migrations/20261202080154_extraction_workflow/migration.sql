-- CreateTable
CREATE TABLE "Member" (
    "bioguideId" TEXT NOT NULL PRIMARY KEY,
    "currentMember" BOOLEAN NOT NULL,
    "officialWebsiteUrl" TEXT,
    "firstName" TEXT,
    "lastName" TEXT,
    "name" TEXT NOT NULL,
    "state" TEXT,
    "contactPage" TEXT,
    "pulledAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Extraction" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "bioguideId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "priority" INTEGER NOT NULL DEFAULT 0,
    "retryCount" INTEGER NOT NULL DEFAULT 0,
    "errorMessage" TEXT,
    "sourceUrl" TEXT,
    "worker" TEXT,
    "leaseExpiresAt" DATETIME,
    "extractedAt" DATETIME,
    "validatedAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Extraction_bioguideId_fkey" FOREIGN KEY ("bioguideId") REFERENCES "Member" ("bioguideId") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ExtractedOffice" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "extractionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "address" TEXT,
    "suite" TEXT,
    "building" TEXT,
    "city" TEXT,
    "state" TEXT,
    "zip" TEXT,
    "phone" TEXT,
    "fax" TEXT,
    "hours" TEXT,
    CONSTRAINT "ExtractedOffice_extractionId_fkey" FOREIGN KEY ("extractionId") REFERENCES "Extraction" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ValidatedOffice" (
    "officeId" TEXT NOT NULL PRIMARY KEY,
    "bioguideId" TEXT NOT NULL,
    "extractionId" TEXT,
    "address" TEXT,
    "suite" TEXT,
    "building" TEXT,
    "city" TEXT,
    "state" TEXT,
    "zip" TEXT,
    "phone" TEXT,
    "fax" TEXT,
    "hours" TEXT,
    "validatedAt" DATETIME NOT NULL,
    "syncedToUpstream" BOOLEAN NOT NULL DEFAULT false,
    "syncedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ValidatedOffice_bioguideId_fkey" FOREIGN KEY ("bioguideId") REFERENCES "Member" ("bioguideId") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ExtractionArtifact" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "extractionId" TEXT NOT NULL,
    "artifactType" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "storedSize" INTEGER NOT NULL,
    "compressed" BOOLEAN NOT NULL,
    "checksumSha256" TEXT NOT NULL,
    "content" BLOB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ExtractionArtifact_extractionId_fkey" FOREIGN KEY ("extractionId") REFERENCES "Extraction" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Member_state_idx" ON "Member"("state");

-- CreateIndex
CREATE INDEX "Member_currentMember_idx" ON "Member"("currentMember");

-- CreateIndex
CREATE INDEX "Extraction_status_priority_createdAt_idx" ON "Extraction"("status", "priority", "createdAt");

-- CreateIndex
CREATE INDEX "Extraction_status_leaseExpiresAt_idx" ON "Extraction"("status", "leaseExpiresAt");

-- CreateIndex
CREATE INDEX "Extraction_bioguideId_status_idx" ON "Extraction"("bioguideId", "status");

-- CreateIndex
CREATE INDEX "Extraction_createdAt_id_idx" ON "Extraction"("createdAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "ExtractedOffice_extractionId_position_key" ON "ExtractedOffice"("extractionId", "position");

-- CreateIndex
CREATE INDEX "ValidatedOffice_syncedToUpstream_officeId_idx" ON "ValidatedOffice"("syncedToUpstream", "officeId");

-- CreateIndex
CREATE INDEX "ValidatedOffice_bioguideId_idx" ON "ValidatedOffice"("bioguideId");

-- CreateIndex
CREATE INDEX "ExtractionArtifact_extractionId_createdAt_idx" ON "ExtractionArtifact"("extractionId", "createdAt");
