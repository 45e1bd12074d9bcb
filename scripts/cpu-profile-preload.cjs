// Preloaded (`node --require`) into the language server by `npm run profile`: Node 20 refuses
// `--cpu-prof` in NODE_OPTIONS, so this starts V8's profiler through the inspector and writes a
// .cpuprofile into $GONGWEN_CPU_PROFILE_DIR when the process exits.
const inspector = require('node:inspector');
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

const dir = process.env.GONGWEN_CPU_PROFILE_DIR;
if (dir) {
  const session = new inspector.Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: Number(process.env.GONGWEN_CPU_PROFILE_INTERVAL ?? 250) });
  session.post('Profiler.start');
  process.on('exit', () => {
    // The in-process session answers synchronously, so the profile is written before the exit.
    session.post('Profiler.stop', (error, result) => {
      if (!error) writeFileSync(join(dir, `server.${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
