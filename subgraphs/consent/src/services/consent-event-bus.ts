import { EventEmitter } from "node:events";

/**
 * Wakes this instance's subscribers after a change has committed, and tells the other instances. It
 * carries no data: readers always read the event log, so a missed wake-up delays an event but never
 * loses it.
 */
export class ConsentEventBus {
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  private streams = 0;
  private announcer: (() => Promise<unknown>) | undefined;
  private announcing = false;
  private announceAgain = false;

  /**
   * How long a waiting reader sleeps without a wake-up before it reads the log anyway: the safety
   * net under the commit listener (LISTEN/NOTIFY), which wakes readers on every instance at once.
   */
  constructor(readonly pollMs = 2_000) {}

  /**
   * Counts the wake-ups: a reader notes it before it reads and passes it to `waitForCommit`, so a
   * commit that came while it was reading (when no one was waiting to hear it) is not slept through.
   */
  commits = 0;

  /** A change committed on this instance: wake its readers and tell the other instances. */
  committed(): void {
    this.heard();
    this.announce();
  }

  /** Another instance committed a change (its announcement arrived): wake this one's readers. */
  heard(): void {
    this.commits += 1;
    this.emitter.emit("committed");
  }

  /** How this instance tells the others of its commits (a NOTIFY; see `announceCommits`). */
  announceWith(announcer: () => Promise<unknown>): void {
    this.announcer = announcer;
  }

  /**
   * One announcement in flight at a time; commits meanwhile are told by one more after it. A NOTIFY
   * serialises the commits that send it (PostgreSQL takes one lock for the notification queue), so
   * it is sent outside the changes' transactions and coalesced under load, never on a request's path.
   */
  private announce(): void {
    if (!this.announcer) return;
    if (this.announcing) {
      this.announceAgain = true;
      return;
    }
    this.announcing = true;
    void (async () => {
      do {
        this.announceAgain = false;
        // A lost announcement only delays the other instances until their next poll.
        await this.announcer!().catch(() => {});
      } while (this.announceAgain);
      this.announcing = false;
    })();
  }

  /**
   * Resolves at the next commit, when `signal` aborts, or after `pollMs` at the latest; at once when
   * there has been a commit since the count `since` was read.
   */
  waitForCommit(signal: AbortSignal, pollMs: number, since = this.commits): Promise<void> {
    // An abort that came first would never fire its event: the wait would sleep out the whole poll.
    if (signal.aborted || since !== this.commits) return Promise.resolve();
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
