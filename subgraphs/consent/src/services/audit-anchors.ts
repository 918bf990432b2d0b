import { appendFile, mkdir, readFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { EntityManager } from "@mikro-orm/postgresql";
import type { Logger } from "@samtykke/server-kit";
import { readAnchor, signAnchor, type AuditAnchor } from "../domain/audit-anchor.js";
import type { SealKey } from "../domain/consent-document.js";
import { AuditBatchEntity } from "../entities/audit-batch.entity.js";

/**
 * Where the anchors are kept: an append-only file of signed statements, one per line, outside the
 * database. In production it belongs on storage the database's operators cannot rewrite (a
 * write-once bucket, a separate host); the platform only ever appends to it.
 */
export class AnchorFile {
  constructor(readonly path: string) {}

  async append(jws: string): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    await appendFile(this.path, `${jws}\n`, { mode: 0o600 });
  }

  /** The newest anchor a platform key signed, or null when none has been made yet. */
  async latest(keys: readonly SealKey[]): Promise<AuditAnchor | null> {
    const text = await readFile(this.path, "utf8").catch((error: NodeJS.ErrnoException) => (error.code === "ENOENT" ? "" : Promise.reject(error)));
    const last = text.trim().split("\n").filter(Boolean).at(-1);
    return last ? readAnchor(last, keys) : null;
  }
}

/**
 * Anchors the newest sealed batch, unless the latest anchor already covers it; answers the anchor in
 * force. Never backwards: a newest batch older than the latest anchor means batches were removed,
 * and anchoring it would hide that from the verifier.
 */
export async function anchorAuditLog(em: EntityManager, file: AnchorFile, keys: readonly SealKey[], now: Date): Promise<AuditAnchor | null> {
  const [newest] = await em.fork().find(AuditBatchEntity, {}, { orderBy: { id: "desc" }, limit: 1, fields: ["id", "head"] });
  const latest = await file.latest(keys);
  if (!newest || latest?.batch === newest.id) return latest;
  if (latest && BigInt(newest.id) < BigInt(latest.batch)) throw new Error(`the newest audit batch (${newest.id}) is older than the latest anchor (${latest.batch}): batches were removed; run npm run audit:verify`);
  const anchor = { batch: newest.id, head: newest.head, at: now.toISOString() };
  await file.append(await signAnchor(anchor, keys[0]!));
  return anchor;
}

/** Anchors every `intervalMs` on this instance; stops when called. */
export function startAuditAnchoring(em: EntityManager, file: AnchorFile, keys: readonly SealKey[], logger: Logger, intervalMs: number, now: () => Date): () => Promise<void> {
  let running: Promise<unknown> | undefined;
  const timer = setInterval(() => {
    running ??= anchorAuditLog(em, file, keys, now())
      .catch((error) => logger.error({ err: error }, "anchoring the audit log failed"))
      .finally(() => (running = undefined));
  }, intervalMs);
  return async () => {
    clearInterval(timer);
    await running;
  };
}
