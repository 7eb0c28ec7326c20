-- CreateIndex
CREATE INDEX "UseCase_createdAt_id_idx" ON "UseCase"("createdAt", "id");
