import { DefaultLogger, type LogEntry, type LogLevel } from '@temporalio/worker';
import { errorSummary, redactPersonalData, withoutPersonalText } from '@cjg/domain';

/**
 * One line of the worker's log, as the SDK's default logger writes it (time, level, message,
 * attributes) but with personal data out at any depth: the SDK logs what an activity threw and
 * the attributes workflows and activities give, and an error or an object there may hold a name
 * or an address.
 */
export function redactedLogLine(entry: LogEntry): string {
  const at = new Date(Number(entry.timestampNanos / 1_000_000n)).toISOString();
  const meta =
    entry.meta === undefined
      ? ''
      : ` ${JSON.stringify(redactPersonalData(entry.meta), (_key, value: unknown) =>
          typeof value === 'bigint' ? value.toString() : value,
        )}`;
  return `${at} [${entry.level}] ${withoutPersonalText(entry.message)}${meta}\n`;
}

/** The logger the worker's Temporal runtime writes through (to stderr, as the default does). */
export function redactingLogger(level: LogLevel = 'INFO'): DefaultLogger {
  return new DefaultLogger(level, (entry) => process.stderr.write(redactedLogLine(entry)));
}

/** What the worker prints when it stops on an error: type, message and stack, no addresses. */
export function failureText(error: unknown): string {
  const { type, message, stack } = errorSummary(error);
  return typeof stack === 'string' ? stack : `${String(type)}: ${String(message)}`;
}
