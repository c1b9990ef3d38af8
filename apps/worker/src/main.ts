import 'reflect-metadata';
import { Runtime } from '@temporalio/worker';
import { failureText, redactingLogger } from './logging';
import { runWorker, StartupError } from './worker';

// Before anything connects: the SDK's own log lines go through the redaction too.
Runtime.install({ logger: redactingLogger() });

runWorker()
  .then(() => {
    console.log('worker stopped');
  })
  .catch((error: unknown) => {
    if (error instanceof StartupError) {
      console.error(`worker cannot start: ${error.message}`);
    } else {
      console.error(`worker failed: ${failureText(error)}`);
    }
    process.exit(1);
  });
