import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { errorCodes, shownCode } from './errors';
import type { Logger } from './logger';

/**
 * Failures on our side or an index's. The client is shown only the code, so without a log line
 * nobody would hear of them. An index failing is a field error (HTTP 200, the rest of the answer
 * still goes out), but a failure all the same.
 */
const failureCodes = new Set<string>([
  ...Object.entries(errorCodes)
    .filter(([, { status }]) => status >= 500)
    .map(([code]) => code),
  'UPSTREAM_TIMEOUT',
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_BAD_RESPONSE',
]);

/** Enough of a stack to find the code that threw. */
const framesKept = 5;
/** Enough paths to see which fields failed; a longer list would say nothing more. */
const pathsKept = 10;
/** A path is made of the client's response keys, and an alias may be named after a CPR number. */
const longNumber = /\d{6,}/g;

interface Cause {
  type: string;
  at: string[];
  /** For an error relayed from a subgraph: where to look for its own line. */
  subgraph?: string;
}

/**
 * The error that was thrown, inside the GraphQL errors that wrap it. (A subgraph's error, as the
 * gateway's engine relays it, wraps the subgraph's answer, which is no error of ours.)
 */
function thrown(error: Error): Error {
  let inner = error;
  while (inner instanceof GraphQLError && inner.originalError instanceof Error) inner = inner.originalError;
  return inner;
}

/**
 * What went wrong, without what it was about. A message can hold whatever the error was built
 * from (a CPR number, a name, a record) in shapes no scrubbing can know, so it is never logged:
 * the type and the stack's frames (functions and file positions, never values) say where it was
 * thrown, and the request id finds the request.
 */
function causeOf(error: Error): Cause {
  const cause = thrown(error);
  const stack = cause.stack ?? '';
  // V8 starts a stack with the error's name and message: only the frames after the message are kept.
  const start = stack.indexOf(cause.message);
  const lines = start < 0 ? [] : stack.slice(start + cause.message.length).split('\n');
  const at = lines.map((line) => line.trim()).filter((line) => line.startsWith('at ')).slice(0, framesKept);
  const subgraph = error instanceof GraphQLError ? error.extensions.serviceName : undefined;
  return { type: cause.name, at, ...(typeof subgraph === 'string' ? { subgraph } : {}) };
}

function pathOf(error: Error): string[] {
  return error instanceof GraphQLError && error.path ? [error.path.join('.').replace(longNumber, '[n]')] : [];
}

/**
 * Logs every request that failed on our side (INTERNAL_SERVER_ERROR, any 5xx code) or an index's
 * (UPSTREAM_*) in one line, however many of its fields failed: the request id (the one the client
 * was given), the codes the client saw, the failed paths and the distinct causes. (A response the
 * audit plugin withholds as AUDIT_UNAVAILABLE is replaced after this has run; that plugin logs it.)
 */
export function failureLogPlugin<TContext extends BaseContext>(logger: Logger, requestIdOf: (context: TContext) => string): ApolloServerPlugin<TContext> {
  const report = (errors: readonly Error[], requestId: string | null): void => {
    const failed = errors.filter((error) => failureCodes.has(shownCode(error)));
    if (failed.length === 0) return;
    const causes = new Map(failed.map(causeOf).map((cause) => [JSON.stringify(cause), cause]));
    logger.error(
      {
        requestId,
        failed: failed.length,
        codes: [...new Set(failed.map(shownCode))],
        paths: failed.flatMap(pathOf).slice(0, pathsKept),
        causes: [...causes.values()],
      },
      'request failed',
    );
  };
  return {
    // The context could not be built, so there is no request id yet (nor was one sent back).
    async contextCreationDidFail({ error }) {
      report([error], null);
    },
    async requestDidStart() {
      return {
        // Called once per request, with all of its errors as they were thrown.
        async didEncounterErrors({ errors, contextValue }) {
          report(errors, requestIdOf(contextValue));
        },
      };
    },
  };
}
