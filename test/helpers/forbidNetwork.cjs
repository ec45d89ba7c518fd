// Preloaded (`node --require`) into the CLI and the server in tests: every way Node offers to reach
// the network throws and is written to the file named by FORBID_NETWORK_LOG, so a test can show
// that a run never tried.
const { appendFileSync } = require('node:fs');

const deny = (what) =>
  function denied() {
    if (process.env.FORBID_NETWORK_LOG) appendFileSync(process.env.FORBID_NETWORK_LOG, `${what}\n`);
    throw new Error(`network access attempted: ${what}`);
  };

const net = require('node:net');
net.connect = net.createConnection = deny('net.connect');
net.createServer = deny('net.createServer');
net.Socket.prototype.connect = deny('socket.connect');
for (const name of ['http', 'https']) {
  const mod = require(`node:${name}`);
  mod.request = mod.get = deny(`${name}.request`);
  mod.createServer = deny(`${name}.createServer`);
}
require('node:http2').connect = deny('http2.connect');
require('node:tls').connect = deny('tls.connect');
require('node:dgram').createSocket = deny('dgram.createSocket');
const dns = require('node:dns');
dns.lookup = dns.resolve = deny('dns');
dns.promises.lookup = dns.promises.resolve = deny('dns');
globalThis.fetch = deny('fetch');
