import pino from 'pino';

/**
 * JSON logs for the whole process. Personal data never reaches a log line: request logs carry
 * the route pattern, not the path (ticket codes are capabilities), and these keys are redacted
 * wherever they appear.
 */
export function createLogger(level = process.env.LOG_LEVEL ?? 'info') {
  return pino({
    level,
    base: { app: 'mpp-template' },
    redact: {
      paths: [
        'phone',
        '*.phone',
        'password',
        '*.password',
        'token',
        '*.token',
        'cookie',
        '*.cookie',
      ],
      censor: '[redacted]',
    },
  });
}
