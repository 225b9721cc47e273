// cluster-key-slot ships with ioredis (which routes Cluster commands with it) but has no types.
declare module 'cluster-key-slot' {
  const calculateSlot: ((key: string) => number) & { generateMulti(keys: string[]): number };
  export default calculateSlot;
}
