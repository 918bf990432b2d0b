import { EventEmitter } from "node:events";

/**
 * Wakes this instance's subscribers after a change has committed. It carries no data: readers
 * always read the event log, so a missed wake-up delays an event but never loses it.
 */
export class ConsentEventBus {
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  private streams = 0;

  /**
   * How long a waiting reader sleeps without a wake-up before it reads the log anyway: the safety
   * net under the commit listener (LISTEN/NOTIFY), which wakes readers on every instance at once.
   */
  constructor(readonly pollMs = 2_000) {}

  committed(): void {
    this.emitter.emit("committed");
  }

  /** Resolves at the next commit, when `signal` aborts, or after `pollMs` at the latest. */
  waitForCommit(signal: AbortSignal, pollMs: number): Promise<void> {
    // An abort that came first would never fire its event: the wait would sleep out the whole poll.
    if (signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.emitter.off("committed", done);
        signal.removeEventListener("abort", done);
        resolve();
      };
      const timer = setTimeout(done, pollMs);
      this.emitter.once("committed", done);
      signal.addEventListener("abort", done, { once: true });
    });
  }

  listenerCount(): number {
    return this.emitter.listenerCount("committed");
  }

  /** Event streams (subscriptions) open on this instance: every one that starts must end. */
  get openStreams(): number {
    return this.streams;
  }

  streamOpened(): void {
    this.streams += 1;
  }

  streamClosed(): void {
    this.streams -= 1;
  }
}
