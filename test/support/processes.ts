import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** A port nothing listens on now, to start (and restart) a part on. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** One part of the platform in a process of its own, which a test can kill as a crash would. */
export interface PartProcess {
  child: ChildProcess;
  /** SIGKILL: no shutdown, no goodbye to clients, transactions cut off wherever they are. */
  kill(): Promise<void>;
}

/**
 * Starts `script` (a part's main.ts, from the repository root) with `env` and waits until `readyUrl`
 * answers 200. The part's own output is kept to show if it never gets ready.
 */
export async function startPart(script: string, env: Record<string, string>, readyUrl: string): Promise<PartProcess> {
  // One process, no wrapper: a SIGKILL must reach the part itself, not a launcher that leaves it running.
  const child = spawn(process.execPath, ["--import", "tsx", `${ROOT}${script}`], { env: { ...process.env, LOG_LEVEL: "warn", ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (chunk) => (output = (output + chunk).slice(-4000)));
  child.stderr!.on("data", (chunk) => (output = (output + chunk).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited before it was ready:\n${output}`);
    const ready = await fetch(readyUrl, { signal: AbortSignal.timeout(1_000) }).then((response) => response.ok, () => false);
    if (ready) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`${script} was not ready within 30 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    child,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}

/** Runs a command-line script of the platform to its end: its exit code and what it printed. */
export async function runScript(script: string, env: Record<string, string>): Promise<{ exitCode: number | null; output: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", `${ROOT}${script}`], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exitCode = await new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { exitCode, output };
}
