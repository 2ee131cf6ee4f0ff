/** A request to `POST /slack/events`, as the HTTP layer hands it over. */
export interface SlackHttpRequest {
  /** The body exactly as received: the signature covers these bytes. */
  rawBody: Buffer;
  /** Header names in lower case, as Node gives them. */
  headers: Readonly<Record<string, string | string[] | undefined>>;
}

/** What to answer, as soon as it is known (at ack time, not after the work). */
export interface SlackHttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Anything that answers Slack's HTTP requests; what the route mounts. */
export interface SlackHttpHandler {
  handle(request: SlackHttpRequest): Promise<SlackHttpResponse>;
}
