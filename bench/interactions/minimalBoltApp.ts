import { App, HTTPReceiver, LogLevel } from '@slack/bolt';

/**
 * The baseline: the same Bolt version and receiver as OpsPlan, one command and one view listener
 * that only ack. Run as its own process; prints `{"port":…}` once listening.
 */

const signingSecret = process.env.SLACK_SIGNING_SECRET;
if (!signingSecret) throw new Error('SLACK_SIGNING_SECRET is required');

const receiver = new HTTPReceiver({ signingSecret, endpoints: ['/slack/events'], port: 0 });
const app = new App({
  token: 'xoxb-minimal-baseline',
  // Known bot ids and no token verification: the baseline never calls Slack (no auth.test).
  botId: 'B0FAKEBOT01',
  botUserId: 'U0FAKEBOT01',
  tokenVerificationEnabled: false,
  receiver,
  logLevel: (process.env.BOLT_LOG as LogLevel) ?? LogLevel.ERROR,
});
app.command(/.*/, async ({ ack }) => {
  await ack();
});
app.view(/.*/, async ({ ack }) => {
  await ack();
});

const server = (await app.start(0)) as import('node:http').Server;
const address = server.address();
const port = address && typeof address === 'object' ? address.port : undefined;
process.stdout.write(`${JSON.stringify({ port })}\n`);
process.on('SIGTERM', () => {
  void app.stop().then(() => process.exit(0));
});
