/**
 * A fixed set of resources handed out one caller at a time, first come first served. The
 * embedded engine's connections are not safe for concurrent use, so every query borrows one.
 */
export class ResourcePool<T> {
  private readonly idle: T[];
  private readonly waiting: Array<(resource: T) => void> = [];
  private closed = false;

  constructor(private readonly resources: T[]) {
    this.idle = [...resources];
  }

  get size(): number {
    return this.resources.length;
  }

  /** Number of callers waiting for a resource right now. */
  get queued(): number {
    return this.waiting.length;
  }

  async use<R>(work: (resource: T) => Promise<R>): Promise<R> {
    const resource = await this.acquire();
    try {
      return await work(resource);
    } finally {
      this.release(resource);
    }
  }

  private acquire(): Promise<T> {
    if (this.closed) return Promise.reject(new Error('pool is closed'));
    const resource = this.idle.pop();
    if (resource !== undefined) return Promise.resolve(resource);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(resource: T): void {
    const next = this.waiting.shift();
    if (next) next(resource);
    else this.idle.push(resource);
  }

  /** Waits until every resource is back, then refuses new callers and returns them all. */
  async drain(): Promise<T[]> {
    const all: T[] = [];
    for (let i = 0; i < this.resources.length; i++) all.push(await this.acquire());
    this.closed = true;
    return all;
  }
}
