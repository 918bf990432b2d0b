import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

describe("startEmbeddedPostgres", () => {
  it("leaves the process's exit code alone, so a failing test run still fails", () => {
    const dataDir = mkdtempSync(join(tmpdir(), "samtykke-exit-code-"));
    try {
      const script = `
        import { startEmbeddedPostgres } from "@samtykke/server-kit";
        const server = await startEmbeddedPostgres({ dataDir: ${JSON.stringify(join(dataDir, "pg"))}, port: ${20000 + Math.floor(Math.random() * 5000)} });
        await server.stop();
        process.exitCode = 3;
      `;
      const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { encoding: "utf8", timeout: 60_000 });
      expect(run.stderr).not.toMatch(/Error/);
      expect(run.status).toBe(3);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
