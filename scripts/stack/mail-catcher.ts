import path from 'node:path';
import { isListening, ManagedProcess, readyOrStopped, waitUntil } from './process';
import { repoRoot } from './paths';

/**
 * MailDev: a real SMTP server that keeps every message and shows it in a web inbox, so a person
 * can read every letter the local stack sends.
 */
export async function startMailCatcher(options: {
  smtpPort: number;
  webPort: number;
  mailDir: string;
  logFile: string;
  ownProcessGroup?: boolean;
}): Promise<ManagedProcess> {
  const bin = path.join(repoRoot(), 'node_modules', 'maildev', 'dist', 'bin', 'maildev.js');
  const maildev = new ManagedProcess({
    name: 'maildev',
    command: process.execPath,
    args: [
      bin,
      '--smtp',
      String(options.smtpPort),
      '--web',
      String(options.webPort),
      '--ip',
      '127.0.0.1',
      '--web-ip',
      '127.0.0.1',
      '--mail-directory',
      options.mailDir,
    ],
    logFile: options.logFile,
    ownProcessGroup: options.ownProcessGroup,
  });
  return readyOrStopped(
    maildev,
    waitUntil(
      `MailDev on ports ${options.smtpPort} and ${options.webPort}`,
      async () => (await isListening(options.smtpPort)) && (await isListening(options.webPort)),
      60_000,
      maildev,
    ),
  );
}
