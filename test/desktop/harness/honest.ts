// Keeps the Electron stand-in honest: each stand-in object carries only members Electron
// documents for it, and touching any other member is reported (so the test fails even when the
// caller swallows the error) and throws. A stand-in that quietly answered `undefined` for an API
// it does not have would let main depend on behaviour no test ever checked.

/** Property names the runtime itself probes (await, JSON.stringify), not a caller. */
const RUNTIME_PROBES = new Set(['then', 'toJSON']);

export function honest<T extends object>(target: T, where: string, report: (what: string) => void): T {
  const refuse = (prop: string): never => {
    const what = `${where}.${prop}`;
    report(what);
    throw new Error(`The Electron stand-in does not implement ${what}. Implement it as Electron documents it, or do not call it.`);
  };
  return new Proxy(target, {
    get(t, prop, receiver) {
      if (typeof prop === 'symbol' || prop in t) return Reflect.get(t, prop, receiver) as unknown;
      if (RUNTIME_PROBES.has(prop)) return undefined;
      return refuse(prop);
    },
    set(t, prop, value, receiver) {
      if (typeof prop === 'symbol' || prop in t) return Reflect.set(t, prop, value, receiver);
      return refuse(prop);
    },
  });
}
