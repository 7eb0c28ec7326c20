-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME,
    "revokedAt" DATETIME
);

-- CreateTable
CREATE TABLE "UseCase" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "teamEmail" TEXT NOT NULL,
    "description" TEXT,
    "state" TEXT NOT NULL DEFAULT 'TEMPLATE_GENERATION',
    "version" INTEGER NOT NULL DEFAULT 1,
    "evaluationSummary" TEXT,
    "resultsFileId" TEXT,
    "resultsRecordedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "UseCase_resultsFileId_fkey" FOREIGN KEY ("resultsFileId") REFERENCES "StoredFile" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StateTransition" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "useCaseId" TEXT NOT NULL,
    "fromState" TEXT NOT NULL,
    "toState" TEXT NOT NULL,
    "notes" TEXT,
    "actor" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "StateTransition_useCaseId_fkey" FOREIGN KEY ("useCaseId") REFERENCES "UseCase" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ActivityLogEntry" (
    "seq" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "id" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "activityType" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "details" TEXT NOT NULL DEFAULT '{}',
    "actor" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "StoredFile" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerType" TEXT NOT NULL,
    "useCaseId" TEXT,
    "modelVersionId" TEXT,
    "artifactId" TEXT,
    "fileType" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" BIGINT NOT NULL,
    "checksumSha256" TEXT,
    "bucket" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "deletedAt" DATETIME,
    CONSTRAINT "StoredFile_useCaseId_fkey" FOREIGN KEY ("useCaseId") REFERENCES "UseCase" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StoredFile_modelVersionId_fkey" FOREIGN KEY ("modelVersionId") REFERENCES "ModelVersion" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "StoredFile_artifactId_fkey" FOREIGN KEY ("artifactId") REFERENCES "Artifact" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Artifact" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "url" TEXT,
    "fileId" TEXT,
    "metadata" TEXT NOT NULL DEFAULT '{}',
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Artifact_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Job" (
    "seq" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "id" TEXT NOT NULL,
    "jobName" TEXT NOT NULL,
    "product" TEXT,
    "persona" TEXT,
    "setting" TEXT,
    "emotion" TEXT,
    "hook" TEXT,
    "voiceId" TEXT,
    "language" TEXT NOT NULL DEFAULT 'English',
    "brandName" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "data" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Model" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "legacyId" TEXT,
    "sensorId" TEXT NOT NULL,
    "modelType" TEXT NOT NULL,
    "activeVersionId" TEXT,
    "nextVersionNumber" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Model_activeVersionId_fkey" FOREIGN KEY ("activeVersionId") REFERENCES "ModelVersion" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ModelVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "legacyId" TEXT,
    "modelId" TEXT NOT NULL,
    "versionNumber" INTEGER NOT NULL,
    "performanceScore" REAL NOT NULL,
    "validationPerformed" BOOLEAN NOT NULL DEFAULT false,
    "trainingConfig" TEXT NOT NULL DEFAULT '{}',
    "trainingMetrics" TEXT NOT NULL DEFAULT '{}',
    "validationMetrics" TEXT,
    "trainingTimeSeconds" REAL,
    "modelPath" TEXT,
    "artifactFileId" TEXT,
    "lineageId" TEXT,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ModelVersion_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "Model" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ModelVersion_artifactFileId_fkey" FOREIGN KEY ("artifactFileId") REFERENCES "StoredFile" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ModelVersion_lineageId_fkey" FOREIGN KEY ("lineageId") REFERENCES "DataLineage" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DataLineage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "dataHash" TEXT NOT NULL,
    "dataSource" TEXT,
    "dataStartDate" DATETIME,
    "dataEndDate" DATETIME,
    "numSamples" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "PromotionEvent" (
    "seq" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "id" TEXT NOT NULL,
    "modelId" TEXT NOT NULL,
    "versionId" TEXT,
    "versionNumber" INTEGER,
    "previousVersionId" TEXT,
    "previousVersionNumber" INTEGER,
    "reason" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PromotionEvent_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "Model" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PromotionEvent_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ModelVersion" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "PromotionEvent_previousVersionId_fkey" FOREIGN KEY ("previousVersionId") REFERENCES "ModelVersion" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RegistrySettings" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "r2Weight" REAL NOT NULL DEFAULT 0.6,
    "mapeWeight" REAL NOT NULL DEFAULT 0.4,
    "anomalyMin" REAL NOT NULL DEFAULT 0.02,
    "anomalyMax" REAL NOT NULL DEFAULT 0.08,
    "updatedBy" TEXT NOT NULL DEFAULT 'system',
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_prefix_key" ON "ApiKey"("prefix");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_hash_key" ON "ApiKey"("hash");

-- CreateIndex
CREATE UNIQUE INDEX "UseCase_resultsFileId_key" ON "UseCase"("resultsFileId");

-- CreateIndex
CREATE INDEX "UseCase_state_updatedAt_idx" ON "UseCase"("state", "updatedAt");

-- CreateIndex
CREATE INDEX "UseCase_teamEmail_idx" ON "UseCase"("teamEmail");

-- CreateIndex
CREATE INDEX "UseCase_updatedAt_idx" ON "UseCase"("updatedAt");

-- CreateIndex
CREATE INDEX "StateTransition_useCaseId_createdAt_idx" ON "StateTransition"("useCaseId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ActivityLogEntry_id_key" ON "ActivityLogEntry"("id");

-- CreateIndex
CREATE INDEX "ActivityLogEntry_subjectId_seq_idx" ON "ActivityLogEntry"("subjectId", "seq");

-- CreateIndex
CREATE INDEX "ActivityLogEntry_activityType_seq_idx" ON "ActivityLogEntry"("activityType", "seq");

-- CreateIndex
CREATE INDEX "ActivityLogEntry_createdAt_idx" ON "ActivityLogEntry"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "StoredFile_key_key" ON "StoredFile"("key");

-- CreateIndex
CREATE INDEX "StoredFile_useCaseId_fileType_status_createdAt_idx" ON "StoredFile"("useCaseId", "fileType", "status", "createdAt");

-- CreateIndex
CREATE INDEX "StoredFile_modelVersionId_idx" ON "StoredFile"("modelVersionId");

-- CreateIndex
CREATE INDEX "StoredFile_artifactId_idx" ON "StoredFile"("artifactId");

-- CreateIndex
CREATE INDEX "StoredFile_status_createdAt_idx" ON "StoredFile"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Artifact_name_type_idx" ON "Artifact"("name", "type");

-- CreateIndex
CREATE INDEX "Artifact_type_idx" ON "Artifact"("type");

-- CreateIndex
CREATE INDEX "Artifact_createdAt_idx" ON "Artifact"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Job_id_key" ON "Job"("id");

-- CreateIndex
CREATE INDEX "Job_enabled_idx" ON "Job"("enabled");

-- CreateIndex
CREATE INDEX "Job_product_idx" ON "Job"("product");

-- CreateIndex
CREATE INDEX "Job_persona_idx" ON "Job"("persona");

-- CreateIndex
CREATE INDEX "Job_language_idx" ON "Job"("language");

-- CreateIndex
CREATE INDEX "Job_createdAt_idx" ON "Job"("createdAt");

-- CreateIndex
CREATE INDEX "Job_updatedAt_idx" ON "Job"("updatedAt");

-- CreateIndex
CREATE INDEX "Job_jobName_idx" ON "Job"("jobName");

-- CreateIndex
CREATE UNIQUE INDEX "Model_legacyId_key" ON "Model"("legacyId");

-- CreateIndex
CREATE UNIQUE INDEX "Model_activeVersionId_key" ON "Model"("activeVersionId");

-- CreateIndex
CREATE INDEX "Model_modelType_idx" ON "Model"("modelType");

-- CreateIndex
CREATE UNIQUE INDEX "Model_sensorId_modelType_key" ON "Model"("sensorId", "modelType");

-- CreateIndex
CREATE UNIQUE INDEX "ModelVersion_legacyId_key" ON "ModelVersion"("legacyId");

-- CreateIndex
CREATE INDEX "ModelVersion_modelId_performanceScore_idx" ON "ModelVersion"("modelId", "performanceScore");

-- CreateIndex
CREATE INDEX "ModelVersion_performanceScore_idx" ON "ModelVersion"("performanceScore");

-- CreateIndex
CREATE INDEX "ModelVersion_createdAt_idx" ON "ModelVersion"("createdAt");

-- CreateIndex
CREATE INDEX "ModelVersion_lineageId_idx" ON "ModelVersion"("lineageId");

-- CreateIndex
CREATE UNIQUE INDEX "ModelVersion_modelId_versionNumber_key" ON "ModelVersion"("modelId", "versionNumber");

-- CreateIndex
CREATE UNIQUE INDEX "DataLineage_dataHash_key" ON "DataLineage"("dataHash");

-- CreateIndex
CREATE UNIQUE INDEX "PromotionEvent_id_key" ON "PromotionEvent"("id");

-- CreateIndex
CREATE INDEX "PromotionEvent_modelId_seq_idx" ON "PromotionEvent"("modelId", "seq");
