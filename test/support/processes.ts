import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/**
 * A port for a part that a test kills and starts again on the same address. It comes from below the
 * kernel's range for ephemeral ports (32768 and up), so that while the part is down no other test
 * asking the kernel for a free port can be handed it.
 */
export async function restartablePort(): Promise<number> {
  for (;;) {
    const candidate = 21_000 + Math.floor(Math.random() * 4_000);
    const server = createServer();
    const free = await new Promise<boolean>((resolve) => {
      server.once("error", () => resolve(false));
      server.listen(candidate, "127.0.0.1", () => resolve(true));
    });
    if (free) {
      await new Promise((resolve) => server.close(resolve));
      return candidate;
    }
  }
}

/** One part of the platform in a process of its own, which a test can kill as a crash would. */
export interface PartProcess {
  child: ChildProcess;
  /** SIGKILL: no shutdown, no goodbye to clients, transactions cut off wherever they are. */
  kill(): Promise<void>;
  /** SIGTERM: the part shuts down as it would on a deploy (and writes what it writes on exit). */
  stop(): Promise<void>;
  /** The last of what the part printed. */
  output(): string;
}

/**
 * Starts `script` (a part's main.ts, from the repository root) with `env` and waits until `readyUrl`
 * answers 200. The part's own output is kept to show if it never gets ready.
 */
export async function startPart(script: string, env: Record<string, string>, readyUrl: string, nodeOptions: readonly string[] = []): Promise<PartProcess> {
  // One process, no wrapper: a SIGKILL must reach the part itself, not a launcher that leaves it running.
  const child = spawn(process.execPath, [...nodeOptions, "--import", "tsx", `${ROOT}${script}`], { env: { ...process.env, LOG_LEVEL: "warn", ...env }, stdio: ["ignore", "pipe", "pipe"] });
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
    output: () => output,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
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
