import { httpConfigFromEnv } from './http.config';

describe(httpConfigFromEnv.name, () => {
  it('has safe defaults: no CORS, 600/min, 64kb, no proxy trusted, Retry-After 5', () => {
    expect(httpConfigFromEnv({})).toEqual({
      corsOrigins: [],
      temporalUiOrigins: [],
      codecBodyLimit: '4mb',
      rateLimitPerMinute: 600,
      answerRateLimitPerMinute: 20,
      bodyLimit: '64kb',
      trustProxy: false,
      retryAfterSeconds: 5,
      apiDocs: 'public',
    });
  });

  it('keeps /docs off in production unless API_DOCS says otherwise', () => {
    expect(httpConfigFromEnv({ NODE_ENV: 'production' }).apiDocs).toBe('off');
    expect(httpConfigFromEnv({ NODE_ENV: 'production', API_DOCS: 'token' }).apiDocs).toBe('token');
    expect(httpConfigFromEnv({ NODE_ENV: 'production', API_DOCS: 'Public' }).apiDocs).toBe(
      'public',
    );
    expect(httpConfigFromEnv({ API_DOCS: 'off' }).apiDocs).toBe('off');
    expect(() => httpConfigFromEnv({ API_DOCS: 'yes' })).toThrow(
      /API_DOCS must be off, token, public/,
    );
  });

  it('reads good values', () => {
    expect(
      httpConfigFromEnv({
        CORS_ORIGINS: 'https://portal.example.nl, http://localhost:5173',
        RATE_LIMIT_PER_MINUTE: '0',
        ANSWER_RATE_LIMIT_PER_MINUTE: '5',
        BODY_LIMIT: '1MB',
        TRUST_PROXY: '10.0.0.0/8, loopback,::1',
        RETRY_AFTER_SECONDS: '30',
        API_DOCS: 'token',
        TEMPORAL_UI_ORIGIN: 'https://temporal.cjg.example',
        CODEC_BODY_LIMIT: '8mb',
      }),
    ).toEqual({
      corsOrigins: ['https://portal.example.nl', 'http://localhost:5173'],
      temporalUiOrigins: ['https://temporal.cjg.example'],
      codecBodyLimit: '8mb',
      rateLimitPerMinute: 0,
      answerRateLimitPerMinute: 5,
      bodyLimit: '1mb',
      trustProxy: '10.0.0.0/8,loopback,::1',
      retryAfterSeconds: 30,
      apiDocs: 'token',
    });
    expect(httpConfigFromEnv({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(httpConfigFromEnv({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(httpConfigFromEnv({ BODY_LIMIT: '2048' }).bodyLimit).toBe('2048');
  });

  it('allows * outside production only', () => {
    expect(httpConfigFromEnv({ CORS_ORIGINS: '*', NODE_ENV: 'development' }).corsOrigins).toBe('*');
    expect(httpConfigFromEnv({ CORS_ORIGINS: '*' }).corsOrigins).toBe('*');
    expect(() => httpConfigFromEnv({ CORS_ORIGINS: '*', NODE_ENV: 'production' })).toThrow(
      /CORS_ORIGINS=\* is not allowed when NODE_ENV=production/,
    );
  });

  it.each([
    [{ CORS_ORIGINS: 'portal.example.nl' }, /CORS_ORIGINS/],
    [{ CORS_ORIGINS: 'https://portal.example.nl/' }, /CORS_ORIGINS/],
    [{ CORS_ORIGINS: 'https://portal.example.nl/app' }, /CORS_ORIGINS/],
    [{ CORS_ORIGINS: 'https://*.example.nl' }, /CORS_ORIGINS/],
    [{ CORS_ORIGINS: 'ftp://files.example.nl' }, /CORS_ORIGINS/],
    [{ TEMPORAL_UI_ORIGIN: '*' }, /TEMPORAL_UI_ORIGIN/],
    [{ TEMPORAL_UI_ORIGIN: 'https://temporal.cjg.example/' }, /TEMPORAL_UI_ORIGIN/],
    [{ CODEC_BODY_LIMIT: '1gb' }, /CODEC_BODY_LIMIT/],
    [{ RATE_LIMIT_PER_MINUTE: '-1' }, /RATE_LIMIT_PER_MINUTE/],
    [{ RATE_LIMIT_PER_MINUTE: '1.5' }, /RATE_LIMIT_PER_MINUTE/],
    [{ RATE_LIMIT_PER_MINUTE: 'lots' }, /RATE_LIMIT_PER_MINUTE/],
    [{ ANSWER_RATE_LIMIT_PER_MINUTE: '-5' }, /ANSWER_RATE_LIMIT_PER_MINUTE/],
    [{ BODY_LIMIT: '64 kilobytes' }, /BODY_LIMIT/],
    [{ BODY_LIMIT: '0' }, /BODY_LIMIT/],
    [{ BODY_LIMIT: '1gb' }, /BODY_LIMIT/],
    [{ BODY_LIMIT: '200mb' }, /BODY_LIMIT/],
    [{ TRUST_PROXY: 'yes' }, /TRUST_PROXY/],
    [{ TRUST_PROXY: '10.0.0.0/33' }, /TRUST_PROXY/],
    [{ TRUST_PROXY: 'proxy.internal' }, /TRUST_PROXY/],
    [{ RETRY_AFTER_SECONDS: '0' }, /RETRY_AFTER_SECONDS/],
    [{ RETRY_AFTER_SECONDS: '99999' }, /RETRY_AFTER_SECONDS/],
  ])('refuses %j', (env, message) => {
    expect(() => httpConfigFromEnv(env)).toThrow(message);
  });
});
