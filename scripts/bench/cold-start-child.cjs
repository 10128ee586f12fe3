// One cold start, in a fresh `node` process: load a Lambda bundle, invoke its handler once with the event file,
// print when each step finished, in ms since the process started (performance.now()'s origin is process start), and
// the CPU time the process had used by then (less sensitive than wall time to what else the machine is doing).
// Plain CommonJS on purpose: no tsx or loader in the measured process, only Node and the bundle.
'use strict';
const fs = require('node:fs');
const [bundle, eventFile] = process.argv.slice(2);
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const started = performance.now();
if (!bundle) {
  const cpu = cpuMs();
  process.stdout.write(JSON.stringify({ started, loaded: started, replied: started, loadedCpu: cpu, repliedCpu: cpu, status: 0 }));
} else {
  const mod = require(bundle);
  const loaded = performance.now();
  const loadedCpu = cpuMs();
  if (!eventFile) {
    // Load only (the build's load-time guard): no handler call.
    process.stdout.write(JSON.stringify({ started, loaded, replied: loaded, loadedCpu, repliedCpu: loadedCpu, status: 0 }));
    return;
  }
  // The Lambda runtime fetches the event from its Runtime API over HTTP once the module has loaded, so the event
  // loop turns between init and the invocation: read it asynchronously too, for both handlers alike.
  fs.promises
    .readFile(eventFile, 'utf8')
    .then((text) => mod.handler(JSON.parse(text), { awsRequestId: 'bench', getRemainingTimeInMillis: () => 10_000 }))
    .then(
      (response) => {
        const replied = performance.now();
        const repliedCpu = cpuMs();
        process.stdout.write(JSON.stringify({ started, loaded, replied, loadedCpu, repliedCpu, status: response.statusCode, body: response.body }));
      },
      (error) => {
        process.stderr.write(String(error && error.stack ? error.stack : error));
        process.exitCode = 1;
      },
    );
}
