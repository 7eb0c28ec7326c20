// A circuit breaker in front of the object store. When the store stops answering (down, or
// hung: a SIGSTOPped gateway accepts connections and then says nothing), every request that
// touches it would wait for its own timeouts and retries, and requests would pile up on a
// store that cannot serve them. After `threshold` outages in a row the circuit opens: calls
// fail at once with StoreUnavailableError. After `coolDownMs` one call is let through as a
// probe (half-open); its success closes the circuit, its failure opens it again.
import { StorageError } from '../errors.ts';

/** The store is known to be down; nothing was sent to it. */
export class StoreUnavailableError extends StorageError {
  constructor(readonly retryAt: Date, readonly lastError: string) {
    super(`object store unavailable: it stopped answering (${lastError}); requests fail fast until ${retryAt.toISOString()}, when the next one probes it again`);
    this.name = 'StoreUnavailableError';
  }
}

/** How a failed call bears on the store's health. */
export type Verdict = 'outage' | 'answered' | 'neutral';

export interface CircuitBreakerOptions {
  /** Outages in a row that open the circuit. */
  threshold: number;
  /** How long the circuit stays open before a probe is let through. */
  coolDownMs: number;
}

export class CircuitBreaker {
  #failures = 0;
  #openUntil = 0;
  #probing = false;
  #lastError = '';

  constructor(readonly options: CircuitBreakerOptions) {}

  get state(): 'closed' | 'open' | 'half-open' {
    if (!this.#openUntil) return 'closed';
    return Date.now() < this.#openUntil || this.#probing ? 'open' : 'half-open';
  }

  /** Runs `fn` unless the circuit is open; `classify` says what a failure means for the store. */
  async run<T>(fn: () => Promise<T>, classify: (err: unknown) => Verdict): Promise<T> {
    let probe = false;
    if (this.#openUntil) {
      if (Date.now() < this.#openUntil || this.#probing) throw new StoreUnavailableError(new Date(this.#openUntil), this.#lastError);
      probe = this.#probing = true;
    }
    try {
      const value = await fn();
      this.#close();
      return value;
    } catch (err) {
      const verdict = classify(err);
      if (verdict === 'answered') this.#close();
      else if (verdict === 'outage') {
        this.#failures += 1;
        this.#lastError = (err as Error).message?.slice(0, 200) ?? String(err);
        if (probe || this.#failures >= this.options.threshold) this.#openUntil = Date.now() + this.options.coolDownMs;
      }
      throw err;
    } finally {
      if (probe) this.#probing = false;
    }
  }

  #close(): void {
    this.#failures = 0;
    this.#openUntil = 0;
  }
}
