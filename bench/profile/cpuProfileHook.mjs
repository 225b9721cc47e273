// Loaded with NODE_OPTIONS='--import …/cpuProfileHook.mjs' (where --cpu-prof is refused): profiles
// the whole process and writes a .cpuprofile into CPU_PROFILE_DIR when it exits.
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

const dir = process.env.CPU_PROFILE_DIR ?? '.';
const session = new Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.setSamplingInterval', { interval: 500 });
session.post('Profiler.start');
process.on('exit', () => {
  // The in-process inspector answers synchronously, so this completes inside 'exit'.
  session.post('Profiler.stop', (error, result) => {
    if (error) return;
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `app-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
  });
});
