import 'reflect-metadata';
import { runWorker, StartupError } from './worker';

runWorker()
  .then(() => {
    console.log('worker stopped');
  })
  .catch((error: unknown) => {
    if (error instanceof StartupError) {
      console.error(`worker cannot start: ${error.message}`);
    } else {
      console.error('worker failed:', error);
    }
    process.exit(1);
  });
