// Turns a failed upstream request into an answer a person can act on: which InfluxDB, what went wrong, what to try.

export interface UpstreamFailure {
  status: 502 | 504;
  message: string;
}

const TLS_CODE =
  /^(ERR_SSL_|ERR_TLS_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT$|SELF_SIGNED_CERT_IN_CHAIN$|EPROTO$|HOSTNAME_MISMATCH$)/;

export function describeUpstreamFailure(error: unknown, upstream: string, timeoutMs: number): UpstreamFailure {
  const code = errorCode(error);
  const detail = error instanceof Error ? error.message : String(error);
  const unreachable = (cause: string): UpstreamFailure => ({
    status: 502,
    message: `InfluxDB at ${upstream} is unreachable: ${cause}`,
  });
  switch (code) {
    case 'ECONNREFUSED':
      return unreachable('connection refused (is it running, and on that port?)');
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return unreachable('its host name could not be resolved (check INFLUX_HOST and your DNS)');
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return unreachable('no route to that host (check the network or VPN)');
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
    case 'UND_ERR_CLOSED':
      return unreachable('the connection was closed before it answered');
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'ETIMEDOUT':
      return {
        status: 504,
        message: `InfluxDB at ${upstream} did not accept a connection in time (check the network or firewall)`,
      };
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
      return {
        status: 504,
        message: `InfluxDB at ${upstream} did not answer within ${timeoutMs} ms; it may be overloaded. Try again, or raise PROXY_TIMEOUT_MS.`,
      };
  }
  if (code && TLS_CODE.test(code)) {
    return {
      status: 502,
      message:
        `TLS/certificate problem talking to InfluxDB at ${upstream}: ${detail}. ` +
        'Check that the URL scheme (http/https) and port are right; for a private CA, start with NODE_EXTRA_CA_CERTS=<ca.pem>.',
    };
  }
  return unreachable(code ? `${detail} (${code})` : detail);
}

function errorCode(error: unknown): string | undefined {
  for (
    let current: unknown = error, depth = 0;
    current && depth < 4;
    current = (current as { cause?: unknown }).cause, depth++
  ) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}
