import { createOpsPlanApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';

/** Entry point of `npm start`: configuration errors exit 1 with one clear message. */
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }

  let app: Awaited<ReturnType<typeof createOpsPlanApp>>;
  try {
    app = await createOpsPlanApp(config);
  } catch (err) {
    // Broken templates are a configuration problem: say what is wrong, without a stack.
    process.stderr.write(
      `OpsPlan cannot start: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    process.exit(1);
  }
  const { logger } = app;

  process.on('unhandledRejection', (reason) => {
    logger.log('error', 'unhandled rejection', {
      err:
        reason instanceof Error
          ? { name: reason.name, message: reason.message, stack: reason.stack }
          : String(reason),
    });
  });

  let signalled = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (signalled) return;
    signalled = true;
    logger.log('info', 'shutdown requested', { signal });
    app.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.log('error', 'shutdown failed', { err: String(err) });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);

  try {
    await app.start();
  } catch (err) {
    logger.log('error', 'opsplan failed to start', {
      err: err instanceof Error ? { name: err.name, message: err.message } : String(err),
    });
    await app.stop().catch(() => undefined);
    process.exit(1);
  }
}

await main();
