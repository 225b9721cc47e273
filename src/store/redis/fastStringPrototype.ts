/**
 * ioredis 6 declares `class VerbatimString extends String` as it loads. Node 20's V8 then turns
 * `String.prototype` into a slow (dictionary-mode) object, and turns a prototype fast again only
 * when a property lookup from an *object* goes through it: string primitives never count. Every
 * string method call in the process (`charCodeAt`, `indexOf`, `slice`…) stayed 3–5× slower — the
 * widest plan's Block Kit render took 22 ms instead of 8.6 (bench/report/findings.md).
 *
 * A lookup from a String object, repeated until V8 keeps feedback for its call site, has V8 make
 * the prototype fast again. Idempotent and cheap (microseconds); call it after loading a library
 * that subclasses String.
 */
export function restoreFastStringPrototype(): void {
  const wrapper: { opsplanProbe?: unknown } = Object('');
  const lookUp = (target: { opsplanProbe?: unknown }) => target.opsplanProbe;
  // V8 allocates feedback for a function after a handful of calls; only then does the lookup count.
  for (let i = 0; i < 1000; i++) lookUp(wrapper);
}
