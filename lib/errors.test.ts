import { appError, errorFormatter, formatError } from './errors';
import { inLanguage } from './i18n/language';

describe('the error policy', () => {
  it('gives an area error its code and area, and no HTTP status that would fail the whole response', () => {
    const error = appError('FORBIDDEN_AREA', { area: 'payments' });
    expect(error.extensions).toEqual({ code: 'FORBIDDEN_AREA', area: 'payments' });
  });

  it('gives a request-level error its HTTP status', () => {
    expect(appError('INSUFFICIENT_ASSURANCE').extensions.http).toEqual({ status: 403 });
  });

  it('tells a client refused with 401 how to authenticate', () => {
    const http = appError('UNAUTHENTICATED').extensions.http as unknown as { status: number; headers: Map<string, string> };
    expect(http.status).toBe(401);
    expect(http.headers.get('www-authenticate')).toBe('Bearer realm="borger-graph"');
  });

  it('does not repeat the value of a variable it refuses, which may be a CPR number', () => {
    const formatted = formatError({
      message: 'Variable "$cpr" got invalid value 2202450842; String cannot represent a non string value: 2202450842',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(formatted.message).toBe('Variablen "$cpr" har en ugyldig værdi.');
  });

  it('does not repeat a CPR number written as a literal of the wrong type', () => {
    const formatted = formatError({
      message: 'String cannot represent a non string value: 1503721233',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect(formatted.message).toBe('String cannot represent a non string value: [cpr]');
  });

  it('says a query could not be parsed, not how the parser broke', () => {
    expect(formatError({ message: 'Maximum call stack size exceeded', extensions: { code: 'GRAPHQL_PARSE_FAILED' } }).message).toBe(
      'Forespørgslen kunne ikke læses.',
    );
  });

  it('writes its messages in the language of the request', () => {
    expect(inLanguage('en', () => appError('FORBIDDEN_AREA').message)).toBe('You have no access to this area.');
    expect(inLanguage('da', () => appError('FORBIDDEN_AREA').message)).toBe('Du har ikke adgang til dette område.');
  });

  it('writes a message that says more than its code from its detail and parameters', () => {
    expect(inLanguage('en', () => appError('BAD_USER_INPUT', { detail: 'error.firstRange', params: { min: 0, max: 500 } }).message)).toBe(
      '"first" must be between 0 and 500.',
    );
  });

  it('names no subgraph in production', () => {
    const formatted = errorFormatter(true)({ message: 'You have no access to this area.', extensions: { code: 'FORBIDDEN_AREA', area: 'cases', serviceName: 'cases' } });
    expect(formatted.extensions).toEqual({ code: 'FORBIDDEN_AREA', area: 'cases' });
  });

  it('passes a known code through without its stack trace', () => {
    const formatted = formatError({
      message: 'The source did not answer in time.',
      extensions: { code: 'UPSTREAM_TIMEOUT', area: 'payments', stacktrace: ['at secret.internal:1'] },
    });
    expect(formatted).toEqual({
      message: 'The source did not answer in time.',
      extensions: { code: 'UPSTREAM_TIMEOUT', area: 'payments' },
    });
  });

  it("drops extensions that could carry an internal address, such as a subgraph's raw response", () => {
    const formatted = formatError({
      message: 'This caller may not use this operation.',
      extensions: { code: 'FORBIDDEN', serviceName: 'cases', response: { url: 'http://10.0.0.7:4101/graphql' } },
    });
    expect(formatted.extensions).toEqual({ code: 'FORBIDDEN', serviceName: 'cases' });
  });

  it('hides everything about an unexpected error', () => {
    const formatted = formatError({
      message: 'connect ECONNREFUSED cases-index.internal:443 for 1503721233',
      path: ['me', 'cases'],
      extensions: { code: 'SOMETHING_ELSE', stacktrace: ['Error: at x'] },
    });
    expect(formatted).toEqual({
      message: 'Der gik noget galt hos os.',
      path: ['me', 'cases'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });
});
