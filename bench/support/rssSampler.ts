/** Samples this process' resident set size, to report the peak during one phase. */
export function sampleRss(everyMs = 20): { stop(): { baseline: number; peak: number } } {
  const baseline = process.memoryUsage.rss();
  let peak = baseline;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage.rss());
      return { baseline, peak };
    },
  };
}
