// The helper thread's whole life: instantiate the shared-memory kernels, then wait for jobs and
// run each one (the rows of C the caller left to it). It blocks in Atomics.wait, which Node's
// worker threads and browser Web Workers allow; the runtime's thread entry calls this.
import { sharedKernel, SLOT, type HelperInit } from './split-protocol';

export function runSplitHelper(init: HelperInit): void {
  const ctl = new Int32Array(init.control);
  const kernel = sharedKernel(init.memory);
  // Never ready: the caller keeps to one thread.
  if (!kernel) return;
  let seen = Atomics.load(ctl, SLOT.seq);
  Atomics.store(ctl, SLOT.ready, 1);
  for (;;) {
    Atomics.wait(ctl, SLOT.seq, seen);
    seen = Atomics.load(ctl, SLOT.seq);
    if (Atomics.load(ctl, SLOT.stop) === 1) return;
    try {
      kernel(
        ctl[SLOT.M], ctl[SLOT.N], ctl[SLOT.K], ctl[SLOT.a], ctl[SLOT.aRow], ctl[SLOT.aCol],
        ctl[SLOT.b], ctl[SLOT.c], ctl[SLOT.bias],
      );
    } catch {
      Atomics.store(ctl, SLOT.failed, 1);
    }
    Atomics.store(ctl, SLOT.done, seen);
    Atomics.notify(ctl, SLOT.done);
  }
}
