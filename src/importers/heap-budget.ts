// Keeps a bulk import's heap near its live size. An import's live heap is flat (one batch
// and the ids seen so far: ~30 MB for 100,000 jobs), but everything it parses is promoted
// garbage to V8, whose old space then grows by its own heuristics before a full collection:
// 100,000 jobs took a CLI import from ~200 MB to ~330 MB of RSS with a live heap of ~31 MB.
// So after each batch, when the heap has grown more than `budgetBytes` past what was live
// after the last full collection, it asks for one (~10–30 ms at this live size). V8 exposes
// `gc` only behind --expose-gc; the flag can be set at run time and the function read from a
// fresh context (the way Jest's --logHeapUsage does it). Without it, this does nothing.
import v8 from 'node:v8';
import vm from 'node:vm';

let collect: (() => void) | null | undefined;

function fullCollection(): void {
  if (collect === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      collect = vm.runInNewContext('gc') as () => void;
    } catch {
      collect = null;
    }
  }
  collect?.();
}

const usedHeap = () => v8.getHeapStatistics().used_heap_size;

export class HeapBudget {
  readonly #budgetBytes: number;
  #floor = usedHeap();

  constructor(budgetBytes = 32 * 1024 * 1024) {
    this.#budgetBytes = budgetBytes;
  }

  /** Between batches: a full collection if the heap grew past its budget. */
  check(): void {
    if (usedHeap() - this.#floor < this.#budgetBytes) return;
    fullCollection();
    this.#floor = usedHeap();
  }

  /** At the end: return the burst's memory now rather than whenever V8 next collects. */
  release(): void {
    fullCollection();
  }
}
