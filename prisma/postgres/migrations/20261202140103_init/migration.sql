-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UseCase" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "teamEmail" TEXT NOT NULL,
    "description" TEXT,
    "state" TEXT NOT NULL DEFAULT 'TEMPLATE_GENERATION',
    "version" INTEGER NOT NULL DEFAULT 1,
    "evaluationSummary" TEXT,
    "resultsFileId" TEXT,
    "resultsRecordedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UseCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StateTransition" (
    "id" TEXT NOT NULL,
    "useCaseId" TEXT NOT NULL,
    "fromState" TEXT NOT NULL,
    "toState" TEXT NOT NULL,
    "notes" TEXT,
    "actor" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StateTransition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActivityLogEntry" (
    "seq" SERIAL NOT NULL,
    "id" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "activityType" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "details" TEXT NOT NULL DEFAULT '{}',
    "actor" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ActivityLogEntry_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "StoredFile" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "StoredFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Artifact" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "url" TEXT,
    "fileId" TEXT,
    "metadata" TEXT NOT NULL DEFAULT '{}',
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Artifact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Job" (
    "seq" SERIAL NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Job_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "Model" (
    "id" TEXT NOT NULL,
    "legacyId" TEXT,
    "sensorId" TEXT NOT NULL,
    "modelType" TEXT NOT NULL,
    "activeVersionId" TEXT,
    "nextVersionNumber" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Model_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModelVersion" (
    "id" TEXT NOT NULL,
    "legacyId" TEXT,
    "modelId" TEXT NOT NULL,
    "versionNumber" INTEGER NOT NULL,
    "performanceScore" DOUBLE PRECISION NOT NULL,
    "validationPerformed" BOOLEAN NOT NULL DEFAULT false,
    "trainingConfig" TEXT NOT NULL DEFAULT '{}',
    "trainingMetrics" TEXT NOT NULL DEFAULT '{}',
    "validationMetrics" TEXT,
    "trainingTimeSeconds" DOUBLE PRECISION,
    "modelPath" TEXT,
    "artifactFileId" TEXT,
    "lineageId" TEXT,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ModelVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DataLineage" (
    "id" TEXT NOT NULL,
    "dataHash" TEXT NOT NULL,
    "dataSource" TEXT,
    "dataStartDate" TIMESTAMP(3),
    "dataEndDate" TIMESTAMP(3),
    "numSamples" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DataLineage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PromotionEvent" (
    "seq" SERIAL NOT NULL,
    "id" TEXT NOT NULL,
    "modelId" TEXT NOT NULL,
    "versionId" TEXT,
    "versionNumber" INTEGER,
    "previousVersionId" TEXT,
    "previousVersionNumber" INTEGER,
    "reason" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PromotionEvent_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "RegistrySettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "r2Weight" DOUBLE PRECISION NOT NULL DEFAULT 0.6,
    "mapeWeight" DOUBLE PRECISION NOT NULL DEFAULT 0.4,
    "anomalyMin" DOUBLE PRECISION NOT NULL DEFAULT 0.02,
    "anomalyMax" DOUBLE PRECISION NOT NULL DEFAULT 0.08,
    "updatedBy" TEXT NOT NULL DEFAULT 'system',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RegistrySettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Member" (
    "bioguideId" TEXT NOT NULL,
    "currentMember" BOOLEAN NOT NULL,
    "officialWebsiteUrl" TEXT,
    "firstName" TEXT,
    "lastName" TEXT,
    "name" TEXT NOT NULL,
    "state" TEXT,
    "contactPage" TEXT,
    "pulledAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Member_pkey" PRIMARY KEY ("bioguideId")
);

-- CreateTable
CREATE TABLE "Extraction" (
    "id" TEXT NOT NULL,
    "bioguideId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "priority" INTEGER NOT NULL DEFAULT 0,
    "retryCount" INTEGER NOT NULL DEFAULT 0,
    "errorMessage" TEXT,
    "sourceUrl" TEXT,
    "worker" TEXT,
    "leaseExpiresAt" TIMESTAMP(3),
    "extractedAt" TIMESTAMP(3),
    "validatedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Extraction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExtractedOffice" (
    "id" TEXT NOT NULL,
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

    CONSTRAINT "ExtractedOffice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ValidatedOffice" (
    "officeId" TEXT NOT NULL,
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
    "validatedAt" TIMESTAMP(3) NOT NULL,
    "syncedToUpstream" BOOLEAN NOT NULL DEFAULT false,
    "syncedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ValidatedOffice_pkey" PRIMARY KEY ("officeId")
);

-- CreateTable
CREATE TABLE "ExtractionArtifact" (
    "id" TEXT NOT NULL,
    "extractionId" TEXT NOT NULL,
    "artifactType" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "storedSize" INTEGER NOT NULL,
    "compressed" BOOLEAN NOT NULL,
    "checksumSha256" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExtractionArtifact_pkey" PRIMARY KEY ("id")
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
CREATE INDEX "UseCase_createdAt_id_idx" ON "UseCase"("createdAt", "id");

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

-- AddForeignKey
ALTER TABLE "UseCase" ADD CONSTRAINT "UseCase_resultsFileId_fkey" FOREIGN KEY ("resultsFileId") REFERENCES "StoredFile"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StateTransition" ADD CONSTRAINT "StateTransition_useCaseId_fkey" FOREIGN KEY ("useCaseId") REFERENCES "UseCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoredFile" ADD CONSTRAINT "StoredFile_useCaseId_fkey" FOREIGN KEY ("useCaseId") REFERENCES "UseCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoredFile" ADD CONSTRAINT "StoredFile_modelVersionId_fkey" FOREIGN KEY ("modelVersionId") REFERENCES "ModelVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoredFile" ADD CONSTRAINT "StoredFile_artifactId_fkey" FOREIGN KEY ("artifactId") REFERENCES "Artifact"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Artifact" ADD CONSTRAINT "Artifact_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Model" ADD CONSTRAINT "Model_activeVersionId_fkey" FOREIGN KEY ("activeVersionId") REFERENCES "ModelVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModelVersion" ADD CONSTRAINT "ModelVersion_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "Model"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModelVersion" ADD CONSTRAINT "ModelVersion_artifactFileId_fkey" FOREIGN KEY ("artifactFileId") REFERENCES "StoredFile"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModelVersion" ADD CONSTRAINT "ModelVersion_lineageId_fkey" FOREIGN KEY ("lineageId") REFERENCES "DataLineage"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromotionEvent" ADD CONSTRAINT "PromotionEvent_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "Model"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromotionEvent" ADD CONSTRAINT "PromotionEvent_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ModelVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromotionEvent" ADD CONSTRAINT "PromotionEvent_previousVersionId_fkey" FOREIGN KEY ("previousVersionId") REFERENCES "ModelVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Extraction" ADD CONSTRAINT "Extraction_bioguideId_fkey" FOREIGN KEY ("bioguideId") REFERENCES "Member"("bioguideId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExtractedOffice" ADD CONSTRAINT "ExtractedOffice_extractionId_fkey" FOREIGN KEY ("extractionId") REFERENCES "Extraction"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ValidatedOffice" ADD CONSTRAINT "ValidatedOffice_bioguideId_fkey" FOREIGN KEY ("bioguideId") REFERENCES "Member"("bioguideId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExtractionArtifact" ADD CONSTRAINT "ExtractionArtifact_extractionId_fkey" FOREIGN KEY ("extractionId") REFERENCES "Extraction"("id") ON DELETE CASCADE ON UPDATE CASCADE;
